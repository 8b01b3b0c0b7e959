// Which files a report may count, when some of them may be forged or copied. Nothing here is
// decided by a majority: three forged files must not outvote one honest file.
// - The quiz comes from the instructor (--seed, --config) or else from every file agreeing.
// - The questions come from the content (the seed gives them) or else from every file agreeing.
// - The same answers at the same instants under two names are copies: neither counts.
// - Two files under one name count as one only when one continues the other (an earlier
//   snapshot of the same run); otherwise they are a conflict, and both are shown, not counted.
// Pure: the files are already read.
import { englishCount } from "../core/i18n";
import type { Course } from "../content/model";
import { visibleText } from "../core/visible-text";
import { planSession, quizQueue } from "../engine/plan";
import { plannedQuestions } from "../quiz/record";
import { canonicalJson, type QuizIdentity, type QuizResult, type ResultQuestion, scoreOf } from "../quiz/result";
import type { QuizSettings } from "../quiz/settings";
import type { QuizGroup, RejectedFile } from "./model";

export interface Candidate {
  file: string;
  result: QuizResult;
}

/** What the instructor said the quiz is: a seed, or a whole session file. */
export type ReferenceChoice = { by: "--seed"; seed: number } | { by: "--config"; settings: QuizSettings; contentVersion: string | null };

type Why = Pick<RejectedFile, "reason" | "detail">;

/** Why a file is not of the quiz the instructor chose; null when it is. */
export function chosenMismatch(quiz: QuizIdentity, choice: ReferenceChoice): Why | null {
  const option = choice.by;
  const seed = choice.by === "--seed" ? choice.seed : choice.settings.seed;
  if (quiz.seed !== seed) return { reason: "different-seed", detail: `seed ${quiz.seed}, not ${seed} (${option})` };
  if (choice.by === "--seed") return null;
  if (choice.contentVersion !== null && quiz.contentVersion !== choice.contentVersion) {
    return { reason: "different-content", detail: `content version ${quiz.contentVersion}, not ${choice.contentVersion} (--config)` };
  }
  const wanted = choice.settings;
  const differences: string[] = [];
  if (quiz.count !== wanted.count) differences.push(`${englishCount(quiz.count, "question", "questions")}, not ${wanted.count}`);
  if (quiz.skills.join(",") !== wanted.skills.join(",")) {
    differences.push(`skills ${quiz.skills.join(", ") || "all"}, not ${wanted.skills.join(", ") || "all"}`);
  }
  if (quiz.timeLimitMinutes !== wanted.timeLimitMinutes) {
    differences.push(`time limit ${quiz.timeLimitMinutes ?? "none"}, not ${wanted.timeLimitMinutes ?? "none"}`);
  }
  if (quiz.hintsAllowed !== wanted.hintsAllowed) differences.push(quiz.hintsAllowed ? "hints allowed" : "hints off");
  return differences.length === 0 ? null : { reason: "different-settings", detail: `${differences.join("; ")} (--config)` };
}

/** The files grouped by the quiz they took, in the order first seen. */
export function quizGroups(candidates: readonly Candidate[]): QuizGroup[] {
  const groups = new Map<string, { quiz: QuizIdentity; files: string[] }>();
  for (const { file, result } of candidates) {
    const key = canonicalJson(result.quiz);
    const group = groups.get(key);
    if (group) group.files.push(file);
    else groups.set(key, { quiz: result.quiz, files: [file] });
  }
  return [...groups.values()];
}

/**
 * A group as one line: `seed 9, content v1, 3 questions, skills all, no time limit, hints allowed`.
 * The content version and skills are the file's own text, so they are made visible.
 */
export function quizText(quiz: QuizIdentity): string {
  return visibleText(
    [
      `seed ${quiz.seed}`,
      `content ${quiz.contentVersion}`,
      englishCount(quiz.count, "question", "questions"),
      `skills ${quiz.skills.length > 0 ? quiz.skills.join(", ") : "all"}`,
      quiz.timeLimitMinutes === null ? "no time limit" : `${quiz.timeLimitMinutes} min`,
      quiz.hintsAllowed ? "hints allowed" : "hints off",
    ].join(", "),
  );
}

/** What a question is, whoever answered it: which exercise, with which numbers. */
function signature(
  q: Pick<ResultQuestion, "templateId" | "variantSeed" | "params" | "parts" | "skill" | "step" | "status">,
): string | null {
  if (q.status === "unavailable") return null;
  const params = Object.keys(q.params)
    .sort()
    .map((k) => `${k}=${q.params[k]}`)
    .join(",");
  return `${q.templateId}\u0000${q.variantSeed}\u0000${params}\u0000${q.parts}\u0000${q.skill}\u0000${q.step ?? ""}`;
}

/** The questions the quiz's seed gives with this course; null when the course is another version. */
function seededQuestions(course: Course | null, quiz: QuizIdentity): (string | null)[] | null {
  if (course === null || course.version !== quiz.contentVersion || course.id !== quiz.courseId) return null;
  const plan = planSession(course, quizQueue(course, quiz.skills, quiz.count, quiz.seed), quiz.count, quiz.seed);
  return plannedQuestions(course, plan).map(signature);
}

/**
 * Files whose questions are not the quiz's. With the quiz's content version loaded, each file is
 * held against the questions its seed gives. Without it, the files must all agree; when they do
 * not, none of them can be trusted over the others, so every one of them is set aside.
 */
