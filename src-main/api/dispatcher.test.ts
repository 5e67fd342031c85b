import { describe, expect, it } from 'vitest';
import { KeywardError } from '../../src-shared/errors';
import type { OperationEvent } from '../../src-shared/contract';
import type { Logger } from '../log/logger';
import { createEventBus } from '../operations/event-bus';
import { createOperationRunner } from '../operations/operation-runner';
import { createDispatcher } from './dispatcher';
import type { HandlerTable } from './handler-types';
import { createKeyChangesHandlers } from './key-changes-handlers';
import { createKeyDetailHandlers } from './key-detail-handlers';
import { createSharingHandlers } from './sharing-handlers';
import type { KeyContext } from '../key-operations/key-context';
import type { WorkflowEngine } from '../workflows/workflow-engine';
import { createWorkflowsHandlers } from './workflows-handlers';

function memoryLogger() {
  const lines: { level: string; message: string; fields?: Readonly<Record<string, unknown>> }[] =
    [];
  const logger: Logger = {
    log: (level, message, fields) => lines.push({ level, message, ...(fields ? { fields } : {}) }),
  };
  return { logger, lines };
}

const settings = {
  theme: 'dark' as const,
  defaultRegions: ['us-east-1'],
  confirmBeforeDestructive: true,
  activeRegion: 'us-east-1',
  activeProfileId: null,
  welcomeSeen: true,
  crossAccountPair: null,
  caBundlePath: null,
  useFipsEndpoint: false,
  useDualstackEndpoint: false,
  secretStore: 'keychain' as const,
  fileStoreIdleLockMinutes: 15,
};

const notUsed = () => {
  throw new Error('not used');
};

const unusedKeys = { principal: notUsed } as unknown as KeyContext;
const unusedWorkflows = { get: notUsed } as unknown as WorkflowEngine;

function setup(overrides: Partial<HandlerTable> = {}) {
  const { logger, lines } = memoryLogger();
  const events = createEventBus();
  const operations = createOperationRunner(events, logger);
  const handlers: HandlerTable = {
    'app.info': () => ({
      name: 'Keyward',
      version: '1',
      host: 'browser',
      dataDir: '/d',
      platform: 'linux',
      arch: 'x64',
      sandbox: { state: 'off', accounts: [] },
      versions: { node: '20' },
    }),
    'diagnostics.run': async (_input, ctx) => {
      ctx.progress(0, 2, 'first', 0);
      await new Promise((resolve) => setTimeout(resolve, 5));
      ctx.progress(1, 2, 'second', 0.5);
      return { checks: [], finishedAt: new Date(0).toISOString() };
    },
    'settings.get': () => settings,
    'settings.set': (patch) => ({ ...settings, ...patch }),
    'network.status': () => {
      throw new Error('not used');
    },
    'profiles.list': () => [],
    'profiles.addAccessKey': () => {
      throw new Error('not used');
    },
    'profiles.addAssumeRole': () => {
      throw new Error('not used');
    },
    'profiles.addSharedConfig': () => {
      throw new Error('not used');
    },
    'profiles.importScan': () => {
      throw new Error('not used');
    },
    'profiles.import': () => {
      throw new Error('not used');
    },
    'profiles.removeKeysFromFile': () => {
      throw new Error('not used');
    },
    'profiles.addSso': () => {
      throw new Error('not used');
    },
    'profiles.update': () => {
      throw new Error('not used');
    },
    'profiles.startSession': () => {
      throw new Error('not used');
    },
    'profiles.signIn': () => Promise.reject(new Error('not used')),
    'profiles.signOut': () => {
      throw new Error('not used');
    },
    'profiles.verify': () => {
      throw new Error('not used');
    },
    'profiles.delete': () => ({ deleted: false }),
    'regions.list': () => [],
    'keys.inventory': () => Promise.reject(new Error('not used')),
    'keys.list': notUsed,
    'keys.lastUsage': notUsed,
    'keys.getScope': notUsed,
    'keys.setScope': notUsed,
    'views.get': notUsed,
    'views.save': notUsed,
    'views.delete': notUsed,
    'snapshots.inventory': () => Promise.reject(new Error('not used')),
    'snapshots.list': notUsed,
    'snapshots.sharing': notUsed,
    'amis.inventory': () => Promise.reject(new Error('not used')),
    'amis.list': notUsed,
    'amis.sharing': notUsed,
    'volumes.list': notUsed,
    'zones.list': notUsed,
    'operations.cancel': ({ operationId }) => ({ cancelled: operations.cancel(operationId) }),
    'operations.list': () => [...operations.list()],
    'secrets.status': notUsed,
    'secrets.createFileStore': notUsed,
    'secrets.unlock': notUsed,
    'secrets.lock': notUsed,
    'secrets.changePassphrase': notUsed,
    'secrets.setIdleLock': notUsed,
    'secrets.useStore': notUsed,
    ...createKeyDetailHandlers(unusedKeys),
    ...createKeyChangesHandlers(unusedKeys),
    ...createWorkflowsHandlers(unusedWorkflows),
    ...createSharingHandlers(unusedKeys),
    ...overrides,
  };
  const dispatcher = createDispatcher({ handlers, operations, logger });
  const received: OperationEvent[] = [];
  events.subscribe((_topic, payload) => received.push(payload as OperationEvent));
  return { dispatcher, operations, lines, received };
}

