import {
  constants,
  createHash,
  privateEncrypt,
  publicDecrypt,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';

/**
 * RSA signatures over a precomputed digest (`MessageType=DIGEST`): node:crypto's sign/verify
 * always hash their input, so the encodings of RFC 8017 are applied here and the raw RSA
 * operation is done with `privateEncrypt`/`publicDecrypt`.
 */
export type HashName = 'sha256' | 'sha384' | 'sha512';

const DIGEST_INFO_PREFIX: Readonly<Record<HashName, string>> = {
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
};

function digestInfo(hash: HashName, digest: Buffer): Buffer {
  return Buffer.concat([Buffer.from(DIGEST_INFO_PREFIX[hash], 'hex'), digest]);
}

function modulusBits(key: KeyObject): number {
  return key.asymmetricKeyDetails?.modulusLength ?? 0;
}

export function pkcs1SignDigest(privateKey: KeyObject, hash: HashName, digest: Buffer): Buffer {
  return privateEncrypt(
    { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
    digestInfo(hash, digest),
  );
}

export function pkcs1VerifyDigest(
  publicKey: KeyObject,
  hash: HashName,
  digest: Buffer,
  signature: Buffer,
): boolean {
  try {
    const recovered = publicDecrypt(
      { key: publicKey, padding: constants.RSA_PKCS1_PADDING },
      signature,
    );
    const expected = digestInfo(hash, digest);
    return recovered.length === expected.length && timingSafeEqual(recovered, expected);
  } catch {
    return false;
  }
}

function mgf1(hash: HashName, seed: Buffer, length: number): Buffer {
  const parts: Buffer[] = [];
  for (let counter = 0; parts.length * seed.length < length + seed.length; counter++) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    parts.push(createHash(hash).update(seed).update(c).digest());
    if (Buffer.concat(parts).length >= length) break;
  }
  return Buffer.concat(parts).subarray(0, length);
}

function pssHash(hash: HashName, digest: Buffer, salt: Buffer): Buffer {
  return createHash(hash).update(Buffer.alloc(8)).update(digest).update(salt).digest();
}

/** RSASSA-PSS (MGF1 with the same hash, salt length = hash length, as KMS uses). */
export function pssSignDigest(privateKey: KeyObject, hash: HashName, digest: Buffer): Buffer {
  const bits = modulusBits(privateKey);
  const emBits = bits - 1;
  const emLen = Math.ceil(emBits / 8);
  const hLen = digest.length;
  const salt = randomBytes(hLen);
  const h = pssHash(hash, digest, salt);
  const db = Buffer.concat([Buffer.alloc(emLen - 2 * hLen - 2), Buffer.from([1]), salt]);
  const masked = mgf1(hash, h, db.length).map((b, i) => b ^ (db[i] ?? 0));
  masked[0] = (masked[0] ?? 0) & (0xff >> (8 * emLen - emBits));
  const em = Buffer.concat([Buffer.from(masked), h, Buffer.from([0xbc])]);
  const k = Math.ceil(bits / 8);
  const block = Buffer.concat([Buffer.alloc(k - em.length), em]);
  return privateEncrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, block);
}

export function pssVerifyDigest(
  publicKey: KeyObject,
  hash: HashName,
  digest: Buffer,
  signature: Buffer,
): boolean {
  const bits = modulusBits(publicKey);
  const k = Math.ceil(bits / 8);
  if (signature.length !== k) return false;
  let block: Buffer;
  try {
    block = publicDecrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, signature);
  } catch {
    return false;
  }
  const emBits = bits - 1;
  const emLen = Math.ceil(emBits / 8);
  const hLen = digest.length;
  const em = block.subarray(block.length - emLen);
  if (block.length - emLen > 0 && block[0] !== 0) return false;
  if (em[emLen - 1] !== 0xbc || emLen < 2 * hLen + 2) return false;
  const maskedDb = em.subarray(0, emLen - hLen - 1);
  const h = em.subarray(emLen - hLen - 1, emLen - 1);
  const topMask = 0xff >> (8 * emLen - emBits);
  if (((maskedDb[0] ?? 0) & ~topMask) !== 0) return false;
  const db = Buffer.from(mgf1(hash, h, maskedDb.length).map((b, i) => b ^ (maskedDb[i] ?? 0)));
  db[0] = (db[0] ?? 0) & topMask;
  const psLength = emLen - 2 * hLen - 2;
  if (!db.subarray(0, psLength).every((b) => b === 0) || db[psLength] !== 1) return false;
  const salt = db.subarray(db.length - hLen);
  return timingSafeEqual(pssHash(hash, digest, salt), h);
}
