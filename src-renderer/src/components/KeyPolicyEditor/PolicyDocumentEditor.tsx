import { Stack, Tabs, Text } from '@mantine/core';
import { useCallback } from 'react';
import type { KeyPolicyView } from '../../../../src-shared/policy/key-policy/key-policy-view';
import { lintKeyPolicy } from '../../../../src-shared/policy/key-policy/lint-key-policy';
import { EffectiveAccessPanel } from './EffectiveAccessPanel';
import { LintSummary } from './LintSummary';
import { printView, type PolicyAnalysis, type PolicyPlace } from './policy-draft';
import { PolicyJsonEditor } from './PolicyJsonEditor';
import { PolicyVisualView } from './PolicyVisualView';
import type { IamLookup } from './use-principal-policies';

export type PolicyViewMode = 'visual' | 'json';

export interface PolicyDocumentEditorProps {
  readonly text: string;
  readonly analysis: PolicyAnalysis;
  readonly place: PolicyPlace;
  readonly onChange: (text: string) => void;
  readonly mode: PolicyViewMode;
  readonly onModeChange: (mode: PolicyViewMode) => void;
  readonly suggestions?: readonly string[];
  /** The IAM half of effective access, where the principals' policies are read. */
  readonly iamLookup?: IamLookup;
}

/** The policy text in two views (visual and JSON), its lint, and who it lets do what. */
export function PolicyDocumentEditor(props: PolicyDocumentEditorProps) {
  const { text, analysis, place, onChange, mode, onModeChange } = props;
  const lint = useCallback(
    (current: string) =>
      lintKeyPolicy(current, {
        accountId: place.accountId,
        keyArn: place.keyArn,
        ...(place.callerArn ? { callerArn: place.callerArn } : {}),
      }),
    [place.accountId, place.keyArn, place.callerArn],
  );
  const editVisually = (view: KeyPolicyView) => onChange(printView(view));
  return (
    <Stack gap="md">
      <LintSummary diagnostics={analysis.diagnostics} />
      <Tabs value={mode} onChange={(value) => onModeChange(value === 'json' ? 'json' : 'visual')}>
        <Tabs.List>
          <Tabs.Tab value="visual">Visual</Tabs.Tab>
          <Tabs.Tab value="json">JSON</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="visual" pt="md">
          {analysis.view ? (
            <PolicyVisualView
              view={analysis.view}
              onChange={editVisually}
              {...(props.suggestions ? { suggestions: props.suggestions } : {})}
            />
          ) : (
            <Text c="dimmed" size="sm">
              The policy is not valid JSON or policy grammar: fix it in the JSON view first.
            </Text>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="json" pt="md">
          {mode === 'json' && (
            <PolicyJsonEditor
              value={text}
              onChange={onChange}
              lint={lint}
              label="Key policy JSON"
            />
          )}
        </Tabs.Panel>
      </Tabs>
      <EffectiveAccessPanel
        rows={analysis.access}
        {...(props.iamLookup ? { lookup: props.iamLookup } : {})}
      />
    </Stack>
  );
}
