// The quantities an exercise can ask for. Each knows how to compute its answer from the
// variant's params, which values common mistakes produce, and the intermediate values that
// hints and worked solutions quote. Content templates refer to these by id.
import { decimalRound, truncateToSignificant } from "./decimal-round";
import { exp, logit, sigmoid, sigmoidDerivative } from "./sigmoid";
import type { MistakeId, MistakeValue, Params } from "./types";

export type QuantityId =
  | "sigmoid" // σ(x)                                   params: x
  | "derivative" // σ′(x)                              params: x
  | "derivative-from-output" // s(1 − s)               params: sigma
  | "inner-derivative" // d/dx (1 + e^−x) = −e^−x      params: x
  | "outer-derivative" // −(1 + e^−x)^−2               params: x
  | "max-slope" // σ′(0) = 1/4                          params: (none)
  | "logit" // x with σ(x) = p: ln(p / (1 − p))        params: p
  | "backprop-local-gradient" // upstream · s(1 − s)   params: sigma, upstream
  | "gradient-descent-step" // w − lr · (y − t) · y(1 − y) · x   params: w, x, y, t, lr
  | "relu-derivative" // 1 when x > 0, else 0           params: x
  | "derivative-formula"; // σ′ as a formula in x and s (answer kind "formula")

export type AnswerKind = "number" | "formula";

export interface Quantity {
  id: QuantityId;
  /** Names of the params a variant must define. */
  params: readonly string[];
  answer: AnswerKind;
  /**
   * Names of the intermediates besides the params (including `expected` for a number answer),
   * known without computing anything: the content loader checks placeholders against them.
   */
  intermediateNames: readonly string[];
  /** Problems with the params' values (e.g. "sigma must be between 0 and 1"), empty when fine. */
  paramProblems(params: Params): string[];
  /** The right answer for these params (for a formula quantity: the reference value at params.x). */
  expected(params: Params): number;
  /** Values of the mistakes that make sense for this quantity. */
  mistakes(params: Params): MistakeValue[];
  /**
   * Named intermediate values for hints and solutions, e.g. e_neg_x, one_plus_e_neg_x, sigma,
   * one_minus_sigma, derivative. Always includes the params themselves, and `expected` for a
   * number answer (a formula answer has no number to quote).
   */
  intermediates(params: Params): Record<string, number>;
}

/** Every quantity id, in the order of the quantities list in docs/content-format.md (Exercises). */
export const QUANTITY_IDS: readonly QuantityId[] = [
  "sigmoid",
  "derivative",
  "derivative-from-output",
  "inner-derivative",
  "outer-derivative",
  "max-slope",
  "logit",
  "backprop-local-gradient",
  "gradient-descent-step",
  "relu-derivative",
  "derivative-formula",
];

/** A param's value; NaN when the variant lacks it, so a missing param can never look right. */
function param(params: Params, name: string): number {
  return params[name] ?? Number.NaN;
}

/** The answer with its decimal point moved 1 to 3 places either way, each listed separately. */
function powerOfTen(value: number): MistakeValue[] {
  const moved: MistakeValue[] = [];
  for (const k of [1, 2, 3]) {
    const factor = 10 ** k;
    moved.push({ id: "power-of-ten", value: value * factor }, { id: "power-of-ten", value: value / factor });
  }
  return moved;
}

function mistake(id: MistakeId, value: number): MistakeValue {
  return { id, value };
}

/** The slips any number answer invites: the sign flipped, then the decimal point moved. */
function slips(value: number): MistakeValue[] {
  return [mistake("sign-error", -value), ...powerOfTen(value)];
}

function needsOpenUnit(name: string, value: number, what: string): string[] {
  return value > 0 && value < 1 ? [] : [`${name} must be between 0 and 1 (exclusive; ${what}), got ${value}`];
}

/**
 * σ(x) is exactly 1 in doubles from x ≈ 36.7 on, though the true value never is: such an x
 * asks a question whose answer cannot be told from 1 (and −σ(x)² from −1).
 */
function saturates(x: number): string[] {
  return sigmoid(x) === 1 ? [`x = ${x} is so large that σ(x) is 1 to double precision; use x below 36`] : [];
}

/** A mistake that appears only when it gives another value than the right answer. */
export const VALUE_INSTEAD_OF_DERIVATIVE = "value-instead-of-derivative";

