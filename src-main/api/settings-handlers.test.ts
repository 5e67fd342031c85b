import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
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
  it('saves a CA bundle only when it is a PEM file, and applies it to new AWS clients', async () => {
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
