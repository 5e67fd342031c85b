import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkIdentity } from '../../profiles/identity-check';
import { clientConfig, type AwsTarget } from '../client-config';
import { oneOffPrincipal } from '../principal';
import { testClientFactory } from '../testing/test-client-factory';
import { DEFAULT_NETWORK_SETTINGS, type NetworkSettings } from './network-settings';
import { maskProxyUrl } from './proxy-env';

const ENV_KEYS = [
  'https_proxy',
  'HTTPS_PROXY',
  'all_proxy',
  'ALL_PROXY',
  'no_proxy',
  'NO_PROXY',
  'AWS_CA_BUNDLE',
  'AWS_CONFIG_FILE',
  'AWS_USE_FIPS_ENDPOINT',
  'AWS_USE_DUALSTACK_ENDPOINT',
] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));

const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const IDENTITY_XML = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:iam::123456789012:user/proxy-tester</Arn>
    <UserId>AIDAIOSFODNN7EXAMPLE</UserId>
    <Account>123456789012</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`;

let dir: string;
let caFile: string;
let stsServer: Server;
let stsPort: number;
let stsRequests = 0;
let proxy: Server;
let proxyPort: number;
const connects: string[] = [];
let authProxy: Server;
let authProxyPort: number;

function listen(server: Server): Promise<number> {
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port)),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyward-network-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=Keyward Test Proxy CA',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
  );
  run(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
  );
  await writeFile(join(dir, 'san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  run(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'san.ext',
    '-out',
    'server.pem',
  );
  caFile = join(dir, 'ca.pem');

  stsServer = createHttpsServer(
    { key: await readFile(join(dir, 'server.key')), cert: await readFile(join(dir, 'server.pem')) },
    (req, res) => {
      stsRequests += 1;
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(IDENTITY_XML);
      });
    },
  );
  stsPort = await listen(stsServer);

  // A CONNECT proxy, as corporate networks run them.
  proxy = createHttpServer();
  proxy.on('connect', (req, client, head) => {
    connects.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host === 'localhost' ? '127.0.0.1' : host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  proxyPort = await listen(proxy);

  authProxy = createHttpServer();
  authProxy.on('connect', (_req, client) => {
    client.end(
      'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\n\r\n',
    );
  });
  authProxyPort = await listen(authProxy);
});

/** Settings → Network as the tests set it; each check gets a new access layer that reads it. */
let network: NetworkSettings = DEFAULT_NETWORK_SETTINGS;
const chooseInSettings = (settings: NetworkSettings) => {
  network = settings;
};

afterEach(() => {
  for (const key of ENV_KEYS) Reflect.deleteProperty(process.env, key);
  for (const key of ENV_KEYS) if (savedEnv[key] !== undefined) process.env[key] = savedEnv[key];
  network = DEFAULT_NETWORK_SETTINGS;
});

afterAll(async () => {
  for (const server of [stsServer, proxy, authProxy]) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
  await rm(dir, { recursive: true, force: true });
});

/** A clean network environment: no proxy, no CA bundle, unless the test sets them. */
function environment(values: Partial<Record<(typeof ENV_KEYS)[number], string>>): void {
  for (const key of ENV_KEYS) Reflect.deleteProperty(process.env, key);
  Object.assign(process.env, values);
}

/** A real-AWS target whose endpoint is the local test server: the proxy and CA logic apply. */
const realAws = (host = 'localhost'): AwsTarget => ({
  credentials,
  awsEndpoint: `https://${host}:${stsPort}`,
});

/** STS GetCallerIdentity through the access layer, on the network settings and env of now. */
async function whoAmI(target: AwsTarget = realAws()) {
  const aws = testClientFactory({ network: () => Promise.resolve(network) });
  try {
    return await checkIdentity(aws, oneOffPrincipal(target), 'us-east-1');
  } finally {
    aws.close(); // its connections (and proxy tunnels) too, so the servers can stop
  }
}

