// Self-tests of every exercise template, as PrairieLearn does for its elements: for many seeded
// variants the right answer written in several notations must be graded correct, values just
// outside the tolerance must not, and each typical mistake must be diagnosed as itself. What
// fails is a problem at the template's file:line:col, so an author (or a change to the checker)
// cannot ship a question whose grading is wrong.
import { englishCount } from "../core/i18n";
import { checkNumeric } from "../core/check";
import { checkFormula } from "../core/check-formula";
import { decimalRound } from "../core/decimal-round";
import { formatSignificant } from "../core/number-format";
import { matchesAtTypedPrecision, sameAtPrecision, sameNumber } from "../core/grade";
import { halfUnit, withinTolerance } from "../core/tolerance";
import type { CheckResult, MistakeValue, NumericQuestion, Params } from "../core/types";
import { describeParams, enumerateParams, type VariantSpec, variantAt } from "../core/variants";
import { instantiate, type QuestionPart } from "./instantiate";
import type { Course, ExerciseTemplate } from "./model";
import type { Problem } from "./problems";

export const DEFAULT_SEEDS = 50;
/** A params space this small is also tested combination by combination. */
const EXHAUSTIVE_LIMIT = 200;

/** Distance of the "just outside" answers from the expected value, in half units of the last digit. */
export const OUTSIDE_FACTOR = 1.5;

/** The graders under test (replaceable so that a test can prove a broken grader is caught). */
export interface Graders {
  checkNumeric: (question: NumericQuestion, input: string) => CheckResult;
  checkFormula: (quantity: "derivative", input: string) => CheckResult;
}

const REAL_GRADERS: Graders = {
  checkNumeric: (question, input) => checkNumeric(question, input),
  checkFormula: (quantity, input) => checkFormula(quantity, input),
};

export interface SelfTestResult {
  variantsTested: number;
  problems: Problem[];
}

const FULL_WIDTH: Record<string, string> = { ".": "．", "-": "−" };

/** Digits and the decimal point as a Japanese input method types them in full-width mode. */
export function toFullWidth(text: string): string {
  return [...text].map((c) => (c >= "0" && c <= "9" ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : (FULL_WIDTH[c] ?? c))).join("");
}

/** Plain decimal to `digits` significant figures without a power of ten (toPrecision may use one). */
function plainDecimal(value: number, digits: number): string {
  const text = value.toPrecision(digits);
  if (!text.includes("e")) return text;
  const exponent = Math.floor(Math.log10(Math.abs(Number(text))));
  const decimals = Math.max(0, digits - 1 - exponent);
  return decimals <= 100 ? Number(text).toFixed(decimals) : text;
}

/** An exact fraction a/b with b ≤ 64 equal to `value`, if there is one (e.g. 1/4). */
export function exactFraction(value: number): string | null {
  if (!Number.isFinite(value) || Number.isInteger(value)) return null;
  for (let den = 2; den <= 64; den++) {
    const num = Math.round(value * den);
    if (num / den === value) return `${num}/${den}`;
  }
  return null;
}

/** The right answer written the ways a learner may write it; every one must be graded correct. */
export function correctNotations(expected: number, digits: number): string[] {
  const plain = plainDecimal(expected, digits);
  const notations = [plain, plainDecimal(expected, digits + 2)];
  if (expected !== 0) {
    const scientific = expected.toExponential(digits - 1).replace("e+", "e");
    notations.push(scientific, scientific.replace(/e(.*)$/, "×10^$1"));
  }
  const fraction = exactFraction(expected);
  if (fraction) notations.push(fraction);
  notations.push(toFullWidth(plain));
  return [...new Set(notations)];
}

/**
 * Values just outside the tolerance on either side, typed with more figures: beyond both the
 * answer and its rounded form by 1.5 half-units, so that they neither lie within the tolerance
 * nor round to the answer at the asked figures (more figures are graded rounded).
 */
export function outsideNotations(expected: number, digits: number): string[] {
  const rounded = decimalRound(expected, digits);
  // 0.0999… rounds to 0.100, whose last digit is worth ten times more: step by the larger unit.
  const step = OUTSIDE_FACTOR * Math.max(halfUnit(expected, digits), rounded === 0 ? 0 : halfUnit(rounded, digits));
  return [Math.max(expected, rounded) + step, Math.min(expected, rounded) - step].map((v) => plainDecimal(v, digits + 3));
}

