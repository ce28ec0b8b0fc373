/**
 * SM2 (GB/T 32918-2016) on @noble/curves' generic short-Weierstrass point arithmetic: digital
 * signatures (part 2, with the Z_A user-identity hash) and public-key encryption (part 4, output
 * C1 ‖ C3 ‖ C2). The algorithms differ from ECDSA/ECIES, so only the curve arithmetic is noble's.
 *
 * Keys: a secret key is the 32-byte big-endian scalar d, 1 ≤ d ≤ n − 2 (signing divides by 1 + d);
 * a public key is the uncompressed point 04 ‖ x ‖ y (65 bytes). Signatures are r ‖ s, 32 bytes each.
 * `sm2Curve` takes other parameters only so that tests can replay the standard's examples on its
 * test curve; the application uses `sm2`, on the recommended curve of GB/T 32918.5.
 */
import { weierstrass } from '@noble/curves/abstract/weierstrass.js';
import { mod } from '@noble/curves/abstract/modular.js';
import { bytesToNumberBE, concatBytes, equalBytes, numberToBytesBE } from '@noble/curves/utils.js';
import { randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { sm3 } from './sm3';

export interface Sm2CurveParams {
  p: bigint;
  a: bigint;
  b: bigint;
  n: bigint;
  Gx: bigint;
  Gy: bigint;
}

/** The recommended 256-bit curve (GB/T 32918.5-2017). */
export const SM2_RECOMMENDED_CURVE: Sm2CurveParams = {
  p: 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn,
  a: 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn,
  b: 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n,
  n: 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n,
  Gx: 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  Gy: 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
};

/** The default user identity of GB/T 35276 / GM/T 0009 when none is agreed. */
export const SM2_DEFAULT_ID = utf8ToBytes('1234567812345678');

/** The key derivation function of GB/T 32918.4 §5.4.3: SM3(Z ‖ ct) for ct = 1, 2, … (32-bit BE). */
export function sm3Kdf(z: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  const ct = new Uint8Array(4);
  for (let counter = 1, pos = 0; pos < length; counter++, pos += 32) {
    new DataView(ct.buffer).setUint32(0, counter);
    out.set(sm3.create().update(z).update(ct).digest().subarray(0, length - pos), pos);
  }
  return out;
}

export function sm2Curve(curve: Sm2CurveParams) {
  const { n } = curve;
  const Point = weierstrass({ ...curve, h: 1n });
  const L = 32;
  const fe = (x: bigint): Uint8Array => numberToBytesBE(x, L);
  const randomScalar = (max: bigint): bigint => mod(bytesToNumberBE(randomBytes(L + 16)), max) + 1n; // 1..max

  function secretScalar(secretKey: Uint8Array): bigint {
    const d = secretKey.length === L ? bytesToNumberBE(secretKey) : 0n;
    if (d < 1n || d > n - 2n) throw new RangeError('SM2 secret key must be 32 bytes with 1 ≤ d ≤ n − 2');
    return d;
  }

  /** Only the uncompressed encoding; throws on anything not on the curve. */
  function parsePoint(bytes: Uint8Array) {
    if (bytes.length !== 1 + 2 * L || bytes[0] !== 0x04) throw new RangeError('SM2 point must be 04 ‖ x ‖ y');
    return Point.fromBytes(bytes);
  }

  function getPublicKey(secretKey: Uint8Array): Uint8Array {
    return Point.BASE.multiply(secretScalar(secretKey)).toBytes(false);
  }

  function isValidPublicKey(publicKey: Uint8Array): boolean {
    try {
      parsePoint(publicKey);
      return true;
    } catch {
      return false;
    }
  }

  /** Z_A = SM3(ENTL_A ‖ ID_A ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A), GB/T 32918.2 §5.5. */
  function za(publicKey: Uint8Array, id: Uint8Array = SM2_DEFAULT_ID): Uint8Array {
    if (id.length >= 8192) throw new RangeError('SM2 user ID too long');
    const P = parsePoint(publicKey);
    const entl = Uint8Array.of((id.length * 8) >> 8, (id.length * 8) & 0xff);
    return sm3(concatBytes(entl, id, fe(curve.a), fe(curve.b), fe(curve.Gx), fe(curve.Gy), fe(P.x), fe(P.y)));
  }

  const digest = (message: Uint8Array, publicKey: Uint8Array, id?: Uint8Array): bigint =>
    bytesToNumberBE(sm3.create().update(za(publicKey, id)).update(message).digest());

  /** GB/T 32918.2 §6.1. `k` is for replaying the standard's examples only: never pass it otherwise. */
  function sign(message: Uint8Array, secretKey: Uint8Array, opts: { id?: Uint8Array; k?: bigint } = {}): Uint8Array {
    const d = secretScalar(secretKey);
    const e = digest(message, Point.BASE.multiply(d).toBytes(false), opts.id);
    for (;;) {
      const k = opts.k ?? randomScalar(n - 1n);
      const r = mod(e + Point.BASE.multiply(k).x, n);
      const s = mod(Point.Fn.inv(1n + d) * (k - r * d), n);
      if (r !== 0n && r + k !== n && s !== 0n) return concatBytes(fe(r), fe(s));
      if (opts.k !== undefined) throw new RangeError('SM2: the given k yields no signature');
    }
  }

  /** GB/T 32918.2 §7.1. Never throws: anything malformed is simply not a valid signature. */
  function verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array, opts: { id?: Uint8Array } = {}): boolean {
    try {
      if (signature.length !== 2 * L) return false;
      const r = bytesToNumberBE(signature.subarray(0, L));
      const s = bytesToNumberBE(signature.subarray(L));
      if (r < 1n || r >= n || s < 1n || s >= n) return false;
      const t = mod(r + s, n);
      if (t === 0n) return false;
      const e = digest(message, publicKey, opts.id);
      const X = Point.BASE.mulAddUnsafe(s, parsePoint(publicKey), t);
      return !X.is0() && mod(e + X.x, n) === r;
    } catch {
      return false;
    }
  }

  /** GB/T 32918.4 §6.1, output C1 ‖ C3 ‖ C2. `k` is for replaying the standard's examples only. */
  function encrypt(publicKey: Uint8Array, message: Uint8Array, opts: { k?: bigint } = {}): Uint8Array {
    const PB = parsePoint(publicKey);
    for (;;) {
      const k = opts.k ?? randomScalar(n - 1n);
      const C1 = Point.BASE.multiply(k).toBytes(false);
      const S = PB.multiply(k);
      const x2 = fe(S.x);
      const y2 = fe(S.y);
      const t = sm3Kdf(concatBytes(x2, y2), message.length);
      if (message.length === 0 || t.some((byte) => byte !== 0)) {
        const C2 = message.map((byte, i) => byte ^ t[i]!);
        const C3 = sm3(concatBytes(x2, message, y2));
        return concatBytes(C1, C3, C2);
      }
      if (opts.k !== undefined) throw new RangeError('SM2: the given k yields an all-zero key stream');
    }
  }

  /** GB/T 32918.4 §7.1. Null for anything that does not decrypt: wrong key, altered or malformed. */
  function decrypt(secretKey: Uint8Array, ciphertext: Uint8Array): Uint8Array | null {
    const d = secretScalar(secretKey);
    if (ciphertext.length < 1 + 2 * L + 32) return null;
    try {
      const C1 = parsePoint(ciphertext.subarray(0, 1 + 2 * L));
      const C3 = ciphertext.subarray(1 + 2 * L, 1 + 2 * L + 32);
      const C2 = ciphertext.subarray(1 + 2 * L + 32);
      const S = C1.multiply(d);
      const x2 = fe(S.x);
      const y2 = fe(S.y);
      const t = sm3Kdf(concatBytes(x2, y2), C2.length);
      if (C2.length > 0 && t.every((byte) => byte === 0)) return null;
      const M = C2.map((byte, i) => byte ^ t[i]!);
      return equalBytes(sm3(concatBytes(x2, M, y2)), C3) ? M : null;
    } catch {
      return null;
    }
  }

  function keygen(): { secretKey: Uint8Array; publicKey: Uint8Array } {
    const secretKey = fe(randomScalar(n - 2n));
    return { secretKey, publicKey: getPublicKey(secretKey) };
  }

  return { keygen, getPublicKey, isValidPublicKey, za, sign, verify, encrypt, decrypt };
}

export const sm2 = sm2Curve(SM2_RECOMMENDED_CURVE);
