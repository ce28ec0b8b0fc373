/**
 * SM3 hash (GB/T 32905-2016), 256-bit output.
 *
 * Written on @noble/hashes' Merkle–Damgård base class (the one its SHA-256 uses): SM3 has the same
 * 64-byte blocks, the same big-endian padding and length, and differs only in the compression
 * function below. Being a noble `CHash`, it plugs into noble's hmac/hkdf where needed.
 * No well-kept npm package fits: sm-crypto and gm-crypto sit on jsbn, sm-crypto-v2 pulls a second
 * copy of the @noble 1.x family.
 */
import { HashMD } from '@noble/hashes/_md.js';
import { clean, createHasher, rotl } from '@noble/hashes/utils.js';

const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];
const W = new Uint32Array(68);
const W1 = new Uint32Array(64);

const P0 = (x: number): number => x ^ rotl(x, 9) ^ rotl(x, 17);
const P1 = (x: number): number => x ^ rotl(x, 15) ^ rotl(x, 23);

class SM3 extends HashMD<SM3> {
  private A = IV[0]! | 0;
  private B = IV[1]! | 0;
  private C = IV[2]! | 0;
  private D = IV[3]! | 0;
  private E = IV[4]! | 0;
  private F = IV[5]! | 0;
  private G = IV[6]! | 0;
  private H = IV[7]! | 0;

  constructor() {
    super(64, 32, 8, false);
  }

  protected get(): number[] {
    return [this.A, this.B, this.C, this.D, this.E, this.F, this.G, this.H];
  }

  protected set(...v: number[]): void {
    [this.A, this.B, this.C, this.D, this.E, this.F, this.G, this.H] = v.map((x) => x | 0) as [
      number, number, number, number, number, number, number, number,
    ];
  }

  protected process(view: DataView, offset: number): void {
    for (let j = 0; j < 16; j++, offset += 4) W[j] = view.getUint32(offset, false);
    for (let j = 16; j < 68; j++) {
      W[j] = P1(W[j - 16]! ^ W[j - 9]! ^ rotl(W[j - 3]!, 15)) ^ rotl(W[j - 13]!, 7) ^ W[j - 6]!;
    }
    for (let j = 0; j < 64; j++) W1[j] = W[j]! ^ W[j + 4]!;
    let { A, B, C, D, E, F, G, H } = this;
    for (let j = 0; j < 64; j++) {
      const early = j < 16;
      const T = early ? 0x79cc4519 : 0x7a879d8a;
      const A12 = rotl(A, 12);
      const SS1 = rotl((A12 + E + rotl(T, j % 32)) | 0, 7);
      const SS2 = SS1 ^ A12;
      const FF = early ? A ^ B ^ C : (A & B) | (A & C) | (B & C);
      const GG = early ? E ^ F ^ G : (E & F) | (~E & G);
      const TT1 = (FF + D + SS2 + W1[j]!) | 0;
      const TT2 = (GG + H + SS1 + W[j]!) | 0;
      D = C;
      C = rotl(B, 9);
      B = A;
      A = TT1;
      H = G;
      G = rotl(F, 19);
      F = E;
      E = P0(TT2);
    }
    this.set(A ^ this.A, B ^ this.B, C ^ this.C, D ^ this.D, E ^ this.E, F ^ this.F, G ^ this.G, H ^ this.H);
  }

  protected roundClean(): void {
    clean(W, W1);
  }

  destroy(): void {
    this.destroyed = true;
    this.set(0, 0, 0, 0, 0, 0, 0, 0);
    clean(this.buffer);
  }

  _cloneInto(to?: SM3): SM3 {
    const target = to ?? new SM3();
    target.set(...this.get());
    return this._cloneIntoMeta(target);
  }
}

/** SM3 of `data`: `sm3(bytes)`, or incrementally `sm3.create().update(a).update(b).digest()`. */
export const sm3 = createHasher(() => new SM3());
