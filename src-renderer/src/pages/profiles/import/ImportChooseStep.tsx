import { Button, Checkbox, Code, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useMutation, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProfileTarget } from '../../../../../src-shared/models/profile';
import type {
  ImportEntry,
  ImportResult,
  ImportScan,
} from '../../../../../src-shared/models/profile-import';
import { useApi } from '../../../api/api-context';
import { presentError, toSerialized } from '../../../api/present-error';
import { ErrorAlert } from '../../../components/ErrorAlert/ErrorAlert';
import { ModalFooter } from '../../../components/ModalFrame/ModalFrame';
import { StatusBadge } from '../../../components/StatusBadge/StatusBadge';
import { TargetField } from '../profile-fields';
import { KindBadge } from './import-badges';

function Details({ entry }: { entry: ImportEntry }) {
  return (
    <Stack gap={2}>
      {entry.accessKeyHint && <Text size="xs">Key {entry.accessKeyHint}</Text>}
      {entry.roleArn && <Code fz="xs">{entry.roleArn}</Code>}
      {entry.sourceProfile && <Text size="xs">Source profile: {entry.sourceProfile}</Text>}
      {entry.sso && (
        <Text size="xs">
          {entry.sso.startUrl} · {entry.sso.accountId} · {entry.sso.roleName}
        </Text>
      )}
      {entry.mfaSerial && <Text size="xs">MFA: {entry.mfaSerial}</Text>}
      <Text size="xs">Region: {entry.region ?? 'default'}</Text>
    </Stack>
  );
}

function Remarks({ entry }: { entry: ImportEntry }) {
  return (
    <Stack gap={4}>
      {entry.alreadyImported && (
        <StatusBadge tone="neutral" w="fit-content">
          Already in Keyward
        </StatusBadge>
      )}
      {entry.problems.map((problem) => (
        <Stack key={problem} gap={2}>
          <StatusBadge tone="danger" w="fit-content">
            Problem
          </StatusBadge>
          <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
            {problem}
          </Text>
        </Stack>
      ))}
      {entry.notes.map((note) => (
        <Text key={note} size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {note}
        </Text>
      ))}
    </Stack>
  );
}

function FilesFound({ files }: { files: ImportScan['files'] }) {
  return (
    <Text size="sm">
      Reading <Code>{files.config.path}</Code> ({files.config.exists ? 'found' : 'not found'}) and{' '}
      <Code>{files.credentials.path}</Code> ({files.credentials.exists ? 'found' : 'not found'}).
      Nothing is written to them.
    </Text>
  );
}

export function ImportChooseStep(props: {
  scan: UseQueryResult<ImportScan>;
  onImported: (result: ImportResult) => Promise<void>;
  onCancel: () => void;
}) {
  const api = useApi();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [target, setTarget] = useState<ProfileTarget>('aws');
  const [keepFailed, setKeepFailed] = useState(true);
  const run = useMutation({
    mutationFn: () =>
      api.profiles.import({ names: [...chosen], target, saveUnverified: keepFailed }),
  });
  const { data: scan, error, isLoading } = props.scan;
  if (error) return <ErrorAlert error={toSerialized(error)} />;
  if (isLoading || !scan) return <Skeleton h={200} />;

  const importable = scan.entries.filter((entry) => entry.importable);
  const byName = new Map(scan.entries.map((entry) => [entry.name, entry]));
  const toggle = (entry: ImportEntry, on: boolean) => {
    const next = new Set(chosen);
    if (on) {
      next.add(entry.name);
      // A role needs its source: choose it too when it can be imported.
      const source = entry.sourceProfile ? byName.get(entry.sourceProfile) : undefined;
      if (entry.kind === 'assume-role' && source?.importable) next.add(source.name);
    } else next.delete(entry.name);
    setChosen(next);
  };
  const allChosen = importable.length > 0 && importable.every((entry) => chosen.has(entry.name));

  return (
    <Stack>
      <FilesFound files={scan.files} />
      {scan.entries.length === 0 ? (
        <Text size="sm" fw={600}>
          No profiles found. Neither file has a profile: add one with Add profile, or set
          AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE before starting Keyward.
        </Text>
      ) : (
        <Table verticalSpacing="xs" aria-label="Profiles in your AWS files">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <Checkbox
                  aria-label="Choose every profile that can be imported"
                  checked={allChosen}
                  indeterminate={!allChosen && chosen.size > 0}
                  disabled={importable.length === 0}
                  onChange={(event) =>
                    setChosen(
                      event.currentTarget.checked
                        ? new Set(importable.map((entry) => entry.name))
                        : new Set(),
                    )
                  }
                />
              </Table.Th>
              <Table.Th>Profile</Table.Th>
              <Table.Th>Becomes</Table.Th>
              <Table.Th>Details</Table.Th>
              <Table.Th>Notes</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scan.entries.map((entry) => (
              <Table.Tr key={entry.name} data-testid={`import-${entry.name}`}>
                <Table.Td>
                  <Checkbox
                    aria-label={`Import ${entry.name}`}
                    checked={chosen.has(entry.name)}
                    disabled={!entry.importable}
                    onChange={(event) => toggle(entry, event.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  <Text fw={600}>{entry.name}</Text>
                  <Text size="xs" c="dimmed">
                    {entry.sources.join(' + ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <KindBadge kind={entry.kind} />
                </Table.Td>
                <Table.Td>
                  <Details entry={entry} />
                </Table.Td>
                <Table.Td maw={320}>
                  <Remarks entry={entry} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <TargetField
        label="Imported profiles connect to"
        value={target}
        onChange={(value) => setTarget(value as ProfileTarget)}
      />
      <Checkbox
        label="Keep profiles whose identity check fails (they are marked failed)"
        checked={keepFailed}
        onChange={(event) => setKeepFailed(event.currentTarget.checked)}
      />
      <ModalFooter>
        <Button variant="default" onClick={props.onCancel}>
          Cancel
        </Button>
        <Button
          disabled={chosen.size === 0}
          loading={run.isPending}
          onClick={() =>
            run.mutate(undefined, {
              onSuccess: (result) => props.onImported(result),
              onError: (failure) => presentError(failure),
            })
          }
        >
          Import {chosen.size === 1 ? '1 profile' : `${chosen.size} profiles`}
        </Button>
      </ModalFooter>
    </Stack>
  );
}
