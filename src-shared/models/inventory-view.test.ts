import { describe, expect, it } from 'vitest';
import { applyInventoryPartial, emptyInventoryView, rowId } from './inventory-view';
import type { CellState, KeyRow } from './kms-key';

const cell = (profileId: string, region: string, status: CellState['status']): CellState => ({
  profileId,
  region,
  profileName: profileId,
  status,
  keysListed: 0,
  keysLoaded: 0,
  error: null,
  loadedAt: null,
});
const row = (profileId: string, region: string, keyId: string, description = ''): KeyRow =>
  ({ profileId, region, keyId, description }) as KeyRow;

describe('applyInventoryPartial', () => {
  it('upserts rows per cell, keeps their order, and drops rows of keys a done cell no longer has', () => {
    let view = applyInventoryPartial(emptyInventoryView, {
      cell: cell('prod', 'us-east-1', 'loading'),
      rows: [row('prod', 'us-east-1', 'a'), row('prod', 'us-east-1', 'b')],
      keyIds: null,
    });
    view = applyInventoryPartial(view, {
      cell: cell('backup', 'us-east-1', 'done'),
      rows: [row('backup', 'us-east-1', 'a')],
      keyIds: ['a'],
    });
    view = applyInventoryPartial(view, {
      cell: cell('prod', 'us-east-1', 'done'),
      rows: [row('prod', 'us-east-1', 'a', 'changed')],
      keyIds: ['a'],
    });
    expect([...view.rows.keys()]).toEqual(['prod|us-east-1|a', 'backup|us-east-1|a']);
    expect(
      view.rows.get(rowId({ profileId: 'prod', region: 'us-east-1', keyId: 'a' }))?.description,
    ).toBe('changed');
    expect(view.cells.get('prod|us-east-1')?.status).toBe('done');
  });

  it('keeps the rows of a cell that failed', () => {
    let view = applyInventoryPartial(emptyInventoryView, {
      cell: cell('prod', 'eu-west-1', 'done'),
      rows: [row('prod', 'eu-west-1', 'a')],
      keyIds: ['a'],
    });
    view = applyInventoryPartial(view, {
      cell: cell('prod', 'eu-west-1', 'failed'),
      rows: [],
      keyIds: null,
    });
    expect(view.rows.size).toBe(1);
    expect(view.cells.get('prod|eu-west-1')?.status).toBe('failed');
  });
});
