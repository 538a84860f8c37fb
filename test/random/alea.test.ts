/**
 * Alea's seeding (engine/random/alea.ts) is seedrandom's: the same state for
 * any key, also through the cached first pass over a stream's key prefix
 * (engine/random/streams.ts, openState), so every stream draws what
 * seedrandom.alea(key) draws.
 */
import { describe, expect, it } from "vitest";
import seedrandom from "seedrandom";
import { aleaNext, aleaState, aleaStateWithPrefix, seedrandomAleaState } from "../../engine/random/alea.js";
import { openState, openStream, streamKey } from "../../engine/random/streams.js";

describe("Alea seeding", () => {
  const rng = seedrandom("alea keys");
  const randomKey = () =>
    Array.from({ length: Math.floor(rng() * 80) }, () => String.fromCharCode(rng() < 0.9 ? 32 + Math.floor(rng() * 95) : Math.floor(rng() * 0xffff))).join("");

  it("gives seedrandom's state for 2,000 keys (empty, ASCII, any UTF-16 code unit)", () => {
    const keys = ["", " ", "a", "inline", "marketfutures/1\u001f2025\u001fbenchmark\u001fnoise:market:p00\u001f0", ...Array.from({ length: 2000 }, randomKey)];
    for (const key of keys) expect(aleaState(key), JSON.stringify(key)).toEqual(seedrandomAleaState(key));
  });

  it("gives it with any split into a cached prefix and the rest, the cache being reused", () => {
    for (let k = 0; k < 500; k++) {
      const key = randomKey();
      const cut = Math.floor(rng() * (key.length + 1));
      const expected = seedrandomAleaState(key);
      expect(aleaStateWithPrefix(key.slice(0, cut), key.slice(cut))).toEqual(expected);
      expect(aleaStateWithPrefix(key.slice(0, cut), key.slice(cut))).toEqual(expected);
    }
  });

  it("openState's stream draws openStream's (seedrandom's) numbers, chunk after chunk", () => {
    for (const chunk of [0, 1, 9, 10, 488, 12345]) {
      const st = openState("seed é", "scenario_x", "input:player:aws:drift", chunk);
      const ref = openStream("seed é", "scenario_x", "input:player:aws:drift", chunk);
      expect(st).toEqual(seedrandomAleaState(streamKey("seed é", "scenario_x", "input:player:aws:drift", chunk)));
      for (let i = 0; i < 100; i++) expect(aleaNext(st)).toBe(ref());
    }
  });
});
