import { CreateKeyCommand, UpdateAliasCommand, type KMSClient } from '@aws-sdk/client-kms';
import { z } from 'zod';
import { KeywardError } from '../../src-shared/errors';
import type {
  ManualRotationPartial,
  ManualRotationResult,
  RotationProbe,
} from '../../src-shared/models/key-changes';
import type { KeyMetadata } from '../../src-shared/models/key-metadata';
import {
  keySpecs,
  keyUsages,
  type ImportMaterialInput,
} from '../../src-shared/schemas/create-key-input';
import { awsKeyMetadata, parseAws, toKeyMetadata } from './aws-shapes';
import { customerKey, describeKey, type KeyPlace } from './describe-key';
import { kmsOf, type KeyContext } from './key-context';
import { readPolicy } from './key-detail';
import { scheduleDeletion } from './key-lifecycle';
import { listAliases, listTags } from './key-lists';
import { importMaterial, materialFrom, wipe } from './import-material';
import { afterCreated, stepper, type Progress } from './progress-steps';
import { replicateWithMaterial } from './replicate-with-material';
import { isPending, probeOldKey } from './rotation-probe';
import { resumableSuccessor } from './rotation-successor';

export interface ManualRotationOptions {
  readonly aliases?: readonly string[] | undefined;
  readonly scheduleOldKeyDeletionInDays?: number | undefined;
  readonly importMaterial?: ImportMaterialInput | undefined;
  /** The new key of an earlier run that failed part-way: finished instead of creating another. */
  readonly resumeNewKeyId?: string | undefined;
}

const createdSchema = z.object({ KeyMetadata: awsKeyMetadata });

const defaultImport: ImportMaterialInput = {
  source: { kind: 'generate' },
  expiry: { model: 'KEY_MATERIAL_DOES_NOT_EXPIRE' },
};

type Tags = Awaited<ReturnType<typeof listTags>>;

/** What is left to do, given the old key and (on a resumed run) the new key as it stands. */
interface Plan {
  readonly old: KeyMetadata;
  readonly successor: KeyMetadata | null;
  readonly spec: (typeof keySpecs)[number];
  readonly usage: (typeof keyUsages)[number];
  readonly policy: string;
  readonly tags: Tags;
  readonly importNeeded: boolean;
  readonly replicaRegions: readonly string[];
  readonly aliases: readonly string[];
  readonly aliasesDone: readonly string[];
  readonly scheduleDeletion: boolean;
}

function rotatable(old: KeyMetadata) {
  if (old.multiRegionConfiguration?.role === 'REPLICA') {
    throw new KeywardError('invalid-state', `${old.arn} is a multi-Region replica.`, {
      hint: 'Rotate the primary key by hand instead; its replicas are made again from the new primary.',
    });
  }
  const spec = z.enum(keySpecs).safeParse(old.keySpec);
  const usage = z.enum(keyUsages).safeParse(old.keyUsage);
  if (!spec.success || !usage.success) {
    throw new KeywardError(
      'invalid-state',
      `Keyward cannot make a ${old.keySpec} key for ${old.keyUsage} to rotate ${old.arn} by hand.`,
      {
        hint: 'Create the new key with the AWS CLI, then re-point the aliases from the key’s page.',
      },
    );
  }
  return { spec: spec.data, usage: usage.data };
}

