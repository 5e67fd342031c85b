import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { materialFrom, wipe } from './import-material';
import { errorOf } from './testing/key-test-kit';

const dir = mkdtempSync(join(tmpdir(), 'keyward-material-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('key material for import', () => {
  it('makes 256 random bits, a buffer of its own that wipe zeroes', async () => {
    const a = await materialFrom({ kind: 'generate' });
    const b = await materialFrom({ kind: 'generate' });
    expect(a).toHaveLength(32);
    expect(a.equals(b)).toBe(false);
    // Its own memory, not a slice of a shared pool that would keep a copy after wiping.
    expect(a.byteOffset).toBe(0);
    expect(a.buffer.byteLength).toBe(32);
    wipe(a);
    expect(a.every((byte) => byte === 0)).toBe(true);
  });

  it('reads exactly 32 bytes from a file, and refuses other sizes or a missing file', async () => {
    const bytes = randomBytes(32);
    const good = join(dir, 'key.bin');
    writeFileSync(good, bytes);
    expect((await materialFrom({ kind: 'file', path: good })).equals(bytes)).toBe(true);
    const short = join(dir, 'short.bin');
    writeFileSync(short, bytes.subarray(0, 16));
    const refused = await errorOf(materialFrom({ kind: 'file', path: short }));
    expect(refused.code).toBe('validation');
    expect(refused.message).toContain('16 bytes');
    expect(refused.message).not.toContain(bytes.subarray(0, 16).toString('hex'));
    const missing = await errorOf(materialFrom({ kind: 'file', path: join(dir, 'nope') }));
    expect(missing).toMatchObject({ code: 'not-found' });
    expect(missing.message).toContain('ENOENT');
  });
});
