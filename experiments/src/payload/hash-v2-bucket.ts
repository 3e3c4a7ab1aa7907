/**
 * GrowthBook's hash version 2: the bucket in [0, 1) a unit falls into for a given seed.
 *
 *   fnv1a32(s)          = FNV-1a over the UTF-16 code units of s, 32-bit:
 *                         h = 0x811c9dc5; for each unit c: h = (h XOR c) * 16777619 mod 2^32
 *   hashV2Bucket(s, id) = (fnv1a32(decimal(fnv1a32(s + id))) mod 10000) / 10000
 *
 * Source: `hash()` and `hashFnv32a()` in @growthbook/growthbook `src/util.ts` (1.8.0), which writes the
 * multiplication by the FNV prime 16777619 = 2^24 + 2^8 + 2^7 + 2^4 + 2^1 + 1 as shifts and adds.
 * Version 1 (`fnv1a32(id + seed) mod 1000`) is biased when experiments run side by side; never use it.
 *
 * JS strings are UTF-16, so ids outside ASCII hash differently in SDKs that hash UTF-8 bytes: keep
 * hashed ids ASCII (UUIDs).
 */

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a of `text`'s UTF-16 code units, as an unsigned integer. */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/** Bucket in [0, 1) on a 1/10000 grid: which variation or namespace slice `id` falls into for `seed`. */
export function hashV2Bucket(seed: string, id: string): number {
  return (fnv1a32(String(fnv1a32(seed + id))) % 10000) / 10000;
}
