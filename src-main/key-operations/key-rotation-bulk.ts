import { EnableKeyRotationCommand } from '@aws-sdk/client-kms';
import type {
  BulkRotationOutcome,
  BulkRotationResult,
} from '../../src-shared/models/bulk-rotation';
import type { KeyMetadata } from '../../src-shared/models/key-metadata';
import type { RotationStatus } from '../../src-shared/models/key-detail';
import {
  enableRotationPlanOf,
  type RotationFacts,
} from '../../src-shared/models/key-rotation-compliance';
import { keyOrigins, keyStates, type KeyRef } from '../../src-shared/models/kms-key';
import { forEachLimited } from '../keys/calls';
import { keyTypeOf, rotationModeOf } from '../keys/key-type';
import { toSerializedError } from '../operations/to-serialized-error';
import type { OperationContext } from '../operations/operation-context';
import { describeKey } from './describe-key';
import { kmsOf, type KeyContext } from './key-context';
import { readRotationStatus } from './key-rotation';

/** Keys worked on at once: the access layer's scheduler paces their calls within KMS's quotas. */
const PARALLEL_KEYS = 8;

const oneOf = <T extends string>(values: readonly T[], value: string, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

/** The classification's view of a key as DescribeKey tells it (rotation not read yet). */
function factsOf(key: KeyMetadata): RotationFacts {
  const manager = key.keyManager === 'AWS' ? 'aws' : 'customer';
  const role = key.multiRegionConfiguration?.role;
  return {
    manager,
    state: oneOf(keyStates, key.keyState, 'Unavailable'),
    origin: oneOf(keyOrigins, key.origin, 'AWS_KMS'),
    type: keyTypeOf(key.keySpec),
    keySpec: key.keySpec,
    rotation: {
      mode: rotationModeOf({
        keySpec: key.keySpec,
        manager,
        origin: key.origin,
        multiRegionRole: role === 'REPLICA' ? 'replica' : role === 'PRIMARY' ? 'primary' : 'none',
      }),
      enabled: false,
      periodDays: null,
      nextRotationDate: null,
    },
    multiRegion: { primaryRegion: key.multiRegionConfiguration?.primary?.region ?? null },
  };
}

const outcome = (
  ref: KeyRef,
  result: Pick<BulkRotationOutcome, 'outcome'> & Partial<BulkRotationOutcome>,
): BulkRotationOutcome => ({
  profileId: ref.profileId,
  region: ref.region,
  keyId: ref.keyId,
  reason: null,
  rotation: null,
  error: null,
  ...result,
});

async function enableOne(
  keys: KeyContext,
  ref: KeyRef,
  periodDays: number,
): Promise<BulkRotationOutcome> {
  const key = await describeKey(keys, ref);
  const plan = enableRotationPlanOf(factsOf(key));
  if (plan.action === 'skip') return outcome(ref, { outcome: 'skipped', reason: plan.reason });
  const kms = await kmsOf(keys, ref.profileId, ref.region);
  const before: RotationStatus = await readRotationStatus(kms, key);
  if (before.enabled) {
    return outcome(ref, {
      outcome: 'skipped',
      reason: `Already on, every ${before.periodDays ?? 365} days.`,
      rotation: before,
    });
  }
  await kms.send(
    new EnableKeyRotationCommand({ KeyId: key.arn, RotationPeriodInDays: periodDays }),
  );
  return outcome(ref, { outcome: 'enabled', rotation: await readRotationStatus(kms, key) });
}

/**
 * Automatic rotation on for many keys, across profiles and Regions, as one job: each key is
 * checked again in main (the page's preview may be stale), one failure never stops the others,
 * and every outcome is reported as it lands. A cancelled run leaves the keys not reached as
 * skipped, so the list always says what happened to each.
 */
export async function enableRotationBulk(
  keys: KeyContext,
  input: { readonly keys: readonly KeyRef[]; readonly periodDays: number },
  ctx: OperationContext,
): Promise<BulkRotationResult> {
  const unique = [
    ...new Map(
      input.keys.map((ref) => [`${ref.profileId}|${ref.region}|${ref.keyId}`, ref]),
    ).values(),
  ];
  const outcomes = new Map<KeyRef, BulkRotationOutcome>();
  ctx.progress(0, unique.length, `Enabling rotation on ${unique.length} keys`, 0);
  await forEachLimited(unique, PARALLEL_KEYS, async (ref) => {
    const result = ctx.signal.aborted
      ? outcome(ref, { outcome: 'skipped', reason: 'Not done: the run was cancelled.' })
      : await enableOne(keys, ref, input.periodDays).catch((error: unknown) =>
          outcome(ref, {
            outcome: 'failed',
            error: toSerializedError(error, ctx.logger, 'keys.enableRotationBulk'),
          }),
        );
    outcomes.set(ref, result);
    const done = outcomes.size;
    ctx.progress(
      done - 1,
      unique.length,
      `${done} of ${unique.length} keys done`,
      done / unique.length,
      undefined,
      { outcome: result },
    );
  });
  return {
    periodDays: input.periodDays,
    outcomes: unique.map((ref) => outcomes.get(ref) ?? outcome(ref, { outcome: 'skipped' })),
  };
}
