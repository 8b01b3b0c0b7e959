// From result files to the report: decide which files belong to the quiz being reported (the
// reference), set every other file aside with its reason, then count. Pure: the files are
// already read; the course, when given, supplies step titles and lets verdicts be re-graded.
import type { Localized } from "../core/i18n";
import { mistakeName } from "../core/mistakes";
import type { Course } from "../content/model";
import { type InstanceCache, regradeProblem } from "../quiz/regrade";
import { canonicalJson, type QuizIdentity, type QuizResult, questionRight, type ResultQuestion } from "../quiz/result";
import type { ReadResult } from "../quiz/verify";
import type {
  CohortReport,
  LearnerRow,
  LearnerStatus,
  MistakeRow,
  QuestionOutcome,
  QuestionRow,
  RejectedFile,
  StepRow,
} from "./model";

export type LoadedFile = { file: string; read: ReadResult } | { file: string; missing: string };

export interface ReportOptions {
  /** Report the quiz with this seed (else the one most files took). */
  seed?: number;
  /** The course, for step titles and order and for re-grading results of its content version. */
  course?: Course | null;
}

interface Accepted {
  file: string;
  result: QuizResult;
}

export function buildReport(files: readonly LoadedFile[], options: ReportOptions = {}): CohortReport {
  const rejected: RejectedFile[] = [];
  const readable: Accepted[] = [];
  for (const loaded of files) {
    if ("missing" in loaded) {
      rejected.push({ file: loaded.file, reason: "missing", detail: loaded.missing, name: null });
    } else if (!loaded.read.ok) {
      rejected.push({ file: loaded.file, reason: loaded.read.problem, detail: loaded.read.detail, name: loaded.read.name ?? null });
    } else {
      readable.push({ file: loaded.file, result: loaded.read.result });
    }
  }

  const reference = chooseReference(readable, options.seed);
  let accepted: Accepted[] = [];
  for (const entry of readable) {
    const why = reference === null ? seedMismatch(entry.result.quiz, options.seed) : mismatch(entry.result.quiz, reference);
    if (why) rejected.push({ file: entry.file, ...why, name: entry.result.name });
    else accepted.push(entry);
  }

  accepted = sameQuestions(accepted, rejected);
  const course = options.course ?? null;
  const regraded = course !== null && reference !== null && course.version === reference.contentVersion;
  if (regraded) {
    const cache: InstanceCache = new Map();
    accepted = accepted.filter((entry) => {
      const problem = regradeProblem(course, entry.result, cache);
      if (problem) rejected.push({ file: entry.file, reason: "tampered", detail: `does not match its own answers: ${problem}`, name: entry.result.name });
      return problem === null;
    });
  }
  accepted = oneFilePerLearner(accepted, rejected);
  accepted.sort((a, b) => compareText(a.result.name, b.result.name) || compareText(a.file, b.file));

  const learners = accepted.map(learnerRow);
  const questions = questionRows(accepted);
  return {
    quiz: reference,
    reference: reference === null ? "none" : options.seed === undefined ? "majority" : "--seed",
    learners,
    questions,
    mistakes: mistakeRows(accepted),
    steps: stepRows(questions, course),
    rejected: rejected.sort((a, b) => compareText(a.file, b.file)),
    regraded,
  };
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
function compareText(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The quiz most files took (with --seed: most files of that seed); ties go to the first file. */
function chooseReference(readable: readonly Accepted[], seed: number | undefined): QuizIdentity | null {
  const counts = new Map<string, { quiz: QuizIdentity; n: number }>();
  for (const { result } of readable) {
    if (seed !== undefined && result.quiz.seed !== seed) continue;
    const key = canonicalJson(result.quiz);
    const entry = counts.get(key);
    if (entry) entry.n++;
    else counts.set(key, { quiz: result.quiz, n: 1 });
  }
  let best: { quiz: QuizIdentity; n: number } | null = null;
  for (const entry of counts.values()) if (best === null || entry.n > best.n) best = entry;
  return best?.quiz ?? null;
}

function seedMismatch(quiz: QuizIdentity, seed: number | undefined): Pick<RejectedFile, "reason" | "detail"> | null {
  if (seed === undefined || quiz.seed === seed) return null;
  return { reason: "different-seed", detail: `seed ${quiz.seed}, not ${seed}` };
}

function mismatch(quiz: QuizIdentity, reference: QuizIdentity): Pick<RejectedFile, "reason" | "detail"> | null {
  if (quiz.seed !== reference.seed) return { reason: "different-seed", detail: `seed ${quiz.seed}; the report is for seed ${reference.seed}` };
  if (quiz.contentVersion !== reference.contentVersion || quiz.courseId !== reference.courseId) {
    return {
      reason: "different-content",
      detail: `content version ${quiz.contentVersion}; the report is for ${reference.contentVersion}`,
    };
  }
  const differences: string[] = [];
  if (quiz.count !== reference.count) differences.push(`${quiz.count} questions, not ${reference.count}`);
  if (quiz.skills.join(",") !== reference.skills.join(",")) {
    differences.push(`skills ${quiz.skills.join(", ") || "all"}, not ${reference.skills.join(", ") || "all"}`);
  }
  if (quiz.timeLimitMinutes !== reference.timeLimitMinutes) {
    differences.push(`time limit ${quiz.timeLimitMinutes ?? "none"}, not ${reference.timeLimitMinutes ?? "none"}`);
  }
  if (quiz.hintsAllowed !== reference.hintsAllowed) differences.push(quiz.hintsAllowed ? "hints allowed" : "hints off");
  return differences.length === 0 ? null : { reason: "different-settings", detail: differences.join("; ") };
}

/** What a question is, whoever answered it: which exercise, with which numbers. */
function signature(q: ResultQuestion): string {
  const params = Object.keys(q.params)
    .sort()
    .map((k) => `${k}=${q.params[k]}`)
    .join(",");
  return `${q.templateId}\u0000${q.variantSeed}\u0000${params}\u0000${q.parts}\u0000${q.skill}\u0000${q.step ?? ""}`;
}

/** Same seed and content give the same questions; a file whose questions differ is set aside. */
function sameQuestions(accepted: Accepted[], rejected: RejectedFile[]): Accepted[] {
  if (accepted.length === 0) return accepted;
  const count = accepted[0]!.result.questions.length;
  const signatures = accepted.map(({ result }) => result.questions.map((q) => (q.status === "unavailable" ? null : signature(q))));
  const majority: (string | null)[] = [];
  for (let i = 0; i < count; i++) {
    const tally = new Map<string, number>();
    for (const list of signatures) {
      const key = list[i];
      if (key) tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    let best: string | null = null;
    let n = 0;
    for (const [key, k] of tally) if (k > n) [best, n] = [key, k];
    majority.push(best);
  }
  return accepted.filter(({ file, result }, j) => {
    const differs = signatures[j]!.findIndex((key, i) => key !== null && key !== majority[i]);
    if (differs < 0) return true;
    rejected.push({
      file,
      reason: "different-questions",
      detail: `question ${differs + 1} is not the one the other files with this seed have`,
      name: result.name,
    });
    return false;
  });
}

/** A learner who restarted (after a crash, say) has several files: the most complete one counts. */
function oneFilePerLearner(accepted: Accepted[], rejected: RejectedFile[]): Accepted[] {
  const best = new Map<string, Accepted>();
  const progress = (r: QuizResult) => r.questions.filter((q) => q.status === "answered" || q.status === "skipped").length;
  const better = (a: Accepted, b: Accepted) => {
    const finished = Number(a.result.finishedAt !== null) - Number(b.result.finishedAt !== null);
    if (finished !== 0) return finished > 0;
    const done = progress(a.result) - progress(b.result);
    if (done !== 0) return done > 0;
    return a.result.updatedAt > b.result.updatedAt;
  };
  for (const entry of accepted) {
    const current = best.get(entry.result.name);
    if (!current || better(entry, current)) best.set(entry.result.name, entry);
  }
  return accepted.filter((entry) => {
    const kept = best.get(entry.result.name)!;
    if (kept === entry) return true;
    rejected.push({
      file: entry.file,
      reason: "superseded",
      detail: `another result of "${entry.result.name}" counts: ${kept.file}`,
      name: entry.result.name,
    });
    return false;
  });
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

function learnerRow({ file, result }: Accepted): LearnerRow {
  const mistakes: Record<string, number> = {};
  let attempts = 0;
  let correct = 0;
  let imprecise = 0;
  let incorrect = 0;
  for (const q of result.questions) {
    for (const a of q.answers) {
      attempts++;
      if (a.verdict === "correct") correct++;
      else if (a.verdict === "imprecise") imprecise++;
      else incorrect++;
      if (a.mistake) mistakes[a.mistake] = (mistakes[a.mistake] ?? 0) + 1;
    }
  }
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

function questionRows(accepted: readonly Accepted[]): QuestionRow[] {
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

function mistakeRows(accepted: readonly Accepted[]): MistakeRow[] {
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
  return rows.sort(
    (a, b) => (a.rate ?? 2) - (b.rate ?? 2) || rank(a.step) - rank(b.step) || compareText(a.step ?? "", b.step ?? ""),
  );
}
