// A small hand-built course for engine tests, independent of the shipped content/.
import type { Course, ExercisePart, ExerciseTemplate, Lesson } from "../../src/content/model";
import type { QuantityId } from "../../src/core/quantities";
import { sigmoid, sigmoidDerivative } from "../../src/core/sigmoid";
import type { Params, ParamSpec } from "../../src/core/types";
import type { QueueEntry, SessionConfig } from "../../src/engine/types";

const pos = { file: "fixture.yaml", line: 1, col: 1 };
const l = (en: string, ja = `【${en}】`) => ({ ja, en });

function part(quantity: QuantityId, prompt: string, carryFrom: number | null = null, digits = 3): ExercisePart {
  return { quantity, digits, prompt: l(prompt), carryFrom };
}

function template(
  id: string,
  skill: string,
  step: string | null,
  params: Record<string, ParamSpec>,
  parts: ExercisePart[],
  extra: Partial<ExerciseTemplate> = {},
): ExerciseTemplate {
  return {
    id,
    skill,
    step,
    params,
    given: [],
    parts,
    hints: [l("Nudge: which function is inside which?"), l("Rule: σ(x) = 1/(1 + e^(−x))"), l("e^(−x) = {e_neg_x:4}")],
    solution: l("σ({x}) = 1/(1 + {e_neg_x:4}) ≈ {sigma}"),
    // The model's type lists every known id; a template names only the ones it overrides.
    feedback: {} as ExerciseTemplate["feedback"],
    pos,
    ...extra,
  };
}

export const SIGMOID = template(
  "fx-sigmoid",
  "sigmoid-value",
  "step-b",
  { x: { choices: [-2, -1, 1, 2] } },
  [part("sigmoid", "Find σ(x) at x = {x}.")],
  { given: ["e_neg_x"] },
);
export const DERIVATIVE = template(
  "fx-derivative",
  "derivative-value",
  "step-c",
  { x: { choices: [1, 2, 3] } },
  [part("derivative", "Find σ′(x) at x = {x}.")],
  {
    feedback: {
      "sigmoid-instead-of-derivative": l("Template says: that is the height σ({x}), not the slope.", "テンプレート: それは高さです。"),
    } as ExerciseTemplate["feedback"],
  },
);
export const FROM_OUTPUT = template(
  "fx-from-output",
  "derivative-from-output",
  "step-a",
  { sigma: { choices: [0.2, 0.3, 0.7] } },
  [part("derivative-from-output", "σ(x) = {sigma}. Find σ′(x).")],
  { hints: [l("Nudge"), l("Rule: s(1 − s)")], solution: l("{sigma} × {one_minus_sigma} = {derivative}") },
);
export const TWO_PART = template("fx-two-part", "derivative-value", null, { x: { choices: [1, 2, 3] } }, [
  part("sigmoid", "First σ(x) at x = {x}."),
  part("derivative", "Then σ′(x) from it.", 0),
]);
export const FORMULA = template("fx-formula", "derivative-formula", null, {}, [part("derivative-formula", "Write σ′ in x and s.")], {
  hints: [l("Nudge")],
  solution: l("σ′ = s(1 − s)"),
});

const lesson = (id: string, steps: string[]): Lesson => ({
  id,
  title: l(id),
  steps: steps.map((s) => ({ id: s, title: l(s), text: l(s), formulas: [], rule: null, check: null, pos })),
  pos,
});

export const COURSE: Course = {
  id: "fixture",
  version: "test",
  title: l("Fixture course"),
  chapters: [{ id: "ch", title: l("Chapter"), lessons: ["first", "second"] }],
  skills: ["sigmoid-value", "derivative-value", "derivative-from-output", "derivative-formula"].map((id) => ({ id, title: l(id) })),
  lessons: new Map([
    ["first", lesson("first", ["step-a", "step-b"])],
    ["second", lesson("second", ["step-c"])],
  ]),
  exercises: new Map([SIGMOID, DERIVATIVE, FROM_OUTPUT, TWO_PART, FORMULA].map((t) => [t.id, t])),
};

export function config(queue: (string | QueueEntry)[], extra: Partial<SessionConfig> = {}): SessionConfig {
  return {
    mode: "practice",
    course: COURSE,
    queue: queue.map((q) => (typeof q === "string" ? { templateId: q, reason: "new" } : q)),
    count: queue.length,
    seed: 42,
    hintsAllowed: true,
    retryAllowed: true,
    ...extra,
  };
}

/** The right answer to a part, computed independently of the engine, to 6 significant figures. */
export function rightAnswer(quantity: QuantityId, params: Params): string {
  const x = params.x ?? Number.NaN;
  switch (quantity) {
    case "sigmoid":
      return sigmoid(x).toPrecision(6);
    case "derivative":
      return sigmoidDerivative(x).toPrecision(6);
    case "derivative-from-output": {
      const s = params.sigma ?? Number.NaN;
      return (s * (1 - s)).toPrecision(6);
    }
    case "derivative-formula":
      return "s(1-s)";
    default:
      throw new Error(`no right answer for ${quantity} in the fixture`);
  }
}
