import { randomBytes, randomUUID } from 'node:crypto';
import type { StoreWriter } from '../../state/store-types';
import type { KeySpec, KeyUsage } from './crypto';
import { generatedEntry, newMaterialId } from './material-versions';
import {
  aliasArnOf,
  DAY_MS,
  KMS_ALIAS,
  KMS_KEY,
  keyArnOf,
  type KeyOrigin,
  type KmsKeyDoc,
  type Tag,
} from './model';
import { awsManagedKeyPolicy } from './policies';

export const newKeyId = (multiRegion: boolean): string =>
  multiRegion ? `mrk-${randomBytes(16).toString('hex')}` : randomUUID();

export interface NewKey {
  readonly keyId: string;
  readonly account: string;
  readonly region: string;
  /** epoch ms */
  readonly creationDate: number;
  readonly description: string;
  readonly keySpec: KeySpec;
  readonly keyUsage: KeyUsage;
  readonly origin: KeyOrigin;
  readonly keyManager: 'AWS' | 'CUSTOMER';
  readonly policy: string;
  readonly tags?: readonly Tag[];
  /** Primary region of a multi-Region key. */
  readonly primaryRegion?: string;
  readonly awsService?: string;
  /** Generate the material on first use (seeded RSA keys; see MaterialEntry.deferred). */
  readonly deferMaterial?: boolean;
}

/** A new key document: Enabled with fresh material, or PendingImport for EXTERNAL keys. */
export function buildKey(input: NewKey): KmsKeyDoc {
  const external = input.origin === 'EXTERNAL';
  const materialId = external ? '' : newMaterialId();
  return {
    keyId: input.keyId,
    arn: keyArnOf(input.region, input.account, input.keyId),
    account: input.account,
    region: input.region,
    creationDate: input.creationDate,
    description: input.description,
    keySpec: input.keySpec,
    keyUsage: input.keyUsage,
    origin: input.origin,
    keyManager: input.keyManager,
    keyState: external ? 'PendingImport' : 'Enabled',
    policy: input.policy,
    rotationEnabled: false,
    rotations: [],
    materialOrder: external ? [] : [materialId],
    materials: external
      ? {}
      : {
          [materialId]: input.deferMaterial
            ? { createdAt: input.creationDate, deferred: true }
            : generatedEntry(input, input.creationDate),
        },
    currentMaterialId: materialId,
    tags: input.tags ?? [],
    ...(input.primaryRegion ? { multiRegion: { primaryRegion: input.primaryRegion } } : {}),
    ...(input.awsService ? { awsService: input.awsService } : {}),
  };
}

/** Description AWS gives its managed keys. */
function managedDescription(service: string): string {
  return service === 'ebs'
    ? 'Default key that protects my EBS volumes when no other key is defined'
    : `Default key that protects my ${service.toUpperCase()} data when no other key is defined`;
}

/** Predefined `alias/aws/*` names ListAliases shows even before the key exists. */
export const PREDEFINED_AWS_ALIASES = [
  'alias/aws/acm',
  'alias/aws/dynamodb',
  'alias/aws/ebs',
  'alias/aws/elasticfilesystem',
  'alias/aws/lambda',
  'alias/aws/rds',
  'alias/aws/s3',
  'alias/aws/secretsmanager',
  'alias/aws/sns',
  'alias/aws/sqs',
  'alias/aws/ssm',
];

/**
 * The AWS managed key behind `alias/aws/<service>` in an account and region, created on first
 * use as AWS does (KeyManager AWS, rotated yearly, its service policy — reference §2.2, §2.6.4).
 */
export function ensureAwsManagedKey(
  store: StoreWriter,
  account: string,
  region: string,
  service: string,
  now: number,
): KmsKeyDoc {
  const scope = { account, region };
  const aliasName = `alias/aws/${service}`;
  const alias = store.get(KMS_ALIAS, scope, aliasName);
  const existing = alias ? store.get(KMS_KEY, scope, alias.targetKeyId) : undefined;
  if (existing) return existing;
  const key: KmsKeyDoc = {
    ...buildKey({
      keyId: newKeyId(false),
      account,
      region,
      creationDate: now,
      description: managedDescription(service),
      keySpec: 'SYMMETRIC_DEFAULT',
      keyUsage: 'ENCRYPT_DECRYPT',
      origin: 'AWS_KMS',
      keyManager: 'AWS',
      policy: awsManagedKeyPolicy(account, region, service),
      awsService: service,
    }),
    rotationEnabled: true,
    rotationPeriodDays: 365,
    nextRotationDate: now + 365 * DAY_MS,
  };
  store.put(KMS_KEY, scope, key.keyId, key);
  store.put(KMS_ALIAS, scope, aliasName, {
    aliasName,
    aliasArn: aliasArnOf(region, account, aliasName),
    targetKeyId: key.keyId,
    creationDate: now,
    lastUpdatedDate: now,
  });
  return key;
}
