// From result files to the report: decide which files belong to the quiz being reported (the
// reference, never by majority: see trust.ts), set every other file aside with its reason, then
// count. Pure: the files are already read; the course, when given, supplies step titles, the
// questions a seed gives, and lets verdicts be re-graded.
import type { Localized } from "../core/i18n";
import { tallyAnswers } from "../core/tally";
import { mistakeName } from "../core/mistakes";
import type { Course } from "../content/model";
import { type InstanceCache, regradeProblem } from "../quiz/regrade";
import { type QuizIdentity, type QuizResult, questionRight, type ResultQuestion } from "../quiz/result";
import type { QuizSettings } from "../quiz/settings";
import type { ReadResult } from "../quiz/verify";
import type { CohortReport, LearnerRow, LearnerStatus, MistakeRow, QuestionOutcome, QuestionRow, RejectedFile, StepRow } from "./model";
import {
  type Candidate,
  chosenMismatch,
  oneFilePerLearner,
  quizGroups,
  type ReferenceChoice,
  sameQuestions,
  setAsideCopies,
} from "./trust";

export type LoadedFile = { file: string; read: ReadResult } | { file: string; missing: string };

export interface ReportOptions {
  /** Report the quiz with this seed. */
  seed?: number;
  /** Report the quiz this session file defines (seed and settings, and its content version if it names one). */
  config?: { settings: QuizSettings; contentVersion: string | null };
  /** The course, for step titles and order, the questions a seed gives, and re-grading results of its content version. */
  course?: Course | null;
}

