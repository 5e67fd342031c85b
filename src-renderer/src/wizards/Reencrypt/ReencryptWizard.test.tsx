import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SnapshotRow } from '../../../../src-shared/models/snapshot';
import type { VolumeRow } from '../../../../src-shared/models/volume';
import type { WorkflowPlan, WorkflowRun } from '../../../../src-shared/models/workflow-plan';
import { keyRow, keysCellEvent, keysDoneEvent } from '../../test-utils/key-row';
import { createMockBridge, okAnswer } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import type { ReencryptSource } from './reencrypt-form';
import { ReencryptWizard } from './ReencryptWizard';

const E1 = { region: 'us-east-1' };
const awsEbs = keyRow('k-ebs', { ...E1, aliases: ['alias/aws/ebs'], manager: 'aws' });
const workloads = keyRow('k-work', { ...E1, aliases: ['alias/ebs-workloads'] });
const signing = keyRow('k-sign', { ...E1, aliases: ['alias/signing'], usage: 'SIGN_VERIFY' });

const snapshot: SnapshotRow = {
  profileId: 'sandbox:prod',
  profileName: 'prod',
  accountId: '111111111111',
  region: 'us-east-1',
  snapshotId: 'snap-0d15c000000000004',
  description: 'legacy batch root',
  volumeId: 'vol-0c0ffee0000000003',
  sizeGiB: 8,
  state: 'completed',
  progress: '100%',
  stateMessage: null,
  startTime: null,
  ownerId: '111111111111',
  ownership: 'owned',
  encryption: {
    encrypted: true,
    key: {
      keyArn: awsEbs.arn,
      keyId: 'k-ebs',
      accountId: '111111111111',
      region: 'us-east-1',
      manager: 'aws',
      state: 'Enabled',
      aliases: ['alias/aws/ebs'],
      error: null,
    },
  },
  tags: {},
  fetchedAt: 'x',
};
const volume: VolumeRow = {
  volumeId: 'vol-0c0ffee0000000003',
  name: 'legacy-batch-root',
  availabilityZone: 'us-east-1a',
  state: 'in-use',
  sizeGiB: 8,
  volumeType: 'gp2',
  encrypted: true,
  kmsKeyId: awsEbs.arn,
  attachedTo: ['i-0123456789abcdef0'],
};

const plan: WorkflowPlan = {
  runId: 'run-12345678',
  job: 'reencrypt',
  title: 'Re-encrypt',
  variables: [],
  steps: [
    {
      id: 'copy',
      kind: 'copy-snapshot',
      profileId: 'sandbox:prod',
      region: 'us-east-1',
      params: {},
      title: 'Copy the snapshot in us-east-1',
      action: { service: 'ec2', operation: 'CopySnapshot', params: {} },
      cli: 'aws ec2 copy-snapshot …',
      outputs: ['snapshotId'],
      undo: 'Deletes the copy',
      undoDeletes: true,
    },
  ],
};
const doneRun = (outputs: Record<string, Record<string, string>>): WorkflowRun => ({
  runId: 'run-12345678',
  plan,
  status: 'done',
  createdAt: 'x',
  updatedAt: 'x',
  steps: Object.entries(outputs).map(([id, out]) => ({
    id,
    status: 'done',
    attempts: 1,
    outputs: out,
  })),
});

function setup(source: ReencryptSource) {
  const { bridge, invoke, emit } = createMockBridge({
    'snapshots.list': okAnswer({ cells: [], rows: [snapshot] }),
    'volumes.list': okAnswer([volume]),
    'keys.inventory': okAnswer({ operationId: 'op-keys' }),
    'workflows.preview': okAnswer(plan),
    'workflows.runbook': okAnswer({ text: '# runbook', script: '#!/bin/bash' }),
    'workflows.preflight': okAnswer({ ok: true, checks: [] }),
    'workflows.start': okAnswer({ operationId: 'op-run' }),
  });
  render(<ReencryptWizard source={source} />, bridge);
  const event = (operationId: string, name: string, payload: Record<string, unknown>) =>
    act(() => emit('operation', { operationId, name, ...payload }));
  const calls = (name: string) =>
    invoke.mock.calls.filter(([n]) => n === name).map(([, input]) => input);
  return { event, calls };
}

async function keysArrive(event: ReturnType<typeof setup>['event']) {
  await event('op-keys', 'keys.inventory', keysCellEvent([awsEbs, workloads, signing]));
  await event('op-keys', 'keys.inventory', keysDoneEvent(3));
}

