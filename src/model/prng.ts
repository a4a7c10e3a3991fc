/**
 * Seeded pseudo-random numbers (sfc32) — the model's only source of randomness.
 * Same seed ⇒ same sequence; nothing here reads the wall clock or Math.random.
 */
export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** The generator's state (four 32-bit words): `createRandomFromState(state())` continues the same sequence. */
  state(): RandomState;
}

/** sfc32's four state words, as plain data (part of a simulation snapshot). */
export type RandomState = [number, number, number, number];

/** Turns a number or string seed into four 32-bit words (xmur3-style string hash). */
function seedWords(seed: number | string): RandomState {
  const text = typeof seed === 'number' ? `n:${seed}` : `s:${seed}`;
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const out: number[] = [];
  for (let i = 0; i < 4; i++) {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    out.push(h >>> 0);
  }
  return [out[0], out[1], out[2], out[3]];
}

/** A generator continuing from `state` (as returned by `Random.state()`). */
export function createRandomFromState(state: Readonly<RandomState>): Random {
  let [a, b, c, d] = state;
  const nextUint32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  return {
    nextUint32,
    next: () => nextUint32() / 4294967296,
    state: () => [a >>> 0, b >>> 0, c >>> 0, d >>> 0],
  };
}

export function createRandom(seed: number | string): Random {
  const random = createRandomFromState(seedWords(seed));
  // Warm up: the first outputs of sfc32 correlate with the seed words.
  for (let i = 0; i < 12; i++) random.nextUint32();
  return random;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(word: number): string {
  return HEX[(word >>> 24) & 255] + HEX[(word >>> 16) & 255] + HEX[(word >>> 8) & 255] + HEX[word & 255];
}

/** A UUID-v4-shaped id drawn from the generator (version nibble 4, variant 10xx). */
export function randomUuid(random: Random): string {
  const w0 = random.nextUint32();
  const w1 = (random.nextUint32() & 0xffff0fff) | 0x00004000;
  const w2 = ((random.nextUint32() & 0x3fffffff) | 0x80000000) >>> 0;
  const w3 = random.nextUint32();
  // Built with join (one flat string) rather than `+`/template concatenation, which leaves
  // a tree of a dozen string pieces behind every id the trace, logs and records keep.
  return [
    HEX[(w0 >>> 24) & 255],
    HEX[(w0 >>> 16) & 255],
    HEX[(w0 >>> 8) & 255],
    HEX[w0 & 255],
    '-',
    HEX[(w1 >>> 24) & 255],
    HEX[(w1 >>> 16) & 255],
    '-',
    HEX[(w1 >>> 8) & 255],
    HEX[w1 & 255],
    '-',
    HEX[(w2 >>> 24) & 255],
    HEX[(w2 >>> 16) & 255],
    '-',
    HEX[(w2 >>> 8) & 255],
    HEX[w2 & 255],
    HEX[(w3 >>> 24) & 255],
    HEX[(w3 >>> 16) & 255],
    HEX[(w3 >>> 8) & 255],
    HEX[w3 & 255],
  ].join('');
}

/** 32 lowercase hex characters (a log stream suffix). */
export function randomHex32(random: Random): string {
  return (
    hex32(random.nextUint32()) +
    hex32(random.nextUint32()) +
    hex32(random.nextUint32()) +
    hex32(random.nextUint32())
  );
}

/** Uniform float in [min, max). */
export function uniform(random: Random, min: number, max: number): number {
  return min + (max - min) * random.next();
}
