/** Structural checks of every figure on the frozen fixture: what a reader and a screen reader need. */
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { en } from "../../../reports/i18n/en.js";
import { fr } from "../../../reports/i18n/fr.js";
import { colorDistance, groupColors, MIN_COLOR_DISTANCE, scenarioColor } from "../../../reports/render/palette.js";
import { bodyWidth } from "../../../reports/render/frame.js";
import { wrapText } from "../../../reports/render/textWidth.js";
import { loadFixture, renderAll, type Rendered } from "../fixture.js";

const results = loadFixture();
let english: Rendered[];
let french: Rendered[];
beforeAll(async () => {
  english = await renderAll("en", results);
  french = await renderAll("fr", results);
});

function parse(svg: string): Document {
  return new JSDOM(svg, { contentType: "image/svg+xml" }).window.document;
}

describe("every figure", () => {
  it("is an accessible SVG: role=img, aria-labelledby pointing at its <title> and <desc>", () => {
    for (const { svg } of english) {
      const root = parse(svg).documentElement;
      expect(root.getAttribute("role")).toBe("img");
      const ids = root.getAttribute("aria-labelledby")!.split(" ");
      expect(root.querySelector(`title#${ids[0]}`)?.textContent?.length).toBeGreaterThan(20);
      expect(root.querySelector(`desc#${ids[1]}`)?.textContent).toMatch(/\d/);
    }
  });

  it("shows its title, a caption with paths, seed and version, and the sources", () => {
    for (const { figure, svg } of english) {
      const texts = [...parse(svg).querySelectorAll("text")].map((t) => t.textContent ?? "");
      const all = texts.join(" ");
      expect(all.replace(/\s+/g, " ")).toContain(figure.title.split(" ").slice(0, 4).join(" "));
      expect(all).toContain("2,000 paths, seed 42, marketfutures v0.1.0");
      expect(all).toContain("Source: Xpert.Digital");
    }
  });

  it("states its finding in a title of at most two lines, in both languages", () => {
    for (const { figure } of [...english, ...french]) {
      const lines = wrapText(figure.title, 20, bodyWidth(), "semibold");
      expect(lines.length, `${figure.name}: ${figure.title}`).toBeLessThanOrEqual(2);
      expect(figure.title, figure.name).not.toMatch(/[a-z_]+ \d{4} (>=|<=)/); // no query syntax
    }
  });

  it("never uses a group's colour for a scenario", () => {
    const groups = [...groupColors(results).values()];
    for (const s of results.scenarios)
      for (const g of groups) expect(colorDistance(scenarioColor(results, s.id), g), s.id).toBeGreaterThanOrEqual(MIN_COLOR_DISTANCE);
  });

  it("has axis labels with units", () => {
    for (const { figure, svg } of english) {
      const all = [...parse(svg).querySelectorAll("text")].map((t) => t.textContent).join(" ");
      expect(all, figure.name).toMatch(/\((%|USD bn|0 to 10,000)\)/);
    }
  });

  it("contains no NaN, undefined or Infinity, in SVG or CSV", () => {
    for (const { figure, svg } of [...english, ...french]) {
      expect(svg, figure.name).not.toMatch(/NaN|undefined|Infinity/);
      expect(figure.csv, figure.name).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it("writes its data as CSV with a header and rows", () => {
    for (const { figure } of english) expect(figure.csv.trim().split("\n").length, figure.name).toBeGreaterThan(2);
  });

  it("keeps every share band inside [0, 100%] and ordered p5 <= p25 <= p50 <= p75 <= p95", () => {
    for (const { figure } of english) {
      const [head, ...lines] = figure.csv.trim().split("\n");
      const cols = head.split(",");
      if (!cols.includes("p5") || cols.includes("entity")) continue; // market size and HHI are not shares
      for (const line of lines) {
        const row = Object.fromEntries(line.split(",").map((v, i) => [cols[i], v]));
        const q = ["p5", "p25", "p50", "p75", "p95"].map((k) => Number(row[k]));
        expect(q[0]).toBeGreaterThanOrEqual(0);
        expect(q[4]).toBeLessThanOrEqual(1);
        for (let i = 1; i < 5; i++) expect(q[i]).toBeGreaterThanOrEqual(q[i - 1]);
      }
    }
  });

  it("draws each group in one colour, the same in every figure", () => {
    const colors = groupColors(results);
    let checked = 0;
    for (const { figure, svg } of english) {
      for (const [id, color] of colors) {
        for (const el of parse(svg).querySelectorAll(`.group-${id}`)) {
          const painted = [el.getAttribute("fill"), el.getAttribute("stroke")].filter((c) => c && c !== "none" && c !== "#ffffff");
          // direct labels are a darker shade of the same hue for contrast; marks use the colour itself
          if (el.getAttribute("font-weight") === "600" || el.querySelector("text")) continue;
          expect(painted, `${figure.name} .group-${id}`).toContain(color);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it("leaves no English message in the French figures", () => {
    const english = Object.values(en)
      .flatMap((m) => m.split(/\{\w+\}/))
      .map((s) => s.trim())
      .filter((s) => s.length >= 8 && /[a-z]{3}/.test(s) && !Object.values(fr).some((f) => f.includes(s)));
    for (const { figure, svg } of french) {
      const texts = [...parse(svg).querySelectorAll("text, title, desc")].map((t) => t.textContent ?? "").join("\n");
      for (const s of english) expect(texts, `${figure.name}: "${s}"`).not.toContain(s);
    }
  });

  it("uses French number formats in French: decimal comma, narrow no-break space before %", () => {
    const all = french.map((r) => r.svg).join("\n");
    expect(all).toMatch(/\d,\d\u202F%/);
    expect(all).not.toMatch(/\d%/);
    expect(all).toMatch(/\d\u202F\d{3}\u202FMd\$/);
  });
});
