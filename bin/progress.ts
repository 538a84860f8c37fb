/**
 * The progress bar of `marketfutures run`, on stderr: scenario name, paths
 * done/total, percent, elapsed time and ETA, redrawn at most ten times a
 * second (and once a second while nothing is reported, so that the clock
 * moves), cleared when the run ends. Only on a terminal: nothing is drawn
 * when stderr is not a TTY or with --quiet; colour follows bin/format.ts
 * (none with NO_COLOR or TERM=dumb).
 */
import { onInterrupt } from "../engine/io/interrupt.js";
import { formatCount } from "../engine/format/count.js";
import { useColor } from "./format.js";

/** What the engine reports: paths done/total of scenario `index` (0-based) of `count`. */
export type { RunProgress } from "../engine/run/runScenarios.js";
import type { RunProgress } from "../engine/run/runScenarios.js";

export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  quiet?: boolean;
  /** milliseconds; for tests */
  now?: () => number;
  /** minimum time between two redraws, ms (default 100) */
  minIntervalMs?: number;
}

export interface Progress {
  /** Record the engine's progress; redraws unless the last redraw was less than minIntervalMs ago. */
  update(p: RunProgress): void;
  /** Erase the bar and stop the clock. Safe to call more than once. */
  stop(): void;
  /** Whether a bar is drawn at all (stderr is a TTY and not --quiet). */
  readonly active: boolean;
}

const noProgress: Progress = { update() {}, stop() {}, active: false };

export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.quiet || !stream.isTTY) return noProgress;
  const now = options.now ?? (() => performance.now());
  const minInterval = options.minIntervalMs ?? 100;
  const color = useColor(stream);
  const eta = etaEstimator();
  const start = now();
  let last: RunProgress | undefined;
  let lastDraw = -Infinity;
  let drawn = false;
  let stopped = false;

  const draw = () => {
    if (!last || stopped) return;
    const t = now();
    lastDraw = t;
    const line = formatProgress(last, t - start, eta.remaining(last, t - start), Math.max(20, (stream.columns || 80) - 1), color);
    stream.write(`\r${line}\u001b[K`);
    drawn = true;
  };
  const clock = setInterval(() => {
    if (now() - lastDraw >= 1000) draw();
  }, 1000);
  clock.unref();

  // Ctrl-C while the bar is drawn erases it (bin/signals.ts); the simulation yields often enough for that.
  const release = onInterrupt(() => {
    stopped = true;
    clearInterval(clock);
    if (drawn) stream.write("\r\u001b[K");
  }, "display");
  return {
    active: true,
    update(p) {
      if (stopped) return;
      eta.record(p);
      last = p;
      if (now() - lastDraw >= minInterval) draw();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      release();
      clearInterval(clock);
      if (drawn) stream.write("\r\u001b[K");
    },
  };
}

/**
 * Remaining time of the whole run, from the rate so far: paths left in this
 * scenario plus, for each scenario still to come, as many paths as this one
 * plans. Undefined until some paths are done.
 */
export function etaEstimator() {
  let finished = 0; // paths of the scenarios already done
  let current = -1;
  let currentTotal = 0;
  let currentDone = 0;
  return {
    record(p: RunProgress): void {
      if (p.index !== current) {
        if (current >= 0) finished += currentTotal;
        current = p.index;
      }
      currentTotal = p.total;
      currentDone = p.done;
    },
    remaining(p: RunProgress, elapsedMs: number): number | undefined {
      const done = finished + currentDone;
      if (done <= 0 || elapsedMs <= 0) return undefined;
      const left = Math.max(0, p.total - p.done) + Math.max(0, p.count - p.index - 1) * p.total;
      return (left * elapsedMs) / done;
    },
  };
}

/** `m:ss`, or `h:mm:ss` from one hour. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

const count = (n: number) => formatCount(n);

/**
 * One line of the bar, at most WIDTH characters:
 * `paradigm-shift (2/3) ████████░░░░ 12,000/40,000  30%  0:12 elapsed, ETA 0:28`.
 * The bar shrinks, then goes, then the name is cut, when the terminal is narrow.
 */
export function formatProgress(p: RunProgress, elapsedMs: number, etaMs: number | undefined, width: number, color: boolean): string {
  const fraction = p.total > 0 ? Math.min(1, Math.max(0, p.done / p.total)) : 0;
  const pct = `${String(Math.floor(fraction * 100)).padStart(3)}%`;
  const tail = ` ${count(p.done)}/${count(p.total)} ${pct}  ${formatDuration(elapsedMs)} elapsed, ETA ${etaMs === undefined ? "-:--" : formatDuration(etaMs)}`;
  let name = p.count > 1 ? `${p.scenario} (${p.index + 1}/${p.count})` : p.scenario;
  let room = width - name.length - tail.length - 1;
  if (room < 5) {
    const cut = Math.max(1, width - tail.length);
    if (name.length > cut) name = name.slice(0, Math.max(0, cut - 1)) + "…";
    return (name + tail).slice(0, width);
  }
  room = Math.min(room, 30);
  const full = Math.round(fraction * room);
  const filled = "█".repeat(full);
  const empty = "░".repeat(room - full);
  const bar = color ? `\u001b[36m${filled}\u001b[39m\u001b[2m${empty}\u001b[22m` : filled + empty;
  return `${name} ${bar}${tail}`;
}
