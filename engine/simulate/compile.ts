/**
 * compileModel: a normalised Scenario (engine/model/types.ts) into the
 * CompiledModel the kernel runs (engine/simulate/model.ts).
 *
 * Every uncertain number that is not fixed becomes one dimension of the
 * per-path input design, with a stream key derived from its place in the
 * scenario (e.g. `player:aws:drift`), never from its position in a list:
 * adding or removing an input leaves the draws of every other input unchanged.
 */
import { UserError } from "../diagnostics.js";
import type { ExprNode } from "../expr/ast.js";
import { compileExpressionWith, type ParseExpression } from "../expr/compileWith.js";
import { metricSymbols, rateSymbols } from "../load/symbols.js";
import type { Rate, Scenario, Selector, Uncertain } from "../model/types.js";
import { eventBounds, foldedEventValue, type EventRole } from "./eventValues.js";
import type { Unit } from "../results/types.js";
import type { Cell, CompiledExpr, CompiledModel, Dimension, RegimePlan, ShockPlan, TargetPlan, ValueSource, ViewColumns } from "./model.js";

/** Built-in metrics of every view. */
export const MARKET_SIZE = "market_size";
export const HHI = "hhi";
export const CR3 = "cr3";

/**
 * @param parse the expression parser: engine/expr/compile.ts's parseWithMathjs
 *   in the main thread, or `treeLookup(trees)` in a worker given the trees the
 *   main thread parsed (so that workers never load mathjs). Needed only when
 *   the scenario has expressions.
 */
