// The validation KMS performs on CreateKey / PutKeyPolicy / ReplicateKey policies
// (reference §2.6.3). The lockout safety check is separate: see wouldLockOut.
import type { PolicyDocument, PrincipalBlock } from './types';
import { parsePolicy } from './parse-policy';
import {
  isValidAwsPrincipal,
  isValidServicePrincipal,
  normaliseAwsPrincipal,
} from './principal-format';

export const MAX_KEY_POLICY_BYTES = 32_768;

export type KeyPolicyErrorCode = 'LimitExceededException' | 'MalformedPolicyDocumentException';

export type KeyPolicyValidation =
  | { readonly ok: true; readonly policy: PolicyDocument }
  | { readonly ok: false; readonly message: string; readonly code: KeyPolicyErrorCode };

const INVALID_PRINCIPALS = 'Policy contains a statement with one or more invalid principals.';
const OVERLY_PERMISSIVE =
  'OverlyPermissiveCondition:EncryptionContext: Using the ForAllValues set operator with a single-valued condition key matches requests without the specified encryption context or with an unspecified encryption context. To fix, remove ForAllValues.';

/** Bytes of the text in UTF-8, the unit of the 32 KB limit. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Printable ASCII, Latin-1 supplement, TAB, LF, CR (the model's pattern). */
function hasOnlyAllowedCharacters(text: string): boolean {
  return /^[\t\n\r\u0020-\u007e\u00a1-\u00ff]*$/.test(text);
}

function principalsValid(
  block: PrincipalBlock | '*' | undefined,
  exists: (arn: string) => boolean,
): boolean {
  if (block === undefined || block === '*') return true;
  const aws = (block.aws ?? []).every(
    (entry) =>
      entry === '*' || (isValidAwsPrincipal(entry) && exists(normaliseAwsPrincipal(entry))),
  );
  return aws && (block.service ?? []).every(isValidServicePrincipal);
}

function usesForAllValuesOnEncryptionContext(policy: PolicyDocument): boolean {
  return policy.statements.some((statement) =>
    Object.entries(statement.condition ?? {}).some(
      ([operator, keys]) =>
        operator.toLowerCase().startsWith('forallvalues:') &&
        Object.keys(keys).some((key) => key.toLowerCase().startsWith('kms:encryptioncontext:')),
    ),
  );
}

function malformed(message: string): KeyPolicyValidation {
  return { ok: false, code: 'MalformedPolicyDocumentException', message };
}

export function validateKeyPolicy(
  text: string,
  principalExists: (arn: string) => boolean,
): KeyPolicyValidation {
  if (utf8Length(text) > MAX_KEY_POLICY_BYTES) {
    return {
      ok: false,
      code: 'LimitExceededException',
      message: `The key policy exceeds the maximum size of ${MAX_KEY_POLICY_BYTES} bytes.`,
    };
  }
  // UNCONFIRMED: AWS may reject other characters with ValidationException (model pattern);
  // we report MalformedPolicyDocumentException.
  if (!hasOnlyAllowedCharacters(text)) {
    return malformed('The key policy contains characters outside printable ASCII and Latin-1.');
  }
  const parsed = parsePolicy(text, 'resource');
  if (!parsed.ok) {
    const first = parsed.errors[0];
    const where = first === undefined || first.path === '' ? '' : `${first.path}: `;
    return malformed(`The new key policy is malformed. ${where}${first?.message ?? ''}`.trim());
  }
  const { policy } = parsed;
  const principalsOk = policy.statements.every(
    (statement) =>
      principalsValid(statement.principal, principalExists) &&
      principalsValid(statement.notPrincipal, principalExists),
  );
  if (!principalsOk) return malformed(INVALID_PRINCIPALS);
  if (usesForAllValuesOnEncryptionContext(policy)) return malformed(OVERLY_PERMISSIVE);
  return { ok: true, policy };
}
