import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { OperationEvent } from '../../src-shared/contract';
import { silentLogger } from '../log/logger';
import { createEventBus } from './event-bus';
import { createOperationRunner } from './operation-runner';

function run(partialSchema: z.ZodType | undefined, partial: unknown) {
  const events = createEventBus();
  const seen: OperationEvent[] = [];
  events.subscribe((_topic, payload) => seen.push(payload as OperationEvent));
  const runner = createOperationRunner(events, silentLogger);
  runner.start(
    'test.partial',
    (ctx) => {
      ctx.progress(0, 1, 'rows', 0.5, undefined, partial);
      return Promise.resolve({ ok: true });
    },
    z.object({ ok: z.boolean() }),
    partialSchema,
  );
  return runner.idle().then(() => seen);
}

describe('operation progress with partial results', () => {
  it('carries a partial that its schema accepts', async () => {
    const seen = await run(z.object({ rows: z.array(z.number()) }).strict(), { rows: [1, 2] });
    expect(seen[0]).toMatchObject({ type: 'progress', partial: { rows: [1, 2] } });
    expect(seen[1]?.type).toBe('done');
  });

  it('fails the operation on a partial its schema refuses, or one it does not declare', async () => {
    const wrong = await run(z.object({ rows: z.array(z.number()) }).strict(), { rows: ['x'] });
    expect(wrong.map((e) => e.type)).toEqual(['failed']);
    const undeclared = await run(undefined, { rows: [] });
    expect(undeclared.map((e) => e.type)).toEqual(['failed']);
  });
});
