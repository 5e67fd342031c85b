import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SharedFindings } from '../../../../src-shared/models/shared-item';
import type { WorkflowPlan } from '../../../../src-shared/models/workflow-plan';
import { createMockBridge, okAnswer } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { RevokeSharingWizard } from './RevokeSharingWizard';

const cell = { profileId: 'sandbox:prod', region: 'us-east-1' };
const keyArn = 'arn:aws:kms:us-east-1:111111111111:key/k-1';
const findings: SharedFindings = {
  accountId: '222222222222',
  items: [
    { ...cell, kind: 'snapshot', id: 'snapshot|a', snapshotId: 'snap-0a', name: 'db-nightly' },
    { ...cell, kind: 'ami', id: 'ami|b', imageId: 'ami-0b', name: 'web-golden' },
    {
      ...cell,
      kind: 'key-policy',
      id: 'key-policy|c',
      keyArn,
      alias: 'alias/ebs-workloads',
      statements: ['Allow use of the key'],
    },
  ],
  problems: [],
};
const before = JSON.stringify({
  Statement: [
    { Sid: 'Root', Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'kms:*' },
    { Sid: 'Allow use of the key', Effect: 'Allow', Principal: { AWS: '222222222222' } },
  ],
});
const after = JSON.stringify({
  Statement: [
    { Sid: 'Root', Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'kms:*' },
  ],
});
const step = (id: string, title: string) => ({
  id,
  kind: 'remove-create-volume-permission',
  ...cell,
  params: {},
  title,
  action: { service: 'ec2', operation: 'ModifySnapshotAttribute', params: {} },
  cli: 'aws ec2 modify-snapshot-attribute …',
  outputs: [],
  undo: 'Shares it again.',
  undoDeletes: false,
});
const plan: WorkflowPlan = {
  runId: 'run-revoke-1',
  job: 'revoke-sharing',
  title: 'Stop sharing 2 item(s) with account 222222222222',
  variables: [],
  steps: [
    step('snapshot-1', 'Stop sharing snapshot snap-0a with account 222222222222'),
    {
      ...step('key-policy-2', 'Take account 222222222222 out of the policy of key k-1'),
      kind: 'remove-key-policy-principal',
      policyDiff: { keyArn, before, after, addedSid: '' },
    },
  ],
};

const finished = (status: 'done' | 'undone') => ({
  runId: 'run-revoke-1',
  plan,
  status,
  createdAt: 'x',
  updatedAt: 'x',
  steps: plan.steps.map((s) => ({ id: s.id, status, attempts: 1, outputs: {} })),
});

function setup(found: SharedFindings = findings) {
  const { bridge, invoke, emit } = createMockBridge({
    'keys.getScope': okAnswer({ cells: [cell], isDefault: false }),
    'profiles.list': okAnswer([]),
    'regions.list': okAnswer([{ code: 'us-east-1', name: 'N. Virginia', isDefault: true }]),
    'sharing.find': okAnswer(found),
    'workflows.preview': okAnswer(plan),
    'workflows.runbook': okAnswer({ text: '# runbook', script: '#!/bin/bash' }),
    'workflows.preflight': okAnswer({ ok: true, checks: [] }),
    'workflows.start': okAnswer({ operationId: 'op-run' }),
    'workflows.undo': okAnswer({ operationId: 'op-undo' }),
  });
  render(<RevokeSharingWizard />, bridge);
  const calls = (name: string) =>
    invoke.mock.calls.filter(([n]) => n === name).map(([, input]) => input);
  const event = (payload: Record<string, unknown>, operationId = 'op-run') =>
    act(() => emit('operation', { operationId, name: 'workflows.start', ...payload }));
  return { calls, event };
}

async function enterAccount(user: ReturnType<typeof userEvent.setup>, id: string) {
  await user.type(screen.getByRole('textbox', { name: /Account id/ }), id);
  await user.click(screen.getByRole('button', { name: 'Next: Found' }));
}

describe('RevokeSharingWizard', () => {
  it('wants a 12-digit account id before it searches', async () => {
    const user = userEvent.setup();
    const { calls } = setup();
    await enterAccount(user, '2222-2222');
    expect(screen.getByText(/Enter the 12-digit id of the account/)).toBeInTheDocument();
    expect(calls('sharing.find')).toEqual([]);
  });

  it('lists what it found by kind; the unticked item stays out of the run; the preview shows the statement that goes', async () => {
    const user = userEvent.setup();
    const { calls, event } = setup();
    await enterAccount(user, '222222222222');
    expect(calls('sharing.find')).toEqual([{ accountId: '222222222222', scope: [cell] }]);
    const items = await screen.findAllByTestId('revoke-item');
    expect(items).toHaveLength(3);
    expect(
      within(screen.getByTestId('revoke-group-ami')).getByText('ami-0b (web-golden)'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('revoke-group-key-policy')).getByText(/“Allow use of the key”/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'ami-0b (web-golden)' }));
    await user.click(screen.getByRole('button', { name: 'Next: Preview' }));

    const request = {
      job: 'revoke-sharing',
      accountId: '222222222222',
      scope: [cell],
      exclusions: ['ami|b'],
    };
    expect(await screen.findAllByTestId('workflow-plan-step')).toHaveLength(2);
    expect(calls('workflows.preview')).toEqual([{ request, fixes: [] }]);
    const diff = screen.getByTestId('policy-diff');
    expect(diff).toHaveTextContent('0 changed, 0 added, 1 removed; 1 unchanged.');
    expect(within(diff).getByText('Removed')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next: Preflight' }));
    await screen.findByText(/Every check passed/);
    await user.click(screen.getByRole('button', { name: 'Revoke the sharing' }));
    expect(calls('workflows.start')).toEqual([{ request, runId: 'run-revoke-1', fixes: [] }]);
    await event({ type: 'done', result: finished('done') });
    expect(screen.getByTestId('revoke-removed')).toHaveTextContent(
      'Stop sharing snapshot snap-0a with account 222222222222',
    );
    expect(screen.getByTestId('revoke-run-id')).toHaveTextContent('run-revoke-1');

    await user.click(screen.getByRole('button', { name: 'Undo: share it all again' }));
    expect(calls('workflows.undo')).toEqual([{ runId: 'run-revoke-1', confirmDeletes: false }]);
    await event({ type: 'done', result: finished('undone') }, 'op-undo');
    expect(screen.getByTestId('revoke-undone')).toHaveTextContent(
      'Shared with account 222222222222 again',
    );
  });

  it('says when nothing is shared with the account and goes no further', async () => {
    const user = userEvent.setup();
    const { calls } = setup({ ...findings, items: [] });
    await enterAccount(user, '444444444444');
    expect(await screen.findByTestId('revoke-nothing')).toHaveTextContent(
      'Nothing in this scope is shared with account 444444444444',
    );
    await user.click(screen.getByRole('button', { name: 'Next: Preview' }));
    expect(screen.getByTestId('revoke-nothing')).toBeInTheDocument();
    expect(calls('workflows.preview')).toEqual([]);
  });
});