/** Correct ways to write σ′ as a formula, and the typical wrong ones with their mistake ids. */
export const FORMULA_SPELLINGS: readonly string[] = [
  "s(1-s)",
  "s*(1 - s)",
  "s - s^2",
  "σ(x)(1 − σ(x))",
  "sigma(x)*(1-sigma(x))",
  "e^(-x)/(1+e^(-x))^2",
  "exp(-x)/(1+exp(-x))^2",
  "σ(1−σ)",
  "σ-σ^2",
  "e^{-x}/(1+e^{-x})^2",
];
export const FORMULA_MISTAKE_SPELLINGS: readonly { input: string; id: string }[] = [
  { input: "s", id: "sigmoid-instead-of-derivative" },
  { input: "s^2", id: "squared-sigmoid" },
  { input: "1 - s", id: "complement" },
  { input: "-s(1-s)", id: "sign-error" },
  { input: "e^(-x)", id: "numerator-only" },
  { input: "e^(-x)/(1+e^(-x))", id: "forgot-square" },
  { input: "e^(-x)/(1+e^(-2x))", id: "square-only-exp" },
  { input: "x(1-x)", id: "x-for-sigma" },
  { input: "1/4", id: "constant-quarter" },
];

interface Failure {
  what: string;
  example: string;
}

/**
 * Whether a mistake typed as `typed` with `figures` significant figures would first match an
 * earlier mistake of another id (the diagnosis takes the first match, in catalogue order).
 */
function collidesWithEarlier(
  mistakes: readonly MistakeValue[],
  target: MistakeValue,
  typed: number,
  figures: number,
  digits: number,
): boolean {
  for (const m of mistakes) {
    if (m === target) return false;
    if (m.id === target.id) continue;
    if (m.id === "truncated") {
      if (figures === digits && sameNumber(typed, m.value)) return true;
      continue;
    }
    if (withinTolerance(typed, m.value, digits)) return true;
    if (figures < digits && matchesAtTypedPrecision(typed, m.value, figures)) return true;
  }
  return false;
}

/** The figures each mistake is typed with: the asked ones, and 2 and 1 (learners round early). */
function mistakeFigures(digits: number): number[] {
  return [...new Set([digits, 2, 1].filter((f) => f <= digits))];
}

function testNumericPart(
  part: Pick<QuestionPart, "expected" | "digits" | "mistakes">,
  params: Params,
  graders: Graders,
  fail: (failure: Failure) => void,
): void {
  const question: NumericQuestion = { expected: part.expected, digits: part.digits, mistakes: part.mistakes };
  const where = describeParams(params);
  for (const input of correctNotations(part.expected, part.digits)) {
    const result = graders.checkNumeric(question, input);
    if (result.verdict !== "correct") {
      fail({
        what: "the right answer in some notation is not graded correct",
        example: `"${input}" at ${where} was graded ${result.verdict}`,
      });
    }
  }
  for (const input of outsideNotations(part.expected, part.digits)) {
    const result = graders.checkNumeric(question, input);
    if (result.verdict === "correct" || result.verdict === "invalid") {
      fail({
        what: "a value just outside the tolerance is not graded wrong",
        example: `"${input}" at ${where} was graded ${result.verdict}`,
      });
    }
  }
  const seen = new Set<string>();
  for (const mistake of part.mistakes) {
    if (sameAtPrecision(mistake.value, part.expected, part.digits)) {
      fail({
        what: "a typical mistake gives the right answer at the asked precision",
        example: `${mistake.id} gives ${formatSignificant(mistake.value, part.digits)} at ${where}`,
      });
      continue;
    }
    for (const figures of mistakeFigures(part.digits)) {
      // The cut-off answer is a mistake only at the asked figures; shorter, it is a rounding.
      if (mistake.id === "truncated" && figures !== part.digits) continue;
      const input = formatSignificant(mistake.value, figures);
      const typed = Number(input.replace("×10^", "e"));
      const key = `${typed}@${figures}`;
      if (seen.has(key) || sameNumber(typed, part.expected)) continue;
      seen.add(key);
      if (collidesWithEarlier(part.mistakes, mistake, typed, figures, part.digits)) continue;
      const result = graders.checkNumeric(question, input);
      if (result.verdict === "correct" || result.diagnosis !== mistake.id) {
        const got = result.verdict === "correct" ? "graded correct" : `diagnosed as ${result.diagnosis ?? "no mistake"}`;
        fail({
          what: "a typical mistake is not diagnosed as itself",
          example: `${mistake.id} "${input}" (${englishCount(figures, "significant figure", "significant figures")}) at ${where} was ${got}`,
        });
      }
    }
  }
}

