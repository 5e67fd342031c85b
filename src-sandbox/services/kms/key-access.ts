import type { ContextValue, GrantForEvaluation } from '../../../src-shared/policy';
import { parsePolicyCached } from '../../identity/identity-policies';
import type { TrailResource } from '../../trail/types';
import type { AuthorizeOptions, ServiceContext } from '../types';
import type { KeyAccessContext, UsableKey } from './key-access-types';
import { invalidArn, keyNotFound, kmsError, notFound } from './errors';
import { findKey, parseKeyRef, type KeyRefForms } from './key-resolver';
import { requireState } from './key-state';
import { aliasArnOf, KMS_GRANT, KMS_KEY_USAGE, keyArnOf, scopeOf, type KmsKeyDoc } from './model';
import { chargeKeyUse } from './request-quotas';

export type KeyContext = Readonly<Record<string, ContextValue | undefined>>;

export type { UsableKey } from './key-access-types';

/** Operations that work on another account's key, named by ARN (reference §2.1). */
const CROSS_ACCOUNT = new Set([
  'Encrypt',
  'Decrypt',
  'ReEncrypt',
  'ReEncryptFrom',
  'ReEncryptTo',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'Sign',
  'Verify',
  'GenerateMac',
  'VerifyMac',
  'GetPublicKey',
  'DeriveSharedSecret',
  'DescribeKey',
  'CreateGrant',
  'ListGrants',
  'RetireGrant',
  'RevokeGrant',
  'GetKeyRotationStatus',
]);

/** Operations whose KeyId may also be an alias name or alias ARN. */
const ALIAS_FORMS = new Set([...CROSS_ACCOUNT].filter((op) => !/Grant|Rotation/.test(op)));

/** `GetKeyLastUsage` operation names (KeyLastUsageTrackingOperation). */
const TRACKED: Readonly<Record<string, string>> = {
  Encrypt: 'Encrypt',
  Decrypt: 'Decrypt',
  ReEncrypt: 'ReEncrypt',
  ReEncryptFrom: 'ReEncrypt',
  ReEncryptTo: 'ReEncrypt',
  GenerateDataKey: 'GenerateDataKey',
  GenerateDataKeyWithoutPlaintext: 'GenerateDataKeyWithoutPlaintext',
  GenerateDataKeyPair: 'GenerateDataKeyPair',
  GenerateDataKeyPairWithoutPlaintext: 'GenerateDataKeyPairWithoutPlaintext',
  GenerateMac: 'GenerateMac',
  VerifyMac: 'VerifyMac',
  Sign: 'Sign',
  Verify: 'Verify',
  DeriveSharedSecret: 'DeriveSharedSecret',
};

const trailState = new WeakMap<
  ServiceContext,
  { resources: TrailResource[]; accounts: string[] }
>();

/** Adds the key to this call's CloudTrail resources (and the owner's trail when cross-account). */
export function addKeyToTrail(ctx: ServiceContext, key: Pick<KmsKeyDoc, 'arn' | 'account'>): void {
  let state = trailState.get(ctx);
  if (!state) {
    state = { resources: [], accounts: [] };
    trailState.set(ctx, state);
  }
  if (!state.resources.some((r) => r.ARN === key.arn)) {
    state.resources.push({ accountId: key.account, type: 'AWS::KMS::Key', ARN: key.arn });
  }
  if (key.account !== ctx.account && !state.accounts.includes(key.account)) {
    state.accounts.push(key.account);
  }
  ctx.describeEvent({ resources: [...state.resources], alsoRecordIn: [...state.accounts] });
}

