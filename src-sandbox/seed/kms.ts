import { randomBytes, randomUUID } from 'node:crypto';
import type { StoreWriter } from '../state/store-types';
import {
  isKeySpec,
  kindOf,
  materialFromImportedBytes,
  type KeySpec,
  type KeyUsage,
} from '../services/kms/crypto';
import { buildKey, ensureAwsManagedKey } from '../services/kms/key-factory';
import { generatedEntry, newMaterialId, withMaterial } from '../services/kms/material-versions';
import {
  aliasArnOf,
  DAY_MS,
  KMS_ALIAS,
  KMS_KEY,
  scopeOf,
  type KmsKeyDoc,
  type Tag,
} from '../services/kms/model';
import { defaultKeyPolicy, policyWithUser, sharedKeyPolicy } from '../services/kms/policies';
import { DEMO_KEYS, type DemoKeySpec } from './demo-keys';
import {
  BACKUP_ACCOUNT,
  DEMO_ACCOUNTS,
  DEMO_REGIONS,
  DEVELOPER_USER,
  PROD_ACCOUNT,
} from './demo-world';
import type { SeedContext, Seeder } from './seeder';

/** Key policies of the demo keys (default unless listed). */
function policyFor(spec: DemoKeySpec): string {
  switch (spec.name) {
    case 'ebs-workloads':
      // backup may use the key for EBS copy work (reference §3.5, §4.4).
      return sharedKeyPolicy(spec.account, [BACKUP_ACCOUNT]);
    case 'dr-backups':
    case 'dr-backups-east':
      return sharedKeyPolicy(spec.account, [PROD_ACCOUNT]);
    case 'app-data':
      return policyWithUser(spec.account, `arn:aws:iam::${spec.account}:user/${DEVELOPER_USER}`, [
        'kms:Encrypt',
      ]);
    default:
      return defaultKeyPolicy(spec.account);
  }
}

const tagsOf = (tags: Readonly<Record<string, string>> | undefined): Tag[] =>
  Object.entries(tags ?? {}).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));

function putAlias(tx: StoreWriter, key: KmsKeyDoc, aliasName: string, at: number): void {
  tx.put(KMS_ALIAS, scopeOf(key), aliasName, {
    aliasName,
    aliasArn: aliasArnOf(key.region, key.account, aliasName),
    targetKeyId: key.keyId,
    creationDate: at,
    lastUpdatedDate: at,
  });
}

/** Automatic rotations that would have happened since creation, plus an optional on-demand one. */
function withRotationHistory(
  key: KmsKeyDoc,
  periodDays: number,
  now: number,
  onDemandAgo?: number,
): KmsKeyDoc {
  const period = periodDays * DAY_MS;
  const events: { date: number; type: 'AUTOMATIC' | 'ON_DEMAND' }[] = [];
  let next = key.creationDate + period;
  for (; next <= now; next += period) events.push({ date: next, type: 'AUTOMATIC' });
  if (onDemandAgo !== undefined && now - onDemandAgo * DAY_MS > key.creationDate) {
    events.push({ date: now - onDemandAgo * DAY_MS, type: 'ON_DEMAND' });
  }
  events.sort((a, b) => a.date - b.date);
  let current: KmsKeyDoc = {
    ...key,
    rotationEnabled: true,
    rotationPeriodDays: periodDays,
    nextRotationDate: next,
  };
  for (const e of events) {
    const materialId = newMaterialId();
    current = withMaterial(current, materialId, generatedEntry(key, e.date), {
      materialId,
      date: e.date,
      type: e.type,
    });
  }
  return current;
}

/** The byok key's material, imported long ago and not expiring. */
function withImportedMaterial(key: KmsKeyDoc, at: number): KmsKeyDoc {
  const material = materialFromImportedBytes(key.keySpec, randomBytes(32));
  const materialId = newMaterialId();
  return {
    ...withMaterial(key, materialId, {
      material,
      createdAt: at,
      importState: 'IMPORTED',
      expirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
    }),
    keyState: 'Enabled',
  };
}

