// Seeded variants of an exercise template: the params drawn from their choices or ranges, and
// for each part the answer, the values of the typical mistakes and the intermediates that
// hints quote. A variant that would let a wrong answer pass ("trap") is never asked: it is
// re-drawn, deterministically, so the same seed and template always give the same question.
import { decimalRound, isRoundingTie } from "./decimal-round";
import { sameAtPrecision } from "./grade";
import { type AnswerKind, getQuantity, isQuantityId, mistakesAt, type QuantityId } from "./quantities";
import { randomInt, type Rng, rngFor } from "./random";
import { MAX_DIGITS, MIN_DIGITS, withinTolerance } from "./tolerance";
import type { MistakeValue, Params, ParamSpec } from "./types";

export interface VariantPartSpec {
  quantity: QuantityId;
  /** Significant figures required. */
  digits: number;
}

/** What variant drawing needs of an exercise template (ExerciseTemplate fits it). */
export interface VariantSpec {
  /** The template's stable id; mixed into the seed so templates draw independently. */
  id: string;
  params: Readonly<Record<string, ParamSpec>>;
  parts: readonly VariantPartSpec[];
}

export interface VariantPart {
  quantity: QuantityId;
  digits: number;
  answer: AnswerKind;
  /**
   * The right answer. For a formula part it is the reference σ′ at the variant's x when the
   * template has an x param, and NaN otherwise (the formula checker samples its own points).
   */
  expected: number;
  /** Values of the typical mistakes (finite ones only), for diagnosis at the same tolerance. */
  mistakes: MistakeValue[];
  /** Params, intermediates and `expected`, for placeholders in hints and solutions. */
  intermediates: Record<string, number>;
}

export interface Variant {
  seed: number;
  params: Params;
  parts: VariantPart[];
}

export type DrawResult = { ok: true; variant: Variant } | { ok: false; problem: string };

/** Random draws before falling back to checking every combination. */
const MAX_ATTEMPTS = 50;
/** Largest params space searched exhaustively when random draws keep hitting traps. */
const EXHAUSTIVE_LIMIT = 5000;
/** Default number of params sets enumerateParams returns: about 0.1 s of variantProblems. */
const ENUMERATE_LIMIT = 2000;
/** Decimal places beyond which a range is stepped in floating point instead of exact decimals. */
const MAX_EXACT_DECIMALS = 15;

// ---------------------------------------------------------------------------------------------
// Parameter grids

/** The values one param can take, indexed 0 to count − 1, without listing a large range. */
export interface ParamGrid {
  count: number;
  at(index: number): number;
}

/** Decimal places of a number's shortest form: 0.25 → 2, 1.5e-7 → 8, 300 → 0. */
function decimalPlaces(v: number): number {
  const [mantissa = "", exponent = "0"] = String(Math.abs(v)).split("e");
  const fraction = mantissa.split(".")[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/** −0 as 0, so that a param never prints as "-0". */
const noNegativeZero = (v: number) => (v === 0 ? 0 : v);

/** The grid of a param spec, or a problem saying why it cannot produce values. */
export function paramGrid(name: string, spec: ParamSpec): ParamGrid | string {
  if ("choices" in spec) {
    const choices = spec.choices;
    if (choices.length === 0) return `param ${name}: choices is empty`;
    const bad = choices.find((c) => !Number.isFinite(c));
    if (bad !== undefined) return `param ${name}: choice ${bad} is not a finite number`;
    return { count: choices.length, at: (i) => noNegativeZero(choices[i]!) };
  }
  const { min, max, step } = spec;
  if (![min, max, step].every(Number.isFinite)) return `param ${name}: min, max and step must be finite numbers`;
  if (!(step > 0)) return `param ${name}: step must be greater than 0, got ${step}`;
  if (min > max) return `param ${name}: min ${min} is greater than max ${max}`;
  const places = Math.max(decimalPlaces(min), decimalPlaces(max), decimalPlaces(step));
  if (places <= MAX_EXACT_DECIMALS) {
    // Step in whole units of the last decimal place, then divide once: every value is the
    // double nearest its decimal (0.3, never 0.30000000000000004).
    const scale = 10 ** places;
    const minUnits = Math.round(min * scale);
    const stepUnits = Math.round(step * scale);
    const maxUnits = Math.round(max * scale);
    if ([minUnits, stepUnits, maxUnits].every(Number.isSafeInteger) && stepUnits > 0) {
      const count = Math.floor((maxUnits - minUnits) / stepUnits) + 1;
      return { count, at: (i) => noNegativeZero((minUnits + i * stepUnits) / scale) };
    }
  }
  // Extreme magnitudes: plain floating steps, tidied to 15 significant figures.
  const count = Math.floor(((max - min) / step) * (1 + 1e-12)) + 1;
  if (!Number.isFinite(count)) return `param ${name}: the range from ${min} to ${max} by ${step} is too large`;
  return { count, at: (i) => noNegativeZero(Number((min + i * step).toPrecision(15))) };
}

interface Grids {
  names: string[];
  grids: ParamGrid[];
  total: number;
}

function gridsOf(spec: VariantSpec): Grids | string[] {
  const names = Object.keys(spec.params).sort();
  const grids: ParamGrid[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const grid = paramGrid(name, spec.params[name]!);
    if (typeof grid === "string") problems.push(grid);
    else grids.push(grid);
  }
  if (problems.length > 0) return problems;
  return { names, grids, total: grids.reduce((n, g) => n * g.count, 1) };
}

/** The params at one index of the space (mixed radix, the last name counting fastest). */
function paramsAt({ names, grids }: Grids, index: number): Params {
  const params: Record<string, number> = {};
  let rest = index;
  for (let k = names.length - 1; k >= 0; k--) {
    const grid = grids[k]!;
    const digit = Math.min(grid.count - 1, Math.max(0, Math.floor(rest % grid.count)));
    params[names[k]!] = grid.at(digit);
    rest = Math.floor(rest / grid.count);
  }
  return params;
}

function drawParams({ names, grids }: Grids, rng: Rng): Params {
  const params: Record<string, number> = {};
  names.forEach((name, k) => {
    const grid = grids[k]!;
    params[name] = grid.at(randomInt(rng, 0, grid.count - 1));
  });
  return params;
}

// ---------------------------------------------------------------------------------------------
// Problems

/** A number as people read it in a message: up to 6 significant figures. */
function show(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(6))) : String(v);
}

