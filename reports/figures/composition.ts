/**
 * Figure 3: composition of the world market over time, stacked, one small
 * multiple per scenario. Layers are the groups' MEAN shares: means add up to
 * 100% exactly, medians do not (a stack of medians would not reach 100%).
 * Groups are labelled once, at the right of the last panel.
 */
import type { Results } from "../../engine/results/types.js";
import { formatShare, formatShareTick } from "../format/numbers.js";
import { t } from "../i18n/index.js";
import { caption, figureNotes } from "../render/captions.js";
import { toCsv, type CsvRow } from "../render/csv.js";
import { endLabelMarks, endLabelWidth, type EndLabel } from "../render/endLabels.js";
import { bodyWidth, frame, panelHeading, type Placed } from "../render/frame.js";
import { groupColor, scenarioColor, shade } from "../render/palette.js";
import { Plot, plotPanel } from "../render/plot.js";
import { allGroups, entityLabel, findSeries, GLOBAL, horizon, scenarioTitle } from "../results/select.js";
import { yearTick } from "./fanChart.js";
import { groupClass, type Figure, type FigureOptions } from "./types.js";

const HEIGHT = 240;
const GAP = 30;

interface Layer {
  g: string;
  x: number;
  y1: number;
  y2: number;
}

export function composition(results: Results, options: FigureOptions): Figure {
  const { document: doc, lang } = options;
  const name = "composition";
  const { base, end } = horizon(results);
  const groups = allGroups(results);
  const rows: CsvRow[] = [];
  const stacks = results.scenarios.map((s) => {
    const layers: Layer[] = [];
    s.years.forEach((x, i) => {
      let acc = 0;
      for (const g of groups) {
        const v = findSeries(s, GLOBAL, g)?.stats[i]?.mean;
        if (v === undefined || !Number.isFinite(v)) continue;
        layers.push({ g, x, y1: acc, y2: acc + v });
        rows.push({ scenario: s.id, view: GLOBAL, group: g, year: x, mean: v });
        acc += v;
      }
    });
    return { s, layers };
  });
  const labelsFor = (layers: Layer[]): EndLabel[] =>
    groups.flatMap((g) => {
      const l = layers.filter((x) => x.g === g).at(-1);
      return l ? [{ text: entityLabel(results, g, lang), y: (l.y1 + l.y2) / 2, color: shade(groupColor(results, g), 0.2), className: groupClass(g) }] : [];
    });
  const lastLabels = labelsFor(stacks.at(-1)?.layers ?? []);
  const labelRoom = endLabelWidth(lastLabels);
  const n = stacks.length;
  const plain = (bodyWidth() - labelRoom - 36 - 14 * (n - 1) - GAP * (n - 1)) / n;
  const panels: Placed[] = [];
  let x0 = 0;
  let headingHeight = 0;
  stacks.forEach(({ s, layers }, i) => {
    const last = i === n - 1;
    const marginLeft = i === 0 ? 36 : 14;
    const width = plain + marginLeft + (last ? labelRoom : 0);
    const heading = panelHeading(doc, scenarioTitle(s, lang), shade(scenarioColor(results, s.id), 0.15), plain + GAP);
    headingHeight = Math.max(headingHeight, heading.height);
    const marks: Plot.Markish[] = groups.map((g) =>
      Plot.areaY(
        layers.filter((l) => l.g === g),
        { x: "x", y1: "y1", y2: "y2", fill: groupColor(results, g), stroke: "#ffffff", strokeWidth: 0.75, className: groupClass(g) },
      ),
    );
    if (last) marks.push(...endLabelMarks(lastLabels, { x: s.endYear, yDomain: [0, 1], innerHeight: HEIGHT - 54 }));
    const plot = plotPanel(doc, {
      width,
      height: HEIGHT,
      marginLeft,
      marginRight: last ? labelRoom : 8,
      marginTop: 24,
      marginBottom: 30,
      x: { domain: [s.baseYear, s.endYear], ticks: s.years, tickFormat: (d: number) => yearTick(d, s.baseYear), tickSize: 0, label: null },
      y: {
        domain: [0, 1],
        ticks: 5,
        tickFormat: i === 0 ? (d: number) => formatShareTick(d, lang) : () => "",
        tickSize: 0,
        label: i === 0 ? t(lang, "axisGlobalShare") : null,
        labelAnchor: "top",
        labelArrow: "none",
      },
      marks,
    });
    panels.push({ node: heading.node, x: x0 + marginLeft, y: 0 }, { node: plot, x: x0, y: -1 });
    x0 += width + GAP;
  });
  for (let k = 1; k < panels.length; k += 2) panels[k].y = headingHeight;
  const top = stacks.map(({ s, layers }) => {
    const endLayers = layers.filter((l) => l.x === s.endYear).sort((a, b) => b.y2 - b.y1 - (a.y2 - a.y1));
    return { s, g: endLayers[0]?.g, v: endLayers[0] ? endLayers[0].y2 - endLayers[0].y1 : NaN };
  });
  const same = top.length > 0 && top.every((x) => x.g === top[0].g);
  const vals = top.map((x) => x.v).filter(Number.isFinite);
  const title = same
    ? t(lang, "compositionTitleSame", {
        group: entityLabel(results, top[0].g ?? "", lang),
        lo: formatShare(Math.min(...vals), lang),
        hi: formatShare(Math.max(...vals), lang),
        end,
      })
    : t(lang, "compositionTitleDiffer", { end });
  const svg = frame(doc, {
    id: name,
    title,
    subtitle: t(lang, "compositionSubtitle", { base, end }),
    desc: t(lang, "compositionDesc", {
      end,
      values: top
        .map((x) => t(lang, "pair", { a: scenarioTitle(x.s, lang), b: `${entityLabel(results, x.g ?? "", lang)} ${formatShare(x.v, lang)}` }))
        .join("; "),
    }),
    notes: figureNotes(results, lang, { bands: false }),
    caption: caption(results, lang),
    panels,
    bodyHeight: headingHeight + HEIGHT,
  });
  return { name, title, svg, csv: toCsv(rows) };
}
