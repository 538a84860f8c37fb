// ESLint (flat config): the recommended JavaScript and typescript-eslint rules over the sources and tests.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const node = { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", Buffer: "readonly" };
const browser = { document: "readonly", window: "readonly", navigator: "readonly", getComputedStyle: "readonly", globalThis: "readonly" };

export default tseslint.config(
  {
    ignores: ["dist/", "out/", "docs/api/", "node_modules/", "coverage/", "engine/wasm/kernelModule.ts", "engine/wasm/assembly/", "test/browser/screenshots/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: node },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  // TypeScript itself checks that names are defined (and knows the DOM and worker globals).
  { files: ["**/*.ts"], rules: { "no-undef": "off" } },
  // Published coefficients (Cody, Wichura, Lanczos, fdlibm) are kept as printed, with more digits than a double holds.
  { files: ["engine/stats/**/*.ts", "test/stats/**/*.ts"], rules: { "no-loss-of-precision": "off" } },
  // The browser tests pass functions to page.evaluate, which run in the page.
  { files: ["test/browser/**/*.mjs"], languageOptions: { globals: { ...node, ...browser } } },
);
