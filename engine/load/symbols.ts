/**
 * The symbols an expression may use, in the order the engine passes their
 * values to `CompiledExpression.evaluate(args)`. The loader checks with these
 * lists and the engine must compile with the same ones.
 */

/** Drift, regional drift and market growth: [t, year, ...parameter ids]. */
export function rateSymbols(scenario: { parameters?: readonly { id: string }[] }): string[] {
  return ["t", "year", ...(scenario.parameters ?? []).map((p) => p.id)];
}

/** Metrics: [...player ids, ...group ids, t, year]; player and group values are shares in [0, 1] of the view. */
export function metricSymbols(scenario: { players: readonly { id: string }[]; groups: readonly { id: string }[] }): string[] {
  return [...scenario.players.map((p) => p.id), ...scenario.groups.map((g) => g.id), "t", "year"];
}