describe('real-AWS network: CA bundle', () => {
  it('refuses a server whose CA is not trusted, naming the host and pointing at Settings', async () => {
    environment({});
    const error = await whoAmI().catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'network',
      message: expect.stringMatching(/^TLS: the certificate of localhost is not trusted \(/),
      hint: expect.stringMatching(/CA bundle in Settings/),
    });
  });

  it('trusts the server once the CA bundle is chosen in Settings', async () => {
    environment({});
    chooseInSettings({
      caBundlePath: caFile,
      useFipsEndpoint: false,
      useDualstackEndpoint: false,
    });
    const identity = await whoAmI();
    expect(identity).toMatchObject({
      accountId: '123456789012',
      arn: 'arn:aws:iam::123456789012:user/proxy-tester',
    });
  });

  it('trusts the server through AWS_CA_BUNDLE too', async () => {
    environment({ AWS_CA_BUNDLE: caFile });
    expect((await whoAmI(realAws('127.0.0.1'))).accountId).toBe('123456789012');
  });

  it('names the file when the CA bundle is missing or not PEM', async () => {
    environment({});
    const missing = join(dir, 'nope.pem');
    chooseInSettings({
      caBundlePath: missing,
      useFipsEndpoint: false,
      useDualstackEndpoint: false,
    });
    await expect(whoAmI()).rejects.toMatchObject({
      code: 'network',
      message: `The CA bundle ${missing} does not exist.`,
    });
    // A client made and never used must not leave an unhandled rejection behind.
    new STSClient(clientConfig(realAws(), 'us-east-1', network)).destroy();
    await new Promise((done) => setTimeout(done, 50));
    const garbage = join(dir, 'garbage.pem');
    await writeFile(
      garbage,
      '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n',
    );
    environment({ AWS_CA_BUNDLE: garbage });
    chooseInSettings({
      caBundlePath: null,
      useFipsEndpoint: false,
      useDualstackEndpoint: false,
    });
    await expect(whoAmI()).rejects.toMatchObject({
      code: 'network',
      message: expect.stringContaining(
        `Certificate 1 of 1 in the CA bundle ${garbage} does not parse`,
      ),
      hint: expect.stringContaining('AWS_CA_BUNDLE'),
    });
  });
});

describe('real-AWS network: HTTPS proxy', () => {
  it('tunnels through HTTPS_PROXY: the proxy sees the CONNECT, TLS is still checked end to end', async () => {
    environment({ HTTPS_PROXY: `http://127.0.0.1:${proxyPort}`, AWS_CA_BUNDLE: caFile });
    connects.length = 0;
    const before = stsRequests;
    expect((await whoAmI()).accountId).toBe('123456789012');
    expect(connects).toEqual([`localhost:${stsPort}`]);
    expect(stsRequests).toBe(before + 1);
  });

  it('says TLS, and suspects the proxy, when the tunnel works but the CA is unknown', async () => {
    environment({ https_proxy: `127.0.0.1:${proxyPort}` });
    connects.length = 0;
    const error = await whoAmI().catch((caught: unknown) => caught);
    expect(connects).toEqual([`localhost:${stsPort}`]);
    expect(error).toMatchObject({
      code: 'network',
      message: expect.stringMatching(/^TLS: the certificate of localhost is not trusted/),
      hint: expect.stringMatching(/proxy that inspects TLS/),
    });
  });

  it('goes straight to hosts NO_PROXY names', async () => {
    environment({
      HTTPS_PROXY: `http://127.0.0.1:${proxyPort}`,
      NO_PROXY: 'example.internal,localhost',
      AWS_CA_BUNDLE: caFile,
    });
    connects.length = 0;
    expect((await whoAmI()).accountId).toBe('123456789012');
    expect(connects).toEqual([]);
  });

  it('names the proxy when nothing listens on its port', async () => {
    const dead = createHttpServer();
    const deadPort = await listen(dead);
    await new Promise((done) => dead.close(done));
    environment({ HTTPS_PROXY: `http://127.0.0.1:${deadPort}`, AWS_CA_BUNDLE: caFile });
    const error = await whoAmI().catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'network',
      message: `Proxy 127.0.0.1:${deadPort} refused the connection (ECONNREFUSED).`,
      hint: expect.stringMatching(/HTTPS_PROXY/),
    });
  });

  it('says the proxy wants authentication on a 407', async () => {
    environment({ HTTPS_PROXY: `http://127.0.0.1:${authProxyPort}`, AWS_CA_BUNDLE: caFile });
    const before = stsRequests;
    const error = await whoAmI().catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'network',
      message: expect.stringMatching(
        new RegExp(`^Proxy 127\\.0\\.0\\.1:${authProxyPort} asks for authentication \\(407\\)`),
      ),
    });
    expect(stsRequests).toBe(before);
  });

  it('says the proxy refused the tunnel when CONNECT is answered 403', async () => {
    const blocking = createHttpServer();
    blocking.on('connect', (_req, client) => {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    const port = await listen(blocking);
    environment({ HTTPS_PROXY: `http://127.0.0.1:${port}`, AWS_CA_BUNDLE: caFile });
    const error = await whoAmI().catch((caught: unknown) => caught);
    await new Promise((done) => blocking.close(done));
    expect(error).toMatchObject({
      code: 'network',
      message: `Proxy 127.0.0.1:${port} refused the tunnel to localhost:${stsPort} (CONNECT answered 403 Forbidden).`,
      hint: expect.stringMatching(/NO_PROXY/),
    });
  });

  it('never shows the proxy password', () => {
    expect(maskProxyUrl(new URL('http://ops:s3cret@proxy.corp:3128'))).toBe(
      'http://ops:****@proxy.corp:3128',
    );
  });

  it('keeps sandbox targets off the proxy', () => {
    environment({ HTTPS_PROXY: `http://127.0.0.1:${proxyPort}` });
    const config = clientConfig(
      { credentials, endpoint: 'http://127.0.0.1:4566' },
      'us-east-1',
      network,
    );
    expect(config).not.toHaveProperty('requestHandler');
    expect(config).toMatchObject({ useFipsEndpoint: false, useDualstackEndpoint: false });
  });
});

