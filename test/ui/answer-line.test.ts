// The answer line's pure edits and the one key mapping every text field uses (answer-line.ts):
// a model of a one-line field checked against random keys, and the keys a learner presses.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AnswerLine,
  applyLineEdit,
  deleteBack,
  EMPTY_LINE,
  insertText,
  type LineEdit,
  lineEditFor,
  lineWith,
} from "../../src/ui/answer-line";
import { NO_KEY } from "../../src/ui/keypress";

/** A field as a learner sees it: the text before and after the cursor. */
type Model = { before: string[]; after: string[] };

function modelEdit(m: Model, edit: LineEdit): Model {
  switch (edit.type) {
    case "submit":
      return m;
    case "type": {
      const clean = [...edit.text].filter((c) => !/\p{Cc}/u.test(c));
      return { before: [...m.before, ...clean], after: m.after };
    }
    case "deleteBack":
      return { before: m.before.slice(0, -1), after: m.after };
    case "clear":
      return { before: [], after: [] };
    case "cursor":
      if (edit.delta < 0) return m.before.length === 0 ? m : { before: m.before.slice(0, -1), after: [m.before.at(-1)!, ...m.after] };
      return m.after.length === 0 ? m : { before: [...m.before, m.after[0]!], after: m.after.slice(1) };
    case "cursorTo":
      return edit.where === "start" ? { before: [], after: [...m.before, ...m.after] } : { before: [...m.before, ...m.after], after: [] };
  }
}

const text = fc.string({ unit: fc.constantFrom("0", "1", ".", "5", "e", "-", "−", "σ", "０", "\r", "\n", "\u0007", "😀", "の") });
const edit: fc.Arbitrary<LineEdit> = fc.oneof(
  fc.constant<LineEdit>({ type: "submit" }),
  text.map((t): LineEdit => ({ type: "type", text: t })),
  fc.constant<LineEdit>({ type: "deleteBack" }),
  fc.constant<LineEdit>({ type: "clear" }),
  fc.constantFrom<LineEdit>({ type: "cursor", delta: -1 }, { type: "cursor", delta: 1 }),
  fc.constantFrom<LineEdit>({ type: "cursorTo", where: "start" }, { type: "cursorTo", where: "end" }),
);

describe("answer line edits", () => {
  it("behave like a text before and after the cursor, for any keys (property)", () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 40 }), (edits) => {
        let line: AnswerLine = EMPTY_LINE;
        let model: Model = { before: [], after: [] };
        for (const e of edits) {
          line = applyLineEdit(line, e);
          model = modelEdit(model, e);
          expect(line.text).toBe([...model.before, ...model.after].join(""));
          expect(line.cursor).toBe(model.before.length);
          // Never a control character in an answer, whatever was pasted.
          expect(line.text).not.toMatch(/\p{Cc}/u);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("count the cursor in characters, so an emoji or a Japanese character is one step", () => {
    const line = insertText(lineWith("0.5"), "😀の");
    expect(line).toEqual({ text: "0.5😀の", cursor: 5 });
    expect(deleteBack(line)).toEqual({ text: "0.5😀", cursor: 4 });
    expect(deleteBack(EMPTY_LINE)).toBe(EMPTY_LINE);
  });
});

describe("lineEditFor, the one key mapping of every text field", () => {
  it("maps Enter, Backspace (0x7F as delete), Ctrl+U, arrows, Home/End and Ctrl+A/E", () => {
    expect(lineEditFor("", { ...NO_KEY, return: true })).toEqual({ type: "submit" });
    expect(lineEditFor("", { ...NO_KEY, delete: true })).toEqual({ type: "deleteBack" });
    expect(lineEditFor("", { ...NO_KEY, backspace: true })).toEqual({ type: "deleteBack" });
    expect(lineEditFor("u", { ...NO_KEY, ctrl: true })).toEqual({ type: "clear" });
    expect(lineEditFor("", { ...NO_KEY, leftArrow: true })).toEqual({ type: "cursor", delta: -1 });
    expect(lineEditFor("", { ...NO_KEY, rightArrow: true })).toEqual({ type: "cursor", delta: 1 });
    expect(lineEditFor("a", { ...NO_KEY, ctrl: true })).toEqual({ type: "cursorTo", where: "start" });
    expect(lineEditFor("", { ...NO_KEY, end: true })).toEqual({ type: "cursorTo", where: "end" });
  });

  it("types characters, leaves Esc, Tab, Ctrl keys and ? to the screen, and the keys it reserves", () => {
    expect(lineEditFor("7", NO_KEY)).toEqual({ type: "type", text: "7" });
    expect(lineEditFor("h", NO_KEY)).toEqual({ type: "type", text: "h" });
    expect(lineEditFor("h", NO_KEY, ["hint"])).toBeNull();
    expect(lineEditFor("?", NO_KEY)).toBeNull();
    expect(lineEditFor("", { ...NO_KEY, escape: true })).toBeNull();
    expect(lineEditFor("", { ...NO_KEY, tab: true })).toBeNull();
    expect(lineEditFor("x", { ...NO_KEY, ctrl: true })).toBeNull();
  });
});
