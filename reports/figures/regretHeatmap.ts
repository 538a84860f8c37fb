/**
 * Regret heat map of `marketfutures decide` (MODEL.md section 11): one row
 * per lever setting, one column per scenario and a last column with the
 * setting's maximum regret; each cell coloured by the regret (white: none,
 * the best setting there; deeper vermilion: more) with its value written in
 * it, at the digits its Monte Carlo error allows. The most robust setting
 * (smallest maximum regret) is in bold, its maximum outlined. Drawn as plain
 * SVG: a table of cells needs no scales.
 */
import type { DecisionOutcome, DecisionResult } from "../../engine/decide/decide.js";
import { fixed, formatDifference, formatError } from "../../engine/decide/decisionFormat.js";
import { toCsv, type CsvRow } from "../render/csv.js";
import { bodyWidth, frame, SVG_NS } from "../render/frame.js";
import { INK, MUTED, OKABE_ITO, tint } from "../render/palette.js";
import { textWidth, wrapText } from "../render/textWidth.js";
import { dt, outcomePhrase, settingName, text, listSep } from "./decisionText.js";
import type { Figure, FigureOptions } from "./types.js";

export const REGRET_COLOR = OKABE_ITO[5];
const FONT = 12;
const LINE = 15;
const PAD_Y = 6;

function el(doc: Document, name: string, attrs: Record<string, string | number>, content?: string): SVGElement {
  const e = doc.createElementNS(SVG_NS, name) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (content !== undefined) e.textContent = content;
  return e;
}

