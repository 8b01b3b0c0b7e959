// A plain session wired to a real (in-memory) progress store with a fake clock: what was
// missed in practice comes back in review, and each answer says when it comes back.
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runPlainSession } from "../../src/plain/run";
import { createProgressStore } from "../../src/progress";
import { COURSE } from "../engine/fixtures";

class Sink extends Writable {
  text = "";
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.text += chunk.toString("utf8");
    done();
  }
}

const START = Date.parse("2030-03-01T09:00:00Z");

function session(mode: "practice" | "review", store: ReturnType<typeof createProgressStore>, input: string, at: number) {
  const stdin = new PassThrough();
  const stdout = new Sink();
  stdin.end(input);
  const done = runPlainSession({
    mode,
    course: COURSE,
    store,
    lang: "en",
    ascii: false,
    json: true,
    seed: 5,
    // One template in the skill: a single question, so it is asked as new material.
    count: 1,
    skills: ["sigmoid-value"],
    showPrompt: false,
    stdin,
    stdout,
    now: () => at,
  });
  return done.then((result) => ({
    ...result,
    objects: stdout.text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l)),
  }));
}

describe("runPlainSession with the progress store", () => {
  it("records each graded answer with the variant, says when it comes back, and review asks it again later", async () => {
    let clock = START;
    const store = createProgressStore({ dataDir: null, now: () => new Date(clock) });
    const practice = await session("practice", store, "0.01\n", clock);
    expect(practice.objects[0]).toMatchObject({ type: "question", id: "fx-sigmoid", reason: "new" });
    const feedback = practice.objects[1];
    expect(feedback).toMatchObject({ type: "feedback", verdict: "incorrect" });
    expect(feedback.nextReview.message).toMatch(/^Comes back in \d+ minutes?\.$/);
    const attempts = store.getState().attempts;
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({
      templateId: "fx-sigmoid",
      answer: "0.01",
      verdict: "incorrect",
      mode: "practice",
      params: practice.objects[0].params,
      hints: 0,
    });

    const early = await session("review", store, "", clock);
    expect(early.objects).toEqual([expect.objectContaining({ type: "summary", questions: 0 })]);

    clock = new Date(feedback.nextReview.due).getTime() + 1000;
    const review = await session("review", store, "", clock);
    expect(review.objects[0]).toMatchObject({ type: "question", id: "fx-sigmoid", reason: "review" });
  });
});

/** A plain-text review session on the same store; what the learner reads. */
async function textReview(store: ReturnType<typeof createProgressStore>, at: number, reviewCap?: number): Promise<string> {
  const stdin = new PassThrough();
  const stdout = new Sink();
  stdin.end("");
  await runPlainSession({
    mode: "review",
    course: COURSE,
    store,
    lang: "en",
    ascii: false,
    json: false,
    seed: 5,
    count: 10,
    skills: [],
    showPrompt: false,
    stdin,
    stdout,
    now: () => at,
    ...(reviewCap === undefined ? {} : { reviewCap }),
  });
  return stdout.text;
}

describe("review with nothing to ask", () => {
  /** A learner who answered fx-sigmoid right, fast, at START: a graduated card days away. */
  async function graduated() {
    let clock = START;
    const store = createProgressStore({ dataDir: null, now: () => new Date(clock) });
    const first = await session("practice", store, "", clock);
    const x = first.objects[0].params.x as number;
    await session("practice", store, `${1 / (1 + Math.exp(-x))}\n`, clock);
    clock = START + 60_000;
    return { store, due: store.getState().cards["fx-sigmoid"]!.due.getTime() };
  }

  it("says when the next review is, when none is due yet", async () => {
    const { store } = await graduated();
    const text = await textReview(store, START + 60_000);
    expect(text).toContain("Nothing is due for review right now.");
    expect(text).toMatch(/The next review is in \d+ days?\./);
  });

  it("says today's limit is reached, not 'in under a minute', when due items wait behind the daily cap", async () => {
    const { store, due } = await graduated();
    const text = await textReview(store, due + 60_000, 0);
    expect(text).toContain("Today's limit of 0 reviews is reached. Still due: 1; they come back tomorrow.");
    expect(text).not.toContain("under a minute");
  });
});
