import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { KeywardError } from '../../src-shared/errors';
import type { KeyMetadata } from '../../src-shared/models/key-metadata';
import { describeKeyOutput, parseAws, toKeyMetadata } from './aws-shapes';
import { kmsOf, type KeyContext } from './key-context';

export interface KeyPlace {
  readonly profileId: string;
  readonly region: string;
  readonly keyId: string;
}

export async function describeKey(ctx: KeyContext, ref: KeyPlace): Promise<KeyMetadata> {
  const kms = await kmsOf(ctx, ref.profileId, ref.region);
  const answer = await kms.send(new DescribeKeyCommand({ KeyId: ref.keyId }));
  return toKeyMetadata(parseAws(describeKeyOutput, answer, 'DescribeKey').KeyMetadata);
}

/**
 * AWS managed keys (aws/ebs, …) belong to the service that made them: AWS refuses to change
 * their state, policy, rotation, aliases or tags. Said here, before a call AWS would refuse.
 */
export async function customerKey(
  ctx: KeyContext,
  ref: KeyPlace,
  change: string,
): Promise<KeyMetadata> {
  const key = await describeKey(ctx, ref);
  if (key.keyManager === 'AWS') {
    throw new KeywardError(
      'access-denied',
      `${key.arn} is an AWS managed key: AWS does not let anyone ${change} on it.`,
      {
        hint: 'AWS managed keys are run by the service that created them (they rotate yearly and cannot be disabled, deleted, tagged or re-policied). Use a customer managed key for anything you need to control.',
      },
    );
  }
  return key;
}
