import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { SSOClient } from '@aws-sdk/client-sso';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../testing/test-sandbox';
import { DEMO_SSO_REGION, DEMO_SSO_START_URL } from './demo-directory';

export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** SSO clients and a scripted sign-in against a running test sandbox. */
export function ssoKit(sandbox?: TestSandbox) {
  const kit = {
    t: sandbox as TestSandbox,
    offsetMs: 0,
    config: () => ({ endpoint: kit.t.sandbox.endpoint, region: DEMO_SSO_REGION, maxAttempts: 1 }),
    oidc: () => new SSOOIDCClient(kit.config()),
    portal: () => new SSOClient(kit.config()),
    async register(scopes: string[] | undefined = ['sso:account:access']) {
      const out = await kit.oidc().send(
        new RegisterClientCommand({
          clientName: 'keyward-test',
          clientType: 'public',
          ...(scopes ? { scopes } : {}),
        }),
      );
      return { clientId: out.clientId ?? '', clientSecret: out.clientSecret ?? '' };
    },
    async signIn(scopes?: string[]) {
      const client = await kit.register(scopes);
      const device = await kit
        .oidc()
        .send(new StartDeviceAuthorizationCommand({ ...client, startUrl: DEMO_SSO_START_URL }));
      const approved = await decide(device.verificationUri ?? '', device.userCode ?? '', 'allow');
      expect(approved.status).toBe(200);
      const token = await kit.oidc().send(
        new CreateTokenCommand({
          ...client,
          grantType: DEVICE_GRANT,
          deviceCode: device.deviceCode,
        }),
      );
      return { client, token };
    },
  };
  return kit;
}

/** A sandbox per test file with a clock the test can move (`kit.offsetMs`). */
export function useSsoSandbox() {
  const kit = ssoKit();
  beforeAll(async () => {
    kit.t = await startTestSandbox({
      now: () => new Date(Date.now() + kit.offsetMs),
      maxSkewMs: 365 * 24 * 3600 * 1000,
    });
  });
  afterAll(async () => {
    await kit.t.stop();
  });
  return kit;
}

export async function errorOf(p: Promise<unknown>): Promise<{
  name: string;
  message: string;
  error?: string;
  error_description?: string;
  $metadata?: { httpStatusCode?: number };
}> {
  try {
    await p;
  } catch (e) {
    return e as { name: string; message: string };
  }
  throw new Error('expected the call to fail');
}

/** What the verification page's Allow / Deny buttons send. */
export async function decide(url: string, userCode: string, decision: 'allow' | 'deny') {
  return fetch(new URL('/sso/device', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ user_code: userCode, decision }).toString(),
  });
}
