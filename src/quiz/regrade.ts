// A second line of defence after the checksum: with the same content, every question of a
// result can be made again from its seed and every typed answer graded again. A verdict or a
// mistake that does not follow from what was typed was edited, even if the editor recomputed
// the checksum. (A forged answer *together with* its verdict still passes: nothing held by the
// learner can prevent that.)
import { englishCount } from "../core/i18n";
import type { Course } from "../content/model";
import { gradePart } from "../engine/grade";
import { instantiateQuestion } from "../engine/question";
import type { PartAnswer, QuestionInstance } from "../engine/types";
import type { QuizResult } from "./result";

/** Question instances by template and variant seed, shared by every file of a report. */
export type InstanceCache = Map<string, QuestionInstance | null>;

/**
 * Null when every stored answer grades as stored, else what differs. Only meaningful when the
 * course has the result's content version (the caller checks).
 */
export function regradeProblem(course: Course, result: QuizResult, cache: InstanceCache = new Map()): string | null {
  for (const question of result.questions) {
    if (question.answers.length === 0 && question.hintsUsed === 0) continue;
    const key = `${question.templateId}\u0000${question.variantSeed}`;
    let instance = cache.get(key);
    if (instance === undefined) {
      const made = instantiateQuestion(course, { templateId: question.templateId, variantSeed: question.variantSeed, reason: "new" });
      instance = made.ok ? made.instance : null;
      cache.set(key, instance);
    }
    const where = `question ${question.number}`;
    if (instance === null) return `${where}: exercise "${question.templateId}" cannot be made from this content`;
    if (!sameParams(instance.params, question.params)) return `${where}: its numbers are not the ones its seed gives`;
    // The last hint stage is the worked solution: no question has more stages than that.
    const stages = instance.hints.length + 1;
    if (question.hintsUsed > stages)
      return `${where}: ${englishCount(question.hintsUsed, "hint", "hints")} used, but the question has ${stages}`;
    const answers: (PartAnswer | null)[] = instance.parts.map(() => null);
    for (const stored of question.answers) {
      if (stored.part >= instance.parts.length) return `${where}: no part ${stored.part + 1}`;
      const { result: graded } = gradePart(instance, stored.part, answers, stored.answer);
      if (graded.verdict !== stored.verdict) {
        return `${where}: the answer "${stored.answer}" grades as ${graded.verdict}, but the file says ${stored.verdict}`;
      }
      if ((graded.diagnosis ?? null) !== stored.mistake) {
        return `${where}: the answer "${stored.answer}" shows mistake ${graded.diagnosis ?? "none"}, but the file says ${stored.mistake ?? "none"}`;
      }
      answers[stored.part] = { verdict: graded.verdict, parsed: graded.parsed };
    }
  }
  return null;
}

function sameParams(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}
