import { constants, createPublicKey, publicEncrypt, randomFillSync } from 'node:crypto';
import { open } from 'node:fs/promises';
import {
  GetParametersForImportCommand,
  ImportKeyMaterialCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { z } from 'zod';
import { KeywardError } from '../../src-shared/errors';
import {
  IMPORT_MATERIAL_BYTES,
  type ImportMaterialInput,
} from '../../src-shared/schemas/create-key-input';
import { parseAws } from './aws-shapes';

/**
 * 256-bit key material in memory only: made with node:crypto, or read from the file the user
 * named (which must hold exactly 32 bytes). The caller zeroes it with `wipe` once every key that
 * needs it has it; it is never written anywhere.
 */
export async function materialFrom(source: ImportMaterialInput['source']): Promise<Buffer> {
  // Buffer.alloc, not a pooled buffer: zeroing it must not leave a copy in a shared slab.
  const material = Buffer.alloc(IMPORT_MATERIAL_BYTES);
  if (source.kind === 'generate') return randomFillSync(material);
  let handle;
  try {
    handle = await open(source.path, 'r');
  } catch (error) {
    throw new KeywardError(
      'not-found',
      `Keyward could not open the key material file ${source.path} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      {
        hint: 'Check the path and that this user may read the file.',
      },
    );
  }
  try {
    const { size } = await handle.stat();
    if (size !== IMPORT_MATERIAL_BYTES) {
      throw new KeywardError(
        'validation',
        `The key material file holds ${size} bytes; a symmetric KMS key takes exactly ${IMPORT_MATERIAL_BYTES} bytes (256 bits) of raw material.`,
        {
          hint: 'Export the raw 256-bit key (not hex, base64 or a wrapped blob) and choose that file.',
          fieldErrors: { 'importMaterial.source.path': 'must hold exactly 32 bytes' },
        },
      );
    }
    const { bytesRead } = await handle.read(material, 0, IMPORT_MATERIAL_BYTES, 0);
    if (bytesRead !== IMPORT_MATERIAL_BYTES) {
      material.fill(0);
      throw new KeywardError(
        'validation',
        `Only ${bytesRead} bytes of the key material file could be read.`,
      );
    }
    return material;
  } finally {
    await handle.close();
  }
}

export const wipe = (material: Buffer) => material.fill(0);

const parametersSchema = z.object({
  ImportToken: z.instanceof(Uint8Array),
  PublicKey: z.instanceof(Uint8Array),
  ParametersValidTo: z.date().optional(),
});
const importedSchema = z.object({ KeyMaterialId: z.string().optional() });

export type Expiry = ImportMaterialInput['expiry'];

/** GetParametersForImport, wrap with RSA-OAEP-SHA-256 under the returned key, ImportKeyMaterial. */
export async function importMaterial(
  kms: KMSClient,
  keyArn: string,
  material: Buffer,
  expiry: Expiry,
  step: (title: string) => void,
): Promise<{ keyMaterialId: string | null; expirationModel: string; validTo: string | null }> {
  step('Getting the wrapping key and import token');
  const params = parseAws(
    parametersSchema,
    await kms.send(
      new GetParametersForImportCommand({
        KeyId: keyArn,
        WrappingAlgorithm: 'RSAES_OAEP_SHA_256',
        WrappingKeySpec: 'RSA_2048',
      }),
    ),
    'GetParametersForImport',
  );
  step('Wrapping the key material and importing it');
  const wrappingKey = createPublicKey({
    key: Buffer.from(params.PublicKey),
    format: 'der',
    type: 'spki',
  });
  const wrapped = publicEncrypt(
    { key: wrappingKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    material,
  );
  const validTo = expiry.model === 'KEY_MATERIAL_EXPIRES' ? new Date(expiry.validTo) : undefined;
  const answer = parseAws(
    importedSchema,
    await kms.send(
      new ImportKeyMaterialCommand({
        KeyId: keyArn,
        ImportToken: params.ImportToken,
        EncryptedKeyMaterial: wrapped,
        ExpirationModel: expiry.model,
        ...(validTo ? { ValidTo: validTo } : {}),
      }),
    ),
    'ImportKeyMaterial',
  );
  return {
    keyMaterialId: answer.KeyMaterialId ?? null,
    expirationModel: expiry.model,
    validTo: validTo?.toISOString() ?? null,
  };
}
