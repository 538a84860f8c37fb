/**
 * Nudge end labels apart so that none overlap: labels are sorted by their
 * wanted position, pushed apart to at least `gap`, then the whole run is
 * shifted back inside [min, max]. Works in any unit (data or pixels).
 * O(n log n).
 * @example dodge([0.5, 0.51, 0.9], 0.05, 0, 1) // [0.48, 0.53, 0.9] (centred on the pair)
 */
export function dodge(wanted: number[], gap: number, min: number, max: number): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const pos = order.map((o) => o.y);
  // Cluster overlapping labels and centre each cluster on the mean of its wanted positions.
  for (let pass = 0; pass < 50; pass++) {
    let moved = false;
    let start = 0;
    while (start < pos.length) {
      let end = start;
      while (end + 1 < pos.length && pos[end + 1] - pos[end] < gap - 1e-12) end++;
      if (end > start) {
        const mean = order.slice(start, end + 1).reduce((a, o) => a + o.y, 0) / (end - start + 1);
        const first = mean - ((end - start) * gap) / 2;
        for (let k = start; k <= end; k++) pos[k] = first + (k - start) * gap;
        moved = true;
      }
      start = end + 1;
    }
    // keep inside bounds
    const over = pos[pos.length - 1] - max;
    if (over > 0) for (let k = 0; k < pos.length; k++) pos[k] = Math.min(pos[k], max - (pos.length - 1 - k) * gap);
    const under = min - pos[0];
    if (under > 0) for (let k = 0; k < pos.length; k++) pos[k] = Math.max(pos[k], min + k * gap);
    let overlapping = false;
    for (let k = 1; k < pos.length; k++) if (pos[k] - pos[k - 1] < gap - 1e-9) overlapping = true;
    if (!overlapping || !moved) break;
  }
  const out = new Array<number>(wanted.length);
  order.forEach((o, k) => (out[o.i] = pos[k]));
  return out;
}