/** The key's grants as the evaluator wants them. */
export function grantsOf(ctx: ServiceContext, key: KmsKeyDoc): GrantForEvaluation[] {
  return ctx.store
    .list(KMS_GRANT, scopeOf(key))
    .filter((g) => g.keyId === key.keyId)
    .map((g) => ({
      grantId: g.grantId,
      granteePrincipal: g.granteePrincipal,
      operations: g.operations,
      ...(g.constraints
        ? {
            constraints: {
              ...(g.constraints.EncryptionContextSubset
                ? { encryptionContextSubset: g.constraints.EncryptionContextSubset }
                : {}),
              ...(g.constraints.EncryptionContextEquals
                ? { encryptionContextEquals: g.constraints.EncryptionContextEquals }
                : {}),
            },
          }
        : {}),
    }));
}

/**
 * Parsed key policy per key document. Stored documents are frozen and replaced (never mutated)
 * on change, so a document's `policy` text is fixed for its lifetime: this saves hashing the
 * whole policy text for the text-keyed cache on every call.
 */
const keyPolicies = new WeakMap<KmsKeyDoc, ReturnType<typeof parsePolicyCached>>();

function keyPolicyOf(key: KmsKeyDoc): ReturnType<typeof parsePolicyCached> {
  if (!Object.isFrozen(key)) return parsePolicyCached(key.policy, 'resource');
  if (keyPolicies.has(key)) return keyPolicies.get(key);
  const policy = parsePolicyCached(key.policy, 'resource');
  keyPolicies.set(key, policy);
  return policy;
}

/** Key policy as gatekeeper, plus the key's grants (reference §2.7, §4.5). */
export function keyAuthorizeOptions(ctx: ServiceContext, key: KmsKeyDoc): AuthorizeOptions {
  const policy = keyPolicyOf(key);
  return {
    ...(policy ? { resourcePolicy: policy } : {}),
    resourcePolicyIsGatekeeper: true,
    resourceAccount: key.account,
    grants: grantsOf(ctx, key),
  };
}

/** Context keys KMS adds about the key and the calling service. */
export function keyContext(
  ctx: ServiceContext,
  key: KmsKeyDoc,
  extra: KeyContext = {},
): KeyContext {
  const via = ctx.invokedBy?.replace(
    /^([a-z0-9-]+)\.amazonaws\.com$/,
    `$1.${ctx.region}.amazonaws.com`,
  );
  return {
    'kms:KeySpec': key.keySpec,
    'kms:KeyUsage': key.keyUsage,
    'kms:KeyOrigin': key.origin,
    'kms:KeyManager': key.keyManager,
    'kms:MultiRegion': key.multiRegion !== undefined,
    ...(via === undefined ? {} : { 'kms:ViaService': via }),
    ...extra,
  };
}

/** Authorises `kms:<operation>` on the key for the caller; throws AccessDeniedException. */
export function authorizeKey(
  ctx: ServiceContext,
  key: KmsKeyDoc,
  operation: string,
  context: KeyContext = {},
): void {
  ctx.authorize(
    `kms:${operation}`,
    key.arn,
    keyContext(ctx, key, context),
    keyAuthorizeOptions(ctx, key),
  );
}

/**
 * Resolves the KeyId parameter of `operation` (forms and cross-account rules of reference §2.1)
 * to a live key of the caller's region. Another account's key is refused for operations that
 * are not cross-account (AccessDeniedException — UNCONFIRMED, reference §2.1).
 */
export function resolveKey(
  ctx: ServiceContext,
  keyRef: string,
  operation: string,
  forms: KeyRefForms = ALIAS_FORMS.has(operation) ? 'any' : 'id-or-arn',
): KmsKeyDoc {
  const ref = parseKeyRef(keyRef, ctx.account, ctx.region, forms);
  if (ref.account !== ctx.account && !CROSS_ACCOUNT.has(operation)) {
    throw ctx.errors.accessDenied(
      `User: ${ctx.caller.arn} is not authorized to perform: kms:${operation} on resource: ${ref.arn} because no resource-based policy allows the kms:${operation} action`,
    );
  }
  if (ref.region !== ctx.region) {
    throw ref.kind === 'alias'
      ? notFound(`Alias ${aliasArnOf(ref.region, ref.account, ref.name)} is not found.`)
      : keyNotFound(keyArnOf(ref.region, ref.account, ref.name));
  }
  return findKey(ctx, ref);
}

