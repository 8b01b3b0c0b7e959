// Attempts as the progress store keeps them, for Home's counts.
import type { StoredAttempt, Mode } from "../../src/progress";

export function attempt(
  templateId: string,
  skill: string,
  mode: Mode,
  part: number,
  parts: number,
  verdict: StoredAttempt["verdict"] = "correct",
): StoredAttempt {
  return {
    id: `t-${templateId}-${mode}-${part}`,
    session: "t",
    at: "2030-03-01T09:00:00.000Z",
    rating: null,
    templateId,
    skill,
    seed: 1,
    params: {},
    part,
    parts,
    answer: "1",
    verdict,
    mistake: null,
    hints: 0,
    ms: 1000,
    mode,
  };
}
