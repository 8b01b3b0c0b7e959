// The right answer to the question a learner's replayed session is asking, for tests that play
// a learner who knows the material.
import { showShortest } from "../../src/core/number-format";
import type { SessionState } from "../../src/engine/types";

export function rightAnswerFor(state: SessionState): string {
  const current = state.current;
  if (!current) throw new Error("no question is open");
  const part = current.instance.parts[current.part]!;
  return part.formula ?? showShortest(part.expected);
}
