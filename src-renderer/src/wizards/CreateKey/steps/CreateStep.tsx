import { Alert, Button, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { CreateKeyResult } from '../../../../../src-shared/models/key-changes';
import type { CreateKeyInput } from '../../../../../src-shared/schemas/create-key-input';
import type { OperationState } from '../../../api/use-operation';
import { ErrorAlert } from '../../../components/ErrorAlert/ErrorAlert';
import { CreatedButFailed } from './CreatedButFailed';
import { keyPath } from '../../../pages/keys/key-paths';
import { BreakableCode } from '../../../components/DataTable/BreakableCode';
import { materialSummary } from '../../shared/material-draft';

export interface CreateStepProps {
  readonly input: CreateKeyInput;
  readonly profileName: string;
  readonly state: OperationState<CreateKeyResult>;
  /** The key an attempt already made (reported once it existed): a retry continues from it. */
  readonly createdKeyId: string | null;
  readonly onCreate: () => void;
  readonly onEditNaming: () => void;
}

function summary(input: CreateKeyInput): readonly [string, string][] {
  const material = input.importMaterial;
  return [
    ['Where', `${input.profileId} · ${input.region}`],
    ['Key spec', `${input.keySpec} (${input.keyUsage})`],
    ['Origin', input.origin === 'EXTERNAL' ? materialSummary(material) : 'KMS'],
    [
      'Regions',
      input.multiRegion
        ? `Multi-Region; replicas: ${input.replicaRegions.join(', ') || 'none yet'}`
        : 'Single Region',
    ],
    ['Alias', input.alias ?? '—'],
    ['Description', input.description || '—'],
    ['Tags', input.tags.map((t) => `${t.key}=${t.value}`).join(', ') || '—'],
  ];
}

/** Step 5: what will be created, then the progress of each step, then where the key is. */
export function CreateStep({
  input,
  profileName,
  state,
  createdKeyId,
  onCreate,
  onEditNaming,
}: CreateStepProps) {
  return (
    <Stack gap="md">
      <Table withRowBorders={false} aria-label="What will be created" data-testid="create-summary">
        <Table.Tbody>
          {summary({ ...input, profileId: profileName }).map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={140}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {state.status === 'idle' && (
        <Group>
          <Button onClick={onCreate}>Create key</Button>
        </Group>
      )}
      {state.status === 'running' && (
        <Stack gap={4} data-testid="create-progress" aria-live="polite">
          <Text size="sm">
            {state.title ?? 'Starting…'}
            {state.step !== undefined && state.stepCount
              ? ` (step ${state.step} of ${state.stepCount})`
              : ''}
          </Text>
          <Progress
            value={state.step && state.stepCount ? (100 * state.step) / state.stepCount : 5}
            animated
            aria-label="Creating the key"
          />
        </Stack>
      )}
      {state.status === 'failed' && createdKeyId && (
        <CreatedButFailed
          input={input}
          keyId={createdKeyId}
          error={state.error}
          onContinue={onCreate}
          onEditNaming={onEditNaming}
        />
      )}
      {state.status === 'failed' && !createdKeyId && (
        <Stack>
          <ErrorAlert error={state.error} />
          <Group>
            <Button onClick={onCreate}>Try again</Button>
          </Group>
        </Stack>
      )}
      {state.status === 'done' && <CreatedKey input={input} result={state.result} />}
    </Stack>
  );
}

function CreatedKey({ input, result }: { input: CreateKeyInput; result: CreateKeyResult }) {
  const { metadata } = result;
  return (
    <Alert color="teal" icon={<IconCircleCheck />} title="Key created" data-testid="create-result">
      <Stack gap="xs">
        <BreakableCode>{metadata.arn}</BreakableCode>
        {result.alias && <Text size="sm">Alias: {result.alias}</Text>}
        {result.importedMaterial && (
          <Text size="sm">
            Key material imported ({result.importedMaterial.expirationModel}
            {result.importedMaterial.validTo ? `, until ${result.importedMaterial.validTo}` : ''}).
          </Text>
        )}
        {result.replicas.map((replica) => (
          <Text size="sm" key={replica.region}>
            Replica in {replica.region}: {replica.keyState}
          </Text>
        ))}
        <Group gap="md">
          <Button
            variant="default"
            size="xs"
            component={Link}
            to={keyPath({
              profileId: input.profileId,
              region: input.region,
              keyId: metadata.keyId,
            })}
          >
            Open the key
          </Button>
          <Button
            variant="default"
            size="xs"
            component={Link}
            to={keyPath(
              { profileId: input.profileId, region: input.region, keyId: metadata.keyId },
              'policy',
            )}
          >
            Edit its policy
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
