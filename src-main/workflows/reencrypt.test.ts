import { DescribeSnapshotsCommand, DescribeVolumesCommand } from '@aws-sdk/client-ec2';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { demoKey, demoKeyArn } from '../../src-sandbox/seed/demo-keys';
import {
  PROD_SNAPSHOT_LEGACY_ROOT,
  PROD_SNAPSHOT_WEB_ROOT,
  PROD_VOLUME_LEGACY_ROOT,
} from '../../src-sandbox/seed/ec2';
import { workflowRequest } from '../../src-shared/schemas/workflow-request';
import { ec2Of } from '../key-operations/key-context';
import { createSnapshotKind } from './kinds/create-snapshot';
import { RUN_ID_TAG } from './kinds/snapshots';
import { recordRun, useWorkflows } from './testing/workflow-test-kit';

const kit = useWorkflows();
afterEach(() => kit.setCopyDuration(0));

const WORKLOADS = demoKeyArn(demoKey('ebs-workloads'));
const reencrypt = (source: Record<string, string>, overrides: Record<string, unknown> = {}) =>
  workflowRequest.parse({
    job: 'reencrypt',
    profileId: 'prod',
    region: 'us-east-1',
    source,
    kmsKeyId: 'alias/ebs-workloads',
    ...overrides,
  });

const prodEc2 = () => ec2Of(kit.ctx, 'prod', 'us-east-1');
async function snapshot(id: string) {
  const out = await (await prodEc2()).send(new DescribeSnapshotsCommand({ SnapshotIds: [id] }));
  return out.Snapshots?.[0];
}
async function volumesOfRun(runId: string) {
  const out = await (
    await prodEc2()
  ).send(new DescribeVolumesCommand({ Filters: [{ Name: `tag:${RUN_ID_TAG}`, Values: [runId] }] }));
  return out.Volumes ?? [];
}

describe('re-encrypt a snapshot', () => {
  it('copies an aws/ebs snapshot in its Region under a customer managed key with its tags; the original stays on aws/ebs', async () => {
    const engine = kit.engine();
    const plan = await engine.preview(
      reencrypt({ snapshotId: PROD_SNAPSHOT_LEGACY_ROOT }),
      'run-reencrypt-snap',
    );
    expect(plan.steps.map((s) => [s.id, s.kind])).toEqual([
      ['copy', 'copy-snapshot'],
      ['wait', 'wait-snapshot-completed'],
      ['tags', 'copy-tags'],
    ]);
    expect(plan.steps[0]?.action.params).toMatchObject({
      SourceRegion: 'us-east-1',
      SourceSnapshotId: PROD_SNAPSHOT_LEGACY_ROOT,
      KmsKeyId: 'alias/ebs-workloads',
    });
    expect((await engine.preflight(plan)).ok).toBe(true);

    const run = await engine.start(plan, recordRun());
    expect(run.status).toBe('done');
    const [copy] = await kit.snapshotsOfRun('prod', 'us-east-1', plan.runId);
    expect(copy).toMatchObject({ State: 'completed', Encrypted: true, KmsKeyId: WORKLOADS });
    expect(copy?.Tags).toContainEqual({ Key: 'Name', Value: 'legacy-batch-root' });
    const original = await snapshot(PROD_SNAPSHOT_LEGACY_ROOT);
    expect(original?.KmsKeyId).not.toBe(WORKLOADS);
    expect(original?.State).toBe('completed');
  });

  it('refuses a key the snapshot already has, before any plan is shown', async () => {
    await expect(
      kit.engine().preview(reencrypt({ snapshotId: PROD_SNAPSHOT_WEB_ROOT })),
    ).rejects.toThrow(`It is already encrypted with ${WORKLOADS}.`);
  });

  it('finds a key of another Region in preflight (keys are regional)', async () => {
    const engine = kit.engine();
    const plan = await engine.preview(
      reencrypt({ snapshotId: PROD_SNAPSHOT_LEGACY_ROOT }, { kmsKeyId: 'alias/dr-backups' }),
    );
    const result = await engine.preflight(plan);
    expect(result.ok).toBe(false);
    expect(result.checks.find((c) => c.status === 'failed')?.message).toContain(
      'KMS keys are regional',
    );
  });
});

