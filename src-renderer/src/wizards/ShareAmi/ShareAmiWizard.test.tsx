import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AmiRow } from '../../../../src-shared/models/ami';
import type { EbsKey } from '../../../../src-shared/models/ebs-key';
import type { PreflightResult, WorkflowPlan } from '../../../../src-shared/models/workflow-plan';
import { keyRow } from '../../test-utils/key-row';
import { createMockBridge, okAnswer } from '../../test-utils/mock-bridge';
import { render } from '../../test-utils/render';
import { sandboxProfiles, someRegions } from '../../test-utils/switching-bridge';
import { ShareAmiWizard } from './ShareAmiWizard';

const source = { profileId: 'sandbox:prod', region: 'us-east-1', imageId: 'ami-0a310000000000001' };
const TARGET_KEY = 'arn:aws:kms:us-east-1:222222222222:key/k-dr';

const ebsKey = (keyId: string, alias: string, manager: EbsKey['manager']): EbsKey => ({
  keyArn: `arn:aws:kms:us-east-1:111111111111:key/${keyId}`,
  keyId,
  accountId: '111111111111',
  region: 'us-east-1',
  manager,
  state: 'Enabled',
  aliases: [alias],
  error: null,
});
const disk = (deviceName: string, snapshotId: string, key: EbsKey) => ({
  deviceName,
  snapshotId,
  sizeGiB: 8,
  encryption: { encrypted: true, key },
});
const workloads = ebsKey('k-work', 'alias/ebs-workloads', 'customer');
const amiRow: AmiRow = {
  profileId: 'sandbox:prod',
  profileName: 'Sandbox · prod',
  accountId: '111111111111',
  region: 'us-east-1',
  imageId: source.imageId,
  name: 'web-tier-golden',
  description: '',
  state: 'available',
  stateReason: null,
  creationDate: null,
  ownerId: '111111111111',
  ownership: 'owned',
  public: false,
  architecture: 'x86_64',
  rootDeviceName: '/dev/xvda',
  disks: [
    disk('/dev/xvda', 'snap-0000000000000000a', workloads),
    disk('/dev/xvdb', 'snap-0000000000000000b', ebsKey('k-app', 'alias/app-data', 'customer')),
    disk('/dev/xvdc', 'snap-0000000000000000c', workloads),
  ],
  tags: {},
  fetchedAt: 'x',
};

const step = (id: string, kind: string, title: string) => ({
  id,
  kind,
  profileId: 'sandbox:prod',
  region: 'us-east-1',
  params: {},
  title,
  action: { service: 'ec2', operation: 'ModifyImageAttribute', params: {} },
  cli: 'aws ec2 …',
  outputs: [],
  undo: 'Nothing to undo.',
  undoDeletes: false,
});
const plan: WorkflowPlan = {
  runId: 'run-ami-12345',
  job: 'share-ami',
  title: 'Share AMI',
  variables: [],
  steps: [
    step('key-policy-1', 'add-key-policy-statement', 'Let 222222222222 use ebs-workloads'),
    step('key-policy-2', 'add-key-policy-statement', 'Let 222222222222 use app-data'),
    step('share', 'add-launch-permission', 'Let account 222222222222 launch the AMI'),
    step('launch', 'launch-instance', 'Launch a t3.small instance'),
  ],
};
const fixStep = {
  id: 'target-iam-1',
  kind: 'add-identity-policy',
  profileId: 'sandbox:backup',
  region: 'us-east-1',
  params: {},
};
const preflight: PreflightResult = {
  ok: false,
  checks: [
    {
      stepId: 'key-policy-1',
      status: 'failed',
      message: 'user/copier would not be allowed kms:Decrypt on the key',
      fix: { title: 'Add an inline IAM policy to user copier', step: fixStep },
    },
  ],
};

function setup() {
  const { bridge, invoke, emit } = createMockBridge({
    'profiles.list': okAnswer(sandboxProfiles),
    'regions.list': okAnswer(someRegions),
    'amis.inventory': okAnswer({ operationId: 'op-amis' }),
    'keys.inventory': okAnswer({ operationId: 'op-keys' }),
    'workflows.preview': okAnswer(plan),
    'workflows.runbook': okAnswer({ text: '# runbook', script: '#!/bin/bash' }),
    'workflows.preflight': okAnswer(preflight),
    'workflows.start': okAnswer({ operationId: 'op-run' }),
  });
  render(<ShareAmiWizard source={source} />, bridge);
  const event = (operationId: string, name: string, payload: Record<string, unknown>) =>
    act(() => emit('operation', { operationId, name, ...payload }));
  const calls = (name: string) =>
    invoke.mock.calls.filter(([n]) => n === name).map(([, input]) => input);
  return { event, calls };
}

