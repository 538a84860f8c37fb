/**
 * The corpus of invalid scenarios: each fixture holds one mistake, and the
 * loader must report exactly one error for it, with this message, JSON path
 * and line:column (of the file named, which for a few is the parent file).
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateFiles } from "../../engine/load/index.js";

const dir = "test/fixtures/invalid";

// [fixture, file:line:column, json path, message substring]
const cases: [string, string, string, string][] = [
  ["missing-comma.json", "missing-comma.json:3:3", "", 'a comma "," was expected'],
  ["trailing-garbage.json", "trailing-garbage.json:5:1", "", "unexpected content after the end of the scenario"],
  ["unclosed-brace.json", "unclosed-brace.json:5:1", "", 'a closing brace "}" was expected'],
  ["duplicate-key.json", "duplicate-key.json:5:3", "title", 'duplicate key "title"'],
  ["not-an-object.json", "not-an-object.json:1:1", "", "a scenario file holds one JSON object"],
  ["wrong-type.json", "wrong-type.json:4:27", "horizon.baseYear", 'expected a number, got the string "2025"'],
  ["unknown-key.json", "unknown-key.json:5:21", "players[0].sharse", 'unknown key "sharse"; did you mean "shares"?'],
  ["unknown-top-level-key.json", "unknown-top-level-key.json:4:3", "horizn", 'unknown key "horizn"; did you mean "horizon"?'],
  ["missing-required-field.json", "missing-required-field.json:12:12", "players[0].group", 'missing required field "group"'],
  ["bad-id.json", "bad-id.json:5:12", "players[0].id", '"Delta" is not valid: ids are lower-case letters'],
  ["unknown-event-type.json", "unknown-event-type.json:5:29", "events[0].type", 'unknown type "shok"; did you mean "shock"?'],
  ["normal-sd-zero.json", "normal-sd-zero.json:5:69", "players[0].drift.sd", "sd must be > 0 (got 0)"],
  ["triangular-mode-below-min.json", "triangular-mode-below-min.json:5:75", "events[0].jump.mode", "mode (-0.1) must lie between min (-0.05) and max (0)"],
  ["lognormal-range-low-zero.json", "lognormal-range-low-zero.json:5:62", "regions[0].marketSize.low", "a lognormal range needs low > 0 (got 0)"],
  ["choice-weights-length.json", "choice-weights-length.json:5:86", "parameters[0].value.weights", "weights has 2 entries but values has 3"],
  ["unknown-dist.json", "unknown-dist.json:5:39", "parameters[0].value.dist", 'unknown dist "gaussian"'],
  ["missing-distribution-parameter.json", "missing-distribution-parameter.json:5:30", "parameters[0].value.sd", 'missing required field "sd"'],
  ["interval-reversed.json", "interval-reversed.json:5:41", "players[0].volatility[1]", "[low, high] needs low < high, got [0.05, 0.01]"],
  ["probability-above-one.json", "probability-above-one.json:5:37", "events[0].probability", "a probability must be in [0, 1]; this one can be 1.2"],
  ["shares-not-sum.json", "shares-not-sum.json:13:54", "players[1].shares.world", 'shares in region "world" sum to 0.9, not 1 (p1 0.6, p2 0.3)'],
  ["two-rest.json", "two-rest.json:13:54", "players[1].shares.world", 'two players take "rest" in region "world" (p1, p2)'],
  // the parent's "rest" player comes out negative; reported at the child's share that caused it
  ["rest-negative.json", "rest-negative.json:5:41", "players[0].shares.north", '"rest" in region "north" comes out at -0.2: the other shares sum to 1.2'],
  ["share-above-one.json", "share-above-one.json:12:54", "players[0].shares.world", "must be <= 1 (got the number 1.5)"],
  ["unknown-group.json", "unknown-group.json:5:30", "players[0].group", 'unknown group "bigg"; did you mean "big"?'],
  ["unknown-region-in-shares.json", "unknown-region-in-shares.json:5:39", "players[0].shares.nrth", 'unknown region "nrth"; did you mean "north"?'],
  ["unknown-selector-region.json", "unknown-selector-region.json:5:65", "events[0].targets.regions[0]", 'unknown region "sout"; did you mean "south"?'],
  ["unknown-factor.json", "unknown-factor.json:5:40", "players[0].loadings.bom", 'unknown factor "bom"; did you mean "boom"?'],
  [
    "unknown-parameter-in-correlation.json",
    "unknown-parameter-in-correlation.json:5:29",
    "correlations[0].parameters[1]",
    'unknown parameter "bost"; did you mean "boost"?',
  ],
  ["unknown-target-entity.json", "unknown-target-entity.json:5:32", "targets[0].entity", 'unknown entity "bgi"; did you mean "big"?'],
  ["loadings-too-big.json", "loadings-too-big.json:5:33", "players[0].loadings", "sum of squared loadings is 1.13, more than 1 (boom 0.8, geo 0.7)"],
  [
    "correlation-not-psd.json",
    "correlation-not-psd.json:8:56",
    "correlations[0].matrix",
    'the correlations between "tilt", "boost", "gap" cannot all hold at once (tilt-boost 0.9, tilt-gap 0.9, boost-gap -0.9)',
  ],
  [
    "correlation-asymmetric.json",
    "correlation-asymmetric.json:5:61",
    "correlations[0].matrix[1][0]",
    'the matrix is not symmetric: ("tilt", "boost") is 0.5 but ("boost", "tilt") is 0.3',
  ],
  ["correlation-wrong-size.json", "correlation-wrong-size.json:5:49", "correlations[0].matrix", "the matrix has 3 rows but there are 2 parameters"],
  ["target-year-outside.json", "target-year-outside.json:5:30", "targets[0].year", "year 2035 is outside the horizon 2025..2030"],
  ["regime-year-outside.json", "regime-year-outside.json:5:30", "events[0].year", "the regime's year can be 2032, outside the simulated years 2026..2030"],
  ["shock-years-outside.json", "shock-years-outside.json:5:40", "events[0].years.from", "from (2020) is outside the simulated years 2026..2030"],
  ["horizon-reversed.json", "horizon-reversed.json:4:26", "horizon.endYear", "endYear (2024) must be after baseYear (2025)"],
  [
    "cycle-a.json",
    "cycle-b.json:3:14",
    "extends",
    "extends cycle: test/fixtures/invalid/cycle-a.json -> test/fixtures/invalid/cycle-b.json -> test/fixtures/invalid/cycle-a.json",
  ],
  [
    "cycle-b.json",
    "cycle-a.json:3:14",
    "extends",
    "extends cycle: test/fixtures/invalid/cycle-b.json -> test/fixtures/invalid/cycle-a.json -> test/fixtures/invalid/cycle-b.json",
  ],
  [
    "missing-parent.json",
    "missing-parent.json:3:14",
    "extends",
    "the scenario it extends was not found: test/fixtures/invalid/does-not-exist.json (chain: test/fixtures/invalid/missing-parent.json -> test/fixtures/invalid/does-not-exist.json)",
  ],
  ["unsafe-expression.json", "unsafe-expression.json:5:38", "players[0].drift.expr", '"import" is not allowed in scenario expressions'],
  ["unknown-symbol.json", "unknown-symbol.json:5:38", "players[0].drift.expr", 'expression "tlt * t": unknown symbol "tlt"; did you mean "tilt"?'],
  ["metric-unknown-player.json", "metric-unknown-player.json:5:32", "metrics[0].expr", 'unknown symbol "zeta"; did you mean "beta"?'],
  ["duplicate-id.json", "duplicate-id.json:6:12", "players[1].id", 'duplicate id "delta" in players (also entry 0)'],
  ["id-clash.json", "id-clash.json:5:12", "groups[0].id", 'id "alpha" is used by both a group and a player'],
  ["reserved-id.json", "reserved-id.json:5:12", "parameters[0].id", '"year" is reserved in expressions and cannot be a parameter id'],
  ["unknown-source.json", "unknown-source.json:5:60", "regions[0].marketSize.source", 'unknown source "scr"; did you mean "src"?'],
  ["remove-unknown.json", "remove-unknown.json:5:12", "events[0].id", 'there is no inherited events entry with id "outge" to remove; did you mean "outage"?'],
  // unit traps and limits (issues 17 and 20): found by validate, at their place
  [
    "share-target-as-percent.json",
    "share-target-as-percent.json:5:78",
    "targets[0].value",
    '"small" is a share, a fraction of 1, but the target\'s value is 15 (did you mean 0.15?)',
  ],
  ["percent-in-expression.json", "percent-in-expression.json:5:38", "players[0].drift.expr", '"%" is not allowed in expressions: mathjs reads 1% as 0.01'],
  ["paths-above-limit.json", "paths-above-limit.json:4:27", "simulation.paths", "1,000,000,000,000,000 paths is more than the 100,000,000 a run may have"],
  [
    "event-rate-above-limit.json",
    "event-rate-above-limit.json:5:30",
    "events[0].rate",
    "an event rate of 1000 a year is more than the 50 a shock event may have",
  ],
  [
    "expression-too-many-arguments.json",
    "expression-too-many-arguments.json:5:38",
    "players[0].drift.expr",
    "a function is called with 61 arguments; at most 50 are allowed",
  ],
  [
    "expression-nested-too-deep.json",
    "expression-nested-too-deep.json:5:38",
    "players[0].drift.expr",
    "it nests 61 levels deep (parentheses, operators, calls); at most 50",
  ],
  ["json-nested-too-deep.json", "json-nested-too-deep.json:4:74", "", "objects and lists are nested more than 64 levels deep here"],
  ["growth-below-minus-one.json", "growth-below-minus-one.json:5:31", "regions[0].growth", "a growth (CAGR) of -1.5 is -100% or less"],
  // values an expression gives, or a number's size, that would stop every run: found before it starts
  [
    "growth-expression-below-minus-one.json",
    "growth-expression-below-minus-one.json:7:114",
    "regions[0].growth.expr",
    'expression "year >= 2028 ? -1.5 : 0.05" gives a growth (CAGR) of -1.5 in 2028',
  ],
  [
    "metric-divides-by-absent-player.json",
    "metric-divides-by-absent-player.json:16:62",
    "metrics[0].expr",
    'expression "a / c" gives Infinity in the view "r2" in 2025, with the 2025 shares (c has no share there)',
  ],
  ["lever-default-outside.json", "lever-default-outside.json:5:104", "levers[0].default", 'the default of lever "funding" (12) is outside its range [0, 10]'],
  [
    "lever-options-and-range.json",
    "lever-options-and-range.json:5:12",
    "levers[0].id",
    'lever "funding" needs either "options" (discrete choices) or a "range" (min, max), not both',
  ],
  [
    "lever-default-not-option.json",
    "lever-default-not-option.json:5:179",
    "levers[0].default",
    `the default of lever "rule" (2) is not one of its options' values`,
  ],
  [
    "lever-unknown-in-expression.json",
    "lever-unknown-in-expression.json:7:49",
    "players[0].drift.expr",
    'expression "0.01 * fundng": unknown symbol "fundng"; did you mean "funding"?',
  ],
  ["lever-id-clash.json", "lever-id-clash.json:5:12", "levers[0].id", 'id "tilt" is used by both a parameter and a lever'],
  [
    "event-expression-uses-year.json",
    "event-expression-uses-year.json:4:55",
    "events[0].probability.expr",
    `expression "year >= 2028 ? 0.6 : 0.2" uses year, but an event's number has one value per path`,
  ],
];

describe("invalid scenario fixtures", () => {
  it("cover every file of test/fixtures/invalid (30 or more)", () => {
    const files = readdirSync(dir).sort();
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(cases.map((c) => c[0]).sort()).toEqual(files);
  });

  it.each(cases)("%s -> %s %s", async (fixture, place, path, message) => {
    const diagnostics = await validateFiles([`${dir}/${fixture}`]);
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(errors, JSON.stringify(errors, null, 1)).toHaveLength(1);
    const [d] = errors;
    expect(`${d.file}:${d.line}:${d.column}`.endsWith(place)).toBe(true);
    expect(d.path).toBe(path);
    expect(d.message).toContain(message);
  });
});