// σ and σ′ at x share one set of intermediates (docs/content-format.md, Exercises: placeholders).
const SIGMOID_INTERMEDIATES = [
  "e_neg_x",
  "one_plus_e_neg_x",
  "sigma",
  "one_minus_sigma",
  "derivative",
  "sigma_squared",
  "expected",
] as const;

function sigmoidIntermediates(params: Params, expected: number): Record<string, number> {
  const x = param(params, "x");
  const s = sigmoid(x);
  const eNegX = exp(-x);
  return {
    ...params,
    e_neg_x: eNegX,
    one_plus_e_neg_x: 1 + eNegX,
    sigma: s,
    one_minus_sigma: sigmoid(-x),
    derivative: sigmoidDerivative(x),
    sigma_squared: s * s,
    expected,
  };
}

/**
 * A number answer computed from x alone (σ or σ′ at x): hints and solutions quote the shared σ
 * intermediates and this quantity's own value as `expected`.
 */
function valueAtX(
  id: QuantityId,
  value: (x: number) => number,
  rules: { paramProblems(x: number): string[]; mistakes(x: number): MistakeValue[] },
): Quantity {
  return {
    id,
    params: ["x"],
    answer: "number",
    intermediateNames: SIGMOID_INTERMEDIATES,
    paramProblems: (params) => rules.paramProblems(param(params, "x")),
    expected: (params) => value(param(params, "x")),
    mistakes: (params) => rules.mistakes(param(params, "x")),
    intermediates: (params) => sigmoidIntermediates(params, value(param(params, "x"))),
  };
}

const sigmoidQuantity = valueAtX("sigmoid", sigmoid, {
  paramProblems: saturates,
  mistakes(x) {
    const s = sigmoid(x);
    return [mistake("derivative-instead-of-sigmoid", sigmoidDerivative(x)), mistake("complement", sigmoid(-x)), ...slips(s)];
  },
});

const derivativeQuantity = valueAtX("derivative", sigmoidDerivative, {
  paramProblems: () => [],
  mistakes(x) {
    const s = sigmoid(x);
    const d = sigmoidDerivative(x);
    const eNegX = exp(-x);
    return [
      mistake("sigmoid-instead-of-derivative", s),
      mistake("squared-sigmoid", s * s),
      // e^(−x)/(1 + e^(−x)) is 1 − σ(x): the same value, named by the form the question uses
      // (complement; a template in the x form renames it forgot-square, see FORMULA_MISTAKES).
      mistake("complement", sigmoid(-x)),
      mistake("numerator-only", eNegX),
      mistake("square-only-exp", eNegX / (1 + eNegX * eNegX)),
      mistake("x-for-sigma", x * (1 - x)),
      mistake("constant-quarter", 0.25),
      ...slips(d),
    ];
  },
});

const derivativeFromOutput: Quantity = {
  id: "derivative-from-output",
  params: ["sigma"],
  answer: "number",
  intermediateNames: ["one_minus_sigma", "sigma_squared", "derivative", "expected"],
  paramProblems: (params) => needsOpenUnit("sigma", param(params, "sigma"), "it is an output σ(x)"),
  expected(params) {
    const s = param(params, "sigma");
    return s * (1 - s);
  },
  mistakes(params) {
    const s = param(params, "sigma");
    const d = s * (1 - s);
    return [
      mistake("sigmoid-instead-of-derivative", s),
      mistake("squared-sigmoid", s * s),
      mistake("complement", 1 - s),
      mistake("constant-quarter", 0.25),
      ...slips(d),
    ];
  },
  intermediates(params) {
    const s = param(params, "sigma");
    const d = s * (1 - s);
    return { ...params, one_minus_sigma: 1 - s, sigma_squared: s * s, derivative: d, expected: d };
  },
};

const innerDerivative: Quantity = {
  id: "inner-derivative",
  params: ["x"],
  answer: "number",
  intermediateNames: ["e_neg_x", "u", "expected"],
  paramProblems: () => [],
  expected: (params) => -exp(-param(params, "x")),
  mistakes: (params) => slips(-exp(-param(params, "x"))),
  intermediates(params) {
    const eNegX = exp(-param(params, "x"));
    return { ...params, e_neg_x: eNegX, u: 1 + eNegX, expected: -eNegX };
  },
};

/** −(1 + e^−x)^−2 = −σ(x)², computed from σ so that it stays accurate where e^−x overflows. */
function outerValue(x: number): number {
  const s = sigmoid(x);
  return -(s * s);
}

