import { ListKeysCommand, KMSClient } from '@aws-sdk/client-kms';
import { LogoutCommand, SSOClient } from '@aws-sdk/client-sso';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SSO_REGION, DEMO_SSO_START_URL } from '../../../src-sandbox/sso/demo-directory';
import { testClientFactory } from '../../aws/testing/test-client-factory';
import { createKeychainSecretStore } from '../../credentials/keychain-secret-store';
import { silentLogger } from '../../log/logger';
import { startEmbeddedSandbox, type EmbeddedSandbox } from '../../sandbox/embedded-sandbox';
import { checkIdentity } from '../identity-check';
import { createProfileService } from '../profile-service';
import { createProfileStore } from '../profile-store';
import { createSsoKeychain } from './sso-keychain';
import type { SignInReporter, UrlOpener } from './sso-sessions';

const secrets = createKeychainSecretStore();
const keychain = createSsoKeychain(secrets);
const ADMIN_ROLE =
  'arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_AdministratorAccess_5a2f6c1d8e9b0a47/dana';

let dir: string;
let sandbox: EmbeddedSandbox;
const aws = testClientFactory();
const created: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyward-sso-'));
  sandbox = startEmbeddedSandbox(dir, silentLogger);
  await sandbox.ready;
});

afterAll(async () => {
  for (const id of created) await secrets.delete(id);
  await sandbox.stop();
  await rm(dir, { recursive: true, force: true });
});

/** What a person does in the browser: read the page the app opened, click Allow or Deny. */
function person(decision: 'allow' | 'deny' | 'nothing'): UrlOpener & { urls: string[] } {
  const urls: string[] = [];
  const opener = async (url: string) => {
    urls.push(url);
    if (decision === 'nothing') return;
    const page = await (await fetch(url)).text();
    const code = /name="user_code" value="([A-Z-]+)"/.exec(page)?.[1] ?? '';
    await fetch(new URL('/sso/device', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user_code: code, decision }).toString(),
    });
  };
  return Object.assign(opener, { urls });
}

function reporter(controller = new AbortController()) {
  const steps: { title: string; detail?: Readonly<Record<string, string>> }[] = [];
  const r: SignInReporter = {
    signal: controller.signal,
    progress: (_step, _count, title, _value, detail) =>
      steps.push({ title, ...(detail ? { detail } : {}) }),
  };
  return { r, steps, controller };
}

/** A service as the app builds it; a second one on the same data dir is Keyward restarted. */
function service(opener?: UrlOpener) {
  return createProfileService({
    store: createProfileStore(dir, silentLogger),
    secrets,
    sandbox,
    logger: silentLogger,
    aws,
    ...(opener ? { openUrl: opener } : {}),
  });
}

async function addProfile(
  s: ReturnType<typeof service>,
  name: string,
  roleName = 'AdministratorAccess',
) {
  const added = await s.addSso({
    name,
    target: 'sandbox',
    defaultRegion: 'us-east-1',
    startUrl: DEMO_SSO_START_URL,
    ssoRegion: DEMO_SSO_REGION,
    accountId: '111111111111',
    roleName,
  });
  created.push(added.id);
  return added;
}

