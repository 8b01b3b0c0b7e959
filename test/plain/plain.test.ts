import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { start } from "../../src/engine/session";
import type { GradedAttempt, SessionConfig } from "../../src/engine/types";
import { toAscii } from "../../src/core/ascii";
import { type DriverHooks, driveSession, readCommand } from "../../src/plain/driver";
import type { ReviewInfo } from "../../src/progress/session-steps";
import { jsonPresenter } from "../../src/plain/json-presenter";
import { type LineReader, readLines } from "../../src/plain/line-reader";
import { textPresenter } from "../../src/plain/text-presenter";
import { config, rightAnswer } from "../engine/fixtures";

class Sink extends Writable {
  text = "";
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.text += chunk.toString("utf8");
    done();
  }
  lines(): string[] {
    return this.text.split("\n").filter((l) => l !== "");
  }
  json(): Record<string, unknown>[] {
    return this.lines().map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}

/** Lines given one by one: a string, or a function of the output so far (to answer what was asked). */
type Script = (string | ((out: Sink) => string))[];
function scripted(script: Script, out: Sink): LineReader {
  let i = 0;
  return {
    next: async () => {
      const item = script[i++];
      if (item === undefined) return null;
      return typeof item === "string" ? item : item(out);
    },
    close() {},
  };
}

/** Answers the last JSON question right. */
const right = (out: Sink) => {
  const q = out
    .json()
    .filter((o) => o.type === "question")
    .at(-1)!;
  return rightAnswer(q.quantity as never, q.params as never);
};

function hooks(out: Sink, review: ReviewInfo | null = null): DriverHooks & { saved: { attempt: GradedAttempt; outputBefore: string }[] } {
  const saved: { attempt: GradedAttempt; outputBefore: string }[] = [];
  return {
    saved,
    now: () => 1_000,
    record(attempt) {
      saved.push({ attempt, outputBefore: out.text });
      return review;
    },
  };
}

async function runJson(cfg: SessionConfig, script: Script, review: ReviewInfo | null = null) {
  const out = new Sink();
  const h = hooks(out, review);
  const state = await driveSession(start(cfg, 1_000), scripted(script, out), jsonPresenter({ out, lang: "en", ascii: false }), h);
  return { out, state, saved: h.saved, objects: out.json() };
}

describe("readLines", () => {
  it("keeps every line that arrived before it was asked, then reports the end", async () => {
    const input = new PassThrough();
    const reader = readLines(input);
    input.end("\uFEFF0.5\r\n:hint\n\nlast without newline");
    await new Promise((r) => setTimeout(r, 10));
    const got: (string | null)[] = [];
    for (let i = 0; i < 5; i++) got.push(await reader.next());
    expect(got).toEqual(["0.5", ":hint", "", "last without newline", null]);
  });

  it("waits for a line that has not arrived yet", async () => {
    const input = new PassThrough();
    const reader = readLines(input);
    const pending = reader.next();
    input.write("0.25\n");
    expect(await pending).toBe("0.25");
    input.end();
    expect(await reader.next()).toBeNull();
  });
});

describe("readCommand", () => {
  it("reads :commands, with spaces, any case, or a full-width colon from a Japanese input method", () => {
    expect(readCommand(":hint")?.command).toBe("hint");
    expect(readCommand("  :SKIP ")?.command).toBe("skip");
    expect(readCommand("：ｈｉｎｔ")?.command).toBe("hint");
    expect(readCommand(":q")?.command).toBe("quit");
    expect(readCommand(":bogus")).toEqual({ command: null, typed: ":bogus" });
    expect(readCommand("0.5")).toBeNull();
    expect(readCommand("s(1-s)")).toBeNull();
  });
});

describe("toAscii", () => {
  it("spells out the mathematical characters and leaves plain text alone", () => {
    expect(toAscii("σ′(x) = σ(x)(1 − σ(x)) ≈ 0.105 · e^(−x), x², 1.05×10^-9")).toBe(
      "sigma'(x) = sigma(x)(1 - sigma(x)) ~ 0.105 * e^(-x), x^2, 1.05x10^-9",
    );
    expect(toAscii("e⁻ˣ and u⁻²")).toBe("e^(-x) and u^(-2)");
    expect(toAscii("plain text 0.5")).toBe("plain text 0.5");
  });
});

