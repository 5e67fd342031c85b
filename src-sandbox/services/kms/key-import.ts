import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { defineOperation } from '../define-operation';
import {
  createWrappingKeyPair,
  kindOf,
  materialFromImportedBytes,
  unwrapImportedKeyMaterial,
  type SerializedMaterial,
  type WrappingAlgorithm,
  type WrappingKeySpec,
} from './crypto';
import { kmsError, unsupported, validationError } from './errors';
import { accessKey } from './key-access';
import { viaCrypto } from './key-policy-checks';
import { newMaterialId, withMaterial } from './material-versions';
import {
  DAY_MS,
  KMS_IMPORT_TOKEN,
  KMS_KEY,
  scopeOf,
  type KmsKeyDoc,
  type MaterialEntry,
} from './model';
import { awsBlob, awsString } from '../validation';
import { KEY_ID, kmsTrailMembers, oneOf } from './schemas';

const TOKEN_MAGIC = Buffer.from('KWIT');

function requireExternal(key: KmsKeyDoc): void {
  if (key.origin !== 'EXTERNAL') {
    throw unsupported(`${key.arn} origin is ${key.origin} which is not valid for this operation.`);
  }
}

const fingerprintOf = (m: SerializedMaterial) => createHash('sha256').update(m.data).digest('hex');

/** Wrapping rules of reference §2.5.9. */
function checkWrapping(key: KmsKeyDoc, algorithm: string, spec: string): void {
  if (spec === 'SM2' || algorithm === 'SM2PKE')
    throw unsupported('SM2 is only available in China Regions.');
  if (algorithm === 'RSAES_PKCS1_V1_5') {
    throw validationError('The wrapping algorithm RSAES_PKCS1_V1_5 is no longer supported.');
  }
  const oaep = algorithm.startsWith('RSAES_OAEP');
  if (oaep && kindOf(key.keySpec) === 'rsa') {
    throw validationError(`RSA key material must be wrapped with an RSA_AES_KEY_WRAP algorithm.`);
  }
  if (oaep && spec === 'RSA_2048' && key.keySpec === 'ECC_NIST_P521') {
    throw validationError('RSA_2048 with RSAES_OAEP cannot wrap ECC_NIST_P521 key material.');
  }
}

export const getParametersForImport = defineOperation({
  input: z.object({
    KeyId: KEY_ID,
    WrappingAlgorithm: oneOf([
      'RSAES_PKCS1_V1_5',
      'RSAES_OAEP_SHA_1',
      'RSAES_OAEP_SHA_256',
      'RSA_AES_KEY_WRAP_SHA_1',
      'RSA_AES_KEY_WRAP_SHA_256',
      'SM2PKE',
    ]),
    WrappingKeySpec: oneOf(['RSA_2048', 'RSA_3072', 'RSA_4096', 'SM2']),
  }),
  handler: (ctx, input) => {
    const key = accessKey(ctx, input.KeyId, 'GetParametersForImport', {}, requireExternal);
    checkWrapping(key, input.WrappingAlgorithm, input.WrappingKeySpec);
    const pair = createWrappingKeyPair(input.WrappingKeySpec as WrappingKeySpec);
    const tokenId = randomBytes(16).toString('hex');
    const validTo = ctx.now().getTime() + DAY_MS;
    ctx.store.put(KMS_IMPORT_TOKEN, scopeOf(key), tokenId, {
      tokenId,
      keyArn: key.arn,
      wrappingAlgorithm: input.WrappingAlgorithm,
      wrappingKeySpec: input.WrappingKeySpec,
      privateKey: pair.privateKeyPkcs8.toString('base64'),
      validTo,
    });
    return {
      KeyId: key.arn,
      ImportToken: Buffer.concat([TOKEN_MAGIC, Buffer.from(tokenId, 'hex'), randomBytes(32)]),
      PublicKey: pair.publicKeyDer,
      ParametersValidTo: new Date(validTo),
    };
  },
  responseElements: (out) => kmsTrailMembers(out),
});

function tokenIdOf(token: Buffer): string | undefined {
  if (token.length !== 52 || !token.subarray(0, 4).equals(TOKEN_MAGIC)) return undefined;
  return token.subarray(4, 20).toString('hex');
}

const invalidToken = () =>
  kmsError('InvalidImportTokenException', 'The import token is not valid for this KMS key.');

