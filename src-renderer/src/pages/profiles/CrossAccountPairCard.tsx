import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ProfileSummary } from '../../../../src-shared/models/profile';
import type { Settings } from '../../../../src-shared/schemas/settings';
import { presentError } from '../../api/present-error';
import { useUpdateSettings } from '../../api/queries';
import { notifySuccess } from '../../components/notify/notify';
import {
  isUsablePair,
  SourceTargetPicker,
  type SourceTargetValue,
} from '../../components/SourceTargetPicker/SourceTargetPicker';

/** The two accounts cross-account jobs (snapshot copies, AMI sharing) start with. */
export function CrossAccountPairCard({
  profiles,
  settings,
}: {
  profiles: readonly ProfileSummary[];
  settings: Settings;
}) {
  const saved = settings.crossAccountPair;
  const [pair, setPair] = useState<SourceTargetValue>({
    sourceProfileId: saved?.sourceProfileId ?? null,
    targetProfileId: saved?.targetProfileId ?? null,
  });
  const update = useUpdateSettings();
  const unchanged =
    pair.sourceProfileId === (saved?.sourceProfileId ?? null) &&
    pair.targetProfileId === (saved?.targetProfileId ?? null);

  const save = () => {
    if (!pair.sourceProfileId || !pair.targetProfileId) return;
    update.mutate(
      {
        crossAccountPair: {
          sourceProfileId: pair.sourceProfileId,
          targetProfileId: pair.targetProfileId,
        },
      },
      {
        onSuccess: () =>
          notifySuccess({
            title: 'Cross-account pair saved',
            message: 'Snapshot and AMI jobs will start with these two profiles.',
          }),
        onError: (error) => presentError(error),
      },
    );
  };

  return (
    <Card withBorder radius="lg" mt="lg" component="section" aria-labelledby="pair-title">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="pair-title">
            Cross-account pair
          </Title>
          <Text size="sm" c="dimmed">
            The source account (owns the snapshots, AMIs and keys) and the target account (receives
            the copies). Each side acts with its own identity; both must be different accounts.
          </Text>
        </div>
        <SourceTargetPicker
          profiles={profiles}
          value={pair}
          onChange={setPair}
          sourceLabel="Source profile"
          targetLabel="Target profile"
        />
        <Group justify="flex-end">
          <Button
            onClick={save}
            disabled={unchanged || !isUsablePair(profiles, pair)}
            loading={update.isPending}
          >
            Save pair
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
