/**
 * Shock events of one block (MODEL.md section 3): for each path, each step in
 * the event's years and each targeted player, a Poisson number of events
 * (inversion of one uniform of the stream event:<id>:count, in that nesting
 * order), each adding a jump to the player's log-attraction in every region
 * the event targets; the jump is constant or drawn per event from the stream
 * event:<id>:jump, in the same order.
 */
import type { Distribution } from "../distributions/index.js";
import { aleaNext, fillUniforms, type AleaState } from "../random/alea.js";
import { poissonFromTable, poissonInverse, poissonTable } from "../random/poisson.js";
import { openUnit } from "../random/streams.js";
import { fastExp } from "../stats/fastExp.js";
import { sourceValue, type BlockSpan } from "./increments.js";
import { buffer, type KernelContext } from "./kernel.js";
import type { ShockPlan } from "./model.js";

/** Adds the jumps of one shock event to W[extra + (q T + t - 1) S + slot] (the extra section of engine/simulate/block.ts). */
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
  const { x, n, offset, nb } = span;
  const steps = sh.toStep - sh.fromStep + 1;
  if (steps <= 0) return;
  const P = sh.players.length;
  const draws = nb * steps * P;
  const u = buffer(ctx, "counts", draws, false);
  fillUniforms(count, u, 0, draws);
  // A constant rate (the usual case) reads its counts off a table: no division per draw.
  const table = sh.rate.kind === "const" ? (ctx.poissonTables[sh.id] ??= poissonTable(sh.rate.value, fastExp(-sh.rate.value))) : undefined;
  const constJump = sh.jump.kind === "const" ? sh.jump.value : 0;
  let d = 0;
  for (let q = 0; q < nb; q++) {
    const lambda = table ? 0 : sourceValue(sh.rate, x, n, offset + q);
    const expMinus = table ? 0 : fastExp(-lambda);
    for (let t = sh.fromStep; t <= sh.toStep; t++) {
      const base = extra + (q * T + t - 1) * S;
      for (let k = 0; k < P; k++) {
        const events = table ? poissonFromTable(u[d++], table) : poissonInverse(u[d++], lambda, expMinus);
        const slots = sh.players[k].slots;
        if (!jumpDist || !jumpStream) {
          // No branch on the count (it is 0 most of the time, unpredictably): adding 0 changes nothing.
          const total = events * constJump;
          for (let s = 0; s < slots.length; s++) W[base + slots[s]] += total;
          continue;
        }
        if (events === 0) continue;
        let total = 0;
        for (let m = 0; m < events; m++) total += jumpDist.quantile(openUnit(aleaNext(jumpStream)));
        for (let s = 0; s < slots.length; s++) W[base + slots[s]] += total;
      }
    }
  }
}