/** The heat map of outcome `j` of the decision. */
export function regretHeatmap(r: DecisionResult, j: number, options: FigureOptions): Figure {
  const { document: doc, lang } = options;
  const o: DecisionOutcome = r.outcomes[j];
  const name = r.outcomes.length === 1 ? "decision-regret" : `decision-regret-${j + 1}`;
  const width = bodyWidth();
  const S = r.settings.length;
  const K = r.scenarios.length;
  const labels = r.settings.map((_, l) => settingName(r, l, lang));
  const labelWidth = Math.min(width * 0.36, Math.max(...labels.map((x) => textWidth(x, FONT, "semibold"))) + 12);
  const colWidth = (width - labelWidth) / (K + 1);
  const heads = [...r.scenarios.map((s) => text(s.title, lang)), dt(lang, "regretMax")].map((h) => wrapText(h, FONT, colWidth - 8, "semibold"));
  const headHeight = Math.max(...heads.map((h) => h.length)) * LINE + PAD_Y;
  const wrapped = labels.map((x) => wrapText(x, FONT, labelWidth - 12));
  const rowHeight = Math.max(26, Math.max(...wrapped.map((w) => w.length)) * LINE + 8);
  const rMax = Math.max(...o.settings.map((s) => s.maxRegret.value));
  // The deepest cell stays light enough for dark text (contrast above 4.5:1 on every cell).
  const fill = (v: number) => (rMax > 0 ? tint(REGRET_COLOR, 1 - 0.72 * (v / rMax)) : "#ffffff");
  const g = el(doc, "svg", { width, height: headHeight + S * rowHeight, overflow: "visible", "font-size": FONT });
  heads.forEach((lines, c) =>
    lines.forEach((line, i) =>
      g.appendChild(
        el(
          doc,
          "text",
          {
            x: labelWidth + (c + 0.5) * colWidth,
            y: headHeight - PAD_Y - (lines.length - 1 - i) * LINE - 3,
            "text-anchor": "middle",
            "font-weight": 600,
            fill: c === K ? INK : MUTED,
          },
          line,
        ),
      ),
    ),
  );
  const robust = o.minimaxRegret;
  for (let l = 0; l < S; l++) {
    const y = headHeight + l * rowHeight;
    wrapped[l].forEach((line, i) =>
      g.appendChild(
        el(
          doc,
          "text",
          { x: 0, y: y + rowHeight / 2 + (i - (wrapped[l].length - 1) / 2) * LINE + 4, fill: INK, ...(l === robust ? { "font-weight": 600 } : {}) },
          line,
        ),
      ),
    );
    const cells = [...o.cells[l].map((c) => ({ v: c.regret, se: c.regretSe })), { v: o.settings[l].maxRegret.value, se: o.settings[l].maxRegret.se }];
    cells.forEach((c, k) => {
      const x = labelWidth + k * colWidth;
      g.appendChild(el(doc, "rect", { x: x + 1, y: y + 1, width: colWidth - 2, height: rowHeight - 2, fill: fill(c.v), class: "decision-regret-cell" }));
      if (k === K && l === robust)
        g.appendChild(el(doc, "rect", { x: x + 2, y: y + 2, width: colWidth - 4, height: rowHeight - 4, fill: "none", stroke: INK, "stroke-width": 2 }));
      g.appendChild(
        el(
          doc,
          "text",
          {
            x: x + colWidth / 2,
            y: y + rowHeight / 2 + 4,
            "text-anchor": "middle",
            fill: INK,
            ...(k === K ? { "font-weight": 600 } : {}),
          },
          formatDifference(c.v, c.se, o.unit, lang, false),
        ),
      );
    });
  }
  const what = outcomePhrase(o, lang);
  const best = o.settings[robust].maxRegret;
  // Settings tied at the best in every scenario (regret exactly 0: a lever without effect on this outcome).
  const tied = o.settings.filter((s) => s.maxRegret.value === 0).length;
  const title =
    best.value === 0 && tied > 1
      ? dt(lang, "regretTitleZeroTie", { n: tied, setting: settingName(r, robust, lang, false), what })
      : best.value === 0
        ? dt(lang, "regretTitleZero", { setting: settingName(r, robust, lang, false), what })
        : dt(lang, o.direction === "maximise" ? "regretTitle" : "regretTitleMin", {
            setting: settingName(r, robust, lang, false),
            what,
            regret: formatDifference(best.value, best.se, o.unit, lang, false).replace(/^\+/, ""),
          });
  const maxSe = Math.max(...o.cells.flatMap((row) => row.map((c) => c.regretSe)));
  const svg = frame(doc, {
    id: name,
    title,
    subtitle: dt(lang, "regretSubtitle", { what, unit: dt(lang, o.unit === "share" ? "unitPp" : "unitValue") }),
    desc: dt(lang, "regretDesc", {
      values: r.settings
        .map((_, l) => `${settingName(r, l, lang, false)}: ${formatDifference(o.settings[l].maxRegret.value, o.settings[l].maxRegret.se, o.unit, lang, false)}`)
        .join(listSep(lang)),
    }),
    notes: [
      dt(lang, "regretNote", { se: formatError(maxSe, o.unit, lang) }),
      ...(r.settings.some((s) => s.isDefault) ? [dt(lang, "defaultMark")] : []),
      dt(lang, "levers", { levers: r.levers.map((l) => text(l.label, lang)).join(listSep(lang)) }),
      dt(lang, "notesScenarios"),
    ],
    caption: dt(lang, "caption", { paths: fixed(r.evaluations, 0, lang), settings: S, scenarios: K, seed: r.seed, version: r.version ?? "?" }),
    panels: [{ node: g, x: 0, y: 0 }],
    bodyHeight: headHeight + S * rowHeight,
  });
  const rows: CsvRow[] = o.cells.flatMap((row, l) => [
    ...row.map((c, k) => ({ setting: l + 1, label: labels[l], scenario: r.scenarios[k].id, regret: c.regret, regret_se: c.regretSe })),
    { setting: l + 1, label: labels[l], scenario: "max", regret: o.settings[l].maxRegret.value, regret_se: o.settings[l].maxRegret.se },
  ]);
  return { name, title, svg, csv: toCsv(rows) };
}
