import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PreflightResult, WorkflowPlan } from '../../../../src-shared/models/workflow-plan';
import { createMockBridge, okAnswer } from '../../test-utils/mock-bridge';
import { keyRow } from '../../test-utils/key-row';
import { render } from '../../test-utils/render';
import { CopySnapshotWizard } from './CopySnapshotWizard';

const source = {
  profileId: 'sandbox:prod',
  region: 'us-east-1',
  snapshotId: 'snap-0123456789abcdef0',
};
const keyArn = (id: string) => `arn:aws:kms:eu-west-1:111111111111:key/${id}`;

const copyStep = {
  id: 'copy',
  kind: 'copy-snapshot',
  profileId: 'sandbox:prod',
  region: 'eu-west-1',
  params: {},
  title: 'Copy the snapshot to eu-west-1',
  action: {
    service: 'ec2',
    operation: 'CopySnapshot',
    params: { SourceRegion: 'us-east-1', KmsKeyId: keyArn('k-backup') },
  },
  cli: 'aws ec2 copy-snapshot …',
  outputs: ['snapshotId'],
  undo: 'Deletes the copy',
  undoDeletes: true,
};
const plan: WorkflowPlan = {
  runId: 'run-12345678',
  job: 'copy-snapshot',
  title: 'Copy snap-0123456789abcdef0 to eu-west-1',
  variables: [],
  steps: [
    copyStep,
    { ...copyStep, id: 'wait', kind: 'wait-snapshot-completed', title: 'Wait for the copy' },
  ],
};
const fixStep = {
  id: 'fix-enable',
  kind: 'enable-key',
  profileId: 'sandbox:prod',
  region: 'eu-west-1',
  params: {},
};
const preflight: PreflightResult = {
  ok: false,
  checks: [
    { stepId: 'copy', status: 'ok', message: 'The source snapshot is completed' },
    {
      stepId: 'copy',
      status: 'failed',
      message: 'The key is disabled',
      fix: { title: 'Enable the key', step: fixStep },
    },
  ],
};

function setup() {
  const { bridge, invoke, emit } = createMockBridge({
    'regions.list': okAnswer([
      { code: 'us-east-1', name: 'N. Virginia', isDefault: true },
      { code: 'eu-west-1', name: 'Ireland', isDefault: false },
    ]),
    'keys.inventory': okAnswer({ operationId: 'op-keys' }),
    'workflows.preview': okAnswer(plan),
    'workflows.runbook': okAnswer({
      text: '# runbook\naws ec2 copy-snapshot',
      script: '#!/bin/bash',
    }),
    'workflows.preflight': okAnswer(preflight),
    'workflows.start': okAnswer({ operationId: 'op-run' }),
  });
  render(<CopySnapshotWizard source={source} />, bridge);
  const event = (operationId: string, name: string, payload: Record<string, unknown>) =>
    act(() => emit('operation', { operationId, name, ...payload }));
  const calls = (name: string) =>
    invoke.mock.calls.filter(([n]) => n === name).map(([, input]) => input);
  return { event, calls };
}

async function chooseDestination(
  user: ReturnType<typeof userEvent.setup>,
  event: ReturnType<typeof setup>['event'],
) {
  await user.click(screen.getByRole('combobox', { name: 'Destination Region' }));
  expect(screen.queryByRole('option', { name: /^us-east-1/ })).not.toBeInTheDocument();
  await user.click(await screen.findByRole('option', { name: /^eu-west-1/ }));
  await event('op-keys', 'keys.inventory', {
    type: 'progress',
    step: 0,
    stepCount: 1,
    title: 'eu-west-1',
    partial: {
      cell: {
        profileId: 'sandbox:prod',
        region: 'eu-west-1',
        profileName: 'prod',
        status: 'done',
        keysListed: 3,
        keysLoaded: 3,
        error: null,
        loadedAt: null,
      },
      rows: [
        keyRow('k-ebs', { aliases: ['alias/aws/ebs'], manager: 'aws' }),
        keyRow('k-sign', { aliases: ['alias/signing'], usage: 'SIGN_VERIFY', keySpec: 'RSA_2048' }),
        keyRow('k-backup', { aliases: ['alias/backup'], state: 'Disabled' }),
      ],
      keyIds: ['k-ebs', 'k-sign', 'k-backup'],
    },
  });
  await event('op-keys', 'keys.inventory', {
    type: 'done',
    result: { cells: [], rowCount: 3, durationMs: 1, calls: 3 },
  });
}

