// The instructor's dashboard as data: where each learner is, how each question went, the
// mistakes the room is making, the lesson steps where the group struggles, and who is stuck.
// Built from the learners' replays (replay.ts); the dashboard page and the JSON route show it
// as it is. Pure: the time is passed in.
import type { Localized } from "../core/i18n";
import { renderLinearFormula } from "../core/latex";
import { mistakeName } from "../core/mistakes";
import type { Course } from "../content/model";
import { courseSteps } from "../engine/course-steps";
import { instantiateQuestion } from "../engine/question";
import type { PlannedQuestion } from "../engine/types";
import { questionRight, type ResultQuestion } from "../quiz/result";
import type { QuizSettings } from "../quiz/settings";
import type { FeedbackMode } from "./client-events";
import type { LearnerReplay } from "./replay";

/** A learner is connected after a request in the last 30 s (the client beats every 10 s). */
export const CONNECTED_MS = 30_000;
/** Stuck: more than 2 minutes on one question. */
export const STUCK_MS = 120_000;

export type QuestionMark = "correct" | "imprecise" | "incorrect" | "skipped" | "recorded" | null;

export interface DashboardSession {
  code: string;
  /** The quiz's seed: the same questions as `quiz --seed` with it. */
  seed: number;
  lang: "ja" | "en";
  count: number;
  feedback: FeedbackMode;
  hintsAllowed: boolean;
  timeLimitMinutes: number | null;
  startedAt: string;
  state: "open" | "ended";
  /** The instructor paused the session: every learner's time stands still. */
  paused: boolean;
  /** When the pause now in force began (ISO), or null. */
  pausedSince: string | null;
  /** Minutes the instructor added to every learner's time. */
  extendedMinutes: number;
}

export interface DashboardLearner {
  name: string;
  connected: boolean;
  finished: boolean;
  /** 1-based question number being asked, or null when finished. */
  question: number | null;
  /** 0-based part of that question (as in the question events), or null. */
  part: number | null;
  since: string | null;
  /** When the learner's time runs out (their quiz starts when they join), or null without a limit. */
  deadline: string | null;
  stuck: boolean;
  answered: number;
  right: number;
  results: QuestionMark[];
}

export interface DashboardQuestion {
  number: number;
  templateId: string;
  skill: string;
  step: string | null;
  /** How many parts the question has (a learner's `part` counts from 0). */
  parts: number;
  prompt: Localized;
  formula: Localized | null;
  answered: number;
  right: number;
}

export interface DashboardMistake {
  id: string;
  count: number;
  learners: string[];
  label: Localized;
}

export interface DashboardStep {
  step: string;
  title: Localized;
  answered: number;
  wrong: number;
}

export interface DashboardModel {
  session: DashboardSession;
  learners: DashboardLearner[];
  questions: DashboardQuestion[];
  mistakes: DashboardMistake[];
  steps: DashboardStep[];
  now: string;
}

export interface DashboardLearnerInput {
  name: string;
  lastSeen: number;
  replay: LearnerReplay;
}

export interface DashboardInput {
  session: DashboardSession;
  course: Course;
  settings: QuizSettings;
  /** The quiz's plan: the same for every learner (one seed). */
  plan: readonly PlannedQuestion[];
  learners: readonly DashboardLearnerInput[];
  now: number;
}

/**
 * A question's mark: its verdict when every part was graded (the worst part's), skipped, or
 * null while open. With --feedback end a learner still answering sees no verdicts, so the
 * dashboard (which may be on a projector) shows only "recorded" until they finish.
 */
export function questionMark(q: ResultQuestion, hideVerdicts: boolean): QuestionMark {
  if (q.status === "skipped") return "skipped";
  if (q.status !== "answered") return null;
  if (hideVerdicts) return "recorded";
  if (q.answers.some((a) => a.verdict === "incorrect")) return "incorrect";
  if (q.answers.some((a) => a.verdict === "imprecise")) return "imprecise";
  return "correct";
}

export function dashboardModel(input: DashboardInput): DashboardModel {
  const { course, now, session } = input;
  const stepsById = new Map(courseSteps(course).map((s) => [s.step.id, s.step]));
  const learners = input.learners.map(({ name, lastSeen, replay }): DashboardLearner => {
    const current = replay.state.current;
    const finished = replay.state.finished;
    const hide = session.feedback === "end" && !finished;
    const questions = replay.result.questions;
    return {
      name,
      connected: now - lastSeen < CONNECTED_MS,
      finished,
      question: current ? current.index + 1 : null,
      part: current ? current.part : null,
      since: replay.since === null ? null : new Date(replay.since).toISOString(),
      deadline: replay.deadline === null ? null : new Date(replay.deadline).toISOString(),
      // While the instructor has the session paused nobody can answer, so nobody is stuck.
      stuck: !finished && !session.paused && replay.since !== null && now - replay.since > STUCK_MS,
      answered: questions.filter((q) => q.status === "answered").length,
      right: questions.filter(questionRight).length,
      results: questions.map((q) => questionMark(q, hide)),
    };
  });

  const questions = input.plan.map((planned, i): DashboardQuestion => {
    const made = instantiateQuestion(course, planned);
    const template = course.exercises.get(planned.templateId);
    const stepId = made.ok ? made.instance.step : (template?.step ?? null);
    const source = stepId === null ? undefined : stepsById.get(stepId)?.formulas[0];
    const formula = source === undefined ? null : renderLinearFormula(source);
    const rows = input.learners.map((l) => l.replay.result.questions[i]).filter((q) => q !== undefined);
    return {
      number: i + 1,
      templateId: planned.templateId,
      skill: made.ok ? made.instance.skill : (template?.skill ?? ""),
      step: stepId,
      parts: made.ok ? made.instance.parts.length : 1,
      prompt: made.ok ? made.instance.parts[0]!.prompt : { ja: planned.templateId, en: planned.templateId },
      formula: formula === null ? null : { ja: formula, en: formula },
      answered: rows.filter((q) => q.status === "answered").length,
      right: rows.filter(questionRight).length,
    };
  });

  const mistakes = new Map<string, { count: number; learners: Set<string> }>();
  const steps = new Map<string, { answered: number; wrong: number }>();
  for (const { name, replay } of input.learners) {
    for (const q of replay.result.questions) {
      for (const a of q.answers) {
        if (a.mistake !== null) {
          const entry = mistakes.get(a.mistake) ?? { count: 0, learners: new Set<string>() };
          entry.count++;
          entry.learners.add(name);
          mistakes.set(a.mistake, entry);
        }
        if (q.step !== null) {
          const entry = steps.get(q.step) ?? { answered: 0, wrong: 0 };
          entry.answered++;
          if (a.verdict !== "correct") entry.wrong++;
          steps.set(q.step, entry);
        }
      }
    }
  }

  return {
    session,
    learners,
    questions,
    mistakes: [...mistakes]
      .map(([id, m]) => ({ id, count: m.count, learners: [...m.learners].sort(), label: mistakeName(id) }))
      .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1)),
    steps: [...steps]
      .map(([step, s]) => ({ step, title: stepsById.get(step)?.title ?? { ja: step, en: step }, ...s }))
      .sort((a, b) => b.wrong / b.answered - a.wrong / a.answered || b.wrong - a.wrong || (a.step < b.step ? -1 : 1)),
    now: new Date(now).toISOString(),
  };
}