const outerDerivative: Quantity = {
  id: "outer-derivative",
  params: ["x"],
  answer: "number",
  intermediateNames: ["e_neg_x", "u", "u_squared", "expected"],
  paramProblems: (params) => saturates(param(params, "x")),
  expected: (params) => outerValue(param(params, "x")),
  mistakes: (params) => slips(outerValue(param(params, "x"))),
  intermediates(params) {
    const x = param(params, "x");
    const eNegX = exp(-x);
    const u = 1 + eNegX;
    return { ...params, e_neg_x: eNegX, u, u_squared: u * u, expected: outerValue(x) };
  },
};

const maxSlope: Quantity = {
  id: "max-slope",
  params: [],
  answer: "number",
  intermediateNames: ["sigma", "one_minus_sigma", "expected"],
  paramProblems: () => [],
  expected: () => 0.25,
  // σ(0)² is also 1/4, so squared-sigmoid cannot be told apart here and is left out.
  mistakes: () => [mistake("sigmoid-instead-of-derivative", 0.5), ...powerOfTen(0.25)],
  intermediates: (params) => ({ ...params, sigma: 0.5, one_minus_sigma: 0.5, expected: 0.25 }),
};

function safeLogit(p: number): number {
  return p > 0 && p < 1 ? logit(p) : Number.NaN;
}

const logitQuantity: Quantity = {
  id: "logit",
  params: ["p"],
  answer: "number",
  intermediateNames: ["one_minus_p", "ratio", "expected"],
  paramProblems: (params) => needsOpenUnit("p", param(params, "p"), "logit needs 0 < p < 1"),
  expected: (params) => safeLogit(param(params, "p")),
  mistakes: (params) => slips(safeLogit(param(params, "p"))),
  intermediates(params) {
    const p = param(params, "p");
    return { ...params, one_minus_p: 1 - p, ratio: p / (1 - p), expected: safeLogit(p) };
  },
};

const backpropLocalGradient: Quantity = {
  id: "backprop-local-gradient",
  params: ["sigma", "upstream"],
  answer: "number",
  intermediateNames: ["one_minus_sigma", "local", "expected"],
  paramProblems: (params) => needsOpenUnit("sigma", param(params, "sigma"), "it is the forward output σ(x)"),
  expected(params) {
    const s = param(params, "sigma");
    return param(params, "upstream") * (s * (1 - s));
  },
  mistakes(params) {
    const s = param(params, "sigma");
    const upstream = param(params, "upstream");
    const g = upstream * (s * (1 - s));
    return [
      mistake("forgot-upstream", s * (1 - s)),
      mistake("squared-sigmoid", upstream * (s * s)),
      mistake("sigmoid-instead-of-derivative", upstream * s),
      mistake("complement", upstream * (1 - s)),
      mistake("constant-quarter", upstream * 0.25),
      ...slips(g),
    ];
  },
  intermediates(params) {
    const s = param(params, "sigma");
    const local = s * (1 - s);
    return { ...params, one_minus_sigma: 1 - s, local, expected: param(params, "upstream") * local };
  },
};

// Loss L = ½(y − t)², output y = σ(w·x + b) with the bias b held fixed; y is given, not recomputed,
// so a variant draws it freely: ∂L/∂w = (y − t) · y(1 − y) · x.
function descentParts(params: Params) {
  const w = param(params, "w");
  const x = param(params, "x");
  const y = param(params, "y");
  const t = param(params, "t");
  const lr = param(params, "lr");
  const error = y - t;
  const local = y * (1 - y);
  const gradient = error * local * x;
  return { w, x, y, lr, error, local, gradient };
}

const gradientDescentStep: Quantity = {
  id: "gradient-descent-step",
  params: ["w", "x", "y", "t", "lr"],
  answer: "number",
  intermediateNames: ["error", "local", "gradient", "expected"],
  paramProblems(params) {
    const lr = param(params, "lr");
    return [
      ...needsOpenUnit("y", param(params, "y"), "it is the neuron's output σ(w·x)"),
      ...(lr > 0 ? [] : [`lr must be positive (a learning rate), got ${lr}`]),
    ];
  },
  expected(params) {
    const { w, lr, gradient } = descentParts(params);
    return w - lr * gradient;
  },
  // A moved decimal point means little in an update w − lr·g, so power-of-ten is left out.
  mistakes(params) {
    const { w, x, y, lr, error, gradient } = descentParts(params);
    return [mistake("sign-error", w + lr * gradient), mistake("sigmoid-instead-of-derivative", w - lr * (error * y * x))];
  },
  intermediates(params) {
    const { w, lr, error, local, gradient } = descentParts(params);
    return { ...params, error, local, gradient, expected: w - lr * gradient };
  },
};

