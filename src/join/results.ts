// With --feedback end the learner sees the verdicts only with the summary: one line a question,
// for plain text and the full screen alike.
import { fillBoth, type Localized } from "../core/i18n";
import { JOIN_TEXT, VERDICT_WORDS } from "./texts";

/**
 * With --feedback end the verdicts come with the summary: one line a question. The server's
 * `results` are read leniently (only verdict words it is known to send are shown).
 */
export function resultLines(results: readonly unknown[]): Localized[] {
  const out: Localized[] = [];
  results.forEach((result, index) => {
    if (typeof result !== "object" || result === null) return;
    const r = result as { number?: unknown; verdict?: unknown; verdicts?: unknown };
    const raw = Array.isArray(r.verdicts) ? r.verdicts : [r.verdict];
    const words = raw.map((v) => (typeof v === "string" ? VERDICT_WORDS[v] : undefined)).filter((w): w is Localized => w !== undefined);
    if (words.length === 0) return;
    const number = typeof r.number === "number" && Number.isInteger(r.number) ? r.number : index + 1;
    out.push(
      fillBoth(JOIN_TEXT.resultLine, {
        number,
        verdicts: { ja: words.map((w) => w.ja).join("、"), en: words.map((w) => w.en).join(", ") },
      }),
    );
  });
  return out;
}
