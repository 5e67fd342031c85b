import { z } from 'zod';
import { keyManagers, keyStates } from './kms-key';

/**
 * The KMS key that encrypts an EBS snapshot (or an AMI's backing snapshot), as the listing
 * profile can see it. Snapshots name their key by ARN only; who manages it (customer managed or
 * the AWS managed `aws/ebs`) decides whether the snapshot can be shared (aws-behaviour.md §3.6).
 */
export const ebsKeySchema = z
  .object({
    keyArn: z.string().max(2048),
    keyId: z.string().max(64),
    /** The key's account: another account's for snapshots shared with the profile. */
    accountId: z.string().max(12),
    region: z.string().max(30),
    /** null: DescribeKey was refused or failed (e.g. another account's key not shared). */
    manager: z.enum(keyManagers).nullable(),
    state: z.enum(keyStates).nullable(),
    /** Alias names pointing at the key (only the profile's own account's aliases are listable). */
    aliases: z.array(z.string().max(256)),
    /** Why the key could not be described, when it could not. */
    error: z.string().max(2000).nullable(),
  })
  .strict();
export type EbsKey = z.infer<typeof ebsKeySchema>;

/** Encrypted or not, and with which key (null when unencrypted). */
export const ebsEncryptionSchema = z
  .object({
    encrypted: z.boolean(),
    key: ebsKeySchema.nullable(),
  })
  .strict();
export type EbsEncryption = z.infer<typeof ebsEncryptionSchema>;

/**
 * Whose the snapshot or AMI is from the profile's side: its own, or another account's shared
 * with it (createVolumePermission / launchPermission naming the profile's account).
 */
export const ebsOwnerships = ['owned', 'shared-with-me'] as const;
export type EbsOwnership = (typeof ebsOwnerships)[number];

/** Parts of the ARN `arn:aws:kms:<region>:<account>:key/<id>`; null for anything else. */
export function parseKeyArn(
  arn: string,
): { region: string; accountId: string; keyId: string } | null {
  const match = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):(\d{12}):key\/(.+)$/.exec(arn);
  if (!match) return null;
  return { region: match[1] ?? '', accountId: match[2] ?? '', keyId: match[3] ?? '' };
}
