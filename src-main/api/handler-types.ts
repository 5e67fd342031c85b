import type {
  InvokeName,
  OperationName,
  OperationResult,
  Output,
  ParsedInput,
} from '../../src-shared/contract';
import type { Logger } from '../log/logger';

export interface CallContext {
  readonly correlationId: string;
  readonly logger: Logger;
}

export interface OperationContext extends CallContext {
  readonly signal: AbortSignal;
  /**
   * Reports step `step` (0-based) of `stepCount`, with an optional fraction of the whole job and
   * facts the user needs during the step (`detail`, never a secret).
   */
  progress(
    step: number,
    stepCount: number,
    title: string,
    value?: number,
    detail?: Readonly<Record<string, string>>,
  ): void;
}

export type InvokeHandler<N extends InvokeName> = (
  input: ParsedInput<N>,
  ctx: CallContext,
) => Promise<Output<N>> | Output<N>;

export type OperationHandler<N extends OperationName> = (
  input: ParsedInput<N>,
  ctx: OperationContext,
) => Promise<OperationResult<N>>;

/** One handler per contract entry; TypeScript refuses a table that misses one. */
export type HandlerTable = { readonly [N in InvokeName]: InvokeHandler<N> } & {
  readonly [N in OperationName]: OperationHandler<N>;
};

export type Handlers<N extends keyof HandlerTable> = Pick<HandlerTable, N>;
