import { DescribeVolumesCommand } from '@aws-sdk/client-ec2';
import { afterEach, describe, expect, it } from 'vitest';
import { PROD_SNAPSHOT_DB_NIGHTLY } from '../../../src-sandbox/seed/ec2';
import { ec2Of } from '../../key-operations/key-context';
import type { StepEnv } from '../step-kind';
import { useWorkflows } from '../testing/workflow-test-kit';
import { clientToken } from './client-token';
import { createVolumeKind } from './create-volume';
import { RUN_ID_TAG } from './snapshots';

const kit = useWorkflows();
afterEach(() => kit.setCopyDuration(0));

const at = { runId: 'run-volume-1', stepId: 'volume', profileId: 'prod', region: 'us-east-1' };
const params = createVolumeKind.params.parse({
  snapshotId: PROD_SNAPSHOT_DB_NIGHTLY,
  availabilityZone: 'us-east-1a',
});

function env(crashAt?: string): StepEnv {
  return {
    ...at,
    ctx: kit.ctx,
    resolve: (value) => (typeof value === 'string' ? value : ''),
    progress: () => undefined,
    checkpoint: (point) => {
      if (point === crashAt) throw new Error(`crash at ${point}`);
    },
    sleep: () => Promise.resolve(),
    signal: new AbortController().signal,
  };
}

async function volumesOfRun() {
  const ec2 = await ec2Of(kit.ctx, 'prod', 'us-east-1');
  const out = await ec2.send(
    new DescribeVolumesCommand({ Filters: [{ Name: `tag:${RUN_ID_TAG}`, Values: [at.runId] }] }),
  );
  return out.Volumes ?? [];
}

describe('create-volume step', () => {
  it('sends an idempotency token and tags in the CLI line and the API call', () => {
    const { args } = createVolumeKind.cli(params, at);
    expect(args).toContain(clientToken(at));
    expect(clientToken(at)).toHaveLength(56);
    expect(clientToken(at)).not.toBe(clientToken({ ...at, runId: 'run-volume-2' }));
    expect(createVolumeKind.action(params, at).params).toMatchObject({
      SnapshotId: PROD_SNAPSHOT_DB_NIGHTLY,
      AvailabilityZone: 'us-east-1a',
      ClientToken: clientToken(at),
    });
  });

  it('makes exactly one volume when the run crashes after CreateVolume was sent, and undo deletes it', async () => {
    await expect(createVolumeKind.run(env('sent'), params)).rejects.toThrow('crash at sent');
    const outputs = await createVolumeKind.run(env(), params);
    const made = await volumesOfRun();
    expect(made.map((v) => v.VolumeId)).toEqual([outputs['volumeId']]);
    expect(made[0]).toMatchObject({ State: 'available', SnapshotId: PROD_SNAPSHOT_DB_NIGHTLY });
    await createVolumeKind.verify(env(), params, outputs);

    await createVolumeKind.undo?.run(env(), params, outputs);
    await createVolumeKind.undo?.run(env(), params, outputs);
    expect(await volumesOfRun()).toEqual([]);
  });

  it('preflights CreateVolume with DryRun, and refuses a zone of another Region', async () => {
    const place = { ...at, ctx: kit.ctx };
    expect((await createVolumeKind.check(place, params))[0]).toMatchObject({ status: 'ok' });
    const wrongZone = { ...params, availabilityZone: 'eu-west-1a' };
    expect((await createVolumeKind.check(place, wrongZone))[0]).toMatchObject({
      status: 'failed',
    });
  });
});
