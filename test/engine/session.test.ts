import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sigmoid, sigmoidDerivative } from "../../src/core/sigmoid";
import { answer, currentView, hint, quit, retry, skip, start } from "../../src/engine/session";
import type { EngineEvent, Feedback, QuestionView, SessionState, Step } from "../../src/engine/types";
import { config, rightAnswer } from "./fixtures";

const T0 = 1_000_000;
/** A number as the texts write it, with a Unicode minus. */
const minus = (n: number) => String(n).replace("-", "−");

function ofType<K extends EngineEvent["type"]>(step: Step, type: K): Extract<EngineEvent, { type: K }>[] {
  return step.events.filter((e): e is Extract<EngineEvent, { type: K }> => e.type === type);
}
function question(step: Step): QuestionView {
  const q = ofType(step, "question");
  expect(q).toHaveLength(1);
  return q[0]!.question;
}
function feedback(step: Step): Feedback {
  return ofType(step, "feedback")[0]!.feedback;
}
function view(state: SessionState): QuestionView {
  return currentView(state)!;
}
/** Answers the current part right. */
function answerRight(state: SessionState, now = T0): Step {
  const v = view(state);
  return answer(state, rightAnswer(v.quantity, v.params), now);
}

describe("start and question selection", () => {
  it("asks the queue's templates in order, as many as the count, leaving out unknown ids", () => {
    const first = start(config(["fx-derivative", "no-such-exercise", "fx-sigmoid", "fx-from-output"], { count: 2 }), T0);
    expect(first.state.plan.map((p) => p.templateId)).toEqual(["fx-derivative", "fx-sigmoid"]);
    const q = question(first);
    expect(q).toMatchObject({
      number: 1,
      total: 2,
      templateId: "fx-derivative",
      skill: "derivative-value",
      quantity: "derivative",
      digits: 3,
    });
    expect([1, 2, 3]).toContain(q.params.x);
    expect(q.prompt.en).toBe(`Find σ′(x) at x = ${q.params.x}.`);
  });

  it("shows the given intermediate values with the first part", () => {
    const q = question(start(config(["fx-sigmoid"]), T0));
    expect(q.given).toHaveLength(1);
    expect(q.given[0]!.name).toBe("e_neg_x");
    expect(q.given[0]!.value).toBeCloseTo(Math.exp(-q.params.x!), 12);
    expect(q.given[0]!.text.en).toMatch(/^e\^\(−x\) = \d/);
  });

  it("ends at once with a summary when nothing is queued", () => {
    const first = start(config([]), T0);
    expect(first.state.finished).toBe(true);
    expect(ofType(first, "summary")[0]!.summary).toMatchObject({ questions: 0, attempts: 0, quit: false });
  });

  it("gives the same numbers for the same seed and different ones for other seeds", () => {
    const queue = Array.from({ length: 8 }, () => "fx-sigmoid");
    const params = (seed: number) => {
      let step = start(config(queue, { seed }), T0);
      const seen: unknown[] = [];
      while (!step.state.finished) {
        seen.push(view(step.state).params);
        step = skip(step.state, T0);
      }
      return seen;
    };
    expect(params(7)).toEqual(params(7));
    const others = [8, 9, 10, 11].map((s) => JSON.stringify(params(s)));
    expect(others.some((o) => o !== JSON.stringify(params(7)))).toBe(true);
  });
});

