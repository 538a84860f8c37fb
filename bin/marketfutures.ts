#!/usr/bin/env node
/**
 * The `marketfutures` command's entry point: the signal handler first (bin/signals.ts), then the
 * program (bin/main.ts), loaded dynamically so that Ctrl-C is handled while its modules load too.
 */
import "./signals.js";

// MARKETFUTURES_DEBUG=1: stack traces through the bundle's source maps, with the TypeScript files' lines (bin/build/bundleCli.ts)
if (process.env.MARKETFUTURES_DEBUG) process.setSourceMapsEnabled(true);

await import("./main.js");
