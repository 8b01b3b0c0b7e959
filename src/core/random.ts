// Seeded random numbers that are the same on every machine and every run: the same seed and
// key give the same sequence, so a variant seed in a result file always means the same question.
// The generator is pure-rand's xoroshiro128+ (integer arithmetic only, no Math.random); its
// 128-bit state is derived from the seed and a string key (e.g. a template id) with FNV-1a.
// Generators advance in place (pure-rand 8); make a fresh one with rngFor for each job.
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";

export type Rng = RandomGenerator;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a, 32 bits, over bytes. */
function fnv1aBytes(bytes: Iterable<number>, hash = FNV_OFFSET): number {
  let h = hash;
  for (const byte of bytes) h = Math.imul(h ^ byte, FNV_PRIME) >>> 0;
  return h;
}

/** FNV-1a (32 bits) of a string's UTF-8 bytes, as an unsigned integer. */
export function fnv1a32(text: string): number {
  return fnv1aBytes(new TextEncoder().encode(text));
}

/** MurmurHash3's finaliser: spreads every input bit over the whole word. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Throws unless the seed is a whole number that doubles represent exactly. */
export function assertSeed(seed: number): void {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`a seed must be a whole number between ±${Number.MAX_SAFE_INTEGER}, got ${String(seed)}`);
  }
}

/**
 * A generator for one job: `seed` (any safe integer, negative too) mixed with `key`, so that
 * different templates under the same session seed draw independent numbers.
 */
export function rngFor(seed: number, key: string): Rng {
  assertSeed(seed);
  const low = seed >>> 0;
  const high = Math.floor(seed / 0x100000000) >>> 0;
  const seedBytes = [0, 8, 16, 24].flatMap((shift) => [(low >>> shift) & 0xff, (high >>> shift) & 0xff]);
  // The seed's bytes, a separator, then the key: (1, "2x") and (12, "x") hash apart.
  const base = fnv1aBytes(new TextEncoder().encode(key), fnv1aBytes([...seedBytes, 0]));
  const state = [1, 2, 3, 4].map((lane) => fmix32(base + Math.imul(lane, 0x9e3779b9)) | 0);
  // xoroshiro128+ must not start from the all-zero state.
  if (state.every((word): boolean => word === 0)) state[0] = 1;
  return xoroshiro128plusFromState(state);
}

/** A uniformly drawn integer from min to max, both included. */
export function randomInt(rng: Rng, min: number, max: number): number {
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
    throw new RangeError(`randomInt needs whole numbers min ≤ max, got ${min} and ${max}`);
  }
  return uniformInt(rng, min, max);
}

/** One item, each equally likely. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError("pick needs at least one item");
  return items[randomInt(rng, 0, items.length - 1)]!;
}

/** A shuffled copy (Fisher–Yates: every order equally likely); the input is left alone. */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, 0, i);
    const tmp = out[i]!;
    out[i] = out[j]!;
    out[j] = tmp;
  }
  return out;
}
