import { describe, expect, it } from 'vitest';
import type { WorkflowRunSummary } from '../../../../src-shared/models/workflow-plan';
import { interruptedRuns } from './InterruptedRunNotice';

const now = Date.parse('2026-12-03T10:00:00Z');
const run = (over: Partial<WorkflowRunSummary>): WorkflowRunSummary => ({
  runId: 'run-1',
  job: 'copy-snapshot',
  title: 'Copy snap-1',
  status: 'running',
  resumable: true,
  undoable: true,
  createdAt: '2026-12-01T09:00:00Z',
  updatedAt: '2026-12-01T09:01:00Z',
  stepsDone: 1,
  stepCount: 3,
  profileIds: ['prod'],
  regions: ['eu-west-1'],
  ...over,
});

describe('the runs offered at startup', () => {
  it('offers a run cut off mid-run however old, and a failed one only from the last day', () => {
    const runs = [
      run({ runId: 'cut-off' }),
      run({ runId: 'failed-lately', status: 'failed', updatedAt: '2026-12-03T08:00:00Z' }),
      run({ runId: 'failed-long-ago', status: 'failed' }),
      run({ runId: 'done', status: 'done', resumable: false }),
    ];
    expect(interruptedRuns(runs, now).map((r) => r.runId)).toEqual(['cut-off', 'failed-lately']);
  });
});
