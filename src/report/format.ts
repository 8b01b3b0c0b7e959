// Small formatting shared by the renderers.
import { showBrief } from "../core/number-format";
import type { Lang } from "../core/i18n";
import { formatDuration } from "../quiz/texts";
import type { StepRow } from "./model";
import { REPORT_TEXT } from "./texts";

export { formatDuration };

/** `x = 2.197, sigma = 0.7`: four significant figures, as the prompts show them. */
export function paramsText(params: Readonly<Record<string, number>>): string {
  return Object.entries(params)
    .map(([name, value]) => `${name} = ${showBrief(value)}`)
    .join(", ");
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? "–" : `${Math.round((100 * part) / whole)}%`;
}

/** A step as a person reads it: its title (from the content) with the id, or the id alone. */
export function stepLabel(row: Pick<StepRow, "step" | "title">, lang: Lang): string {
  if (row.step === null) return REPORT_TEXT.noStep[lang];
  return row.title ? `${row.title[lang]} (${row.step})` : row.step;
}
