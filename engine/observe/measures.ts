/** What an observed figure measures (observations' `measure` column): its own module, so that the CLI's options can name them without loading the CSV reader. */
export const MEASURES = ["share", "growth", "size"] as const;
export type Measure = (typeof MEASURES)[number];
