import { z } from 'zod';
import {
  preflightResultSchema,
  runbookSchema,
  workflowPlanSchema,
  workflowRunSchema,
  workflowRunSummarySchema,
} from '../models/workflow-plan';
import { runEventsSchema } from '../models/run-events';
import {
  handoffInput,
  planInput,
  runbookInput,
  runRefInput,
  undoInput,
} from '../schemas/workflow-request';
import { invoke, noInput, operation } from './define';

/** The guided jobs' engine (design.md §6): plan, check, run, resume and undo, journaled in main. */
export const workflowsCalls = {
  'workflows.preview': invoke({
    summary:
      'The plan of a wizard’s request: every step with its API call, AWS CLI line, undo and policy diff. Pass the run id back to keep the plan (its tags name it).',
    input: planInput,
    output: workflowPlanSchema,
  }),
  'workflows.runbook': invoke({
    summary:
      'The job as an AWS CLI runbook and as a bash script that runs as it is, for a request or an existing run.',
    input: runbookInput,
    output: runbookSchema,
  }),
  'workflows.handoff': invoke({
    summary:
      'After a share run that stopped after the share: the other account’s side of the whole job (its copy…) as a runbook and script, with what the run made written in.',
    input: handoffInput,
    output: runbookSchema,
  }),
  'workflows.preflight': invoke({
    summary:
      'Read-only checks of every step before any change; failed checks say what is wrong and may offer a fix step.',
    input: planInput,
    output: preflightResultSchema,
  }),
  'workflows.start': operation({
    summary:
      'Preflights, then runs the plan step by step, journaling each state change in the data dir; progress per step (and the snapshot’s Progress).',
    input: planInput,
    result: workflowRunSchema,
  }),
  'workflows.resume': operation({
    summary:
      'Continues an unfinished run (after a crash or a failed step) from its journal without redoing finished steps.',
    input: runRefInput,
    result: workflowRunSchema,
  }),
  'workflows.undo': operation({
    summary:
      'Reverts a finished or failed run where AWS allows, last step first; deleting a copy needs confirmDeletes.',
    input: undoInput,
    result: workflowRunSchema,
  }),
  'workflows.list': invoke({
    summary: 'Every journaled run, newest first; unfinished ones are marked resumable.',
    input: noInput,
    output: z.array(workflowRunSummarySchema),
  }),
  'workflows.get': invoke({
    summary: 'One run: its plan, the state and outputs of each step, the error that stopped it.',
    input: runRefInput,
    output: workflowRunSchema,
  }),
  'workflows.events': invoke({
    summary:
      'The CloudTrail events a run caused: changes in each profile and Region it acted in over its time window that name what it touched.',
    input: runRefInput,
    output: runEventsSchema,
  }),
} as const;
