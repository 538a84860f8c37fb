/**
 * Years inside the horizon. The base year Y0 is observed; simulated years are
 * Y0+1..YT. Events can happen in simulated years only; targets may name any
 * year Y0..YT. A regime's year distribution is checked over its whole support
 * (after rounding to whole years), so that no path can draw a year outside.
 */
import type { ResolvedScenario } from "../../../scenarios/schema/scenario.js";
import { support } from "../support.js";
import type { Problem } from "../types.js";

export function checkYears(doc: ResolvedScenario): Problem[] {
  const { baseYear, endYear } = doc.horizon;
  if (!(baseYear < endYear))
    return [
      {
        path: ["horizon", "endYear"],
        message: `endYear (${endYear}) must be after baseYear (${baseYear})`,
        hint: "the base year is observed; the simulation runs from baseYear + 1 to endYear",
      },
    ];
  const problems: Problem[] = [];
  const first = baseYear + 1;
  const span = `${first}..${endYear}`;
  doc.targets?.forEach((t, i) => {
    if (t.year < baseYear || t.year > endYear)
      problems.push({
        path: ["targets", i, "year"],
        message: `year ${t.year} is outside the horizon ${baseYear}..${endYear}`,
        hint: "move the target, or change horizon.endYear",
      });
  });
  doc.events?.forEach((e, i) => {
    if (e.type === "shock") {
      const from = e.years?.from ?? first;
      const to = e.years?.to ?? endYear;
      if (from < first || from > endYear)
        problems.push({ path: ["events", i, "years", "from"], message: `from (${from}) is outside the simulated years ${span}` });
      if (to < first || to > endYear) problems.push({ path: ["events", i, "years", "to"], message: `to (${to}) is outside the simulated years ${span}` });
      if (from > to) problems.push({ path: ["events", i, "years", "to"], message: `to (${to}) is before from (${from})` });
    } else {
      const [lo, hi] = support(e.year);
      if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
        problems.push({
          path: ["events", i, "year"],
          message: "the regime's year distribution is unbounded, so it can fall outside the horizon",
          hint: `use a bounded one, e.g. {"dist": "uniformInteger", "min": ${first}, "max": ${endYear}}`,
        });
      } else if (Math.round(lo) < first || Math.round(hi) > endYear) {
        problems.push({
          path: ["events", i, "year"],
          message: `the regime's year can be ${Math.round(lo) < first ? Math.round(lo) : Math.round(hi)}, outside the simulated years ${span}`,
          hint: "the year is rounded to a whole year and must fall in the simulated years; use `probability` for a regime that may not happen",
        });
      }
    }
  });
  return problems;
}
