import type { z } from 'zod';
import type {
  PolicyDiff,
  PreflightCheck,
  StepRef,
  StepSpec,
} from '../../src-shared/models/workflow-plan';
import type { KeyContext } from '../key-operations/key-context';

/** A parameter that is either known when planning or made by an earlier step of the run. */
export type Value = string | StepRef;

/** A word of an AWS CLI command line: literal text, or an earlier step's output (a shell variable). */
export type CliWord = string | StepRef;

/** The AWS CLI equivalent of a step: `aws <args> --profile … --region …`, maybe capturing an output. */
export interface CliCommand {
  readonly args: readonly CliWord[];
  /**
   * The output the command prints (`--query … --output text`, or `json` for a list to pass on as
   * one word) into the step's output variable.
   */
  readonly capture?: { readonly output: string; readonly query: string; readonly json?: true };
  /** Commands that finish the step, as the engine's `run` does (wait for the copy, tag it). */
  readonly then?: readonly CliCommand[];
}

/** Which step of which run, as whom and where. */
export interface StepAt {
  readonly runId: string;
  readonly stepId: string;
  readonly profileId: string;
  readonly region: string;
}

/** A step's place and the access layer it reaches AWS through. */
export interface StepPlace extends StepAt {
  readonly ctx: KeyContext;
  /** In preflight: every step of the plan, so a check can count on what earlier steps will do. */
  readonly planned?: readonly StepSpec[];
}

/** What a running step gets from the engine. */
export interface StepEnv extends StepPlace {
  /** The value of a parameter, earlier steps' outputs resolved from the journal. */
  resolve(value: Value): string;
  /** Progress of a long step: 0…1 and what to show ("45%"). */
  progress(fraction: number, detail: string): void;
  /** Named points inside a step (after the change was sent…) where tests stop the engine. */
  checkpoint(point: string): void;
  /** Waits between polls (tests pass a clock that does not really wait). */
  sleep(ms: number): Promise<void>;
  readonly signal: AbortSignal;
}

export interface StepUndo<P> {
  /** What undoing does, for the preview ("Deletes the copy"). */
  describe(params: P): string;
  /** Deleting something asks for confirmation. */
  readonly deletes: boolean;
  run(env: StepEnv, params: P, outputs: Readonly<Record<string, string>>): Promise<void>;
}

/**
 * A kind of step, registered by name so that a journaled step is re-hydrated from its JSON
 * parameters after a restart. `run` must be idempotent: it looks for what an earlier, interrupted
 * attempt made (by the run-id tag, by Sid) before making it.
 */
export interface StepKind<P> {
  readonly name: string;
  readonly params: z.ZodType<P>;
  readonly outputs: readonly string[];
  title(params: P, at: StepAt): string;
  action(params: P, at: StepAt): StepAction;
  cli(params: P, at: StepAt): CliCommand;
  /** Read-only probes before anything changes. */
  check(place: StepPlace, params: P): Promise<PreflightCheck[]>;
  run(env: StepEnv, params: P): Promise<Record<string, string>>;
  /** Throws when what `run` made is not what it should be. */
  verify(env: StepEnv, params: P, outputs: Readonly<Record<string, string>>): Promise<void>;
  readonly undo: StepUndo<P> | undefined;
  /** Reads what the preview and the runbook need when planning (a key policy); kept in the plan. */
  prepare?(place: StepPlace, params: P): Promise<P>;
  /** For steps that change a key policy: the policy before and after (from prepared params). */
  policyDiff?(params: P, at: StepAt): PolicyDiff;
}

export interface StepAction {
  readonly service: string;
  readonly operation: string;
  readonly params: Record<string, unknown>;
}

/** Type-erased for the registry: parameters are validated by the kind's own schema. */
export type AnyStepKind = StepKind<unknown>;

export const isRef = (value: Value): value is StepRef => typeof value !== 'string';
