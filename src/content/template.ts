// From a validated exercise entry to the model's ExerciseTemplate: the single-part shorthand
// (quantity, digits, prompt) becomes one part, digits default to 3, absent lists become empty.
import type { Localized } from "../core/i18n";
import type { QuantityId } from "../core/quantities";
import type { ParamSpec } from "../core/types";
import type { ExercisePart, ExerciseTemplate, SourcePos } from "./model";
import type { ExerciseInput } from "./schema";

export const DEFAULT_DIGITS = 3;

export function templateParts(input: ExerciseInput): ExercisePart[] {
  if (input.parts !== undefined) {
    return input.parts.map((part) => ({
      quantity: part.quantity,
      digits: part.digits ?? DEFAULT_DIGITS,
      prompt: part.prompt,
      carryFrom: part.carry_from ?? null,
    }));
  }
  return [
    {
      quantity: input.quantity as QuantityId,
      digits: input.digits ?? DEFAULT_DIGITS,
      prompt: input.prompt as Localized,
      carryFrom: null,
    },
  ];
}

type ParamInput = NonNullable<ExerciseInput["params"]>[string];

/** The schema guarantees either choices alone or all of min, max and step. */
export function toParamSpec(input: ParamInput): ParamSpec {
  if (input.choices !== undefined) return { choices: input.choices };
  return { min: input.min ?? 0, max: input.max ?? 0, step: input.step ?? 0 };
}

export function paramSpecs(input: ExerciseInput): Record<string, ParamSpec> {
  const out: Record<string, ParamSpec> = {};
  for (const [name, spec] of Object.entries(input.params ?? {})) out[name] = toParamSpec(spec);
  return out;
}

export function toTemplate(input: ExerciseInput, pos: SourcePos): ExerciseTemplate {
  return {
    id: input.id,
    skill: input.skill,
    step: input.step ?? null,
    params: paramSpecs(input),
    given: input.given ?? [],
    form: input.form ?? "sigma",
    wholeNumber: input.whole_number ?? false,
    parts: templateParts(input),
    hints: input.hints,
    solution: input.solution,
    feedback: input.feedback ?? {},
    pos,
  };
}
