import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeywardError } from '../../src-shared/errors';
import { createProfileService } from '../profiles/profile-service';
import { createProfileStore } from '../profiles/profile-store';
import { startEmbeddedSandbox, type EmbeddedSandbox } from '../sandbox/embedded-sandbox';
import { createSettingsStore } from '../settings/settings-store';
import { createKeychainSecretStore } from '../credentials/keychain-secret-store';
import { createProfilesHandlers } from './profiles-handlers';
import { createSettingsHandlers } from './settings-handlers';

const logger = { log: () => undefined };
const ctx = { correlationId: 'test', logger };
let dir: string;
let sandbox: EmbeddedSandbox;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyward-pair-'));
  sandbox = startEmbeddedSandbox(dir, logger);
  await sandbox.ready;
});
afterAll(async () => {
  await sandbox.stop();
  await rm(dir, { recursive: true, force: true });
});

function handlers() {
  const profiles = createProfileService({
    store: createProfileStore(dir, logger),
    secrets: createKeychainSecretStore('keyward-test'),
    sandbox,
  });
  return createSettingsHandlers({ settings: createSettingsStore(dir, logger), profiles });
}

describe('settings.set with a cross-account pair', () => {
  it('stores a pair of two accounts (the sandbox’s prod and backup administrators)', async () => {
    const saved = await handlers()['settings.set'](
      {
        crossAccountPair: { sourceProfileId: 'sandbox:prod', targetProfileId: 'sandbox:backup' },
      },
      ctx,
    );
    expect(saved.crossAccountPair).toEqual({
      sourceProfileId: 'sandbox:prod',
      targetProfileId: 'sandbox:backup',
    });
  });

  it('refuses two profiles of the same account, on the target field', async () => {
    const attempt = handlers()['settings.set'](
      {
        crossAccountPair: {
          sourceProfileId: 'sandbox:prod',
          targetProfileId: 'sandbox:prod-developer',
        },
      },
      ctx,
    );
    await expect(attempt).rejects.toBeInstanceOf(KeywardError);
    await expect(attempt).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: { targetProfileId: expect.stringContaining('111111111111') as unknown },
    });
  });

  it('refuses a profile that does not exist', async () => {
    await expect(
      handlers()['settings.set'](
        {
          crossAccountPair: { sourceProfileId: 'sandbox:prod', targetProfileId: 'gone' },
        },
        ctx,
      ),
    ).rejects.toMatchObject({ code: 'validation' });
  });
});

describe('profiles.delete and the settings that name the profile', () => {
  it('clears the active profile and the cross-account pair that used the deleted profile', async () => {
    const settings = createSettingsStore(dir, logger);
    const profiles = createProfileService({
      store: createProfileStore(dir, logger),
      secrets: createKeychainSecretStore('keyward-test'),
      sandbox,
    });
    const role = await profiles.addAssumeRole({
      name: 'pair-target',
      sourceProfileId: 'sandbox:prod',
      roleArn: 'arn:aws:iam::222222222222:role/BackupOperator',
      externalId: 'keyward-demo',
      sessionName: 'keyward',
      durationSeconds: 3600,
      defaultRegion: 'us-east-1',
      saveUnverified: false,
    });
    await settings.update({
      activeProfileId: role.id,
      crossAccountPair: { sourceProfileId: 'sandbox:prod', targetProfileId: role.id },
    });
    const deleted = await createProfilesHandlers({ profiles, settings })['profiles.delete'](
      { id: role.id },
      ctx,
    );
    expect(deleted).toEqual({ deleted: true });
    expect(await settings.get()).toMatchObject({ activeProfileId: null, crossAccountPair: null });
  });
});