async function planRotation(
  ctx: KeyContext,
  kms: KMSClient,
  ref: KeyPlace,
  options: ManualRotationOptions,
): Promise<Plan> {
  const old = await customerKey(ctx, ref, 'rotate the key');
  const { spec, usage } = rotatable(old);
  const successor = options.resumeNewKeyId
    ? await resumableSuccessor(ctx, ref, old, options.resumeNewKeyId)
    : null;
  const [policy, tags, current, moved] = await Promise.all([
    readPolicy(kms, old.arn),
    listTags(kms, old.arn),
    listAliases(kms, old.keyId),
    successor ? listAliases(kms, successor.keyId) : Promise.resolve([]),
  ]);
  const aliases = options.aliases ?? [...current, ...moved].map((a) => a.aliasName);
  const known = (name: string) => [...current, ...moved].some((a) => a.aliasName === name);
  const strays = aliases.filter((name) => !known(name));
  if (strays.length > 0) {
    throw new KeywardError('validation', `${strays.join(', ')} does not point at ${old.arn}.`, {
      hint: 'Choose among the key’s own aliases.',
    });
  }
  const made = successor?.multiRegionConfiguration?.replicas.map((r) => r.region) ?? [];
  return {
    old,
    successor,
    spec,
    usage,
    policy,
    tags,
    importNeeded:
      old.origin === 'EXTERNAL' && (!successor || successor.keyState === 'PendingImport'),
    replicaRegions: (old.multiRegionConfiguration?.replicas ?? [])
      .map((r) => r.region)
      .filter((region) => !made.includes(region)),
    aliases,
    aliasesDone: aliases.filter((name) => moved.some((a) => a.aliasName === name)),
    scheduleDeletion:
      Boolean(options.scheduleOldKeyDeletionInDays) && old.keyState !== 'PendingDeletion',
  };
}

/** Replicas of an imported key need the primary's material, which a resumed run may no longer hold. */
function materialNeeded(plan: Plan, options: ManualRotationOptions): boolean {
  if (plan.old.origin !== 'EXTERNAL') return false;
  if (plan.importNeeded) return true;
  if (plan.replicaRegions.length === 0) return false;
  if (options.importMaterial?.source.kind === 'file') return true;
  throw new KeywardError(
    'invalid-state',
    `The new key ${plan.successor?.arn ?? ''} already holds generated material that Keyward no longer has, so its replicas in ${plan.replicaRegions.join(', ')} cannot get the same material.`,
    {
      hint: 'Replicate the new key from its page and import the same material there, or schedule its deletion and rotate again.',
    },
  );
}

async function createSuccessor(kms: KMSClient, plan: Plan): Promise<KeyMetadata> {
  const { old, tags } = plan;
  const answer = await kms.send(
    new CreateKeyCommand({
      KeySpec: plan.spec,
      KeyUsage: plan.usage,
      Origin: old.origin === 'EXTERNAL' ? 'EXTERNAL' : 'AWS_KMS',
      MultiRegion: old.multiRegion,
      Description: old.description,
      Policy: plan.policy,
      ...(tags.length > 0 ? { Tags: tags.map((t) => ({ TagKey: t.key, TagValue: t.value })) } : {}),
    }),
  );
  return toKeyMetadata(parseAws(createdSchema, answer, 'CreateKey').KeyMetadata);
}

function stepCount(plan: Plan, probed: boolean): number {
  const imports = plan.old.origin === 'EXTERNAL' ? 2 : 0;
  return (
    (probed ? 2 : 0) +
    (plan.successor ? 0 : 1) +
    (plan.importNeeded ? imports : 0) +
    plan.replicaRegions.length * (1 + imports) +
    (plan.aliases.length - plan.aliasesDone.length) +
    (plan.scheduleDeletion ? 1 : 0) +
    1
  );
}

/**
 * Rotation by hand, for keys AWS cannot rotate (asymmetric, HMAC, imported material) or on a
 * schedule of one's own (seed-kms-notes.md): a new key like the old one, the aliases moved to it,
 * the old key left enabled so that what it encrypted still decrypts — checked with a probe made
 * with the old key before the rotation. Progress carries what is done, so a run that failed
 * part-way can be finished with `resumeNewKeyId` instead of creating a second key.
 */
