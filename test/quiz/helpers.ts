// Result files built by hand, for tests of the verifier and the report that need many
// learners with chosen outcomes (the end-to-end tests make real ones through the CLI).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { QuizIdentity, QuizResult, ResultAnswer, ResultBody, ResultQuestion } from "../../src/quiz/result";
import { RESULT_FORMAT, RESULT_VERSION, sealResult } from "../../src/quiz/result";

export function tempDir(prefix = "quiz-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const QUIZ: QuizIdentity = {
  seed: 7,
  count: 3,
  skills: [],
  courseId: "fixture",
  contentVersion: "v1",
  timeLimitMinutes: null,
  hintsAllowed: true,
};

/** The questions of QUIZ: what was asked, nothing answered yet. */
export const QUESTIONS: readonly Omit<ResultQuestion, "status" | "answers" | "hintsUsed" | "ms">[] = [
  { number: 1, templateId: "fx-sigmoid", skill: "sigmoid-value", step: "step-b", variantSeed: 11, params: { x: 2 }, parts: 1 },
  { number: 2, templateId: "fx-derivative", skill: "derivative-value", step: "step-c", variantSeed: 12, params: { x: 1 }, parts: 1 },
  { number: 3, templateId: "fx-two-part", skill: "derivative-value", step: null, variantSeed: 13, params: { x: 3 }, parts: 2 },
];

/** One part's answer: a verdict and, for a miss, maybe a mistake. */
export type PartSpec = { verdict: ResultAnswer["verdict"]; mistake?: string | null; hints?: number };
/** A question's outcome: its answered parts, then how it ended. */
export interface QuestionSpec {
  parts: PartSpec[];
  /** Default: "answered" when every part is there, else "unanswered". */
  status?: ResultQuestion["status"];
  hints?: number;
}

export function answer(part: number, spec: PartSpec, at = "2026-01-01T00:00:10.000Z"): ResultAnswer {
  return {
    part,
    quantity: "sigmoid",
    answer: spec.verdict === "correct" ? "0.881" : "0.105",
    verdict: spec.verdict,
    parsed: spec.verdict === "correct" ? 0.881 : 0.105,
    expected: 0.8807970779778823,
    mistake: spec.mistake ?? null,
    carried: false,
    hintsUsed: spec.hints ?? 0,
    ms: 4_000,
    answeredAt: at,
  };
}

/**
 * When a learner's answers were saved: ten seconds in, plus a few milliseconds that differ from
 * name to name, as real learners never answer at the same instant (the report takes the same
 * answers at the same instants under two names for copies).
 */
export function answeredAtFor(name: string): string {
  let spread = 0;
  for (const char of name) spread = (spread * 31 + char.codePointAt(0)!) % 9_973;
  return new Date(Date.parse("2026-01-01T00:00:10.000Z") + spread).toISOString();
}

export function resultBody(name: string, specs: readonly QuestionSpec[], extra: Partial<ResultBody> = {}): ResultBody {
  const quiz = extra.quiz ?? QUIZ;
  const base = QUESTIONS.slice(0, quiz.count);
  const at = answeredAtFor(name);
  const questions: ResultQuestion[] = base.map((q, i) => {
    const spec = specs[i] ?? { parts: [] };
    const answers = spec.parts.slice(0, q.parts).map((p, j) => answer(j, p, at));
    const status = spec.status ?? (answers.length === q.parts ? "answered" : "unanswered");
    return {
      ...q,
      status,
      answers,
      hintsUsed: spec.hints ?? Math.max(0, ...spec.parts.map((p) => p.hints ?? 0)),
      ms: status === "answered" || status === "skipped" ? 5_000 : null,
    };
  });
  return {
    format: RESULT_FORMAT,
    version: RESULT_VERSION,
    app: "0.1.0",
    name,
    quiz,
    startedAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:01:00.000Z",
    finishedAt: "2026-01-01T00:01:00.000Z",
    deadline: null,
    ending: "completed",
    questions,
    ...extra,
  };
}

export function result(name: string, specs: readonly QuestionSpec[], extra: Partial<ResultBody> = {}): QuizResult {
  return sealResult(resultBody(name, specs, extra));
}

export const ALL_RIGHT: QuestionSpec[] = [
  { parts: [{ verdict: "correct" }] },
  { parts: [{ verdict: "correct" }] },
  { parts: [{ verdict: "correct" }, { verdict: "correct" }] },
];
