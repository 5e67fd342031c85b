import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROD_ADMIN_MFA_SERIAL } from '../../src-sandbox/seed/demo-world';
import { profileDependents, describeDependents } from '../../src-shared/models/profile-dependents';
import { testClientFactory } from '../aws/testing/test-client-factory';
import type { SecretStore } from '../credentials/secret-store';
import { silentLogger } from '../log/logger';
import { startEmbeddedSandbox, type EmbeddedSandbox } from '../sandbox/embedded-sandbox';
import { assumedRoleArn, identityDiffers, principalOf } from './identity-change';
import { checkIdentity } from './identity-check';
import { createProfileService, type ProfileService } from './profile-service';
import { createProfileStore, type ProfileStore } from './profile-store';

describe('who a profile is: the comparison', () => {
  it('takes an assumed role’s session name for a label, not for another principal', () => {
    expect(principalOf('arn:aws:sts::222222222222:assumed-role/BackupOperator/keyward')).toBe(
      'arn:aws:sts::222222222222:assumed-role/BackupOperator',
    );
    expect(principalOf('arn:aws:iam::111111111111:user/ops/dev')).toBe(
      'arn:aws:iam::111111111111:user/ops/dev',
    );
    const role = (session: string) => ({
      accountId: '222222222222',
      arn: `arn:aws:sts::222222222222:assumed-role/BackupOperator/${session}`,
    });
    expect(identityDiffers(role('keyward'), role('nightly'))).toBe(false);
  });

  it('tells another user, another account and another SSO role apart', () => {
    const user = (account: string, name: string) => ({
      accountId: account,
      arn: `arn:aws:iam::${account}:user/${name}`,
    });
    expect(identityDiffers(user('111111111111', 'dev'), user('111111111111', 'dev'))).toBe(false);
    expect(identityDiffers(user('111111111111', 'dev'), user('111111111111', 'admin'))).toBe(true);
    expect(identityDiffers(user('111111111111', 'admin'), user('222222222222', 'admin'))).toBe(
      true,
    );
    // The account alone, when the ARN is not known yet (SSO before sign-in).
    const sso = (account: string, roleName: string) => ({
      accountId: account,
      arn: null,
      roleName,
    });
    const signedIn = {
      accountId: '111111111111',
      arn: 'arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_KmsAuditor_1/dana',
      roleName: 'KmsAuditor',
    };
    expect(identityDiffers(signedIn, sso('111111111111', 'KmsAuditor'))).toBe(false);
    expect(identityDiffers(signedIn, sso('222222222222', 'KmsAuditor'))).toBe(true);
    expect(identityDiffers(signedIn, sso('111111111111', 'AdministratorAccess'))).toBe(true);
  });

  it('knows the ARN STS will answer for a role before it is assumed', () => {
    expect(assumedRoleArn('arn:aws:iam::222222222222:role/ops/BreakGlassAdmin', 'keyward')).toEqual(
      {
        accountId: '222222222222',
        arn: 'arn:aws:sts::222222222222:assumed-role/BreakGlassAdmin/keyward',
      },
    );
  });
});

describe('dependents', () => {
  const listed = [
    { id: 'a', name: 'prod-keys', kind: 'access-key' as const, sourceProfileId: null },
    { id: 'b', name: 'BackupOperator-role', kind: 'assume-role' as const, sourceProfileId: 'a' },
    { id: 'c', name: 'Auditor-role', kind: 'assume-role' as const, sourceProfileId: 'a' },
    { id: 'd', name: 'chained', kind: 'assume-role' as const, sourceProfileId: 'b' },
  ];

  it('are the role profiles that use a profile as their source, named in one sentence', () => {
    expect(profileDependents('a', listed)).toEqual([
      { id: 'b', name: 'BackupOperator-role' },
      { id: 'c', name: 'Auditor-role' },
    ]);
    expect(profileDependents('c', listed)).toEqual([]);
    expect(describeDependents(profileDependents('b', listed))).toBe(
      '“chained” uses this profile as its source: delete it or point it at another profile first.',
    );
    expect(describeDependents(profileDependents('a', listed))).toMatch(
      /^“BackupOperator-role” and “Auditor-role” use this profile as their source/,
    );
  });
});

const noSecrets: SecretStore = {
  get: async () => null,
  set: async () => undefined,
  delete: async () => false,
};

let dir: string;
let sandbox: EmbeddedSandbox;
let service: ProfileService;
let store: ProfileStore;
const aws = testClientFactory();
const identityOf = async (id: string) =>
  (await checkIdentity(aws, await service.resolver.principal(id), 'us-east-1')).arn;

const AUDITOR_ARN = 'arn:aws:iam::111111111111:role/Auditor';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyward-identity-'));
  sandbox = startEmbeddedSandbox(dir, silentLogger);
  await sandbox.ready;
  store = createProfileStore(dir, silentLogger);
  service = createProfileService({ store, secrets: noSecrets, sandbox, aws });
  // A second role prod may assume, as its administrator would make one.
  const admin = (await service.resolver.principal('sandbox:prod')).target;
  await new IAMClient({
    region: 'us-east-1',
    endpoint: admin.endpoint,
    credentials: admin.credentials,
  }).send(
    new CreateRoleCommand({
      RoleName: 'Auditor',
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::111111111111:root' },
            Action: 'sts:AssumeRole',
          },
        ],
      }),
    }),
  );
});

