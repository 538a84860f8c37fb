/**
 * Every resource limit of marketfutures, in one place, with the numbers that
 * chose it. A limit turns an input that would exhaust memory or time (or
 * crash a recursive parser) into a clear error before any work starts.
 * README.md ("Limits") and scenarios/README.md list them; tests import them
 * from here, so that a changed limit changes its documentation's test too.
 *
 * Measured on the 2-core development machine (Node 20):
 * - memory does not grow with paths (10,000,000 paths on two threads peak
 *   at about 150 MB), but time does: about 17 µs a path for a shipped
 *   scenario on one thread (35 ms per chunk of 2,048 paths), 1.1 µs for the
 *   1M-path benchmark on two;
 * - each worker thread costs about 11 MB (16 threads: 351 MB against 187 MB
 *   for one; 1,000 threads reached 11 GB before this limit);
 * - recursive parsers (jsonc-parser, mathjs) overflow the stack at a few
 *   thousand levels of nesting; an expression's evaluation time grows with
 *   its node count (60,000 arguments of max() took 72 s for 300 paths).
 */

/** Paths per scenario, from --paths, --max-paths or simulation.paths: 1e8 paths of a shipped scenario take about half an hour on one thread (17 s per million), the benchmark's about 2 minutes on two. */
export const MAX_PATHS = 100_000_000;

/**
 * Paths (Sobol: base rows) of `sensitivity`, `discover` and one trial of
 * `calibrate`. Unlike `run`, these keep every path's inputs and output in
 * memory (16 bytes per path and input, and Sobol's two n x inputs design
 * matrices): 250,000 paths of a scenario with 30 uncertain inputs hold
 * about 120 MB each.
 */
export const MAX_ANALYSIS_PATHS = 250_000;

/** Threads when the user insists (--threads-force) on more than the machine's cores; without it, --threads is capped at the cores. About 11 MB each: 64 threads cost about 0.7 GB. */
export const MAX_FORCED_THREADS = 64;

/** Bytes of a scenario file (the shipped baseline is 25 kB; 1 MiB is some 40 times that). Regular files only. */
export const MAX_SCENARIO_BYTES = 1024 * 1024;

/** Bytes of a results.json read back (report/compare/blend --from). Three shipped scenarios write 3.8 MB; JSON.parse needs several times the file's size in memory. */
export const MAX_RESULTS_BYTES = 256 * 1024 * 1024;

/** Bytes of a sensitivity.json or discovery.json (report --analysis). The shipped examples are under 100 kB. */
export const MAX_ANALYSIS_BYTES = 64 * 1024 * 1024;

/** Nesting of objects and lists in a scenario file (the format itself needs 7: players, an entry, shares, a value object...). */
export const MAX_JSON_DEPTH = 64;

/** `extends` levels from a file to its root ancestor. */
export const MAX_EXTENDS_DEPTH = 32;

/** Characters of one expression (the shipped ones have at most 60). */
export const MAX_EXPRESSION_LENGTH = 1000;

/** Nodes of an expression's parse tree (numbers, symbols, operators, calls): bounds its evaluation time per path and year. */
export const MAX_EXPRESSION_NODES = 500;

/** Depth of an expression's parse tree: parentheses, chained operators and nested calls. */
export const MAX_EXPRESSION_DEPTH = 50;

/** Arguments of one function call, e.g. max(a, b, ...). */
export const MAX_FUNCTION_ARGUMENTS = 50;

/** Expected shock events a year for one player: above it the Poisson draw's cost grows with the rate, and from about 745 exp(-rate) underflows to 0 (no event would ever be drawn). */
export const MAX_EVENT_RATE = 50;

/** Parameters of one correlation matrix: its checks (eigenvalues by Jacobi rotations, O(n^3) per sweep) stay under a second. */
export const MAX_CORRELATED_PARAMETERS = 100;

/**
 * Output columns of a scenario: (players, groups and metrics summarised in
 * each view) x (years + 1). The kernel keeps 256 values of every column per
 * block, plus its moments and quantile sketch; the shipped scenarios have
 * about 640 columns, and 20,000 keep a run's memory under about 1 GB.
 */
export const MAX_OUTPUT_COLUMNS = 20_000;
