import { describe, expect, it } from 'vitest';
import type { CellState } from '../../../../src-shared/models/kms-key';
import { cellsInScope, fromList } from './inventory-state';

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

describe('inventory state', () => {
  it('reads what keys.list remembered, and shows cells of the scope not started yet as waiting, in the scope order', () => {
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
