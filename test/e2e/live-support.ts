// Shared by the live-session end-to-end tests: the storage backends a session runs on, the
// learners' habits, and what each learner was told, read back from what they saw.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { tempDir } from "../quiz/helpers";
import { CLI } from "../support/cli";
import { type RunningServe, startServe } from "../support/live-session.mjs";
import { createTestDatabase, postgresSkipReason, postgresUrl } from "../support/postgres";

import { QUIZ_ARGS } from "./quiz-driver";

export { COUNT, QUIZ_ARGS, SEED } from "./quiz-driver";

export interface Backend {
  name: "PGlite" | "PostgreSQL";
  /** A fresh database: a directory for PGlite, a postgres:// URL of a new database. */
  create(label: string): Promise<{ database: string; drop(): Promise<void> }>;
}

const pglite: Backend = {
  name: "PGlite",
  create: async (label) => {
    const dir = tempDir(`live-${label}-`);
    return { database: join(dir, "pglite"), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

const postgresql: Backend = {
  name: "PostgreSQL",
  create: async (label) => {
    const db = await createTestDatabase(label);
    return { database: db.url, drop: db.drop };
  },
};

/** Every backend this run can use (PostgreSQL when the run has its cluster). */
export const backends: Backend[] = postgresUrl ? [pglite, postgresql] : [pglite];
export const postgresBackend: Backend | null = postgresUrl ? postgresql : null;
/** Without PostgreSQL, a skipped suite whose title says what was not proven and why. */
export function showSkippedOnPostgres(what: string): void {
  if (postgresUrl) return;
  describe.skip(`${what} on PostgreSQL (skipped: ${postgresSkipReason})`, () => {
    it("needs the test run's PostgreSQL cluster", () => {});
  });
}

/** Starts the built `serve --json` on port 0 with its own data directory. */
export async function serve(database: string, extra: readonly string[] = [], dataDir = tempDir("live-data-")): Promise<RunningServe> {
  return startServe(CLI, ["--port", "0", "--database", database, ...QUIZ_ARGS, ...extra], {
    env: { SIGMOID_TRAINER_HOME: dataDir, DATABASE_URL: undefined },
  });
}

/** A line as `quiz --plain --json` prints it (or an HTTP event flattened to the same shape). */
export interface SeenLine {
  type: string;
  [key: string]: unknown;
}

/** The server's events flattened into the line shape `quiz --plain --json` prints. */
export function eventsAsLines(events: ReadonlyArray<{ type: string; [key: string]: unknown }>): SeenLine[] {
  return events.map((event) => {
    if (event.type === "question") return { ...(event.question as object), type: "question" };
    if (event.type === "feedback") return { ...(event.feedback as object), type: "feedback" };
    if (event.type === "summary") return { ...(event.summary as object), ...event, type: "summary" };
    return event;
  });
}

export interface QuestionTold {
  number: number;
  parts: number;
  derivativeParts: number;
  verdicts: string[];
  mistakes: string[];
  skipped: boolean;
}

/** Per question, in order: the verdicts and mistakes the learner was told, and whether it was skipped. */
export function told(lines: readonly SeenLine[]): QuestionTold[] {
  const questions = new Map<number, QuestionTold>();
  let current: number | null = null;
  const seenParts = new Set<string>();
  for (const line of lines) {
    if (line.type === "question") {
      const number = line.number as number;
      current = number;
      const q = questions.get(number) ?? {
        number,
        parts: line.parts as number,
        derivativeParts: 0,
        verdicts: [],
        mistakes: [],
        skipped: false,
      };
      // A reconnecting learner is shown the same part again: count each part once.
      const key = `${number}:${line.part}`;
      if (!seenParts.has(key) && line.quantity === "derivative") q.derivativeParts++;
      seenParts.add(key);
      questions.set(number, q);
    } else if (line.type === "feedback" && line.verdict !== "invalid" && current !== null) {
      const q = questions.get(current)!;
      q.verdicts.push(String(line.verdict));
      if (line.diagnosis) q.mistakes.push(String(line.diagnosis));
    } else if (line.type === "skipped" && current !== null) {
      questions.get(current)!.skipped = true;
    }
  }
  return [...questions.values()].sort((a, b) => a.number - b.number);
}

export const rightOf = (q: QuestionTold) => !q.skipped && q.verdicts.length === q.parts && q.verdicts.every((v) => v === "correct");

/** What the instructor's report must say of one learner, from what the learner was told. */
export function expectedRow(name: string, lines: readonly SeenLine[]) {
  const qs = told(lines);
  const verdicts = qs.flatMap((q) => q.verdicts);
  return {
    name,
    score: qs.filter(rightOf).length,
    attempts: verdicts.length,
    correct: verdicts.filter((v) => v === "correct").length,
    skipped: qs.filter((q) => q.skipped).length,
    mistakes: qs.flatMap((q) => q.mistakes).length,
    perQuestion: qs.map((q) => (q.skipped ? "skipped" : rightOf(q) ? "right" : "wrong")),
  };
}