/** The host a real-AWS client would call, captured before anything is sent. */
async function resolvedHost(target: AwsTarget): Promise<string> {
  const sts = new STSClient(clientConfig(target, 'us-east-1', network));
  let host = '';
  sts.middlewareStack.add(
    (_next, _context) => async (args) => {
      host = (args.request as { hostname: string }).hostname;
      throw new Error('captured');
    },
    { step: 'finalizeRequest', priority: 'high' },
  );
  await sts.send(new GetCallerIdentityCommand({})).catch(() => undefined);
  sts.destroy();
  return host;
}

describe('real-AWS endpoints: FIPS and dual-stack', () => {
  it('uses the plain endpoint by default, FIPS / dual-stack when Settings say so', async () => {
    environment({});
    expect(await resolvedHost({ credentials })).toBe('sts.us-east-1.amazonaws.com');
    chooseInSettings({
      caBundlePath: null,
      useFipsEndpoint: true,
      useDualstackEndpoint: false,
    });
    expect(await resolvedHost({ credentials })).toBe('sts-fips.us-east-1.amazonaws.com');
    chooseInSettings({
      caBundlePath: null,
      useFipsEndpoint: false,
      useDualstackEndpoint: true,
    });
    expect(await resolvedHost({ credentials })).toBe('sts.us-east-1.api.aws');
  });

  it('follows AWS_USE_FIPS_ENDPOINT, and a shared-config profile’s use_fips_endpoint', async () => {
    environment({ AWS_USE_FIPS_ENDPOINT: 'true' });
    expect(await resolvedHost({ credentials })).toBe('sts-fips.us-east-1.amazonaws.com');
    const config = join(dir, 'aws-config');
    await writeFile(config, '[profile fips-ops]\nuse_fips_endpoint = true\n[profile plain]\n');
    environment({ AWS_CONFIG_FILE: config });
    expect(await resolvedHost({ credentials, configProfile: 'fips-ops' })).toBe(
      'sts-fips.us-east-1.amazonaws.com',
    );
    expect(await resolvedHost({ credentials, configProfile: 'plain' })).toBe(
      'sts.us-east-1.amazonaws.com',
    );
  });
});
