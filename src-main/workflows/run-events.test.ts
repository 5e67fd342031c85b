import { describe, expect, it } from 'vitest';
import { BACKUP_SNAPSHOT_DB_NIGHTLY } from '../../src-sandbox/seed/ec2';
import { workflowRequest } from '../../src-shared/schemas/workflow-request';
import { recordRun, useWorkflows } from './testing/workflow-test-kit';

const kit = useWorkflows();

const request = workflowRequest.parse({
  job: 'copy-snapshot',
  profileId: 'backup',
  sourceRegion: 'us-west-2',
  snapshotId: BACKUP_SNAPSHOT_DB_NIGHTLY,
  destinationRegion: 'us-east-1',
  kmsKeyId: 'alias/dr-backups',
});

describe('the CloudTrail events of a run', () => {
  it('names the copy and the tags the run made, by whom, with their request ids, and not another run’s', async () => {
    kit.setCopyDuration(0);
    const engine = kit.engine();
    const other = await engine.start(await engine.preview(request), recordRun());
    const run = await engine.start(await engine.preview(request), recordRun());
    const copy = run.steps.find((s) => s.id === 'copy')?.outputs['snapshotId'] ?? '';
    const otherCopy = other.steps.find((s) => s.id === 'copy')?.outputs['snapshotId'] ?? '';

    const found = await engine.events(run.runId);

    expect(found.gaps).toEqual([]);
    expect(found.places).toEqual([{ profileId: 'backup', region: 'us-east-1' }]);
    expect(found.resources).toEqual(
      expect.arrayContaining([BACKUP_SNAPSHOT_DB_NIGHTLY, copy, 'alias/dr-backups']),
    );
    expect(found.resources).not.toContain(otherCopy);
    const names = found.events.map((e) => e.eventName);
    expect(names).toContain('CopySnapshot');
    expect(names).toContain('CreateTags');
    const created = found.events.find((e) => e.eventName === 'CreateTags');
    expect(created).toMatchObject({ eventSource: 'ec2.amazonaws.com', region: 'us-east-1' });
    expect(created?.who).toMatch(/^arn:aws:(iam|sts)::222222222222:/);
    expect(created?.requestId).toMatch(/\S/);
    // The other run's tags name only its own copy.
    const tagEvents = found.events.filter((e) => e.eventName === 'CreateTags');
    expect(tagEvents).toHaveLength(1);
    expect(found.events.every((e) => e.time >= found.start && e.time <= found.end)).toBe(true);
  });
});
