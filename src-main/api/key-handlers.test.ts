import { describe, expect, it } from 'vitest';
import type { OperationEvent, Result } from '../../src-shared/contract';
import { silentLogger } from '../log/logger';
import { createEventBus } from '../operations/event-bus';
import { createOperationRunner } from '../operations/operation-runner';
import { PROD_E1, useKeyOperations } from '../key-operations/testing/key-test-kit';
import { createDispatcher } from './dispatcher';
import type { HandlerTable } from './handler-types';
import { createKeyChangesHandlers } from './key-changes-handlers';
import { createKeyDetailHandlers } from './key-detail-handlers';

// The key calls through the dispatcher: the contract's input and output schemas apply, as they
// do for the page.

const { keys } = useKeyOperations();
const events = createEventBus();
const operations = createOperationRunner(events, silentLogger);
const received: OperationEvent[] = [];
events.subscribe((_topic, payload) => received.push(payload as OperationEvent));
const dispatcher = createDispatcher({
  handlers: {
    ...createKeyDetailHandlers(keys),
    ...createKeyChangesHandlers(keys),
  } as unknown as HandlerTable,
  operations,
  logger: silentLogger,
});

async function value<T>(name: string, input: unknown): Promise<T> {
  const result = (await dispatcher.invoke(name, input)) as Result<T>;
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value;
}

async function operationResult<T>(name: string, input: unknown): Promise<T> {
  const { operationId } = await value<{ operationId: string }>(name, input);
  await operations.idle();
  const end = received.find((e) => e.operationId === operationId && e.type !== 'progress');
  if (end?.type !== 'done') throw new Error(`${name}: ${JSON.stringify(end)}`);
  return end.result as T;
}

describe('key calls through the contract', () => {
  it('creates a key with progress, then reads, changes and deletes it within the schemas', async () => {
    const created = await operationResult<{ metadata: { arn: string } }>('keys.create', {
      ...PROD_E1,
      alias: 'alias/contract-made',
      tags: [{ key: 'Team', value: 'keyops' }],
      origin: 'EXTERNAL',
      importMaterial: {
        source: { kind: 'generate' },
        expiry: {
          model: 'KEY_MATERIAL_EXPIRES',
          validTo: new Date(Date.now() + 86_400_000).toISOString(),
        },
      },
    });
    const progress = received.filter((e) => e.type === 'progress' && e.name === 'keys.create');
    // Five steps, and the step that made the key reports it (what a retry continues from).
    const partials = progress.flatMap((e) => ('partial' in e && e.partial ? [e.partial] : []));
    expect(progress.length - partials.length).toBe(5);
    expect(partials).toEqual([
      { createdKey: { keyId: expect.any(String) as string, arn: created.metadata.arn } },
    ]);
    const ref = { ...PROD_E1, keyId: created.metadata.arn };
    const detail = await value<{ aliases: { ok: boolean } }>('keys.detail', ref);
    expect(detail.aliases.ok).toBe(true);
    await value('keys.usage', ref);
    await value('keys.deletionImpact', { ...ref, scope: [PROD_E1] });
    await value('keys.tag', { ...ref, tags: [{ key: 'Env', value: 'test' }] });
    await value('keys.updateDescription', { ...ref, description: 'd' });
    const { policy } = await value<{ policy: { ok: true; value: { document: string } } }>(
      'keys.detail',
      ref,
    );
    await value('keys.putPolicy', {
      ...ref,
      document: policy.value.document,
      basedOn: policy.value.document,
    });
    const { versions } = await value<{ versions: unknown[] }>('keys.policyVersions', ref);
    expect(versions).toHaveLength(2);
    const rotated = await operationResult<{ aliases: string[] }>('keys.rotateManually', ref);
    expect(rotated.aliases).toEqual(['alias/contract-made']);
    const scheduled = await value<{ deletionDate: string }>('keys.scheduleDeletion', ref);
    expect(scheduled.deletionDate).toBeTruthy();
    const cancelled = await value<{ keyState: string }>('keys.cancelDeletion', ref);
    expect(cancelled.keyState).toBe('Disabled');
  }, 30_000);

  it('refuses what the schemas refuse before anything runs', async () => {
    const bad = [
      [
        'keys.enableRotation',
        { ...PROD_E1, keyId: '1a2b3c4d-0002-4aaa-8bbb-111111110002', periodDays: 89 },
      ],
      [
        'keys.scheduleDeletion',
        { ...PROD_E1, keyId: '1a2b3c4d-0002-4aaa-8bbb-111111110002', pendingWindowInDays: 6 },
      ],
      [
        'keys.createAlias',
        { ...PROD_E1, keyId: '1a2b3c4d-0002-4aaa-8bbb-111111110002', aliasName: 'alias/aws/x' },
      ],
      ['keys.detail', { ...PROD_E1, keyId: 'not a key' }],
      ['keys.create', { ...PROD_E1, keySpec: 'HMAC_256' }],
    ] as const;
    for (const [name, input] of bad) {
      const result = await dispatcher.invoke(name, input);
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.error.code, name).toBe('validation');
    }
  });
});
