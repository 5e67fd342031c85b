import { CreateKeyCommand, DisableKeyCommand } from '@aws-sdk/client-kms';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_FAULTS, parseFaultSpec } from '../../src-sandbox/faults/fault-spec';
import { BACKUP_SNAPSHOT_DB_NIGHTLY } from '../../src-sandbox/seed/ec2';
import { workflowRunSchema } from '../../src-shared/models/workflow-plan';
import { workflowRequest } from '../../src-shared/schemas/workflow-request';
import { kmsOf } from '../key-operations/key-context';
import { recordRun, useWorkflows } from './testing/workflow-test-kit';

const kit = useWorkflows();

/** backup's nightly DR copy in us-west-2, copied to us-east-1 under backup's dr-backups key there. */
const copyRequest = (overrides: Record<string, unknown> = {}) =>
  workflowRequest.parse({
    job: 'copy-snapshot',
    profileId: 'backup',
    sourceRegion: 'us-west-2',
    snapshotId: BACKUP_SNAPSHOT_DB_NIGHTLY,
    destinationRegion: 'us-east-1',
    kmsKeyId: 'alias/dr-backups',
    ...overrides,
  });
const DR_BACKUPS_EAST =
  'arn:aws:kms:us-east-1:222222222222:key/2b3c4d5e-0002-4bbb-8ccc-222222220002';

afterEach(() => {
  kit.sandbox.t.sandbox.runtime.faults.set(NO_FAULTS);
  kit.setCopyDuration(0);
});

