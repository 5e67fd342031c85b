import { z } from 'zod';

/**
 * zod helpers that produce AWS's constraint wording, so a failed parse reads like
 * `1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy constraint:
 * Member must satisfy regular expression pattern: [\w+=,.@-]*`.
 */
export function awsString(min: number, max: number, pattern?: RegExp, patternText?: string) {
  let s = z
    .string()
    .min(min, `Member must have length greater than or equal to ${min}`)
    .max(max, `Member must have length less than or equal to ${max}`);
  if (pattern) {
    s = s.regex(
      pattern,
      `Member must satisfy regular expression pattern: ${patternText ?? pattern.source}`,
    );
  }
  return s;
}

/** Integer that may arrive as text (query protocols). */
export function awsInt(min: number, max: number) {
  return z.coerce
    .number()
    .int('Member must be an integer')
    .min(min, `Member must have value greater than or equal to ${min}`)
    .max(max, `Member must have value less than or equal to ${max}`);
}

/** `true`/`false` as text (query) or JSON boolean. */
export const awsBool = z.preprocess(
  (v) => (v === 'true' ? true : v === 'false' ? false : v),
  z.boolean('Member must be a boolean'),
);

/** Padded standard-alphabet base64, as the AWS JSON deserialiser reads a blob. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Marks an issue as a deserialisation failure: `SerializationException`, never a validation error. */
const SERIALIZATION_ISSUE = 'serialization';

/**
 * A blob member of an awsJson service: base64 text, decoded. Node's own decoder would skip
 * stray characters and missing padding and hand the handler garbage; AWS refuses the request.
 * The length limits stay with the handlers (an empty string is valid base64 of no bytes).
 */
export const awsBlob = z.string().transform((text, ctx) => {
  if (BASE64.test(text)) return Buffer.from(text, 'base64');
  ctx.issues.push({
    code: 'custom',
    input: text,
    message: 'not valid base64',
    params: { kind: SERIALIZATION_ISSUE },
  });
  return z.NEVER;
});

/** The first issue that is a deserialisation failure, if any. */
export function serializationIssue(
  issues: readonly z.core.$ZodIssue[],
): z.core.$ZodIssue | undefined {
  return issues.find(
    (issue) => issue.code === 'custom' && issue.params?.['kind'] === SERIALIZATION_ISSUE,
  );
}

/** A list that may arrive as `Name=` (empty awsQuery list) or be absent. */
export function awsList<T extends z.ZodType>(item: T, max = 1000) {
  return z.preprocess(
    (v) => (v === '' ? [] : v),
    z.array(item).max(max, `Member must have length less than or equal to ${max}`),
  );
}

function lowerFirst(key: string): string {
  return key.length === 0 ? key : (key[0]?.toLowerCase() ?? '') + key.slice(1);
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = raw;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** AWS-style text for a failed zod parse. */
export function validationMessage(issues: readonly z.core.$ZodIssue[], raw: unknown): string {
  const parts = issues.map((issue) => {
    const where = issue.path
      .map((p) => (typeof p === 'string' ? lowerFirst(p) : String(p)))
      .join('.');
    const value = valueAt(raw, issue.path);
    if (value === undefined || value === null) {
      return `Value null at '${where}' failed to satisfy constraint: Member must not be null`;
    }
    const shown = typeof value === 'string' ? value : JSON.stringify(value);
    const rule = issue.message.startsWith('Member must')
      ? issue.message
      : `Member must be valid (${issue.message})`;
    return `Value '${shown}' at '${where}' failed to satisfy constraint: ${rule}`;
  });
  const n = parts.length;
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${parts.join('; ')}`;
}

/**
 * A map of strings with every key kept as sent — `__proto__` included, which zod's `record`
 * drops (an encryption context without one of its keys would decrypt under a different context).
 * The result's keys are own data properties.
 */
export const awsStringMap = z.unknown().transform((value, ctx): Record<string, string> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: 'Member must be a map of strings' });
    return z.NEVER;
  }
  const entries = Object.entries(value);
  if (entries.some(([, v]) => typeof v !== 'string')) {
    ctx.addIssue({ code: 'custom', message: 'Member must be a map of strings' });
    return z.NEVER;
  }
  return Object.fromEntries(entries) as Record<string, string>;
});
