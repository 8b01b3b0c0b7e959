// The 2^(j/64) table in src/core/sigmoid.ts is written out so that loading the module computes
// nothing (start-up of calc and check, issue 8). It must be exactly what its series gives: a
// slip in one digit would shift every σ and σ′ that uses that entry (test/core/sigmoid.test.ts
// checks their accuracy against the 80-digit reference).
import { describe, expect, it } from "vitest";
import { TWO_TO_J_OVER_64, twoToJOver64BySeries } from "../../src/core/sigmoid";

describe("the written-out 2^(j/64) table", () => {
  it("holds the series' values bit for bit", () => {
    const series = twoToJOver64BySeries();
    expect(TWO_TO_J_OVER_64).toHaveLength(64);
    TWO_TO_J_OVER_64.forEach(([hi, lo], j) => {
      expect(Object.is(hi, series[j]![0]), `hi of entry ${j}`).toBe(true);
      expect(Object.is(lo, series[j]![1]), `lo of entry ${j}`).toBe(true);
    });
  });
});
