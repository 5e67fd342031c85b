import { randomUUID } from 'node:crypto';
import {
  contract,
  fail,
  isCallName,
  ok,
  type CallDef,
  type Result,
} from '../../src-shared/contract';
import { fieldErrorsFromIssues } from '../../src-shared/errors';
import type { Logger } from '../log/logger';
import type { CallContext, OperationContext } from '../operations/operation-context';
import type { OperationRunner } from '../operations/operation-runner';
import { toSerializedError } from '../operations/to-serialized-error';
import type { HandlerTable } from './handler-types';

export interface Dispatcher {
  /** Validates, runs and wraps one call. Never rejects: every outcome is a `Result`. */
  invoke(name: string, rawInput: unknown): Promise<Result<unknown>>;
}

type AnyInvoke = (input: unknown, ctx: CallContext) => unknown;
type AnyOperation = (input: unknown, ctx: OperationContext) => Promise<unknown>;

/**
 * The transport-free heart of the API: both hosts (Electron IPC and the browser-mode HTTP host)
 * hand every call to this. Input is validated before a handler runs and output after, so a
 * handler cannot leak a field its schema does not name.
 */
export function createDispatcher(deps: {
  handlers: HandlerTable;
  operations: OperationRunner;
  logger: Logger;
}): Dispatcher {
  const { handlers, operations, logger } = deps;

  async function run(
    name: keyof HandlerTable,
    def: CallDef,
    input: unknown,
  ): Promise<Result<unknown>> {
    if (def.kind === 'operation') {
      const handler = handlers[name] as unknown as AnyOperation;
      const operationId = operations.start(
        name,
        (ctx) => handler(input, ctx),
        def.result,
        def.partial,
      );
      return ok({ operationId });
    }
    const handler = handlers[name] as unknown as AnyInvoke;
    const value = await handler(input, { correlationId: randomUUID(), logger });
    const checked = def.output.safeParse(value);
    if (!checked.success) {
      throw new Error(`output of ${name} failed its schema: ${checked.error.message}`);
    }
    return ok(checked.data);
  }

  return {
    async invoke(name, rawInput) {
      if (!isCallName(name)) {
        return fail({
          code: 'not-found',
          message: `There is no call named "${name.slice(0, 100)}".`,
          retryable: false,
        });
      }
      const def: CallDef = contract[name];
      const parsed = def.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        const fieldErrors = fieldErrorsFromIssues(parsed.error.issues);
        return fail({
          code: 'validation',
          message: `Some values are not valid: ${Object.entries(fieldErrors)
            .map(([field, message]) => `${field} — ${message}`)
            .join('; ')}`,
          retryable: false,
          fieldErrors,
        });
      }
      try {
        return await run(name, def, parsed.data);
      } catch (error) {
        return fail(toSerializedError(error, logger, name));
      }
    },
  };
}
