import { ActionIcon, Alert, Grid, Select, Stack, Tooltip } from '@mantine/core';
import { IconArrowsLeftRight } from '@tabler/icons-react';
import { crossAccountPairProblem } from '../../../../src-shared/models/cross-account';
import type { ProfileSummary } from '../../../../src-shared/models/profile';
import { IdentityPanel } from './IdentityPanel';

export interface SourceTargetValue {
  readonly sourceProfileId: string | null;
  readonly targetProfileId: string | null;
}

/** Two profiles for a cross-account job, side by side; refuses a pair in one account. */
export function SourceTargetPicker({
  profiles,
  value,
  onChange,
  sourceLabel = 'Source profile',
  targetLabel = 'Target profile',
}: {
  profiles: readonly ProfileSummary[];
  value: SourceTargetValue;
  onChange: (value: SourceTargetValue) => void;
  sourceLabel?: string;
  targetLabel?: string;
}) {
  const find = (id: string | null) => profiles.find((profile) => profile.id === id);
  const source = find(value.sourceProfileId);
  const target = find(value.targetProfileId);
  // Until both sides are chosen there is nothing to refuse yet.
  const problem = source && target ? crossAccountPairProblem(source, target) : null;
  const options = profiles.map((profile) => ({
    value: profile.id,
    label: profile.accountId ? `${profile.name} · ${profile.accountId}` : profile.name,
  }));
  const invalid = (field: 'sourceProfileId' | 'targetProfileId') => problem?.field === field;

  return (
    <Stack gap="sm">
      <Grid align="flex-start">
        <Grid.Col span={{ base: 12, sm: 'auto' }}>
          <Stack gap="xs">
            <Select
              label={sourceLabel}
              data={options}
              value={value.sourceProfileId}
              onChange={(id) => onChange({ ...value, sourceProfileId: id })}
              searchable
              nothingFoundMessage="No profile matches"
              error={invalid('sourceProfileId')}
            />
            <IdentityPanel profile={source} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 'content' }} pt={{ sm: 28 }}>
          <Tooltip label="Swap source and target">
            <ActionIcon
              variant="subtle"
              aria-label="Swap source and target"
              onClick={() =>
                onChange({
                  sourceProfileId: value.targetProfileId,
                  targetProfileId: value.sourceProfileId,
                })
              }
            >
              <IconArrowsLeftRight size={18} />
            </ActionIcon>
          </Tooltip>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 'auto' }}>
          <Stack gap="xs">
            <Select
              label={targetLabel}
              data={options}
              value={value.targetProfileId}
              onChange={(id) => onChange({ ...value, targetProfileId: id })}
              searchable
              nothingFoundMessage="No profile matches"
              error={invalid('targetProfileId')}
            />
            <IdentityPanel profile={target} />
          </Stack>
        </Grid.Col>
      </Grid>
      {problem && (
        <Alert color="red" variant="outline" role="alert" title="This pair cannot be used">
          {problem.message}
        </Alert>
      )}
    </Stack>
  );
}

export function isUsablePair(profiles: readonly ProfileSummary[], value: SourceTargetValue) {
  const find = (id: string | null) => profiles.find((profile) => profile.id === id);
  return crossAccountPairProblem(find(value.sourceProfileId), find(value.targetProfileId)) === null;
}
