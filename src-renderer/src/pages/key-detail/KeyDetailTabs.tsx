import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { KeyDetail } from '../../../../src-shared/models/key-detail';
import type { KeyRef } from '../../../../src-shared/schemas/key-ref';
import { AliasesTab } from './AliasesTab';
import { AuditTab } from './AuditTab';
import { CryptoTab } from './CryptoTab';
import { GeneralTab } from './GeneralTab';
import { GrantsTab } from './GrantsTab';
import { KeyPolicyTab } from './KeyPolicyTab';
import { MultiRegionTab } from './MultiRegionTab';
import { RotationTab } from './RotationTab';
import { TagsTab } from './TagsTab';
import { UsageTab } from './UsageTab';

export interface TabProps {
  readonly keyRef: KeyRef;
  readonly detail: KeyDetail;
}

const tabs: readonly { value: string; label: string; panel: (props: TabProps) => ReactNode }[] = [
  { value: 'general', label: 'General', panel: GeneralTab },
  { value: 'crypto', label: 'Cryptographic configuration', panel: CryptoTab },
  { value: 'policy', label: 'Key policy', panel: KeyPolicyTab },
  { value: 'rotation', label: 'Rotation', panel: RotationTab },
  { value: 'aliases', label: 'Aliases', panel: AliasesTab },
  { value: 'tags', label: 'Tags', panel: TagsTab },
  { value: 'grants', label: 'Grants', panel: GrantsTab },
  { value: 'multi-region', label: 'Multi-Region', panel: MultiRegionTab },
  { value: 'usage', label: 'Usage', panel: UsageTab },
  { value: 'audit', label: 'Audit', panel: AuditTab },
];

/** The key's tabs; the open one is `?tab=` in the address, so a reload keeps it. */
export function KeyDetailTabs(props: TabProps) {
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const current = tabs.some((tab) => tab.value === asked) ? (asked ?? 'general') : 'general';
  const choose = (value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('tab', value ?? 'general');
        return next;
      },
      { replace: true },
    );
  return (
    <Tabs value={current} onChange={choose} keepMounted={false}>
      <Tabs.List aria-label="Key details">
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map(({ value, panel: Panel }) => (
        <Tabs.Panel key={value} value={value} pt="md">
          <Panel {...props} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
