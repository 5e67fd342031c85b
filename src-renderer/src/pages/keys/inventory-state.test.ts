import { describe, expect, it } from 'vitest';
import type { CellState, KeyRow } from '../../../../src-shared/models/kms-key';
import { applyPartial, cellsInScope, emptyInventory, fromList, rowKey } from './inventory-state';

const cell = (region: string, status: CellState['status']): CellState => ({
  profileId: 'sandbox:prod',
  profileName: 'Sandbox · prod',
  region,
  status,
  keysListed: 0,
  keysLoaded: 0,
  error: null,
  loadedAt: null,
});

const row = (region: string, keyId: string): KeyRow =>
  ({ profileId: 'sandbox:prod', region, keyId, aliases: [`alias/${keyId}`] }) as unknown as KeyRow;

describe('inventory state', () => {
  it('upserts streamed rows per cell and leaves other cells alone', () => {
    let state = fromList([cell('eu-west-1', 'done')], [row('eu-west-1', 'k9')]);
    state = applyPartial(state, {
      cell: cell('us-east-1', 'loading'),
      rows: [row('us-east-1', 'k1'), row('us-east-1', 'k2')],
      keyIds: null,
    });
    expect([...state.rows.keys()]).toEqual([
      'sandbox:prod|eu-west-1|k9',
      'sandbox:prod|us-east-1|k1',
      'sandbox:prod|us-east-1|k2',
    ]);
    expect(state.cells.get('sandbox:prod|us-east-1')?.status).toBe('loading');
  });

  it('drops the rows of keys a finished cell no longer has', () => {
    let state = applyPartial(emptyInventory, {
      cell: cell('us-east-1', 'loading'),
      rows: [row('us-east-1', 'k1'), row('us-east-1', 'k2')],
      keyIds: null,
    });
    state = applyPartial(state, { cell: cell('us-east-1', 'done'), rows: [], keyIds: ['k2'] });
    expect([...state.rows.values()].map(rowKey)).toEqual(['sandbox:prod|us-east-1|k2']);
  });

  it('shows cells of the scope not started yet as waiting, in the scope order', () => {
    const state = fromList([cell('us-east-1', 'failed')], []);
    const cells = cellsInScope(
      state,
      [
        { profileId: 'sandbox:backup', region: 'us-east-1' },
        { profileId: 'sandbox:prod', region: 'us-east-1' },
      ],
      () => 'Sandbox · backup',
    );
    expect(cells.map((one) => [one.profileName, one.status])).toEqual([
      ['Sandbox · backup', 'pending'],
      ['Sandbox · prod', 'failed'],
    ]);
  });
});
