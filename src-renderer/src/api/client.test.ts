import { describe, expect, it } from 'vitest';
import { KeywardError } from '../../../src-shared/errors';
import { createMockBridge } from '../test-utils/mock-bridge';
import { createClient } from './client';

describe('typed client', () => {
  it('unwraps a successful envelope', async () => {
    const { bridge, invoke } = createMockBridge({
      'settings.get': () => ({ ok: true, value: { theme: 'dark' } }),
    });
    const client = createClient(bridge);
    await expect(client.settings.get()).resolves.toEqual({ theme: 'dark' });
    expect(invoke).toHaveBeenCalledWith('settings.get', {});
  });

  it('throws a KeywardError carrying the code, hint and AWS details', async () => {
    const { bridge } = createMockBridge({
      'profiles.list': () => ({
        ok: false,
        error: {
          code: 'access-denied',
          message: 'Denied',
          hint: 'Ask for kms:ListKeys',
          retryable: false,
          aws: { code: 'AccessDeniedException', requestId: 'r-9' },
        },
      }),
    });
    const error = await createClient(bridge)
      .profiles.list()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KeywardError);
    expect(error).toMatchObject({
      code: 'access-denied',
      hint: 'Ask for kms:ListKeys',
      aws: { requestId: 'r-9' },
    });
  });

  it('is never a thenable, so awaiting the client or an area calls nothing', async () => {
    const { bridge, invoke } = createMockBridge({});
    const client = createClient(bridge);
    expect(await client.settings).toBe(client.settings);
    expect(await Promise.resolve(client)).toBe(client);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('reports a host that does not answer as unavailable', async () => {
    const { bridge } = createMockBridge();
    bridge.invoke = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(createClient(bridge).app.info()).rejects.toMatchObject({ code: 'unavailable' });
  });
});