export function compileModel(s: Scenario, parse: ParseExpression = noParser): CompiledModel {
  const T = s.endYear - s.baseYear;
  const regionIds = s.regions.map((r) => r.id);
  const playerIds = s.players.map((p) => p.id);
  const groupIds = s.groups.map((g) => g.id);
  const factorIds = s.factors.map((f) => f.id);
  const K = factorIds.length;
  const regionIndex = new Map(regionIds.map((id, i) => [id, i]));
  const groupIndex = new Map(groupIds.map((id, i) => [id, i]));

  const places = s.places ?? {};
  const place = (where: string) => (Object.hasOwn(places, where) ? `${places[where]} (${where})` : where);
  const dimensions: Dimension[] = [];
  const uncertain = (u: Uncertain, key: string, parameter?: string): ValueSource => {
    if (u.dist.type === "fixed") return { kind: "const", value: u.dist.value };
    dimensions.push({ key, dist: u.dist, where: u.where, ...(parameter ? { parameter } : {}) });
    return { kind: "dim", dim: dimensions.length - 1 };
  };

  // Named parameters first, so that their dimensions come first in tables.
  const parameterSources = s.parameters.map((p) => uncertain(p.value, `param:${p.id}`, p.id));

  const exprs: CompiledExpr[] = [];
  // Expression arguments: [t, year, ...parameters, ...levers]; a lever is the same on every path.
  const symbols = rateSymbols(s);
  const leverValues = Float64Array.from(s.levers, (l) => l.value);
  /** every expression's tree, by its text: what a worker needs to compile the model without mathjs */
  const trees = new Map<string, ExprNode>();
  const compileExpression = (source: string, where: string, syms: string[]) => {
    const parsed = (text: string) => {
      if (!trees.has(text)) trees.set(text, parse(text));
      return trees.get(text)!;
    };
    const r = compileExpressionWith(parsed, source, syms, { file: s.file, path: where });
    if (!r.ok) throw new UserError(`${s.file}: ${r.diagnostics.map((d) => `${d.path}: ${d.message}`).join("; ")}`, r.diagnostics);
    return r.expression;
  };
  const rate = (r: Rate, key: string): ValueSource => {
    if (r.kind === "value") return uncertain(r.value, key);
    const expression = compileExpression(r.expr, r.where, symbols);
    const stepInvariant = !expression.symbols.includes("t") && !expression.symbols.includes("year");
    exprs.push({ source: r.expr, where: place(r.where), stepInvariant, evaluate: expression.evaluate });
    return { kind: "expr", expr: exprs.length - 1 };
  };
  /**
   * A number of an event: an uncertain number, or an expression of the parameters and levers with one
   * value per path. One that uses no parameter is the same on every path: it is folded into a constant
   * here, so that a lever setting that gives an impossible value (a probability above 1) is refused
   * before anything runs; the others are evaluated per path by the kernel (engine/simulate/increments.ts).
   */
  const eventValue = (r: Rate, key: string, role: EventRole): ValueSource => {
    if (r.kind === "value") return uncertain(r.value, key);
    const expression = compileExpression(r.expr, r.where, symbols);
    const perPath = foldedEventValue(s, r, expression, leverValues, role);
    if (perPath.kind === "const") return perPath;
    exprs.push({ source: r.expr, where: r.where, stepInvariant: true, evaluate: expression.evaluate, bounds: eventBounds(role) });
    return { kind: "expr", expr: exprs.length - 1 };
  };

  // Slots, grouped by region.
  const slotRegion: number[] = [];
  const slotPlayer: number[] = [];
  const slotShare: ValueSource[] = [];
  const regionStart = new Int32Array(regionIds.length + 1);
  regionIds.forEach((rid, r) => {
    regionStart[r] = slotRegion.length;
    s.players.forEach((p, i) => {
      const share = p.shares[rid];
      if (!share) return;
      slotRegion.push(r);
      slotPlayer.push(i);
      slotShare.push(uncertain(share, `player:${p.id}:share:${rid}`));
    });
  });
  regionStart[regionIds.length] = slotRegion.length;
  const S = slotRegion.length;
  const slotsOf = (player: number, regions?: Set<number>): number[] => {
    const out: number[] = [];
    for (let j = 0; j < S; j++) if (slotPlayer[j] === player && (!regions || regions.has(slotRegion[j]))) out.push(j);
    return out;
  };

  const slotBeta = new Float64Array(S * K);
  const slotIdio = new Float64Array(S);
  const slotSigma: ValueSource[] = new Array(S);
  const driftTerms: { slot: number; source: ValueSource }[] = [];
  s.players.forEach((p, i) => {
    const sigma = uncertain(p.volatility, `player:${p.id}:volatility`);
    const drift = rate(p.drift, `player:${p.id}:drift`);
    const regional = new Map(Object.entries(p.regionalDrift).map(([rid, r]) => [regionIndex.get(rid)!, rate(r, `player:${p.id}:drift:${rid}`)]));
    const beta = factorIds.map((f) => p.loadings[f] ?? 0);
    const idio = Math.sqrt(Math.max(0, 1 - beta.reduce((a, b) => a + b * b, 0)));
    for (const j of slotsOf(i)) {
      slotSigma[j] = sigma;
      beta.forEach((b, k) => (slotBeta[j * K + k] = b));
      slotIdio[j] = idio;
      driftTerms.push({ slot: j, source: drift });
      const extra = regional.get(slotRegion[j]);
      if (extra) driftTerms.push({ slot: j, source: extra });
    }
  });

  const R = regionIds.length;
  const regionBeta = new Float64Array(R * K);
  const regionIdio = new Float64Array(R);
  const regionSize: ValueSource[] = [];
  const regionGrowth: ValueSource[] = [];
  const regionTau: ValueSource[] = [];
  s.regions.forEach((reg, r) => {
    regionSize.push(uncertain(reg.marketSize, `region:${reg.id}:size`));
    regionGrowth.push(rate(reg.growth, `region:${reg.id}:growth`));
    regionTau.push(uncertain(reg.volatility, `region:${reg.id}:volatility`));
    const beta = factorIds.map((f) => reg.loadings[f] ?? 0);
    beta.forEach((b, k) => (regionBeta[r * K + k] = b));
    regionIdio[r] = Math.sqrt(Math.max(0, 1 - beta.reduce((a, b) => a + b * b, 0)));
  });

  // Events.
  const selectPlayers = (sel: Selector): number[] => {
    const ids = new Set(sel.players);
    for (const g of sel.groups) s.players.forEach((p) => p.group === g && ids.add(p.id));
    return playerIds.map((_, i) => i).filter((i) => ids.has(playerIds[i]));
  };
  const selectRegions = (regions: string[]): Set<number> | undefined => (regions.length === 0 ? undefined : new Set(regions.map((r) => regionIndex.get(r)!)));
  const shocks: ShockPlan[] = [];
  const regimes: RegimePlan[] = [];
  for (const e of s.events) {
    if (e.type === "shock") {
      const regions = selectRegions(e.targets.regions);
      shocks.push({
        id: e.id,
        rate: eventValue(e.rate, `event:${e.id}:rate`, "rate"),
        jump: shockJump(e.jump, eventValue(e.jump, `event:${e.id}:jump`, "effect")),
        players: selectPlayers(e.targets)
          .map((player) => ({ player, slots: slotsOf(player, regions) }))
          .filter((p) => p.slots.length > 0),
        fromStep: Math.max(1, e.fromYear - s.baseYear),
        toStep: Math.min(T, e.toYear - s.baseYear),
      });
    } else {
      const probability = eventValue(e.probability, `event:${e.id}:probability`, "probability");
      // A regime that cannot happen (its probability folds to 0, as the shipped policy event does
      // at the levers' defaults) is left out: it changes no path, draws nothing, and is no input
      // of sensitivity or discover (its year would otherwise add one).
      if (probability.kind === "const" && probability.value === 0) continue;
      regimes.push({
        id: e.id,
        probability,
        year: uncertain(e.year, `event:${e.id}:year`),
        duration: e.duration,
        effects: e.effects.map((fx, k) => {
          const regions = selectRegions(fx.targets.regions);
          return {
            slots: selectPlayers(fx.targets).flatMap((pl) => slotsOf(pl, regions)),
            ...(fx.drift ? { drift: eventValue(fx.drift, `event:${e.id}:effect${k}:drift`, "effect") } : {}),
            ...(fx.jump ? { jump: eventValue(fx.jump, `event:${e.id}:effect${k}:jump`, "effect") } : {}),
          };
        }),
        growth: e.marketGrowth.map((g, k) => ({
          regions: g.regions.length === 0 ? regionIds.map((_, r) => r) : g.regions.map((r) => regionIndex.get(r)!),
          change: eventValue(g.change, `event:${e.id}:growth${k}`, "effect"),
        })),
      });
    }
  }

  // Views and output cells.
  const singleRegion = R === 1;
  const views = singleRegion ? ["global"] : ["global", ...regionIds];
  const viewRegion = Int32Array.from(views.map((_, v) => (singleRegion || v === 0 ? -1 : v - 1)));
  const cells: Cell[] = [];
  const addCell = (view: number, entity: string, kind: Cell["kind"], unit: Unit): number => {
    // Fixed-width bins only where values are sure to lie in [0, 1] (player and group
    // shares, CR3): a user metric may leave that range, and dense bins over a wide
    // range would use unbounded memory; the log sketch is bounded for any values.
    const bounded = unit === "share" && (kind !== "metric" || entity === CR3);
    cells.push({ view, entity, kind, unit, sketch: bounded ? "linear" : "log" });
    return cells.length - 1;
  };
  const metricSyms = metricSymbols(s);
  const metricExpressions = s.metrics.map((m, k) => compileExpression(m.expr, `metrics[${k}].expr`, metricSyms));
  const metrics = s.metrics.map((m, k) => ({ id: m.id, where: place(`metrics[${k}].expr`), evaluate: metricExpressions[k].evaluate }));
  const metricInputs = Int32Array.from(metricSyms.flatMap((sym, k) => (metricExpressions.some((e) => e.symbols.includes(sym)) ? [k] : [])));
  const viewColumns: ViewColumns[] = views.map((_, v) => {
    const region = viewRegion[v];
    const present = (i: number) => region < 0 || s.players[i].shares[regionIds[region]] !== undefined;
    const playerCell = Int32Array.from(playerIds.map((id, i) => (present(i) ? addCell(v, id, "player", "share") : -1)));
    const groupCell = Int32Array.from(groupIds.map((id) => (s.simulation.groups ? addCell(v, id, "group", "share") : -1)));
    const marketCell = addCell(v, MARKET_SIZE, "metric", "usd_bn");
    const hhiCell = s.simulation.concentration ? addCell(v, HHI, "metric", "hhi") : -1;
    const cr3Cell = s.simulation.concentration ? addCell(v, CR3, "metric", "share") : -1;
    const metricCell = Int32Array.from(s.metrics.map((m) => addCell(v, m.id, "metric", m.unit)));
    return { playerCell, groupCell, marketCell, hhiCell, cr3Cell, metricCell };
  });

  const targets: TargetPlan[] = s.targets.map((t, k) => {
    const v = views.indexOf(singleRegion && t.view === regionIds[0] ? "global" : t.view);
    const cell = cells.findIndex((c) => c.view === v && c.entity === t.entity);
    if (v < 0 || cell < 0)
      throw new UserError(
        `${s.file}: targets[${k}] ("${t.id}"): ${t.entity} in ${t.view} is not summarised; check the entity and view ids, and that simulation.groups/concentration are on for group and concentration targets`,
      );
    return { id: t.id, column: cell * (T + 1) + (t.year - s.baseYear), op: t.op, value: t.value, statistic: t.statistic };
  });

  const correlations = s.correlations.map((c) => ({
    dims: c.parameters.map((id) => {
      const src = parameterSources[s.parameters.findIndex((p) => p.id === id)];
      return src.kind === "dim" ? src.dim : -1;
    }),
    matrix: c.matrix,
    method: c.method,
  }));
  for (const [k, c] of correlations.entries())
    if (c.dims.some((d) => d < 0))
      throw new UserError(`${s.file}: correlations[${k}]: a correlated parameter is fixed; give it a distribution or remove it from the correlation`);

  return {
    scenarioId: s.id,
    baseYear: s.baseYear,
    T,
    regionIds,
    playerIds,
    groupIds,
    factorIds,
    playerGroup: Int32Array.from(s.players.map((p) => groupIndex.get(p.group)!)),
    S,
    regionStart,
    slotRegion: Int32Array.from(slotRegion),
    slotPlayer: Int32Array.from(slotPlayer),
    slotShare,
    slotBeta,
    slotIdio,
    slotSigma,
    driftTerms,
    regionSize,
    regionGrowth,
    regionTau,
    regionBeta,
    regionIdio,
    dimensions,
    parameterSources,
    parameterIds: s.parameters.map((p) => p.id),
    leverIds: s.levers.map((l) => l.id),
    leverValues,
    correlations,
    exprs,
    shocks,
    regimes,
    views,
    viewRegion,
    viewColumns,
    cells,
    metrics,
    metricInputs,
    targets,
    sampling: s.simulation.sampling,
    singleRegion,
    expressionTrees: () => Object.fromEntries([...trees].map(([text, tree]) => [text, plainTree(tree)])),
    place,
  };
}

