// Grading a formula answer ("what is σ′(x)?" answered with s(1 − s)) the way STACK and
// Moodle's formula questions do: evaluate the learner's formula and the reference at a fixed set
// of points, and call them equal when they agree at every point.
import { anyNode, evaluateFormula, type FormulaNode, formulaToText, parseFormula } from "./formula";
import { localized, type Localized } from "./i18n";
import { localizedWith, mistakeMessage } from "./mistakes";
import { formatSignificant, showSignificant, withMinusSign } from "./number-format";
import { FORMULA_MISTAKES } from "./quantities";
import { sigmoid, sigmoidDerivative } from "./sigmoid";
import type { CheckResult, MistakeId } from "./types";

export type FormulaQuantity = "sigmoid" | "derivative";

/**
 * Where formulas are compared. Not 0, where σ(x)² and σ′(x) are both 1/4 and σ(x) = 1 − σ(x);
 * not symmetric pairs only, so σ(x) and σ(−x) differ; and |x| ≤ 6, where every sensible
 * rewriting of σ′ (even s − s², which cancels) keeps at least 12 correct digits. Irregular
 * values so that a formula with a hidden special point (a division by x − 1) is not missed by
 * luck at a round number.
 */
export const SAMPLE_POINTS: readonly number[] = [-5.3, -3.7, -2.2, -1.3, -0.4, 0.6, 1.1, 1.9, 3.1, 4.4, 5.8];

/**
 * Two values are equal when they differ by at most 1e-9 of their size (plus 1e-12). Equal
 * formulas differ only by rounding: about 1e-16 relative, at worst 1e-13 for s − s² at
 * x = 5.8 (cancellation loses log10(1/(1 − σ)) ≈ 2.5 digits). Different formulas differ by
 * far more at some sample point; a rounded constant such as 2.718 for e (1e-4) is caught. The
 * absolute part only matters for values near 0, which σ and σ′ never reach at these points.
 */
const RELATIVE_TOLERANCE = 1e-9;
const ABSOLUTE_TOLERANCE = 1e-12;
/** Close to the reference but not equal: most likely a rounded constant, e.g. 2.718 for e. */
const NEAR_MISS_TOLERANCE = 1e-3;

interface Reference {
  text: string;
  name: string;
  f: (x: number) => number;
  mistakes: readonly { id: MistakeId; f: (x: number) => number }[];
}

const REFERENCES: Readonly<Record<FormulaQuantity, Reference>> = {
  sigmoid: {
    text: "1/(1 + e^(−x))",
    name: "σ(x)",
    f: sigmoid,
    mistakes: [
      { id: "derivative-instead-of-sigmoid", f: sigmoidDerivative },
      { id: "complement", f: (x) => sigmoid(-x) },
      { id: "sign-error", f: (x) => -sigmoid(x) },
    ],
  },
  derivative: {
    text: "σ(x)(1 − σ(x))",
    name: "σ′(x)",
    f: sigmoidDerivative,
    mistakes: FORMULA_MISTAKES,
  },
};

export function formulaReferenceText(quantity: FormulaQuantity): string {
  return REFERENCES[quantity].text;
}

function equal(a: number, b: number, relative = RELATIVE_TOLERANCE): boolean {
  return Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b)) + ABSOLUTE_TOLERANCE;
}

function matchesEverywhere(values: readonly number[], f: (x: number) => number, relative = RELATIVE_TOLERANCE): boolean {
  return SAMPLE_POINTS.every((x, i) => equal(values[i]!, f(x), relative));
}

/** Whether the formula depends on x at all (through x, s or σ of something with x). */
function mentionsX(node: FormulaNode): boolean {
  return anyNode(node, (n) => n.kind === "variable");
}

/** Whether the formula names σ: the letter s, or σ(…) called. */
function mentionsSigma(node: FormulaNode): boolean {
  return anyNode(node, (n) => (n.kind === "variable" && n.name === "s") || (n.kind === "call" && n.fn === "sigma"));
}

const show = (value: number) => showSignificant(value, 4);
const showX = (x: number) => withMinusSign(String(x));

/**
 * Grades a formula for σ(x) or σ′(x). `parsed` is always null: a formula is not one number,
 * and a value at some sample point would look like an answer it is not. `readAs` echoes how
 * the formula was read; `expected` is the reference formula as text.
 */
