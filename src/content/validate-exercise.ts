// The rules for one exercise template that its schema cannot express: one form (single-part or
// parts), params exactly as the quantities need them, names in `given` and in placeholders that
// exist, feedback keyed by real mistake ids, and a parameter space with usable variants.
import type { Localized } from "../core/i18n";
import { getQuantity, type Quantity } from "../core/quantities";
import type { ParamSpec, Params } from "../core/types";
import { enumerateParams, specProblems, type VariantSpec, variantProblems } from "../core/variants";
import type { Entity, Namespace } from "./collect";
import { FEEDBACK_RUNTIME_NAMES } from "./instantiate";
import { placeholdersOf } from "./placeholders";
import type { Problem } from "./problems";
import { type ExerciseInput, SINGLE_PART_KEYS } from "./schema";
import { type Path, problemAt, problemAtKey, problemInString } from "./source";
import { didYouMean } from "./suggest";
import { paramSpecs, templateParts } from "./template";

/** Combinations checked when looking for usable variants (all of them up to this many). */
const ENUMERATE_LIMIT = 10_000;
/** Combinations sampled to learn which mistake ids a template's quantities produce. */
const MISTAKE_SAMPLES = 200;

export type Resolve = (namespace: Namespace, id: string, path: Path) => void;

interface TextAt {
  path: Path;
  text: Localized;
  kind: "prompt" | "hint" | "solution" | "feedback";
}

