/**
 * Random streams. Every random quantity of a scenario draws from its own
 * generator, seeded from (master seed, scenario id, quantity id, chunk index).
 * Hence:
 * - results do not depend on how chunks are spread over threads;
 * - adding or removing one event or parameter leaves every other quantity's
 *   draws unchanged (its key, and so its stream, is untouched).
 *
 * The generator is seedrandom's Alea (J. Baagøe, 2010), chosen because it is
 * the fastest of seedrandom's generators here (~180 M draws/s) and hashes its
 * string key with Mash, so that keys differing in one character give
 * unrelated streams. Each draw is a double in [0, 1) with 32 random bits.
 */
import seedrandom from "seedrandom";
import { aleaStateWithPrefix, type AleaState } from "./alea.js";

/** A source of uniform doubles in [0, 1). */
export type Uniform = () => number;

/** Unit separator: cannot appear in ids (they are [a-z0-9_]) nor, in practice, in seeds. */
const SEP = "\u001f";

export function streamKey(seed: string, scenarioId: string, quantity: string, chunk: number): string {
  return `${streamPrefix(seed, scenarioId, quantity)}${chunk}`;
}

/** The part of a stream's key that is the same in every chunk. */
export function streamPrefix(seed: string, scenarioId: string, quantity: string): string {
  return `marketfutures/1${SEP}${seed}${SEP}${scenarioId}${SEP}${quantity}${SEP}`;
}

/** The generator of one quantity in one chunk. */
export function openStream(seed: string, scenarioId: string, quantity: string, chunk: number): Uniform {
  return seedrandom.alea(streamKey(seed, scenarioId, quantity, chunk));
}

/** A uniform strictly inside (0, 1), for inverse CDFs: Alea can return exactly 0. */
export function openUnit(u: number): number {
  return u === 0 ? 1.1641532182693481e-10 /* 2^-33 */ : u;
}

/** The same stream as openStream, as an Alea state for the batch samplers (engine/random/alea.ts). */
export function openState(seed: string, scenarioId: string, quantity: string, chunk: number): AleaState {
  return aleaStateWithPrefix(streamPrefix(seed, scenarioId, quantity), String(chunk));
}
