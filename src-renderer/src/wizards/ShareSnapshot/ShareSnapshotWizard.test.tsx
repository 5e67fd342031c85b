import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { KeyRow } from '../../../../src-shared/models/kms-key';
import type { SnapshotRow } from '../../../../src-shared/models/snapshot';
import type { WorkflowPlan } from '../../../../src-shared/models/workflow-plan';
import { createMockBridge, okAnswer } from '../../test-utils/mock-bridge';
import { keyRow } from '../../test-utils/key-row';
import { render } from '../../test-utils/render';
import { sandboxProfiles, someRegions } from '../../test-utils/switching-bridge';
import { ShareSnapshotWizard } from './ShareSnapshotWizard';

const source = {
  profileId: 'sandbox:prod',
  region: 'us-east-1',
  snapshotId: 'snap-0d15c000000000004',
};

const snapshotRow = (manager: 'aws' | 'customer'): SnapshotRow => ({
  profileId: 'sandbox:prod',
  profileName: 'prod',
  accountId: '111111111111',
  region: 'us-east-1',
  snapshotId: source.snapshotId,
  description: '',
  volumeId: 'vol-1',
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
      keyArn: 'arn:aws:kms:us-east-1:111111111111:key/k-ebs',
      keyId: 'k-ebs',
      accountId: '111111111111',
      region: 'us-east-1',
      manager,
      state: 'Enabled',
      aliases: [],
      error: null,
    },
  },
  tags: {},
  fetchedAt: '2026-01-01T00:00:00.000Z',
});

const policy = (statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });
const rootStatement = {
  Sid: 'root',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::111111111111:root' },
  Action: 'kms:*',
  Resource: '*',
};
const added = {
  Sid: 'keyward-run-12345678',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::222222222222:root' },
  Action: ['kms:Decrypt'],
  Resource: '*',
};

const step = (id: string, patch: Partial<WorkflowPlan['steps'][number]> = {}) => ({
  id,
  kind: 'copy-snapshot',
  profileId: 'sandbox:prod',
  region: 'us-east-1',
  params: {},
  title: `Step ${id}`,
  action: { service: 'ec2', operation: 'CopySnapshot', params: {} },
  cli: 'aws ec2 copy-snapshot',
  outputs: [],
  undo: `Undo of ${id}`,
  undoDeletes: false,
  ...patch,
});
const plan: WorkflowPlan = {
  runId: 'run-12345678',
  job: 'share-snapshot',
  title: 'Share snap with account 222222222222',
  variables: [],
  steps: [
    step('reencrypt', { undo: 'Deletes the copy (asks first).', undoDeletes: true }),
    step('key-policy', {
      kind: 'add-key-policy-statement',
      policyDiff: {
        keyArn: 'arn:aws:kms:us-east-1:111111111111:key/k-cmk',
        before: policy([rootStatement]),
        after: policy([rootStatement, added]),
        addedSid: 'keyward-run-12345678',
      },
    }),
    step('share', { undo: 'Stops sharing the snapshot with account 222222222222.' }),
  ],
};

function setup(manager: 'aws' | 'customer', more: Parameters<typeof createMockBridge>[0] = {}) {
  const { bridge, invoke, emit } = createMockBridge({
    'profiles.list': okAnswer(sandboxProfiles),
    'regions.list': okAnswer(someRegions),
    'snapshots.list': okAnswer({ cells: [], rows: [snapshotRow(manager)] }),
    'keys.inventory': okAnswer({ operationId: 'op-keys' }),
    'workflows.preview': okAnswer(plan),
    'workflows.runbook': okAnswer({ text: '# runbook', script: '#!/bin/bash' }),
    'workflows.preflight': okAnswer({ ok: true, checks: [] }),
    'workflows.start': okAnswer({ operationId: 'op-run' }),
    'workflows.handoff': okAnswer({ text: '# theirs', script: '#!/bin/bash\n# theirs' }),
    'workflows.undo': okAnswer({ operationId: 'op-undo' }),
    ...more,
  });
  render(<ShareSnapshotWizard source={source} />, bridge);
  const event = (operationId: string, name: string, payload: Record<string, unknown>) =>
    act(() => emit('operation', { operationId, name, ...payload }));
  const calls = (name: string) =>
    invoke.mock.calls.filter(([n]) => n === name).map(([, input]) => input);
  const keys = (rows: KeyRow[]) =>
    event('op-keys', 'keys.inventory', {
      type: 'progress',
      step: 0,
      stepCount: 1,
      title: 'keys',
      partial: {
        cell: {
          profileId: rows[0]?.profileId,
          region: rows[0]?.region,
          profileName: 'x',
          status: 'done',
          keysListed: rows.length,
          keysLoaded: rows.length,
          error: null,
          loadedAt: null,
        },
        rows,
        keyIds: rows.map((r) => r.keyId),
      },
    });
  return { event, calls, keys };
}