export function checkExercise(exercise: Entity<ExerciseInput>, resolve: Resolve): Problem[] {
  const problems: Problem[] = [];
  const { source, path: base, value } = exercise;
  const at = (path: Path, message: string) => problems.push(problemAt(source, [...base, ...path], message));
  const atKey = (path: Path, key: string, message: string) => problems.push(problemAtKey(source, [...base, ...path], key, message));

  resolve("skill", value.skill, [...base, "skill"]);
  if (value.step !== undefined) resolve("step", value.step, [...base, "step"]);

  // Single-part form (quantity, digits, prompt) or multi-part form (parts), never both.
  if (value.parts !== undefined) {
    for (const key of SINGLE_PART_KEYS) {
      if (value[key] !== undefined) atKey([], key, `"${key}" cannot be used together with "parts"; put it in each part`);
    }
    value.parts.forEach((part, index) => {
      if (part.carry_from !== undefined && part.carry_from >= index) {
        const range = index === 0 ? "the first part has none" : `0 to ${index - 1}`;
        at(["parts", index, "carry_from"], `carry_from ${part.carry_from}: expected the index of an earlier part (${range})`);
      }
    });
  } else {
    if (value.quantity === undefined) at([], `missing key "quantity"; expected a quantity with a "prompt" (single-part form), or "parts"`);
    if (value.prompt === undefined) at([], `missing key "prompt"; expected {ja: ..., en: ...} with the question`);
    if (value.quantity === undefined || value.prompt === undefined) return problems;
  }
  const parts = templateParts(value);
  const quantities = parts.map((part) => getQuantity(part.quantity));
  const quantityNames = [...new Set(parts.map((part) => part.quantity))].join(", ");
  const hasFormula = quantities.some((q) => q.answer === "formula");

  // Params: exactly the ones the quantities need.
  const needed = [...new Set(quantities.flatMap((q) => q.params))];
  const params = paramSpecs(value);
  const defined = Object.keys(params);
  let paramsOk = true;
  for (const name of needed) {
    if (!Object.hasOwn(params, name)) {
      paramsOk = false;
      at(
        value.params ? ["params"] : ["id"],
        `missing parameter "${name}" for quantity ${quantityNames}; expected params: ${needed.join(", ")}`,
      );
    }
  }
  for (const name of defined) {
    if (!needed.includes(name)) {
      paramsOk = false;
      const expected = needed.length === 0 ? `quantity ${quantityNames} takes no params` : `expected params: ${needed.join(", ")}`;
      atKey(["params"], name, `parameter "${name}" is not used by quantity ${quantityNames}${didYouMean(name, needed)}; ${expected}`);
    }
  }
  for (const [name, spec] of Object.entries(params)) {
    if ("choices" in spec) continue; // an empty list is a schema problem
    if (!(spec.step > 0)) {
      paramsOk = false;
      at(["params", name, "step"], `parameter "${name}": step must be greater than 0, got ${spec.step}`);
    }
    if (spec.min > spec.max) {
      paramsOk = false;
      at(["params", name, "max"], `parameter "${name}": max ${spec.max} is less than min ${spec.min}, so the range is empty`);
    }
  }

  // Names a text may use: params, and the intermediates of every part's quantity.
  // (A needed param that is missing is already reported; texts may still name it.)
  const names = new Set<string>([...defined, ...needed, ...quantities.flatMap((q) => q.intermediateNames)]);
  (value.given ?? []).forEach((name, index) => {
    if (name === "expected") at(["given", index], `"expected" is the answer; it cannot be given with the prompt`);
    else if (!names.has(name)) {
      const known = [...names].filter((n) => n !== "expected");
      at(["given", index], `unknown value "${name}" in given${didYouMean(name, known)}; expected one of: ${known.join(", ") || "(none)"}`);
    }
  });
  for (const { path, text, kind } of textsOf(value)) {
    for (const lang of ["ja", "en"] as const) {
      const full = [...base, ...path, lang];
      const { placeholders, errors } = placeholdersOf(text[lang]);
      for (const error of errors) problems.push(problemInString(source, full, error.index, error.message));
      for (const placeholder of placeholders) {
        const { name } = placeholder;
        let message: string | null = null;
        if (kind === "feedback" && FEEDBACK_RUNTIME_NAMES.includes(name) && !names.has(name)) {
          if (placeholder.digits !== null) message = `placeholder "{${name}}" is filled when the answer is graded and takes no ":N"`;
        } else if (!names.has(name)) {
          const known = [...names, ...(kind === "feedback" ? FEEDBACK_RUNTIME_NAMES : [])];
          message = `unknown placeholder "{${name}}"${didYouMean(name, known)}; expected a param or an intermediate: ${known.join(", ") || "(none)"}`;
        } else if (kind === "prompt" && name === "expected") {
          message = `"{expected}" would show the answer in the prompt`;
        }
        if (message) problems.push(problemInString(source, full, placeholder.index, message));
      }
    }
  }
  if (!paramsOk) return problems;

  // The parameter space must hold usable variants, and every listed choice must be usable.
  const spec: VariantSpec = { id: value.id, params, parts: parts.map(({ quantity, digits }) => ({ quantity, digits })) };
  const structural = specProblems(spec);
  if (structural.length > 0) {
    at(["params"], `the parameters cannot produce a question: ${structural.join("; ")}`);
    return problems;
  }
  const space = enumerateParams(spec, ENUMERATE_LIMIT);
  const usable: Params[] = [];
  const reasons = new Map<string, number>();
  for (const combination of space.params) {
    const found = variantProblems(spec, combination);
    if (found.length === 0) usable.push(combination);
    for (const reason of found) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  if (usable.length === 0) {
    const example = [...reasons.keys()][0] ?? "";
    const what = space.complete ? `all ${space.total} parameter combinations` : `all ${space.params.length} sampled parameter combinations`;
    at(value.params ? ["params"] : ["id"], `no usable variant: ${what} are rejected (e.g. ${example}); change the choices or ranges`);
  } else if (space.complete) {
    reportDeadChoices(params, usable, space.params, spec, (path, message) => at(["params", ...path], message));
  }

  // Feedback is keyed by the mistakes these quantities diagnose.
  if (value.feedback) {
    const ids = mistakeIds(quantities, usable.length > 0 ? usable : space.params);
    if (hasFormula) for (const id of [...formulaMistakeIds(), "forgot-square"]) ids.add(id);
    // Diagnosed for any number answer (cut instead of rounded), and for σ′ in the x form (a
    // formula in x alone that is 1 − σ(x) is always the x form).
    if (quantities.some((q) => q.answer === "number")) ids.add("truncated");
    if (value.form === "x" && quantities.some((q) => q.id === "derivative")) ids.add("forgot-square");
    for (const id of Object.keys(value.feedback)) {
      if (!ids.has(id)) {
        atKey(
          ["feedback"],
          id,
          `unknown mistake "${id}"${didYouMean(id, ids)}; this exercise diagnoses: ${[...ids].join(", ") || "(none)"}`,
        );
      }
    }
  }
  return problems;
}

function textsOf(value: ExerciseInput): TextAt[] {
  const texts: TextAt[] = [];
  if (value.prompt) texts.push({ path: ["prompt"], text: value.prompt, kind: "prompt" });
  value.parts?.forEach((part, index) => {
    texts.push({ path: ["parts", index, "prompt"], text: part.prompt, kind: "prompt" });
  });
  value.hints.forEach((hint, index) => {
    texts.push({ path: ["hints", index], text: hint, kind: "hint" });
  });
  texts.push({ path: ["solution"], text: value.solution, kind: "solution" });
  for (const [id, text] of Object.entries(value.feedback ?? {})) texts.push({ path: ["feedback", id], text, kind: "feedback" });
  return texts;
}

/** A choice that never makes a usable question is dead content, most likely a slip. */
function reportDeadChoices(
  params: Readonly<Record<string, ParamSpec>>,
  usable: readonly Params[],
  all: readonly Params[],
  spec: VariantSpec,
  report: (path: Path, message: string) => void,
): void {
  for (const [name, paramSpec] of Object.entries(params)) {
    if (!("choices" in paramSpec)) continue;
    paramSpec.choices.forEach((choice, index) => {
      if (usable.some((p) => p[name] === choice)) return;
      const example = all.find((p) => p[name] === choice);
      const why = example ? variantProblems(spec, example)[0] : undefined;
      report([name, "choices", index], `choice ${choice} of "${name}" never makes a usable question${why ? ` (${why})` : ""}; remove it`);
    });
  }
}

function mistakeIds(quantities: readonly Quantity[], combinations: readonly Params[]): Set<string> {
  const ids = new Set<string>();
  const stride = Math.max(1, Math.floor(combinations.length / MISTAKE_SAMPLES));
  for (let i = 0; i < combinations.length; i += stride) {
    for (const quantity of quantities) {
      for (const mistake of quantity.mistakes(combinations[i]!)) ids.add(mistake.id);
    }
  }
  return ids;
}

function formulaMistakeIds(): string[] {
  return getQuantity("derivative-formula")
    .mistakes({ x: 1 })
    .map((m) => m.id);
}