const cell = (profileId: string) => ({
  profileId,
  region: 'us-east-1',
  profileName: profileId,
  status: 'done',
  keysListed: 1,
  keysLoaded: 1,
  error: null,
  loadedAt: null,
});

async function chooseTarget(user: ReturnType<typeof userEvent.setup>, s: ReturnType<typeof setup>) {
  await user.click(screen.getByRole('combobox', { name: /Target account/ }));
  const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
  expect(options).toEqual(['Sandbox · backup — 222222222222', 'Sandbox · partner — 333333333333']);
  await user.click(screen.getByRole('option', { name: /backup/ }));
  await s.event('op-keys', 'keys.inventory', {
    type: 'progress',
    step: 0,
    stepCount: 1,
    title: 'us-east-1',
    partial: {
      cell: cell('sandbox:backup'),
      rows: [
        keyRow('k-dr', {
          profileId: 'sandbox:backup',
          region: 'us-east-1',
          accountId: '222222222222',
          aliases: ['alias/dr-backups'],
        }),
      ],
      keyIds: ['k-dr'],
    },
  });
  await user.click(screen.getByRole('combobox', { name: /Key of the target account/ }));
  await user.click(await screen.findByRole('option', { name: 'alias/dr-backups' }));
}

describe('ShareAmiWizard', () => {
  it('offers only profiles of other accounts, with their account ids, and asks for the target first', async () => {
    const user = userEvent.setup();
    const s = setup();
    await user.click(screen.getByRole('button', { name: /Next: Then/ }));
    expect(screen.getByText('Choose the profile of the other account')).toBeInTheDocument();
    await chooseTarget(user, s);
    expect(s.calls('keys.inventory')).toContainEqual({
      scope: [{ profileId: 'sandbox:backup', region: 'us-east-1' }],
      mode: 'incremental',
      keys: null,
    });
  });

  it('lists each key of the AMI’s snapshots once, launches with an instance type, and runs with the ticked IAM fix', async () => {
    const user = userEvent.setup();
    const s = setup();
    await s.event('op-amis', 'amis.inventory', {
      type: 'progress',
      step: 0,
      stepCount: 1,
      title: 'us-east-1',
      partial: { cell: cell('sandbox:prod'), rows: [amiRow], ids: null },
    });
    await chooseTarget(user, s);
    await user.click(screen.getByRole('button', { name: /Next: Then/ }));

    const keys = within(screen.getByTestId('share-ami-keys')).getAllByRole('row').slice(1);
    expect(keys.map((r) => r.textContent)).toEqual([
      expect.stringMatching(
        /^alias\/ebs-workloads.*snap-0000000000000000a.*snap-0000000000000000c$/,
      ),
      expect.stringMatching(/^alias\/app-data.*snap-0000000000000000b$/),
    ]);
    expect(screen.queryByTestId('share-ami-aws-ebs')).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /Launch an instance/ }));
    const type = screen.getByRole('textbox', { name: 'Instance type' });
    await user.clear(type);
    await user.type(type, 't3.small');
    await user.click(screen.getByRole('button', { name: /Next: Preview/ }));

    const request = {
      job: 'share-ami',
      ...source,
      targetProfileId: 'sandbox:backup',
      targetRegion: 'us-east-1',
      targetKmsKeyId: TARGET_KEY,
      viaEc2Only: true,
      then: 'launch',
      instanceType: 't3.small',
    };
    expect(await screen.findAllByTestId('workflow-plan-step')).toHaveLength(4);
    expect(s.calls('workflows.preview')).toEqual([{ request, fixes: [] }]);
    await user.click(screen.getByRole('button', { name: /Next: Preflight/ }));
    await screen.findAllByTestId('workflow-preflight-check');
    const run = screen.getByRole('button', { name: 'Share the AMI' });
    expect(run).toBeDisabled();
    await user.click(
      screen.getByRole('checkbox', { name: /Fix it first: Add an inline IAM policy/ }),
    );
    await user.click(run);
    expect(s.calls('workflows.start')).toEqual([
      { request, runId: 'run-ami-12345', fixes: [fixStep] },
    ]);
    await s.event('op-run', 'workflows.start', {
      type: 'done',
      result: {
        runId: 'run-ami-12345',
        plan,
        status: 'done',
        createdAt: 'x',
        updatedAt: 'x',
        steps: plan.steps.map((p) => ({
          id: p.id,
          status: 'done',
          attempts: 1,
          outputs: p.id === 'launch' ? { instanceId: 'i-0123456789abcdef0' } : {},
        })),
      },
    });
    expect(screen.getByTestId('share-ami-new-instance')).toHaveTextContent('i-0123456789abcdef0');
    expect(screen.getByTestId('share-ami-run-id')).toHaveTextContent('run-ami-12345');
  });

  it('for an AMI on aws/ebs, says why and asks for a customer managed key of the owner to re-encrypt a copy with, shares that copy, and says the original still exists', async () => {
    const user = userEvent.setup();
    const s = setup();
    const managed = ebsKey('k-aws', 'alias/aws/ebs', 'aws');
    await s.event('op-amis', 'amis.inventory', {
      type: 'progress',
      step: 0,
      stepCount: 1,
      title: 'us-east-1',
      partial: {
        cell: cell('sandbox:prod'),
        rows: [{ ...amiRow, disks: [disk('/dev/xvda', 'snap-0000000000000000d', managed)] }],
        ids: null,
      },
    });
    await chooseTarget(user, s);
    await user.click(screen.getByRole('button', { name: /Next: Then/ }));
    expect(screen.getByTestId('share-ami-aws-ebs')).toHaveTextContent(
      'snap-0000000000000000d is encrypted with the AWS managed key aws/ebs, which no other account may use',
    );
    expect(screen.getByTestId('share-ami-aws-ebs')).toHaveTextContent(
      'Keyward first copies it in us-east-1, every snapshot re-encrypted with the customer managed key of yours chosen below',
    );
    await user.click(screen.getByRole('button', { name: /Next: Preview/ }));
    expect(
      screen.getByText('Choose a customer managed key to re-encrypt the copy with'),
    ).toBeInTheDocument();
    expect(s.calls('workflows.preview')).toEqual([]);

    await s.event('op-keys', 'keys.inventory', {
      type: 'progress',
      step: 0,
      stepCount: 1,
      title: 'us-east-1',
      partial: {
        cell: cell('sandbox:prod'),
        rows: [
          keyRow('k-work', { region: 'us-east-1', aliases: ['alias/ebs-workloads'] }),
          keyRow('k-aws', { region: 'us-east-1', aliases: ['alias/aws/ebs'], manager: 'aws' }),
        ],
        keyIds: ['k-work', 'k-aws'],
      },
    });
    const reencrypt = screen.getByRole('combobox', { name: /^Re-encrypt the copy with/ });
    expect(reencrypt).toHaveAccessibleDescription(/aws\/ebs cannot be shared with another account/);
    await user.click(reencrypt);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'alias/ebs-workloads',
    ]);
    await user.click(screen.getByRole('option', { name: 'alias/ebs-workloads' }));
    await user.click(screen.getByRole('button', { name: /Next: Preview/ }));
    await screen.findAllByTestId('workflow-plan-step');
    expect(s.calls('workflows.preview')).toEqual([
      {
        request: {
          job: 'share-ami',
          ...source,
          targetProfileId: 'sandbox:backup',
          targetRegion: 'us-east-1',
          targetKmsKeyId: TARGET_KEY,
          viaEc2Only: true,
          then: 'copy-image',
          reencryptKmsKeyId: workloads.keyArn,
        },
        fixes: [],
      },
    ]);

    await user.click(screen.getByRole('button', { name: /Next: Preflight/ }));
    await screen.findAllByTestId('workflow-preflight-check');
    await user.click(
      screen.getByRole('checkbox', { name: /Fix it first: Add an inline IAM policy/ }),
    );
    await user.click(screen.getByRole('button', { name: 'Share the AMI' }));
    const outputs: Record<string, Record<string, string>> = {
      reencrypt: { imageId: 'ami-0000000000000c0de' },
      copy: { imageId: 'ami-00000000000000bac' },
    };
    const done = [
      step('reencrypt', 'copy-image', 'Copy'),
      ...plan.steps,
      step('copy', 'copy-image', 'Copy'),
    ];
    await s.event('op-run', 'workflows.start', {
      type: 'done',
      result: {
        runId: 'run-ami-12345',
        plan: { ...plan, steps: done },
        status: 'done',
        createdAt: 'x',
        updatedAt: 'x',
        steps: done.map((p) => ({
          id: p.id,
          status: 'done',
          attempts: 1,
          outputs: outputs[p.id] ?? {},
        })),
      },
    });
    expect(screen.getByTestId('share-ami-reencrypted')).toHaveTextContent('ami-0000000000000c0de');
    expect(
      screen.getByText(/The original ami-0a310000000000001 on aws\/ebs still exists/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('share-ami-new-image')).toHaveTextContent('ami-00000000000000bac');
  });
});
