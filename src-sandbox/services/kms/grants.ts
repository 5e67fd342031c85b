import { z } from 'zod';
import { defineOperation } from '../define-operation';
import type { ServiceContext } from '../types';
import { awsInt, awsString, awsStringMap } from '../validation';
import {
  dryRunSucceeded,
  invalidMarker,
  kmsError,
  limitExceeded,
  notFound,
  validationError,
} from './errors';
import {
  checkConstraints,
  checkGrantId,
  checkGrantOperations,
  grantView,
  newGrantId,
  sameGrant,
} from './grant-rules';
import { checkGrantTokens, grantIdOfToken, newGrantToken } from './grant-tokens';
import { accessKey, addKeyToTrail, resolveKey } from './key-access';
import { KMS_GRANT, scopeOf, type GrantConstraints, type KmsGrantDoc } from './model';
import {
  BOOL,
  GRANT_OPERATIONS,
  GRANT_TOKENS,
  KEY_ID,
  MARKER,
  oneOf,
  pageFields,
  paginate,
} from './schemas';

const MAX_GRANTS_PER_KEY = 50_000;
const PRINCIPAL = awsString(1, 256, /^[\w+=,.@:/-]+$/, '^[\\w+=,.@:/-]+$');
const EC_MAP = awsStringMap;
const CONSTRAINTS = z
  .object({
    EncryptionContextSubset: EC_MAP.optional(),
    EncryptionContextEquals: EC_MAP.optional(),
    SourceArn: awsString(20, 512).optional(),
  })
  .optional();

function grantContext(grant: Omit<KmsGrantDoc, 'grantId' | 'creationDate'>, ctx: ServiceContext) {
  const ec: Record<string, string> = {
    ...grant.constraints?.EncryptionContextSubset,
    ...grant.constraints?.EncryptionContextEquals,
  };
  const constraintTypes = [
    ...(grant.constraints?.EncryptionContextSubset ? ['EncryptionContextSubset'] : []),
    ...(grant.constraints?.EncryptionContextEquals ? ['EncryptionContextEquals'] : []),
  ];
  return {
    'kms:GranteePrincipal': grant.granteePrincipal,
    'kms:RetiringPrincipal': grant.retiringPrincipal,
    'kms:GrantOperations': [...grant.operations],
    'kms:GrantIsForAWSResource': ctx.invokedBy !== undefined,
    ...(constraintTypes.length > 0 ? { 'kms:GrantConstraintType': constraintTypes } : {}),
    ...Object.fromEntries(Object.entries(ec).map(([k, v]) => [`kms:EncryptionContext:${k}`, v])),
  };
}

export const createGrant = defineOperation({
  input: z.object({
    KeyId: KEY_ID,
    GranteePrincipal: PRINCIPAL.optional(),
    GranteeServicePrincipal: PRINCIPAL.optional(),
    RetiringPrincipal: PRINCIPAL.optional(),
    RetiringServicePrincipal: PRINCIPAL.optional(),
    Operations: z
      .array(oneOf(GRANT_OPERATIONS))
      .min(1, 'Member must have length greater than or equal to 1'),
    Constraints: CONSTRAINTS,
    GrantTokens: GRANT_TOKENS,
    Name: awsString(1, 256, /^[a-zA-Z0-9:/_-]+$/, '^[a-zA-Z0-9:/_-]+$').optional(),
    DryRun: BOOL.optional(),
  }),
  handler: (ctx, input) => {
    const grantee = input.GranteePrincipal ?? input.GranteeServicePrincipal;
    if (grantee === undefined || (input.GranteePrincipal && input.GranteeServicePrincipal)) {
      throw validationError('Specify exactly one of GranteePrincipal and GranteeServicePrincipal.');
    }
    if (input.RetiringPrincipal && input.RetiringServicePrincipal) {
      throw validationError(
        'Specify at most one of RetiringPrincipal and RetiringServicePrincipal.',
      );
    }
    checkGrantTokens(ctx.store, input.GrantTokens);
    const constraints: GrantConstraints | undefined = input.Constraints;
    checkConstraints(constraints);
    const retiring = input.RetiringPrincipal ?? input.RetiringServicePrincipal;
    const draft: Omit<
      KmsGrantDoc,
      'grantId' | 'creationDate' | 'keyId' | 'keyArn' | 'issuingAccount'
    > = {
      ...(input.Name === undefined ? {} : { name: input.Name }),
      granteePrincipal: grantee,
      ...(input.GranteeServicePrincipal ? { granteeService: true } : {}),
      ...(retiring === undefined ? {} : { retiringPrincipal: retiring }),
      operations: [...new Set(input.Operations)],
      ...(constraints && Object.keys(constraints).length > 0 ? { constraints } : {}),
    };
    const key = accessKey(
      ctx,
      input.KeyId,
      'CreateGrant',
      grantContext({ ...draft, keyId: '', keyArn: '', issuingAccount: ctx.account }, ctx),
      (k) => checkGrantOperations(k, draft.operations),
    );
    const full = { ...draft, keyId: key.keyId, keyArn: key.arn, issuingAccount: ctx.account };
    const grants = ctx.store.list(KMS_GRANT, scopeOf(key)).filter((g) => g.keyId === key.keyId);
    const same = input.Name === undefined ? undefined : grants.find((g) => sameGrant(g, full));
    if (!same && grants.length >= MAX_GRANTS_PER_KEY) {
      throw limitExceeded(`${key.arn} has reached the maximum of ${MAX_GRANTS_PER_KEY} grants.`);
    }
    if (input.DryRun === true) throw dryRunSucceeded();
    if (same) return { GrantToken: newGrantToken(same.grantId), GrantId: same.grantId };
    const grantId = newGrantId();
    ctx.store.put(KMS_GRANT, scopeOf(key), grantId, {
      ...full,
      grantId,
      creationDate: ctx.now().getTime(),
    });
    return { GrantToken: newGrantToken(grantId), GrantId: grantId };
  },
  responseElements: (out) => ({ grantId: out.GrantId }),
});

