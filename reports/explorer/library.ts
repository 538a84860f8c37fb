/**
 * The shipped scenarios as the page holds them: every scenario file's text
 * (so that `extends` resolves as on disk), and which of them the page offers
 * in its picker. The build writes it as scenarios.json next to the page.
 */
export interface Library {
  /** package version, for the figures' captions */
  version: string;
  /** file name (in scenarios/) -> text */
  files: Record<string, string>;
  /** file names offered in the picker, in order */
  offered: string[];
}

/** The picker's scenarios: the three of the report, then the baseline they extend. */
export const OFFERED = ["hyperscaler-hegemony.json", "regulated-multipolarity.json", "paradigm-shift.json", "baseline.json"];

/** "paradigm-shift.json" -> "paradigm-shift" */
export function stem(fileName: string): string {
  return fileName.replace(/\.jsonc?$/, "");
}

/**
 * A scenario file's English title, read without the loader (for the picker:
 * the first "title" in the file); undefined when there is none.
 * @example titleOf('{"title": {"en": "Baseline"}}') // "Baseline"
 */
export function titleOf(text: string | undefined): string | undefined {
  const m = text?.match(/"title"\s*:\s*(?:"([^"]+)"|\{\s*"en"\s*:\s*"([^"]+)")/);
  return m ? (m[1] ?? m[2]) : undefined;
}
