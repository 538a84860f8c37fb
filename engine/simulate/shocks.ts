/**
 * Shock events of one block (MODEL.md section 3): for each path, each step in
 * the event's years and each targeted player, a Poisson number of events
 * (inversion of one uniform of the stream event:<id>:count, in that nesting
 * order), each adding a jump to the player's log-attraction in every region
 * the event targets; the jump is constant, the same for every event of a
 * path (an expression of the parameters), or drawn per event from the stream
 * event:<id>:jump, in the same order.
 */
import type { Distribution } from "../distributions/index.js";
import { aleaNext, fillUniforms, type AleaState } from "../random/alea.js";
import { poissonFromTable, poissonInverse, poissonTable } from "../random/poisson.js";
import { openUnit } from "../random/streams.js";
import { fastExp } from "../stats/fastExp.js";
import { buffer, type BlockSpan, type KernelContext } from "./kernelContext.js";
import { pathValue } from "./pathValues.js";
import type { ShockPlan } from "./model.js";

/** Adds the jumps of one shock event to W[extra + (q T + t - 1) S + slot] (the extra section of BlockLayout, engine/simulate/kernelContext.ts). */
export function addShocks(
  ctx: KernelContext,
  sh: ShockPlan,
  count: AleaState,
  jumpStream: AleaState | undefined,
  jumpDist: Distribution | undefined,
  span: BlockSpan,
  W: Float64Array,
  extra: number,
): void {
  const { T, S } = ctx.model;
  const { nb } = span;
  const steps = sh.toStep - sh.fromStep + 1;
  if (steps <= 0) return;
  const P = sh.players.length;
  const draws = nb * steps * P;
  const u = buffer(ctx, "counts", draws, false);
  fillUniforms(count, u, 0, draws);
  // A constant rate (the usual case) reads its counts off a table: no division per draw.
  const table = sh.rate.kind === "const" ? (ctx.poissonTables[sh.id] ??= poissonTable(sh.rate.value, fastExp(-sh.rate.value))) : undefined;
  if (table && sh.jump.kind === "const") {
    // The common case, as a tight loop: the targets' slots flattened, and no branch on the count
    // (it is 0 most of the time, unpredictably): adding 0 changes nothing.
    const jump = sh.jump.value;
    const { start, slots } = (ctx.shockSlots[sh.id] ??= flattenSlots(sh));
    let d = 0;
    for (let q = 0; q < nb; q++)
      for (let t = sh.fromStep; t <= sh.toStep; t++) {
        const base = extra + (q * T + t - 1) * S;
        for (let k = 0; k < P; k++) {
          const total = poissonFromTable(u[d++], table) * jump;
          for (let i = start[k]; i < start[k + 1]; i++) W[base + slots[i]] += total;
        }
      }
    return;
  }
  const constJump = sh.jump.kind === "const" ? sh.jump.value : 0;
  const perPathJump = sh.jump.kind === "perPath" ? ({ kind: "expr", expr: sh.jump.expr } as const) : undefined;
  let d = 0;
  for (let q = 0; q < nb; q++) {
    const lambda = table ? 0 : pathValue(ctx, sh.rate, span, q, () => `rate of event ${sh.id}`);
    const pathJump = perPathJump ? pathValue(ctx, perPathJump, span, q, () => `jump of event ${sh.id}`) : constJump;
    const expMinus = table ? 0 : fastExp(-lambda);
    for (let t = sh.fromStep; t <= sh.toStep; t++) {
      const base = extra + (q * T + t - 1) * S;
      for (let k = 0; k < P; k++) {
        const events = table ? poissonFromTable(u[d++], table) : poissonInverse(u[d++], lambda, expMinus);
        if (events === 0) continue;
        let total = 0;
        if (jumpDist && jumpStream) for (let m = 0; m < events; m++) total += jumpDist.quantile(openUnit(aleaNext(jumpStream)));
        else total = events * pathJump;
        for (const slot of sh.players[k].slots) W[base + slot] += total;
      }
    }
  }
}

/** The slots of each targeted player, flat: those of player k are slots[start[k] .. start[k + 1]). */
export function flattenSlots(sh: ShockPlan): { start: Int32Array; slots: Int32Array } {
  const start = new Int32Array(sh.players.length + 1);
  sh.players.forEach((pl, k) => (start[k + 1] = start[k] + pl.slots.length));
  return { start, slots: Int32Array.from(sh.players.flatMap((pl) => pl.slots)) };
}
