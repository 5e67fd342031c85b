import { z } from 'zod';

/** What an `operation` call answers at once; progress and the result follow as events. */
export const operationStartedSchema = z.object({ operationId: z.string() }).strict();

export interface InvokeDef<I extends z.ZodType, O extends z.ZodType> {
  readonly kind: 'invoke';
  readonly summary: string;
  readonly input: I;
  readonly output: O;
}

export interface OperationDef<I extends z.ZodType, R extends z.ZodType> {
  readonly kind: 'operation';
  readonly summary: string;
  readonly input: I;
  readonly output: typeof operationStartedSchema;
  /** Schema of the value carried by the operation's `done` event. */
  readonly result: R;
  /**
   * Schema of what its progress events may carry as `partial` (results that stream while the job
   * runs, e.g. inventory rows per region); absent: its progress events carry none.
   */
  readonly partial?: z.ZodType;
}

export type CallDef = InvokeDef<z.ZodType, z.ZodType> | OperationDef<z.ZodType, z.ZodType>;

export function invoke<I extends z.ZodType, O extends z.ZodType>(def: {
  summary: string;
  input: I;
  output: O;
}): InvokeDef<I, O> {
  return { kind: 'invoke', ...def };
}

export function operation<I extends z.ZodType, R extends z.ZodType>(def: {
  summary: string;
  input: I;
  result: R;
  partial?: z.ZodType;
}): OperationDef<I, R> {
  return { kind: 'operation', output: operationStartedSchema, ...def };
}

/** Input of calls that take nothing. */
export const noInput = z.object({}).strict();
