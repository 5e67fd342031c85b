import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { OperationEvent } from '../../src-shared/contract';
import { KeywardError } from '../../src-shared/errors';
import type { Logger } from '../log/logger';
import type { EventBus } from './event-bus';
import type { OperationContext } from './operation-context';
import { toSerializedError } from './to-serialized-error';

interface Running {
  readonly operationId: string;
  readonly name: string;
  readonly startedAt: string;
  readonly controller: AbortController;
  latest: OperationEvent | null;
}

export interface OperationSummary {
  readonly operationId: string;
  readonly name: string;
  readonly startedAt: string;
  readonly latest: OperationEvent | null;
}

export interface OperationRunner {
  start(
    name: string,
    run: (ctx: OperationContext) => Promise<unknown>,
    resultSchema: z.ZodType,
    partialSchema?: z.ZodType,
  ): string;
  cancel(operationId: string): boolean;
  list(): readonly OperationSummary[];
  /** Resolves when every running operation has ended (used on shutdown and in tests). */
  idle(): Promise<void>;
}

const KEEP_FINISHED = 50;

export function createOperationRunner(events: EventBus, logger: Logger): OperationRunner {
  const operations = new Map<string, Running>();
  const inFlight = new Set<Promise<void>>();

  function emit(op: Running, event: OperationEvent): void {
    op.latest = event;
    events.publish('operation', event);
  }

  function forgetOldFinished(): void {
    const finished = [...operations.values()].filter((op) => op.latest?.type !== 'progress');
    for (const op of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
      operations.delete(op.operationId);
    }
  }

  async function execute(
    op: Running,
    run: (ctx: OperationContext) => Promise<unknown>,
    schema: z.ZodType,
    partialSchema: z.ZodType | undefined,
  ) {
    const base = { operationId: op.operationId, name: op.name };
    const ctx: OperationContext = {
      correlationId: op.operationId,
      logger,
      signal: op.controller.signal,
      progress(step, stepCount, title, value, detail, partial) {
        if (op.controller.signal.aborted) return;
        if (partial !== undefined && !partialSchema)
          throw new Error(`${op.name} declares no partial results`);
        // A partial that fails its schema is a bug of the service: it must not reach the page.
        const checkedPartial = partial === undefined ? undefined : partialSchema?.parse(partial);
        emit(op, {
          ...base,
          type: 'progress',
          step,
          stepCount,
          title,
          ...(value === undefined ? {} : { value }),
          ...(detail === undefined ? {} : { detail: { ...detail } }),
          ...(checkedPartial === undefined ? {} : { partial: checkedPartial }),
        });
      },
    };
    try {
      const result = await run(ctx);
      if (op.controller.signal.aborted)
        throw new KeywardError('cancelled', 'The operation was cancelled.');
      const checked = schema.safeParse(result);
      if (!checked.success)
        throw new Error(`result of ${op.name} failed its schema: ${checked.error.message}`);
      emit(op, { ...base, type: 'done', result: checked.data });
    } catch (error) {
      emit(op, { ...base, type: 'failed', error: toSerializedError(error, logger, op.name) });
    } finally {
      forgetOldFinished();
    }
  }

  return {
    start(name, run, resultSchema, partialSchema) {
      const op: Running = {
        operationId: randomUUID(),
        name,
        startedAt: new Date().toISOString(),
        controller: new AbortController(),
        latest: null,
      };
      operations.set(op.operationId, op);
      // Deferred so the caller can return the id (and the page subscribe) before the first event.
      const task = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
        execute(op, run, resultSchema, partialSchema),
      );
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
      return op.operationId;
    },
    cancel(operationId) {
      const op = operations.get(operationId);
      if (!op || op.latest?.type === 'done' || op.latest?.type === 'failed') return false;
      op.controller.abort();
      return true;
    },
    list() {
      return [...operations.values()].map(({ operationId, name, startedAt, latest }) => ({
        operationId,
        name,
        startedAt,
        latest,
      }));
    },
    async idle() {
      await Promise.all([...inFlight]);
    },
  };
}
