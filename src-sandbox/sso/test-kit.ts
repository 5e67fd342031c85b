import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { SSOClient } from '@aws-sdk/client-sso';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { afterAll, beforeAll, expect } from 'vitest';
import { NO_FAULTS, parseFaultSpec } from '../faults/fault-spec';
import { startTestSandbox, type TestSandbox } from '../testing/test-sandbox';
import { DEMO_SSO_REGION, DEMO_SSO_START_URL } from './demo-directory';

export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** The CloudTrail record fields the SSO tests check. */
export interface TrailRecord {
  readonly eventSource: string;
  readonly eventName: string;
  readonly awsRegion: string;
  readonly recipientAccountId: string;
  readonly requestID: string;
  readonly readOnly: boolean;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly userIdentity: {
    readonly type: string;
    readonly accountId?: string;
    readonly userName?: string;
    readonly onBehalfOf?: { readonly userId: string; readonly identityStoreArn: string };
    readonly credentialId?: string;
  };
  readonly requestParameters: Record<string, unknown> | null;
  readonly responseElements: Record<string, unknown> | null;
  readonly resources?: readonly { readonly type?: string; readonly ARN?: string }[];
}

/** SSO clients and a scripted sign-in against a running test sandbox. */
export function ssoKit(sandbox?: TestSandbox) {
  const kit = {
    t: sandbox as TestSandbox,
    offsetMs: 0,
    config: (maxAttempts = 1) => ({
      endpoint: kit.t.sandbox.endpoint,
      region: DEMO_SSO_REGION,
      maxAttempts,
    }),
    oidc: (maxAttempts?: number) => new SSOOIDCClient(kit.config(maxAttempts)),
    portal: (maxAttempts?: number) => new SSOClient(kit.config(maxAttempts)),
    /** Runs `fn` with the sandbox's faults set to `spec` (as `--faults` takes it), then none. */
    async withFaults<T>(spec: string, fn: () => Promise<T>): Promise<T> {
      kit.t.sandbox.runtime.faults.set(parseFaultSpec(spec));
      try {
        return await fn();
      } finally {
        kit.t.sandbox.runtime.faults.set(NO_FAULTS);
      }
    },
    /**
     * The Identity Center instance's trail (prod, us-east-1) as the prod administrator reads it
     * with LookupEvents: the raw answer (to search for leaked secrets) and the parsed records.
     */
    async trail(eventName: string) {
      const out = await new CloudTrailClient(kit.t.client('prod', DEMO_SSO_REGION)).send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: eventName }],
          MaxResults: 50,
        }),
      );
      const events = out.Events ?? [];
      return {
        raw: JSON.stringify(events),
        events,
        records: events.map((e) => JSON.parse(e.CloudTrailEvent ?? '{}') as TrailRecord),
      };
    },
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
      lookupEventsRate: 'off',
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
  code?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
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