export function checkFormula(quantity: FormulaQuantity, input: string, overrides?: Readonly<Record<string, Localized>>): CheckResult {
  const reference = REFERENCES[quantity];
  const base = { expected: reference.text, parsed: null, digitsNeeded: null } as const;
  const read = parseFormula(input);
  if (!read.ok) {
    // Said like an unreadable number: what happened, why, and where ("… (position 4).").
    const message: Localized = {
      ja: `式を読み取れませんでした。${read.message.ja.replace(/。$/, "")}（${read.position}文字目）。`,
      en: `Could not read the formula. ${read.message.en.replace(/\.$/, "")} (position ${read.position}).`,
    };
    return { ...base, verdict: "invalid", readAs: null, diagnosis: null, message, position: read.position };
  }
  const readAs = formulaToText(read.ast);
  const values = SAMPLE_POINTS.map((x) => evaluateFormula(read.ast, x));
  const verdict = (verdict: "correct" | "incorrect", message: Localized, diagnosis: MistakeId | null = null): CheckResult => ({
    ...base,
    verdict,
    readAs,
    diagnosis,
    // The verdict in words, as for numbers: the JSON message is read without the verdict field.
    message: verdict === "correct" ? message : localized(`不正解です。${message.ja}`, `Not correct. ${message.en}`),
    position: null,
  });

  // A formula without a value somewhere (0/0, overflow) is not σ or σ′, which are finite at
  // every sample point; say where, rather than compare NaN.
  const undefinedAt = SAMPLE_POINTS.find((_, i) => !Number.isFinite(values[i]!));
  if (undefinedAt !== undefined) {
    return verdict(
      "incorrect",
      localized(
        `この式は x = ${showX(undefinedAt)} で値を持ちません（0 での割り算か、大きすぎる値）。${reference.name} はどの x でも有限の値です。`,
        `This formula has no value at x = ${showX(undefinedAt)} (a division by zero or an overflow); ${reference.name} is finite for every x.`,
      ),
    );
  }

  if (matchesEverywhere(values, reference.f)) {
    const reuse =
      quantity === "derivative" && !mentionsSigma(read.ast)
        ? localized(
            " σ(x)(1 − σ(x)) とも書けます。順伝播で計算済みの σ(x) を使い回せるので、指数関数を計算し直す必要がありません。",
            " It is also σ(x)(1 − σ(x)), which reuses the σ(x) the forward pass already computed: no exponential again.",
          )
        : localized("", "");
    return verdict(
      "correct",
      localized(
        `正解です。どの x でも ${reference.name} と等しくなります。${reuse.ja}`,
        `Correct: this equals ${reference.name} for every x.${reuse.en}`,
      ),
    );
  }

  const mistake = reference.mistakes.find(({ f }) => matchesEverywhere(values, f));
  if (mistake) {
    // 1 − σ(x) written in x alone is e^(−x)/(1 + e^(−x)): Step 3 without the square.
    const id = mistake.id === "complement" && quantity === "derivative" && !mentionsSigma(read.ast) ? "forgot-square" : mistake.id;
    const ctx = { digits: 3, expected: reference.f(1), quantity };
    const override = overrides?.[id];
    const message = override ? localizedWith(override, ctx) : mistakeMessage(id, ctx);
    return verdict("incorrect", message, id);
  }

  if (matchesEverywhere(values, reference.f, NEAR_MISS_TOLERANCE)) {
    return verdict(
      "incorrect",
      localized(
        `${reference.name} にとても近いものの、等しくはありません。e を 2.718 のように丸めた数で書いていませんか。e か exp(…) を使ってください。`,
        `Very close to ${reference.name} but not equal. Did you write a rounded number such as 2.718 for e? Use e or exp(…).`,
      ),
    );
  }

  if (!mentionsX(read.ast)) {
    return verdict(
      "incorrect",
      localized(
        `この式には x も s もないので、どの x でも同じ値です。${reference.name} は x によって変わるので、x か s を使った式で書いてください。`,
        `This formula has neither x nor s, so it is the same for every x; ${reference.name} changes with x. Write it with x or s.`,
      ),
    );
  }

  // Quote one point where they differ, so the learner can check by hand.
  const shownAt = differenceToShow(read.ast, reference.f);
  const at = `${reference.name.replace("x", showX(shownAt.x))}`;
  return verdict(
    "incorrect",
    localized(
      `${reference.name} と等しくありません。x = ${showX(shownAt.x)} でこの式は ${shownAt.learner} ですが、${at} = ${shownAt.reference} です。${reference.name} = ${reference.text} です。`,
      `Not equal to ${reference.name}: at x = ${showX(shownAt.x)} this formula gives ${shownAt.learner}, but ${at} = ${shownAt.reference}. ${reference.name} = ${reference.text}.`,
    ),
  );
}

/**
 * Points a learner can check by hand, simplest first: x = 0 (σ = 1/2) shows most wrong
 * formulas plainly, s(1 + s) as 0.75 against 0.25. The sample points follow.
 */
const DISPLAY_POINTS: readonly number[] = [0, 1, -1, 2, -2, ...SAMPLE_POINTS];

/**
 * Where to show a wrong formula against the reference: the first display point where the two
 * differ by at least 1% and print differently at 4 figures; failing that, the point of the
 * largest difference, printed with as many figures as it takes to tell them apart. Never two
 * identical printed numbers.
 */
function differenceToShow(ast: FormulaNode, f: (x: number) => number): { x: number; learner: string; reference: string } {
  let best = { x: SAMPLE_POINTS[0]!, gap: -1 };
  for (const x of DISPLAY_POINTS) {
    const a = evaluateFormula(ast, x);
    const b = f(x);
    if (!Number.isFinite(a)) continue;
    const gap = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);
    if (gap >= 0.01 && show(a) !== show(b)) return { x, learner: show(a), reference: show(b) };
    if (gap > best.gap) best = { x, gap };
  }
  const a = evaluateFormula(ast, best.x);
  const b = f(best.x);
  let figures = 4;
  while (figures < 17 && formatSignificant(a, figures) === formatSignificant(b, figures)) figures++;
  const print = (v: number) => showSignificant(v, figures);
  return { x: best.x, learner: print(a), reference: print(b) };
}
