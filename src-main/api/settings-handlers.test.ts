import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeywardError } from '../../src-shared/errors';
import { silentLogger } from '../log/logger';
import { summarize } from '../profiles/summarize';
import { createSettingsStore } from '../settings/settings-store';
import { createSettingsHandlers } from './settings-handlers';

let dir: string;
const ctx = { correlationId: 't', logger: silentLogger };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keyward-settings-net-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=Corp Proxy CA',
      '-keyout',
      join(dir, 'ca.key'),
      '-out',
      join(dir, 'ca.pem'),
    ],
    { stdio: 'pipe' },
  );
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('Settings → Network', () => {
  it('saves a CA bundle only when it is a PEM file, and network.status reports the one in effect', async () => {
    const handlers = createSettingsHandlers({
      settings: createSettingsStore(dir, silentLogger),
      // No cross-account pair is set here, so no profile is ever looked up.
      profiles: { list: () => Promise.resolve([]) },
    });
    const notPem = join(dir, 'notes.txt');
    await writeFile(notPem, 'just text');
    await expect(handlers['settings.set']({ caBundlePath: notPem }, ctx)).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: {
        caBundlePath: `The CA bundle ${notPem} holds no PEM certificate (-----BEGIN CERTIFICATE-----).`,
      },
    });
    expect((await handlers['settings.get']({}, ctx)).caBundlePath).toBeNull();

    const pem = join(dir, 'ca.pem');
    const saved = await handlers['settings.set']({ caBundlePath: pem, useFipsEndpoint: true }, ctx);
    expect(saved).toMatchObject({ caBundlePath: pem, useFipsEndpoint: true });
    const status = await handlers['network.status']({}, ctx);
    expect(status.caBundle).toMatchObject({
      path: pem,
      source: 'settings',
      certificateCount: 1,
      subjects: ['Corp Proxy CA'],
    });
  });
});

describe('Settings → active profile', () => {
  const workAdmin = summarize(
    {
      id: 'work-admin',
      name: 'Work admin',
      kind: 'shared-config',
      target: 'aws',
      defaultRegion: 'eu-west-1',
      createdAt: '2026-01-01T00:00:00.000Z',
      identity: null,
      lastCheck: null,
      configProfile: 'work',
    },
    undefined,
  );

  it('refuses an id that names no profile, and keeps the active one', async () => {
    const handlers = createSettingsHandlers({
      settings: createSettingsStore(await mkdtemp(join(dir, 'active-')), silentLogger),
      profiles: { list: () => Promise.resolve([workAdmin]) },
    });
    const before = (await handlers['settings.get']({}, ctx)).activeProfileId;
    const attempt = handlers['settings.set']({ activeProfileId: 'deleted-long-ago' }, ctx);
    await expect(attempt).rejects.toBeInstanceOf(KeywardError);
    await expect(attempt).rejects.toMatchObject({
      code: 'validation',
      message:
        'There is no profile “deleted-long-ago”, so it cannot be the active profile. It may have been removed in another window.',
      hint: 'Choose one of your profiles in the profile picker, or add the profile again.',
      fieldErrors: { activeProfileId: 'There is no profile “deleted-long-ago”.' },
    });
    expect((await handlers['settings.get']({}, ctx)).activeProfileId).toBe(before);

    const chosen = await handlers['settings.set']({ activeProfileId: 'work-admin' }, ctx);
    expect(chosen.activeProfileId).toBe('work-admin');
    const none = await handlers['settings.set']({ activeProfileId: null }, ctx);
    expect(none.activeProfileId).toBeNull();
  });
});