describe('CopySnapshotWizard', () => {
  it('offers the destination Region’s encryption keys, customer managed first, and says keys are regional', async () => {
    const user = userEvent.setup();
    const { event, calls } = setup();
    expect(screen.getByText(/KMS keys are regional/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Next: Preview/ }));
    expect(screen.getByText('Choose the Region to copy to')).toBeInTheDocument();
    await chooseDestination(user, event);
    expect(calls('keys.inventory')).toEqual([
      {
        scope: [{ profileId: 'sandbox:prod', region: 'eu-west-1' }],
        mode: 'incremental',
        keys: null,
      },
    ]);
    await user.click(screen.getByRole('combobox', { name: /Key in eu-west-1/ }));
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['alias/backup — disabled', 'alias/aws/ebs (AWS managed)']);
  });

  it('previews the plan and runbook, blocks the run until the offered fix is ticked, then runs with it', async () => {
    const user = userEvent.setup();
    const { event, calls } = setup();
    await chooseDestination(user, event);
    await user.click(screen.getByRole('combobox', { name: /Key in eu-west-1/ }));
    await user.click(screen.getByRole('option', { name: 'alias/backup — disabled' }));
    await user.click(screen.getByRole('checkbox', { name: /Carry the snapshot’s tags/ }));
    await user.click(screen.getByRole('button', { name: /Next: Preview/ }));

    const request = {
      job: 'copy-snapshot',
      ...{ profileId: 'sandbox:prod', sourceRegion: 'us-east-1', snapshotId: source.snapshotId },
      destinationRegion: 'eu-west-1',
      kmsKeyId: keyArn('k-backup'),
      copyTags: false,
    };
    expect(await screen.findAllByTestId('workflow-plan-step')).toHaveLength(2);
    expect(screen.getAllByText('ec2:CopySnapshot')).toHaveLength(2);
    expect(calls('workflows.preview')).toEqual([{ request, fixes: [] }]);
    expect(await screen.findByTestId('workflow-runbook')).toHaveTextContent(
      'aws ec2 copy-snapshot',
    );
    expect(screen.getByRole('button', { name: 'Download .sh' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Next: Preflight/ }));
    const checks = await screen.findAllByTestId('workflow-preflight-check');
    expect(within(checks[1] as HTMLElement).getByText(/The key is disabled/)).toBeInTheDocument();
    const run = screen.getByRole('button', { name: 'Copy the snapshot' });
    expect(run).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Fix it first: Enable the key' }));
    expect(run).toBeEnabled();
    await user.click(run);
    expect(calls('workflows.start')).toEqual([
      { request, runId: 'run-12345678', fixes: [fixStep] },
    ]);

    await event('op-run', 'workflows.start', {
      type: 'progress',
      step: 1,
      stepCount: 2,
      title: 'Wait for the copy',
      value: 0.7,
      detail: { progress: '45%' },
    });
    expect(screen.getByTestId('workflow-progress')).toHaveTextContent('Wait for the copy — 45%');
    await event('op-run', 'workflows.start', {
      type: 'done',
      result: {
        runId: 'run-12345678',
        plan,
        status: 'done',
        createdAt: 'x',
        updatedAt: 'x',
        steps: [
          {
            id: 'copy',
            status: 'done',
            attempts: 1,
            outputs: { snapshotId: 'snap-0fedcba9876543210' },
          },
          { id: 'wait', status: 'done', attempts: 1, outputs: {} },
        ],
      },
    });
    expect(screen.getByTestId('copy-new-snapshot')).toHaveTextContent('snap-0fedcba9876543210');
    expect(screen.getByTestId('copy-run-id')).toHaveTextContent('run-12345678');
    expect(screen.getByRole('link', { name: /Open the Snapshots page/ })).toHaveAttribute(
      'href',
      '/snapshots',
    );
  });

  it('shows a failed run’s error and continues the same run', async () => {
    const user = userEvent.setup();
    const { event, calls } = setup();
    await chooseDestination(user, event);
    await user.click(screen.getByRole('combobox', { name: /Key in eu-west-1/ }));
    await user.click(screen.getByRole('option', { name: 'alias/aws/ebs (AWS managed)' }));
    await user.click(screen.getByRole('button', { name: /Next: Preview/ }));
    await screen.findAllByTestId('workflow-plan-step');
    await user.click(screen.getByRole('button', { name: /Next: Preflight/ }));
    await user.click(await screen.findByRole('checkbox', { name: 'Fix it first: Enable the key' }));
    await user.click(screen.getByRole('button', { name: 'Copy the snapshot' }));
    await event('op-run', 'workflows.start', {
      type: 'failed',
      error: {
        code: 'invalid-state',
        message: 'Step 1 (Copy) failed: limit',
        retryable: false,
        aws: { code: 'ResourceLimitExceeded', requestId: 'req-1' },
      },
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Step 1 (Copy) failed: limit');
    await user.click(screen.getByRole('button', { name: 'Continue the run' }));
    expect(calls('workflows.resume')).toEqual([{ runId: 'run-12345678' }]);
  });
});
