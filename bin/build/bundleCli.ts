/**
 * `npm run build` (after tsc): bundles the command line into
 * dist/bin/marketfutures.js (replacing tsc's one-module-per-file output of
 * it), dist/bin/worker.js (the worker threads' entry, engine/run/worker.ts)
 * and the chunks they share, dist/bin/chunk-*.js.
 *
 * Why: a process that imports the CLI as tsc wrote it resolves, reads and
 * links about 280 files of dist/ and, through mathjs/number's entry module,
 * instantiates every one of mathjs's number functions (typed-function) to use
 * only its parser: about 1 s before the first useful work on the development
 * machine. One bundle per entry, with the code of each subcommand split into
 * chunks loaded when that subcommand runs (the CLI's dynamic imports), loads
 * a few files; mathjs is marked free of side effects in its package.json, so
 * esbuild keeps only what `create({ parseDependencies })` reaches.
 *
 * Minified but for names (whitespace and syntax; identifiers kept): a
 * command parses less code before its first useful work (run's start: about
 * 40 ms less on the development machine). Stack traces keep function names;
 * with MARKETFUTURES_DEBUG=1 the entry turns on Node's source maps (the .map
 * files written here), so they also give the source files and lines.
 * esbuild's metafile is written to dist/cli-bundle.json (not packed): which
 * source files and packages each chunk holds, for the start-up test.
 *
 * Kept out of the bundle (imported from node_modules as before): jsdom, which
 * reads its own files at run time, and @resvg/resvg-js, a native addon.
 * CommonJS dependencies bundled here (commander, seedrandom) call `require`
 * for Node's modules, hence the `createRequire` banner.
 */
import { chmodSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { withoutZodLocales } from "../../reports/explorer/build/bundle.js";
import { repositoryRoot } from "../../reports/explorer/build/root.js";

/** esbuild's metafile of the last build, beside dist/bin (package.json's `files` leaves it out). */
export const CLI_BUNDLE_META = "cli-bundle.json";

/** Packages imported at run time from node_modules rather than bundled. */
export const EXTERNAL = ["jsdom", "@resvg/resvg-js"];

export interface CliBundle {
  files: { name: string; bytes: number }[];
}

/** Bundle the CLI and its worker entry into `out` (dist/bin), removing the chunks of an earlier build. */
export async function bundleCli(root = repositoryRoot(), out = join(root, "dist", "bin")): Promise<CliBundle> {
  for (const f of safeReaddir(out)) if (/^chunk-\w+\.js(\.map)?$/.test(f)) rmSync(join(out, f));
  const result = await build({
    entryPoints: { marketfutures: join(root, "bin/marketfutures.ts"), worker: join(root, "engine/run/worker.ts") },
    outdir: out,
    chunkNames: "chunk-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: EXTERNAL,
    // ES module builds first: jsonc-parser's "main" is a UMD build whose require() calls esbuild cannot follow.
    mainFields: ["module", "main"],
    // names kept for stack traces in bug reports (MARKETFUTURES_DEBUG=1), which then map to the sources
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: "linked",
    sourcesContent: false,
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
    banner: { js: 'import { createRequire as __mfCreateRequire } from "node:module"; const require = __mfCreateRequire(import.meta.url);' },
    plugins: [withoutZodLocales],
  });
  // the package's bin: `npx marketfutures` runs the file itself, which esbuild writes without the executable bit
  chmodSync(join(out, "marketfutures.js"), 0o755);
  writeFileSync(join(out, "..", CLI_BUNDLE_META), JSON.stringify(result.metafile));
  return {
    files: Object.entries(result.metafile.outputs)
      .filter(([file]) => !file.endsWith(".map"))
      .map(([file, o]) => ({ name: relative(out, resolve(root, file)), bytes: o.bytes })),
  };
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

// Run as a script: bundle into dist/bin and print the sizes.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { files } = await bundleCli();
  const entries = files.filter((f) => !f.name.startsWith("chunk-"));
  const chunks = files.filter((f) => f.name.startsWith("chunk-"));
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  process.stdout.write(
    `cli: dist/bin/ bundled (${entries.map((f) => `${f.name} ${kib(f.bytes)}`).join(", ")}; ${chunks.length} chunks, ${kib(chunks.reduce((a, f) => a + f.bytes, 0))})\n`,
  );
}
