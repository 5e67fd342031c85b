import { createPublicKey } from 'node:crypto';
import { GetKeyPolicyCommand, GetPublicKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { z } from 'zod';
import type { SerializedError } from '../../src-shared/errors';
import type { KeyDetail, PublicKeyInfo } from '../../src-shared/models/key-detail';
import type { KeyMetadata } from '../../src-shared/models/key-metadata';
import { toSerializedError } from '../operations/to-serialized-error';
import { parseAws } from './aws-shapes';
import { describeKey, type KeyPlace } from './describe-key';
import { kmsOf, type KeyContext } from './key-context';
import { listAliases, listGrants, listRotations, listTags } from './key-lists';
import { readRotationStatus } from './key-rotation';

type Part<T> = { ok: true; value: T } | { ok: false; error: SerializedError };

const policySchema = z.object({ Policy: z.string().min(1), PolicyName: z.string().optional() });

export async function readPolicy(kms: KMSClient, keyArn: string): Promise<string> {
  const answer = await kms.send(new GetKeyPolicyCommand({ KeyId: keyArn, PolicyName: 'default' }));
  return parseAws(policySchema, answer, 'GetKeyPolicy').Policy;
}

const publicKeyAnswer = z.object({
  PublicKey: z.instanceof(Uint8Array),
  KeySpec: z.string().optional(),
  KeyUsage: z.string().optional(),
  EncryptionAlgorithms: z.array(z.string()).optional(),
  SigningAlgorithms: z.array(z.string()).optional(),
});

/** GetPublicKey's DER SubjectPublicKeyInfo as PEM (parsed by OpenSSL first: no garbage passes). */
async function readPublicKey(kms: KMSClient, key: KeyMetadata): Promise<PublicKeyInfo | null> {
  if (key.keySpec === 'SYMMETRIC_DEFAULT' || key.keySpec.startsWith('HMAC_')) return null;
  const answer = parseAws(
    publicKeyAnswer,
    await kms.send(new GetPublicKeyCommand({ KeyId: key.arn })),
    'GetPublicKey',
  );
  const pem = createPublicKey({ key: Buffer.from(answer.PublicKey), format: 'der', type: 'spki' })
    .export({ type: 'spki', format: 'pem' })
    .toString();
  return {
    pem,
    keySpec: answer.KeySpec ?? key.keySpec,
    keyUsage: answer.KeyUsage ?? key.keyUsage,
    encryptionAlgorithms: answer.EncryptionAlgorithms ?? [],
    signingAlgorithms: answer.SigningAlgorithms ?? [],
  };
}

/**
 * Everything about one key. DescribeKey must succeed (without it there is no key to show); every
 * other part is read on its own, and a refusal (say, ListGrants denied) is that part's error.
 */
export async function keyDetail(ctx: KeyContext, ref: KeyPlace): Promise<KeyDetail> {
  const metadata = await describeKey(ctx, ref);
  const kms = await kmsOf(ctx, ref.profileId, ref.region);
  const part = async <T>(name: string, read: () => Promise<T>): Promise<Part<T>> => {
    try {
      return { ok: true, value: await read() };
    } catch (error) {
      return { ok: false, error: toSerializedError(error, ctx.logger, `keys.detail ${name}`) };
    }
  };
  const arn = metadata.arn;
  const rotates = metadata.keySpec === 'SYMMETRIC_DEFAULT';
  const [policy, rotation, rotations, aliases, tags, grants, publicKey] = await Promise.all([
    part('policy', async () => ({ policyName: 'default', document: await readPolicy(kms, arn) })),
    part('rotation', () => readRotationStatus(kms, metadata)),
    part('rotations', () => (rotates ? listRotations(kms, arn) : Promise.resolve([]))),
    part('aliases', () => listAliases(kms, metadata.keyId)),
    part('tags', () => listTags(kms, arn)),
    part('grants', () => listGrants(kms, arn)),
    part('publicKey', () => readPublicKey(kms, metadata)),
  ]);
  return { metadata, policy, rotation, rotations, aliases, tags, grants, publicKey };
}
