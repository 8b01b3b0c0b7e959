// A planned question made concrete: the content's template drawn with the variant seed, in the
// engine's shape (which adds the formula answer's reference text and a label for each given value).
import { formulaReferenceText } from "../core/check-formula";
import type { Localized } from "../core/i18n";
import type { Course } from "../content/model";
import { instantiate } from "../content/instantiate";
import type { PlannedQuestion, QuestionInstance } from "./types";

export type Instantiated = { ok: true; instance: QuestionInstance } | { ok: false; problem: string };

/**
 * Made questions by course, template and variant seed: drawing a variant costs about a
 * millisecond (its numbers are redrawn until clear of the traps), and the session server
 * rebuilds a learner's session from the start on every request. A question is a pure function of
 * these three and is never changed after it is made, so one copy serves every caller.
 */
const made = new WeakMap<Course, Map<string, Instantiated>>();
/** Kept per course at most; then the cache starts again (a long practice day draws new variants). */
const MADE_PER_COURSE = 2000;

export function instantiateQuestion(course: Course, planned: PlannedQuestion): Instantiated {
  let cache = made.get(course);
  if (!cache) {
    cache = new Map();
    made.set(course, cache);
  }
  const key = `${planned.templateId}\u0000${planned.variantSeed}`;
  const known = cache.get(key);
  if (known) return known;
  const result = instantiateUncached(course, planned);
  if (cache.size >= MADE_PER_COURSE) cache.clear();
  cache.set(key, result);
  return result;
}

function instantiateUncached(course: Course, planned: PlannedQuestion): Instantiated {
  const template = course.exercises.get(planned.templateId);
  if (!template) return { ok: false, problem: `no exercise "${planned.templateId}" in the course` };
  const made = instantiate(template, planned.variantSeed);
  if (!made.ok) return { ok: false, problem: made.problem };
  const q = made.question;
  return {
    ok: true,
    instance: {
      templateId: q.templateId,
      skill: q.skill,
      step: template.step,
      variantSeed: planned.variantSeed,
      params: q.params,
      given: q.given.map((g) => ({ name: g.name, value: g.value, text: givenText(g.name, g.text) })),
      parts: q.parts.map((p) => ({
        quantity: p.quantity,
        digits: p.digits,
        expected: p.expected,
        formula: p.answer === "formula" ? formulaReferenceText("derivative") : null,
        mistakes: p.mistakes,
        prompt: p.prompt,
        carryFrom: p.carryFrom,
        wholeNumber: template.wholeNumber ?? false,
      })),
      hints: q.hints,
      solution: q.solution,
      feedback: q.feedback,
    },
  };
}

/** How a given intermediate value is written next to the prompt (docs/content-format.md, Exercises: given values and placeholders). */
const LABELS: Readonly<Record<string, string>> = {
  x: "x",
  e_neg_x: "e^(−x)",
  one_plus_e_neg_x: "1 + e^(−x)",
  u: "u = 1 + e^(−x)",
  u_squared: "u²",
  sigma: "σ(x)",
  one_minus_sigma: "1 − σ(x)",
  sigma_squared: "σ(x)²",
  derivative: "σ′(x)",
  one_minus_p: "1 − p",
  ratio: "p / (1 − p)",
  local: "s(1 − s)",
  error: "y − t",
  gradient: "∂L/∂w",
  relu: "max(0, x)",
};

function givenText(name: string, value: string): Localized {
  const label = LABELS[name] ?? name;
  return { ja: `${label} = ${value}`, en: `${label} = ${value}` };
}
