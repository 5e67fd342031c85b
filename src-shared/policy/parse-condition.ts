// `Condition`: `{ "<Operator>": { "<key>": value | [values] } }`.
import type { ConditionBlock } from './types';
import { parseOperatorName } from './condition-operator-name';
import { childPath, isRecord, readConditionValues, type Problems } from './parse-values';

export function parseCondition(
  value: unknown,
  path: string,
  problems: Problems,
): ConditionBlock | undefined {
  if (!isRecord(value)) {
    problems.add(path, 'Must be an object of condition operators.');
    return undefined;
  }
  const block: Record<string, Record<string, readonly string[]>> = {};
  for (const [operator, keys] of Object.entries(value)) {
    const opPath = childPath(path, operator);
    if (parseOperatorName(operator) === undefined) {
      problems.add(opPath, `Unknown condition operator ${operator}.`);
      continue;
    }
    if (!isRecord(keys) || Object.keys(keys).length === 0) {
      problems.add(opPath, 'Must be an object mapping condition keys to values.');
      continue;
    }
    const entries: [string, readonly string[]][] = [];
    for (const [key, raw] of Object.entries(keys)) {
      const values = readConditionValues(raw, childPath(opPath, key), problems);
      if (values !== undefined) entries.push([key, values]);
    }
    // fromEntries keeps a key named `__proto__` (assigning it would set the prototype and
    // silently drop the condition, widening the statement).
    block[operator] = Object.fromEntries(entries);
  }
  return block;
}
