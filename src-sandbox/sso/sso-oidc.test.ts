import {
  CreateTokenCommand,
  InternalServerException,
  RegisterClientCommand,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { describe, expect, it } from 'vitest';
import { DEMO_SSO_START_URL } from './demo-directory';
import { decide, DEVICE_GRANT, errorOf, useSsoSandbox } from './test-kit';

const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';

const kit = useSsoSandbox();

/** A registered client's device authorization, and CreateToken polling for it. */
async function startDevice() {
  const client = await kit.register();
  const device = await kit
    .oidc()
    .send(new StartDeviceAuthorizationCommand({ ...client, startUrl: DEMO_SSO_START_URL }));
  const poll = () =>
    kit.oidc().send(
      new CreateTokenCommand({
        ...client,
        grantType: DEVICE_GRANT,
        deviceCode: device.deviceCode,
      }),
    );
  return { client, device, poll };
}

describe('SSO OIDC RegisterClient', () => {
  it('registers a public client for 90 days', async () => {
    const out = await kit
      .oidc()
      .send(new RegisterClientCommand({ clientName: 'keyward', clientType: 'public' }));
    expect(out.clientId).toBeTruthy();
    expect(out.clientSecret).toBeTruthy();
    const issued = out.clientIdIssuedAt ?? 0;
    expect(Math.abs(issued - Date.now() / 1000)).toBeLessThan(60);
    expect((out.clientSecretExpiresAt ?? 0) - issued).toBe(90 * 24 * 3600);
  });

  it('refuses a client type other than public', async () => {
    const e = await errorOf(
      kit.oidc().send(new RegisterClientCommand({ clientName: 'x', clientType: 'confidential' })),
    );
    expect(e.name).toBe('InvalidClientMetadataException');
    expect(e.error).toBe('invalid_client_metadata');
  });
});

describe('SSO OIDC device authorization and CreateToken', () => {
  it('answers with a user code, a verification URL on the sandbox, expiry and interval', async () => {
    const client = await kit.register();
    const out = await kit
      .oidc()
      .send(new StartDeviceAuthorizationCommand({ ...client, startUrl: DEMO_SSO_START_URL }));
    expect(out.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(out.verificationUri).toBe(`${kit.t.sandbox.endpoint}/sso/device`);
    expect(out.verificationUriComplete).toBe(
      `${kit.t.sandbox.endpoint}/sso/device?user_code=${out.userCode}`,
    );
    expect(out.expiresIn).toBe(600);
    expect(out.interval).toBe(1);
    const page = await fetch(out.verificationUriComplete ?? '');
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain(out.userCode);
    expect(html).toContain('Dana Demo');
    expect(html).toContain('keyward-test');
  });

  it('refuses a wrong client secret and an unknown start URL', async () => {
    const client = await kit.register();
    const bad = await errorOf(
      kit.oidc().send(
        new StartDeviceAuthorizationCommand({
          clientId: client.clientId,
          clientSecret: `${client.clientSecret}x`,
          startUrl: DEMO_SSO_START_URL,
        }),
      ),
    );
    expect(bad.name).toBe('InvalidClientException');
    expect(bad.$metadata?.httpStatusCode).toBe(401);
    const unknown = await errorOf(
      kit.oidc().send(
        new StartDeviceAuthorizationCommand({
          ...client,
          startUrl: 'https://nope.awsapps.com/start',
        }),
      ),
    );
    expect(unknown.name).toBe('InvalidRequestException');
  });

  it('says authorization_pending, then slow_down when polled too fast, then issues tokens once', async () => {
    const { device, poll } = await startDevice();
    const pending = await errorOf(poll());
    expect(pending.name).toBe('AuthorizationPendingException');
    expect(pending.error).toBe('authorization_pending');
    const slow = await errorOf(poll());
    expect(slow.name).toBe('SlowDownException');
    expect(slow.error).toBe('slow_down');

    expect(
      (await decide(device.verificationUri ?? '', device.userCode ?? '', 'allow')).status,
    ).toBe(200);
    const token = await poll();
    expect(token.accessToken).toBeTruthy();
    expect(token.refreshToken).toBeTruthy();
    expect(token.tokenType).toBe('Bearer');
    expect(token.expiresIn).toBe(8 * 3600);
    const again = await errorOf(poll());
    expect(again.name).toBe('InvalidGrantException');
    expect(again.error).toBe('invalid_grant');
  });

  it('answers access_denied when the person clicks Deny', async () => {
    const { device, poll } = await startDevice();
    const denied = await decide(device.verificationUri ?? '', device.userCode ?? '', 'deny');
    expect(await denied.text()).toContain('Request denied');
    const e = await errorOf(poll());
    expect(e.name).toBe('AccessDeniedException');
    expect(e.error).toBe('access_denied');
  });

  it('answers expired_token once the device code is 10 minutes old', async () => {
    const { device, poll } = await startDevice();
    kit.offsetMs = 601_000;
    try {
      const e = await errorOf(poll());
      expect(e.name).toBe('ExpiredTokenException');
      expect(e.error).toBe('expired_token');
      const page = await fetch(device.verificationUriComplete ?? '');
      expect(page.status).toBe(404);
      expect(await page.text()).toContain('expired');
    } finally {
      kit.offsetMs = 0;
    }
  });

  it('refuses unknown grant types and device codes', async () => {
    const client = await kit.register();
    const grant = await errorOf(
      kit.oidc().send(new CreateTokenCommand({ ...client, grantType: 'password' })),
    );
    expect(grant.name).toBe('UnsupportedGrantTypeException');
    const code = await errorOf(
      kit
        .oidc()
        .send(new CreateTokenCommand({ ...client, grantType: DEVICE_GRANT, deviceCode: 'nope' })),
    );
    expect(code.name).toBe('InvalidGrantException');
  });

  it('refreshes with the refresh token (which rotates), and only clients with sso:account:access get one', async () => {
    const { client, token } = await kit.signIn();
    const refreshed = await kit.oidc().send(
      new CreateTokenCommand({
        ...client,
        grantType: 'refresh_token',
        refreshToken: token.refreshToken,
      }),
    );
    expect(refreshed.accessToken).toBeTruthy();
    expect(refreshed.accessToken).not.toBe(token.accessToken);
    const reused = await errorOf(
      kit.oidc().send(
        new CreateTokenCommand({
          ...client,
          grantType: 'refresh_token',
          refreshToken: token.refreshToken,
        }),
      ),
    );
    expect(reused.name).toBe('InvalidGrantException');
    const legacy = await kit.signIn([]);
    expect(legacy.token.refreshToken).toBeUndefined();
  });

  it('verification page escapes what it echoes and refuses a POST without a valid code', async () => {
    const page = await fetch(
      `${kit.t.sandbox.endpoint}/sso/device?user_code=${encodeURIComponent('<script>x</script>')}`,
    );
    expect(await page.text()).not.toContain('<script>');
    const forged = await decide(kit.t.sandbox.endpoint, 'WXYZ-WXYZ', 'allow');
    expect(forged.status).toBe(404);
    const client = await kit.register();
    const device = await kit
      .oidc()
      .send(new StartDeviceAuthorizationCommand({ ...client, startUrl: DEMO_SSO_START_URL }));
    const crossSite = await fetch(`${kit.t.sandbox.endpoint}/sso/device`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://evil.example',
      },
      body: new URLSearchParams({ user_code: device.userCode ?? '', decision: 'allow' }).toString(),
    });
    expect(crossSite.status).toBe(403);
  });
});