export async function rotateManually(
  ctx: KeyContext,
  ref: KeyPlace,
  options: ManualRotationOptions,
  progress: Progress,
): Promise<ManualRotationResult> {
  const kms = await kmsOf(ctx, ref.profileId, ref.region);
  const plan = await planRotation(ctx, kms, ref, options);
  const importInput = options.importMaterial ?? defaultImport;
  const material = materialNeeded(plan, options) ? await materialFrom(importInput.source) : null;
  const probe = await probeOldKey(kms, plan.old);
  const steps = stepper(progress, stepCount(plan, probe !== null));
  const done: ManualRotationPartial = {
    newKeyArn: plan.successor?.arn ?? null,
    materialImported: plan.successor !== null && !plan.importNeeded,
    replicated: plan.successor?.multiRegionConfiguration?.replicas.map((r) => r.region) ?? [],
    aliasesMoved: [...plan.aliasesDone],
  };
  const next = (title: string) => steps.next(title, structuredClone(done));
  const mark = (change: (state: ManualRotationPartial) => void) => {
    change(done);
    steps.report(structuredClone(done));
  };
  try {
    if (probe) next(`Using the old key once (${probe.kind}) to check it afterwards`);
    if (!plan.successor) next('Creating the new key');
    const successor = plan.successor ?? (await createSuccessor(kms, plan));
    if (!plan.successor) mark((state) => (state.newKeyArn = successor.arn));
    return await finish(ctx, kms, ref, plan, successor, {
      material,
      expiry: importInput.expiry,
      next,
      mark,
      signal: progress.signal,
      days: options.scheduleOldKeyDeletionInDays,
      check: async () => {
        if (!probe) return null;
        if (!isPending(probe)) return probe;
        next('Checking the old key still works');
        return probe.check();
      },
    });
  } finally {
    if (material) wipe(material);
  }
}

interface FinishSteps {
  readonly material: Buffer | null;
  readonly expiry: ImportMaterialInput['expiry'];
  readonly next: (title: string) => void;
  readonly mark: (change: (state: ManualRotationPartial) => void) => void;
  readonly signal: AbortSignal;
  readonly days: number | undefined;
  readonly check: () => Promise<RotationProbe | null>;
}

/** Everything after the new key exists; a failure here names it so the wizard can resume. */
async function finish(
  ctx: KeyContext,
  kms: KMSClient,
  ref: KeyPlace,
  plan: Plan,
  successor: KeyMetadata,
  run: FinishSteps,
): Promise<ManualRotationResult> {
  const { old, tags, policy } = plan;
  const { material, next, mark } = run;
  let during = 'importing the key material';
  try {
    if (material && plan.importNeeded) {
      await importMaterial(kms, successor.arn, material, run.expiry, next);
      mark((state) => (state.materialImported = true));
    }
    // The old key's replicas get their successor too, so every Region can decrypt what the new key encrypts.
    for (const region of plan.replicaRegions) {
      during = `replicating the new key to ${region}`;
      await replicateWithMaterial(
        ctx,
        { ...ref, keyId: successor.arn },
        region,
        { description: old.description, tags, policy },
        material ? { material, expiry: run.expiry } : null,
        next,
        run.signal,
      );
      mark((state) => state.replicated.push(region));
    }
    for (const alias of plan.aliases.filter((name) => !plan.aliasesDone.includes(name))) {
      during = `re-pointing ${alias}`;
      next(`Re-pointing ${alias} to the new key`);
      await kms.send(new UpdateAliasCommand({ AliasName: alias, TargetKeyId: successor.keyId }));
      mark((state) => state.aliasesMoved.push(alias));
    }
    during = 'checking the old key';
    const verification = await run.check();
    let oldKeyDeletionDate = old.deletionDate;
    if (plan.scheduleDeletion && run.days) {
      during = 'scheduling the old key’s deletion';
      next(`Scheduling the old key’s deletion in ${run.days} days`);
      oldKeyDeletionDate = (await scheduleDeletion(ctx, ref, run.days)).deletionDate;
    }
    during = 'reading the keys back';
    next('Reading both keys back');
    const [newKey, oldKey] = await Promise.all([
      describeKey(ctx, { ...ref, keyId: successor.arn }),
      describeKey(ctx, ref),
    ]);
    return { oldKey, newKey, aliases: [...plan.aliases].sort(), oldKeyDeletionDate, verification };
  } catch (error) {
    throw afterCreated(`The new key ${successor.arn}`, during, error);
  }
}
