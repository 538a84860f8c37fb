/**
 * The committed WebAssembly module (engine/wasm/kernelModule.ts) is the
 * compilation of the committed AssemblyScript source with the pinned
 * compiler, so that the bytes that run are the source that is read.
 * (That the module gives the JavaScript kernel's numbers to the last bit is
 * test/engine/golden.test.ts; that it gives MODEL.md's paths is
 * test/engine/kernel-vs-naive.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { ascVersion, compileKernel, moduleSource } from "../../engine/wasm/build.js";
import { KERNEL_WASM_BASE64 } from "../../engine/wasm/kernelModule.js";
import { readFileSync } from "node:fs";

describe("engine/wasm/kernelModule.ts", () => {
  it("is what `npm run wasm` makes of engine/wasm/assembly/ (rerun it after editing the source)", async () => {
    const binary = await compileKernel();
    expect(Buffer.from(binary).toString("base64")).toBe(KERNEL_WASM_BASE64);
    expect(readFileSync(new URL("../../engine/wasm/kernelModule.ts", import.meta.url), "utf8")).toBe(moduleSource(binary, ascVersion()));
  }, 60_000);

  it("is a valid module that imports only its memory and exports evolve and summarise", () => {
    const module = new WebAssembly.Module(Buffer.from(KERNEL_WASM_BASE64, "base64"));
    expect(WebAssembly.Module.imports(module)).toEqual([{ module: "env", name: "memory", kind: "memory" }]);
    expect(WebAssembly.Module.exports(module).map((e) => e.name)).toEqual(expect.arrayContaining(["evolve", "summarise"]));
  });
});
