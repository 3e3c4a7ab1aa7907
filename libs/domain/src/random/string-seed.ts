const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Turns a text into a 32-bit seed with FNV-1a (Fowler, Noll and Vo; 32-bit offset basis 2166136261,
 * prime 16777619 — http://www.isthe.com/chongo/tech/comp/fnv/). It hashes UTF-16 code units, so the same
 * text always gives the same seed on every JavaScript engine. Used to give each skill its own stream.
 *
 * @returns an unsigned 32-bit integer.
 */
export function seedFromString(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}