export function buildReport(files: readonly LoadedFile[], options: ReportOptions = {}): CohortReport {
  const rejected: RejectedFile[] = [];
  const readable: Candidate[] = [];
  for (const loaded of files) {
    if ("missing" in loaded) {
      rejected.push({ file: loaded.file, reason: "missing", detail: loaded.missing, name: null });
    } else if (!loaded.read.ok) {
      rejected.push({ file: loaded.file, reason: loaded.read.problem, detail: loaded.read.detail, name: loaded.read.name ?? null });
    } else {
      readable.push({ file: loaded.file, result: loaded.read.result });
    }
  }

  // The quiz: chosen by the instructor, or the one every file took. Never the most common one.
  const choice: ReferenceChoice | null =
    options.config !== undefined
      ? { by: "--config", ...options.config }
      : options.seed !== undefined
        ? { by: "--seed", seed: options.seed }
        : null;
  const chosen = readable.filter((entry) => {
    const why = choice === null ? null : chosenMismatch(entry.result.quiz, choice);
    if (why) rejected.push({ file: entry.file, ...why, name: entry.result.name });
    return why === null;
  });
  const groups = quizGroups(chosen);
  const course = options.course ?? null;
  const finish = (quiz: QuizIdentity | null, accepted: Candidate[], regraded: boolean, ambiguous: CohortReport["ambiguous"] = []) => {
    accepted.sort((a, b) => compareText(a.result.name, b.result.name) || compareText(a.file, b.file));
    const questions = questionRows(accepted);
    return {
      quiz,
      reference: quiz === null ? ("none" as const) : (choice?.by ?? ("agreed" as const)),
      ambiguous,
      learners: accepted.map(learnerRow),
      questions,
      mistakes: mistakeRows(accepted),
      steps: stepRows(questions, course),
      rejected: rejected.sort((a, b) => compareText(a.file, b.file)),
      regraded,
    };
  };
  if (groups.length > 1) return finish(null, [], false, groups);
  const reference = groups[0]?.quiz ?? null;
  if (reference === null) return finish(null, [], false);

  let accepted = sameQuestions(chosen, reference, course, rejected);
  const regraded = course !== null && course.version === reference.contentVersion;
  if (regraded) {
    const cache: InstanceCache = new Map();
    accepted = accepted.filter((entry) => {
      const problem = regradeProblem(course, entry.result, cache);
      if (problem)
        rejected.push({
          file: entry.file,
          reason: "tampered",
          detail: `does not match its own answers: ${problem}`,
          name: entry.result.name,
        });
      return problem === null;
    });
  }
  accepted = setAsideCopies(accepted, rejected);
  accepted = oneFilePerLearner(accepted, rejected);
  return finish(reference, accepted, regraded);
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
function compareText(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function outcomeOf(q: ResultQuestion): QuestionOutcome {
  if (q.status === "unavailable") return "unavailable";
  if (questionRight(q)) return "right";
  if (q.status === "answered") return "wrong";
  return q.status;
}

function statusOf(result: QuizResult): LearnerStatus {
  switch (result.ending) {
    case "completed":
      return "complete";
    case "time-up":
      return "time-up";
    case "quit":
      return "quit";
    default:
      return "partial";
  }
}

function learnerRow({ file, result }: Candidate): LearnerRow {
  const { attempts, correct, imprecise, incorrect, mistakes } = tallyAnswers(result.questions.flatMap((q) => q.answers));
  const end = Date.parse(result.finishedAt ?? result.updatedAt);
  return {
    name: result.name,
    file,
    status: statusOf(result),
    score: result.questions.filter(questionRight).length,
    of: result.questions.length,
    attempts,
    correct,
    imprecise,
    incorrect,
    skipped: result.questions.filter((q) => q.status === "skipped").length,
    unanswered: result.questions.filter((q) => q.status === "unanswered").length,
    hintsUsed: result.questions.reduce((sum, q) => sum + q.hintsUsed, 0),
    timeMs: Math.max(0, end - Date.parse(result.startedAt)),
    mistakes,
    questions: result.questions.map((q) => ({
      number: q.number,
      outcome: outcomeOf(q),
      mistakes: q.answers.flatMap((a) => (a.mistake ? [a.mistake] : [])),
    })),
  };
}

function questionRows(accepted: readonly Candidate[]): QuestionRow[] {
  if (accepted.length === 0) return [];
  const template = accepted[0]!.result.questions;
  return template.map((_, i) => {
    // Describe the question from a file where it could be made.
    const described = accepted.map((a) => a.result.questions[i]!).find((q) => q.status !== "unavailable") ?? template[i]!;
    const row = {
      number: i + 1,
      templateId: described.templateId,
      skill: described.skill,
      step: described.step,
      params: described.params,
      right: 0,
      wrong: 0,
      skipped: 0,
      unanswered: 0,
      learners: 0,
      mistakes: {} as Record<string, number>,
    };
    for (const { result } of accepted) {
      const q = result.questions[i]!;
      const outcome = outcomeOf(q);
      if (outcome === "unavailable") continue;
      row.learners++;
      row[outcome]++;
      for (const a of q.answers) if (a.mistake) row.mistakes[a.mistake] = (row.mistakes[a.mistake] ?? 0) + 1;
    }
    return row;
  });
}

function mistakeRows(accepted: readonly Candidate[]): MistakeRow[] {
  const rows = new Map<string, { count: number; learners: Map<string, number>; questions: Set<number> }>();
  for (const { result } of accepted) {
    for (const q of result.questions) {
      for (const a of q.answers) {
        if (!a.mistake) continue;
        let row = rows.get(a.mistake);
        if (!row) {
          row = { count: 0, learners: new Map(), questions: new Set() };
          rows.set(a.mistake, row);
        }
        row.count++;
        row.learners.set(result.name, (row.learners.get(result.name) ?? 0) + 1);
        row.questions.add(q.number);
      }
    }
  }
  return [...rows.entries()]
    .map(([id, row]) => ({
      id,
      name: mistakeName(id),
      count: row.count,
      learners: [...row.learners.entries()]
        .map(([name, count]) => ({ name, count }))
        .sort((a, b) => b.count - a.count || compareText(a.name, b.name)),
      questions: [...row.questions].sort((a, b) => a - b),
    }))
    .sort((a, b) => b.count - a.count || compareText(a.id, b.id));
}

function stepRows(questions: readonly QuestionRow[], course: Course | null): StepRow[] {
  const titles = new Map<string, Localized>();
  const order = new Map<string, number>();
  if (course) {
    for (const chapter of course.chapters) {
      for (const lessonId of chapter.lessons) {
        for (const step of course.lessons.get(lessonId)?.steps ?? []) {
          titles.set(step.id, step.title);
          order.set(step.id, order.size);
        }
      }
    }
  }
  const groups = new Map<string | null, number[]>();
  for (const q of questions) {
    const list = groups.get(q.step) ?? [];
    list.push(q.number);
    groups.set(q.step, list);
  }
  const rows: StepRow[] = [];
  for (const [step, numbers] of groups) {
    let asked = 0;
    let right = 0;
    const mistakes: Record<string, number> = {};
    for (const n of numbers) {
      const q = questions[n - 1]!;
      asked += q.learners;
      right += q.right;
      for (const [id, k] of Object.entries(q.mistakes)) mistakes[id] = (mistakes[id] ?? 0) + k;
    }
    const top = Object.entries(mistakes).sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0];
    rows.push({
      step,
      title: step === null ? null : (titles.get(step) ?? null),
      questions: numbers,
      asked,
      right,
      rate: asked === 0 ? null : right / asked,
      mistakes: Object.values(mistakes).reduce((sum, k) => sum + k, 0),
      topMistake: top ? { id: top[0], count: top[1] } : null,
    });
  }
  const rank = (s: string | null) => (s === null ? Number.MAX_SAFE_INTEGER : (order.get(s) ?? order.size));
  // Where the group struggles most comes first; steps nobody reached go last.
  return rows.sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2) || rank(a.step) - rank(b.step) || compareText(a.step ?? "", b.step ?? ""));
}