describe('re-encrypt a volume', () => {
  it('snapshots it, copies the snapshot under the new key and creates a volume in its zone; the original and the intermediates are kept; undo removes what the run made', async () => {
    const engine = kit.engine();
    const plan = await engine.preview(
      reencrypt({ volumeId: PROD_VOLUME_LEGACY_ROOT }),
      'run-reencrypt-vol',
    );
    expect(plan.steps.map((s) => [s.id, s.kind])).toEqual([
      ['intermediate', 'create-snapshot'],
      ['wait-intermediate', 'wait-snapshot-completed'],
      ['copy', 'copy-snapshot'],
      ['wait', 'wait-snapshot-completed'],
      ['new', 'create-volume'],
      ['tags', 'copy-tags'],
    ]);
    expect(plan.steps[4]?.action.params).toMatchObject({
      SnapshotId: { step: 'copy', output: 'snapshotId' },
      AvailabilityZone: 'us-east-1a',
      VolumeType: 'gp2',
    });
    const { script } = await engine.runbook(plan);
    expect(script).toContain(
      'INTERMEDIATE_SNAPSHOT_ID=$(aws ec2 create-snapshot \\\n    --volume-id',
    );
    execFileSync('bash', ['-n'], { input: script });
    const checks = await engine.preflight(plan);
    expect(checks.ok).toBe(true);
    expect(checks.checks).toContainEqual(
      expect.objectContaining({
        stepId: 'intermediate',
        message: 'CreateSnapshot would succeed (EC2 DryRun).',
      }),
    );

    const run = await engine.start(plan, recordRun());
    expect(run.status).toBe('done');
    const [made] = await volumesOfRun(plan.runId);
    expect(made).toMatchObject({
      State: 'available',
      AvailabilityZone: 'us-east-1a',
      Encrypted: true,
      KmsKeyId: WORKLOADS,
      SnapshotId: run.steps[2]?.outputs['snapshotId'],
    });
    expect(made?.Tags).toContainEqual({ Key: 'Name', Value: 'legacy-batch-root' });
    const snapshots = await kit.snapshotsOfRun('prod', 'us-east-1', plan.runId);
    expect(snapshots.map((s) => s.KmsKeyId === WORKLOADS).sort()).toEqual([false, true]);
    const original = await (
      await prodEc2()
    ).send(new DescribeVolumesCommand({ VolumeIds: [PROD_VOLUME_LEGACY_ROOT] }));
    expect(original.Volumes?.[0]?.KmsKeyId).not.toBe(WORKLOADS);

    await engine.undo(plan.runId, true, recordRun());
    expect(await volumesOfRun(plan.runId)).toEqual([]);
    expect(await kit.snapshotsOfRun('prod', 'us-east-1', plan.runId)).toEqual([]);
    const kept = await (
      await prodEc2()
    ).send(new DescribeVolumesCommand({ VolumeIds: [PROD_VOLUME_LEGACY_ROOT] }));
    expect(kept.Volumes?.[0]).toMatchObject({ State: 'available', Encrypted: true });
  });

  it('deletes the intermediate snapshots at the end when asked, keeping the new volume', async () => {
    const engine = kit.engine();
    const plan = await engine.preview(
      reencrypt(
        { volumeId: PROD_VOLUME_LEGACY_ROOT },
        { deleteIntermediate: true, copyTags: false },
      ),
      'run-reencrypt-clean',
    );
    expect(plan.steps.map((s) => s.id).slice(-3)).toEqual([
      'new',
      'delete-intermediate',
      'delete-copy',
    ]);
    expect((await engine.start(plan, recordRun())).status).toBe('done');
    expect(await kit.snapshotsOfRun('prod', 'us-east-1', plan.runId)).toEqual([]);
    expect(await volumesOfRun(plan.runId)).toHaveLength(1);
  });
});

describe('create-snapshot step', () => {
  const at = {
    runId: 'run-snap-crash',
    stepId: 'intermediate',
    profileId: 'prod',
    region: 'us-east-1',
  };
  const params = createSnapshotKind.params.parse({ volumeId: PROD_VOLUME_LEGACY_ROOT });
  const env = (crashAt?: string) => kit.stepEnv(at, crashAt);

  it('makes exactly one snapshot when the run crashes after CreateSnapshot was sent, and undo deletes it', async () => {
    await expect(createSnapshotKind.run(env('sent'), params)).rejects.toThrow('crash at sent');
    const outputs = await createSnapshotKind.run(env(), params);
    const made = await kit.snapshotsOfRun('prod', 'us-east-1', at.runId);
    expect(made.map((s) => s.SnapshotId)).toEqual([outputs['snapshotId']]);
    await createSnapshotKind.verify(env(), params, outputs);

    await createSnapshotKind.undo?.run(env(), params, outputs);
    await createSnapshotKind.undo?.run(env(), params, outputs);
    expect(await kit.snapshotsOfRun('prod', 'us-east-1', at.runId)).toEqual([]);
  });

  it('says a volume that does not exist before anything changes', async () => {
    const missing = createSnapshotKind.params.parse({ volumeId: 'vol-0123456789abcdef0' });
    const [volume] = await createSnapshotKind.check({ ...at, ctx: kit.ctx }, missing);
    expect(volume).toMatchObject({ status: 'failed' });
    expect(volume?.message).toContain('vol-0123456789abcdef0 cannot be read in us-east-1');
  });
});
