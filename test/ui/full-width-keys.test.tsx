// A Japanese input method left on types the one-key shortcuts full-width: ｈ, ｎ, ｒ, ｑ must
// still do what h, n, r, q do, and never end up in the answer.
import { describe, expect, it } from "vitest";
import { sigmoid } from "../../src/core/sigmoid";
import type { Key } from "ink";
import { matches } from "../../src/ui/keymap";
import { KEYS, renderTrainer } from "./harness";

function shownX(frame: string): number {
  const match = /at x = ([−-]?[\d.]+)/.exec(frame);
  if (!match) throw new Error(`no x in the frame:\n${frame}`);
  return Number(match[1]!.replace("−", "-"));
}

describe("full-width one-key shortcuts", () => {
  it("ｈ gives a hint, ｒ asks a missed question again, ｎ moves on", async () => {
    const t = await renderTrainer({ initial: "practice", skills: ["sigmoid-value"], count: 2 });
    await t.press("ｈ");
    expect(t.frame()).toContain("Hint 1 of 4");
    expect(t.frame()).toContain("Answer: ▏");
    const x = shownX(t.frame());
    await t.type("0.01");
    await t.press(KEYS.enter);
    await t.press("ｒ");
    expect(t.frame()).toContain("[retry]");
    expect(shownX(t.frame())).toBe(x);
    await t.type(sigmoid(x).toPrecision(3));
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("✓ correct");
    await t.press("ｎ");
    // The retry added a question: the next one is the last, with an empty answer field.
    expect(t.frame()).toContain("Question 3 of 3");
    expect(t.frame()).toContain("Answer: ▏");
  });

  it("ｑ is q, and the other full-width shortcuts their ASCII keys; Ctrl and other text are not changed", () => {
    const key = { ctrl: false, meta: false } as Key;
    expect(matches("quit", "ｑ", key)).toBe(true);
    expect(matches("hint", "ｈ", key)).toBe(true);
    expect(matches("next", "ｎ", key)).toBe(true);
    expect(matches("retry", "ｒ", key)).toBe(true);
    expect(matches("help", "？", key)).toBe(true);
    expect(matches("hint", "ｈｈ", key)).toBe(false);
    expect(matches("hint", "ひ", key)).toBe(false);
    expect(matches("quit", "ｑ", { ...key, ctrl: true })).toBe(false);
  });
});