describe('SSO OIDC under --faults', () => {
  const register = (maxAttempts?: number) =>
    kit
      .oidc(maxAttempts)
      .send(new RegisterClientCommand({ clientName: 'faulted', clientType: 'public' }));

  it('throttle answers TooManyRequestsException (429), which the SDK retries as throttling', async () => {
    await kit.withFaults('throttle=1', async () => {
      const once = await errorOf(register());
      expect(once.name).toBe('TooManyRequestsException');
      expect(once.$metadata?.httpStatusCode).toBe(429);
      const retried = await errorOf(register(2));
      expect(retried.name).toBe('TooManyRequestsException');
      expect(retried.$metadata?.attempts).toBe(2);
    });
  });

  it('error5xx answers the modelled InternalServerException (500)', async () => {
    const e = await kit.withFaults('error5xx=1', () => errorOf(register()));
    expect(e).toBeInstanceOf(InternalServerException);
    expect(e.$metadata?.httpStatusCode).toBe(500);
    expect(e.error).toBe('server_error');
  });

  it('op=CreateToken faults only CreateToken', async () => {
    await kit.withFaults('throttle=1,op=CreateToken', async () => {
      const client = await kit.register();
      const device = await kit
        .oidc()
        .send(new StartDeviceAuthorizationCommand({ ...client, startUrl: DEMO_SSO_START_URL }));
      expect(device.deviceCode).toBeTruthy();
      const e = await errorOf(
        kit.oidc().send(
          new CreateTokenCommand({
            ...client,
            grantType: DEVICE_GRANT,
            deviceCode: device.deviceCode,
          }),
        ),
      );
      expect(e.name).toBe('TooManyRequestsException');
    });
  });

  it('service=sso (the portal) leaves OIDC alone; latency delays the call', async () => {
    await kit.withFaults('throttle=1,service=sso', async () => {
      expect((await register()).clientId).toBeTruthy();
    });
    await kit.withFaults('latency=300ms', async () => {
      const started = performance.now();
      await register();
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    });
  });

  it('reset drops the connection; the verification page never gets faults', async () => {
    await kit.withFaults('reset=1', async () => {
      const e = await errorOf(register());
      expect(e.code).toBe('ECONNRESET');
      expect(e.$metadata?.httpStatusCode).toBeUndefined();
    });
    await kit.withFaults('reset=1,throttle=1,error5xx=1,latency=2s', async () => {
      const page = await fetch(`${kit.t.sandbox.endpoint}/sso/device`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Authorize request');
    });
  });
});

describe('SSO OIDC in CloudTrail', () => {
  it('records CreateToken (failed polls and the issued token) in prod us-east-1 as sso.amazonaws.com, secrets hidden', async () => {
    const { client, device, poll } = await startDevice();
    const pending = await errorOf(poll());
    expect(pending.name).toBe('AuthorizationPendingException');
    await decide(device.verificationUri ?? '', device.userCode ?? '', 'allow');
    const token = await poll();
    const throttled = await kit.withFaults('throttle=1', () => errorOf(poll()));
    expect(throttled.name).toBe('TooManyRequestsException');

    const { raw, records } = await kit.trail('CreateToken');
    const byRequest = (id: string | undefined) => records.find((r) => r.requestID === id);
    const issued = byRequest(token.$metadata.requestId);
    expect(issued).toMatchObject({
      eventSource: 'sso.amazonaws.com',
      eventName: 'CreateToken',
      awsRegion: 'us-east-1',
      recipientAccountId: '111111111111',
      readOnly: false,
      requestParameters: {
        clientId: client.clientId,
        clientSecret: HIDDEN,
        grantType: DEVICE_GRANT,
        deviceCode: HIDDEN,
      },
      responseElements: {
        accessToken: HIDDEN,
        refreshToken: HIDDEN,
        tokenType: 'Bearer',
        expiresIn: 28800,
      },
      userIdentity: {
        type: 'IdentityCenterUser',
        accountId: '111111111111',
        onBehalfOf: {
          identityStoreArn: 'arn:aws:identitystore::111111111111:identitystore/d-9067sandbox',
        },
      },
      resources: [{ type: 'IdentityStoreId', ARN: 'd-9067sandbox' }],
    });
    expect(issued?.userIdentity.onBehalfOf?.userId).toMatch(/^9067sandbox-/);
    expect(issued?.userIdentity.userName).toBeUndefined();
    expect(issued?.errorCode).toBeUndefined();

    const failed = byRequest(pending.$metadata?.requestId);
    expect(failed).toMatchObject({
      errorCode: 'AuthorizationPendingException',
      errorMessage: 'Authorization is still pending',
      userIdentity: { type: 'Unknown', accountId: '111111111111' },
      responseElements: null,
    });
    // Injected faults never reach the service, so they leave no event (as for every service).
    expect(byRequest(throttled.$metadata?.requestId)).toBeUndefined();

    for (const secret of [
      client.clientSecret,
      device.deviceCode,
      token.accessToken,
      token.refreshToken,
    ]) {
      expect(secret).toBeTruthy();
      expect(raw).not.toContain(secret);
    }
  });

  it('leaves RegisterClient and StartDeviceAuthorization out of CloudTrail, as AWS does', async () => {
    await kit.signIn();
    expect((await kit.trail('RegisterClient')).events).toEqual([]);
    expect((await kit.trail('StartDeviceAuthorization')).events).toEqual([]);
  });
});
