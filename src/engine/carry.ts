// Carrying errors forward: a later part is also graded against the value it would have if the
// learner's own earlier answer were right, so one slip is not punished twice.
import type { QuantityId } from "../core/quantities";
import { exp } from "../core/sigmoid";
import type { Params } from "../core/types";

/**
 * This part's answer computed from the learner's value for an earlier part, or null when the
 * pair of quantities has no such relation.
 */
export function carriedExpected(quantity: QuantityId, params: Params, fromQuantity: QuantityId, learnerValue: number): number | null {
  if (!Number.isFinite(learnerValue)) return null;
  const s = learnerValue;
  if (fromQuantity === "sigmoid") {
    // σ′ = s(1 − s) with the learner's s: the formula the course teaches.
    if (quantity === "derivative" || quantity === "derivative-from-output") return s * (1 - s);
    if (quantity === "backprop-local-gradient" && params.upstream !== undefined) return params.upstream * s * (1 - s);
    return null;
  }
  if (quantity === "derivative" && params.x !== undefined) {
    // The chain rule of the article: σ′ = outer · inner, with one factor the learner's.
    const eNegX = exp(-params.x);
    const u = 1 + eNegX;
    if (fromQuantity === "inner-derivative") return learnerValue * (-1 / (u * u));
    if (fromQuantity === "outer-derivative") return learnerValue * -eNegX;
  }
  if (fromQuantity === "derivative-from-output" && quantity === "backprop-local-gradient" && params.upstream !== undefined) {
    return params.upstream * learnerValue;
  }
  return null;
}
