/**
 * Per-path numbers of the kernel that may be expressions of the parameters and levers: the buffer of
 * expression arguments and an event's number for one path (engine/simulate/eventValues.ts says which
 * numbers may be expressions). Shared by increments.ts and shocks.ts, which import it and not each other.
 */
import { withinBounds } from "./eventValues.js";
import { buffer, SimulationError, sourceValue, type BlockSpan, type KernelContext } from "./kernelContext.js";
import type { ValueSource } from "./model.js";

/**
 * The buffer of expression arguments [t, year, ...parameters, ...levers], with the levers (the same
 * on every path) filled in; fillParameters puts a path's parameters in it, the caller t and year.
 */
export function expressionArgs(ctx: KernelContext): Float64Array {
  const { model } = ctx;
  const P = model.parameterSources.length;
  const args = buffer(ctx, "args", 2 + P + model.leverValues.length, false);
  args.set(model.leverValues, 2 + P);
  return args;
}

/** The parameters of chunk path p into args[2 ..]. */
export function fillParameters(ctx: KernelContext, args: Float64Array, x: Float64Array, n: number, p: number): void {
  const sources = ctx.model.parameterSources;
  for (let k = 0; k < sources.length; k++) args[2 + k] = sourceValue(sources[k], x, n, p);
}

/**
 * The value of a per-path number for path q of the block: a constant, an input, or an event's
 * expression of the parameters and levers (evaluated here and checked against its bounds: a
 * probability outside [0, 1] stops the run with the path's number, it is never clamped).
 */
export function pathValue(ctx: KernelContext, src: ValueSource, span: BlockSpan, q: number, quantity: () => string): number {
  if (src.kind !== "expr") return sourceValue(src, span.x, span.n, span.offset + q);
  const { model } = ctx;
  const e = model.exprs[src.expr];
  const args = expressionArgs(ctx);
  fillParameters(ctx, args, span.x, span.n, span.offset + q);
  args[0] = 1;
  args[1] = model.baseYear + 1;
  const v = e.evaluate(args);
  if (!withinBounds(v, e.bounds))
    throw new SimulationError(
      model.scenarioId,
      `${quantity()} (expression "${e.source}" at ${e.where})`,
      model.baseYear + 1,
      span.firstPath + q,
      v,
      e.bounds ? `${e.bounds.what}: check the expression and the parameters it uses` : "check the expression and the parameters it uses",
    );
  return v;
}
