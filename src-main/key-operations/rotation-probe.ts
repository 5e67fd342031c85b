import {
  DecryptCommand,
  EncryptCommand,
  GenerateMacCommand,
  MacAlgorithmSpec,
  SignCommand,
  SigningAlgorithmSpec,
  VerifyCommand,
  VerifyMacCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { randomBytes } from 'node:crypto';
import type { RotationProbe } from '../../src-shared/models/key-changes';
import type { KeyMetadata } from '../../src-shared/models/key-metadata';

/** Made with the old key before the rotation; `check` uses the old key again afterwards. */
export interface PendingProbe {
  readonly kind: RotationProbe['kind'];
  check(): Promise<RotationProbe>;
}

type Kind = RotationProbe['kind'];

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const passedMessages: Readonly<Record<Kind, string>> = {
  decrypt: 'Data encrypted under the old key still decrypts',
  'verify-signature': 'Signatures made with the old key still verify with it',
  'verify-mac': 'MACs made with the old key still verify with it',
};

const madeBefore: Readonly<Record<Kind, string>> = {
  decrypt: 'encrypt',
  'verify-signature': 'sign',
  'verify-mac': 'generate a MAC for',
};

const outcome = (kind: Kind, ok: boolean, why = ''): RotationProbe => ({
  kind,
  status: ok ? 'passed' : 'failed',
  message: ok ? passedMessages[kind] : `The check with the old key failed after the rotation${why}`,
});

/** The key's first algorithm, typed as the SDK's enum (undefined lets KMS refuse with its reason). */
function firstKnown<T extends string>(
  known: Readonly<Record<string, T>>,
  offered: readonly string[],
): T | undefined {
  return Object.values(known).find((value) => value === offered[0]);
}

function kindOf(key: KeyMetadata): Kind | null {
  if (key.keyUsage === 'ENCRYPT_DECRYPT') return 'decrypt';
  if (key.keyUsage === 'SIGN_VERIFY') return 'verify-signature';
  if (key.keyUsage === 'GENERATE_VERIFY_MAC') return 'verify-mac';
  return null;
}

/** A failed check answers with the reason rather than failing the rotation, which has happened. */
async function checked(kind: Kind, run: () => Promise<boolean>): Promise<RotationProbe> {
  try {
    return outcome(kind, await run());
  } catch (error) {
    return outcome(kind, false, `: ${reason(error)}`);
  }
}

async function encryptProbe(kms: KMSClient, key: KeyMetadata, data: Buffer): Promise<PendingProbe> {
  // Symmetric ciphertext names its key, so the check decrypts without one, as applications do.
  const symmetric = key.keySpec === 'SYMMETRIC_DEFAULT';
  const algorithm = symmetric ? undefined : 'RSAES_OAEP_SHA_256';
  const sealed = await kms.send(
    new EncryptCommand({ KeyId: key.arn, Plaintext: data, EncryptionAlgorithm: algorithm }),
  );
  return {
    kind: 'decrypt',
    check: () =>
      checked('decrypt', async () => {
        const opened = await kms.send(
          new DecryptCommand({
            CiphertextBlob: sealed.CiphertextBlob,
            ...(symmetric ? {} : { KeyId: key.arn, EncryptionAlgorithm: algorithm }),
          }),
        );
        return opened.KeyId === key.arn && data.equals(Buffer.from(opened.Plaintext ?? []));
      }),
  };
}

async function signProbe(kms: KMSClient, key: KeyMetadata, data: Buffer): Promise<PendingProbe> {
  const algorithm = firstKnown(SigningAlgorithmSpec, key.signingAlgorithms);
  const signed = await kms.send(
    new SignCommand({
      KeyId: key.arn,
      Message: data,
      MessageType: 'RAW',
      SigningAlgorithm: algorithm,
    }),
  );
  return {
    kind: 'verify-signature',
    check: () =>
      checked('verify-signature', async () => {
        const answer = await kms.send(
          new VerifyCommand({
            KeyId: key.arn,
            Message: data,
            MessageType: 'RAW',
            Signature: signed.Signature,
            SigningAlgorithm: algorithm,
          }),
        );
        return answer.SignatureValid === true;
      }),
  };
}

async function macProbe(kms: KMSClient, key: KeyMetadata, data: Buffer): Promise<PendingProbe> {
  const algorithm = firstKnown(MacAlgorithmSpec, key.macAlgorithms);
  const made = await kms.send(
    new GenerateMacCommand({ KeyId: key.arn, Message: data, MacAlgorithm: algorithm }),
  );
  return {
    kind: 'verify-mac',
    check: () =>
      checked('verify-mac', async () => {
        const answer = await kms.send(
          new VerifyMacCommand({
            KeyId: key.arn,
            Message: data,
            Mac: made.Mac,
            MacAlgorithm: algorithm,
          }),
        );
        return answer.MacValid === true;
      }),
  };
}

const makers = { decrypt: encryptProbe, 'verify-signature': signProbe, 'verify-mac': macProbe };

/**
 * Uses the old key once before the rotation (encrypt, sign or MAC a few random bytes). When that
 * is refused (no permission, key disabled) the rotation still runs and the result says so.
 */
export async function probeOldKey(
  kms: KMSClient,
  key: KeyMetadata,
): Promise<PendingProbe | RotationProbe | null> {
  const kind = kindOf(key);
  if (!kind) return null;
  try {
    return await makers[kind](kms, key, randomBytes(32));
  } catch (error) {
    return {
      kind,
      status: 'not-checked',
      message: `Keyward could not ${madeBefore[kind]} a probe with the old key before the rotation, so it could not check it afterwards: ${reason(error)}`,
    };
  }
}

export const isPending = (probe: PendingProbe | RotationProbe): probe is PendingProbe =>
  'check' in probe;
