import { z } from 'zod';
import { serializedErrorSchema } from '../error-schema';

/** A value an earlier step of the same run produces (the new snapshot's id…), used by a later one. */
export const stepRefSchema = z
  .object({ step: z.string().min(1), output: z.string().min(1) })
  .strict();
export type StepRef = z.output<typeof stepRefSchema>;

const jsonSchema: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonSchema),
    z.record(z.string(), jsonSchema),
  ]),
);

/**
 * A step as it is kept: its kind (registered in main) and the kind's parameters as plain JSON, so
 * that a journaled step is re-hydrated after a restart.
 */
export const stepSpecSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/),
    kind: z.string().min(1).max(80),
    profileId: z.string().min(1).max(200),
    region: z.string().min(1).max(40),
    params: z.record(z.string(), jsonSchema),
  })
  .strict();
export type StepSpec = z.output<typeof stepSpecSchema>;

/** A key policy before and after a step, the statement Keyward adds named by its Sid. */
export const policyDiffSchema = z
  .object({
    keyArn: z.string(),
    before: z.string(),
    after: z.string(),
    addedSid: z.string(),
  })
  .strict();
export type PolicyDiff = z.output<typeof policyDiffSchema>;

/** One step as the preview shows it: the exact API call and its AWS CLI equivalent. */
export const planStepSchema = stepSpecSchema.extend({
  title: z.string(),
  action: z
    .object({
      service: z.string(),
      operation: z.string(),
      /** The API parameters; a value made by an earlier step is a `{ step, output }` reference. */
      params: z.record(z.string(), jsonSchema),
    })
    .strict(),
  /** The AWS CLI command line (v1 and v2), shell-quoted; earlier steps' outputs as $VARIABLES. */
  cli: z.string(),
  /** What the step produces for later steps (e.g. `snapshotId`). */
  outputs: z.array(z.string()),
  /** What undoing it does, or why nothing needs undoing. */
  undo: z.string(),
  /** Whether undoing it deletes something (asks for confirmation). */
  undoDeletes: z.boolean(),
  policyDiff: policyDiffSchema.optional(),
});
export type PlanStep = z.output<typeof planStepSchema>;

/** A shell variable of the runbook: who (a profile) or where (a Region) the commands act. */
export const runbookVariableSchema = z
  .object({
    name: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
    kind: z.enum(['profile', 'region']),
    /** The Keyward profile id or the Region code the variable stands for. */
    value: z.string(),
    about: z.string(),
  })
  .strict();
export type RunbookVariable = z.output<typeof runbookVariableSchema>;

export const workflowPlanSchema = z
  .object({
    runId: z.string().regex(/^[a-z0-9-]{8,64}$/),
    job: z.string(),
    title: z.string(),
    variables: z.array(runbookVariableSchema),
    steps: z.array(planStepSchema).min(1),
  })
  .strict();
export type WorkflowPlan = z.output<typeof workflowPlanSchema>;

/** One preflight finding; a failed one may come with the step that fixes it. */
export const preflightCheckSchema = z
  .object({
    stepId: z.string(),
    status: z.enum(['ok', 'failed', 'warning']),
    message: z.string(),
    fix: z.object({ title: z.string(), step: stepSpecSchema }).strict().optional(),
  })
  .strict();
export type PreflightCheck = z.output<typeof preflightCheckSchema>;

export const preflightResultSchema = z
  .object({ ok: z.boolean(), checks: z.array(preflightCheckSchema) })
  .strict();
export type PreflightResult = z.output<typeof preflightResultSchema>;

export const stepStatusSchema = z.enum(['pending', 'running', 'done', 'failed', 'undone']);

export const stepStateSchema = z
  .object({
    id: z.string(),
    status: stepStatusSchema,
    attempts: z.number().int().min(0),
    startedAt: z.string().optional(),
    endedAt: z.string().optional(),
    outputs: z.record(z.string(), z.string()),
    /** Last reported progress of a long step ("45%"). */
    progress: z.string().optional(),
    error: serializedErrorSchema.optional(),
  })
  .strict();
export type StepState = z.output<typeof stepStateSchema>;

export const runStatusSchema = z.enum(['running', 'done', 'failed', 'undoing', 'undone']);
export type RunStatus = z.output<typeof runStatusSchema>;

/** A run as journaled in the data dir after every state change. */
export const workflowRunSchema = z
  .object({
    runId: z.string(),
    plan: workflowPlanSchema,
    status: runStatusSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
    endedAt: z.string().optional(),
    steps: z.array(stepStateSchema),
    error: serializedErrorSchema.optional(),
  })
  .strict();
export type WorkflowRun = z.output<typeof workflowRunSchema>;

/** A run in the list: `resumable` when it stopped unfinished (a crash, a failed step). */
export const workflowRunSummarySchema = z
  .object({
    runId: z.string(),
    job: z.string(),
    title: z.string(),
    status: runStatusSchema,
    resumable: z.boolean(),
    undoable: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    stepsDone: z.number().int(),
    stepCount: z.number().int(),
    endedAt: z.string().optional(),
    /** The profiles and Regions its steps act in. */
    profileIds: z.array(z.string()),
    regions: z.array(z.string()),
  })
  .strict();
export type WorkflowRunSummary = z.output<typeof workflowRunSummarySchema>;

export const runbookSchema = z.object({ text: z.string(), script: z.string() }).strict();
export type Runbook = z.output<typeof runbookSchema>;
