/**
 * Seeded randomness for the simulated web: latency jitter and `/uuid`.
 *
 * Every request gets its own generator, seeded from the web's seed, the
 * request's method and URL, and how many times that same request was made
 * before. The rejected design was one generator shared by all requests: then
 * adding a single request anywhere in a snippet would shift the jitter of every
 * request after it, and "pin a run and compare it with the next" would show
 * differences the learner did not cause.
 */

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: a tiny 32-bit generator, plenty for jitter (not for secrets).
 *
 * @example const r = mulberry32(42); r(); // 0.6011037519201636, every time
 */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * FNV-1a over a string's UTF-16 code units, mixed with a seed: turns a request
 * key into a generator seed.
 *
 * @example hashString("GET https://httpbin.org/get#0", 1) // a stable 32-bit integer
 */
export function hashString(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A latency of `base` seconds plus up to `spread` seconds of jitter, rounded to
 * whole milliseconds so the output and the timeline show `0.137`, not
 * `0.13729417324`.
 *
 * @example jittered(0.1, 0.05, () => 0.5) === 0.125
 */
export function jittered(base: number, spread: number, random: Random): number {
  return Math.round((base + spread * random()) * 1000) / 1000;
}