describe("JSON lines", () => {
  it("sends one object per line: question, feedback, next question, summary", async () => {
    const { objects, saved } = await runJson(config(["fx-sigmoid", "fx-derivative"]), [right, right]);
    expect(objects.map((o) => o.type)).toEqual(["question", "feedback", "question", "feedback", "summary"]);
    expect(objects[0]).toMatchObject({
      type: "question",
      id: "fx-sigmoid",
      part: 0,
      skill: "sigmoid-value",
      quantity: "sigmoid",
      digits: 3,
    });
    expect(objects[0]!.prompt).toMatch(/^Find σ\(x\) at x = −?\d\.$/);
    expect(Object.keys(objects[0]!.params as object)).toEqual(["x"]);
    expect(objects[1]).toMatchObject({ type: "feedback", verdict: "correct", diagnosis: null });
    expect(typeof objects[1]!.expected).toBe("number");
    expect(objects[4]).toMatchObject({ type: "summary", attempts: 2, correct: 2, quit: false });
    expect(saved).toHaveLength(2);
  });

  it("saves each graded attempt before the next question is written", async () => {
    const { out, saved } = await runJson(config(["fx-sigmoid", "fx-derivative"]), [right, right]);
    const firstSave = saved[0]!.outputBefore;
    expect(
      firstSave
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l).type),
    ).toEqual(["question"]);
    expect(out.text.startsWith(firstSave)).toBe(true);
  });

  it("after invalid input sends only the feedback; the same question stands", async () => {
    const { objects, saved } = await runJson(config(["fx-sigmoid"]), ["0..5", right]);
    expect(objects.map((o) => o.type)).toEqual(["question", "feedback", "feedback", "summary"]);
    expect(objects[1]).toMatchObject({ verdict: "invalid", position: 3 });
    expect(objects[2]).toMatchObject({ verdict: "correct" });
    expect(saved).toHaveLength(1);
  });

  it("answers :hint with the hint stage, :help and unknown commands with a notice", async () => {
    const { objects } = await runJson(config(["fx-from-output"]), [":hint", ":hint", ":hint", ":help", ":nope", right]);
    const types = objects.map((o) => o.type);
    expect(types).toEqual(["question", "hint", "hint", "hint", "notice", "notice", "feedback", "summary"]);
    expect(objects[1]).toMatchObject({ stage: 1, stages: 3, solution: false, text: "Nudge" });
    expect(objects[3]).toMatchObject({ stage: 3, solution: true });
    expect(objects[5]!.message).toMatch(/no command ":nope"/);
    expect(objects[7]).toMatchObject({ hints: 3 });
  });

  it("includes when the item comes back, from the progress store", async () => {
    const review = { due: new Date("2030-01-02T00:00:00Z"), sentence: { ja: "3日後", en: "Comes back in 3 days." } };
    const { objects } = await runJson(config(["fx-sigmoid"]), [right], review);
    expect(objects[1]!.nextReview).toEqual({ due: "2030-01-02T00:00:00.000Z", message: "Comes back in 3 days." });
  });

  it("ends with a summary at the end of input in the middle of a question", async () => {
    const { objects, state } = await runJson(config(["fx-sigmoid", "fx-derivative"]), [right]);
    expect(objects.at(-1)).toMatchObject({ type: "summary", attempts: 1, quit: true, questions: 2, finished: 1 });
    expect(state.finished).toBe(true);
  });

  it(":skip and :retry", async () => {
    const { objects } = await runJson(config(["fx-sigmoid", "fx-derivative"]), ["0.01", ":retry", right, ":skip"]);
    // The next question is shown after the miss; :retry puts the missed one before it.
    const types = objects.map((o) => o.type);
    expect(types).toEqual(["question", "feedback", "question", "question", "feedback", "question", "skipped", "summary"]);
    expect(objects[1]).toMatchObject({ verdict: "incorrect", canRetry: true });
    expect(objects[2]).toMatchObject({ id: "fx-derivative", number: 2, total: 2 });
    expect(objects[3]).toMatchObject({ id: "fx-sigmoid", reason: "retry", params: objects[0]!.params, number: 2, total: 3 });
    expect(objects[5]).toMatchObject({ id: "fx-derivative", number: 3, total: 3 });
    expect(objects[6]).toMatchObject({ type: "skipped", id: "fx-derivative" });
    expect(objects[7]).toMatchObject({ attempts: 2, correct: 1, skipped: 1 });
  });
});