function testFormulaPart(graders: Graders, fail: (failure: Failure) => void): void {
  for (const input of FORMULA_SPELLINGS) {
    const result = graders.checkFormula("derivative", input);
    if (result.verdict !== "correct")
      fail({ what: "a correct formula is not graded correct", example: `"${input}" was graded ${result.verdict}` });
  }
  for (const { input, id } of FORMULA_MISTAKE_SPELLINGS) {
    const result = graders.checkFormula("derivative", input);
    if (result.verdict === "correct" || result.diagnosis !== id) {
      fail({
        what: "a typical wrong formula is not diagnosed as itself",
        example: `${id} "${input}" was ${result.verdict === "correct" ? "graded correct" : `diagnosed as ${result.diagnosis ?? "no mistake"}`}`,
      });
    }
  }
}

// A number slot that rendered as NaN or Infinity; the plain word "undefined" may be honest prose
// (ReLU's derivative at 0), and unresolved names are already rejected by the placeholder check.
const UNFILLED = /\bNaN\b|\bInfinity\b/;

function specOf(template: ExerciseTemplate): VariantSpec {
  return { id: template.id, params: template.params, parts: template.parts.map(({ quantity, digits }) => ({ quantity, digits })) };
}

/**
 * Self-tests one template over `seeds` seeds (and every usable combination of a small space).
 * `variants` counts the distinct params combinations whose grading was tested.
 */
export function selfTestTemplate(
  template: ExerciseTemplate,
  seeds = DEFAULT_SEEDS,
  graders: Graders = REAL_GRADERS,
): { variants: number; problems: Problem[] } {
  const failures = new Map<string, { count: number; example: string }>();
  const fail = ({ what, example }: Failure) => {
    const entry = failures.get(what);
    if (entry) entry.count++;
    else failures.set(what, { count: 1, example });
  };
  let variants = 0;
  const tested = new Set<string>();
  let formulaTested = false;
  const testQuestion = (seed: number) => {
    const result = instantiate(template, seed);
    if (!result.ok) {
      fail({ what: "no question could be drawn", example: `seed ${seed}: ${result.problem}` });
      return;
    }
    const question = result.question;
    const key = JSON.stringify(question.params);
    const texts = [
      ...question.parts.map((p) => p.prompt),
      ...question.hints,
      question.solution,
      ...question.given.map((g) => ({ ja: g.text, en: g.text })),
    ];
    for (const text of texts) {
      for (const lang of ["ja", "en"] as const) {
        if (UNFILLED.test(text[lang])) fail({ what: "a text shows NaN or Infinity", example: `seed ${seed}: "${text[lang]}"` });
      }
    }
    if (tested.has(key)) return;
    tested.add(key);
    variants++;
    for (const part of question.parts) {
      if (part.answer === "formula") {
        if (!formulaTested) testFormulaPart(graders, fail);
        formulaTested = true;
      } else {
        testNumericPart(part, question.params, graders, fail);
      }
    }
  };
  for (let seed = 1; seed <= seeds; seed++) testQuestion(seed);

  // A small space is covered completely: the seeds above may not reach every combination.
  const space = enumerateParams(specOf(template), EXHAUSTIVE_LIMIT);
  if (space.complete) {
    const spec = specOf(template);
    for (const params of space.params) {
      const key = JSON.stringify(params);
      if (tested.has(key)) continue;
      const variant = variantAt(spec, params);
      if (!variant) continue; // a rejected combination: never asked
      tested.add(key);
      variants++;
      for (const part of variant.parts) if (part.answer !== "formula") testNumericPart(part, params, graders, fail);
    }
  }

  const problems: Problem[] = [];
  for (const [what, { count, example }] of failures) {
    problems.push({
      file: template.pos.file,
      fileOrder: 0,
      line: template.pos.line,
      col: template.pos.col,
      message: `self-test of exercise "${template.id}": ${what} (${englishCount(count, "time", "times")}); e.g. ${example}`,
    });
  }
  return { variants, problems };
}

/** Self-tests every template of the course. */
export function selfTestCourse(course: Course, seeds = DEFAULT_SEEDS): SelfTestResult {
  let variantsTested = 0;
  const problems: Problem[] = [];
  for (const template of course.exercises.values()) {
    const result = selfTestTemplate(template, seeds);
    variantsTested += result.variants;
    problems.push(...result.problems);
  }
  return { variantsTested, problems };
}
