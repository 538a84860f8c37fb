/**
 * The English message catalogue: every word of the figures and the report that
 * does not come from the results' Label objects. Placeholders are `{name}`.
 * fr.ts has the same keys (checked by the type `Messages`).
 */
export const en = {
  // shared figure furniture
  notesBands:
    "Notes: shaded bands show the central 50% (darker) and 90% (lighter) of {paths} simulated paths: in 90 of 100 paths the value lies within the light band.",
  notesScenarios: "Scenarios are explorations of what could happen, not predictions.",
  sourcePrefix: "Source: {sources}",
  caption: "{paths} paths, seed {seed}, marketfutures v{version}",
  observed: "observed",
  world: "World",
  axisShare: "Share of the market (%)",
  axisGlobalShare: "Global market share (%)",
  axisUsdBn: "Market size (USD bn)",
  axisHhi: "HHI (0 to 10,000)",
  axisProbability: "Probability that the claim is met (%)",
  axisPathsPct: "Share of paths (%)",
  median: "median",
  pair: "{a}: {b}",
  // 1. fan chart
  fanTitleUp: "{scenario}: the median global share of {group} rises from {from} in {base} to {to} in {end}",
  fanTitleDown: "{scenario}: the median global share of {group} falls from {from} in {base} to {to} in {end}",
  fanTitleFlat: "{scenario}: the median global share of {group} stays near {to} from {base} to {end}",
  fanSubtitle: "Global market share by group, median with 50% and 90% ranges, %, {base} to {end}",
  fanDesc: "Fan chart for the scenario {scenario}. Median global share in {end}: {values}.",
  // 2. scenario comparison
  comparisonTitle: "The scenarios differ most for {group}: a median 2030 share of {lo} under {scenarioLo} against {hi} under {scenarioHi}",
  comparisonSubtitle: "Global market share in {end} by group and scenario: median (dot), 50% (thick bar) and 90% (thin bar) ranges, %",
  comparisonDesc: "Median global share in {end} by scenario: {values}.",
  comparisonDiff: "Δ {diff} ± {half}",
  comparisonDiffNote:
    "Δ: difference of the mean from {first}, ± the 95% Monte Carlo interval (1.96 standard errors of the two independent runs): it says how sure the simulation is of the difference, not how uncertain the future is.",
  // 3. composition
  compositionTitleSame: "{group} keep the largest share of the market in every scenario, {lo} to {hi} in {end}",
  compositionTitleDiffer: "The largest group in {end} depends on the scenario",
  compositionSubtitle: "Mean global market share of each group, %, {base} to {end} (means add up to 100%, medians do not)",
  compositionDesc: "Stacked mean shares by scenario in {end}: {values}.",
  // 4. distribution
  distributionTitle: "The {end} share of the focus group is most uncertain under {scenario}: 90% of paths between {lo} and {hi}",
  distributionSubtitle: "Distribution of the {end} share of each scenario's focus group across simulated paths, % of paths",
  distributionPanel: "{scenario}: {group} ({view})",
  distributionTarget: "claim: {op} {value}",
  distributionDesc: "Median {end} share of the focus group: {values}.",
  // 5. market size
  marketTitle: "The median cloud market reaches {lo} to {hi} by {end}, depending on the scenario",
  marketSubtitle: "Total cloud market, USD bn, median with 50% and 90% ranges, {base} to {end}",
  marketDesc: "Median market size in {end}: {values}.",
  // 6. concentration
  concentrationTitle: "In {end} the median global HHI ranges from {lo} under {scenarioLo} to {hi} under {scenarioHi}",
  concentrationSubtitle: "Herfindahl-Hirschman index of player shares (0 to 10,000), median with 50% range, {base} to {end}",
  concentrationHigh: "highly concentrated (above 1,800)",
  concentrationModerate: "moderately concentrated (1,000 to 1,800)",
  concentrationNote: "Thresholds: 2023 Merger Guidelines, US Department of Justice and Federal Trade Commission.",
  concentrationDesc: "Median HHI in {end}: {values}.",
  // 7. sample paths
  pathsTitle: "Single simulated futures stray far from the median: under {scenario}, {group} end {end} anywhere between {lo} and {hi}",
  pathsSubtitle: "{count} whole simulated paths (thin) and the median (thick) of each scenario's focus group, %",
  pathsPanel: "{scenario}: {group}, {view}",
  pathsDesc: "Range of {end} values over the sample paths: {values}.",
  // 8. targets
  targetsTitle: "The likeliest claim is met in {hi} of paths ({labelHi}); the least likely in {lo}",
  targetsSubtitle: "Probability that each scenario's narrative claim is met in the simulated paths, %, with ±2 standard errors",
  targetsDesc: "Probability that each claim is met: {values}.",
  targetsNone: "No scenario states a claim to check",
  // analysis figures (sensitivity, discover, compare, blend)
  points: "pts",
  outputShare: "market share of {label} {where}, {year}",
  outputValue: "{label} {where}, {year}",
  theWorld: "globally",
  inView: "in {view}",
  unitShare: "%",
  unitUsdBn: "USD bn",
  unitHhi: "HHI, 0 to 10,000",
  unitNumber: "value",
  tornadoLow: "input at its 10th percentile",
  tornadoHigh: "input at its 90th percentile",
  tornadoBase: "every input sampled: {value}",
  tornadoAxis: "Median {output}",
  tornadoTitle: "Of {count} uncertain inputs, {input} moves the median {output} most: {lo} at its 10th percentile, {hi} at its 90th",
  tornadoTitleOne: "The only uncertain input, {input}, moves the median {output} from {lo} at its 10th percentile to {hi} at its 90th",
  tornadoTitleNone: "No uncertain input moves the median {output}",
  tornadoSubtitle:
    "{scenario}: median {output} ({unit}) with one input at its 10th or 90th percentile and the others as sampled; input values at the bar ends, the swing at the right",
  tornadoDesc: "Swing of the median between each input's 10th and 90th percentile: {values}.",
  sobolFirst: "first order S: the input alone",
  sobolTotal: "total ST: with its interactions",
  sobolAxis: "Share of the output's variance (Sobol index)",
  sobolTitle: "{factor} explains the largest share of the variance of the {output}: {total} with its interactions, {first} alone",
  sobolSubtitle: "{scenario}: Sobol indices of the {output}, with 95% bootstrap intervals",
  sobolDesc: "First-order (S) and total (ST) Sobol indices: {values}.",
  sobolRest: "The first-order indices leave {rest} of the variance to interactions and to noise (shocks, volatility, events), which is not an input.",
  inputOne: "1 input",
  inputMany: "{count} inputs",
  discoverChosen: "suggested box, {inputs} restricted:\ncoverage {coverage}, density {density}",
  discoverTrajectory: "box after each peel or paste",
  discoverSuggested: "suggested box",
  discoverBase: "all paths: {rate} meet the condition",
  discoverCoverage: "Coverage: share of the paths meeting the condition that are in the box (%)",
  discoverDensity: "Density (%)",
  discoverTitle: "{rate} of paths meet “{where}”; a box on {inputs} holds {coverage} of them, and {density} of the paths in it meet it",
  discoverTitleNone: "{rate} of paths meet “{where}”, and no range of the inputs concentrates them",
  discoverSubtitle: "{scenario}: coverage and density of the boxes found by PRIM over the uncertain inputs, %",
  discoverDesc: "Suggested box: {box}; coverage {coverage}, density {density}.",
  discoverBox: "Suggested box: {box}.",
  blendLegend: "{scenario} median (weight {weight})",
  blendTitle:
    "Weighting the scenarios as assumed, the median global share of {group} goes from {from} in {base} to {to} in {end}, with 90% of outcomes between {lo} and {hi}",
  blendSubtitle:
    "Probability-weighted blend of the scenarios, weights assumed by the user ({weights}): global share, median with 50% and 90% ranges, %, {base} to {end}",
  blendDesc: "Blend with weights {weights} (the user's assumption). Median global share in {end}: {values}.",
  blendAssumption: "The weights ({weights}) are an assumption of the user, not a result of the model.",
  blendMethod:
    "Bands: quantiles of the mixture of the scenarios' distributions, each read from its simulated quantiles (p5, p25, p50, p75, p95, min, max) with linear interpolation between them; dashed lines: each scenario's own median.",
  // report page
  reportTitle: "Cloud market futures to {end}: three scenarios",
  reportLead:
    "Monte Carlo projections of cloud-market shares from {base} to {end} under {count} scenarios. Figures and tables are computed from the simulation results; scenarios are explorations, not predictions.",
  contents: "Contents",
  keyNumbers: "Key numbers",
  keyNumbersNote: "Median in {end} with the 90% interval of the simulated paths in brackets.",
  figures: "Figures",
  analysis: "Analysis: what drives the results",
  method: "Method in brief",
  assumptions: "Assumptions and sources",
  reproducibility: "Reproducibility",
  colGroup: "Group",
  colScenario: "Scenario",
  colMarketSize: "Market size (USD bn)",
  colHhi: "HHI, world",
  colClaim: "Claim",
  colProbability: "Probability met",
  colAchieved: "Simulated statistic",
  colWhere: "Where",
  colText: "Assumption or source",
  colKind: "Kind",
  kindSource: "sourced",
  kindAssumption: "assumption",
  kindUnsourced: "unsourced",
  sourcesHeading: "Sources of {scenario}",
  assumptionsHeading: "Assumptions of {scenario}",
  noAssumptions: "This scenario lists no assumptions.",
  reproCommand: "Command",
  reproVersions: "Versions",
  reproFiles: "Scenario files (SHA-256)",
  threadOne: "1 thread",
  threadMany: "{count} threads",
  reproRun: "{paths} paths per scenario, seed {seed}, {threads}, chunks of {chunk} paths, {seconds} s",
  reproReport: "Report built with marketfutures v{version} on Node {node}",
  methodShares:
    "Each provider has an attractiveness score in each region. Every simulated year the score moves by a trend (its growth advantage over the region's average, which may itself be uncertain and drawn once per path) plus random noise, and the shares are the scores turned into proportions that always add up to 100% (an attraction, or softmax, model of market shares). Regional revenues add up to global shares.",
  methodShocks:
    "The random noise is partly shared: a few common factors, such as an AI investment boom or geopolitical tension, push many providers and regions at once, each according to its sensitivity, and the rest is specific to each provider. The size of each regional market grows at an uncertain rate with its own noise on the same factors.",
  methodEvents:
    "Shock events, such as a major outage, strike at random: their number each year follows a Poisson law, and each one knocks the targeted providers' scores down or up by a drawn amount.",
  methodRegimes:
    "Regime events, such as a new regulation or a technology breakthrough, happen at most once per path, with a stated probability and in a drawn year; from then on they change the trends of the providers, groups or regions they target, may shift them at once, and may change market growth.",
  methodSummaries:
    "Results are summarised while the paths run: for every region, group, metric and year the engine keeps counts, means, variances and fine histograms from which medians and intervals are read, merged in a fixed order so that a seed gives the same numbers on any number of threads. A few whole paths are kept for the path figure. The probability of each claim is the share of paths in which it holds, with its Monte Carlo standard error.",
  downloadCsv: "data (CSV)",
  figureAlt: "Figure {n}",
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