function demoKeyDoc(spec: DemoKeySpec, index: number, now: number): KmsKeyDoc {
  if (!isKeySpec(spec.keySpec))
    throw new Error(`demo key ${spec.name}: unsupported ${spec.keySpec}`);
  // Spread over the last year, oldest first, unless the spec says how old.
  const created = now - (spec.createdDaysAgo ?? 350 - index * 23) * DAY_MS;
  let key = buildKey({
    keyId: spec.keyId,
    account: spec.account,
    region: spec.region,
    creationDate: created,
    description: spec.description,
    keySpec: spec.keySpec as KeySpec,
    keyUsage: spec.keyUsage as KeyUsage,
    origin: spec.origin ?? 'AWS_KMS',
    keyManager: 'CUSTOMER',
    policy: policyFor(spec),
    tags: tagsOf(spec.tags),
    ...(spec.multiRegionReplicas ? { primaryRegion: spec.region } : {}),
    // RSA key generation is slow: generated on the key's first use instead of at start-up.
    deferMaterial: kindOf(spec.keySpec as KeySpec) === 'rsa',
  });
  if (key.origin === 'EXTERNAL') key = withImportedMaterial(key, created + DAY_MS);
  if (spec.rotation?.enabled) {
    const onDemand = spec.name === 'app-data' || spec.name === 'global-orders' ? 60 : undefined;
    key = withRotationHistory(key, spec.rotation.periodDays ?? 365, now, onDemand);
  }
  if (spec.state === 'Disabled') key = { ...key, keyState: 'Disabled' };
  if (spec.state === 'PendingDeletion') {
    key = {
      ...key,
      keyState: 'PendingDeletion',
      pendingWindowInDays: 30,
      deletionDate: now + 20 * DAY_MS,
    };
  }
  return key;
}

function seedDemoKeys(ctx: SeedContext): void {
  const now = ctx.now.getTime();
  DEMO_KEYS.forEach((spec, index) => {
    const key = demoKeyDoc(spec, index, now);
    ctx.tx.put(KMS_KEY, scopeOf(key), key.keyId, key);
    putAlias(ctx.tx, key, spec.alias, key.creationDate);
    for (const region of spec.multiRegionReplicas ?? []) {
      const replica: KmsKeyDoc = {
        ...key,
        arn: key.arn.replace(`:${key.region}:`, `:${region}:`),
        region,
        creationDate: key.creationDate + DAY_MS,
        policy: defaultKeyPolicy(key.account),
        description: `${spec.description} (replica)`,
      };
      ctx.tx.put(KMS_KEY, scopeOf(replica), replica.keyId, replica);
      putAlias(ctx.tx, replica, spec.alias, replica.creationDate);
    }
  });
  ensureAwsManagedKey(ctx.tx, PROD_ACCOUNT, 'us-east-1', 'ebs', now - 300 * DAY_MS);
}

/** `--scale N`: N extra symmetric keys (alias + tags) per account and region, built cheaply. */
function seedScale(ctx: SeedContext): void {
  const now = ctx.now.getTime();
  for (const account of DEMO_ACCOUNTS) {
    const policy = defaultKeyPolicy(account.id);
    for (const region of DEMO_REGIONS) {
      for (let i = 0; i < ctx.scale; i++) {
        const created = now - ((i * 7919) % 365) * DAY_MS;
        const key = buildKey({
          keyId: randomUUID(),
          account: account.id,
          region,
          creationDate: created,
          description: `Benchmark key ${i + 1}`,
          keySpec: 'SYMMETRIC_DEFAULT',
          keyUsage: 'ENCRYPT_DECRYPT',
          origin: 'AWS_KMS',
          keyManager: 'CUSTOMER',
          policy,
          tags: [
            { TagKey: 'Purpose', TagValue: 'benchmark' },
            { TagKey: 'Index', TagValue: String(i + 1) },
          ],
        });
        ctx.tx.put(KMS_KEY, scopeOf(key), key.keyId, key);
        putAlias(ctx.tx, key, `alias/bench-${String(i + 1).padStart(5, '0')}`, created);
      }
    }
  }
}

/** The demo world's KMS keys (exactly DEMO_KEYS + prod's aws/ebs), and `--scale` keys. */
export const kmsSeeder: Seeder = {
  name: 'kms',
  seed(ctx) {
    seedDemoKeys(ctx);
    if (ctx.scale > 0) seedScale(ctx);
  },
};
