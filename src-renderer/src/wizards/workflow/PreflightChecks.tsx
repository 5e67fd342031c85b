import { Checkbox, List, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type {
  PreflightCheck,
  PreflightResult,
  WorkflowPlan,
} from '../../../../src-shared/models/workflow-plan';
import { toSerialized } from '../../api/present-error';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { useProfileName } from './use-profile-name';

export interface PreflightChecksProps {
  readonly preflight: UseQueryResult<PreflightResult>;
  readonly fixIds: ReadonlySet<string>;
  readonly onToggleFix: (id: string) => void;
  /** What the job is ("the copy"). */
  readonly noun: string;
  /** The plan: checks are grouped under their step, with the profile it runs as. */
  readonly plan?: WorkflowPlan | undefined;
}

const statusIcon = {
  ok: { color: 'green', Icon: IconCircleCheck, label: 'Passed' },
  warning: { color: 'yellow', Icon: IconAlertTriangle, label: 'Warning' },
  failed: { color: 'red', Icon: IconCircleX, label: 'Failed' },
} as const;

function CheckItem({
  check,
  fixIds,
  onToggleFix,
}: { check: PreflightCheck } & Pick<PreflightChecksProps, 'fixIds' | 'onToggleFix'>) {
  const { color, Icon, label } = statusIcon[check.status];
  return (
    <List.Item
      data-testid="workflow-preflight-check"
      data-status={check.status}
      icon={
        <ThemeIcon color={color} variant="light" size="sm" radius="xl" aria-hidden>
          <Icon size={14} />
        </ThemeIcon>
      }
    >
      <Stack gap={4}>
        <Text size="sm">
          <Text span fw={600} size="sm">
            {label}:
          </Text>{' '}
          {check.message}
        </Text>
        {check.fix && (
          <Checkbox
            size="sm"
            label={`Fix it first: ${check.fix.title}`}
            checked={fixIds.has(check.fix.step.id)}
            onChange={() => check.fix && onToggleFix(check.fix.step.id)}
          />
        )}
      </Stack>
    </List.Item>
  );
}

/** Checks under the step they belong to ("2. Share … — as sandbox:prod in us-east-1"). */
function groupsOf(
  checks: readonly PreflightCheck[],
  plan: WorkflowPlan | undefined,
  profileName: (profileId: string) => string,
) {
  if (!plan) return [{ key: 'all', heading: '', checks }];
  return plan.steps
    .map((step, index) => ({
      key: step.id,
      heading: `${index + 1}. ${step.title} — as ${profileName(step.profileId)} in ${step.region}`,
      checks: checks.filter((c) => c.stepId === step.id),
    }))
    .filter((group) => group.checks.length > 0);
}

/** The Preflight step: the engine's read-only checks; a failed one blocks the run unless its fix is ticked. */
export function PreflightChecks({
  preflight,
  fixIds,
  onToggleFix,
  noun,
  plan,
}: PreflightChecksProps) {
  const profileName = useProfileName();
  if (preflight.isPending) return <Skeleton h={160} aria-label={`Checking before ${noun}`} />;
  if (preflight.isError) return <ErrorAlert error={toSerialized(preflight.error)} />;
  const failed = preflight.data.checks.filter((c) => c.status === 'failed').length;
  return (
    <Stack gap="sm">
      <Text size="sm" aria-live="polite">
        {failed === 0
          ? `Every check passed: nothing stands in the way of ${noun}.`
          : `${failed} check${failed === 1 ? '' : 's'} failed: fix ${failed === 1 ? 'it' : 'them'} (or tick the fix offered) before the run.`}
      </Text>
      {groupsOf(preflight.data.checks, plan, profileName).map((group) => (
        <Stack gap={4} key={group.key}>
          {group.heading && (
            <Text size="sm" fw={600}>
              {group.heading}
            </Text>
          )}
          <List spacing="xs" center>
            {group.checks.map((check, index) => (
              <CheckItem
                key={`${check.stepId}-${index}`}
                check={check}
                fixIds={fixIds}
                onToggleFix={onToggleFix}
              />
            ))}
          </List>
        </Stack>
      ))}
    </Stack>
  );
}