/** "x = 2, y = 0.6", for messages. */
export function describeParams(params: Params): string {
  const names = Object.keys(params).sort();
  return names.length === 0 ? "(no params)" : names.map((n) => `${n} = ${show(params[n]!)}`).join(", ");
}

function partLabel(spec: VariantSpec, index: number): string {
  const part = spec.parts[index]!;
  return spec.parts.length === 1 ? String(part.quantity) : `part ${index + 1} (${part.quantity})`;
}

/**
 * Problems with the template itself, whatever the params: no parts, unknown quantities, bad
 * digits, params a quantity needs but the template does not define, ranges that give nothing.
 */
export function specProblems(spec: VariantSpec): string[] {
  const problems: string[] = [];
  if (spec.parts.length === 0) problems.push("the template has no parts");
  spec.parts.forEach((part, i) => {
    const label = partLabel(spec, i);
    if (!isQuantityId(part.quantity)) {
      problems.push(`${label}: unknown quantity "${part.quantity}"`);
      return;
    }
    if (!Number.isInteger(part.digits) || part.digits < MIN_DIGITS || part.digits > MAX_DIGITS) {
      problems.push(`${label}: digits must be a whole number from ${MIN_DIGITS} to ${MAX_DIGITS}, got ${part.digits}`);
    }
    for (const name of getQuantity(part.quantity).params) {
      if (!Object.hasOwn(spec.params, name)) problems.push(`${label} needs the param ${name}, which the template does not define`);
    }
  });
  const grids = gridsOf(spec);
  if (Array.isArray(grids)) problems.push(...grids);
  return problems;
}

/**
 * Why these params would make a bad question (empty when they are fine): an answer that is not
 * a finite number, an answer that a rounded 0, 1 or −1 would pass, a typical mistake that would
 * be graded correct, or an intermediate a hint cannot show. Assumes specProblems(spec) is empty.
 */
