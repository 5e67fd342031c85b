import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { secretBytes } from './material';
import { CryptoInputError, type SerializedMaterial } from './types';

/**
 * Sandbox symmetric ciphertext blob, version 1 (all integers big-endian):
 *
 * | offset      | size | field                                              |
 * | ----------- | ---- | -------------------------------------------------- |
 * | 0           | 1    | version `0x01`                                     |
 * | 1           | 2    | `A` = byte length of the key ARN (UTF-8)           |
 * | 3           | A    | key ARN                                            |
 * | 3+A         | 1    | `M` = byte length of the key material id (UTF-8)   |
 * | 4+A         | M    | key material id (64 hex chars for KMS materials)   |
 * | 4+A+M       | 12   | AES-GCM IV (random)                                |
 * | 16+A+M      | 16   | AES-GCM tag                                        |
 * | 32+A+M      | n    | AES-256-GCM ciphertext of the plaintext            |
 *
 * The AAD is the header (bytes 0 … 4+A+M, so the key ARN and material id are authenticated)
 * followed by the canonical encryption context: `JSON.stringify` of the `[key, value]` pairs
 * sorted by key (UTF-16 code unit order). An empty/absent context canonicalises to `[]`.
 * Overhead is 32 + A + M bytes (≈ 170 for a typical ARN), so 4096 bytes of plaintext stay far
 * below the 6144-byte `CiphertextBlob` limit.
 */
export const BLOB_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface BlobHeader {
  readonly keyArn: string;
  readonly materialId: string;
}

interface ParsedBlob {
  readonly header: BlobHeader;
  readonly headerBytes: Buffer;
  readonly iv: Buffer;
  readonly tag: Buffer;
  readonly body: Buffer;
}

/** Canonical AAD form of an encryption context: sorted `[key, value]` pairs as JSON. */
export function canonicalContext(context: Readonly<Record<string, string>>): Buffer {
  const pairs = Object.keys(context)
    .sort()
    .map((k) => [k, context[k]]);
  return Buffer.from(JSON.stringify(pairs), 'utf8');
}

function encodeHeader(header: BlobHeader): Buffer {
  const arn = Buffer.from(header.keyArn, 'utf8');
  const material = Buffer.from(header.materialId, 'utf8');
  if (arn.length > 0xffff || material.length > 0xff) throw new Error('blob header too long');
  const out = Buffer.alloc(4 + arn.length + material.length);
  out.writeUInt8(BLOB_VERSION, 0);
  out.writeUInt16BE(arn.length, 1);
  arn.copy(out, 3);
  out.writeUInt8(material.length, 3 + arn.length);
  material.copy(out, 4 + arn.length);
  return out;
}

function parseBlob(blob: Buffer): ParsedBlob | undefined {
  if (blob.length < 4 || blob.readUInt8(0) !== BLOB_VERSION) return undefined;
  const arnLength = blob.readUInt16BE(1);
  if (blob.length < 4 + arnLength) return undefined;
  const materialLength = blob.readUInt8(3 + arnLength);
  const headerEnd = 4 + arnLength + materialLength;
  if (arnLength === 0 || materialLength === 0) return undefined;
  if (blob.length < headerEnd + IV_BYTES + TAG_BYTES) return undefined;
  const keyArn = blob.subarray(3, 3 + arnLength).toString('utf8');
  const materialId = blob.subarray(4 + arnLength, headerEnd).toString('utf8');
  if (!keyArn.startsWith('arn:')) return undefined;
  return {
    header: { keyArn, materialId },
    headerBytes: blob.subarray(0, headerEnd),
    iv: blob.subarray(headerEnd, headerEnd + IV_BYTES),
    tag: blob.subarray(headerEnd + IV_BYTES, headerEnd + IV_BYTES + TAG_BYTES),
    body: blob.subarray(headerEnd + IV_BYTES + TAG_BYTES),
  };
}

function aad(headerBytes: Buffer, context: Readonly<Record<string, string>>): Buffer {
  return Buffer.concat([headerBytes, canonicalContext(context)]);
}

/** Encrypts under symmetric material; the blob names the key and material (see format above). */
export function encryptSymmetric(
  material: SerializedMaterial,
  header: BlobHeader,
  plaintext: Buffer,
  encryptionContext: Readonly<Record<string, string>>,
): Buffer {
  if (material.kind !== 'symmetric') throw new Error('encryptSymmetric needs symmetric material');
  const headerBytes = encodeHeader(header);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', secretBytes(material), iv);
  cipher.setAAD(aad(headerBytes, encryptionContext));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([headerBytes, iv, cipher.getAuthTag(), body]);
}

/** The key ARN and material id a blob names; `undefined` when it is not a sandbox blob. */
export function readBlobHeader(blob: Buffer): BlobHeader | undefined {
  return parseBlob(blob)?.header;
}

function invalidCiphertext(): CryptoInputError {
  // Real KMS sends InvalidCiphertextException with an empty message (UNCONFIRMED, §2.5.5).
  return new CryptoInputError('InvalidCiphertextException', '');
}

/** Decrypts a blob made by `encryptSymmetric`; any mismatch is `InvalidCiphertextException`. */
export function decryptSymmetric(
  material: SerializedMaterial,
  blob: Buffer,
  encryptionContext: Readonly<Record<string, string>>,
): Buffer {
  const parsed = parseBlob(blob);
  if (parsed === undefined || material.kind !== 'symmetric') throw invalidCiphertext();
  try {
    const decipher = createDecipheriv('aes-256-gcm', secretBytes(material), parsed.iv);
    decipher.setAAD(aad(parsed.headerBytes, encryptionContext));
    decipher.setAuthTag(parsed.tag);
    return Buffer.concat([decipher.update(parsed.body), decipher.final()]);
  } catch {
    throw invalidCiphertext();
  }
}