describe("answering", () => {
  it("grades a right answer, records it as an attempt event first, and moves on", () => {
    const first = start(config(["fx-sigmoid", "fx-derivative"]), T0);
    const step = answerRight(first.state, T0 + 4_000);
    expect(step.events.map((e) => e.type)).toEqual(["graded", "feedback", "question"]);
    const { attempt } = ofType(step, "graded")[0]!;
    expect(attempt).toMatchObject({
      templateId: "fx-sigmoid",
      verdict: "correct",
      hintsUsed: 0,
      solutionSeen: false,
      durationMs: 4_000,
      part: 0,
      parts: 1,
      carried: false,
    });
    expect(feedback(step)).toMatchObject({ verdict: "correct", solution: null });
    expect(question(step).templateId).toBe("fx-derivative");
    expect(step.state.retryable).toBeNull();
  });

  it("reports invalid input without an attempt, and the same question stands", () => {
    const first = start(config(["fx-sigmoid"]), T0);
    const step = answer(first.state, "0.8.8", T0 + 1);
    expect(step.events.map((e) => e.type)).toEqual(["feedback"]);
    expect(feedback(step)).toMatchObject({ verdict: "invalid", position: 4 });
    expect(feedback(step).message.en).toMatch(/position 4/);
    expect(step.state).toBe(first.state);
    expect(step.state.attempts).toHaveLength(0);
  });

  it("after a wrong answer names the mistake, gives the answer and the worked solution with the variant's numbers", () => {
    const first = start(config(["fx-derivative"]), T0);
    const x = view(first.state).params.x!;
    const step = answer(first.state, sigmoid(x).toPrecision(3), T0);
    const fb = feedback(step);
    expect(fb.verdict).toBe("incorrect");
    expect(fb.diagnosis).toBe("sigmoid-instead-of-derivative");
    expect(fb.expected).toBeCloseTo(sigmoidDerivative(x), 15);
    // The template's own sentence replaces the built-in one, with the variant's numbers.
    expect(fb.message.en).toContain(`Template says: that is the height σ(${x}), not the slope.`);
    expect(fb.solution?.en).toContain(`σ(${x}) = 1/(1 + `);
    expect(ofType(step, "graded")[0]!.attempt.diagnosis).toBe("sigmoid-instead-of-derivative");
  });

  it("counts an imprecise answer as graded and moves on", () => {
    const first = start(config(["fx-sigmoid", "fx-sigmoid"]), T0);
    const x = view(first.state).params.x!;
    const step = answer(first.state, sigmoid(x).toPrecision(2), T0);
    expect(feedback(step).verdict).toBe("imprecise");
    expect(step.state.attempts).toHaveLength(1);
    expect(question(step).number).toBe(2);
  });

  it("grades a formula answer through the formula checker", () => {
    const first = start(config(["fx-formula", "fx-formula"]), T0);
    const right = answer(first.state, "s*(1-s)", T0);
    expect(feedback(right).verdict).toBe("correct");
    const wrong = answer(right.state, "s", T0);
    expect(feedback(wrong)).toMatchObject({ verdict: "incorrect", diagnosis: "sigmoid-instead-of-derivative" });
  });
});

describe("hints", () => {
  it("come in stages, the last being the worked solution, and each is recorded on the attempt", () => {
    let step = start(config(["fx-sigmoid"]), T0);
    const x = view(step.state).params.x!;
    const stages: string[] = [];
    for (let i = 0; i < 4; i++) {
      step = hint(step.state);
      const h = ofType(step, "hint")[0]!;
      expect(h.stage).toBe(i + 1);
      expect(h.stages).toBe(4);
      expect(h.solution).toBe(i === 3);
      stages.push(h.text.en);
    }
    expect(stages[0]).toMatch(/^Nudge/);
    expect(stages[1]).toMatch(/^Rule/);
    expect(stages[2]).toBe(`e^(−x) = ${Math.exp(-x).toPrecision(4)}`);
    expect(stages[3]).toContain(`σ(${minus(x)}) = 1/(1 + ${Math.exp(-x).toPrecision(4)})`);
    const more = hint(step.state);
    expect(more.events).toEqual([{ type: "notice", message: expect.objectContaining({ en: expect.stringMatching(/No more hints/) }) }]);
    const graded = answerRight(more.state);
    expect(ofType(graded, "graded")[0]!.attempt).toMatchObject({ hintsUsed: 4, solutionSeen: true });
  });

  it("are refused, and not counted, when the quiz turns them off", () => {
    const first = start(config(["fx-sigmoid"], { hintsAllowed: false }), T0);
    const step = hint(first.state);
    expect(step.events.map((e) => e.type)).toEqual(["notice"]);
    expect(step.state.current?.hintsShown).toBe(0);
  });
});

