#!/usr/bin/env node
/**
 * The `marketfutures` command's entry point: the signal handler first (bin/signals.ts), then the
 * program (bin/main.ts), loaded dynamically so that Ctrl-C is handled while its modules load too.
 */
import "./signals.js";

await import("./main.js");