const backupKey = keyRow('k-dr', {
  profileId: 'sandbox:backup',
  accountId: '222222222222',
  region: 'us-east-1',
  aliases: ['alias/dr-backups'],
});
const prodKeys = [
  keyRow('k-cmk', { region: 'us-east-1', aliases: ['alias/ebs-workloads'] }),
  keyRow('k-ebs', { region: 'us-east-1', aliases: ['alias/aws/ebs'], manager: 'aws' }),
];

async function chooseTarget(
  user: ReturnType<typeof userEvent.setup>,
  keys: ReturnType<typeof setup>['keys'],
) {
  await user.click(screen.getByRole('combobox', { name: 'Target profile' }));
  const options = screen.getAllByRole('option');
  expect(options.map((o) => o.textContent)).toEqual([
    'Sandbox · backup — account 222222222222',
    'Sandbox · partner — account 333333333333',
    'Sandbox · prod-developer — account 111111111111',
  ]);
  expect(options[2]).toHaveAttribute('data-combobox-disabled', 'true');
  await user.click(options[0] as HTMLElement);
  await keys([backupKey]);
  await user.click(screen.getByRole('combobox', { name: 'Target key' }));
  await user.click(await screen.findByRole('option', { name: 'alias/dr-backups' }));
}

describe('ShareSnapshotWizard', () => {
  it('asks for another account’s profile and key, then, for an aws/ebs snapshot, a customer managed key to re-encrypt with (said why)', async () => {
    const user = userEvent.setup();
    const { calls, keys } = setup('aws');
    expect(await screen.findByText(/its own IAM policies|own IAM policies/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Next: Options/ }));
    expect(screen.getByText('Choose the profile of the account to share with')).toBeInTheDocument();
    await chooseTarget(user, keys);
    expect(screen.getByRole('checkbox', { name: /Limit to EC2/ })).toBeChecked();
    await user.click(screen.getByRole('button', { name: /Next: Options/ }));

    expect(await screen.findByText('This snapshot is on aws/ebs')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Next: Preview/ }));
    expect(
      screen.getByText('Choose a customer managed key to re-encrypt the copy with'),
    ).toBeInTheDocument();
    await keys(prodKeys);
    await user.click(screen.getByRole('combobox', { name: /Re-encrypt with/ }));
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'alias/ebs-workloads',
    ]);
    await user.click(screen.getByRole('option', { name: 'alias/ebs-workloads' }));
    await user.click(screen.getByRole('button', { name: /Next: Preview/ }));

    expect(await screen.findAllByTestId('workflow-plan-step')).toHaveLength(3);
    expect(calls('workflows.preview')).toEqual([
      {
        request: {
          job: 'share-snapshot',
          profileId: 'sandbox:prod',
          region: 'us-east-1',
          snapshotId: source.snapshotId,
          targetProfileId: 'sandbox:backup',
          targetRegion: 'us-east-1',
          targetKmsKeyId: backupKey.arn,
          viaEc2Only: true,
          stopAfterShare: false,
          reencryptKmsKeyId: prodKeys[0]?.arn,
        },
        fixes: [],
      },
    ]);
    const diff = screen.getByTestId('workflow-policy-diff');
    const addedCard = within(diff).getByText('“keyward-run-12345678”').closest('[data-diff]');
    expect(addedCard).toHaveAttribute('data-diff', 'added');
    expect(within(diff).getByText(/1 added, 0 removed; 1 unchanged/)).toBeInTheDocument();
  });

  it('stopped after the share, hands over the target’s runbook, and undoes the run once deleting is allowed', async () => {
    const user = userEvent.setup();
    const { event, calls, keys } = setup('customer');
    await chooseTarget(user, keys);
    await user.click(screen.getByRole('checkbox', { name: /Stop after sharing/ }));
    await user.click(screen.getByRole('button', { name: /Next: Options/ }));
    expect(await screen.findByTestId('share-no-reencrypt')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Next: Preview/ }));
    await screen.findAllByTestId('workflow-plan-step');
    await user.click(screen.getByRole('button', { name: /Next: Preflight/ }));
    await user.click(await screen.findByRole('button', { name: 'Share the snapshot' }));
    await event('op-run', 'workflows.start', {
      type: 'done',
      result: {
        runId: plan.runId,
        plan,
        status: 'done',
        createdAt: 'x',
        updatedAt: 'x',
        steps: plan.steps.map((s) => ({ id: s.id, status: 'done', attempts: 1, outputs: {} })),
      },
    });
    expect(screen.getByTestId('share-run-id')).toHaveTextContent('run-12345678');
    await user.click(screen.getByRole('button', { name: 'Download the target account’s runbook' }));
    const [handoff] = calls('workflows.handoff') as {
      runId: string;
      request: { stopAfterShare: boolean };
    }[];
    expect(handoff).toMatchObject({ runId: 'run-12345678', request: { stopAfterShare: true } });

    await user.click(screen.getByRole('button', { name: 'Undo this run…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Undo run run-12345678' });
    expect(within(dialog).getByTestId('undo-steps')).toHaveTextContent(
      'Step share — Stops sharing the snapshot with account 222222222222.',
    );
    const undo = within(dialog).getByRole('button', { name: 'Undo the run' });
    expect(undo).toBeDisabled();
    await user.click(
      within(dialog).getByRole('checkbox', { name: /Delete what this run created/ }),
    );
    await user.click(undo);
    expect(calls('workflows.undo')).toEqual([{ runId: 'run-12345678', confirmDeletes: true }]);
    await event('op-undo', 'workflows.undo', {
      type: 'done',
      result: {
        runId: plan.runId,
        plan,
        status: 'undone',
        createdAt: 'x',
        updatedAt: 'x',
        steps: plan.steps.map((s) => ({ id: s.id, status: 'undone', attempts: 1, outputs: {} })),
      },
    });
    expect(within(dialog).getByTestId('undo-done')).toHaveTextContent('3 steps reverted');
  });

  it('lists the target profile’s zones of the target Region, only available ones choosable, and puts the chosen one in the request', async () => {
    const user = userEvent.setup();
    const { calls, keys } = setup('customer', {
      'zones.list': okAnswer([
        { name: 'us-east-1a', id: 'use1-az4', state: 'available' },
        { name: 'us-east-1b', id: 'use1-az6', state: 'impaired' },
        { name: 'us-east-1c', id: 'use1-az1', state: 'available' },
      ]),
    });
    await chooseTarget(user, keys);
    await user.click(screen.getByRole('button', { name: /Next: Options/ }));
    const zone = await screen.findByRole('combobox', { name: 'Create a volume from the copy' });
    expect(zone).toHaveValue('No volume');
    expect(calls('zones.list')).toEqual([{ profileId: 'sandbox:backup', region: 'us-east-1' }]);

    await user.click(zone);
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'No volume',
      'us-east-1a (use1-az4)',
      'us-east-1b (use1-az6) — impaired',
      'us-east-1c (use1-az1)',
    ]);
    expect(options[2]).toHaveAttribute('data-combobox-disabled', 'true');
    // Keyboard: search, then Enter takes the first match.
    await user.clear(zone);
    await user.type(zone, 'az1');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'us-east-1c (use1-az1)',
    ]);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(zone).toHaveValue('us-east-1c (use1-az1)');
    await user.click(screen.getByRole('button', { name: /Next: Preview/ }));
    await screen.findAllByTestId('workflow-plan-step');
    expect(calls('workflows.preview')).toEqual([
      {
        request: expect.objectContaining({ volumeAvailabilityZone: 'us-east-1c' }) as unknown,
        fixes: [],
      },
    ]);

    // Back on Options, "No volume" takes the volume out of the request.
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.click(screen.getByRole('combobox', { name: 'Create a volume from the copy' }));
    await user.click(screen.getByRole('option', { name: 'No volume' }));
    await user.click(screen.getByRole('button', { name: /Next: Preview/ }));
    await screen.findAllByTestId('workflow-plan-step');
    expect(calls('workflows.preview').at(-1)).not.toHaveProperty('request.volumeAvailabilityZone');
  });

  it('falls back to typing the zone, saying why, when the target profile may not list zones', async () => {
    const user = userEvent.setup();
    const { calls, keys } = setup('customer', {
      'zones.list': () => ({
        ok: false,
        error: {
          code: 'access-denied',
          message: 'You are not authorized to perform this operation.',
          retryable: false,
          aws: { code: 'UnauthorizedOperation', requestId: 'req-42' },
        },
      }),
    });
    await chooseTarget(user, keys);
    await user.click(screen.getByRole('button', { name: /Next: Options/ }));
    const zone = await screen.findByRole('textbox', { name: 'Create a volume from the copy' });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Access denied');
    expect(alert).toHaveTextContent('You are not authorized to perform this operation.');
    expect(alert).toHaveTextContent('UnauthorizedOperation');
    expect(screen.getByText(/could not list its zones/)).toBeInTheDocument();

    await user.type(zone, 'eu-west-1a');
    await user.click(screen.getByRole('button', { name: /Next: Preview/ }));
    expect(screen.getByText('A zone of us-east-1, like us-east-1a')).toBeInTheDocument();
    await user.clear(zone);
    await user.type(zone, 'us-east-1b');
    await user.click(screen.getByRole('button', { name: /Next: Preview/ }));
    await screen.findAllByTestId('workflow-plan-step');
    expect(calls('workflows.preview')).toEqual([
      {
        request: expect.objectContaining({ volumeAvailabilityZone: 'us-east-1b' }) as unknown,
        fixes: [],
      },
    ]);
  });
});