describe("carrying errors forward", () => {
  function twoPartWithWrongSigma(s: string) {
    const first = start(config(["fx-two-part"]), T0);
    const x = view(first.state).params.x!;
    const afterSigma = answer(first.state, s, T0);
    expect(feedback(afterSigma).verdict).toBe("incorrect");
    expect(question(afterSigma)).toMatchObject({ part: 1, parts: 2, quantity: "derivative" });
    return { state: afterSigma.state, x };
  }

  it("accepts s(1 − s) from the learner's own wrong σ(x) and says so", () => {
    const { state, x } = twoPartWithWrongSigma("0.5");
    const step = answer(state, "0.25", T0);
    const fb = feedback(step);
    expect(fb.verdict).toBe("correct");
    expect(fb.carried).toMatchObject({ fromPart: 0, learnerValue: 0.5, carriedExpected: 0.25 });
    expect(fb.expected).toBeCloseTo(sigmoidDerivative(x), 15);
    expect(fb.message.en).toBe(
      `Correct given your σ(x) = 0.5: s(1 − s) = 0.250. The true value is ${sigmoidDerivative(x).toPrecision(3)}.`,
    );
    expect(fb.message.ja).toContain("σ(x) = 0.5 ");
    expect(ofType(step, "graded")[0]!.attempt).toMatchObject({ verdict: "correct", carried: true });
    // The whole exercise had a miss: it may be retried.
    expect(step.state.retryable).toBe(0);
  });

  it("keeps the worked solution for the end of the question, so part 1's miss does not give part 2 away", () => {
    const first = start(config(["fx-two-part"]), T0);
    const afterSigma = answer(first.state, "0.5", T0);
    expect(feedback(afterSigma).solution).toBeNull();
    const end = answer(afterSigma.state, "0.25", T0);
    expect(feedback(end)).toMatchObject({ verdict: "correct", solution: expect.objectContaining({ en: expect.any(String) }) });
    const clean = answerRight(answerRight(first.state).state);
    expect(feedback(clean).solution).toBeNull();
  });

  it("still accepts the true value, without carrying", () => {
    const { state, x } = twoPartWithWrongSigma("0.5");
    const fb = feedback(answer(state, sigmoidDerivative(x).toPrecision(4), T0));
    expect(fb).toMatchObject({ verdict: "correct", carried: null });
  });

  it("marks an answer that fits neither as incorrect", () => {
    const { state } = twoPartWithWrongSigma("0.5");
    expect(feedback(answer(state, "0.3", T0))).toMatchObject({ verdict: "incorrect", carried: null });
  });

  it("carries nothing when the earlier part was right", () => {
    const first = start(config(["fx-two-part"]), T0);
    const right = answerRight(first.state);
    // 0.25 is s(1 − s) for s = 0.5, which the learner did not give.
    expect(feedback(answer(right.state, "0.25", T0))).toMatchObject({ verdict: "incorrect", carried: null });
  });

  it("leaves the first part standing after invalid input there", () => {
    const first = start(config(["fx-two-part"]), T0);
    const step = answer(first.state, "abc", T0);
    expect(feedback(step).verdict).toBe("invalid");
    expect(view(step.state).part).toBe(0);
  });
});

