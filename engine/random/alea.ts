/**
 * Batch draws from seedrandom's Alea generator (J. Baagøe, 2010), for hot
 * loops. seedrandom seeds the generator (Mash hash of the stream key) and we
 * take its state; the recurrence below is Alea's own, so the draws are
 * exactly those of `seedrandom.alea(key)()`, in the same order (tested),
 * without a closure call and property accesses per draw:
 *
 *   t = 2091639 s0 + c 2^-32;  s0 = s1;  s1 = s2;  c = floor(t);  s2 = t - c
 *
 * Every value is exactly representable (32-bit fractions), so the recurrence
 * is bit-exact in any IEEE-754 double arithmetic. The batch loops keep the
 * carry pre-scaled (k = c 2^-32) and take floor(t) with Math.floor: the same
 * numbers, but the carry's chain from one draw to the next is an add, a
 * floor and a multiply, instead of Alea's `t | 0` and an int-to-double
 * conversion: about twice as fast (the chain is the whole cost of a draw).
 */
import seedrandom from "seedrandom";

export interface AleaState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

const TWO_M32 = 2.3283064365386963e-10;
const TWO_32 = 4294967296;

/** The state seedrandom's Alea starts from for this key (the one seedrandom.alea(key) has; tested). */
export function aleaState(key: string): AleaState {
  return aleaStateWithPrefix("", key);
}

/** seedrandom's state, for checking aleaState (and what seedrandom.alea(key) would start from). */
export function seedrandomAleaState(key: string): AleaState {
  const { c, s0, s1, s2 } = (seedrandom.alea(key, { state: true }) as unknown as { state(): AleaState }).state();
  return { c, s0, s1, s2 };
}

/*
 * Alea's seeding, as seedrandom's lib/alea.js does it: one Mash hash (J.
 * Baagøe) runs over ' ' three times, then over the key three times, and each
 * of s0, s1, s2 is the difference of two of its outputs. Written here without
 * seedrandom's closures and objects, and with the Mash state after the first
 * pass over a key's prefix kept (keys of one quantity differ only in their
 * last characters, the chunk index): opening the 30-odd streams of a chunk
 * took about a tenth of a millisecond through seedrandom.
 */
const MASH_START = 0xefc8249d;

/** Mash over s from state n: the new state (the output is (n >>> 0) 2^-32). */
function mash(n: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    n += s.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * 0x100000000;
  }
  return n;
}
const mashOutput = (n: number) => (n >>> 0) * TWO_M32;

const N_SPACES = [mash(MASH_START, " ")];
N_SPACES.push(mash(N_SPACES[0], " "), mash(mash(N_SPACES[0], " "), " "));
const [SPACE0, SPACE1, SPACE2] = N_SPACES.map(mashOutput);
/** Mash state after ' ' x 3 and the first pass over a prefix, by prefix (bounded: cleared when large). */
const afterPrefix = new Map<string, number>();

/** aleaState(prefix + rest), remembering the first pass over `prefix`. */
export function aleaStateWithPrefix(prefix: string, rest: string): AleaState {
  // NaN, not 0: the fields hold doubles from the start, so that reseeding never changes the object's shape
  const st = { c: 1, s0: NaN, s1: NaN, s2: NaN };
  reseedAlea(st, prefix, rest);
  return st;
}

/** Puts `st` in the state aleaStateWithPrefix(prefix, rest) would return, without allocating. */
export function reseedAlea(st: AleaState, prefix: string, rest: string): void {
  let n1 = afterPrefix.get(prefix);
  if (n1 === undefined) {
    if (afterPrefix.size > 10_000) afterPrefix.clear();
    afterPrefix.set(prefix, (n1 = mash(N_SPACES[2], prefix)));
  }
  const key = prefix + rest;
  n1 = mash(n1, rest);
  const n2 = mash(n1, key);
  const n3 = mash(n2, key);
  let s0 = SPACE0 - mashOutput(n1);
  if (s0 < 0) s0 += 1;
  let s1 = SPACE1 - mashOutput(n2);
  if (s1 < 0) s1 += 1;
  let s2 = SPACE2 - mashOutput(n3);
  if (s2 < 0) s2 += 1;
  st.c = 1;
  st.s0 = s0;
  st.s1 = s1;
  st.s2 = s2;
}

/** One draw in [0, 1), advancing the state. */
export function aleaNext(st: AleaState): number {
  const t = 2091639 * st.s0 + st.c * TWO_M32;
  st.s0 = st.s1;
  st.s1 = st.s2;
  st.c = t | 0;
  return (st.s2 = t - st.c);
}

/** out[offset .. offset + count) = the next `count` draws. */
export function fillUniforms(st: AleaState, out: Float64Array, offset: number, count: number): void {
  let { s0, s1, s2 } = st;
  let k = st.c * TWO_M32;
  const end = offset + count;
  for (let j = offset; j < end; j++) {
    const t = 2091639 * s0 + k;
    s0 = s1;
    s1 = s2;
    const c = Math.floor(t);
    s2 = t - c;
    k = c * TWO_M32;
    out[j] = s2;
  }
  st.c = k * TWO_32;
  st.s0 = s0;
  st.s1 = s1;
  st.s2 = s2;
}
