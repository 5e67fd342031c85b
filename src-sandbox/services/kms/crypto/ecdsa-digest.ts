import { randomBytes, type KeyObject } from 'node:crypto';

/**
 * ECDSA over a precomputed digest (`MessageType=DIGEST`). node:crypto always hashes the input
 * for EC keys, so signing and verifying a given digest is done here with BigInt affine
 * arithmetic (FIPS 186-4 §6.4). Only used for DIGEST; RAW messages go through node:crypto.
 */
interface Curve {
  readonly p: bigint;
  readonly a: bigint;
  readonly n: bigint;
  readonly gx: bigint;
  readonly gy: bigint;
}

const P256P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const P384P =
  0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn;
const P521P = (1n << 521n) - 1n;

const CURVES: Readonly<Record<string, Curve>> = {
  prime256v1: {
    p: P256P,
    a: P256P - 3n,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
    gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
  },
  secp384r1: {
    p: P384P,
    a: P384P - 3n,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
    gx: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
    gy: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
  },
  secp521r1: {
    p: P521P,
    a: P521P - 3n,
    n: 0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
    gx: 0x00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66n,
    gy: 0x011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650n,
  },
  secp256k1: {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2fn,
    a: 0n,
    n: 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n,
    gx: 0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798n,
    gy: 0x483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8n,
  },
};

type Point = readonly [bigint, bigint] | null;

function mod(x: bigint, m: bigint): bigint {
  const r = x % m;
  return r < 0n ? r + m : r;
}

function inverse(x: bigint, m: bigint): bigint {
  let [a, b, u, v] = [mod(x, m), m, 1n, 0n];
  while (b !== 0n) {
    const q = a / b;
    [a, b] = [b, a - q * b];
    [u, v] = [v, u - q * v];
  }
  return mod(u, m);
}

function add(c: Curve, P: Point, Q: Point): Point {
  if (P === null) return Q;
  if (Q === null) return P;
  const [x1, y1] = P;
  const [x2, y2] = Q;
  let l: bigint;
  if (x1 === x2) {
    if (mod(y1 + y2, c.p) === 0n) return null;
    l = mod((3n * x1 * x1 + c.a) * inverse(2n * y1, c.p), c.p);
  } else {
    l = mod((y2 - y1) * inverse(x2 - x1, c.p), c.p);
  }
  const x3 = mod(l * l - x1 - x2, c.p);
  return [x3, mod(l * (x1 - x3) - y1, c.p)];
}

function multiply(c: Curve, k: bigint, P: Point): Point {
  let result: Point = null;
  let addend = P;
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) result = add(c, result, addend);
    addend = add(c, addend, addend);
  }
  return result;
}

function toBig(bytes: Buffer): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString('hex')}`);
}

function fromB64url(s: string | undefined): bigint {
  return toBig(Buffer.from(s ?? '', 'base64url'));
}

/** z: the leftmost bitlen(n) bits of the digest. */
function digestScalar(c: Curve, digest: Buffer): bigint {
  const nBits = c.n.toString(2).length;
  const z = toBig(digest);
  const excess = digest.length * 8 - nBits;
  return excess > 0 ? z >> BigInt(excess) : z;
}

function curveOf(key: KeyObject): Curve {
  const curve = CURVES[key.asymmetricKeyDetails?.namedCurve ?? ''];
  if (curve === undefined) throw new Error('unsupported curve');
  return curve;
}

function derInteger(v: bigint): Buffer {
  let hex = v.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if ((bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return Buffer.concat([Buffer.from([0x02]), derLength(bytes.length), bytes]);
}

function derLength(length: number): Buffer {
  return length < 0x80 ? Buffer.from([length]) : Buffer.from([0x81, length]);
}

/** DER `SEQUENCE { r INTEGER, s INTEGER }` → [r, s]; undefined if malformed. */
function parseDerSignature(sig: Buffer): readonly [bigint, bigint] | undefined {
  let pos = 0;
  const readLength = (): number | undefined => {
    const first = sig[pos++];
    if (first === undefined) return undefined;
    if (first < 0x80) return first;
    if (first !== 0x81) return undefined;
    return sig[pos++];
  };
  if (sig[pos++] !== 0x30) return undefined;
  const seqLength = readLength();
  if (seqLength === undefined || pos + seqLength !== sig.length) return undefined;
  const ints: bigint[] = [];
  for (let i = 0; i < 2; i++) {
    if (sig[pos++] !== 0x02) return undefined;
    const length = readLength();
    if (length === undefined || length === 0 || pos + length > sig.length) return undefined;
    ints.push(toBig(sig.subarray(pos, pos + length)));
    pos += length;
  }
  const [r, s] = ints;
  return pos === sig.length && r !== undefined && s !== undefined ? [r, s] : undefined;
}

/** DER ECDSA signature of `digest` with an EC private key. */
export function ecdsaSignDigest(privateKey: KeyObject, digest: Buffer): Buffer {
  const c = curveOf(privateKey);
  const d = fromB64url(privateKey.export({ format: 'jwk' }).d);
  const z = digestScalar(c, digest);
  const nBytes = Math.ceil(c.n.toString(2).length / 8) + 8;
  for (;;) {
    const k = mod(toBig(randomBytes(nBytes)), c.n - 1n) + 1n;
    const R = multiply(c, k, [c.gx, c.gy]);
    if (R === null) continue;
    const r = mod(R[0], c.n);
    if (r === 0n) continue;
    const s = mod(inverse(k, c.n) * (z + r * d), c.n);
    if (s === 0n) continue;
    const body = Buffer.concat([derInteger(r), derInteger(s)]);
    return Buffer.concat([Buffer.from([0x30]), derLength(body.length), body]);
  }
}

/** Verifies a DER ECDSA signature over `digest` with an EC public key. */
export function ecdsaVerifyDigest(
  publicKey: KeyObject,
  digest: Buffer,
  signature: Buffer,
): boolean {
  const c = curveOf(publicKey);
  const parsed = parseDerSignature(signature);
  if (parsed === undefined) return false;
  const [r, s] = parsed;
  if (r < 1n || r >= c.n || s < 1n || s >= c.n) return false;
  const jwk = publicKey.export({ format: 'jwk' });
  const Q: Point = [fromB64url(jwk.x), fromB64url(jwk.y)];
  const w = inverse(s, c.n);
  const u1 = mod(digestScalar(c, digest) * w, c.n);
  const u2 = mod(r * w, c.n);
  const X = add(c, multiply(c, u1, [c.gx, c.gy]), multiply(c, u2, Q));
  return X !== null && mod(X[0], c.n) === r;
}
