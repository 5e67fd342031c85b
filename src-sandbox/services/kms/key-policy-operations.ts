import { z } from 'zod';
import { defineOperation } from '../define-operation';
import { awsInt } from '../validation';
import { notFound } from './errors';
import { accessKey } from './key-access';
import { checkNewPolicy } from './key-policy-checks';
import { KMS_KEY, scopeOf } from './model';
import { BOOL, KEY_ID, kmsTrailMembers, MARKER, POLICY, POLICY_NAME } from './schemas';

/** Keys have exactly one policy, named `default` (reference §2.5.3). */
function checkPolicyName(name: string | undefined): void {
  // UNCONFIRMED wording for any other name.
  if (name !== undefined && name !== 'default') throw notFound(`Policy ${name} is not found.`);
}

export const getKeyPolicy = defineOperation({
  input: z.object({ KeyId: KEY_ID, PolicyName: POLICY_NAME.optional() }),
  readOnly: true,
  handler: (ctx, input) => {
    checkPolicyName(input.PolicyName);
    const key = accessKey(ctx, input.KeyId, 'GetKeyPolicy');
    return { Policy: key.policy, PolicyName: 'default' };
  },
  responseElements: null,
});

export const putKeyPolicy = defineOperation({
  input: z.object({
    KeyId: KEY_ID,
    PolicyName: POLICY_NAME.optional(),
    Policy: POLICY,
    BypassPolicyLockoutSafetyCheck: BOOL.optional(),
  }),
  handler: (ctx, input) => {
    checkPolicyName(input.PolicyName);
    const key = accessKey(ctx, input.KeyId, 'PutKeyPolicy');
    checkNewPolicy(ctx, input.Policy, key.arn, input.BypassPolicyLockoutSafetyCheck === true);
    ctx.store.put(KMS_KEY, scopeOf(key), key.keyId, { ...key, policy: input.Policy });
    return {};
  },
  requestParameters: (input) => kmsTrailMembers(input),
});

export const listKeyPolicies = defineOperation({
  input: z.object({ KeyId: KEY_ID, Limit: awsInt(1, 1000).optional(), Marker: MARKER }),
  readOnly: true,
  handler: (ctx, input) => {
    accessKey(ctx, input.KeyId, 'ListKeyPolicies');
    return { PolicyNames: ['default'], Truncated: false };
  },
  responseElements: null,
});
