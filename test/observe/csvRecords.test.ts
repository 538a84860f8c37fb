/** The observations' CSV reader: RFC 4180 quoting, BOM, line ends, where each field starts, every problem at once. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsvRecords } from "../../engine/observe/csvRecords.js";
import { csvText } from "../../engine/run/outputs/csv.js";

const texts = (text: string) => parseCsvRecords(text).records.map((r) => r.fields.map((f) => f.text));

describe("parseCsvRecords", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    expect(texts('a,"b,c","say ""hi"""\n"x\ny",2,3\n')).toEqual([
      ["a", "b,c", 'say "hi"'],
      ["x\ny", "2", "3"],
    ]);
  });

  it("skips a UTF-8 byte-order mark and reads \\r\\n, \\r and \\n line ends alike", () => {
    expect(texts("\uFEFFperiod,value\r\n2026,28\r2027,29\n2028,30")).toEqual([
      ["period", "value"],
      ["2026", "28"],
      ["2027", "29"],
      ["2028", "30"],
    ]);
  });

  it("skips blank lines but keeps a line of one quoted empty field, and keeps empty fields", () => {
    expect(texts('a,b\n\n,\n""\n\n')).toEqual([["a", "b"], ["", ""], [""]]);
  });

  it("gives each field its line and its column (1-based position in the record), also after a multi-line field", () => {
    const { records } = parseCsvRecords('h1,h2,h3\n"two\nlines",x,y\nlast,"q",z');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(records[1].fields.map((f) => [f.line, f.column])).toEqual([
      [2, 1],
      [3, 2],
      [3, 3],
    ]);
    expect(records[2].fields[1]).toMatchObject({ text: "q", line: 4, column: 2, quoted: true });
  });

  it("reports a quote that never closes and text after a closing quote, with their places, and goes on", () => {
    const { records, problems } = parseCsvRecords('a,"b"x,c\nd,"open\n');
    expect(problems).toEqual([
      { line: 1, column: 2, message: 'text after the closing quote: "x"' },
      { line: 2, column: 2, message: "this quoted field has no closing quote" },
    ]);
    expect(records[0].fields.map((f) => f.text)).toEqual(["a", "bx", "c"]);
  });

  it("reads back any table that the outputs' CSV writer writes (property, 200 tables)", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "b", " ", ",", '"', "\n", "\r", "é", "1") });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((n) => fc.array(fc.array(field, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 5 })),
        (table) => {
          // a record of one empty unquoted field is a blank line: the writer's rows are never that
          const [header, ...rows] = table.map((r) => (r.length === 1 && r[0] === "" ? ["x"] : r));
          const text = csvText(header, rows);
          expect(parseCsvRecords(text).problems).toEqual([]);
          expect(texts(text)).toEqual([header, ...rows]);
        },
      ),
      { numRuns: 200, seed: 18 },
    );
  });
});
