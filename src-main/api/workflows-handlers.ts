import type { workflowsCalls } from '../../src-shared/contract/workflows';
import type { z } from 'zod';
import type { planInput } from '../../src-shared/schemas/workflow-request';
import type { WorkflowEngine } from '../workflows/workflow-engine';
import type { AreaHandlers } from './handler-types';

export function createWorkflowsHandlers(
  engine: WorkflowEngine,
): AreaHandlers<typeof workflowsCalls> {
  const plan = (input: z.output<typeof planInput>) =>
    engine.preview(input.request, input.runId, input.fixes);
  return {
    'workflows.preview': (input) => plan(input),
    'workflows.runbook': async (input) =>
      engine.runbook('request' in input ? await plan(input) : (await engine.get(input.runId)).plan),
    'workflows.handoff': ({ request, runId }) =>
      engine.handoff({ ...request, stopAfterShare: false }, runId),
    'workflows.preflight': async (input) => engine.preflight(await plan(input)),
    'workflows.start': async (input, ctx) => engine.start(await plan(input), ctx),
    'workflows.resume': ({ runId }, ctx) => engine.resume(runId, ctx),
    'workflows.undo': ({ runId, confirmDeletes }, ctx) => engine.undo(runId, confirmDeletes, ctx),
    'workflows.list': () => engine.list(),
    'workflows.get': ({ runId }) => engine.get(runId),
    'workflows.events': ({ runId }) => engine.events(runId),
  };
}
