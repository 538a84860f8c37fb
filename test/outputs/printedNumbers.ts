/**
 * Helpers of the printed-numbers test: read numbers back from text as a
 * reader would (English or French, "< 0.5%", "> 99.5%", U+2212 minus,
 * grouped thousands) with the precision they claim, and check them against
 * the value they stand for.
 */
export interface Printed {
  /** the number as printed, in its own units (percent for "%" and "pp") */
  value: number;
  /** decimals printed */
  decimals: number;
  /** trailing zeros of an integer with 3+ digits (a claim of precision 10^k, e.g. "2,300") */
  zeros: number;
  /** "<", ">" for a bound, "=" for a value */
  kind: "=" | "<" | ">";
  percent: boolean;
  text: string;
}

/** A number: English groups thousands with ",", French with U+202F (its comma is the decimal mark). */
const NUMBER = {
  en: /([<>]\s?)?([−-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:([.])(\d+))?(\s?(?:%|pp|bn))?/g,
  fr: /([<>]\s?)?([−-]?)(\d{1,3}(?:\u202F\d{3})+|\d+)(?:([,])(\d+))?(\u202F?(?:%|pts|Md\$))?/g,
};

/** Every number in `text`, in order. French decimal commas and English thousands separators are told apart by `lang`. */
export function numbersIn(text: string, lang: "en" | "fr"): Printed[] {
  const out: Printed[] = [];
  for (const m of text.matchAll(NUMBER[lang])) {
    const [whole, bound, minus, int, sep, frac, unit] = m;
    void sep;
    const fracPart: string | undefined = frac;
    const digits = int.replace(/[,\u202F]/g, "");
    const value = Number(`${minus ? "-" : ""}${digits}${fracPart ? `.${fracPart}` : ""}`);
    const zeros = !fracPart && digits.length >= 3 ? (/0+$/.exec(digits)?.[0].length ?? 0) : 0;
    out.push({
      value,
      decimals: fracPart?.length ?? 0,
      zeros,
      kind: bound ? (bound.trim() as "<" | ">") : "=",
      percent: Boolean(unit && /%|pp|pts/.test(unit)),
      text: whole,
    });
  }
  return out;
}

/**
 * Whether `p` is `truth` (in the printed units) at its printed precision: within half a unit of
 * its last digit (a little more for the floating point of the truth), or, for "< x" and "> x",
 * on the right side of x without being its end point (0 or 100%).
 */
export function matches(p: Printed, truth: number, end?: number): boolean {
  if (p.kind === "<") return truth < p.value && truth > 0;
  if (p.kind === ">") return truth > p.value && (end === undefined || truth < end);
  let unit = 1;
  for (let k = 0; k < p.decimals; k++) unit /= 10;
  for (let k = 0; k < p.zeros; k++) unit *= 10;
  return Math.abs(truth - p.value) <= unit / 2 + 1e-9 * Math.max(1, Math.abs(truth));
}
