import { Button, Checkbox, Group, List, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { ACCOUNT_PRINCIPALS_CAP } from '../../../../src-shared/models/principal-policies';
import type { AccessVerdict } from '../../../../src-shared/policy/key-policy/access-verdict';
import type { KeyAccessRow } from '../../../../src-shared/policy/key-policy/effective-key-access';
import { BreakableCode } from '../DataTable/BreakableCode';
import { TableCard } from '../DataTable/TableCard';
import { ErrorAlert } from '../ErrorAlert/ErrorAlert';
import { StatusBadge, type StatusTone } from '../StatusBadge/StatusBadge';
import type { IamLookup } from './use-principal-policies';

const COLUMNS = [
  ['administer', 'Administer'],
  ['use', 'Use'],
  ['grant', 'Grant'],
  ['delete', 'Delete'],
] as const;

const tones: Readonly<Record<AccessVerdict, StatusTone>> = {
  allowed: 'ok',
  conditional: 'warning',
  'depends-on-iam': 'neutral',
  denied: 'danger',
};

function verdictLabel(verdict: AccessVerdict, row: KeyAccessRow): string {
  if (verdict === 'allowed') return 'Yes';
  if (verdict === 'denied') return 'No';
  if (verdict === 'conditional') return 'With conditions';
  if (row.kind === 'account') return 'If IAM allows';
  if (row.iam.status === 'other-account') return 'Also needs their IAM';
  if (row.iam.status === 'unreadable') return 'Needs IAM (not readable)';
  return 'Needs IAM';
}

/** Where the row's IAM half comes from, in a few words under the principal. */
function iamLine(row: KeyAccessRow, reading: boolean): string | undefined {
  const { iam } = row;
  switch (iam.status) {
    case 'read':
      return iam.policyNames.length === 0
        ? 'IAM: no policies attached'
        : `IAM: ${iam.policyNames.join(', ')}`;
    case 'unreadable':
      return `IAM: ${iam.reason}`;
    case 'other-account':
      return `IAM in account ${iam.account}: not readable from here`;
    case 'not-read':
      return reading ? 'IAM: reading…' : 'IAM: not read';
    default:
      return undefined;
  }
}

function Verdict({ row, column }: { row: KeyAccessRow; column: (typeof COLUMNS)[number][0] }) {
  const verdict = row[column];
  return (
    <Tooltip label={row.reasons[column]} multiline w={320} withArrow openDelay={200}>
      <StatusBadge tone={tones[verdict]}>{verdictLabel(verdict, row)}</StatusBadge>
    </Tooltip>
  );
}

function PrincipalCell({
  row,
  reading,
  open,
  onToggle,
}: {
  row: KeyAccessRow;
  reading: boolean;
  open: boolean;
  onToggle: () => void;
}) {
  const line = iamLine(row, reading);
  return (
    <Stack gap={2} align="flex-start">
      <BreakableCode>{row.label}</BreakableCode>
      {row.source === 'account' && (
        <Text size="xs" c="dimmed">
          Not named in the key policy: listed from the account
        </Text>
      )}
      {line && (
        <Text size="xs" c="dimmed" data-testid="iam-line">
          {line}
        </Text>
      )}
      <Button
        variant="subtle"
        size="compact-xs"
        px={4}
        leftSection={open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
        aria-expanded={open}
        aria-label={`Why: ${row.label}`}
        onClick={onToggle}
      >
        Why
      </Button>
    </Stack>
  );
}

function AccountCheck({ lookup }: { lookup: IamLookup }) {
  const listing = lookup.accountListing;
  return (
    <Stack gap={4}>
      <Checkbox
        label={`Also check this account’s roles and users (the first ${ACCOUNT_PRINCIPALS_CAP}): the key policy lets their IAM policies decide`}
        checked={lookup.includeAccount}
        onChange={(event) => lookup.setIncludeAccount(event.currentTarget.checked)}
      />
      {lookup.includeAccount && listing && listing.error === null && (
        <Text size="xs" c="dimmed">
          {listing.capped
            ? `Only the first ${listing.listed} roles and users are shown: the account has more.`
            : `${listing.listed} roles and users checked.`}
        </Text>
      )}
      {lookup.includeAccount && listing?.error && <ErrorAlert error={listing.error} />}
    </Stack>
  );
}

/** Who can administer, use, grant and delete: the key policy and the IAM policies read. */
export function EffectiveAccessPanel({
  rows,
  lookup,
}: {
  rows: readonly KeyAccessRow[] | undefined;
  lookup?: IamLookup;
}) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <Stack gap="xs" component="section" aria-label="Effective access">
      <Text fw={600}>Effective access</Text>
      <Text size="xs" c="dimmed">
        What this policy lets each principal do
        {lookup ? ', together with the IAM policies this profile can read' : ''}. “If IAM allows”:
        the account root is trusted, so that account’s IAM policies decide. Point at a verdict or
        open “Why” to see which policy decided.
      </Text>
      {lookup?.error && <ErrorAlert error={lookup.error} />}
      {lookup?.trustsAccountRoot && <AccountCheck lookup={lookup} />}
      {rows === undefined ? (
        <Text size="sm" c="dimmed">
          Fix the JSON to see who can do what.
        </Text>
      ) : (
        <TableCard aria-label="Effective access" minWidth={640} data-testid="effective-access">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Principal</Table.Th>
              {COLUMNS.map(([key, title]) => (
                <Table.Th key={key}>{title}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const id = `${row.kind}:${row.subject}`;
              const expanded = open.has(id);
              return (
                <Fragment key={id}>
                  <Table.Tr data-testid="access-row">
                    <Table.Td>
                      <PrincipalCell
                        row={row}
                        reading={lookup?.reading ?? false}
                        open={expanded}
                        onToggle={() => toggle(id)}
                      />
                    </Table.Td>
                    {COLUMNS.map(([key]) => (
                      <Table.Td key={key}>
                        <Verdict row={row} column={key} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                  {expanded && (
                    <Table.Tr data-testid="access-details">
                      <Table.Td colSpan={5}>
                        <List size="sm" spacing={2}>
                          {COLUMNS.map(([key, title]) => (
                            <List.Item key={key}>
                              <b>{title}:</b> {row.reasons[key]}
                            </List.Item>
                          ))}
                        </List>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </TableCard>
      )}
      {lookup?.reading && (
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            Reading IAM policies…
          </Text>
        </Group>
      )}
    </Stack>
  );
}