async function runTo(
  user: ReturnType<typeof userEvent.setup>,
  event: ReturnType<typeof setup>['event'],
  startLabel: string,
) {
  await user.click(screen.getByRole('combobox', { name: /New key in us-east-1/ }));
  await user.click(screen.getByRole('option', { name: 'alias/ebs-workloads' }));
  await user.click(screen.getByRole('button', { name: /Next: Preview/ }));
  await screen.findAllByTestId('workflow-plan-step');
  await user.click(screen.getByRole('button', { name: /Next: Preflight/ }));
  await user.click(await screen.findByRole('button', { name: startLabel }));
}

describe('ReencryptWizard', () => {
  it('shows the aws/ebs key the snapshot has, offers the other keys of its Region, and ends with the copy, the original kept and a share link', async () => {
    const user = userEvent.setup();
    const source = {
      profileId: 'sandbox:prod',
      region: 'us-east-1',
      snapshotId: snapshot.snapshotId,
    };
    const { event, calls } = setup(source);
    await keysArrive(event);
    expect(await screen.findByTestId('reencrypt-current-key')).toHaveTextContent(
      'Current key: alias/aws/ebs (AWS managed)',
    );
    expect(
      screen.getByText(/A copy under a customer managed key can be shared/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/KMS keys are regional: the new key must be a key of us-east-1/),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Next: Preview/ }));
    expect(screen.getByText('Choose the key to re-encrypt with')).toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: /New key in us-east-1/ }));
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'alias/ebs-workloads',
    ]);
    await user.keyboard('{Escape}');

    await runTo(user, event, 'Re-encrypt the snapshot');
    const request = {
      job: 'reencrypt',
      profileId: 'sandbox:prod',
      region: 'us-east-1',
      source: { snapshotId: snapshot.snapshotId },
      kmsKeyId: workloads.arn,
      copyTags: true,
      deleteIntermediate: false,
    };
    expect(calls('workflows.start')).toEqual([{ request, runId: 'run-12345678', fixes: [] }]);
    await event('op-run', 'workflows.start', {
      type: 'done',
      result: doneRun({ copy: { snapshotId: 'snap-0fedcba9876543210' } }),
    });
    expect(screen.getByTestId('reencrypt-new-snapshot')).toHaveTextContent(
      'snap-0fedcba9876543210',
    );
    expect(screen.getByText(/encrypted with/)).toHaveTextContent('alias/ebs-workloads');
    expect(screen.getByTestId('reencrypt-original-kept')).toHaveTextContent(
      `The original snapshot ${snapshot.snapshotId} is kept as it was, under its old key: Keyward never deletes it. Keeping it costs up to about $0.40 a month for its 8 GiB (snapshot storage, about $0.05 per GB-month in us-east-1). Delete it yourself when you no longer need it:`,
    );
    expect(screen.getByTestId('reencrypt-delete-command')).toHaveTextContent(
      `aws ec2 delete-snapshot --snapshot-id ${snapshot.snapshotId}`,
    );
    expect(screen.getByTestId('reencrypt-run-id')).toHaveTextContent('run-12345678');
    expect(
      screen.getByRole('link', { name: 'Share the new snapshot with another account…' }),
    ).toHaveAttribute('href', '/snapshots/share/sandbox%3Aprod/us-east-1/snap-0fedcba9876543210');
  });

  it('re-encrypts an attached volume: says the snapshot is crash-consistent, can delete the intermediates, and ends with the new volume', async () => {
    const user = userEvent.setup();
    const source = { profileId: 'sandbox:prod', region: 'us-east-1', volumeId: volume.volumeId };
    const { event, calls } = setup(source);
    await keysArrive(event);
    expect(
      await screen.findByText(/attached to i-0123456789abcdef0: its snapshot is crash-consistent/),
    ).toBeInTheDocument();
    await user.click(
      screen.getByRole('checkbox', { name: /Delete the two intermediate snapshots/ }),
    );
    await runTo(user, event, 'Re-encrypt the volume');
    expect(calls('workflows.start')[0]).toMatchObject({
      request: { source: { volumeId: volume.volumeId }, deleteIntermediate: true },
    });
    await event('op-run', 'workflows.start', {
      type: 'done',
      result: doneRun({
        intermediate: { snapshotId: 'snap-0aaaaaaaaaaaaaaa1' },
        copy: { snapshotId: 'snap-0aaaaaaaaaaaaaaa2' },
        new: { volumeId: 'vol-0bbbbbbbbbbbbbbb1' },
      }),
    });
    expect(screen.getByTestId('reencrypt-new-volume')).toHaveTextContent('vol-0bbbbbbbbbbbbbbb1');
    expect(screen.getByTestId('reencrypt-original-kept')).toHaveTextContent(
      'about $0.80 a month for its 8 GiB gp2',
    );
    expect(screen.queryByRole('link', { name: /Share the new snapshot/ })).not.toBeInTheDocument();
  });
});