describe("plain text", () => {
  async function runText(cfg: SessionConfig, script: Script, options: { lang?: "ja" | "en"; ascii?: boolean } = {}) {
    const out = new Sink();
    // The answers come from a JSON view of the same session, run alongside.
    const shadow = new Sink();
    const json = jsonPresenter({ out: shadow, lang: "en", ascii: false });
    const text = textPresenter({ out, lang: options.lang ?? "en", ascii: options.ascii ?? false, showPrompt: false });
    const presenter = Object.fromEntries(
      Object.entries(text).map(([k, fn]) => [
        k,
        (...args: unknown[]) => {
          ((json as unknown as Record<string, (...a: unknown[]) => void>)[k] ?? (() => {}))(...args);
          (fn as (...a: unknown[]) => void)(...args);
        },
      ]),
    );
    const h = hooks(out, { due: new Date(0), sentence: { ja: "10分後にもう一度出題します。", en: "Comes back in 10 minutes." } });
    const reader = scripted(
      script.map((s) => (typeof s === "string" ? s : () => s(shadow))),
      out,
    );
    await driveSession(start(cfg, 1_000), reader, presenter as never, h);
    return out.text;
  }

  it("shows questions, feedback, the worked solution after a miss and when the item comes back, without escape codes", async () => {
    const text = await runText(config(["fx-derivative", "fx-sigmoid"]), ["0.9", right]);
    expect(text).not.toMatch(/\u001b/);
    expect(text).toMatch(/^\nQuestion 1 of 2\nFind σ′\(x\) at x = \d\.\n/);
    expect(text).toContain("Worked solution:\n  σ(");
    expect(text).toContain("Comes back in 10 minutes.");
    expect(text).toContain("Type :retry to try it again with the same numbers.");
    expect(text).toMatch(/Question 2 of 2\nFind σ\(x\)/);
    expect(text).toMatch(/Given: e\^\(−x\) = \d/);
    expect(text).toMatch(/Done: 1 of 2 answers correct, 0 hints used, 0 skipped\.\n$/);
  });

  it("does not print the worked solution a second time when the last hint already showed it", async () => {
    const text = await runText(config(["fx-sigmoid"]), [":hint", ":hint", ":hint", ":hint", "0.01"]);
    expect(text.match(/Worked solution:/g)).toHaveLength(1);
    expect(text).toMatch(/Not correct\./);
  });

  it("echoes how an answer was read when it differs from what was typed", async () => {
    const text = await runText(config(["fx-sigmoid"]), ["１／２"]);
    expect(text).toContain("(read as 1/2)");
  });

  it("writes ASCII only with --ascii in English", async () => {
    const text = await runText(config(["fx-derivative", "fx-two-part"]), ["0.9", ":hint", ":hint", ":hint", ":hint", right, right], {
      ascii: true,
    });
    expect(text).toMatch(/sigma/);
    const nonAscii = [...text].filter((c) => c.charCodeAt(0) > 0x7e);
    expect(nonAscii).toEqual([]);
  });

  it("speaks Japanese in a Japanese session", async () => {
    const text = await runText(config(["fx-sigmoid"]), [":hint", right], { lang: "ja" });
    expect(text).toContain("問題 1 / 1");
    expect(text).toContain("ヒント 1 / 4: ");
    expect(text).toContain("正解です。");
    expect(text).not.toMatch(/Question|Hint|Correct/);
  });
});
