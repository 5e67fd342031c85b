import { z } from 'zod';
import { serializedErrorSchema } from '../error-schema';

/** Roles and users of the account listed when the key policy trusts the account root. */
export const ACCOUNT_PRINCIPALS_CAP = 100;

export const identityPolicySchema = z
  .object({
    /** The inline or managed policy's name; a user's group's policy: `group <group>: <policy>`. */
    name: z.string().max(300),
    kind: z.enum(['inline', 'managed']),
    /** The policy JSON as IAM stores it (decoded). */
    document: z.string().max(200_000),
  })
  .strict();

export const principalPoliciesEntrySchema = z
  .object({
    arn: z.string().max(2048),
    kind: z.enum(['user', 'role']),
    /** `account`: listed from the account (the key policy trusts its root), not named. */
    source: z.enum(['key-policy', 'account']),
    /** Its inline and attached managed policies (a user's: its groups' too); null when unreadable. */
    policies: z.array(identityPolicySchema).nullable(),
    /** Why not: "not readable with this profile" for AccessDenied, else what AWS said. */
    reason: z.string().max(2000).nullable(),
    error: serializedErrorSchema.nullable(),
  })
  .strict();

export const principalPoliciesSchema = z
  .object({
    /** The profile's account: only its users and roles can be read. */
    accountId: z.string().max(12),
    principals: z.array(principalPoliciesEntrySchema),
    /** Listing the account's roles and users (asked for when the key policy trusts the root). */
    accountListing: z
      .object({
        listed: z.number().int().nonnegative(),
        /** More exist than the cap; only the first ones are shown. */
        capped: z.boolean(),
        error: serializedErrorSchema.nullable(),
      })
      .strict()
      .nullable(),
  })
  .strict();

export type IdentityPolicy = z.infer<typeof identityPolicySchema>;
export type PrincipalPoliciesEntry = z.infer<typeof principalPoliciesEntrySchema>;
export type PrincipalPolicies = z.infer<typeof principalPoliciesSchema>;