/**
 * A shock's jump: a distribution is drawn anew for every event (its own stream); a number, or an
 * expression of levers only, is a constant; an expression of parameters has one value per path.
 */
function shockJump(r: Rate, source: ValueSource): ShockPlan["jump"] {
  if (source.kind === "const") return { kind: "const", value: source.value };
  if (source.kind === "expr") return { kind: "perPath", expr: source.expr };
  if (r.kind !== "value") throw new Error("internal error: a shock's jump expression compiled to an input");
  return { kind: "perEvent", dist: r.value.dist };
}

function noParser(source: string): ExprNode {
  throw new Error(
    `internal error: compileModel needs an expression parser for "${source}" (parseWithMathjs, or treeLookup of trees parsed in the main thread)`,
  );
}

/** A parser that looks expressions up in trees parsed elsewhere (CompiledModel.expressionTrees). */
export function treeLookup(trees: Record<string, ExprNode>): ParseExpression {
  return (source) => {
    const tree = Object.hasOwn(trees, source) ? trees[source] : undefined;
    if (!tree) throw new Error(`internal error: no parsed tree for expression "${source}"`);
    return tree;
  };
}

/** The fields of a parse tree that check.ts and build.ts read, as plain data (a worker message can carry it). */
function plainTree(node: ExprNode): ExprNode {
  const out: Record<string, unknown> = { type: node.type };
  for (const key of ["value", "name", "op", "conditionals"] as const) if (node[key] !== undefined) out[key] = node[key];
  if (node.fn !== undefined) out.fn = typeof node.fn === "string" ? node.fn : plainTree(node.fn);
  for (const key of ["content", "condition", "trueExpr", "falseExpr"] as const) if (node[key]) out[key] = plainTree(node[key]!);
  for (const key of ["args", "params"] as const) if (node[key]) out[key] = node[key]!.map(plainTree);
  return out as unknown as ExprNode;
}
