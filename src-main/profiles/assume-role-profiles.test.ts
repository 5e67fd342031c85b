import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totp } from '../../src-sandbox/identity/totp';
import { DEMO_MFA_SECRET, PROD_ADMIN_MFA_SERIAL } from '../../src-sandbox/seed/demo-world';
import { testClientFactory } from '../aws/testing/test-client-factory';
import type { SecretStore } from '../credentials/secret-store';
import { silentLogger } from '../log/logger';
import { startEmbeddedSandbox, type EmbeddedSandbox } from '../sandbox/embedded-sandbox';
import { checkIdentity } from './identity-check';
import { createProfileService, type ProfileService } from './profile-service';
import { createProfileStore } from './profile-store';

const noSecrets: SecretStore = {
  get: async () => null,
  set: async () => undefined,
  delete: async () => false,
};

let dir: string;
let sandbox: EmbeddedSandbox;
let service: ProfileService;
const aws = testClientFactory();
const identityOf = async (id: string) =>
  checkIdentity(aws, await service.resolver.principal(id), 'us-east-1');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyward-roles-'));
  sandbox = startEmbeddedSandbox(dir, silentLogger);
  await sandbox.ready;
  service = createProfileService({
    store: createProfileStore(dir, silentLogger),
    secrets: noSecrets,
    sandbox,
    aws,
  });
});

afterAll(async () => {
  await sandbox.stop();
  await rm(dir, { recursive: true, force: true });
});

const backupOperator = {
  sourceProfileId: 'sandbox:prod',
  roleArn: 'arn:aws:iam::222222222222:role/BackupOperator',
  sessionName: 'keyward',
  durationSeconds: 3600,
  defaultRegion: 'us-east-1',
  saveUnverified: false,
};

describe('assume-role profiles', () => {
  it('assumes BackupOperator from the prod profile with the external id, and acts as the role', async () => {
    const added = await service.addAssumeRole({
      ...backupOperator,
      name: 'backup-op',
      externalId: 'keyward-demo',
    });
    expect(added).toMatchObject({
      kind: 'assume-role',
      status: 'verified',
      accountId: '222222222222',
      principalType: 'assumed-role',
      arn: 'arn:aws:sts::222222222222:assumed-role/BackupOperator/keyward',
      needsMfa: false,
    });
    expect(Date.parse(added.session!.expiresAt) - Date.now()).toBeGreaterThan(50 * 60 * 1000);
    const identity = await identityOf(added.id);
    expect(identity.arn).toBe('arn:aws:sts::222222222222:assumed-role/BackupOperator/keyward');
    const onDisk = await readFile(join(dir, 'profiles.json'), 'utf8');
    expect(onDisk).not.toMatch(/ASIA|sessionToken|secretAccessKey/i);
  });

  it('refuses a wrong external id with a clear reason', async () => {
    const error = await service
      .addAssumeRole({ ...backupOperator, name: 'wrong-ext', externalId: 'not-the-id' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'access-denied',
      aws: { code: 'AccessDenied', operation: 'AssumeRole' },
    });
    expect((error as Error & { hint: string }).hint).toMatch(/external id/);
    expect((await service.list()).some((profile) => profile.name === 'wrong-ext')).toBe(false);
  });

  it('needs an MFA code for BreakGlassAdmin: refused without, session with the right code', async () => {
    const role = {
      ...backupOperator,
      name: 'break-glass',
      roleArn: 'arn:aws:iam::222222222222:role/BreakGlassAdmin',
      mfaSerial: PROD_ADMIN_MFA_SERIAL,
    };
    await expect(service.addAssumeRole(role)).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: { mfaCode: expect.any(String) },
    });
    await expect(service.addAssumeRole({ ...role, mfaCode: '000000' })).rejects.toMatchObject({
      code: 'access-denied',
    });
    const saved = await service.addAssumeRole({ ...role, saveUnverified: true });
    expect(saved).toMatchObject({ status: 'unverified', needsMfa: true, session: null });
    await expect(identityOf(saved.id)).rejects.toMatchObject({
      code: 'credentials-missing',
    });
    const started = await service.startSession(saved.id, totp(DEMO_MFA_SECRET, new Date()));
    expect(started).toMatchObject({
      status: 'verified',
      needsMfa: false,
      arn: 'arn:aws:sts::222222222222:assumed-role/BreakGlassAdmin/keyward',
    });
    expect((await identityOf(saved.id)).accountId).toBe('222222222222');
  });

  it('will not delete a profile other profiles assume roles from', async () => {
    await expect(service.remove('sandbox:prod')).rejects.toMatchObject({ code: 'invalid-state' });
  });
});
