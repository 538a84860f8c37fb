/**
 * The symbols an expression may use, in the order the engine passes their
 * values to `CompiledExpression.evaluate(args)`. The loader checks with these
 * lists and the engine must compile with the same ones.
 */

/**
 * Drift, regional drift, market growth and events' numbers: [t, year, ...parameter ids, ...lever ids]
 * (events' expressions may not use t or year: they have one value per path).
 */
export function rateSymbols(scenario: { parameters?: readonly { id: string }[]; levers?: readonly { id: string }[] }): string[] {
  return ["t", "year", ...(scenario.parameters ?? []).map((p) => p.id), ...(scenario.levers ?? []).map((l) => l.id)];
}

/** Metrics: [...player ids, ...group ids, t, year]; player and group values are shares in [0, 1] of the view. */
export function metricSymbols(scenario: { players: readonly { id: string }[]; groups: readonly { id: string }[] }): string[] {
  return [...scenario.players.map((p) => p.id), ...scenario.groups.map((g) => g.id), "t", "year"];
}
