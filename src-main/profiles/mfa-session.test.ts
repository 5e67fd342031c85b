import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../../src-sandbox/identity/totp';
import { DEMO_MFA_SECRET, PROD_ADMIN_MFA_SERIAL } from '../../src-sandbox/seed/demo-world';
import { testClientFactory } from '../aws/testing/test-client-factory';
import { createKeychainSecretStore } from '../credentials/keychain-secret-store';
import { silentLogger } from '../log/logger';
import { startEmbeddedSandbox, type EmbeddedSandbox } from '../sandbox/embedded-sandbox';
import { checkIdentity } from './identity-check';
import { createProfileService, type ProfileService } from './profile-service';
import { createProfileStore } from './profile-store';

let dir: string;
let sandbox: EmbeddedSandbox;
let service: ProfileService;
const aws = testClientFactory();
let adminKeys: { accessKeyId: string; secretAccessKey: string };
const keychain = createKeychainSecretStore(`keyward-test-${randomBytes(4).toString('hex')}`);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyward-mfa-'));
  sandbox = startEmbeddedSandbox(dir, silentLogger);
  const running = await sandbox.ready;
  const files = await loadSharedConfigFiles({
    filepath: running!.credentialsFile,
    configFilepath: running!.configFile,
    ignoreCache: true,
  });
  const prod = files.credentialsFile.prod;
  adminKeys = {
    accessKeyId: prod!.aws_access_key_id!,
    secretAccessKey: prod!.aws_secret_access_key!,
  };
  service = createProfileService({
    store: createProfileStore(dir, silentLogger),
    secrets: keychain,
    sandbox,
    aws,
  });
});

afterAll(async () => {
  for (const profile of (await service.list()).filter((p) => p.kind === 'assume-role'))
    await service.remove(profile.id);
  for (const profile of (await service.list()).filter((p) => p.kind === 'access-key'))
    await service.remove(profile.id);
  await sandbox.stop();
  await rm(dir, { recursive: true, force: true });
});

const code = () => totp(DEMO_MFA_SECRET, new Date());

describe('MFA sessions for access-key profiles (GetSessionToken)', () => {
  it('starts a session with the device’s code; calls, and roles that need MFA, then use it', async () => {
    const user = await service.addAccessKey({
      name: 'prod-admin',
      target: 'sandbox',
      defaultRegion: 'us-east-1',
      ...adminKeys,
      mfaSerial: PROD_ADMIN_MFA_SERIAL,
      saveUnverified: false,
    });
    expect(user).toMatchObject({ status: 'verified', needsMfa: true, session: null });

    // BreakGlassAdmin trusts prod only with MFA: the long-term key alone is refused.
    const breakGlass = {
      name: 'break-glass-via-user',
      sourceProfileId: user.id,
      roleArn: 'arn:aws:iam::222222222222:role/BreakGlassAdmin',
      sessionName: 'keyward',
      durationSeconds: 3600,
      defaultRegion: 'us-east-1',
    };
    await expect(
      service.addAssumeRole({ ...breakGlass, saveUnverified: false }),
    ).rejects.toMatchObject({ code: 'access-denied' });

    await expect(service.startSession(user.id, '000000')).rejects.toMatchObject({
      code: 'access-denied',
      aws: { operation: 'GetSessionToken' },
      hint: expect.stringMatching(/MFA device/),
    });
    await expect(service.startSession(user.id, undefined)).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: { mfaCode: expect.any(String) },
    });

    const started = await service.startSession(user.id, code());
    expect(started).toMatchObject({
      status: 'verified',
      needsMfa: false,
      arn: 'arn:aws:iam::111111111111:user/admin',
    });
    const hoursLeft = (Date.parse(started.session!.expiresAt) - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(11.9);
    expect(hoursLeft).toBeLessThanOrEqual(12);

    // The profile's calls now carry the session (temporary ASIA… key with a token).
    const principal = await service.resolver.principal(user.id);
    const { credentials } = principal.target;
    const used = typeof credentials === 'function' ? await credentials() : credentials;
    expect(used.accessKeyId).toMatch(/^ASIA/);
    expect(used.sessionToken).toBeTruthy();
    expect((await checkIdentity(aws, principal, 'us-east-1')).arn).toBe(
      'arn:aws:iam::111111111111:user/admin',
    );

    // …and a role that needs MFA, assumed from this profile, works from the session.
    const role = await service.addAssumeRole({ ...breakGlass, saveUnverified: false });
    expect(role).toMatchObject({
      status: 'verified',
      arn: 'arn:aws:sts::222222222222:assumed-role/BreakGlassAdmin/keyward',
      needsMfa: false,
    });

    expect((await service.list()).find((p) => p.id === user.id)?.session?.expiresAt).toBe(
      started.session!.expiresAt,
    );
    const onDisk = await readFile(join(dir, 'profiles.json'), 'utf8');
    expect(onDisk).not.toMatch(/ASIA|sessionToken|secretAccessKey/i);
  });

  it('has no session to start for an access key without an MFA device', async () => {
    const plain = await service.addAccessKey({
      name: 'prod-admin-plain',
      target: 'sandbox',
      defaultRegion: 'us-east-1',
      ...adminKeys,
      saveUnverified: false,
    });
    expect(plain.needsMfa).toBe(false);
    await expect(service.startSession(plain.id, code())).rejects.toMatchObject({
      code: 'invalid-state',
    });
  });
});
