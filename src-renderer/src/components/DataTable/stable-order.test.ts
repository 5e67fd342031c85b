import { describe, expect, it } from 'vitest';
import { stableOrder } from './stable-order';

interface Row {
  id: string;
  name: string;
  demo: boolean;
  status: string;
}

const order = {
  group: (row: Row) => (row.demo ? 0 : 1),
  name: (row: Row) => row.name,
  id: (row: Row) => row.id,
};

const rows: Row[] = [
  { id: 'c', name: 'key-10', demo: false, status: 'verified' },
  { id: 'a', name: 'Sandbox · prod', demo: true, status: 'verified' },
  { id: 'b', name: 'key-2', demo: false, status: 'failed' },
  { id: 'e', name: 'Key-2', demo: false, status: 'verified' },
  { id: 'd', name: 'Sandbox · backup', demo: true, status: 'verified' },
];

describe('stableOrder', () => {
  it('puts lower groups first, then names as people sort them, then ids', () => {
    expect(stableOrder(rows, order).map((row) => row.id)).toEqual(['d', 'a', 'b', 'e', 'c']);
  });

  it('gives the same order whatever order the host answered in, and whatever the status', () => {
    const reversed = [...rows].reverse().map((row) => ({ ...row, status: 'unverified' }));
    expect(stableOrder(reversed, order).map((row) => row.id)).toEqual(
      stableOrder(rows, order).map((row) => row.id),
    );
  });

  it('returns a new array and leaves the input alone', () => {
    const input = [...rows];
    const sorted = stableOrder(input, order);
    expect(sorted).not.toBe(input);
    expect(input.map((row) => row.id)).toEqual(rows.map((row) => row.id));
  });

  it('sorts by name and id alone without a group', () => {
    const { group: _group, ...noGroup } = order;
    expect(stableOrder(rows, noGroup).map((row) => row.name)[0]).toBe('key-2');
  });
});
