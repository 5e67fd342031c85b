import { randomUUID } from 'node:crypto';
import { KeywardError } from '../../src-shared/errors';
import type {
  PlanStep,
  PreflightResult,
  Runbook,
  StepSpec,
  StepState,
  WorkflowPlan,
  WorkflowRun,
  WorkflowRunSummary,
} from '../../src-shared/models/workflow-plan';
import type { RunEvents } from '../../src-shared/models/run-events';
import type { WorkflowRequest } from '../../src-shared/schemas/workflow-request';
import type { KeyContext } from '../key-operations/key-context';
import type { OperationContext } from '../operations/operation-context';
import { toSerializedError } from '../operations/to-serialized-error';
import { describePlan, planRunbook, type ProfileNames } from './describe-plan';
import { handoffDraft } from './handoff';
import { buildPlan } from './plans/build-plan';
import { preflight } from './preflight';
import { runEvents } from './run-events';
import { createRunJournal, type RunJournal } from './run-journal';
import { isRef, type StepEnv, type Value } from './step-kind';
import { stepKinds, type StepRegistry } from './step-registry';

/** What a run reports to: the operation's progress and cancel signal. */
export type RunProgress = Pick<OperationContext, 'progress' | 'signal'>;

export interface WorkflowEngineOptions {
  readonly ctx: KeyContext;
  /** AWS CLI profile names for the runbook (default: the profile ids). */
  readonly profileNames?: ProfileNames;
  readonly registry?: StepRegistry;
  readonly journal?: RunJournal;
  /** Waits between polls and retries (tests: a clock that does not really wait). */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => Date;
  /**
   * Called at named points of a step (`started`, `sent`, `journaled`); a throw stops the engine
   * there as a crash would: nothing more is journaled (tests).
   */
  readonly checkpoint?: (point: string, stepId: string) => void;
  /** Step-level retries of throttling and transient errors the SDK's own retries gave up on. */
  readonly retry?: { readonly attempts: number; readonly baseDelayMs: number };
}

export interface WorkflowEngine {
  /** The plan of a request; `fixes` (steps preflight offered) run before the request's steps. */
  preview(
    request: WorkflowRequest,
    runId?: string,
    fixes?: readonly StepSpec[],
  ): Promise<WorkflowPlan>;
  runbook(plan: WorkflowPlan): Promise<Runbook>;
  /** The runbook of what `request` (the whole job) leaves for the other account after run `runId`. */
  handoff(request: WorkflowRequest, runId: string): Promise<Runbook>;
  preflight(plan: WorkflowPlan): Promise<PreflightResult>;
  /** Preflight, then every step in order, journaled; refuses a plan whose preflight fails. */
  start(plan: WorkflowPlan, progress: RunProgress): Promise<WorkflowRun>;
  /** Continues an unfinished run from its journal: finished steps are not run again. */
  resume(runId: string, progress: RunProgress): Promise<WorkflowRun>;
  /** Reverts a run's steps in reverse order where AWS allows; deleting needs `confirmDeletes`. */
  undo(runId: string, confirmDeletes: boolean, progress: RunProgress): Promise<WorkflowRun>;
  list(): Promise<WorkflowRunSummary[]>;
  get(runId: string): Promise<WorkflowRun>;
  /** The CloudTrail events the run caused, in every profile and Region it acted in. */
  events(runId: string): Promise<RunEvents>;
}

/** Thrown through the engine by a checkpoint: the test's stand-in for the process dying. */
class EngineStopped extends Error {}

/** A step whose input an earlier step never produced (nothing of it to undo). */
class MissingOutput extends Error {}

