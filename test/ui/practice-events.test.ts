// The one switch from session events to what the Practice screen shows, which the local practice
// store and a joined quiz's store both use: when a question is asked, what a skip, a hint and the
// summary leave on screen.
import { describe, expect, it } from "vitest";
import type { QuestionView, Summary } from "../../src/engine/types";
import { practiceStateAfter } from "../../src/ui/practice-events";

const question = (number: number, part = 1) => ({ number, part }) as unknown as QuestionView;
const hint = (stage: number) =>
  ({ type: "hint", stage, stages: 3, text: { ja: `ヒント ${stage}`, en: `hint ${stage}` }, solution: false }) as const;
const summary = (quit: boolean) => ({ quit }) as unknown as Summary;
const quitting = { summaryEnds: (s: Summary) => s.quit };

describe("practiceStateAfter", () => {
  it("asks a next part at once, keeps the next question behind the feedback, and starts a retry clean", () => {
    const asked: QuestionView[] = [];
    const rules = { ...quitting, onAsked: (q: QuestionView) => asked.push(q) };
    expect(practiceStateAfter({ hints: [] }, [{ type: "question", question: question(1, 2), cause: "next-part" }], rules)).toMatchObject({
      question: question(1, 2),
      phase: "asking",
      input: "",
    });
    expect(
      practiceStateAfter({ hints: [] }, [{ type: "question", question: question(1, 2), cause: "next-part" }], rules),
    ).not.toHaveProperty("feedback");
    expect(practiceStateAfter({ hints: [] }, [{ type: "question", question: question(2), cause: "next-question" }], rules)).toMatchObject({
      pending: question(2),
      phase: "answered",
    });
    expect(practiceStateAfter({ hints: [hint(1)] }, [{ type: "question", question: question(1), cause: "retry" }], rules)).toMatchObject({
      question: question(1),
      feedback: null,
      hints: [],
      summary: null,
    });
    expect(asked).toEqual([question(1, 2), question(1, 2), question(1)]);
  });

  it("keeps every hint of one batch after the ones on screen", () => {
    const patch = practiceStateAfter({ hints: [hint(1)] }, [hint(2), hint(3)], quitting);
    expect(patch.hints?.map((h) => h.stage)).toEqual([1, 2, 3]);
  });

  it("shows a skip's answer only when it came with one", () => {
    const shown = practiceStateAfter(
      { hints: [] },
      [{ type: "skipped", expected: 0.25, digits: 3, solution: { ja: "解", en: "worked" } }],
      quitting,
    );
    expect(shown).toMatchObject({ skipped: { expected: 0.25, digits: 3 }, feedback: null, phase: "answered" });
    const hidden = practiceStateAfter({ hints: [] }, [{ type: "skipped", expected: null, digits: 3, solution: null }], quitting);
    expect(hidden).toMatchObject({ skipped: null, phase: "answered" });
  });

  it("after the last answer the feedback is read first; a quit ends at once", () => {
    expect(practiceStateAfter({ hints: [] }, [{ type: "summary", summary: summary(false) }], quitting)).toMatchObject({
      phase: "answered",
    });
    expect(practiceStateAfter({ hints: [] }, [{ type: "summary", summary: summary(true) }], quitting)).toMatchObject({
      phase: "finished",
      pending: null,
    });
  });

  it("a feedback with nothing to draw (--feedback end) clears the last one and leaves when it comes back alone", () => {
    const patch = practiceStateAfter({ hints: [] }, [{ type: "feedback", feedback: null }], quitting);
    expect(patch).toMatchObject({ feedback: null, notice: null });
    expect(patch).not.toHaveProperty("comesBack");
  });
});
