import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SSO_REGION, DEMO_SSO_START_URL } from '../../../src-sandbox/sso/demo-directory';
import { startTestSandbox, type TestSandbox } from '../../../src-sandbox/testing/test-sandbox';
import type { AwsPlace } from '../../aws/client-config';
import { testClientFactory } from '../../aws/testing/test-client-factory';
import { registerClient, startDeviceAuthorization } from './sso-api';
import { waitForApproval } from './sso-sign-in';

let t: TestSandbox;
let place: AwsPlace;
const aws = testClientFactory();
beforeAll(async () => {
  t = await startTestSandbox({ dataDir: await mkdtemp(join(tmpdir(), 'keyward-sso-poll-')) });
  place = { region: DEMO_SSO_REGION, endpoint: t.sandbox.endpoint };
});
afterAll(async () => {
  await t.stop();
});

async function allow(url: string, userCode: string) {
  await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ user_code: userCode, decision: 'allow' }).toString(),
  });
}

describe('polling CreateToken', () => {
  it('slows down by 5 seconds when Identity Center says slow_down, and still gets the token', async () => {
    const registration = await registerClient(aws, place);
    const device = await startDeviceAuthorization(aws, place, registration, DEMO_SSO_START_URL);
    // Poll 5 times faster than asked: the sandbox answers slow_down on the second poll.
    const hasty = { ...device, intervalSeconds: device.intervalSeconds / 5 };
    const started = Date.now();
    setTimeout(() => void allow(device.verificationUri, device.userCode), 1000);
    const token = await waitForApproval(
      aws,
      place,
      registration,
      hasty,
      new AbortController().signal,
    );
    expect(token.accessToken).toMatch(/^aoa/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(5000);
  });

  it('gives up with a clear error once the code has expired', async () => {
    const registration = await registerClient(aws, place);
    const device = await startDeviceAuthorization(aws, place, registration, DEMO_SSO_START_URL);
    const error = await waitForApproval(
      aws,
      place,
      registration,
      { ...device, expiresAt: Date.now() + 500 },
      new AbortController().signal,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'invalid-state',
      message: 'The sign-in code expired before access was allowed.',
    });
  });
});
