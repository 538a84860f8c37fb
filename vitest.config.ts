import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/browser/**", "node_modules/**", "dist/**"],
    testTimeout: 60_000,
    // hooks build reports and runs too: as long as a test may take, on a loaded machine
    hookTimeout: 60_000,
    // Deterministic: figures and number formats must not depend on the machine.
    env: { TZ: "UTC", LANG: "C", NO_COLOR: "1" },
  },
});