describe('IAM Identity Center sign-in', () => {
  it('signs in by the device flow, keeps the token in the keychain only, and acts as the role', async () => {
    const opener = person('allow');
    const s = service(opener);
    const profile = await addProfile(s, 'sso-admin');
    expect(profile.sso?.signedIn).toBe(false);
    const { r, steps } = reporter();
    const signedIn = await s.signIn(profile.id, r);

    const prompt = steps.find((step) => step.detail)?.detail;
    expect(prompt?.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(prompt?.verificationUri).toBe(`${(await sandbox.ready)?.endpoint}/sso/device`);
    expect(opener.urls).toEqual([prompt?.verificationUriComplete]);
    expect(signedIn).toMatchObject({
      status: 'verified',
      accountId: '111111111111',
      principalType: 'assumed-role',
      arn: ADMIN_ROLE,
      sso: { signedIn: true, roleName: 'AdministratorAccess' },
    });
    const left = Date.parse(signedIn.session?.expiresAt ?? '') - Date.now();
    expect(left).toBeGreaterThan(55 * 60_000);
    expect(left).toBeLessThanOrEqual(60 * 60_000);

    const entry = await keychain.read(profile.id);
    expect(entry.token?.accessToken).toMatch(/^aoa/);
    expect(entry.token?.refreshToken).toMatch(/^aor/);
    expect(entry.registration?.clientId).toBeTruthy();
    for (const file of await readdir(dir)) {
      if (!file.endsWith('.json')) continue;
      const text = await readFile(join(dir, file), 'utf8');
      expect(text).not.toContain(entry.token?.accessToken);
      expect(text).not.toMatch(/ASIA|sessionToken|refreshToken|clientSecret/);
    }

    const kms = await aws.client(KMSClient, await s.resolver.principal(profile.id), 'us-east-1');
    const keys = await kms.send(new ListKeysCommand({}));
    expect(keys.Keys?.length).toBeGreaterThan(0);
  });

  it('after a restart, gets role credentials from the cached token; an expired access token is refreshed', async () => {
    const s = service(person('allow'));
    const profile = await addProfile(s, 'sso-restart', 'KmsAuditor');
    await s.signIn(profile.id, reporter().r);
    const before = await keychain.read(profile.id);

    const restarted = service();
    expect((await restarted.list()).find((p) => p.id === profile.id)?.sso?.signedIn).toBe(true);
    const identity = await checkIdentity(
      aws,
      await restarted.resolver.principal(profile.id),
      'us-east-1',
    );
    expect(identity.arn).toContain('assumed-role/AWSReservedSSO_KmsAuditor_');
    expect((await keychain.read(profile.id)).token?.accessToken).toBe(before.token?.accessToken);

    // The access token has run out: the next start uses the refresh token (which rotates).
    await keychain.write(profile.id, {
      ...before,
      token: { ...before.token!, expiresAt: Date.now() - 1000 },
    });
    const later = service();
    const again = await checkIdentity(aws, await later.resolver.principal(profile.id), 'us-east-1');
    expect(again.accountId).toBe('111111111111');
    const after = await keychain.read(profile.id);
    expect(after.token?.accessToken).not.toBe(before.token?.accessToken);
    expect(after.token?.refreshToken).not.toBe(before.token?.refreshToken);
    expect(after.token!.expiresAt).toBeGreaterThan(Date.now() + 7 * 3600_000);
    expect(after.registration?.clientId).toBe(before.registration?.clientId);
  });

  it('reuses the cached client registration for the next sign-in', async () => {
    const s = service(person('allow'));
    const profile = await addProfile(s, 'sso-reuse');
    await s.signIn(profile.id, reporter().r);
    const first = (await keychain.read(profile.id)).registration?.clientId;
    await s.signIn(profile.id, reporter().r);
    expect((await keychain.read(profile.id)).registration?.clientId).toBe(first);
  });

  it('says clearly that access was denied when the person clicks Deny', async () => {
    const s = service(person('deny'));
    const profile = await addProfile(s, 'sso-deny');
    const error = await s.signIn(profile.id, reporter().r).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'access-denied',
      message: 'Access was denied in the browser.',
    });
    const listed = (await s.list()).find((p) => p.id === profile.id);
    expect(listed).toMatchObject({ status: 'failed', sso: { signedIn: false }, session: null });
  });

  it('stops waiting when cancelled', async () => {
    const s = service(person('nothing'));
    const profile = await addProfile(s, 'sso-cancel');
    const { r, steps, controller } = reporter();
    const running = s.signIn(profile.id, r).catch((e: unknown) => e);
    await expect.poll(() => steps.some((step) => step.detail)).toBe(true);
    controller.abort();
    expect(await running).toMatchObject({ code: 'cancelled' });
  });

  it('a token ended at Identity Center asks for a new sign-in', async () => {
    const s = service(person('allow'));
    const profile = await addProfile(s, 'sso-revoked');
    await s.signIn(profile.id, reporter().r);
    const entry = await keychain.read(profile.id);
    const endpoint = (await sandbox.ready)?.endpoint ?? '';
    await new SSOClient({ endpoint, region: DEMO_SSO_REGION }).send(
      new LogoutCommand({ accessToken: entry.token?.accessToken }),
    );
    const restarted = service();
    const error = await restarted.resolver
      .principal(profile.id)
      .then((principal) => checkIdentity(aws, principal, 'us-east-1'))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'credentials-invalid' });
    expect((error as { hint?: string }).hint).toMatch(/Sign in again/);
    expect((await keychain.read(profile.id)).token).toBeNull();
    expect((await restarted.list()).find((p) => p.id === profile.id)?.sso?.signedIn).toBe(false);
  });

  it('signs out (Logout, token and session forgotten) and deleting removes the keychain entry', async () => {
    const s = service(person('allow'));
    const profile = await addProfile(s, 'sso-out');
    await s.signIn(profile.id, reporter().r);
    const token = (await keychain.read(profile.id)).token?.accessToken;
    const out = await s.signOut(profile.id);
    expect(out).toMatchObject({ session: null, sso: { signedIn: false } });
    expect((await keychain.read(profile.id)).token).toBeNull();
    const endpoint = (await sandbox.ready)?.endpoint ?? '';
    const ended = await new SSOClient({ endpoint, region: DEMO_SSO_REGION })
      .send(new LogoutCommand({ accessToken: token }))
      .catch((e: unknown) => e);
    expect(ended).toMatchObject({ name: 'UnauthorizedException' });
    const error = await s.resolver
      .principal(profile.id)
      .then((principal) => checkIdentity(aws, principal, 'us-east-1'))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'credentials-missing',
      message: '“sso-out” is not signed in.',
    });

    expect(await secrets.get(profile.id)).not.toBeNull();
    expect(await s.remove(profile.id)).toBe(true);
    expect(await secrets.get(profile.id)).toBeNull();
  });

  it('deleting a signed-in profile signs out at Identity Center and forgets the token', async () => {
    const s = service(person('allow'));
    const profile = await addProfile(s, 'sso-deleted');
    await s.signIn(profile.id, reporter().r);
    const token = (await keychain.read(profile.id)).token?.accessToken;
    expect(await s.remove(profile.id)).toBe(true);
    expect(await secrets.get(profile.id)).toBeNull();
    const endpoint = (await sandbox.ready)?.endpoint ?? '';
    const ended = await new SSOClient({ endpoint, region: DEMO_SSO_REGION })
      .send(new LogoutCommand({ accessToken: token }))
      .catch((e: unknown) => e);
    expect(ended).toMatchObject({ name: 'UnauthorizedException' });
  });

  it('editing the account or role of a signed-in profile ends its sign-in; a rename keeps it', async () => {
    const s = service(person('allow'));
    const profile = await addProfile(s, 'sso-edit');
    await s.signIn(profile.id, reporter().r);
    const edit = {
      id: profile.id,
      kind: 'sso' as const,
      name: 'sso-renamed',
      defaultRegion: 'us-east-1',
      startUrl: DEMO_SSO_START_URL,
      ssoRegion: DEMO_SSO_REGION,
      accountId: '111111111111',
      roleName: 'AdministratorAccess',
      saveUnverified: false,
      confirmIdentityChange: false,
    };
    const renamed = await s.update(edit);
    expect(renamed).toMatchObject({ name: 'sso-renamed', sso: { signedIn: true } });

    // Another role is another principal: refused until confirmed, and the sign-in stays.
    await expect(s.update({ ...edit, roleName: 'KmsAuditor' })).rejects.toMatchObject({
      code: 'identity-changed',
      details: {
        kind: 'identity-change',
        before: { accountId: '111111111111', roleName: 'AdministratorAccess' },
        after: { accountId: '111111111111', arn: null, roleName: 'KmsAuditor' },
      },
    });
    expect((await keychain.read(profile.id)).token).not.toBeNull();
    expect((await s.list()).find((p) => p.id === profile.id)).toMatchObject({
      status: 'verified',
      sso: { signedIn: true, roleName: 'AdministratorAccess' },
    });

    const moved = await s.update({ ...edit, roleName: 'KmsAuditor', confirmIdentityChange: true });
    expect(moved).toMatchObject({
      status: 'unverified',
      arn: null,
      session: null,
      sso: { signedIn: false, roleName: 'KmsAuditor' },
    });
    expect((await keychain.read(profile.id)).token).toBeNull();
  });
});