const reluDerivative: Quantity = {
  id: "relu-derivative",
  params: ["x"],
  answer: "number",
  intermediateNames: ["relu", "expected"],
  paramProblems: () => [],
  // At x = 0 ReLU has no derivative; the convention (and docs/grading.md) is 0.
  expected: (params) => (param(params, "x") > 0 ? 1 : 0),
  mistakes(params) {
    const x = param(params, "x");
    const relu = Math.max(0, x);
    const slope = x > 0 ? 1 : 0;
    return relu === slope ? [] : [mistake(VALUE_INSTEAD_OF_DERIVATIVE, relu)];
  },
  intermediates(params) {
    const x = param(params, "x");
    return { ...params, relu: Math.max(0, x), expected: x > 0 ? 1 : 0 };
  },
};

/**
 * Wrong formulas for σ′ a learner typically enters, as functions of x, for the formula checker:
 * an answer that matches one of them at the sample points is diagnosed with its id.
 */
export const FORMULA_MISTAKES: readonly { id: MistakeId; f: (x: number) => number }[] = [
  { id: "sigmoid-instead-of-derivative", f: (x) => sigmoid(x) },
  {
    id: "squared-sigmoid",
    f: (x) => {
      const s = sigmoid(x);
      return s * s;
    },
  },
  { id: "complement", f: (x) => sigmoid(-x) },
  { id: "sign-error", f: (x) => -sigmoidDerivative(x) },
  { id: "numerator-only", f: (x) => exp(-x) },
  {
    id: "square-only-exp",
    f: (x) => {
      const e = exp(-x);
      return e / (1 + e * e);
    },
  },
  { id: "x-for-sigma", f: (x) => x * (1 - x) },
  { id: "constant-quarter", f: () => 0.25 },
];

/**
 * In the x form (σ′ worked from e^(−x), Step 3's e^(−x)/(1 + e^(−x))^2), the value 1 − σ(x)
 * comes from leaving the denominator unsquared: e^(−x)/(1 + e^(−x)). Same number, other mistake.
 */
export function inXForm(mistakes: readonly MistakeValue[]): MistakeValue[] {
  return mistakes.map((m) => (m.id === "complement" ? { id: "forgot-square", value: m.value } : m));
}

const derivativeFormula: Quantity = {
  id: "derivative-formula",
  params: [],
  answer: "formula",
  // The answer is a formula; there is no number to quote in a hint.
  intermediateNames: [],
  paramProblems: () => [],
  expected: (params) => sigmoidDerivative(param(params, "x")),
  mistakes(params) {
    const x = param(params, "x");
    return FORMULA_MISTAKES.map(({ id, f }) => mistake(id, f(x)));
  },
  intermediates: (params) => ({ ...params }),
};

export const QUANTITIES: Readonly<Record<QuantityId, Quantity>> = {
  sigmoid: sigmoidQuantity,
  derivative: derivativeQuantity,
  "derivative-from-output": derivativeFromOutput,
  "inner-derivative": innerDerivative,
  "outer-derivative": outerDerivative,
  "max-slope": maxSlope,
  logit: logitQuantity,
  "backprop-local-gradient": backpropLocalGradient,
  "gradient-descent-step": gradientDescentStep,
  "relu-derivative": reluDerivative,
  "derivative-formula": derivativeFormula,
};

/**
 * The mistakes to diagnose for a number answer asked to `digits` significant figures: the
 * quantity's own, then `truncated` (the answer cut instead of rounded) where cutting gives
 * another number than rounding (0.880 for σ(2) = 0.88080, not for 0.8804).
 */
export function mistakesAt(quantity: Quantity, params: Params, digits: number): MistakeValue[] {
  const own = quantity.mistakes(params);
  if (quantity.answer !== "number") return own;
  const expected = quantity.expected(params);
  const cut = truncateToSignificant(expected, digits);
  return Number.isFinite(cut) && cut !== decimalRound(expected, digits) ? [mistake("truncated", cut), ...own] : own;
}

export function isQuantityId(s: string): s is QuantityId {
  return Object.hasOwn(QUANTITIES, s);
}

export function getQuantity(id: QuantityId): Quantity {
  return QUANTITIES[id];
}