afterAll(async () => {
  await sandbox.stop();
  await rm(dir, { recursive: true, force: true });
});

const addRole = (fields: { name: string; sourceProfileId: string; roleArn: string }) =>
  service.addAssumeRole({
    sessionName: 'keyward',
    durationSeconds: 3600,
    defaultRegion: 'us-east-1',
    saveUnverified: true,
    ...fields,
  });

const addBackupOperator = (name: string) =>
  service.addAssumeRole({
    name,
    sourceProfileId: 'sandbox:prod',
    roleArn: 'arn:aws:iam::222222222222:role/BackupOperator',
    externalId: 'keyward-demo',
    sessionName: 'keyward',
    durationSeconds: 3600,
    defaultRegion: 'us-east-1',
    saveUnverified: false,
  });

const editRole = (id: string, name: string, changes: Record<string, unknown>) =>
  service.update({
    id,
    kind: 'assume-role',
    name,
    defaultRegion: 'us-east-1',
    roleArn: 'arn:aws:iam::222222222222:role/BackupOperator',
    externalId: 'keyward-demo',
    sessionName: 'keyward',
    durationSeconds: 3600,
    mfaSerial: null,
    saveUnverified: false,
    confirmIdentityChange: false,
    ...changes,
  });

describe('editing who a role profile is', () => {
  it('refuses another role until confirmed; meanwhile the old session and profile stay', async () => {
    const added = await addBackupOperator('ops');
    const before = await store.get(added.id);
    const error = await editRole(added.id, 'ops', { roleArn: AUDITOR_ARN, externalId: null }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({
      code: 'identity-changed',
      details: {
        before: {
          accountId: '222222222222',
          arn: 'arn:aws:sts::222222222222:assumed-role/BackupOperator/keyward',
        },
        after: {
          accountId: '111111111111',
          arn: 'arn:aws:sts::111111111111:assumed-role/Auditor/keyward',
        },
      },
    });
    expect((error as Error).message).toMatch(/another account \(222222222222 → 111111111111\)/);
    expect(await store.get(added.id)).toEqual(before);
    // The session of the old role still serves the profile's calls.
    expect(await identityOf(added.id)).toBe(
      'arn:aws:sts::222222222222:assumed-role/BackupOperator/keyward',
    );

    const confirmed = await editRole(added.id, 'ops', {
      roleArn: AUDITOR_ARN,
      externalId: null,
      confirmIdentityChange: true,
    });
    expect(confirmed).toMatchObject({
      status: 'verified',
      roleArn: AUDITOR_ARN,
      arn: 'arn:aws:sts::111111111111:assumed-role/Auditor/keyward',
    });
    expect(await identityOf(added.id)).toBe(
      'arn:aws:sts::111111111111:assumed-role/Auditor/keyward',
    );
  });

  it('takes another session name as the same role', async () => {
    const added = await addBackupOperator('renamed-session');
    const edited = await editRole(added.id, 'renamed-session', { sessionName: 'nightly' });
    expect(edited.arn).toBe('arn:aws:sts::222222222222:assumed-role/BackupOperator/nightly');
  });

  it('compares the role it names when the check needs an MFA code the edit does not carry', async () => {
    const added = await addBackupOperator('to-break-glass');
    const toBreakGlass = {
      roleArn: 'arn:aws:iam::222222222222:role/BreakGlassAdmin',
      externalId: null,
      mfaSerial: PROD_ADMIN_MFA_SERIAL,
    };
    await expect(editRole(added.id, 'to-break-glass', toBreakGlass)).rejects.toMatchObject({
      code: 'identity-changed',
      details: {
        after: {
          accountId: '222222222222',
          arn: 'arn:aws:sts::222222222222:assumed-role/BreakGlassAdmin/keyward',
        },
      },
    });
    const saved = await editRole(added.id, 'to-break-glass', {
      ...toBreakGlass,
      confirmIdentityChange: true,
    });
    expect(saved).toMatchObject({ status: 'unverified', needsMfa: true, session: null });
  });
});

describe('deleting a profile others depend on', () => {
  it('is refused by main with the dependents named, whatever the page showed', async () => {
    const source = await addRole({
      name: 'middle',
      sourceProfileId: 'sandbox:prod',
      roleArn: AUDITOR_ARN,
    });
    await addRole({ name: 'chained-role', sourceProfileId: source.id, roleArn: AUDITOR_ARN });
    await expect(service.remove(source.id)).rejects.toMatchObject({
      code: 'invalid-state',
      message:
        '“middle” cannot be deleted. “chained-role” uses this profile as its source: delete it or point it at another profile first.',
    });
    expect(await store.get(source.id)).toBeDefined();
  });
});