describe('plan, preview and runbook', () => {
  it('shows the copy in the destination Region, the wait and the tags, with CLI lines and a script bash accepts', async () => {
    const engine = kit.engine();
    const plan = await engine.preview(copyRequest(), 'run-preview-1');
    expect(plan.steps.map((s) => [s.id, s.kind, s.region])).toEqual([
      ['copy', 'copy-snapshot', 'us-east-1'],
      ['wait', 'wait-snapshot-completed', 'us-east-1'],
      ['tags', 'copy-tags', 'us-east-1'],
    ]);
    const [copy, wait, tags] = plan.steps;
    expect(copy?.action).toMatchObject({
      operation: 'CopySnapshot',
      params: { SourceRegion: 'us-west-2', Encrypted: true, KmsKeyId: 'alias/dr-backups' },
    });
    expect(copy?.cli).toBe(
      `COPY_SNAPSHOT_ID=$(aws ec2 copy-snapshot --source-region us-west-2 --source-snapshot-id ${BACKUP_SNAPSHOT_DB_NIGHTLY} --encrypted --kms-key-id alias/dr-backups --tag-specifications '[{"ResourceType":"snapshot","Tags":[{"Key":"keyward:run-id","Value":"run-preview-1"},{"Key":"keyward:step-id","Value":"copy"}]}]' --profile backup --region us-east-1 --query SnapshotId --output text)`,
    );
    expect(copy).toMatchObject({ undoDeletes: true, outputs: ['snapshotId'] });
    expect(wait?.cli).toBe(
      'aws ec2 wait snapshot-completed --snapshot-ids "$COPY_SNAPSHOT_ID" --profile backup --region us-east-1',
    );
    expect(tags?.cli).toContain(`--tags '[{"Key":"Name","Value":"dr-db-primary-nightly"}]'`);

    const { text, script } = await engine.runbook(plan);
    expect(text).toContain('--region "$DESTINATION_REGION"');
    expect(text).toContain('--source-region "$SOURCE_REGION"');
    expect(script).toMatch(/^#!\/usr\/bin\/env bash\n/);
    expect(script).toContain('set -euo pipefail');
    expect(script).toContain('PROFILE="${PROFILE:-backup}"');
    execFileSync('bash', ['-n'], { input: script });
  });

  it('leaves the tags step out when asked not to carry tags', async () => {
    const plan = await kit.engine().preview(copyRequest({ copyTags: false }));
    expect(plan.steps.map((s) => s.id)).toEqual(['copy', 'wait']);
  });
});

describe('preflight', () => {
  it('finds a key that does not exist in the destination Region before anything changes', async () => {
    const engine = kit.engine();
    const plan = await engine.preview(
      copyRequest({ destinationRegion: 'eu-west-1' }),
      'run-missing-key',
    );
    const result = await engine.preflight(plan);
    expect(result.ok).toBe(false);
    expect(result.checks.find((c) => c.status === 'failed')?.message).toBe(
      'Key alias/dr-backups does not exist in eu-west-1. KMS keys are regional: choose a key that lives in eu-west-1.',
    );
    await expect(engine.start(plan, recordRun())).rejects.toThrow(
      /Preflight found problems; nothing was changed/,
    );
    expect(await kit.snapshotsOfRun('backup', 'eu-west-1', plan.runId)).toEqual([]);
    expect(await engine.list()).not.toContainEqual(expect.objectContaining({ runId: plan.runId }));
  });

  it('finds a disabled key and offers to enable it as a step', async () => {
    const kms = await kmsOf(kit.ctx, 'backup', 'us-east-1');
    const made = await kms.send(
      new CreateKeyCommand({ Description: 'disabled for the preflight test' }),
    );
    const keyArn = made.KeyMetadata?.Arn ?? '';
    await kms.send(new DisableKeyCommand({ KeyId: keyArn }));
    const engine = kit.engine();
    const result = await engine.preflight(await engine.preview(copyRequest({ kmsKeyId: keyArn })));
    const failed = result.checks.find((c) => c.status === 'failed');
    expect(failed?.message).toContain('is Disabled');
    expect(failed?.fix?.step).toEqual({
      id: 'enable-key',
      kind: 'enable-key',
      profileId: 'backup',
      region: 'us-east-1',
      params: { keyId: keyArn },
    });
  });
});

describe('run', () => {
  it('copies, waits with progress from the snapshot, tags, and journals every step with its outputs', async () => {
    kit.setCopyDuration(20_000);
    const engine = kit.engine();
    const plan = await engine.preview(copyRequest(), 'run-complete-1');
    expect((await engine.preflight(plan)).ok).toBe(true);
    const progress = recordRun();
    const run = await engine.start(plan, progress);
    expect(run.status).toBe('done');
    expect(run.steps.map((s) => s.status)).toEqual(['done', 'done', 'done']);
    const details = progress.events.filter((e) => e.detail).map((e) => e.detail);
    expect(details).toEqual(['0%', '25%', '50%', '75%', '100%']);

    const journaled = workflowRunSchema.parse(
      JSON.parse(readFileSync(join(kit.dataDir, 'workflow-runs', `${plan.runId}.json`), 'utf8')),
    );
    const copyId = journaled.steps[0]?.outputs['snapshotId'];
    expect(journaled.status).toBe('done');
    const [copy] = await kit.snapshotsOfRun('backup', 'us-east-1', plan.runId);
    expect(copy).toMatchObject({
      SnapshotId: copyId,
      State: 'completed',
      Encrypted: true,
      KmsKeyId: DR_BACKUPS_EAST,
    });
    expect(copy?.Tags).toContainEqual({ Key: 'Name', Value: 'dr-db-primary-nightly' });
  });

  it('completes under the sandbox throttle=0.3 fault without an error', async () => {
    kit.sandbox.t.sandbox.runtime.faults.set(parseFaultSpec('throttle=0.3'));
    const engine = kit.engine();
    const plan = await engine.preview(copyRequest(), 'run-throttled-1');
    const run = await engine.start(plan, recordRun());
    expect(run.status).toBe('done');
    expect(await kit.snapshotsOfRun('backup', 'us-east-1', plan.runId)).toHaveLength(1);
    // The SDK's own retry backoff sleeps for real: on a busy CI machine this takes a while.
  }, 90_000);
});

describe('a failing step', () => {
  it('stops the run with the error and the AWS request id; resuming later does not redo finished steps', async () => {
    kit.sandbox.t.sandbox.runtime.faults.set(parseFaultSpec('error5xx=1,op=CreateTags'));
    const engine = kit.engine({ retry: { attempts: 2, baseDelayMs: 1000 } });
    const plan = await engine.preview(copyRequest(), 'run-fails-1');
    await expect(engine.start(plan, recordRun())).rejects.toThrow(/^Step 3 \(Tag .*\) failed: /);
    const failed = await engine.get(plan.runId);
    expect(failed.status).toBe('failed');
    expect(failed.steps.map((s) => s.status)).toEqual(['done', 'done', 'failed']);
    expect(failed.steps[2]?.error?.aws).toMatchObject({
      operation: 'CreateTags',
      requestId: expect.any(String),
    });
    expect(await engine.list()).toContainEqual(
      expect.objectContaining({ runId: plan.runId, resumable: true, undoable: true }),
    );

    kit.sandbox.t.sandbox.runtime.faults.set(NO_FAULTS);
    const resumed = await engine.resume(plan.runId, recordRun());
    expect(resumed.status).toBe('done');
    expect(resumed.steps.map((s) => s.attempts)).toEqual([1, 1, 2]);
    expect(await kit.snapshotsOfRun('backup', 'us-east-1', plan.runId)).toHaveLength(1);
  });
});

describe('resume after a crash', () => {
  for (const point of ['sent', 'journaled']) {
    it(`stopped after CopySnapshot was ${point === 'sent' ? 'sent, before its journal entry' : 'journaled'}: a new engine resumes with exactly one copy`, async () => {
      const runId = `run-crash-${point}`;
      const crashing = kit.engine({
        checkpoint: (at, stepId) => {
          if (at === point && stepId === 'copy') throw new Error('process killed');
        },
      });
      const plan = await crashing.preview(copyRequest(), runId);
      await expect(crashing.start(plan, recordRun())).rejects.toThrow('process killed');

      const restarted = kit.engine();
      expect(await restarted.list()).toContainEqual(
        expect.objectContaining({
          runId,
          status: 'running',
          resumable: true,
          stepsDone: point === 'sent' ? 0 : 1,
        }),
      );
      const run = await restarted.resume(runId, recordRun());
      expect(run.status).toBe('done');
      const copies = await kit.snapshotsOfRun('backup', 'us-east-1', runId);
      expect(copies).toHaveLength(1);
      expect(run.steps[0]?.outputs['snapshotId']).toBe(copies[0]?.SnapshotId);
      expect(run.steps[0]?.attempts).toBe(point === 'sent' ? 2 : 1);
    });
  }
});

describe('undo', () => {
  it('deletes the copy only once confirmed', async () => {
    const engine = kit.engine();
    const plan = await engine.preview(copyRequest(), 'run-undo-1');
    await engine.start(plan, recordRun());
    await expect(engine.undo(plan.runId, false, recordRun())).rejects.toThrow(
      /deletes what it made.*Confirm/,
    );
    expect(await kit.snapshotsOfRun('backup', 'us-east-1', plan.runId)).toHaveLength(1);
    const undone = await engine.undo(plan.runId, true, recordRun());
    expect(undone.status).toBe('undone');
    expect(await kit.snapshotsOfRun('backup', 'us-east-1', plan.runId)).toEqual([]);
    expect(await engine.list()).toContainEqual(
      expect.objectContaining({
        runId: plan.runId,
        status: 'undone',
        resumable: false,
        undoable: false,
      }),
    );
  });
});
