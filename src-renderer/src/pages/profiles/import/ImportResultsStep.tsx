import { Button, Code, Group, List, Paper, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type {
  ImportResult,
  ImportScan,
  RemoveKeysResult,
} from '../../../../../src-shared/models/profile-import';
import { useApi } from '../../../api/api-context';
import { presentError } from '../../../api/present-error';
import { ConfirmDestructive } from '../../../components/ConfirmDestructive/ConfirmDestructive';
import { BreakableCode } from '../../../components/DataTable/BreakableCode';
import { ModalFooter } from '../../../components/ModalFrame/ModalFrame';
import { StatusBadge, type StatusTone } from '../../../components/StatusBadge/StatusBadge';

const statusTone: Readonly<Record<'verified' | 'failed' | 'unverified', StatusTone>> = {
  verified: 'ok',
  failed: 'danger',
  unverified: 'neutral',
};

function Outcome({ row }: { row: ImportResult['results'][number] }) {
  if (!row.profile) {
    return (
      <Stack gap={2}>
        <StatusBadge tone="danger">not imported</StatusBadge>
        <Text size="xs">{[row.error?.message, row.error?.hint].filter(Boolean).join(' ')}</Text>
      </Stack>
    );
  }
  const { profile } = row;
  return (
    <Stack gap={2}>
      <StatusBadge tone={statusTone[profile.status]}>{profile.status}</StatusBadge>
      {profile.arn && <BreakableCode fz="xs">{profile.arn}</BreakableCode>}
      {profile.lastError && <Text size="xs">Identity check: {profile.lastError}</Text>}
      {profile.status === 'unverified' && (
        <Text size="xs">
          {profile.needsMfa
            ? 'Start a session with an MFA code from the Profiles page.'
            : profile.kind === 'sso'
              ? 'Sign in to IAM Identity Center from the Profiles page.'
              : 'Check it from the Profiles page.'}
        </Text>
      )}
    </Stack>
  );
}

/** After importing: what happened per profile, then an offer (never forced) to tidy the file. */
export function ImportResultsStep(props: {
  scan: ImportScan;
  result: ImportResult;
  onDone: () => void;
}) {
  const api = useApi();
  const { scan, result } = props;
  const [confirming, setConfirming] = useState(false);
  const [removed, setRemoved] = useState<RemoveKeysResult | null>(null);
  const entries = new Map(scan.entries.map((entry) => [entry.name, entry]));
  const keysInFile = result.results
    .filter((row) => row.profile?.kind === 'access-key')
    .filter((row) => entries.get(row.name)?.keysInCredentialsFile)
    .map((row) => row.name);
  const credentials = scan.files.credentials;
  const remove = useMutation({
    mutationFn: () =>
      api.profiles.removeKeysFromFile({
        names: keysInFile,
        sha256: credentials.sha256 ?? '',
        confirm: true,
      }),
  });

  return (
    <Stack>
      <Table verticalSpacing="xs" aria-label="Import results">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Profile</Table.Th>
            <Table.Th>Result</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.results.map((row) => (
            <Table.Tr key={row.name} data-testid={`imported-${row.name}`}>
              <Table.Td>
                <Text fw={600}>{row.name}</Text>
              </Table.Td>
              <Table.Td>
                <Outcome row={row} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {keysInFile.length > 0 && !removed && (
        <Paper withBorder p="md" radius="md" role="region" aria-labelledby="keys-in-file">
          <Stack gap="xs">
            <Text fw={600} id="keys-in-file">
              The keys are still in the plaintext file
            </Text>
            <Text size="sm">
              The secret access keys of {keysInFile.map((name) => `“${name}”`).join(', ')} are now
              in the OS keychain and still in <Code>{credentials.path}</Code>. Keyward can remove
              them from that file; the AWS CLI then no longer finds them there.
            </Text>
            <Group>
              <Button variant="default" onClick={() => setConfirming(true)}>
                Remove the keys from the file…
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {removed && (
        <Paper withBorder p="md" radius="md" role="status">
          <Text fw={600}>Keys removed from the file</Text>
          <Text size="sm">
            {removed.removed.map((name) => `“${name}”`).join(', ')}: gone from{' '}
            <Code>{removed.credentialsFile}</Code>. Backup of the previous file:{' '}
            <Code data-testid="backup-path">{removed.backupPath}</Code>
          </Text>
        </Paper>
      )}
      <ModalFooter>
        <Button onClick={props.onDone} data-autofocus>
          Done
        </Button>
      </ModalFooter>
      <ConfirmDestructive
        opened={confirming}
        title="Remove the keys from your credentials file?"
        confirmLabel="Back up and remove keys"
        busy={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: (answer) => {
              setConfirming(false);
              setRemoved(answer);
            },
            onError: (error) => {
              setConfirming(false);
              presentError(error);
            },
          })
        }
      >
        <Stack gap="xs">
          <Text size="sm">
            Keyward rewrites <Code>{credentials.path}</Code> without these lines:
          </Text>
          <List size="sm">
            {keysInFile.map((name) => (
              <List.Item key={name}>[{name}] aws_access_key_id, aws_secret_access_key</List.Item>
            ))}
          </List>
          <Text size="sm">
            First it saves the whole file as{' '}
            <Code>{credentials.path}.keyward-backup-&lt;date and time&gt;</Code> (readable only by
            you). Comments and other profiles stay as they are.
          </Text>
        </Stack>
      </ConfirmDestructive>
    </Stack>
  );
}
