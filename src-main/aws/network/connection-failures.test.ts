import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkIdentity } from '../../profiles/identity-check';
import type { AwsTarget } from '../client-config';
import { oneOffPrincipal } from '../principal';
import { testClientFactory } from '../testing/test-client-factory';

const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const PROXY_KEYS = ['https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY', 'no_proxy', 'NO_PROXY'];
const savedEnv = Object.fromEntries(PROXY_KEYS.map((key) => [key, process.env[key]]));

afterEach(() => {
  for (const key of PROXY_KEYS) Reflect.deleteProperty(process.env, key);
  for (const key of PROXY_KEYS) if (savedEnv[key] !== undefined) process.env[key] = savedEnv[key];
});

function withoutProxy(values: Record<string, string> = {}): void {
  for (const key of PROXY_KEYS) Reflect.deleteProperty(process.env, key);
  Object.assign(process.env, values);
}

/** A loopback port nothing listens on: bound once, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

/** STS GetCallerIdentity through the access layer; the mapped error and the call log's record. */
async function failedCheck(target: AwsTarget) {
  const aws = testClientFactory();
  try {
    const error = await checkIdentity(aws, oneOffPrincipal(target), 'us-east-1').then(
      () => undefined,
      (caught: unknown) => caught,
    );
    return { error, logged: aws.calls.recent().at(-1) };
  } finally {
    aws.close();
  }
}

const notAboutKeys = expect.not.stringMatching(/\bkeys?\b|secret|credential/i);

describe('connections that fail before AWS answers are named as such', () => {
  it('a host that does not resolve: ENOTFOUND with the host, and a DNS / VPN / proxy hint', async () => {
    withoutProxy();
    const { error, logged } = await failedCheck({
      credentials,
      awsEndpoint: 'https://sts.nonexistent.invalid',
    });
    expect(error).toMatchObject({
      code: 'network-unreachable',
      message: 'Could not resolve sts.nonexistent.invalid (ENOTFOUND).',
      retryable: true,
      details: {
        kind: 'network',
        host: 'sts.nonexistent.invalid',
        port: 443,
        systemCode: 'ENOTFOUND',
        viaProxy: false,
      },
    });
    const { hint } = error as { hint: string };
    expect(hint).toMatch(/DNS/);
    expect(hint).toMatch(/VPN/);
    expect(hint).toMatch(/Settings › Network/);
    expect(hint).toEqual(notAboutKeys);
    expect(logged).toMatchObject({ operation: 'GetCallerIdentity', outcome: 'ENOTFOUND' });
  });

  it('a closed port: ECONNREFUSED with the host and port (real AWS endpoint or sandbox)', async () => {
    withoutProxy();
    const port = await closedPort();
    const real = await failedCheck({ credentials, awsEndpoint: `https://127.0.0.1:${port}` });
    expect(real.error).toMatchObject({
      code: 'network-unreachable',
      message: `Connection refused by 127.0.0.1:${port} (ECONNREFUSED).`,
      details: { host: '127.0.0.1', port, systemCode: 'ECONNREFUSED', viaProxy: false },
    });
    expect((real.error as { hint: string }).hint).toMatch(/sandbox/);
    expect(real.logged).toMatchObject({ outcome: 'ECONNREFUSED' });

    const sandboxLike = await failedCheck({ credentials, endpoint: `http://127.0.0.1:${port}` });
    expect(sandboxLike.error).toMatchObject({
      code: 'network-unreachable',
      message: `Connection refused by 127.0.0.1:${port} (ECONNREFUSED).`,
    });
  });

  it('a proxy that does not resolve or refuses: named as the proxy, with its host in the details', async () => {
    withoutProxy({ HTTPS_PROXY: 'http://proxy.nonexistent.invalid:3128' });
    const unresolved = await failedCheck({
      credentials,
      awsEndpoint: 'https://sts.us-east-1.amazonaws.com',
    });
    expect(unresolved.error).toMatchObject({
      code: 'network',
      message: 'Could not resolve the proxy proxy.nonexistent.invalid (ENOTFOUND).',
      hint: expect.stringMatching(/Settings › Network/),
      details: {
        host: 'proxy.nonexistent.invalid',
        port: 3128,
        systemCode: 'ENOTFOUND',
        viaProxy: true,
      },
    });

    const port = await closedPort();
    withoutProxy({ HTTPS_PROXY: `http://127.0.0.1:${port}` });
    const refused = await failedCheck({
      credentials,
      awsEndpoint: 'https://sts.us-east-1.amazonaws.com',
    });
    expect(refused.error).toMatchObject({
      code: 'network',
      message: `Proxy 127.0.0.1:${port} refused the connection (ECONNREFUSED).`,
      details: { host: '127.0.0.1', port, systemCode: 'ECONNREFUSED', viaProxy: true },
    });
    expect((refused.error as { hint: string }).hint).toEqual(notAboutKeys);
  });
});
