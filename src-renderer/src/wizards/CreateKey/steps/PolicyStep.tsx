import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { PolicyAnalysis, PolicyPlace } from '../../../components/KeyPolicyEditor/policy-draft';
import {
  PolicyDocumentEditor,
  type PolicyViewMode,
} from '../../../components/KeyPolicyEditor/PolicyDocumentEditor';
import type { StepProps } from './TypeStep';

export interface PolicyStepProps extends StepProps {
  readonly text: string;
  readonly analysis: PolicyAnalysis;
  readonly place: PolicyPlace;
  readonly suggestions: readonly string[];
}

/** Step 4: the policy the choices give, reviewable and editable in both views. */
export function PolicyStep({
  draft,
  onChange,
  text,
  analysis,
  place,
  suggestions,
}: PolicyStepProps) {
  const [mode, setMode] = useState<PolicyViewMode>('visual');
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Generated from your choices, as the AWS console writes it. Edit it here if you need more.
      </Text>
      {draft.editedPolicy !== null && (
        <Alert color="blue" title="You edited this policy">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">Changes to the earlier steps no longer update it.</Text>
            <Button
              size="xs"
              variant="default"
              onClick={() => onChange({ ...draft, editedPolicy: null })}
            >
              Regenerate from my choices
            </Button>
          </Group>
        </Alert>
      )}
      <PolicyDocumentEditor
        text={text}
        analysis={analysis}
        place={place}
        onChange={(next) => onChange({ ...draft, editedPolicy: next })}
        mode={mode}
        onModeChange={setMode}
        suggestions={suggestions}
      />
    </Stack>
  );
}