export function variantProblems(spec: VariantSpec, params: Params): string[] {
  const problems: string[] = [];
  spec.parts.forEach((part, i) => {
    const label = partLabel(spec, i);
    const quantity = getQuantity(part.quantity);
    const paramIssues = quantity.paramProblems(params);
    for (const issue of paramIssues) problems.push(`${label}: ${issue}`);
    if (paramIssues.length > 0 || quantity.answer === "formula") return;
    const digits = part.digits;
    const expected = quantity.expected(params);
    if (!Number.isFinite(expected)) {
      problems.push(`${label}: the answer is not a finite number (${expected})`);
      return;
    }
    const rounded = decimalRound(expected, digits);
    if ((rounded === 0 || Math.abs(rounded) === 1) && rounded !== expected) {
      problems.push(
        `${label}: the answer ${show(expected)} rounds to ${rounded} at ${digits} significant figures, so "${rounded}" would pass`,
      );
    } else if (expected !== 0 && Math.abs(expected) < 0.5 * 10 ** -digits) {
      problems.push(
        `${label}: the answer ${show(expected)} is 0 to ${digits} decimal places, so a learner who counts decimal places would answer 0`,
      );
    }
    if (isRoundingTie(expected, digits)) {
      problems.push(
        `${label}: the answer ${show(expected)} is a rounding tie at ${digits} significant figures, so a learner cannot tell which way to round`,
      );
    }
    const collisions = new Set<string>();
    for (const m of mistakesAt(quantity, params, digits)) {
      if (!Number.isFinite(m.value)) continue;
      if (
        withinTolerance(m.value, expected, digits) ||
        withinTolerance(expected, m.value, digits) ||
        sameAtPrecision(m.value, expected, digits)
      ) {
        collisions.add(
          `${label}: the mistake ${m.id} gives ${show(m.value)}, within the tolerance of the answer ${show(expected)} at ${digits} significant figures`,
        );
      }
    }
    problems.push(...collisions);
    for (const [name, value] of Object.entries(quantity.intermediates(params))) {
      if (!Number.isFinite(value)) problems.push(`${label}: the intermediate ${name} is ${value}, which a hint cannot show`);
    }
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Drawing

/** The variant for exactly these params, or null when the generator would reject them (a trap). */
export function variantAt(spec: VariantSpec, params: Params, seed = 0): Variant | null {
  return variantProblems(spec, params).length > 0 ? null : buildVariant(spec, seed, params);
}

function buildVariant(spec: VariantSpec, seed: number, params: Params): Variant {
  return {
    seed,
    params,
    parts: spec.parts.map((part) => {
      const quantity = getQuantity(part.quantity);
      return {
        quantity: part.quantity,
        digits: part.digits,
        answer: quantity.answer,
        expected: quantity.expected(params),
        mistakes: mistakesAt(quantity, params, part.digits).filter((m) => Number.isFinite(m.value)),
        intermediates: quantity.intermediates(params),
      };
    }),
  };
}

/**
 * The variant of `spec` for `seed` (a safe integer): the same on every machine. Trap variants
 * are re-drawn, first at random (MAX_ATTEMPTS times), then, for a small params space, by
 * choosing among all acceptable combinations. Fails with a problem when none is acceptable.
 */
export function drawVariant(spec: VariantSpec, seed: number): DrawResult {
  const structural = specProblems(spec);
  if (structural.length > 0) return { ok: false, problem: `template ${spec.id}: ${structural.join("; ")}` };
  const grids = gridsOf(spec) as Grids;
  const rng = rngFor(seed, spec.id);
  let lastParams: Params = {};
  let lastProblems: string[] = [];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const params = drawParams(grids, rng);
    const problems = variantProblems(spec, params);
    if (problems.length === 0) return { ok: true, variant: buildVariant(spec, seed, params) };
    lastParams = params;
    lastProblems = problems;
  }
  if (grids.total <= EXHAUSTIVE_LIMIT) {
    const acceptable: Params[] = [];
    for (let index = 0; index < grids.total; index++) {
      const params = paramsAt(grids, index);
      if (variantProblems(spec, params).length === 0) acceptable.push(params);
    }
    if (acceptable.length > 0) {
      return { ok: true, variant: buildVariant(spec, seed, acceptable[randomInt(rng, 0, acceptable.length - 1)]!) };
    }
    return {
      ok: false,
      problem: `template ${spec.id}: none of its ${grids.total} params combinations makes an acceptable question; e.g. at ${describeParams(lastParams)}: ${lastProblems.join("; ")}`,
    };
  }
  return {
    ok: false,
    problem: `template ${spec.id}: ${MAX_ATTEMPTS} draws in a row made no acceptable question; the last, at ${describeParams(lastParams)}: ${lastProblems.join("; ")}`,
  };
}

export interface EnumeratedParams {
  /** Number of combinations in the whole space (0 when the spec has problems). */
  total: number;
  /** Whether `params` lists every combination, or an evenly spread sample of `limit` of them. */
  complete: boolean;
  params: Params[];
  /** Problems with the param specs (as in specProblems); params is empty when there are any. */
  problems: string[];
}

/**
 * Every params combination of a template when there are at most `limit`, otherwise `limit` of
 * them spread evenly over the space (first and last included), for the content validator.
 */
export function enumerateParams(spec: VariantSpec, limit = ENUMERATE_LIMIT): EnumeratedParams {
  const grids = gridsOf(spec);
  if (Array.isArray(grids)) return { total: 0, complete: false, params: [], problems: grids };
  if (grids.total <= limit) {
    return {
      total: grids.total,
      complete: true,
      params: Array.from({ length: grids.total }, (_, i) => paramsAt(grids, i)),
      problems: [],
    };
  }
  const count = Math.max(1, Math.floor(limit));
  const stride = count === 1 ? 0 : (grids.total - 1) / (count - 1);
  return {
    total: grids.total,
    complete: false,
    params: Array.from({ length: count }, (_, j) => paramsAt(grids, Math.round(j * stride))),
    problems: [],
  };
}
