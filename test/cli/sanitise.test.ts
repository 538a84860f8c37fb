/**
 * Text from files never drives the terminal, and figures and HTML stay
 * well-formed whatever Unicode a label holds. The payloads are issue 17's
 * (a label `ESC ]0;... BEL ESC[31m` that retitles and recolours a terminal,
 * a key "\u001b[2J" that clears it) and more: NUL, DEL, a C1 CSI, a
 * right-to-left override, a lone surrogate, U+FFFF, markup, emoji, Hebrew.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { terminalField, terminalJson, terminalText } from "../../bin/format.js";
import { xmlSafe } from "../../reports/render/xmlSafe.js";
import { ensureBuilt } from "./builtCli.js";
import { cli } from "./outputHarness.js";

const tmp = mkdtempSync(join(tmpdir(), "mf-sanitise-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeAll(() => {
  expect(ensureBuilt()).toBe(true);
}, 120_000);

/** The payload as JSON escapes, so that the file itself is plain ASCII. */
const PAYLOAD =
  "\\u001b]0;pwned\\u0007\\u001b[31m red \\u0000 \\u007f \\u009b2J \\u202e rtl \\ud800 \\uffff <b>bold</b> & \\ud83d\\ude00 \\u05e2\\u05d1\\u05e8\\u05d9\\u05ea";
const file = join(tmp, "evil.json");
writeFileSync(
  file,
  `{
  "id": "evil",
  "extends": ${JSON.stringify(join(process.cwd(), "test/fixtures/engine/features.json"))},
  "title": "Evil ${PAYLOAD}",
  "description": "Narrative ${PAYLOAD}",
  "presentation": {"color": "#123456"},
  "parameters": [{"id": "push", "label": "push ${PAYLOAD}", "value": {"dist": "triangular", "min": -0.02, "mode": 0.01, "max": 0.05, "assumption": "rationale ${PAYLOAD}"}}],
  "events": [{"id": "outage", "type": "shock", "label": "Outage ${PAYLOAD}", "rate": {"value": 0.5, "assumption": "event ${PAYLOAD}"}, "jump": {"dist": "triangular", "min": -0.05, "mode": -0.02, "max": 0, "assumption": "test"}, "targets": {"players": ["a"]}, "years": {"from": 2027, "to": 2030}}],
  "targets": [{"id": "a_30", "label": "a ${PAYLOAD} >= 30%"}]
}
`,
);
// characters a terminal acts on (C0 but newline, DEL, C1, bidi controls) and lone surrogates
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])/;

