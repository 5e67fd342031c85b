import { describe, expect, it } from 'vitest';
import type { DataColumn } from './data-table-types';
import { exportFileName, toCsv, toJson } from './export-rows';

interface Row {
  name: string;
  count: number | null;
  tags: string[];
}

const columns: DataColumn<Row>[] = [
  { id: 'name', header: 'Name, alias', value: (row) => row.name, width: 100 },
  { id: 'count', header: 'Count', value: (row) => row.count, width: 100 },
  {
    id: 'tags',
    header: 'Tags',
    value: (row) => row.tags.length,
    exportValue: (row) => row.tags.join('; '),
    width: 100,
  },
];

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks, and ends every line with CRLF', () => {
    const csv = toCsv(columns, [{ name: 'say "hi"\nthere', count: 2, tags: ['a=1', 'b'] }]);
    expect(csv).toBe('"Name, alias",Count,Tags\r\n"say ""hi""\nthere",2,a=1; b\r\n');
  });

  it.each(['=1+2', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])(
    'keeps %j from running as a formula',
    (name) => {
      const cell = toCsv(columns, [{ name, count: null, tags: [] }]).split('\r\n')[1]!;
      expect(cell.replace(/^"/, '').startsWith(`'`)).toBe(true);
    },
  );

  it('leaves an empty value empty', () => {
    expect(toCsv(columns, [{ name: 'x', count: null, tags: [] }])).toBe(
      '"Name, alias",Count,Tags\r\nx,,\r\n',
    );
  });
});

describe('toJson', () => {
  it('keys each row by column id and keeps numbers as numbers', () => {
    expect(JSON.parse(toJson(columns, [{ name: '=x', count: 3, tags: ['t'] }]))).toEqual([
      { name: '=x', count: 3, tags: 't' },
    ]);
  });
});

describe('exportFileName', () => {
  it('names the rows and the day', () => {
    expect(exportFileName('keys', 'csv', new Date('2026-12-03T04:00:00Z'))).toBe(
      'keys-2026-12-03.csv',
    );
  });
});
