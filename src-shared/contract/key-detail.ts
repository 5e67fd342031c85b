import { z } from 'zod';
import { policyVersionsSchema } from '../models/key-changes';
import { keyDetailSchema } from '../models/key-detail';
import { keyActivityResultSchema } from '../models/key-activity';
import { deletionImpactSchema, keyUsageSchema } from '../models/key-usage';
import { principalPoliciesSchema } from '../models/principal-policies';
import { regionCode } from '../schemas/regions';
import { keyRef } from '../schemas/key-ref';
import { invoke } from './define';

/** Where to look for resources that use a key: profiles × regions (default: the key's own). */
const usageInput = z
  .object({
    ...keyRef.shape,
    scope: z
      .array(z.object({ profileId: z.string().min(1).max(200), region: regionCode }).strict())
      .max(100)
      .optional(),
  })
  .strict();

export const keyDetailCalls = {
  'keys.detail': invoke({
    summary:
      'One key in full: metadata, policy, rotation and its history, aliases, tags, grants, public key (PEM), multi-Region roles; each part fails on its own.',
    input: keyRef,
    output: keyDetailSchema,
  }),
  'keys.usage': invoke({
    summary:
      'Volumes, owned snapshots and owned AMIs in the scope (profiles × regions) encrypted with this key, found through EC2.',
    input: usageInput,
    output: keyUsageSchema,
  }),
  'keys.deletionImpact': invoke({
    summary:
      'What deleting the key would break: its usage, where it is the default EBS key, and the aliases pointing at it.',
    input: usageInput,
    output: deletionImpactSchema,
  }),
  'keys.activity': invoke({
    summary:
      "The key's calls recorded in CloudTrail's event history over the last `days` days (LookupEvents by key ARN, at most 10 pages of 50): counts, the last call, top operations and callers; or why CloudTrail could not be read.",
    input: z.object({ ...keyRef.shape, days: z.number().int().min(1).max(90) }).strict(),
    output: keyActivityResultSchema,
  }),
  'keys.principalPolicies': invoke({
    summary:
      "The IAM policies (inline and attached managed) of the profile account's users and roles a key policy names, and with includeAccount of the account's first 100 roles and users; each principal fails on its own.",
    input: z
      .object({
        profileId: z.string().min(1).max(200),
        principals: z.array(z.string().min(1).max(2048)).max(200),
        includeAccount: z.boolean(),
      })
      .strict(),
    output: principalPoliciesSchema,
  }),
  'keys.policyVersions': invoke({
    summary:
      'Every key policy version Keyward saved for this key (kept in the data directory), newest last.',
    input: keyRef,
    output: policyVersionsSchema,
  }),
} as const;
