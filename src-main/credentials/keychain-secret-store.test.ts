import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKeychainSecretStore } from './keychain-secret-store';

// Runs against the real OS keychain (GNOME Keyring in a D-Bus session under `npm test`).
const service = `keyward-test-${randomBytes(4).toString('hex')}`;

describe('keychain secret store (real Secret Service)', () => {
  beforeAll(() => {
    if (process.platform === 'linux' && process.env.KEYWARD_KEYRING_READY !== '1') {
      throw new Error(
        'These tests need a Secret Service: run them with `npm run test:unit` (scripts/with-keyring.mjs).',
      );
    }
  });

  it('stores, reads back and deletes a secret', async () => {
    const store = createKeychainSecretStore(service);
    const secret = randomBytes(20).toString('base64');
    await store.set('profile-1', secret);
    expect(await store.get('profile-1')).toBe(secret);
    if (process.platform === 'linux') {
      const found = execFileSync('secret-tool', [
        'lookup',
        'service',
        service,
        'username',
        'profile-1',
      ]).toString();
      expect(found.trim()).toBe(secret);
    }
    expect(await store.delete('profile-1')).toBe(true);
    expect(await store.get('profile-1')).toBeNull();
  });

  it.runIf(process.platform === 'linux')(
    'says clearly when no keychain is reachable, with no fallback',
    () => {
      const probe = `
      import { createKeychainSecretStore } from './src-main/credentials/keychain-secret-store.ts';
      createKeychainSecretStore('${service}').set('x', 'y').then(
        () => console.log('STORED'),
        (e) => console.log(JSON.stringify({ code: e.code, message: e.message, hint: e.hint })),
      );`;
      const run = spawnSync('npx', ['tsx', '--input-type=module', '-e', probe], {
        env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/keyward-bus' },
        encoding: 'utf8',
      });
      const line = run.stdout.trim().split('\n').at(-1) ?? '';
      expect(line).not.toBe('STORED');
      const error = JSON.parse(line) as { code: string; message: string; hint: string };
      expect(error.code).toBe('keychain-unavailable');
      expect(error.hint).toMatch(/never falls back to a plain file/);
    },
  );
});
