/**
 * `npm run build`'s explorer half: the bundle (reports/explorer/build/bundle.ts)
 * and the static server of `npm run explorer` (build/serve.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundleExplorer } from "../../../reports/explorer/build/bundle.js";
import { serveStatic } from "../../../reports/explorer/build/serve.js";
import { OFFERED } from "../../../reports/explorer/library.js";

const work = mkdtempSync(join(tmpdir(), "explorer-build-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("bundleExplorer", async () => {
  const out = join(work, "site");
  const report = await bundleExplorer(out);
  const names = report.files.map((f) => f.name);

  it("writes the page, its worker, their shared chunk, styles, fonts and the shipped scenarios", () => {
    expect(names).toEqual(expect.arrayContaining(["main.js", "worker.js"]));
    expect(names.some((n) => /^chunk-.*\.js$/.test(n))).toBe(true);
    for (const f of ["index.html", "explorer.css", "fonts/Inter-Regular.ttf", "fonts/OFL.txt"]) expect(() => readFileSync(join(out, f))).not.toThrow();
    const library = JSON.parse(readFileSync(join(out, "scenarios.json"), "utf8"));
    expect(library.offered).toEqual(OFFERED);
    for (const f of OFFERED) expect(library.files[f]).toBe(readFileSync(join("scenarios", f), "utf8"));
  });

  it("references only files it wrote (index.html's script and stylesheet)", () => {
    const html = readFileSync(join(out, "index.html"), "utf8");
    for (const m of html.matchAll(/(?:src|href)="([^"#:]+)"/g)) expect(() => readFileSync(join(out, m[1]))).not.toThrow();
  });

  it("leaves zod's unused locales out", () => {
    expect(readFileSync(join(out, "main.js"), "utf8")).not.toMatch(/Hebrew|עברית/);
  });
});

describe("serveStatic", async () => {
  const dir = join(work, "static");
  mkdirSync(join(dir, "sub"), { recursive: true });
  writeFileSync(join(dir, "index.html"), "<p>hi</p>");
  writeFileSync(join(dir, "sub", "a.js"), "export {};");
  writeFileSync(join(work, "secret.txt"), "no");
  const { server, url } = await serveStatic(dir, 0);
  afterAll(() => server.close());

  it("serves files with their content types, index.html for a folder", async () => {
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await page.text()).toBe("<p>hi</p>");
    expect((await fetch(`${url}sub/a.js`)).headers.get("content-type")).toBe("text/javascript; charset=utf-8");
  });

  it("answers 404 for what is missing, 403 outside the folder, 405 for other methods", async () => {
    expect((await fetch(`${url}nope.js`)).status).toBe(404);
    // an encoded slash survives URL parsing and is decoded by the server: the path must still stay inside
    expect((await fetch(`${url}..%2Fsecret.txt`)).status).toBe(403);
    expect((await fetch(url, { method: "POST" })).status).toBe(405);
  });
});
