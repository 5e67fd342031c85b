import { ListAccountsCommand } from '@aws-sdk/client-sso';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase, readMeta } from '../state/database';
import { startTestSandbox } from '../testing/test-sandbox';
import { ssoKit } from './test-kit';

const dataDir = mkdtempSync(join(tmpdir(), 'keyward-sso-upgrade-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('a data dir seeded before Identity Center existed gets the demo instance once, keeping its state', async () => {
  const first = await startTestSandbox({ dataDir });
  await first.stop(false);
  // Make it look like an older data dir: no Identity Center documents, no marker.
  const db = openDatabase(dataDir, { reset: false });
  expect(db.prepare("DELETE FROM documents WHERE kind LIKE 'sso:%'").run().changes).toBeGreaterThan(
    3,
  );
  db.prepare("DELETE FROM meta WHERE key = 'seeded:sso'").run();
  const seededAt = readMeta(db, 'seeded');
  db.close();

  const again = await startTestSandbox({ dataDir });
  try {
    const kit = ssoKit(again);
    const { token } = await kit.signIn();
    const accounts = await kit
      .portal()
      .send(new ListAccountsCommand({ accessToken: token.accessToken }));
    expect(accounts.accountList?.map((a) => a.accountId)).toEqual(['111111111111', '222222222222']);
  } finally {
    await again.stop(false);
  }
  const after = openDatabase(dataDir, { reset: false });
  expect(readMeta(after, 'seeded')).toBe(seededAt);
  expect(readMeta(after, 'seeded:sso')).toBeDefined();
  after.close();
});