/** Resolve, authorise, check state, add to the trail: the common start of every key operation. */
export function accessKey(
  ctx: ServiceContext,
  keyRef: string,
  operation: string,
  context: KeyContext = {},
  beforeStateCheck?: (key: KmsKeyDoc) => void,
): KmsKeyDoc {
  const key = resolveKey(ctx, keyRef, operation);
  addKeyToTrail(ctx, key);
  authorizeKey(ctx, key, operation, context);
  beforeStateCheck?.(key);
  requireState(key, operation);
  return key;
}

/** Remembers a cryptographic use of the key for GetKeyLastUsage. */
export function recordUsage(ctx: ServiceContext, key: KmsKeyDoc, operation: string): void {
  const tracked = TRACKED[operation];
  if (tracked === undefined) return;
  ctx.store.put(KMS_KEY_USAGE, scopeOf(key), key.keyId, {
    operation: tracked,
    timestamp: ctx.now().getTime(),
    requestId: ctx.requestId,
  });
}

function toUsable(ctx: ServiceContext, key: KmsKeyDoc, operation: string): UsableKey {
  chargeKeyUse(ctx, key);
  recordUsage(ctx, key, operation);
  return {
    arn: key.arn,
    keyId: key.keyId,
    account: key.account,
    region: key.region,
    keySpec: key.keySpec,
    keyUsage: key.keyUsage,
    currentMaterialId: key.currentMaterialId,
    material: (materialId) => key.materials[materialId]?.material,
  };
}

/**
 * Resolves a key id / key ARN / alias name / alias ARN (another account's key needs a key ARN
 * or alias ARN), authorises `kms:<operation>` for the caller (key policy as gatekeeper + IAM +
 * grants; `context` merged over ctx.baseContext()), checks the key state allows `operation`
 * (DisabledException, KMSInvalidStateException, NotFoundException …), records last usage for
 * GetKeyLastUsage and adds the key to the call's CloudTrail resources (also recorded in the
 * key owner's account for cross-account use).
 */
export function useKey(
  ctx: ServiceContext,
  keyRef: string,
  operation: string,
  context?: KeyAccessContext,
): UsableKey {
  return toUsable(ctx, accessKey(ctx, keyRef, operation, context), operation);
}

/**
 * For Decrypt without KeyId: the key named by the ARN in the ciphertext blob; same checks.
 * A multi-Region key's ciphertext is decrypted by the related key of the caller's region.
 */
export function useKeyByArn(
  ctx: ServiceContext,
  keyArn: string,
  operation: string,
  context?: KeyAccessContext,
): UsableKey {
  const m = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):(\d{12}):key\/(.+)$/.exec(keyArn);
  if (!m?.[1] || !m[2] || !m[3]) throw invalidArn(keyArn);
  let arn = keyArn;
  if (m[1] !== ctx.region) {
    if (!m[3].startsWith('mrk-')) {
      // UNCONFIRMED message; single-Region ciphertext cannot be decrypted in another region.
      throw kmsError('InvalidCiphertextException', '');
    }
    arn = keyArnOf(ctx.region, m[2], m[3]);
  }
  return useKey(ctx, arn, operation, context);
}

/** The ARN of the key `keyRef` names (no authorisation, no state check); undefined if none. */
export function namedKeyArn(
  ctx: ServiceContext,
  keyRef: string,
  operation: string,
): string | undefined {
  try {
    return resolveKey(ctx, keyRef, operation).arn;
  } catch {
    return undefined;
  }
}

/** Checks GrantTokens (well-formed tokens of existing grants) — InvalidGrantTokenException. */
export { checkGrantTokens } from './grant-tokens';
