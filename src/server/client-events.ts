// What a learner's client is sent: the engine's events without `graded`, and without what the
// learner may not see yet. With --feedback now a question's expected value and worked solution
// wait until its last part is graded (as `quiz` shows them); with --feedback end the learner
// sees only that an answer was recorded, and expected values never leave the server. Pure.
import type { Localized } from "../core/i18n";
import type { EngineEvent, Feedback, QuestionView, Summary } from "../engine/types";
import { type QuizResult, scoreOf } from "../quiz/result";
import { SERVER_TEXT } from "./texts";

export type FeedbackMode = "now" | "end";

/** A question's outcome in the summary: its verdicts, never its expected values. */
export interface ResultLine {
  number: number;
  templateId: string;
  status: QuizResult["questions"][number]["status"];
  verdicts: string[];
  mistakes: (string | null)[];
}

export type ClientEvent =
  | { type: "question"; question: QuestionView; deadline: string | null; remainingMs: number | null }
  | { type: "feedback"; feedback: RedactedFeedback }
  | { type: "hint"; stage: number; stages: number; text: Localized; solution: boolean }
  | {
      type: "skipped";
      skip: Extract<EngineEvent, { type: "skipped" }>["skip"];
      expected: number | string | null;
      digits: number;
      solution: Localized | null;
    }
  | { type: "notice"; message: Localized }
  | {
      type: "summary";
      summary: Summary;
      score: number;
      scoreOf: number;
      unanswered: number;
      ending: QuizResult["ending"];
      timeUp: boolean;
      seed: number;
      name: string;
      contentVersion: string;
      results: ResultLine[];
    };

export interface RedactedFeedback extends Omit<Feedback, "verdict" | "expected" | "carried" | "solution" | "diagnosis"> {
  verdict: Feedback["verdict"] | "recorded";
  expected: number | string | null;
  diagnosis: Feedback["diagnosis"];
  carried: (Omit<NonNullable<Feedback["carried"]>, "carriedExpected"> & { carriedExpected: number | null }) | null;
  solution: Localized | null;
}

export interface ClientContext {
  feedback: FeedbackMode;
  /** The learner's deadline (ms), or null without a time limit. */
  deadline: number | null;
  /** The clock when the events are sent. */
  now: number;
  /** The learner's result as it stands after the events (for the summary). */
  result: QuizResult;
}

export function redactFeedback(feedback: Feedback, mode: FeedbackMode): RedactedFeedback {
  if (mode === "end") {
    if (feedback.verdict === "invalid") {
      return { ...feedback, expected: null, diagnosis: null, carried: null, solution: null };
    }
    return {
      ...feedback,
      verdict: "recorded",
      message: SERVER_TEXT.recorded,
      expected: null,
      diagnosis: null,
      carried: null,
      solution: null,
    };
  }
  // The question is finished when its last part is graded; invalid input grades nothing.
  const finished = feedback.part === feedback.parts - 1 && feedback.verdict !== "invalid";
  if (finished) return feedback;
  // Only a plainly right answer keeps its sentence: the others quote the expected value (or, when
  // carried, the value the learner's own earlier part gives), which must wait for the last part.
  const keep = feedback.verdict === "invalid" || (feedback.verdict === "correct" && feedback.carried === null);
  const message = keep ? feedback.message : partMessage(feedback.verdict);
  return {
    ...feedback,
    message,
    expected: null,
    solution: null,
    carried: feedback.carried === null ? null : { ...feedback.carried, carriedExpected: null },
  };
}

function partMessage(verdict: Feedback["verdict"]): Localized {
  if (verdict === "correct") return SERVER_TEXT.partCorrect;
  if (verdict === "imprecise") return SERVER_TEXT.partImprecise;
  return SERVER_TEXT.partIncorrect;
}

export function resultLines(result: QuizResult): ResultLine[] {
  return result.questions.map((q) => ({
    number: q.number,
    templateId: q.templateId,
    status: q.status,
    verdicts: q.answers.map((a) => a.verdict),
    mistakes: q.answers.map((a) => a.mistake),
  }));
}

/** The engine's events as the learner's client receives them. */
export function clientEvents(events: readonly EngineEvent[], context: ClientContext): ClientEvent[] {
  const out: ClientEvent[] = [];
  for (const event of events) {
    switch (event.type) {
      case "graded":
        break;
      case "question":
        out.push({
          type: "question",
          question: event.question,
          deadline: context.deadline === null ? null : new Date(context.deadline).toISOString(),
          remainingMs: context.deadline === null ? null : Math.max(0, context.deadline - context.now),
        });
        break;
      case "feedback":
        out.push({ type: "feedback", feedback: redactFeedback(event.feedback, context.feedback) });
        break;
      case "skipped":
        out.push(
          context.feedback === "end"
            ? { type: "skipped", skip: event.skip, expected: null, digits: event.digits, solution: null }
            : { type: "skipped", skip: event.skip, expected: event.expected, digits: event.digits, solution: event.solution },
        );
        break;
      case "hint":
      case "notice":
        out.push(event);
        break;
      case "summary":
        out.push(summaryEvent(event.summary, context.result));
        break;
    }
  }
  return out;
}

export function summaryEvent(summary: Summary, result: QuizResult): ClientEvent {
  const score = scoreOf(result);
  return {
    type: "summary",
    summary,
    score: score.right,
    scoreOf: score.of,
    unanswered: result.questions.filter((q) => q.status === "unanswered").length,
    ending: result.ending,
    timeUp: result.ending === "time-up",
    seed: result.quiz.seed,
    name: result.name,
    contentVersion: result.quiz.contentVersion,
    results: resultLines(result),
  };
}
