import { describe, expect, it } from 'vitest';
import { BACKUP_SNAPSHOT_WEB_ROOT } from '../../src-sandbox/seed/ec2';
import type { OperationEvent } from '../../src-shared/contract';
import { workflowsCalls } from '../../src-shared/contract/workflows';
import { silentLogger } from '../log/logger';
import { createEventBus } from '../operations/event-bus';
import { createOperationRunner } from '../operations/operation-runner';
import { useWorkflows } from '../workflows/testing/workflow-test-kit';
import { createWorkflowsHandlers } from './workflows-handlers';

const kit = useWorkflows();

const input = workflowsCalls['workflows.start'].input.parse({
  request: {
    job: 'copy-snapshot',
    profileId: 'backup',
    sourceRegion: 'us-west-2',
    snapshotId: BACKUP_SNAPSHOT_WEB_ROOT,
    destinationRegion: 'us-east-1',
    kmsKeyId: 'alias/dr-backups',
  },
  runId: 'run-handlers-1',
});

describe('workflows handlers', () => {
  it('start runs as an operation with progress per step; list, get and runbook then show the run', async () => {
    kit.setCopyDuration(10_000);
    const handlers = createWorkflowsHandlers(kit.engine());
    const events = createEventBus();
    const received: OperationEvent[] = [];
    events.subscribe((_topic, payload) => received.push(payload as OperationEvent));
    const runner = createOperationRunner(events, silentLogger);
    runner.start(
      'workflows.start',
      (ctx) => handlers['workflows.start'](input, ctx),
      workflowsCalls['workflows.start'].result,
    );
    await runner.idle();

    const last = received.at(-1);
    expect(last).toMatchObject({
      type: 'done',
      result: { runId: 'run-handlers-1', status: 'done' },
    });
    const titles = [
      ...new Set(
        received.flatMap((e) => (e.type === 'progress' ? [`${e.step + 1}/${e.stepCount}`] : [])),
      ),
    ];
    expect(titles).toEqual(['1/3', '2/3', '3/3']);

    const ctx = { correlationId: 'c', logger: silentLogger };
    const list = await handlers['workflows.list']({}, ctx);
    expect(list).toContainEqual(
      expect.objectContaining({
        runId: 'run-handlers-1',
        status: 'done',
        stepsDone: 3,
        resumable: false,
        profileIds: ['backup'],
        regions: ['us-east-1'],
      }),
    );
    const run = await handlers['workflows.get']({ runId: 'run-handlers-1' }, ctx);
    expect(run.steps[0]?.outputs['snapshotId']).toMatch(/^snap-[0-9a-f]{17}$/);
    const trail = await handlers['workflows.events']({ runId: 'run-handlers-1' }, ctx);
    expect(trail.events.map((e) => e.eventName)).toContain('CopySnapshot');
    expect(workflowsCalls['workflows.events'].output.safeParse(trail).success).toBe(true);
    const runbook = await handlers['workflows.runbook']({ runId: 'run-handlers-1' }, ctx);
    expect(runbook.script).toContain('keyward:run-id","Value":"run-handlers-1"');
    expect(workflowsCalls['workflows.runbook'].output.safeParse(runbook).success).toBe(true);
  });
});