describe('dispatcher', () => {
  it('answers a valid call with its value', async () => {
    const { dispatcher } = setup();
    const result = await dispatcher.invoke('settings.set', { theme: 'light' });
    expect(result).toEqual({ ok: true, value: { ...settings, theme: 'light' } });
  });

  it('refuses an unknown call without running anything', async () => {
    const { dispatcher } = setup();
    const result = await dispatcher.invoke('keys.deleteEverything', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('not-found');
  });

  it('rejects invalid input with field errors before the handler runs', async () => {
    let ran = false;
    const { dispatcher } = setup({ 'settings.set': () => ((ran = true), settings) });
    const result = await dispatcher.invoke('settings.set', {
      defaultRegions: ['us-east-1', 'mars-1'],
    });
    expect(ran).toBe(false);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('validation');
      expect(result.error.fieldErrors).toHaveProperty(['defaultRegions.1']);
    }
  });

  it('turns a thrown bug into `internal` with a correlation id and no stack', async () => {
    const { dispatcher, lines } = setup({
      'settings.get': () => {
        throw new TypeError('cannot read secretAccessKey of undefined at /home/me/src/x.ts:3');
      },
    });
    const result = await dispatcher.invoke('settings.get', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    expect(result.error.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    const wire = JSON.stringify(result);
    expect(wire).not.toContain('secretAccessKey');
    expect(wire).not.toContain('x.ts');
    expect(wire).not.toContain('TypeError');
    const logged = lines.find((line) => line.level === 'error');
    expect(JSON.stringify(logged)).toContain(result.error.correlationId ?? 'missing');
    expect(JSON.stringify(logged)).toContain('TypeError');
  });

  it('passes an expected KeywardError through with its hint', async () => {
    const { dispatcher } = setup({
      'profiles.list': () => {
        throw new KeywardError('keychain-unavailable', 'No keychain', { hint: 'Unlock it' });
      },
    });
    const result = await dispatcher.invoke('profiles.list', {});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'keychain-unavailable',
        message: 'No keychain',
        hint: 'Unlock it',
        retryable: false,
      },
    });
  });

  it('stops a handler from leaking a field its output schema does not name', async () => {
    const { dispatcher } = setup({
      'settings.get': () => ({
        ...settings,
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      }),
    });
    const result = await dispatcher.invoke('settings.get', {});
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('wJalr');
  });

  it('starts an operation at once and streams progress then done', async () => {
    const { dispatcher, operations, received } = setup();
    const started = await dispatcher.invoke('diagnostics.run', {});
    expect(started.ok).toBe(true);
    expect(received).toHaveLength(0); // nothing happens before the caller has the id
    await operations.idle();
    const id = started.ok ? (started.value as { operationId: string }).operationId : '';
    expect(received.map((event) => event.type)).toEqual(['progress', 'progress', 'done']);
    expect(received.every((event) => event.operationId === id)).toBe(true);
  });

  it('cancels a running operation, which ends as failed/cancelled', async () => {
    const { dispatcher, operations, received } = setup({
      'diagnostics.run': async (_input, ctx) => {
        ctx.progress(0, 2, 'waiting');
        await new Promise((resolve, reject) => {
          const timer = setTimeout(resolve, 5000);
          ctx.signal.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new KeywardError('cancelled', 'Stopped'));
          });
        });
        return { checks: [], finishedAt: new Date(0).toISOString() };
      },
    });
    const started = await dispatcher.invoke('diagnostics.run', {});
    const operationId = started.ok ? (started.value as { operationId: string }).operationId : '';
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await dispatcher.invoke('operations.cancel', { operationId })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    await operations.idle();
    const last = received.at(-1);
    expect(last?.type).toBe('failed');
    if (last?.type === 'failed') expect(last.error.code).toBe('cancelled');
    expect(await dispatcher.invoke('operations.cancel', { operationId })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });

  it('fails an operation whose result breaks its schema', async () => {
    const { dispatcher, operations, received } = setup({
      'diagnostics.run': async () => ({ checks: 'not a list' }) as never,
    });
    await dispatcher.invoke('diagnostics.run', {});
    await operations.idle();
    const last = received.at(-1);
    expect(last?.type === 'failed' && last.error.code).toBe('internal');
  });
});