export const importKeyMaterial = defineOperation({
  input: z.object({
    KeyId: KEY_ID,
    ImportToken: awsBlob,
    EncryptedKeyMaterial: awsBlob,
    ValidTo: z.number().optional(),
    ExpirationModel: oneOf(['KEY_MATERIAL_EXPIRES', 'KEY_MATERIAL_DOES_NOT_EXPIRE']).optional(),
    ImportType: oneOf(['NEW_KEY_MATERIAL', 'EXISTING_KEY_MATERIAL']).optional(),
    KeyMaterialDescription: awsString(0, 256).optional(),
    KeyMaterialId: awsString(64, 64).optional(),
  }),
  handler: (ctx, input) => {
    const model = input.ExpirationModel ?? 'KEY_MATERIAL_EXPIRES';
    const context = { 'kms:ExpirationModel': model };
    const key = accessKey(ctx, input.KeyId, 'ImportKeyMaterial', context, requireExternal);
    const now = ctx.now().getTime();
    const validTo = input.ValidTo === undefined ? undefined : Math.round(input.ValidTo * 1000);
    if (model === 'KEY_MATERIAL_EXPIRES') {
      if (validTo === undefined)
        throw validationError('ValidTo is required when ExpirationModel is KEY_MATERIAL_EXPIRES.');
      if (validTo <= now || validTo > now + 365 * DAY_MS) {
        throw validationError('ValidTo must be in the future and at most 365 days from now.');
      }
    } else if (validTo !== undefined) {
      throw validationError('ValidTo is valid only when ExpirationModel is KEY_MATERIAL_EXPIRES.');
    }
    const tokenId = tokenIdOf(input.ImportToken);
    const token =
      tokenId === undefined ? undefined : ctx.store.get(KMS_IMPORT_TOKEN, scopeOf(key), tokenId);
    if (!token || token.keyArn !== key.arn) throw invalidToken();
    if (token.validTo <= now) {
      throw kmsError(
        'ExpiredImportTokenException',
        'The import token has expired. Call GetParametersForImport again.',
      );
    }
    const bytes = viaCrypto(() =>
      unwrapImportedKeyMaterial(
        token.wrappingAlgorithm as WrappingAlgorithm,
        Buffer.from(token.privateKey, 'base64'),
        input.EncryptedKeyMaterial,
      ),
    );
    const material = viaCrypto(() => materialFromImportedBytes(key.keySpec, bytes));
    const fingerprint = fingerprintOf(material);
    const entry: MaterialEntry = {
      material,
      fingerprint,
      createdAt: now,
      importState: 'IMPORTED',
      expirationModel: model,
      ...(validTo === undefined ? {} : { validTo }),
      ...(input.KeyMaterialDescription === undefined
        ? {}
        : { description: input.KeyMaterialDescription }),
    };
    const existingId = Object.keys(key.materials).find(
      (id) => key.materials[id]?.fingerprint === fingerprint,
    );
    let updated: KmsKeyDoc;
    let materialId: string;
    if (input.ImportType === 'NEW_KEY_MATERIAL' && key.currentMaterialId !== '') {
      if (existingId !== undefined || key.keySpec !== 'SYMMETRIC_DEFAULT') {
        throw kmsError(
          'IncorrectKeyMaterialException',
          'This key material is already associated with the KMS key.',
        );
      }
      materialId = newMaterialId();
      updated = {
        ...key,
        materials: { ...key.materials, [materialId]: { ...entry, pendingRotation: true } },
        materialOrder: [...key.materialOrder, materialId],
      };
    } else {
      const wanted = input.KeyMaterialId ?? (key.currentMaterialId || undefined);
      if (wanted !== undefined && existingId !== wanted) {
        throw kmsError(
          'IncorrectKeyMaterialException',
          'The key material does not match the key material previously imported into this KMS key.',
        );
      }
      materialId = wanted ?? newMaterialId();
      updated = withMaterial(key, materialId, entry);
      if (key.currentMaterialId !== '' && key.currentMaterialId !== materialId) {
        updated = { ...updated, currentMaterialId: key.currentMaterialId };
      }
    }
    const complete = Object.values(updated.materials).every((m) => m.material !== undefined);
    if (updated.keyState === 'PendingImport' && complete)
      updated = { ...updated, keyState: 'Enabled' };
    ctx.store.put(KMS_KEY, scopeOf(key), key.keyId, updated);
    return { KeyId: key.arn, KeyMaterialId: materialId };
  },
});

export const deleteImportedKeyMaterial = defineOperation({
  input: z.object({ KeyId: KEY_ID, KeyMaterialId: awsString(64, 64).optional() }),
  handler: (ctx, input) => {
    const key = accessKey(ctx, input.KeyId, 'DeleteImportedKeyMaterial', {}, requireExternal);
    const materialId = input.KeyMaterialId ?? key.currentMaterialId;
    const entry = key.materials[materialId];
    if (entry) {
      const { material: _m, validTo: _v, expirationModel: _e, ...rest } = entry;
      const pendingDeletion =
        key.keyState === 'PendingDeletion' || key.keyState === 'PendingReplicaDeletion';
      ctx.store.put(KMS_KEY, scopeOf(key), key.keyId, {
        ...key,
        materials: { ...key.materials, [materialId]: { ...rest, importState: 'PENDING_IMPORT' } },
        keyState: pendingDeletion ? key.keyState : 'PendingImport',
      });
    }
    return { KeyId: key.arn, ...(materialId === '' ? {} : { KeyMaterialId: materialId }) };
  },
});