export const listGrants = defineOperation({
  input: z.object({
    KeyId: KEY_ID,
    Limit: awsInt(1, 100).optional(),
    Marker: MARKER,
    GrantId: awsString(1, 128).optional(),
    GranteePrincipal: PRINCIPAL.optional(),
  }),
  readOnly: true,
  handler: (ctx, input) => {
    if (input.GrantId !== undefined) checkGrantId(input.GrantId);
    const key = accessKey(ctx, input.KeyId, 'ListGrants');
    const grants = ctx.store
      .list(KMS_GRANT, scopeOf(key))
      .filter((g) => g.keyId === key.keyId)
      .filter((g) => input.GrantId === undefined || g.grantId === input.GrantId)
      .filter(
        (g) =>
          input.GranteePrincipal === undefined || g.granteePrincipal === input.GranteePrincipal,
      );
    const page = paginate(grants.map(grantView), input.Marker, input.Limit ?? 50, invalidMarker);
    return { Grants: page.items, ...pageFields(page) };
  },
  responseElements: null,
});

export const listRetirableGrants = defineOperation({
  input: z.object({
    RetiringPrincipal: PRINCIPAL.optional(),
    RetiringServicePrincipal: PRINCIPAL.optional(),
    Limit: awsInt(1, 100).optional(),
    Marker: MARKER,
  }),
  readOnly: true,
  handler: (ctx, input) => {
    const retiring = input.RetiringPrincipal ?? input.RetiringServicePrincipal;
    if (retiring === undefined) throw validationError('RetiringPrincipal is required.');
    ctx.authorize('kms:ListRetirableGrants', '*');
    const grants = ctx.store
      .listAll(KMS_GRANT)
      .map((d) => d.value)
      .filter((g) => g.retiringPrincipal === retiring);
    const page = paginate(grants.map(grantView), input.Marker, input.Limit ?? 50, invalidMarker);
    return { Grants: page.items, ...pageFields(page) };
  },
  responseElements: null,
});

/** Who may retire a grant: its retiring principal, its grantee (with RetireGrant), its account. */
function mayRetire(ctx: ServiceContext, grant: KmsGrantDoc): boolean {
  const me = [ctx.caller.arn, ctx.caller.role?.arn, `arn:aws:iam::${ctx.account}:root`];
  if (grant.retiringPrincipal !== undefined && me.includes(grant.retiringPrincipal)) return true;
  if (grant.operations.includes('RetireGrant') && me.includes(grant.granteePrincipal)) return true;
  return (
    grant.issuingAccount === ctx.account && ctx.checkAccess('kms:RetireGrant', grant.keyArn).allowed
  );
}

export const retireGrant = defineOperation({
  input: z.object({
    GrantToken: awsString(1, 8192).optional(),
    KeyId: KEY_ID.optional(),
    GrantId: awsString(1, 128).optional(),
    DryRun: BOOL.optional(),
  }),
  handler: (ctx, input) => {
    let grant: KmsGrantDoc | undefined;
    if (input.GrantToken !== undefined) {
      const grantId = grantIdOfToken(input.GrantToken);
      if (grantId === undefined)
        throw kmsError('InvalidGrantTokenException', 'The grant token is not valid.');
      grant = ctx.store.findById(KMS_GRANT, grantId)?.value;
      if (!grant) throw notFound(`Grant ID ${grantId} not found`);
    } else if (input.KeyId !== undefined && input.GrantId !== undefined) {
      checkGrantId(input.GrantId);
      const key = resolveKey(ctx, input.KeyId, 'RetireGrant');
      grant = ctx.store.get(KMS_GRANT, scopeOf(key), input.GrantId);
      if (!grant || grant.keyId !== key.keyId)
        throw notFound(`Grant ID ${input.GrantId} not found`);
    } else {
      throw validationError('Specify either GrantToken, or KeyId and GrantId.');
    }
    addKeyToTrail(ctx, { arn: grant.keyArn, account: grant.keyArn.split(':')[4] ?? ctx.account });
    if (!mayRetire(ctx, grant)) {
      throw ctx.errors.accessDenied(
        `User: ${ctx.caller.arn} is not authorized to perform: kms:RetireGrant on resource: ${grant.keyArn} because it is not the retiring principal or grantee of the grant`,
      );
    }
    if (input.DryRun === true) throw dryRunSucceeded();
    const [, , , region = '', account = ''] = grant.keyArn.split(':');
    ctx.store.delete(KMS_GRANT, { account, region }, grant.grantId);
    return {};
  },
});

export const revokeGrant = defineOperation({
  input: z.object({ KeyId: KEY_ID, GrantId: awsString(1, 128), DryRun: BOOL.optional() }),
  handler: (ctx, input) => {
    checkGrantId(input.GrantId);
    const key = accessKey(ctx, input.KeyId, 'RevokeGrant');
    const grant = ctx.store.get(KMS_GRANT, scopeOf(key), input.GrantId);
    if (!grant || grant.keyId !== key.keyId) throw notFound(`Grant ID ${input.GrantId} not found`);
    if (input.DryRun === true) throw dryRunSucceeded();
    ctx.store.delete(KMS_GRANT, scopeOf(key), grant.grantId);
    return {};
  },
});