describe("retry and skip", () => {
  it("retry asks the missed question again with the same numbers, before the next one", () => {
    const first = start(config(["fx-sigmoid", "fx-derivative"]), T0);
    const missedParams = view(first.state).params;
    const missed = answer(first.state, "0.1", T0);
    expect(missed.state.retryable).toBe(0);
    const again = retry(missed.state, T0 + 10);
    const q = question(again);
    expect(q).toMatchObject({ templateId: "fx-sigmoid", reason: "retry", number: 2, total: 3 });
    expect(q.params).toEqual(missedParams);
    const right = answerRight(again.state);
    expect(ofType(right, "graded")[0]!.attempt).toMatchObject({ reason: "retry", verdict: "correct" });
    expect(question(right).templateId).toBe("fx-derivative");
  });

  it("retry is refused once the next question has been touched, when nothing was missed, or in a quiz", () => {
    const first = start(config(["fx-sigmoid", "fx-derivative"]), T0);
    const missed = answer(first.state, "0.1", T0);
    const touched = hint(missed.state);
    expect(retry(touched.state, T0).events.map((e) => e.type)).toEqual(["notice"]);
    const right = answerRight(first.state);
    expect(retry(right.state, T0).events.map((e) => e.type)).toEqual(["notice"]);
    const quiz = start(config(["fx-sigmoid", "fx-derivative"], { retryAllowed: false }), T0);
    expect(answer(quiz.state, "0.1", T0).state.retryable).toBeNull();
  });

  it("retry after the last question reopens the finished session", () => {
    const first = start(config(["fx-sigmoid"]), T0);
    const missed = answer(first.state, "0.1", T0);
    expect(missed.state.finished).toBe(true);
    const again = retry(missed.state, T0);
    expect(again.state.finished).toBe(false);
    expect(question(again).reason).toBe("retry");
  });

  it("skip leaves the question unanswered, shows the answer and solution, and moves on", () => {
    const first = start(config(["fx-two-part", "fx-sigmoid"]), T0);
    const x = view(first.state).params.x!;
    const step = skip(first.state, T0 + 5);
    const skipped = ofType(step, "skipped")[0]!;
    expect(skipped.skip).toMatchObject({ templateId: "fx-two-part", part: 0, index: 0 });
    expect(skipped.expected).toBeCloseTo(sigmoid(x), 15);
    expect(skipped.solution.en).toContain(`σ(${minus(x)})`);
    expect(step.state.attempts).toHaveLength(0);
    expect(question(step).templateId).toBe("fx-sigmoid");
  });
});

describe("quit and summary", () => {
  it("quit ends where it stands; later actions change nothing", () => {
    const first = start(config(["fx-sigmoid", "fx-derivative", "fx-from-output"]), T0);
    const one = answerRight(first.state, T0 + 1000);
    const two = hint(one.state);
    const done = quit(two.state, T0 + 3000);
    const summary = ofType(done, "summary")[0]!.summary;
    expect(summary).toMatchObject({
      questions: 3,
      finished: 1,
      attempts: 1,
      correct: 1,
      hintsUsed: 1,
      skipped: 0,
      quit: true,
      durationMs: 3000,
    });
    expect(done.state.finished).toBe(true);
    expect(answer(done.state, "0.5", T0).events).toEqual([]);
    expect(quit(done.state, T0).events).toEqual([]);
  });

  it("counts verdicts and mistakes over the session", () => {
    let step = start(config(["fx-derivative", "fx-derivative", "fx-sigmoid"]), T0);
    step = answer(step.state, sigmoid(view(step.state).params.x!).toPrecision(3), T0);
    step = answerRight(step.state);
    step = skip(step.state, T0);
    const summary = ofType(step, "summary")[0]!.summary;
    expect(summary).toMatchObject({
      attempts: 2,
      correct: 1,
      incorrect: 1,
      skipped: 1,
      quit: false,
      mistakes: { "sigmoid-instead-of-derivative": 1 },
    });
  });
});

describe("whole sessions (property)", () => {
  const templates = ["fx-sigmoid", "fx-derivative", "fx-from-output", "fx-two-part", "fx-formula"];
  it("answering every part right gives only correct verdicts, for any seed and queue", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.array(fc.constantFrom(...templates), { minLength: 1, maxLength: 6 }),
        (seed, queue) => {
          let step = start(config(queue, { seed }), T0);
          let parts = 0;
          while (!step.state.finished) {
            step = answerRight(step.state);
            parts++;
            expect(feedback(step).verdict).toBe("correct");
          }
          const summary = ofType(step, "summary")[0]!.summary;
          expect(summary.attempts).toBe(parts);
          expect(summary.correct).toBe(parts);
          expect(summary.finished).toBe(queue.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("invalid input never adds an attempt, whatever is typed", () => {
    fc.assert(
      fc.property(fc.constantFrom(...templates), fc.string({ maxLength: 12 }), (id, typed) => {
        const first = start(config([id]), T0);
        const step = answer(first.state, typed, T0);
        const verdict = feedback(step).verdict;
        expect(step.state.attempts.length).toBe(verdict === "invalid" ? 0 : 1);
        if (verdict === "invalid") expect(step.state).toBe(first.state);
      }),
      { numRuns: 300 },
    );
  });
});
