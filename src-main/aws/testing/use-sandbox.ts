import { afterAll, beforeAll } from 'vitest';
import type { StartOptions } from '../../../src-sandbox/server';
import { startTestSandbox, type TestSandbox } from '../../../src-sandbox/testing/test-sandbox';
import type { AwsPrincipal } from '../principal';

/** The sandbox's demo accounts (src-sandbox/seed). */
export const DEMO_ACCOUNTS = { prod: '111111111111', backup: '222222222222' } as const;

export interface SandboxForTests {
  readonly t: TestSandbox;
  /** A demo account's administrator, as a verified profile would be. */
  principal(profile: keyof typeof DEMO_ACCOUNTS): AwsPrincipal;
}

/** A sandbox for the test file: started before its tests, stopped after them. */
export function useSandbox(options: Partial<StartOptions> = {}): SandboxForTests {
  let started: TestSandbox | undefined;
  beforeAll(async () => {
    started = await startTestSandbox(options);
  });
  afterAll(async () => {
    await started?.stop();
  });
  const t = (): TestSandbox => {
    if (!started) throw new Error('the sandbox is used before beforeAll started it');
    return started;
  };
  return {
    get t() {
      return t();
    },
    principal: (profile) => ({
      id: `test:${profile}`,
      profileId: `test:${profile}`,
      revision: '1',
      accountId: DEMO_ACCOUNTS[profile],
      target: { credentials: t().credentials(profile), endpoint: t().sandbox.endpoint },
    }),
  };
}
