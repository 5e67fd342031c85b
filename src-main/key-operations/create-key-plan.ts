import type { KMSClient } from '@aws-sdk/client-kms';
import { KeywardError } from '../../src-shared/errors';
import type { KeyMetadata } from '../../src-shared/models/key-metadata';
import type { CreateKeyInput } from '../../src-shared/schemas/create-key-input';
import { describeKey } from './describe-key';
import type { KeyContext } from './key-context';
import { listAliases } from './key-lists';

/** What keys.create still has to do: everything for a new key, the missing steps for one made. */
export interface CreateKeyPlan {
  readonly existing: KeyMetadata | null;
  readonly importPrimary: boolean;
  readonly alias: boolean;
  /** Description and tags again: a key made by an earlier attempt may have had them changed since. */
  readonly labels: boolean;
  readonly replicaRegions: readonly string[];
}

export function fullPlan(input: CreateKeyInput): CreateKeyPlan {
  return {
    existing: null,
    importPrimary: input.origin === 'EXTERNAL',
    alias: input.alias !== undefined,
    labels: false,
    replicaRegions: input.replicaRegions,
  };
}

function mismatch(key: KeyMetadata, input: CreateKeyInput): string | null {
  if (key.keyManager !== 'CUSTOMER') return 'it is an AWS managed key';
  if (key.region !== input.region) return `it is in ${key.region}, not ${input.region}`;
  if (key.keyState === 'PendingDeletion' || key.keyState === 'PendingReplicaDeletion')
    return 'it is scheduled for deletion';
  if (key.multiRegionConfiguration?.role === 'REPLICA') return 'it is a replica';
  const expected: readonly [string, string, string][] = [
    ['key spec', key.keySpec, input.keySpec],
    ['usage', key.keyUsage, input.keyUsage],
    ['origin', key.origin, input.origin],
    ['multi-Region setting', String(key.multiRegion), String(input.multiRegion)],
  ];
  const wrong = expected.find(([, actual, wanted]) => actual !== wanted);
  return wrong ? `its ${wrong[0]} is ${wrong[1]}, the wizard asks for ${wrong[2]}` : null;
}

/**
 * The key an earlier attempt created, checked to be that key (same place, type and origin, still
 * usable), and the steps it still lacks — so a retry never makes a second key nor repeats a step.
 */
export async function remainingPlan(
  ctx: KeyContext,
  kms: KMSClient,
  input: CreateKeyInput,
  keyId: string,
): Promise<CreateKeyPlan> {
  const key = await describeKey(ctx, { profileId: input.profileId, region: input.region, keyId });
  const problem = mismatch(key, input);
  if (problem) {
    throw new KeywardError(
      'conflict',
      `Keyward cannot continue with the key ${key.keyId}: ${problem}.`,
      {
        hint: 'Open the key as it is and finish its setup on its page, or start a new key from the Keys page.',
      },
    );
  }
  const aliases = input.alias ? await listAliases(kms, key.keyId) : [];
  const replicated = new Set(key.multiRegionConfiguration?.replicas.map((r) => r.region) ?? []);
  return {
    existing: key,
    importPrimary: key.keyState === 'PendingImport',
    alias: input.alias !== undefined && !aliases.some((a) => a.aliasName === input.alias),
    labels: true,
    replicaRegions: input.replicaRegions.filter((region) => !replicated.has(region)),
  };
}

/** Imported replicas take the primary's exact material, which a generated one no longer exists as. */
export function materialNeeded(input: CreateKeyInput, plan: CreateKeyPlan): boolean {
  if (input.origin !== 'EXTERNAL') return false;
  if (plan.importPrimary) return true;
  if (plan.replicaRegions.length === 0) return false;
  if (input.importMaterial?.source.kind === 'generate') {
    throw new KeywardError(
      'invalid-state',
      `The key material generated for ${plan.existing?.keyId ?? 'the key'} existed only in memory and is gone, so its replicas cannot get the same material.`,
      {
        hint: 'Open the key as it is (it works in its own Region), or create a new multi-Region key whose material is read from a file you keep.',
      },
    );
  }
  return true;
}
