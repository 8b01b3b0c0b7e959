// What a newcomer runs into in the full-screen trainer: Enter on an empty field, and a stale
// "could not read it" after typing again.
import { describe, expect, it } from "vitest";
import { KEYS, renderTrainer } from "./harness";

describe("Enter on an empty answer", () => {
  for (const lang of ["en", "ja"] as const) {
    it(`says to type an answer first, and the message goes once something is typed (${lang})`, async () => {
      const t = await renderTrainer({ initial: "practice", skills: ["sigmoid-value"], count: 2, lang });
      const first = lang === "en" ? "Type an answer first." : "先に答えを入力してください。";
      await t.press(KEYS.enter);
      expect(t.frame()).toContain(first);
      expect(t.store.getState().attempts).toHaveLength(0);
      await t.type("0");
      expect(t.frame()).not.toContain(first);
      t.unmount();
    });
  }
});

describe("a stale 'could not read it'", () => {
  it("is cleared once the learner types, deletes or clears again", async () => {
    const t = await renderTrainer({ initial: "practice", skills: ["sigmoid-value"], count: 2 });
    await t.type("0.8#1");
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("could not read it");
    await t.press(KEYS.backspace);
    expect(t.frame()).not.toContain("could not read it");
    await t.type("#");
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("could not read it");
    await t.press(KEYS.ctrlU);
    expect(t.frame()).not.toContain("could not read it");
    t.unmount();
  });
});
