import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { KeyPolicyDiagnostic } from '../../../../src-shared/policy/key-policy/lint-types';

/** The lint findings in words, above both views, so an error that blocks saving is never hidden. */
export function LintSummary({ diagnostics }: { diagnostics: readonly KeyPolicyDiagnostic[] }) {
  if (diagnostics.length === 0) return null;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const title =
    errors.length > 0
      ? `${errors.length} ${errors.length === 1 ? 'problem blocks' : 'problems block'} saving`
      : `${diagnostics.length} ${diagnostics.length === 1 ? 'warning' : 'warnings'}`;
  return (
    <Alert
      color={errors.length > 0 ? 'red' : 'yellow'}
      icon={<IconAlertTriangle size={18} />}
      title={title}
      data-testid="policy-lint"
    >
      <List size="sm" spacing={4}>
        {diagnostics.map((d, i) => (
          <List.Item key={`${d.rule}:${d.from}:${i}`}>{d.message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
