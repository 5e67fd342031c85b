import { KeywardError } from '../../../src-shared/errors';
import { readRawPolicy, type RawPolicy } from '../../../src-shared/policy/key-policy/raw-policy';

export function read(policy: string): RawPolicy {
  const raw = readRawPolicy(policy);
  if (!raw.ok) {
    throw new KeywardError(
      'validation',
      `The key policy cannot be read: ${raw.errors.map((e) => e.message).join(' ')}`,
    );
  }
  return raw.value;
}

export const emit = (raw: RawPolicy, statements: readonly unknown[]) =>
  JSON.stringify({ ...raw.header, Statement: statements }, null, 2);

export function hasStatement(policy: string, sid: string): boolean {
  return read(policy).rawStatements.some((s) => s['Sid'] === sid);
}

/** The policy with `statement` added last; the other statements stay as written. */
export function withStatement(
  policy: string,
  statement: Readonly<Record<string, unknown>>,
): string {
  const raw = read(policy);
  return emit(raw, [...raw.rawStatements.filter((s) => s['Sid'] !== statement['Sid']), statement]);
}

/** The policy without the statement named `sid` (the one Keyward added). */
export function withoutStatement(policy: string, sid: string): string {
  const raw = read(policy);
  return emit(
    raw,
    raw.rawStatements.filter((s) => s['Sid'] !== sid),
  );
}
