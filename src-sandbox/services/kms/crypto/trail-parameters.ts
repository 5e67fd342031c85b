import type { z } from 'zod';
import type {
  decryptInput,
  encryptInput,
  generateDataKeyInput,
  generateDataKeyPairInput,
  generateMacInput,
  generateRandomInput,
  getPublicKeyInput,
  reEncryptInput,
  signInput,
} from './operation-inputs';

/**
 * CloudTrail `requestParameters` of the data-plane operations: key ids, algorithms, the
 * encryption context and sizes only — never plaintext, ciphertext, messages, signatures or MACs.
 */
type In<T extends z.ZodType> = z.infer<T>;
type Context = Readonly<Record<string, string>> | undefined;

function optional<K extends string, V>(name: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [name]: value } as Record<K, V>);
}

const algorithmOf = (a: string | undefined): string => a ?? 'SYMMETRIC_DEFAULT';
const context = (c: Context) => optional('encryptionContext', c);

export const encryptTrail = (i: In<typeof encryptInput>) => ({
  keyId: i.KeyId,
  ...context(i.EncryptionContext),
  encryptionAlgorithm: algorithmOf(i.EncryptionAlgorithm),
});

export const decryptTrail = (i: In<typeof decryptInput>) => ({
  ...optional('keyId', i.KeyId),
  ...context(i.EncryptionContext),
  encryptionAlgorithm: algorithmOf(i.EncryptionAlgorithm),
});

export const reEncryptTrail = (i: In<typeof reEncryptInput>) => ({
  ...optional('sourceKeyId', i.SourceKeyId),
  destinationKeyId: i.DestinationKeyId,
  ...optional('sourceEncryptionContext', i.SourceEncryptionContext),
  ...optional('destinationEncryptionContext', i.DestinationEncryptionContext),
  sourceEncryptionAlgorithm: algorithmOf(i.SourceEncryptionAlgorithm),
  destinationEncryptionAlgorithm: algorithmOf(i.DestinationEncryptionAlgorithm),
});

export const dataKeyTrail = (i: In<typeof generateDataKeyInput>) => ({
  keyId: i.KeyId,
  ...context(i.EncryptionContext),
  ...optional('numberOfBytes', i.NumberOfBytes),
  ...optional('keySpec', i.KeySpec),
});

export const dataKeyPairTrail = (i: In<typeof generateDataKeyPairInput>) => ({
  keyId: i.KeyId,
  keyPairSpec: i.KeyPairSpec,
  ...context(i.EncryptionContext),
});

export const generateRandomTrail = (i: In<typeof generateRandomInput>) =>
  i.NumberOfBytes === undefined ? null : { numberOfBytes: i.NumberOfBytes };

export const signatureTrail = (i: In<typeof signInput>) => ({
  keyId: i.KeyId,
  messageType: i.MessageType ?? 'RAW',
  signingAlgorithm: i.SigningAlgorithm,
});

export const publicKeyTrail = (i: In<typeof getPublicKeyInput>) => ({ keyId: i.KeyId });

export const macTrail = (i: In<typeof generateMacInput>) => ({
  keyId: i.KeyId,
  macAlgorithm: i.MacAlgorithm,
});
