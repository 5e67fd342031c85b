import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { SandboxError } from '../../protocols/sandbox-error';
import { defineOperation } from '../define-operation';
import type { Operation, ServiceContext } from '../types';
import {
  DATA_KEY_BYTES,
  MAX_MESSAGE_BYTES,
  MAX_PLAINTEXT_BYTES,
  MAX_SIGNATURE_BYTES,
  generateDataKeyPair,
  generateMac,
  sign,
  verify,
  verifyMac,
  type KeyUsage,
} from './crypto';
import { materialOf, requireSymmetric, requireUsage } from './crypto/data-plane';
import { publicKeyResponse } from './crypto/data-plane-requests';
import * as inputs from './crypto/operation-inputs';
import * as trail from './crypto/trail-parameters';
import { checkGrantTokens, namedKeyArn, useKey, useKeyByArn } from './key-access';
import type { KeyAccess, KeyAccessContext, UsableKey } from './key-access-types';

import {
  checkBlob,
  decryptWith,
  dryRunDone,
  encryptWith,
  guarded,
  sameKeyContext,
} from './crypto-operation-steps';

type In<T extends z.ZodType> = z.infer<T>;

/** Builds the data-plane operations on top of the management plane's key access. */
export function buildCryptoOperations(access: KeyAccess): Record<string, Operation> {
  const { useKey } = access;

  const encrypt = defineOperation({
    input: inputs.encryptInput,
    readOnly: true,
    requestParameters: trail.encryptTrail,
    responseElements: null,
    handler: (ctx, i) => {
      checkGrantTokens(ctx.store, i.GrantTokens);
      checkBlob(ctx, 'plaintext', i.Plaintext, MAX_PLAINTEXT_BYTES);
      const key = useKey(ctx, i.KeyId, 'Encrypt', {
        ...inputs.encryptionContextConditions(i.EncryptionContext),
        'kms:EncryptionAlgorithm': i.EncryptionAlgorithm ?? 'SYMMETRIC_DEFAULT',
      });
      const out = encryptWith(
        ctx,
        key,
        'Encrypt',
        i.Plaintext,
        i.EncryptionContext,
        i.EncryptionAlgorithm,
      );
      if (i.DryRun === true) throw dryRunDone();
      return { CiphertextBlob: out.blob, KeyId: key.arn, EncryptionAlgorithm: out.algorithm };
    },
  });

  const decrypt = defineOperation({
    input: inputs.decryptInput,
    readOnly: true,
    requestParameters: trail.decryptTrail,
    responseElements: null,
    handler: (ctx, i) => {
      checkGrantTokens(ctx.store, i.GrantTokens);
      const result = decryptWith(ctx, access, 'Decrypt', {
        blob: i.CiphertextBlob,
        keyRef: i.KeyId,
        context: i.EncryptionContext,
        algorithm: i.EncryptionAlgorithm,
        ignoreCiphertext:
          i.DryRun === true && (i.DryRunModifiers ?? []).includes('IGNORE_CIPHERTEXT'),
      });
      if (i.DryRun === true || result.plaintext === undefined) throw dryRunDone();
      return {
        KeyId: result.key.arn,
        Plaintext: result.plaintext,
        EncryptionAlgorithm: result.algorithm,
        ...(result.materialId === undefined ? {} : { KeyMaterialId: result.materialId }),
      };
    },
  });

  const reEncrypt = defineOperation({
    input: inputs.reEncryptInput,
    readOnly: true,
    requestParameters: trail.reEncryptTrail,
    responseElements: null,
    handler: (ctx, i) => {
      checkGrantTokens(ctx.store, i.GrantTokens);
      const destinationArn = access.namedKeyArn?.(ctx, i.DestinationKeyId, 'ReEncryptTo');
      const source = decryptWith(
        ctx,
        access,
        'ReEncryptFrom',
        {
          blob: i.CiphertextBlob,
          keyRef: i.SourceKeyId,
          context: i.SourceEncryptionContext,
          algorithm: i.SourceEncryptionAlgorithm,
          ignoreCiphertext:
            i.DryRun === true && (i.DryRunModifiers ?? []).includes('IGNORE_CIPHERTEXT'),
        },
        (ref) =>
          destinationArn === undefined
            ? {}
            : sameKeyContext(access.namedKeyArn?.(ctx, ref, 'ReEncryptFrom') === destinationArn),
      );
      const sourceKey = source.key;
      const destination = useKey(ctx, i.DestinationKeyId, 'ReEncryptTo', {
        ...inputs.encryptionContextConditions(i.DestinationEncryptionContext),
        'kms:EncryptionAlgorithm': i.DestinationEncryptionAlgorithm ?? 'SYMMETRIC_DEFAULT',
        ...sameKeyContext(destinationArn === sourceKey.arn),
      });
      const out = encryptWith(
        ctx,
        destination,
        'ReEncrypt',
        source.plaintext ?? Buffer.alloc(1),
        i.DestinationEncryptionContext,
        i.DestinationEncryptionAlgorithm,
      );
      if (i.DryRun === true || source.plaintext === undefined) throw dryRunDone();
      return {
        CiphertextBlob: out.blob,
        SourceKeyId: sourceKey.arn,
        KeyId: destination.arn,
        SourceEncryptionAlgorithm: source.algorithm,
        DestinationEncryptionAlgorithm: out.algorithm,
        ...(source.materialId === undefined ? {} : { SourceKeyMaterialId: source.materialId }),
        ...(out.materialId === undefined ? {} : { DestinationKeyMaterialId: out.materialId }),
      };
    },
  });

  const dataKey = (operation: 'GenerateDataKey' | 'GenerateDataKeyWithoutPlaintext'): Operation =>
    defineOperation({
      input: inputs.generateDataKeyInput,
      readOnly: true,
      requestParameters: trail.dataKeyTrail,
      responseElements: null,
      handler: (ctx, i) => {
        checkGrantTokens(ctx.store, i.GrantTokens);
        if ((i.NumberOfBytes === undefined) === (i.KeySpec === undefined)) {
          // UNCONFIRMED message (reference §2.5.5).
          throw ctx.errors.validation('Please specify either number of bytes or key spec.');
        }
        const key = useKey(
          ctx,
          i.KeyId,
          operation,
          inputs.encryptionContextConditions(i.EncryptionContext),
        );
        guarded(ctx, () => requireSymmetric(key, operation));
        const plaintext = randomBytes(i.NumberOfBytes ?? DATA_KEY_BYTES[i.KeySpec ?? ''] ?? 32);
        const out = encryptWith(ctx, key, operation, plaintext, i.EncryptionContext, undefined);
        if (i.DryRun === true) throw dryRunDone();
        return {
          CiphertextBlob: out.blob,
          ...(operation === 'GenerateDataKey' ? { Plaintext: plaintext } : {}),
          KeyId: key.arn,
          KeyMaterialId: out.materialId,
        };
      },
    });

  const dataKeyPair = (
    operation: 'GenerateDataKeyPair' | 'GenerateDataKeyPairWithoutPlaintext',
  ): Operation =>
    defineOperation({
      input: inputs.generateDataKeyPairInput,
      readOnly: true,
      requestParameters: trail.dataKeyPairTrail,
      responseElements: null,
      handler: (ctx, i) => {
        checkGrantTokens(ctx.store, i.GrantTokens);
        const key = useKey(ctx, i.KeyId, operation, {
          ...inputs.encryptionContextConditions(i.EncryptionContext),
          'kms:DataKeyPairSpec': i.KeyPairSpec,
        });
        guarded(ctx, () => requireSymmetric(key, operation));
        const pair = guarded(ctx, () => generateDataKeyPair(i.KeyPairSpec));
        const out = encryptWith(
          ctx,
          key,
          operation,
          pair.privateKeyDer,
          i.EncryptionContext,
          undefined,
        );
        if (i.DryRun === true) throw dryRunDone();
        return {
          PrivateKeyCiphertextBlob: out.blob,
          ...(operation === 'GenerateDataKeyPair'
            ? { PrivateKeyPlaintext: pair.privateKeyDer }
            : {}),
          PublicKey: pair.publicKeyDer,
          KeyId: key.arn,
          KeyPairSpec: i.KeyPairSpec,
          KeyMaterialId: out.materialId,
        };
      },
    });

  const generateRandom = defineOperation({
    input: inputs.generateRandomInput,
    readOnly: true,
    requestParameters: trail.generateRandomTrail,
    responseElements: null,
    handler: (ctx, i) => {
      ctx.authorize('kms:GenerateRandom', '*');
      if (i.CustomKeyStoreId !== undefined) {
        throw new SandboxError(
          'CustomKeyStoreNotFoundException',
          `Custom key store ${i.CustomKeyStoreId} does not exist.`,
        );
      }
      if (i.NumberOfBytes === undefined) {
        throw ctx.errors.validation(
          "1 validation error detected: Value null at 'numberOfBytes' failed to satisfy constraint: Member must not be null",
        );
      }
      return { Plaintext: randomBytes(i.NumberOfBytes) };
    },
  });

  const messageKey = (
    ctx: ServiceContext,
    keyRef: string,
    operation: string,
    usage: KeyUsage,
    message: Buffer,
    conditions: KeyAccessContext,
  ): UsableKey => {
    checkBlob(ctx, 'message', message, MAX_MESSAGE_BYTES);
    const key = useKey(ctx, keyRef, operation, conditions);
    guarded(ctx, () => requireUsage(key, usage, operation));
    return key;
  };

  const signingKey = (ctx: ServiceContext, i: In<typeof inputs.signInput>, operation: string) => {
    const key = messageKey(ctx, i.KeyId, operation, 'SIGN_VERIFY', i.Message, {
      'kms:SigningAlgorithm': i.SigningAlgorithm,
      'kms:MessageType': i.MessageType ?? 'RAW',
    });
    if (i.MessageType === 'EXTERNAL_MU') {
      // EXTERNAL_MU is for ML-DSA keys, which the sandbox does not implement.
      throw new SandboxError(
        'InvalidKeyUsageException',
        `${key.arn} does not support message type EXTERNAL_MU.`,
      );
    }
    return {
      key,
      material: guarded(ctx, () => materialOf(key, key.currentMaterialId)),
      type: i.MessageType ?? 'RAW',
    };
  };

  const signOp = defineOperation({
    input: inputs.signInput,
    readOnly: true,
    requestParameters: trail.signatureTrail,
    responseElements: null,
    handler: (ctx, i) => {
      checkGrantTokens(ctx.store, i.GrantTokens);
      const { key, material, type } = signingKey(ctx, i, 'Sign');
      const signature = guarded(ctx, () =>
        sign(material, i.SigningAlgorithm, i.Message, type === 'DIGEST' ? 'DIGEST' : 'RAW'),
      );
      if (i.DryRun === true) throw dryRunDone();
      return { KeyId: key.arn, Signature: signature, SigningAlgorithm: i.SigningAlgorithm };
    },
  });

  const verifyOp = defineOperation({
    input: inputs.verifyInput,
    readOnly: true,
    requestParameters: trail.signatureTrail,
    responseElements: null,
    handler: (ctx, i) => {
      checkGrantTokens(ctx.store, i.GrantTokens);
      checkBlob(ctx, 'signature', i.Signature, MAX_SIGNATURE_BYTES);
      const { key, material, type } = signingKey(ctx, i, 'Verify');
      const messageType = type === 'DIGEST' ? 'DIGEST' : 'RAW';
      const valid = guarded(ctx, () =>
        verify(material, i.SigningAlgorithm, i.Message, messageType, i.Signature),
      );
      if (!valid) throw new SandboxError('KMSInvalidSignatureException', '');
      if (i.DryRun === true) throw dryRunDone();
      return { KeyId: key.arn, SignatureValid: true, SigningAlgorithm: i.SigningAlgorithm };
    },
  });

  const getPublicKey = defineOperation({
    input: inputs.getPublicKeyInput,
    readOnly: true,
    requestParameters: trail.publicKeyTrail,
    responseElements: null,
    handler: (ctx, i) => {
      checkGrantTokens(ctx.store, i.GrantTokens);
      const key = useKey(ctx, i.KeyId, 'GetPublicKey');
      return guarded(ctx, () => publicKeyResponse(key));
    },
  });

  const macKey = (
    ctx: ServiceContext,
    i: In<typeof inputs.generateMacInput>,
    operation: string,
  ) => {
    const key = messageKey(ctx, i.KeyId, operation, 'GENERATE_VERIFY_MAC', i.Message, {
      'kms:MacAlgorithm': i.MacAlgorithm,
    });
    return { key, material: guarded(ctx, () => materialOf(key, key.currentMaterialId)) };
  };

  const generateMacOp = defineOperation({
    input: inputs.generateMacInput,
    readOnly: true,
    requestParameters: trail.macTrail,
    responseElements: null,
    handler: (ctx, i) => {
      checkGrantTokens(ctx.store, i.GrantTokens);
      const { key, material } = macKey(ctx, i, 'GenerateMac');
      const mac = guarded(ctx, () => generateMac(material, i.MacAlgorithm, i.Message));
      if (i.DryRun === true) throw dryRunDone();
      return { Mac: mac, MacAlgorithm: i.MacAlgorithm, KeyId: key.arn };
    },
  });

  const verifyMacOp = defineOperation({
    input: inputs.verifyMacInput,
    readOnly: true,
    requestParameters: trail.macTrail,
    responseElements: null,
    handler: (ctx, i) => {
      checkGrantTokens(ctx.store, i.GrantTokens);
      checkBlob(ctx, 'mac', i.Mac, MAX_SIGNATURE_BYTES);
      const { key, material } = macKey(ctx, i, 'VerifyMac');
      const valid = guarded(ctx, () => verifyMac(material, i.MacAlgorithm, i.Message, i.Mac));
      if (!valid) throw new SandboxError('KMSInvalidMacException', '');
      if (i.DryRun === true) throw dryRunDone();
      return { KeyId: key.arn, MacValid: true, MacAlgorithm: i.MacAlgorithm };
    },
  });

  return {
    Encrypt: encrypt,
    Decrypt: decrypt,
    ReEncrypt: reEncrypt,
    GenerateDataKey: dataKey('GenerateDataKey'),
    GenerateDataKeyWithoutPlaintext: dataKey('GenerateDataKeyWithoutPlaintext'),
    GenerateDataKeyPair: dataKeyPair('GenerateDataKeyPair'),
    GenerateDataKeyPairWithoutPlaintext: dataKeyPair('GenerateDataKeyPairWithoutPlaintext'),
    GenerateRandom: generateRandom,
    Sign: signOp,
    Verify: verifyOp,
    GetPublicKey: getPublicKey,
    GenerateMac: generateMacOp,
    VerifyMac: verifyMacOp,
  };
}

/** KMS data-plane operations (Encrypt … VerifyMac), keyed by operation name. */
export const cryptoOperations: Record<string, Operation> = buildCryptoOperations({
  useKey,
  useKeyByArn,
  namedKeyArn,
});
