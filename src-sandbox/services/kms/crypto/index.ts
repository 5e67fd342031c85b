export { decryptAsymmetric, encryptAsymmetric, sign, verify } from './asymmetric';
export {
  createWrappingKeyPair,
  unwrapImportedKeyMaterial,
  type WrappingAlgorithm,
  type WrappingKeySpec,
} from './key-import';
export { generateMac, verifyMac } from './mac';
export {
  DATA_KEY_PAIR_SPECS,
  generateDataKeyPair,
  generateMaterial,
  materialFromImportedBytes,
  publicKeyDer,
} from './material';
export {
  ALL_KEY_SPECS,
  DATA_KEY_BYTES,
  MAX_CIPHERTEXT_BYTES,
  MAX_MESSAGE_BYTES,
  MAX_PLAINTEXT_BYTES,
  MAX_RANDOM_BYTES,
  MAX_SIGNATURE_BYTES,
  UNSUPPORTED_KEY_SPECS,
  digestLengthFor,
  encryptionAlgorithmsFor,
  isKeySpec,
  keyAgreementAlgorithmsFor,
  kindOf,
  macAlgorithmsFor,
  maxRsaOaepPlaintextBytes,
  parseKeySpec,
  signingAlgorithmsFor,
  validUsagesFor,
} from './specs';
export {
  BLOB_VERSION,
  canonicalContext,
  decryptSymmetric,
  encryptSymmetric,
  readBlobHeader,
  type BlobHeader,
} from './symmetric-blob';
export {
  CryptoInputError,
  type KeySpec,
  type KeyUsage,
  type MaterialKind,
  type SerializedMaterial,
} from './types';
