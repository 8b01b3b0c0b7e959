// What a learner's client is sent never gives away a question before it is finished: for random
// sequences of answers (right, wrong, the classic slips, unreadable), skips and hints, no event
// carries the expected value or the worked solution of a question whose last part is not yet
// graded, and with --feedback end no expected value at all.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { showShortest, showSignificant } from "../../src/core/number-format";
import { sigmoid, sigmoidDerivative } from "../../src/core/sigmoid";
import type { Course } from "../../src/content/model";
import { type ClientEvent, clientEvents, type FeedbackMode, redactFeedback } from "../../src/server/client-events";
import { type LearnerAction, LearnerReplayer } from "../../src/server/replay";
import { shippedCourse } from "../support/server";

let course: Course;
beforeAll(async () => {
  course = await shippedCourse();
});

type Move = { kind: "right" } | { kind: "slip"; which: number } | { kind: "text"; text: string } | { kind: "skip" } | { kind: "hint" };

const move: fc.Arbitrary<Move> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Move>({ kind: "right" }) },
  { weight: 4, arbitrary: fc.nat(5).map<Move>((which) => ({ kind: "slip", which })) },
  { weight: 1, arbitrary: fc.constantFrom("", "abc", "1/0", "0,5", "x+").map<Move>((text) => ({ kind: "text", text })) },
  { weight: 1, arbitrary: fc.constant<Move>({ kind: "skip" }) },
  { weight: 1, arbitrary: fc.constant<Move>({ kind: "hint" }) },
);

/** The texts that would give a part's answer away: its value as the prompts and messages show it. */
function giveaways(expected: number | string, digits: number): string[] {
  if (typeof expected === "string") return [expected];
  return [showSignificant(expected, digits), showShortest(expected)].filter((t) => t.replace(/[^0-9]/g, "").replace(/^0+/, "").length >= 2);
}

function play(seed: number, feedback: FeedbackMode, moves: readonly Move[]) {
  const replayer = new LearnerReplayer({
    course,
    settings: { seed, count: 4, skills: [], timeLimitMinutes: null, hintsAllowed: true },
    name: "Aiko",
    app: "test",
    joinedAt: 1_000_000,
    endedAt: null,
  });
  const sent: { events: ClientEvent[]; open: string[]; solutionShown: boolean }[] = [];
  let at = 1_000_000;
  for (const m of moves) {
    const current = replayer.state.current;
    if (!current) break;
    const part = current.instance.parts[current.part]!;
    const x = current.instance.params.x ?? 1;
    let action: LearnerAction;
    at += 1000;
    if (m.kind === "right") action = { kind: "answer", text: part.formula ?? showShortest(part.expected), at };
    else if (m.kind === "slip") {
      const slips = [sigmoid(x), sigmoidDerivative(x), 1 - sigmoid(x), sigmoid(x) ** 2, -part.expected, part.expected * 10];
      action = { kind: "answer", text: showSignificant(slips[m.which]!, part.digits), at };
    } else if (m.kind === "text") action = { kind: "answer", text: m.text, at };
    else if (m.kind === "skip") action = { kind: "skip", text: null, at };
    else action = { kind: "hint", text: null, at };
    // What must stay hidden while the question is open: the remaining parts' values, and the solution.
    const open = current.instance.parts.flatMap((p) => giveaways(p.formula ?? p.expected, p.digits));
    const solutionShown = current.hintsShown >= current.instance.hints.length;
    const step = replayer.apply(action);
    const result = replayer.done().result;
    const events = clientEvents(step.events, { feedback, deadline: null, now: at, result });
    sent.push({ events, open: [...open, current.instance.solution.en, current.instance.solution.ja], solutionShown });
  }
  return sent;
}

describe("client events", () => {
  it("never carry an open question's expected value or solution (--feedback now)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.array(move, { maxLength: 12 }), (seed, moves) => {
        for (const { events } of play(seed, "now", moves)) {
          for (const event of events) {
            if (event.type !== "feedback") continue;
            const f = event.feedback;
            const finished = f.part === f.parts - 1 && f.verdict !== "invalid";
            if (finished) continue;
            expect(f.expected).toBeNull();
            expect(f.solution).toBeNull();
            expect(f.carried?.carriedExpected ?? null).toBeNull();
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("with --feedback end, never carry an expected value, a verdict or a solution, whatever is answered", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.array(move, { maxLength: 12 }), (seed, moves) => {
        for (const { events, open, solutionShown } of play(seed, "end", moves)) {
          // A hint's last stage is the worked solution the learner asked for (hints allowed).
          const shown = events.filter((e) => e.type !== "hint" && e.type !== "question" && e.type !== "summary");
          // The learner's own answer comes back to them (as typed and as read): that is no giveaway.
          const text = JSON.stringify(
            shown.map((e) => (e.type === "feedback" ? { ...e.feedback, answer: null, readAs: null, parsed: null } : e)),
          );
          for (const event of shown) {
            if (event.type === "feedback") {
              expect(["recorded", "invalid"]).toContain(event.feedback.verdict);
              expect(event.feedback.expected).toBeNull();
              expect(event.feedback.diagnosis).toBeNull();
            }
            if (event.type === "skipped") expect(event.expected).toBeNull();
          }
          if (!solutionShown) for (const secret of open) expect(text).not.toContain(`"${secret}"`);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("hides the messages that quote the answer before the last part (--feedback now)", () => {
    const feedback = {
      templateId: "t",
      part: 0,
      parts: 2,
      answer: "0.5",
      verdict: "incorrect" as const,
      expected: 0.881,
      digits: 3,
      parsed: 0.5,
      readAs: "0.5",
      diagnosis: null,
      message: { ja: "不正解です。正解は 0.881 です。", en: "Not correct. The answer is 0.881." },
      carried: null,
      solution: { ja: "σ(2) = 0.881", en: "σ(2) = 0.881" },
      solutionSeen: false,
      position: null,
    };
    const early = redactFeedback(feedback, "now");
    expect(JSON.stringify(early)).not.toContain("0.881");
    const last = redactFeedback({ ...feedback, part: 1 }, "now");
    expect(last.expected).toBe(0.881);
    expect(last.message.en).toContain("0.881");
    const end = redactFeedback({ ...feedback, part: 1 }, "end");
    expect(end.verdict).toBe("recorded");
    expect(JSON.stringify(end)).not.toContain("0.881");
  });
});
