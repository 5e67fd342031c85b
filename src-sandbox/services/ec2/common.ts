import { z } from 'zod';
import { SandboxError } from '../../protocols/sandbox-error';
import type { ServiceContext } from '../types';
import { awsBool } from '../validation';
import type { Ec2Tag } from './model';

/** An EC2 error (reference §3.9). Status 400 unless given. */
export function ec2Error(code: string, message: string, status = 400): SandboxError {
  return new SandboxError(code, message, status);
}

export const DRY_RUN = awsBool.optional();

/** `Filter.N.Name` / `Filter.N.Value.M`. */
export const FILTERS = z
  .array(z.object({ Name: z.string(), Value: z.array(z.string()).optional() }))
  .optional();

export const STRING_LIST = z.array(z.string()).optional();

/** `TagSpecification.N.ResourceType`, `.Tag.M.Key/Value`. */
export const TAG_SPECIFICATIONS = z
  .array(
    z.object({
      ResourceType: z.string().optional(),
      Tag: z.array(z.object({ Key: z.string(), Value: z.string().optional() })).optional(),
    }),
  )
  .optional();

export type TagSpecifications = z.infer<typeof TAG_SPECIFICATIONS>;

const ID_PATTERNS: Readonly<Record<string, RegExp>> = {
  snap: /^snap-([0-9a-f]{8}|[0-9a-f]{17})$/,
  vol: /^vol-([0-9a-f]{8}|[0-9a-f]{17})$/,
  ami: /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/,
  i: /^i-([0-9a-f]{8}|[0-9a-f]{17})$/,
};

const MALFORMED: Readonly<Record<string, string>> = {
  snap: 'InvalidSnapshotID.Malformed',
  vol: 'InvalidVolumeID.Malformed',
  ami: 'InvalidAMIID.Malformed',
  i: 'InvalidInstanceID.Malformed',
};

/** Throws `Invalid….Malformed` (message format UNCONFIRMED: `Invalid id: "snap-xyz"`). */
export function requireWellFormed(kind: 'snap' | 'vol' | 'ami' | 'i', id: string): void {
  if (!ID_PATTERNS[kind]?.test(id)) {
    throw ec2Error(MALFORMED[kind] ?? 'InvalidParameterValue', `Invalid id: "${id}"`);
  }
}

export const snapshotNotFound = (id: string) =>
  ec2Error('InvalidSnapshot.NotFound', `The snapshot '${id}' does not exist.`);
export const volumeNotFound = (id: string) =>
  ec2Error('InvalidVolume.NotFound', `The volume '${id}' does not exist.`);
export const imageNotFound = (ids: readonly string[]) =>
  ec2Error('InvalidAMIID.NotFound', `The image id '[${ids.join(', ')}]' does not exist`);
export const instanceNotFound = (ids: readonly string[]) =>
  ec2Error(
    'InvalidInstanceID.NotFound',
    `The instance ID${ids.length > 1 ? 's' : ''} '${ids.join(', ')}' do${ids.length > 1 ? '' : 'es'} not exist`,
  );

export const missingParameter = (name: string) =>
  ec2Error('MissingParameter', `The request must contain the parameter ${name}`);

/** `KmsKeyId` without `Encrypted=true` (reference §3.3 CreateVolume). */
export function requireEncryptedForKey(
  kmsKeyId: string | undefined,
  encrypted: boolean | undefined,
): void {
  if (kmsKeyId !== undefined && encrypted !== true) {
    throw ec2Error(
      'InvalidParameterDependency',
      'The parameter [KmsKeyId] requires the parameter Encrypted to be set.',
    );
  }
}

/**
 * Authorises an EC2 action on each resource (EC2 has no resource policies: sharing is modelled
 * by EC2 itself, so the caller's own account is the authorising one), then answers DryRun.
 */
export function gate(
  ctx: ServiceContext,
  dryRun: boolean | undefined,
  action: string,
  resources: readonly string[],
): void {
  const targets = resources.length === 0 ? ['*'] : resources;
  for (const resource of targets) {
    ctx.authorize(`ec2:${action}`, resource, {}, { resourceAccount: ctx.account });
  }
  if (dryRun === true) {
    throw ec2Error('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
  }
}

/** Tags from `TagSpecifications` for one resource type; other types are refused. */
export function tagsFor(
  specs: TagSpecifications,
  resourceType: string,
  allowed: readonly string[] = [resourceType],
): Ec2Tag[] {
  const tags: Ec2Tag[] = [];
  for (const spec of specs ?? []) {
    const type = spec.ResourceType;
    if (type === undefined) throw missingParameter('TagSpecification.ResourceType');
    if (!allowed.includes(type)) {
      throw ec2Error(
        'InvalidParameterValue',
        `'${type}' is not a valid taggable resource type for this operation.`,
      );
    }
    if (type !== resourceType) continue;
    for (const t of spec.Tag ?? []) tags.push({ key: t.Key, value: t.Value ?? '' });
  }
  validateTags(tags);
  return tags;
}

export function validateTags(tags: readonly Ec2Tag[]): void {
  if (tags.length > 50) {
    throw ec2Error('TagLimitExceeded', 'The maximum number of tags per resource is 50.');
  }
  for (const t of tags) {
    if (t.key.length === 0 || t.key.length > 128) {
      throw ec2Error('InvalidParameterValue', `Tag key '${t.key}' must be 1 to 128 characters.`);
    }
    if (t.key.toLowerCase().startsWith('aws:')) {
      throw ec2Error('InvalidParameterValue', "Tag keys starting with 'aws:' are reserved.");
    }
    if (t.value.length > 256) {
      throw ec2Error('InvalidParameterValue', `Tag value for '${t.key}' exceeds 256 characters.`);
    }
  }
}

/** Merges tags: later keys replace earlier ones, order kept. */
export function mergeTags(existing: readonly Ec2Tag[], added: readonly Ec2Tag[]): Ec2Tag[] {
  const out = existing.filter((t) => !added.some((a) => a.key === t.key));
  const merged = [...out, ...added];
  validateTags(merged);
  return merged;
}

export const tagSet = (tags: readonly Ec2Tag[]) =>
  tags.length === 0 ? undefined : tags.map((t) => ({ key: t.key, value: t.value }));

export const ACCOUNT_ID = /^\d{12}$/;

/** A required parameter, with EC2's `MissingParameter` when absent. */
export function required<T>(value: T | undefined, name: string): T {
  if (value === undefined || value === '') throw missingParameter(name);
  return value;
}
