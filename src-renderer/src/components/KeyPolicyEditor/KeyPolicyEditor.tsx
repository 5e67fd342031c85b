import { Button, Group, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useProfiles } from '../../api/queries';
import { toSerialized } from '../../api/present-error';
import { ActionGroup } from '../ActionGroup/ActionGroup';
import { ErrorAlert } from '../ErrorAlert/ErrorAlert';
import { useUnsavedChangesGuard } from '../UnsavedChanges/use-unsaved-changes-guard';
import { analysePolicy, prettyPolicy, type PolicyPlace } from './policy-draft';
import { PolicyDocumentEditor, type PolicyViewMode } from './PolicyDocumentEditor';
import { PolicyVersions } from './PolicyVersions';
import { SavePolicyDialog } from './SavePolicyDialog';
import { usePolicySave } from './use-policy-save';
import { usePrincipalPolicies } from './use-principal-policies';

export interface KeyPolicyEditorProps {
  readonly profileId: string;
  readonly region: string;
  readonly keyId: string;
  readonly accountId: string;
  readonly keyArn: string;
  /** The key policy as read from AWS (GetKeyPolicy). */
  readonly document: string;
}

/** Why Save is not possible now, or undefined. */
function blockReason(dirty: boolean, errors: number): string | undefined {
  if (errors > 0) return 'Fix the problems listed above before saving.';
  if (!dirty) return 'No changes to save.';
  return undefined;
}

/** The key policy tab: visual and JSON views, effective access, diff before save, versions. */
export function KeyPolicyEditor(props: KeyPolicyEditorProps) {
  const { profileId, region, keyId, accountId, keyArn } = props;
  const ref = useMemo(() => ({ profileId, region, keyId }), [profileId, region, keyId]);
  const policy = usePolicySave(ref, props.document);
  const profiles = useProfiles();
  const profile = profiles.data?.find((p) => p.id === profileId);
  const callerArn = profile?.arn ?? undefined;
  const iam = usePrincipalPolicies(profileId, accountId, policy.text);
  const place: PolicyPlace = useMemo(
    () => ({ accountId, keyArn, ...(callerArn ? { callerArn } : {}), iam: iam.options }),
    [accountId, keyArn, callerArn, iam.options],
  );
  const analysis = useMemo(() => analysePolicy(policy.text, place), [policy.text, place]);
  const [mode, setMode] = useState<PolicyViewMode>('visual');
  const [reviewing, setReviewing] = useState(false);
  const blocked = blockReason(policy.dirty, analysis.errors.length);
  useUnsavedChangesGuard(policy.dirty);
  const suggestions = callerArn ? [callerArn] : [];

  return (
    <Stack gap="lg" data-testid="key-policy-editor">
      <PolicyDocumentEditor
        text={policy.text}
        analysis={analysis}
        place={place}
        onChange={policy.setText}
        mode={mode}
        onModeChange={setMode}
        suggestions={suggestions}
        iamLookup={iam.lookup}
      />
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" c={analysis.errors.length > 0 ? 'red' : 'dimmed'} data-testid="save-state">
          {blocked ?? 'Unsaved changes: review the diff, then save.'}
        </Text>
        <ActionGroup>
          <Button
            variant="default"
            disabled={!policy.dirty}
            onClick={() => policy.setText(prettyPolicy(policy.base))}
          >
            Discard changes
          </Button>
          <Button
            leftSection={<IconDeviceFloppy size={16} />}
            disabled={blocked !== undefined}
            onClick={() => {
              policy.save.reset();
              setReviewing(true);
            }}
          >
            Review and save…
          </Button>
        </ActionGroup>
      </Group>
      {policy.revert.error && <ErrorAlert error={toSerialized(policy.revert.error)} />}
      <PolicyVersions
        versions={policy.versions.data?.versions ?? []}
        current={policy.base}
        reverting={policy.revert.isPending}
        onRevert={(version) => policy.revert.mutate(version)}
      />
      <SavePolicyDialog
        opened={reviewing}
        before={policy.base}
        after={policy.text}
        saving={policy.save.isPending}
        error={policy.saveError}
        onSave={(force) => policy.save.mutate(force, { onSuccess: () => setReviewing(false) })}
        onReload={() => {
          void policy.reload().then(() => setReviewing(false));
        }}
        onClose={() => setReviewing(false)}
      />
    </Stack>
  );
}
