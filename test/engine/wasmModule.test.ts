/**
 * The committed WebAssembly module (engine/wasm/evolveModule.ts) is the
 * compilation of the committed AssemblyScript source with the pinned
 * compiler, so that the bytes that run are the source that is read.
 * (That the module gives the JavaScript kernel's numbers to the last bit is
 * test/engine/golden.test.ts; that it gives MODEL.md's paths is
 * test/engine/kernel-vs-naive.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { ascVersion, compileEvolve, moduleSource } from "../../engine/wasm/build.js";
import { EVOLVE_WASM_BASE64 } from "../../engine/wasm/evolveModule.js";
import { readFileSync } from "node:fs";

describe("engine/wasm/evolveModule.ts", () => {
  it("is what `npm run wasm` makes of engine/wasm/assembly/evolve.ts (rerun it after editing the source)", async () => {
    const binary = await compileEvolve();
    expect(Buffer.from(binary).toString("base64")).toBe(EVOLVE_WASM_BASE64);
    expect(readFileSync(new URL("../../engine/wasm/evolveModule.ts", import.meta.url), "utf8")).toBe(moduleSource(binary, ascVersion()));
  }, 60_000);

  it("is a valid module that imports only its memory and exports evolve", () => {
    const module = new WebAssembly.Module(Buffer.from(EVOLVE_WASM_BASE64, "base64"));
    expect(WebAssembly.Module.imports(module)).toEqual([{ module: "env", name: "memory", kind: "memory" }]);
    expect(WebAssembly.Module.exports(module).map((e) => e.name)).toContain("evolve");
  });
});
