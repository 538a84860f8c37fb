/**
 * Levers (decision variables, MODEL.md section 11): each has either discrete
 * `options` or a numeric `range`; option values are distinct; the default is
 * one option's value or inside the range; a grid lies inside the range (and
 * only a range lever has one). A lever that no expression uses is a warning:
 * all its settings would give the same results.
 */
import type { ResolvedScenario } from "../../../scenarios/schema/scenario.js";
import { listForMessage } from "../../expr/didYouMean.js";
import { isExpression } from "../support.js";
import type { Problem } from "../types.js";

export function checkLevers(doc: ResolvedScenario): Problem[] {
  const problems: Problem[] = [];
  const used = expressionText(doc);
  doc.levers?.forEach((l, i) => {
    const at = (...rest: (string | number)[]) => ["levers", i, ...rest];
    if ((l.options === undefined) === (l.range === undefined)) {
      problems.push({
        path: at("id"),
        message: `lever "${l.id}" needs either "options" (discrete choices) or a "range" (min, max), not ${l.options ? "both" : "neither"}`,
        hint: 'e.g. "range": { "min": 0, "max": 50 }, or "options": [{ "value": 0, "label": "...", "rationale": "..." }, ...]',
      });
    } else if (l.options) {
      const values = l.options.map((o) => o.value);
      l.options.forEach((o, k) => {
        if (values.indexOf(o.value) < k)
          problems.push({ path: at("options", k, "value"), message: `two options of lever "${l.id}" have the value ${o.value}` });
      });
      if (!values.includes(l.default))
        problems.push({
          path: at("default"),
          message: `the default of lever "${l.id}" (${l.default}) is not one of its options' values`,
          hint: `options' values: ${listForMessage(values.map(String))}`,
        });
      if (l.grid) problems.push({ path: at("grid"), message: `lever "${l.id}" has options: they are its grid; "grid" is for range levers` });
    } else if (l.range) {
      const { min, max } = l.range;
      if (!(min < max)) problems.push({ path: at("range", "max"), message: `max (${max}) must be > min (${min})` });
      else {
        if (!(l.default >= min && l.default <= max))
          problems.push({ path: at("default"), message: `the default of lever "${l.id}" (${l.default}) is outside its range [${min}, ${max}]` });
        l.grid?.forEach((v, k) => {
          if (!(v >= min && v <= max))
            problems.push({ path: at("grid", k), message: `grid value ${v} of lever "${l.id}" is outside its range [${min}, ${max}]` });
          else if (l.grid!.indexOf(v) < k) problems.push({ path: at("grid", k), message: `grid value ${v} of lever "${l.id}" is given twice` });
        });
      }
    }
    if (!new RegExp(`\\b${l.id}\\b`).test(used))
      problems.push({
        path: at("id"),
        severity: "warning",
        message: `lever "${l.id}" is used in no expression: every setting of it gives the same results`,
        hint: 'use its id in a drift, a growth or an event\'s number, e.g. "drift": { "expr": "0.02 * ' + l.id + '", "assumption": "..." }',
      });
  });
  return problems;
}

/** The text of every expression that may use a lever (rates and events' numbers), one per line. */
function expressionText(doc: ResolvedScenario): string {
  const out: string[] = [];
  const add = (v: unknown) => {
    if (isExpression(v)) out.push(v.expr);
  };
  doc.regions.forEach((r) => add(r.growth));
  doc.players.forEach((p) => {
    add(p.drift);
    Object.values(p.regionalDrift ?? {}).forEach(add);
  });
  doc.events?.forEach((e) => {
    if (e.type === "shock") [e.rate, e.jump].forEach(add);
    else {
      add(e.probability);
      e.effects?.forEach((f) => [f.drift, f.jump].forEach(add));
      e.marketGrowth?.forEach((g) => add(g.change));
    }
  });
  return out.join("\n");
}
