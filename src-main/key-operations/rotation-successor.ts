import { KeywardError } from '../../src-shared/errors';
import type { KeyMetadata } from '../../src-shared/models/key-metadata';
import { customerKey, type KeyPlace } from './describe-key';

/**
 * The new key of a manual rotation that failed part-way, checked before it is finished: it must
 * be another usable key of the same kind, so the aliases can move to it.
 */
export async function resumableSuccessor(
  ctx: Parameters<typeof customerKey>[0],
  ref: KeyPlace,
  old: KeyMetadata,
  keyId: string,
): Promise<KeyMetadata> {
  const successor = await customerKey(ctx, { ...ref, keyId }, 'finish a rotation');
  const problem =
    successor.arn === old.arn
      ? 'is the key being rotated'
      : successor.keySpec !== old.keySpec || successor.keyUsage !== old.keyUsage
        ? `is a ${successor.keySpec} key for ${successor.keyUsage}, not ${old.keySpec} for ${old.keyUsage}`
        : successor.origin !== old.origin
          ? `has ${successor.origin} key material, not ${old.origin}`
          : !['Enabled', 'PendingImport'].includes(successor.keyState)
            ? `is ${successor.keyState}`
            : null;
  if (problem) {
    throw new KeywardError(
      'invalid-state',
      `${successor.arn} ${problem}: the rotation cannot be finished with it.`,
      {
        hint: 'Start the rotation again without resuming; Keyward then creates a new key.',
      },
    );
  }
  return successor;
}
