// What defines a quiz (seed, count, skills, time limit, hints) and where those settings come
// from: command-line flags, or a small YAML file the instructor hands out (--config).
//
// With --config the file alone defines the quiz: --seed, --count, --skill, --time and
// --no-hints are refused next to it (a usage error), because a learner's stray flag would
// silently give a different quiz whose result the report then has to reject. Flags about the
// learner and the display (--name, --out, --lang, --plain, --json, --data-dir, ...) combine
// with the file freely.
import { englishCount } from "../core/i18n";
import { DEFAULT_PRACTICE_COUNT, MAX_COUNT, MAX_SEED } from "../engine/limits";
import { z } from "zod";
import { issueProblems } from "../content/issues";
import { formatProblem, type Problem, sortProblems } from "../content/problems";
import { visibleText } from "../core/visible-text";
import { parseSource, problemAt } from "../content/source";
import { didYouMean } from "../content/suggest";

export interface QuizSettings {
  seed: number;
  count: number;
  /** Sorted, without repeats; empty means every skill. */
  skills: string[];
  timeLimitMinutes: number | null;
  hintsAllowed: boolean;
}

/** A session file: the settings, plus the content version the instructor prepared it for. */
export interface QuizConfigFile {
  settings: QuizSettings;
  /** When given: the learner's content should have this version (a warning otherwise). */
  contentVersion: string | null;
}

/** A quiz is as long as a practice session unless the instructor says otherwise. */
export const DEFAULT_QUIZ_COUNT = DEFAULT_PRACTICE_COUNT;
/** A whole working day; longer limits are surely typos. */
export const MAX_TIME_MINUTES = 24 * 60;
/** The flags the file replaces (refused together with --config). */
export const SETTINGS_FLAGS = ["seed", "count", "skill", "time", "no-hints"] as const;

export function normalizeSkills(skills: readonly string[]): string[] {
  return [...new Set(skills.map((s) => s.trim()).filter(Boolean))].sort();
}

/** `--time MINUTES`: a positive number, decimals allowed (0.5 is thirty seconds). */
export function parseMinutes(raw: string): number | string {
  const text = raw.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return `--time takes a number of minutes (e.g. 15 or 0.5), got "${raw}"`;
  const minutes = Number(text);
  if (minutes <= 0 || minutes > MAX_TIME_MINUTES) return `--time must be more than 0 and at most ${MAX_TIME_MINUTES} minutes, got ${text}`;
  return minutes;
}

const configSchema = z.strictObject({
  seed: z.int().min(0).max(MAX_SEED),
  count: z.int().min(1).max(MAX_COUNT).optional(),
  skills: z.union([z.string().min(1), z.array(z.string().min(1))], { error: "expected a skill id or a list of skill ids" }).optional(),
  time: z.number().positive().max(MAX_TIME_MINUTES).nullable().optional(),
  hints: z.boolean().optional(),
  "content-version": z.string().min(1).optional(),
});

export type ConfigParse = { ok: true; config: QuizConfigFile } | { ok: false; problems: Problem[] };

/**
 * Reads a session file. `file` is the name shown in messages. With `knownSkills`, a skill id the
 * course does not have is a problem at its place in the file.
 */
export function parseQuizConfig(file: string, text: string, knownSkills?: readonly string[]): ConfigParse {
  const { source, problems } = parseSource(file, text, 0);
  if (problems.length > 0) return { ok: false, problems };
  if (source.data === null || source.data === undefined) {
    return { ok: false, problems: [{ file, fileOrder: 0, line: 1, col: 1, message: 'the file is empty; it needs at least "seed: N"' }] };
  }
  // Unknown skills are found even when something else is wrong too, so one pass shows all.
  const raw = (source.data as { skills?: unknown }).skills;
  const unknown: Problem[] = [];
  if (knownSkills && (typeof raw === "string" || Array.isArray(raw))) {
    const listed = typeof raw === "string" ? [raw] : raw;
    listed.forEach((skill, i) => {
      if (typeof skill !== "string" || skill === "" || knownSkills.includes(skill)) return;
      const path = typeof raw === "string" ? ["skills"] : ["skills", i];
      unknown.push(problemAt(source, path, `unknown skill "${skill}"${didYouMean(skill, knownSkills)}`));
    });
  }
  const parsed = configSchema.safeParse(source.data);
  if (!parsed.success) {
    return { ok: false, problems: sortProblems([...issueProblems(source, configSchema, parsed.error.issues), ...unknown]) };
  }
  if (unknown.length > 0) return { ok: false, problems: unknown };
  const data = parsed.data;
  const listed = data.skills === undefined ? [] : typeof data.skills === "string" ? [data.skills] : data.skills;
  return {
    ok: true,
    config: {
      settings: {
        seed: data.seed,
        count: data.count ?? DEFAULT_QUIZ_COUNT,
        skills: normalizeSkills(listed),
        timeLimitMinutes: data.time ?? null,
        hintsAllowed: data.hints ?? true,
      },
      contentVersion: data["content-version"] ?? null,
    },
  };
}

export function formatConfigProblems(problems: readonly Problem[]): string {
  const n = problems.length;
  // The file and its values come from someone else (a session file handed out): an escape
  // sequence in a skill id or in the file's name is shown, never sent to the terminal.
  return `the session file has ${englishCount(n, "problem", "problems")}:\n${problems.map((problem) => visibleText(formatProblem(problem))).join("\n")}`;
}
