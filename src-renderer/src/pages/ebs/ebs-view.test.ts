import { describe, expect, it } from 'vitest';
import type { CellState } from '../../../../src-shared/models/kms-key';
import { applyEbsPartial, type EbsView } from './ebs-view';

interface Row {
  profileId: string;
  region: string;
  id: string;
  size: number;
}
const idOf = (row: Row) => row.id;
const cell = (region: string, status: CellState['status']): CellState => ({
  profileId: 'prod',
  region,
  profileName: 'Prod',
  status,
  keysListed: 0,
  keysLoaded: 0,
  error: null,
  loadedAt: null,
});
const row = (region: string, id: string, size = 8): Row => ({
  profileId: 'prod',
  region,
  id,
  size,
});

describe('applyEbsPartial', () => {
  it('upserts rows, and on done drops the cell’s rows that are gone — never another cell’s', () => {
    let view: EbsView<Row> = { cells: new Map(), rows: new Map() };
    view = applyEbsPartial(
      view,
      {
        cell: cell('us-east-1', 'loading'),
        rows: [row('us-east-1', 'snap-a'), row('us-east-1', 'snap-b')],
        ids: null,
      },
      idOf,
    );
    view = applyEbsPartial(
      view,
      { cell: cell('us-west-2', 'done'), rows: [row('us-west-2', 'snap-a')], ids: ['snap-a'] },
      idOf,
    );
    view = applyEbsPartial(
      view,
      { cell: cell('us-east-1', 'loading'), rows: [row('us-east-1', 'snap-a', 16)], ids: null },
      idOf,
    );
    expect(view.rows.get('prod|us-east-1|snap-a')?.size).toBe(16);
    view = applyEbsPartial(
      view,
      { cell: cell('us-east-1', 'done'), rows: [], ids: ['snap-a'] },
      idOf,
    );
    expect([...view.rows.keys()]).toEqual(['prod|us-east-1|snap-a', 'prod|us-west-2|snap-a']);
    expect(view.cells.get('prod|us-east-1')?.status).toBe('done');
  });
});
