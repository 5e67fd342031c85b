// Small helpers for the parser: a problem collector and "string or array of strings" readers.
import type { PolicyProblem } from './types';

export class Problems {
  readonly list: PolicyProblem[] = [];

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function childPath(parent: string, field: string): string {
  return parent === '' ? field : `${parent}.${field}`;
}

/** Reads a string or a non-empty array of strings into an array; reports and returns undefined otherwise. */
export function readStringList(
  value: unknown,
  path: string,
  problems: Problems,
): readonly string[] | undefined {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) {
    problems.add(path, 'Must be a string or an array of strings.');
    return undefined;
  }
  if (value.length === 0) {
    problems.add(path, 'Must not be an empty array.');
    return undefined;
  }
  const out: string[] = [];
  value.forEach((item, i) => {
    if (typeof item === 'string') out.push(item);
    else problems.add(`${path}[${i}]`, 'Must be a string.');
  });
  return out.length === value.length ? out : undefined;
}

/** Condition values: strings, numbers and booleans (or arrays of them), normalised to strings. */
export function readConditionValues(
  value: unknown,
  path: string,
  problems: Problems,
): readonly string[] | undefined {
  const scalar = (item: unknown): string | undefined =>
    typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean'
      ? String(item)
      : undefined;
  const single = scalar(value);
  if (single !== undefined) return [single];
  if (!Array.isArray(value) || value.length === 0) {
    problems.add(path, 'Must be a string, number, boolean or a non-empty array of them.');
    return undefined;
  }
  const out = value.map(scalar);
  const bad = out.findIndex((item) => item === undefined);
  if (bad >= 0) {
    problems.add(`${path}[${bad}]`, 'Must be a string, number or boolean.');
    return undefined;
  }
  return out.filter((item): item is string => item !== undefined);
}
