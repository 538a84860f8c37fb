/**
 * `npm run build` (after tsc): writes the explorer's static bundle into
 * dist/explorer/ (or the folder given): index.html, explorer.css, main.js
 * (the page) and worker.js (engine/browser/worker.ts) with their shared code
 * split into chunk-*.js (ES modules; a module Web Worker imports them), the
 * shipped scenarios as scenarios.json and the Inter fonts. Any static web
 * server can serve the folder (build/serve.ts is ours).
 *
 * Bundler: esbuild, because it is one small, well-kept dependency with no
 * plugins needed here, installs on Node 20 from npm, bundles TypeScript as
 * written (the `.js` import specifiers of NodeNext resolve to `.ts`), splits
 * code shared by the page and its worker, and takes about a second.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile, type Plugin } from "esbuild";
import { readLibrary } from "./readLibrary.js";
import { repositoryRoot } from "./root.js";

/**
 * zod re-exports the messages of its ~50 languages as `z.locales`; the
 * loader never uses them (zod configures English itself, from its own
 * module), but a namespace re-export cannot be tree-shaken: ~250 KiB of
 * minified code. Their index is replaced by an empty module.
 */
export const withoutZodLocales: Plugin = {
  name: "without-zod-locales",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: "zod-locales", namespace: "empty" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

export interface BundleReport {
  out: string;
  files: { name: string; bytes: number }[];
}

export async function bundleExplorer(out: string, root = repositoryRoot()): Promise<BundleReport> {
  const src = join(root, "reports/explorer");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, "fonts"), { recursive: true });
  const result = await build({
    entryPoints: { main: join(src, "main.ts"), worker: join(root, "engine/browser/worker.ts") },
    outdir: out,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: ["chrome109", "firefox115", "safari16"],
    minify: true,
    sourcemap: false,
    legalComments: "linked",
    metafile: true,
    logLevel: "warning",
    plugins: [withoutZodLocales],
  });
  copyFileSync(join(src, "index.html"), join(out, "index.html"));
  copyFileSync(join(src, "explorer.css"), join(out, "explorer.css"));
  for (const f of ["Inter-Regular.ttf", "Inter-SemiBold.ttf", "OFL.txt"]) copyFileSync(join(root, "reports/fonts", f), join(out, "fonts", f));
  writeFileSync(join(out, "scenarios.json"), JSON.stringify(readLibrary(join(root, "scenarios"))));
  return { out, files: outputSizes(result.metafile, out) };
}

function outputSizes(meta: Metafile, out: string): BundleReport["files"] {
  return Object.entries(meta.outputs).map(([file, o]) => ({ name: relative(out, resolve(file)), bytes: o.bytes }));
}

// Run as a script: bundle into dist/explorer (or argv[2]) and print the sizes.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = repositoryRoot();
  const out = resolve(process.argv[2] ?? join(root, "dist/explorer"));
  const report = await bundleExplorer(out, root);
  const total = report.files.filter((f) => f.name.endsWith(".js")).reduce((a, f) => a + f.bytes, 0);
  process.stdout.write(
    `explorer: ${relative(process.cwd(), out) || "."}/ written (JavaScript ${(total / 1024).toFixed(0)} KiB minified: ${report.files.map((f) => `${f.name} ${(f.bytes / 1024).toFixed(0)} KiB`).join(", ")})\n`,
  );
}