export function sameQuestions(
  candidates: readonly Candidate[],
  quiz: QuizIdentity,
  course: Course | null,
  rejected: RejectedFile[],
): Candidate[] {
  const seeded = seededQuestions(course, quiz);
  const lists = candidates.map(({ result }) => result.questions.map(signature));
  if (seeded !== null) {
    return candidates.filter(({ file, result }, j) => {
      const differs = lists[j]!.findIndex((key, i) => key !== null && key !== seeded[i]);
      if (differs < 0) return true;
      rejected.push({
        file,
        reason: "different-questions",
        detail: `question ${differs + 1} is not the one seed ${quiz.seed} gives with content version ${quiz.contentVersion}`,
        name: result.name,
      });
      return false;
    });
  }
  const versions = new Set(lists.map((list) => JSON.stringify(list)));
  if (versions.size <= 1) return [...candidates];
  for (const { file, result } of candidates) {
    rejected.push({
      file,
      reason: "different-questions",
      detail: `the files of seed ${quiz.seed} disagree on their questions (${versions.size} versions); load content version ${quiz.contentVersion} (--content) to check each file against its seed`,
      name: result.name,
    });
  }
  return [];
}

/**
 * An answer as it was typed, where and when: two honest learners never share one. The quiz's
 * start is left out on purpose: a copier who moves only the start by a millisecond keeps every
 * answer's instant, and is still caught.
 */
function answerPrints(result: QuizResult): string[] {
  return result.questions.flatMap((q) => q.answers.map((a) => canonicalJson([q.number, a.part, a.answer, a.answeredAt, a.ms])));
}

/**
 * Files under different names that share an answer typed at the same instant with the same
 * time taken: copies of each other. Every one of them is set aside, each
 * naming another it copies (or is copied by): which is the original cannot be told from files.
 */
export function setAsideCopies(candidates: readonly Candidate[], rejected: RejectedFile[]): Candidate[] {
  const byPrint = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    for (const print of answerPrints(candidate.result)) {
      const list = byPrint.get(print) ?? [];
      if (!list.includes(candidate)) list.push(candidate);
      byPrint.set(print, list);
    }
  }
  const copyOf = new Map<Candidate, Candidate>();
  for (const list of byPrint.values()) {
    for (const candidate of list) {
      const other = list.find((c) => c.result.name !== candidate.result.name);
      if (other && !copyOf.has(candidate)) copyOf.set(candidate, other);
    }
  }
  return candidates.filter((candidate) => {
    const other = copyOf.get(candidate);
    if (!other) return true;
    rejected.push({
      file: candidate.file,
      reason: "copy",
      detail: `the same answers at the same times as ${other.file} ("${other.result.name}"); neither is counted`,
      name: candidate.result.name,
    });
    return false;
  });
}

/** True when `earlier` is a snapshot of the same run as `later`, taken before it: everything in it is in `later`. */
export function continues(later: QuizResult, earlier: QuizResult): boolean {
  if (later.startedAt !== earlier.startedAt || later.name !== earlier.name) return false;
  if (earlier.finishedAt !== null && canonicalJson(earlier) !== canonicalJson(later)) return false;
  return earlier.questions.every((q, i) => {
    const then = later.questions[i];
    if (!then || q.hintsUsed > then.hintsUsed) return false;
    if ((q.status === "answered" || q.status === "skipped") && q.status !== then.status) return false;
    return q.answers.every((a, j) => then.answers[j] !== undefined && canonicalJson(a) === canonicalJson(then.answers[j]));
  });
}

const progress = (r: QuizResult) => r.questions.filter((q) => q.status === "answered" || q.status === "skipped").length;

/**
 * One file per learner. Several files under one name count once when all are snapshots of one
 * run (a copy taken mid-quiz, the final file): the most complete counts, the others are
 * superseded. Otherwise the files conflict: each is shown with its score, none is counted.
 */
export function oneFilePerLearner(candidates: readonly Candidate[], rejected: RejectedFile[]): Candidate[] {
  const byName = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const list = byName.get(candidate.result.name) ?? [];
    list.push(candidate);
    byName.set(candidate.result.name, list);
  }
  const kept: Candidate[] = [];
  for (const [name, files] of byName) {
    if (files.length === 1) {
      kept.push(files[0]!);
      continue;
    }
    const ranked = [...files].sort(
      (a, b) =>
        Number(b.result.finishedAt !== null) - Number(a.result.finishedAt !== null) ||
        progress(b.result) - progress(a.result) ||
        (b.result.updatedAt > a.result.updatedAt ? 1 : b.result.updatedAt < a.result.updatedAt ? -1 : 0),
    );
    const best = ranked[0]!;
    if (ranked.slice(1).every((other) => continues(best.result, other.result))) {
      kept.push(best);
      for (const other of ranked.slice(1)) {
        rejected.push({
          file: other.file,
          reason: "superseded",
          detail: `an earlier snapshot of the same quiz; "${name}" counts from ${best.file}`,
          name,
        });
      }
      continue;
    }
    for (const file of files) {
      const others = files.filter((f) => f !== file);
      const score = (c: Candidate) => {
        const { right, of } = scoreOf(c.result);
        return `${right}/${of}`;
      };
      rejected.push({
        file: file.file,
        reason: "conflict",
        detail: `${score(file)} here; another result of "${name}" does not continue this one: ${others.map((o) => `${o.file} (${score(o)})`).join(", ")}; neither is counted until the others are removed`,
        name,
      });
    }
  }
  return candidates.filter((c) => kept.includes(c));
}
