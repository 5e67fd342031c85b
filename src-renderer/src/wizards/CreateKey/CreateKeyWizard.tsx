import { Button, Group, Paper, Select, Stack, Stepper, Text } from '@mantine/core';
import { useState } from 'react';
import type { ProfileSummary } from '../../../../src-shared/models/profile';
import { useOperation } from '../../api/use-operation';
import { ActionGroup } from '../../components/ActionGroup/ActionGroup';
import { withPlace } from './create-key-form';
import { AccessStep } from './steps/AccessStep';
import { CreateStep } from './steps/CreateStep';
import { NamingStep } from './steps/NamingStep';
import { PolicyStep } from './steps/PolicyStep';
import { TypeStep } from './steps/TypeStep';
import { STEP_COUNT, useCreateKeyWizard } from './use-create-key-wizard';

export interface CreateKeyWizardProps {
  readonly profiles: readonly ProfileSummary[];
  readonly regions: readonly { code: string; name: string }[];
  readonly activeProfileId: string;
  readonly activeRegion: string;
}

const labels = ['Type', 'Name and tags', 'Access', 'Policy', 'Create'] as const;

/** The create-key wizard: five steps over one draft, then keys.create with its progress. */
export function CreateKeyWizard({
  profiles,
  regions,
  activeProfileId,
  activeRegion,
}: CreateKeyWizardProps) {
  const wizard = useCreateKeyWizard(profiles, activeProfileId, activeRegion);
  const [createdKeyId, setCreatedKeyId] = useState<string | null>(null);
  const create = useOperation('keys.create', {
    onPartial: (partial) => setCreatedKeyId(partial.createdKey.keyId),
  });
  const { draft, setDraft, step } = wizard;
  const status = create.state.status;
  // After a failure the draft can be changed again (an alias that was taken); the place cannot
  // once a key exists there.
  const locked = status === 'running' || status === 'done';
  const placeLocked = locked || createdKeyId !== null;
  const startCreate = () =>
    void create.start({
      ...wizard.input(),
      ...(createdKeyId ? { continueKeyId: createdKeyId } : {}),
    });
  const regionOptions = regions.map((r) => ({ value: r.code, label: `${r.code} — ${r.name}` }));
  const stepProps = { draft, onChange: setDraft, problems: wizard.problems };
  return (
    <Stack gap="md">
      <Paper withBorder p="sm">
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label="Profile"
            data={profiles.map((p) => ({ value: p.id, label: p.name }))}
            value={draft.profileId}
            allowDeselect={false}
            disabled={placeLocked}
            onChange={(id) => id && setDraft(withPlace(draft, id, draft.region))}
            w={240}
          />
          <Select
            label="Region"
            data={regionOptions}
            value={draft.region}
            allowDeselect={false}
            searchable
            disabled={placeLocked}
            onChange={(region) => region && setDraft(withPlace(draft, draft.profileId, region))}
            w={280}
          />
          <Text size="sm" c="dimmed">
            Account {wizard.accountId}
          </Text>
        </Group>
      </Paper>
      <Stepper
        active={step}
        onStepClick={locked ? undefined : wizard.goTo}
        size="sm"
        allowNextStepsSelect={false}
      >
        <Stepper.Step label={labels[0]}>
          <TypeStep {...stepProps} regions={regionOptions} />
        </Stepper.Step>
        <Stepper.Step label={labels[1]}>
          <NamingStep {...stepProps} />
        </Stepper.Step>
        <Stepper.Step label={labels[2]}>
          <AccessStep
            {...stepProps}
            accountId={wizard.accountId}
            suggestions={wizard.suggestions}
          />
        </Stepper.Step>
        <Stepper.Step label={labels[3]}>
          <PolicyStep
            {...stepProps}
            text={wizard.text}
            analysis={wizard.analysis}
            place={wizard.place}
            suggestions={wizard.suggestions}
          />
        </Stepper.Step>
        <Stepper.Step label={labels[4]}>
          <CreateStep
            input={wizard.input()}
            profileName={wizard.profile?.name ?? draft.profileId}
            state={create.state}
            createdKeyId={createdKeyId}
            onCreate={startCreate}
            onEditNaming={() => wizard.goTo(1)}
          />
        </Stepper.Step>
      </Stepper>
      {!locked && (
        <ActionGroup justify="space-between">
          <Button variant="default" onClick={wizard.back} disabled={step === 0}>
            Back
          </Button>
          {step < STEP_COUNT - 1 && (
            <Button onClick={wizard.next} data-blocked={wizard.blocked || undefined}>
              Next: {labels[step + 1]}
            </Button>
          )}
        </ActionGroup>
      )}
    </Stack>
  );
}