const ownNames: ProfileNames = () => Promise.resolve((id) => id);
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createWorkflowEngine(options: WorkflowEngineOptions): WorkflowEngine {
  const { ctx } = options;
  const registry = options.registry ?? stepKinds;
  const journal = options.journal ?? createRunJournal(ctx.dataDir, ctx.logger);
  const profileNames = options.profileNames ?? ownNames;
  const sleep = options.sleep ?? realSleep;
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const retry = options.retry ?? { attempts: 5, baseDelayMs: 1000 };
  /** Runs going on in this process (others marked running were cut off by a crash). */
  const live = new Set<string>();

  const checkpoint = (point: string, stepId: string) => {
    try {
      options.checkpoint?.(point, stepId);
    } catch (error) {
      throw new EngineStopped((error as Error).message);
    }
  };

  async function save(run: WorkflowRun, change: Partial<WorkflowRun>): Promise<WorkflowRun> {
    const next = { ...run, ...change, updatedAt: now() };
    await journal.save(next);
    return next;
  }

  const withStep = (run: WorkflowRun, index: number, change: Partial<StepState>) => ({
    steps: run.steps.map((s, i) => (i === index ? { ...s, ...change } : s)),
  });

  function envFor(
    run: () => WorkflowRun,
    step: PlanStep,
    index: number,
    progress: RunProgress,
  ): StepEnv {
    const count = run().plan.steps.length;
    return {
      ctx,
      runId: run().runId,
      stepId: step.id,
      profileId: step.profileId,
      region: step.region,
      signal: progress.signal,
      sleep,
      checkpoint: (point) => checkpoint(point, step.id),
      resolve(value: Value) {
        if (!isRef(value)) return value;
        const made = run().steps.find((s) => s.id === value.step)?.outputs[value.output];
        if (made === undefined) {
          throw new MissingOutput(`step "${value.step}" has not produced ${value.output}`);
        }
        return made;
      },
      progress: (fraction, detail) =>
        progress.progress(index, count, step.title, (index + fraction) / count, {
          progress: detail,
        }),
    };
  }

  /** Retries what may pass a moment later (throttling, 5xx, network); each step's run is idempotent. */
  async function retrying<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const again = error instanceof KeywardError && error.retryable && attempt < retry.attempts;
        if (!again) throw error;
        await sleep(retry.baseDelayMs * 2 ** (attempt - 1));
      }
    }
  }

  async function runStep(run: () => WorkflowRun, index: number, progress: RunProgress) {
    const step = run().plan.steps[index];
    if (!step) throw new Error(`no step ${index}`);
    const kind = registry.kind(step.kind);
    const params = registry.params(step.kind, step.params);
    const env = envFor(run, step, index, progress);
    return retrying(async () => {
      const outputs = await kind.run(env, params);
      await kind.verify(env, params, outputs);
      return outputs;
    });
  }

  async function execute(start: WorkflowRun, progress: RunProgress): Promise<WorkflowRun> {
    let run = await save(start, { status: 'running' });
    const current = () => run;
    const count = run.plan.steps.length;
    for (let index = 0; index < count; index++) {
      const state = run.steps[index];
      const step = run.plan.steps[index];
      if (!state || !step || state.status === 'done') continue;
      progress.progress(index, count, step.title, index / count);
      try {
        if (progress.signal.aborted) throw new KeywardError('cancelled', 'The run was cancelled.');
        const { error: _cleared, ...rest } = state;
        run = await save(run, {
          steps: run.steps.map((s, i) =>
            i === index
              ? { ...rest, status: 'running', attempts: state.attempts + 1, startedAt: now() }
              : s,
          ),
        });
        checkpoint('started', step.id);
        const outputs = await runStep(current, index, progress);
        run = await save(run, withStep(run, index, { status: 'done', outputs, endedAt: now() }));
        checkpoint('journaled', step.id);
      } catch (error) {
        if (error instanceof EngineStopped) throw error;
        const serialized = toSerializedError(error, ctx.logger, `workflow step ${step.kind}`);
        const failed = {
          ...serialized,
          message: `Step ${index + 1} (${step.title}) failed: ${serialized.message}`.slice(0, 2000),
        };
        run = await save(run, {
          ...withStep(run, index, { status: 'failed', error: serialized, endedAt: now() }),
          status: 'failed',
          error: failed,
        });
        throw KeywardError.from(failed);
      }
    }
    const { error: _none, ...done } = run;
    return save(done, { status: 'done', endedAt: now() });
  }

  async function tracked<T>(runId: string, work: () => Promise<T>): Promise<T> {
    if (live.has(runId)) {
      throw new KeywardError('conflict', `Run ${runId} is already going on.`);
    }
    live.add(runId);
    try {
      return await work();
    } finally {
      live.delete(runId);
    }
  }

  const touched = (s: StepState) =>
    s.status === 'done' || s.status === 'failed' || s.status === 'running';

  async function undoSteps(start: WorkflowRun, progress: RunProgress): Promise<WorkflowRun> {
    let run = await save(start, { status: 'undoing' });
    const current = () => run;
    const count = run.plan.steps.length;
    for (let index = count - 1; index >= 0; index--) {
      const state = run.steps[index];
      const step = run.plan.steps[index];
      if (!state || !step || !touched(state)) continue;
      const kind = registry.kind(step.kind);
      progress.progress(count - 1 - index, count, `Undo: ${step.title}`);
      if (kind.undo) {
        const env = envFor(current, step, index, progress);
        try {
          const params = registry.params(step.kind, step.params);
          const undo = kind.undo;
          await retrying(() => undo.run(env, params, state.outputs));
        } catch (error) {
          if (!(error instanceof MissingOutput)) {
            const serialized = toSerializedError(error, ctx.logger, `workflow undo ${step.kind}`);
            run = await save(run, { status: 'failed', error: serialized });
            throw KeywardError.from(serialized);
          }
        }
      }
      run = await save(run, withStep(run, index, { status: 'undone', endedAt: now() }));
    }
    return save(run, { status: 'undone', endedAt: now() });
  }

  function summary(run: WorkflowRun): WorkflowRunSummary {
    const cutOff = run.status === 'running' && !live.has(run.runId);
    const unfinished = cutOff || run.status === 'failed';
    return {
      runId: run.runId,
      job: run.plan.job,
      title: run.plan.title,
      status: run.status,
      resumable: unfinished,
      undoable: (unfinished || run.status === 'done') && run.steps.some(touched),
      createdAt: run.createdAt,
      updatedAt: run.updatedAt,
      stepsDone: run.steps.filter((s) => s.status === 'done').length,
      stepCount: run.steps.length,
      ...(run.endedAt === undefined ? {} : { endedAt: run.endedAt }),
      profileIds: [...new Set(run.plan.steps.map((s) => s.profileId))],
      regions: [...new Set(run.plan.steps.map((s) => s.region))],
    };
  }

  async function exists(runId: string): Promise<boolean> {
    try {
      await journal.load(runId);
      return true;
    } catch (error) {
      if (error instanceof KeywardError && error.code === 'not-found') return false;
      throw error;
    }
  }

  const engine: WorkflowEngine = {
    async preview(request, runId = randomUUID(), fixes = []) {
      const draft = await buildPlan(ctx, request);
      const steps = [...fixes, ...draft.steps];
      if (new Set(steps.map((s) => s.id)).size !== steps.length) {
        throw new KeywardError('validation', 'A fix step was added twice.');
      }
      return describePlan(ctx, registry, profileNames, { ...draft, steps }, runId);
    },
    runbook: (plan) => planRunbook(registry, profileNames, plan),
    async handoff(request, runId) {
      const run = await journal.load(runId);
      const draft = handoffDraft(await engine.preview(request, runId), run);
      const plan = await describePlan(ctx, registry, profileNames, draft, runId);
      return planRunbook(registry, profileNames, plan);
    },
    preflight: (plan) => preflight(ctx, registry, plan, retrying),
    start: (plan, progress) =>
      tracked(plan.runId, async () => {
        if (await exists(plan.runId)) {
          throw new KeywardError(
            'conflict',
            `Run ${plan.runId} was started before: resume it instead.`,
          );
        }
        const checked = await preflight(ctx, registry, plan, retrying);
        if (!checked.ok) {
          const problems = checked.checks
            .filter((c) => c.status === 'failed')
            .map((c) => c.message);
          throw new KeywardError(
            'validation',
            `Preflight found problems; nothing was changed. ${problems.join(' ')}`,
            {
              hint: 'Fix what the checks name (or add the offered fix steps), then start again.',
            },
          );
        }
        const at = now();
        const steps = plan.steps.map((s) => ({
          id: s.id,
          status: 'pending' as const,
          attempts: 0,
          outputs: {},
        }));
        return execute(
          { runId: plan.runId, plan, status: 'running', createdAt: at, updatedAt: at, steps },
          progress,
        );
      }),
    resume: (runId, progress) =>
      tracked(runId, async () => {
        const run = await journal.load(runId);
        if (run.status === 'done' || run.status === 'undone') return run;
        return execute(run, progress);
      }),
    undo: (runId, confirmDeletes, progress) =>
      tracked(runId, async () => {
        const run = await journal.load(runId);
        if (run.status === 'undone') return run;
        const deleting = run.plan.steps.filter(
          (step, i) => step.undoDeletes && run.steps[i] !== undefined && touched(run.steps[i]),
        );
        if (deleting.length > 0 && !confirmDeletes) {
          throw new KeywardError(
            'validation',
            `Undoing this run deletes what it made (${deleting.map((s) => s.title).join('; ')}). Confirm to go on.`,
          );
        }
        return undoSteps(run, progress);
      }),
    async list() {
      return (await journal.list()).map(summary);
    },
    get: (runId) => journal.load(runId),
    events: async (runId) => runEvents(ctx, await journal.load(runId), new Date(now())),
  };
  return engine;
}
