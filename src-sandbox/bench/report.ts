/** One benchmark figure with its target. `pass` undefined: not measured (see `note`). */
export interface Figure {
  readonly name: string;
  readonly value?: number;
  readonly unit: string;
  /** e.g. `≥ 2000 ops/s`, `< 50 ms` */
  readonly target?: string;
  readonly pass?: boolean;
  readonly note?: string;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

export function summarize(samples: readonly number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

export const atLeast = (
  name: string,
  value: number,
  target: number,
  unit: string,
  note?: string,
): Figure => ({
  name,
  value,
  unit,
  target: `≥ ${target} ${unit}`,
  pass: value >= target,
  ...(note === undefined ? {} : { note }),
});

export const below = (
  name: string,
  value: number,
  target: number,
  unit: string,
  note?: string,
): Figure => ({
  name,
  value,
  unit,
  target: `< ${target} ${unit}`,
  pass: value < target,
  ...(note === undefined ? {} : { note }),
});

export const info = (name: string, value: number, unit: string, note?: string): Figure => ({
  name,
  value,
  unit,
  ...(note === undefined ? {} : { note }),
});

export const skipped = (name: string, note: string): Figure => ({ name, unit: '', note });

function format(value: number | undefined): string {
  if (value === undefined) return '—';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** Prints `PASS/MISS/INFO/SKIP  name  value unit  (target)  note`. */
export function printFigures(title: string, figures: readonly Figure[]): void {
  console.log(`\n== ${title}`);
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const f of figures) {
    const verdict =
      f.value === undefined ? 'SKIP' : f.pass === undefined ? 'INFO' : f.pass ? 'PASS' : 'MISS';
    const value = f.value === undefined ? '' : `${format(f.value)} ${f.unit}`;
    const target = f.target ? `  (target ${f.target})` : '';
    const note = f.note ? `  — ${f.note}` : '';
    console.log(`${verdict}  ${f.name.padEnd(width)}  ${value.padStart(14)}${target}${note}`);
  }
}
