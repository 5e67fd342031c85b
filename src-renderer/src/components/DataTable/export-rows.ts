import type { DataColumn } from './data-table-types';

/** The text a column exports for a row: its export value, else its plain value. */
export function exportText<Row>(column: DataColumn<Row>, row: Row): string {
  if (column.exportValue) return column.exportValue(row);
  const value = column.value(row);
  return value === null ? '' : String(value);
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as
 * a formula: a key description such as `=HYPERLINK(...)` must stay text (OWASP "CSV injection").
 */
function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  const safe = neutralise(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180: a header line, then one line per row, CRLF between lines. */
export function toCsv<Row>(columns: readonly DataColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((column) => quote(column.header))];
  for (const row of rows) lines.push(columns.map((column) => quote(exportText(column, row))));
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

/** One object per row, keyed by column id, with the plain values (numbers stay numbers). */
export function toJson<Row>(columns: readonly DataColumn<Row>[], rows: readonly Row[]): string {
  const objects = rows.map((row) =>
    Object.fromEntries(
      columns.map((column) => [
        column.id,
        column.exportValue ? column.exportValue(row) : column.value(row),
      ]),
    ),
  );
  return JSON.stringify(objects, null, 2) + '\n';
}

/** Saves `text` as a file the way a link with `download` does (a Save dialog in Electron). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has read the blob by the next turn; keep the URL a little longer to be safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "keys-2026-12-03.csv": the rows' name and today's date. */
export function exportFileName(base: string, extension: 'csv' | 'json', now = new Date()): string {
  return `${base}-${now.toISOString().slice(0, 10)}.${extension}`;
}
