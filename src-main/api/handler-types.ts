import type {
  CallDef,
  Contract,
  InvokeName,
  OperationName,
  OperationResult,
  Output,
  ParsedInput,
} from '../../src-shared/contract';
import type { CallContext, OperationContext } from '../operations/operation-context';

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

/**
 * The handlers of one or more contract areas (`AreaHandlers<typeof profilesCalls>`): a handler
 * for every call the area declares is required, and no other name is accepted.
 */
export type AreaHandlers<Area extends { readonly [N in keyof Contract]?: CallDef }> = Pick<
  HandlerTable,
  keyof Area & keyof Contract
>;
