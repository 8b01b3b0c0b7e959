// StoredAttempt rows for `export`: one flat row per attempt, the same columns in CSV and JSON, ready
// to hand to an instructor.
import type { StoredAttempt } from "./types";

export const ROW_COLUMNS = [
  "id",
  "session",
  "at",
  "mode",
  "templateId",
  "skill",
  "seed",
  "params",
  "part",
  "parts",
  "answer",
  "verdict",
  "mistake",
  "hints",
  "ms",
  "rating",
] as const;

export type AttemptRow = Record<(typeof ROW_COLUMNS)[number], string | number | null>;

export function attemptRow(a: StoredAttempt): AttemptRow {
  return {
    id: a.id,
    session: a.session,
    at: a.at,
    mode: a.mode,
    templateId: a.templateId,
    skill: a.skill,
    seed: a.seed,
    // A flat column: params as compact JSON, e.g. {"x":2}.
    params: JSON.stringify(a.params),
    part: a.part,
    parts: a.parts,
    answer: a.answer,
    verdict: a.verdict,
    mistake: a.mistake,
    hints: a.hints,
    ms: a.ms,
    rating: a.rating,
  };
}