describe("terminals see control characters escaped", () => {
  it("terminalText, terminalField and terminalJson escape what a terminal would act on, and keep the rest", () => {
    expect(terminalText("a\u001b]0;x\u0007\u001b[31mb\nc\td é 😀 \u202e \ud800")).toBe("a\\u001b]0;x\\u0007\\u001b[31mb\nc\td é 😀 \\u202e \\ud800");
    expect(terminalField("k\u001b[2J\n\t")).toBe("k\\u001b[2J\\u000a\\u0009");
    const json = terminalJson(JSON.stringify({ a: "\u009b\u202e\u2028" }));
    expect(json).toBe('{"a":"\\u009b\\u202e\\u2028"}');
    expect(JSON.parse(json)).toEqual({ a: "\u009b\u202e\u2028" });
  });

  it("run prints the target's label escaped", () => {
    const r = cli(["run", file, "--paths", "200", "--threads", "1", "--quiet", "--out", join(tmp, "run")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain("a \\u001b]0;pwned\\u0007\\u001b[31m red \\u0000 \\u007f \\u009b2J \\u202e rtl \\ud800");
    expect(r.stdout).toContain("😀"); // printable Unicode stays as it is
  });

  it("validate prints a key that would clear the screen escaped, and --json stays valid JSON without raw controls", () => {
    const key = join(tmp, "key.json");
    writeFileSync(key, `{"id": "k", "extends": ${JSON.stringify(file)}, "\\u001b[2J": 1, "title": "\\u009b31m"}`);
    const r = cli(["validate", key]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).toContain('error: unknown key "\\u001b[2J"');
    const j = cli(["validate", "--json", key]);
    expect(j.stdout).not.toMatch(RAW);
    expect(JSON.parse(j.stdout)[0].message).toBe('unknown key "\u001b[2J"');
  });

  it("decide prints lever and scenario labels escaped, in its table and its JSON", () => {
    const levered = join(tmp, "evil-lever.json");
    writeFileSync(
      levered,
      `{"id": "evil_up", "extends": ${JSON.stringify(join(process.cwd(), "test/fixtures/decide/linear-up.json"))}, "title": "Up ${PAYLOAD}",
  "levers": [{"id": "push", "label": "Push ${PAYLOAD}"}]}`,
    );
    for (const json of [[], ["--json"]]) {
      const r = cli(["decide", levered, "--outcome", "mean log_ratio 2030, maximise", "--paths", "200", "--threads", "1", "--quiet", ...json]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(RAW);
      expect(r.stdout).toContain("\\u001b");
    }
  });

  it("compare and blend print labels escaped", () => {
    for (const args of [
      ["compare", file],
      ["blend", "--weights", "1", file],
    ]) {
      const r = cli([...args, "--paths", "200", "--threads", "1"]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(RAW);
    }
  });
});

describe("figures and HTML stay well-formed", () => {
  it("xmlSafe replaces exactly what XML 1.0 forbids (and C1 controls) by U+FFFD", () => {
    expect(xmlSafe("a\u0000b\u0008c\u000bd\u001fe\tf\ng\rh\u007fi\u009fj\ud800k\udc00l\ufffe\uffffm 😀 é")).toBe(
      "a\ufffdb\ufffdc\ufffdd\ufffde\tf\ng\rh\ufffdi\ufffdj\ufffdk\ufffdl\ufffd\ufffdm 😀 é",
    );
  });

  it("report --png: every SVG parses as XML, report.html holds no forbidden character and escapes the markup", () => {
    const out = join(tmp, "report");
    const r = cli(["report", file, "--paths", "200", "--threads", "1", "--png", "--out", out]);
    expect(r.code, r.stderr).toBe(0); // the PNGs used to fail: "non-XML character"
    const { window } = new JSDOM("");
    const svgs = readdirSync(join(out, "figures")).filter((f) => f.endsWith(".svg"));
    expect(svgs.length).toBeGreaterThanOrEqual(8);
    for (const svg of svgs) {
      const text = readFileSync(join(out, "figures", svg), "utf8");
      const doc = new window.DOMParser().parseFromString(text, "image/svg+xml");
      expect(doc.getElementsByTagName("parsererror"), svg).toHaveLength(0);
      expect(existsSync(join(out, "figures", svg.replace(/\.svg$/, ".png")))).toBe(true);
    }
    const targets = readFileSync(join(out, "figures", "targets.svg"), "utf8");
    expect(targets).toContain("]0;pwned\ufffd\ufffd[31m red \ufffd \ufffd \ufffd2J \u202e rtl \ufffd \ufffd &lt;b&gt;bold&lt;/b&gt; &amp; 😀");
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/); // eslint-disable-line no-control-regex
    expect(html).not.toContain("<b>bold</b>");
    expect(html).toContain("&lt;b&gt;bold&lt;/b&gt;");
    // the stories, drivers and assumptions of the report (issue 16) show the file's texts the same way
    expect(html).toContain("rationale \ufffd]0;pwned\ufffd\ufffd[31m red");
    expect(html).toContain("<td>push \ufffd]0;pwned\ufffd\ufffd[31m red");
    expect(html).toContain("<p>Narrative \ufffd]0;pwned\ufffd\ufffd[31m red");
    expect(html).toContain("<td>Outage \ufffd]0;pwned\ufffd\ufffd[31m red");
  }, 120_000);
});
