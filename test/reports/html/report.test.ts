/** report.html built from the frozen fixture: self-contained, complete, and fully French with --lang fr. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserError } from "../../../engine/diagnostics.js";
import { buildReport } from "../../../reports/buildReport.js";
import { en } from "../../../reports/i18n/en.js";
import { fr } from "../../../reports/i18n/fr.js";
import { frenchSpacing } from "../../../reports/i18n/index.js";
import { escapeHtml } from "../../../reports/html/escape.js";
import { loadFixture } from "../fixture.js";

const results = loadFixture();
const tmp = mkdtempSync(join(tmpdir(), "mf-report-"));
const opts = (out: string, lang: "en" | "fr" = "en") => ({
  out,
  lang,
  png: false,
  force: false,
  command: "marketfutures report --from small.json",
  version: "0.1.0",
});
let htmlEn = "";
let htmlFr = "";

beforeAll(async () => {
  await buildReport(results, opts(join(tmp, "en")));
  await buildReport(results, opts(join(tmp, "fr"), "fr"));
  htmlEn = readFileSync(join(tmp, "en", "report.html"), "utf8");
  htmlFr = readFileSync(join(tmp, "fr", "report.html"), "utf8");
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("buildReport", () => {
  it("writes every figure as SVG and CSV, report.html and the marker, and no temporary file", () => {
    const files = readdirSync(join(tmp, "en", "figures"));
    expect(files.filter((f) => f.endsWith(".svg"))).toHaveLength(10);
    expect(files.filter((f) => f.endsWith(".csv"))).toHaveLength(10);
    expect(files.some((f) => f.endsWith(".tmp"))).toBe(false);
    expect(existsSync(join(tmp, "en", ".marketfutures"))).toBe(true);
  });

  it("makes report.html self-contained: no src or href to http(s), no script, fonts inline", () => {
    expect(htmlEn).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(htmlEn).not.toMatch(/url\(\s*["']?https?:/i);
    expect(htmlEn).not.toContain("<script");
    expect(htmlEn).toContain("data:font/ttf;base64,");
    expect((htmlEn.match(/<svg[^>]+role="img"/g) ?? []).length).toBe(10);
  });

  it("has key numbers, targets, method, every assumption and source, and the reproducibility block", () => {
    expect(htmlEn).toContain("US hyperscalers");
    expect(htmlEn).toMatch(/70%/);
    for (const s of results.scenarios) {
      // every number by its readable name, with its rationale, in each language
      for (const a of s.assumptions) {
        expect(htmlEn).toContain(escapeHtml(a.label!.en));
        if (a.rationale) expect(htmlEn).toContain(escapeHtml(a.rationale.en));
        if (a.rationale?.fr) expect(htmlFr).toContain(escapeHtml(frenchSpacing(a.rationale.fr)));
      }
      for (const src of s.sources) expect(htmlEn).toContain(src.title.replace(/'/g, "'"));
      for (const t of s.targets) expect(htmlEn).toContain(t.label.en);
    }
    expect(htmlEn).toContain(en.methodShares.slice(0, 40));
    expect(htmlEn).toContain(results.manifest.command);
    expect(htmlEn).toContain(results.manifest.scenarioFiles[0].sha256);
    const threads = results.manifest.threads;
    expect(htmlEn).toContain(`, ${threads} thread${threads === 1 ? "" : "s"}, chunks of`);
    expect(htmlFr).toContain(`, ${threads} fil${threads === 1 ? "" : "s"} d'exécution, blocs de`);
  });

  it("tells each scenario's story, names numbers in words and lists the baseline's numbers once", () => {
    for (const s of results.scenarios) {
      expect(htmlEn).toContain(`<article id="scenario-${s.id}" class="story">`);
      expect(htmlEn).toContain(escapeHtml(s.description!.en));
      expect(htmlFr).toContain(escapeHtml(frenchSpacing(s.description!.fr!)));
    }
    expect(htmlEn).toContain("Binding EU sovereignty and data-localisation rules");
    expect(htmlEn).toContain("80% of paths");
    expect(htmlEn).not.toMatch(/(regions|players|events)\[\d+\]\./); // no JSON path left
    const base = results.scenarios[0].assumptions.find((a) => a.file === "baseline.json" && a.rationale)!;
    expect(htmlEn.split(escapeHtml(base.rationale!.en)).length - 1).toBe(1);
    expect(htmlEn).toContain("Set in baseline.json");
    expect(htmlEn).toContain("Set in regulated-multipolarity.json");
  });

  it("says 1 thread and 2 threads", async () => {
    for (const threads of [1, 2]) {
      await buildReport({ ...results, manifest: { ...results.manifest, threads } }, opts(join(tmp, `threads-${threads}`)));
      expect(readFileSync(join(tmp, `threads-${threads}`, "report.html"), "utf8")).toContain(
        threads === 1 ? ", 1 thread, chunks of" : ", 2 threads, chunks of",
      );
    }
  });

  it("in French, leaves no English message of the catalogue", () => {
    const text = htmlFr.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<[^>]+>/g, " ");
    const fragments = Object.values(en)
      .flatMap((m) => m.split(/\{\w+\}/))
      .map((s) => s.trim())
      .filter((s) => s.length >= 8 && /[a-z]{3}/.test(s) && !Object.values(fr).some((f) => f.includes(s)));
    for (const s of fragments) expect(text, s).not.toContain(s);
    expect(htmlFr).toContain('<html lang="fr">');
  });

  it("refuses a non-empty directory it did not make, unless forced", async () => {
    const foreign = join(tmp, "mine");
    mkdirSync(foreign);
    writeFileSync(join(foreign, "notes.txt"), "user data");
    await expect(buildReport(results, opts(foreign))).rejects.toThrow(UserError);
    await expect(buildReport(results, opts(foreign))).rejects.toThrow(/--force/);
    await buildReport(results, { ...opts(foreign), force: true });
    expect(readFileSync(join(foreign, "notes.txt"), "utf8")).toBe("user data");
  });

  it("overwrites a directory made by a previous report", async () => {
    await expect(buildReport(results, opts(join(tmp, "en")))).resolves.toBeDefined();
  });
});
