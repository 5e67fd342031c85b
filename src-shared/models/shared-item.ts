import { z } from 'zod';
import { serializedErrorSchema } from '../error-schema';
import { scopeCellSchema } from './kms-key';

const place = scopeCellSchema.extend({
  /** Stable across finds: what the user unticks (the request's exclusions) names it. */
  id: z.string().min(1).max(2200),
});

/** Something of the scope shared with an account, as the revoke wizard lists it. */
export const sharedItemSchema = z.discriminatedUnion('kind', [
  place.extend({ kind: z.literal('snapshot'), snapshotId: z.string(), name: z.string() }).strict(),
  place.extend({ kind: z.literal('ami'), imageId: z.string(), name: z.string() }).strict(),
  place
    .extend({
      kind: z.literal('key-policy'),
      keyArn: z.string(),
      alias: z.string().nullable(),
      /** The statements naming the account: their Sid, or `#n` for one without. */
      statements: z.array(z.string()),
    })
    .strict(),
  place
    .extend({
      kind: z.literal('grant'),
      keyArn: z.string(),
      alias: z.string().nullable(),
      grantId: z.string(),
      granteePrincipal: z.string(),
      retiringPrincipal: z.string().nullable(),
      operations: z.array(z.string()),
      constraints: z
        .object({
          EncryptionContextSubset: z.record(z.string(), z.string()).optional(),
          EncryptionContextEquals: z.record(z.string(), z.string()).optional(),
        })
        .strict()
        .nullable(),
      name: z.string().nullable(),
    })
    .strict(),
]);
export type SharedItem = z.output<typeof sharedItemSchema>;

/** Everything found, and the (profile, region)s that could not be searched, with why. */
export const sharedFindingsSchema = z
  .object({
    accountId: z.string(),
    items: z.array(sharedItemSchema),
    problems: z.array(scopeCellSchema.extend({ error: serializedErrorSchema }).strict()),
  })
  .strict();
export type SharedFindings = z.output<typeof sharedFindingsSchema>;
