// The quantities an exercise can ask for. Each knows how to compute its answer from the
// variant's params, which values common mistakes produce, and the intermediate values that
// hints and worked solutions quote. Content templates refer to these by id.
import type { MistakeValue, Params } from "./types";

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
  /** The right answer for these params (for a formula quantity: the reference value at params.x). */
  expected(params: Params): number;
  /** Values of the mistakes that make sense for this quantity. */
  mistakes(params: Params): MistakeValue[];
  /**
   * Named intermediate values for hints and solutions, e.g. e_neg_x, one_plus_e_neg_x, sigma,
   * one_minus_sigma, derivative. Always includes the params themselves and `expected`.
   */
  intermediates(params: Params): Record<string, number>;
}
