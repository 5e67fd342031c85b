import { z } from 'zod';
import { grantOperations } from '../../../src-shared/schemas/key-change-input';
import { awsInt, awsString } from '../validation';

/** zod pieces shared by the KMS management operations (model constraints, AWS wording). */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `Member must satisfy enum value set: [${values.join(', ')}]` });
}

export const KEY_ID = awsString(1, 2048);
export const DESCRIPTION = awsString(0, 8192);
export const POLICY = awsString(1, 131072);
export const POLICY_NAME = awsString(1, 128, /^[\w]+$/, '[\\w]+');
export const MARKER = awsString(1, 1024, /^[\u0020-\u00FF]*$/, '[\\u0020-\\u00FF]*').optional();
export const LIMIT = awsInt(1, 1000).optional();
export const BOOL = z.boolean('Member must be a boolean');
export const GRANT_TOKENS = z
  .array(awsString(1, 8192))
  .max(10, 'Member must have length less than or equal to 10')
  .optional();
export const REGION = awsString(1, 32, /^([a-z]+-){2,3}\d+$/, '^([a-z]+-){2,3}\\d+$');

export const TAG = z.object({ TagKey: awsString(1, 128), TagValue: awsString(0, 256) });
export const TAGS = z.array(TAG);

export const KEY_SPECS = [
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
  'SYMMETRIC_DEFAULT',
  'HMAC_224',
  'HMAC_256',
  'HMAC_384',
  'HMAC_512',
  'SM2',
  'ML_DSA_44',
  'ML_DSA_65',
  'ML_DSA_87',
  'ECC_NIST_EDWARDS25519',
] as const;
export const KEY_USAGES = [
  'SIGN_VERIFY',
  'ENCRYPT_DECRYPT',
  'GENERATE_VERIFY_MAC',
  'KEY_AGREEMENT',
] as const;
export const ORIGINS = ['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'] as const;
/** The app's list (src-shared), plus key agreement, which only the sandbox's KMS serves. */
export const GRANT_OPERATIONS = [...grantOperations, 'DeriveSharedSecret'] as const;

/** Marker paging shared by the List* operations: the marker is an opaque offset. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly truncated: boolean;
  readonly nextMarker?: string;
}

export function paginate<T>(
  items: readonly T[],
  marker: string | undefined,
  limit: number,
  onBadMarker: () => Error,
): Page<T> {
  let start = 0;
  if (marker !== undefined) {
    const decoded = /^kw1:(\d+)$/.exec(Buffer.from(marker, 'base64url').toString('utf8'));
    if (!decoded?.[1]) throw onBadMarker();
    start = Number(decoded[1]);
  }
  const page = items.slice(start, start + limit);
  const next = start + limit;
  return next < items.length
    ? { items: page, truncated: true, nextMarker: Buffer.from(`kw1:${next}`).toString('base64url') }
    : { items: page, truncated: false };
}

/** `{ NextMarker?, Truncated }` for a page. */
export const pageFields = (page: Page<unknown>) => ({
  ...(page.nextMarker === undefined ? {} : { NextMarker: page.nextMarker }),
  Truncated: page.truncated,
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** KMS prints dates in CloudTrail responseElements like `Aug 10, 2022, 10:38:27 PM` (UTC). */
export function trailDate(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${h % 12 === 0 ? 12 : h % 12}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** CloudTrail members in KMS style: lower camel case, dates as `trailDate`, blobs dropped. */
export function kmsTrailMembers(value: unknown): unknown {
  if (value instanceof Date) return trailDate(value.getTime());
  if (value instanceof Uint8Array) return undefined;
  if (Array.isArray(value)) return value.map(kmsTrailMembers);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const w = kmsTrailMembers(v);
      if (w !== undefined) out[k.charAt(0).toLowerCase() + k.slice(1)] = w;
    }
    return Object.keys(out).length === 0 ? null : out;
  }
  return value;
}
