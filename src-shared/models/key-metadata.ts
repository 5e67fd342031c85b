import { z } from 'zod';

const date = z.string().max(40);

export const keyPlaceSchema = z.object({ arn: z.string().max(2048), region: z.string().max(30) });

/** DescribeKey's KeyMetadata, as the page needs it (dates as ISO strings). */
export const keyMetadataSchema = z
  .object({
    keyId: z.string().max(64),
    arn: z.string().max(2048),
    accountId: z.string().max(12),
    region: z.string().max(30),
    creationDate: date.nullable(),
    enabled: z.boolean(),
    description: z.string().max(8192),
    keyUsage: z.string().max(40),
    keyState: z.string().max(40),
    deletionDate: date.nullable(),
    pendingDeletionWindowInDays: z.number().int().nullable(),
    validTo: date.nullable(),
    origin: z.string().max(40),
    expirationModel: z.string().max(60).nullable(),
    keyManager: z.enum(['AWS', 'CUSTOMER']),
    keySpec: z.string().max(40),
    encryptionAlgorithms: z.array(z.string().max(60)),
    signingAlgorithms: z.array(z.string().max(60)),
    macAlgorithms: z.array(z.string().max(60)),
    keyAgreementAlgorithms: z.array(z.string().max(60)),
    multiRegion: z.boolean(),
    multiRegionConfiguration: z
      .object({
        role: z.enum(['PRIMARY', 'REPLICA']),
        primary: keyPlaceSchema.nullable(),
        replicas: z.array(keyPlaceSchema),
      })
      .strict()
      .nullable(),
    currentKeyMaterialId: z.string().max(64).nullable(),
  })
  .strict();

export type KeyMetadata = z.infer<typeof keyMetadataSchema>;
