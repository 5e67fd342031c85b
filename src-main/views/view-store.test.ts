import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { savedViewSchema, type SavedViewModel } from '../../src-shared/models/saved-view';
import { silentLogger } from '../log/logger';
import { createViewStore } from './view-store';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function store() {
  const dataDir = mkdtempSync(join(tmpdir(), 'keyward-views-'));
  dirs.push(dataDir);
  return { dataDir, views: createViewStore({ dataDir, logger: silentLogger }) };
}

const view = (name: string, search = ''): SavedViewModel => ({
  name,
  sorting: [{ id: 'aliases', desc: false }],
  filters: [{ id: 'region', value: ['eu-west-1'] }],
  columns: { description: false },
  search,
});

describe('saved views in the data dir', () => {
  it('keeps each table’s views across a new store over the same data dir (a restart)', async () => {
    const { dataDir, views } = store();
    await views.save('keys', view('EU keys'));
    await views.save('snapshots', view('Old'));
    const restarted = createViewStore({ dataDir, logger: silentLogger });
    expect(await restarted.get('keys')).toEqual({ views: [view('EU keys')] });
    expect((await restarted.get('snapshots')).views.map((v) => v.name)).toEqual(['Old']);
  });

  it('replaces a view of the same name and deletes by name', async () => {
    const { views } = store();
    await views.save('keys', view('Mine', 'a'));
    await views.save('keys', view('Other'));
    expect((await views.save('keys', view('Mine', 'b'))).views).toEqual([
      view('Other'),
      view('Mine', 'b'),
    ]);
    expect((await views.remove('keys', 'Other')).views).toEqual([view('Mine', 'b')]);
  });

  it('loses none of 40 views saved at the same time', async () => {
    const { dataDir, views } = store();
    const names = Array.from({ length: 40 }, (_, i) => `View ${i}`);
    await Promise.all(names.map((name) => views.save('keys', view(name))));
    const restarted = createViewStore({ dataDir, logger: silentLogger });
    const saved = (await restarted.get('keys')).views.map((v) => v.name);
    expect(saved.sort()).toEqual([...names].sort());
    expect(readdirSync(dataDir).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses the 51st view of a table and keeps the 50', async () => {
    const { views } = store();
    for (let i = 0; i < 50; i += 1) await views.save('keys', view(`V${i}`));
    await expect(views.save('keys', view('one too many'))).rejects.toThrow(/50 saved views/);
    expect((await views.get('keys')).views).toHaveLength(50);
  });

  it('refuses oversized views at the boundary', () => {
    expect(savedViewSchema.safeParse(view('x'.repeat(61))).success).toBe(false);
    expect(savedViewSchema.safeParse(view('ok', 'x'.repeat(501))).success).toBe(false);
  });

  it('moves a damaged file aside and starts empty instead of failing', async () => {
    const { dataDir, views } = store();
    writeFileSync(join(dataDir, 'views.json'), '{ not json');
    expect(await views.get('keys')).toEqual({ views: [] });
    await views.save('keys', view('Fresh'));
    const file: unknown = JSON.parse(readFileSync(join(dataDir, 'views.json'), 'utf8'));
    expect(file).toEqual({ tables: { keys: [view('Fresh')] } });
    expect(readdirSync(dataDir).some((name) => name.startsWith('views.json.corrupt-'))).toBe(true);
  });
});
