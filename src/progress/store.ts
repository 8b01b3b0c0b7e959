// The progress store: a zustand vanilla store, one per trainer run (a factory, so each test gets
// a fresh one). Ink screens read it with `useStore(store, selector)`; plain mode and commands
// call getState() directly. Every action writes its journal line durably BEFORE it returns.
//
// zustand's `persist` middleware is deliberately not used: it rewrites one file in place and,
// given a file it cannot parse, starts empty and overwrites it on the next set().
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { createStore, type StoreApi } from "zustand/vanilla";
import { backupJournal } from "./backup";
import { attemptEventOf, decodeEvent, encodeEvent, JOURNAL_FORMAT, settingEventOf } from "./events";
import { appendDurably } from "./files";
import { type FileSystem, realFs } from "./fs-layer";
import { JOURNAL_FILE } from "./journal";
import { loadProgress, saveProblem } from "./load";
import { saveResumedMessage } from "./messages";
import { nextReviewFor } from "./next-review";
import { variantRating } from "./rating";
import { forget, replay, withChoice } from "./replay";
import { applyGrade, buildSchedule } from "./schedule";
import {
  type StoredAttempt,
  type AttemptInput,
  DEFAULT_SETTINGS,
  GRADED_VERDICTS,
  type ReviewRating,
  type ProgressData,
  type ProgressState,
  type ProgressWarning,
  type ResetResult,
  type SaveProblem,
} from "./types";

export interface ProgressStoreOptions {
  /** Where the journal lives; null keeps everything in memory (saving "off"). */
  dataDir: string | null;
  /** The clock; tests pass a fake one. */
  now?: () => Date;
  /** Told about damaged files, imports, and saving that stopped or resumed. The store never prints. */
  warn?: (warning: ProgressWarning) => void;
  /** File calls; tests pass one that fails like a full disk. */
  fs?: FileSystem;
  /** Id of this trainer run, stamped on its attempts; random by default. */
  session?: string;
}

export type ProgressStore = StoreApi<ProgressState>;

const EMPTY: ProgressData = { attempts: [], lessons: {}, choices: {}, settings: { ...DEFAULT_SETTINGS }, cards: {}, ratings: [] };

export function createProgressStore(options: ProgressStoreOptions): ProgressStore {
  const { dataDir } = options;
  const fs = options.fs ?? realFs;
  const now = options.now ?? (() => new Date());
  const warn = options.warn ?? (() => {});
  const session = options.session ?? randomBytes(4).toString("hex");
  let counter = 0;
  /** Lines not yet on disk, oldest first; written before anything newer. */
  let unsaved: string[] = [];

  function load(): { data: ProgressData; problem: SaveProblem | null } {
    if (dataDir === null) return { data: EMPTY, problem: null };
    const loaded = loadProgress(fs, dataDir, now(), warn);
    unsaved = [...loaded.unsaved, ...unsaved];
    const pending = unsaved.map((line) => decodeEvent(line.trimEnd())).flatMap((d) => (d.kind === "event" ? [d.event] : []));
    // replay() counts an attempt id once, so a line both on disk and waiting is not doubled.
    return { data: replay([...loaded.events, ...pending]), problem: loaded.problem };
  }

  const initial = load();
  if (initial.problem) warn({ kind: "save-failed", message: initial.problem.message, keptAt: null });

  return createStore<ProgressState>()((set, get) => {
    /** Writes the lines (after any waiting ones) in one append; on failure keeps them and says so, once. */
    function save(lines: string[]): void {
      if (dataDir === null) return;
      const batch = [...unsaved, ...lines];
      try {
        appendDurably(fs, dataDir, JOURNAL_FILE, batch.join(""));
      } catch (error) {
        unsaved = batch;
        const problem = saveProblem(error, join(dataDir, JOURNAL_FILE));
        const firstFailure = get().saving !== "failed";
        set({ saving: "failed", savingProblem: problem, unsaved: unsaved.length });
        if (firstFailure) warn({ kind: "save-failed", message: problem.message, keptAt: null });
        return;
      }
      const waited = unsaved.length;
      unsaved = [];
      if (get().saving === "failed") {
        set({ saving: "ok", savingProblem: null, unsaved: 0 });
        warn({ kind: "save-resumed", message: saveResumedMessage(waited), keptAt: null });
      }
    }

    return {
      ...initial.data,
      saving: dataDir === null ? "off" : initial.problem ? "failed" : "ok",
      savingProblem: initial.problem,
      unsaved: unsaved.length,
      dataDir,
      session,

      recordAttempt(input: AttemptInput): StoredAttempt {
        if (!GRADED_VERDICTS.includes(input.verdict)) {
          throw new TypeError(`recordAttempt: verdict "${String(input.verdict)}" is not graded; invalid input is not an attempt`);
        }
        const state = get();
        const at = now().toISOString();
        const attempt: StoredAttempt = {
          ...input,
          id: `${session}-${++counter}`,
          session,
          at,
          rating: variantRating(input, session, state.attempts),
        };
        save([encodeEvent(attemptEventOf(attempt))]);
        const attempts = [...state.attempts, attempt];
        if (attempt.rating === null) {
          set({ attempts });
        } else if (state.ratings.length === 0 || Date.parse(state.ratings.at(-1)!.at) <= Date.parse(at)) {
          const schedule = { cards: { ...state.cards }, ratings: [...state.ratings] };
          applyGrade(schedule, attempt.templateId, at, attempt.rating as ReviewRating);
          set({ attempts, ...schedule });
        } else {
          // The clock went back: rebuild in time order, as a replay would.
          set({ attempts, ...buildSchedule(attempts) });
        }
        return attempt;
      },

      setLessonPosition(lessonId: string, step: number): void {
        save([encodeEvent({ v: JOURNAL_FORMAT, type: "lesson", at: now().toISOString(), lessonId, step })]);
        set({ lessons: { ...get().lessons, [lessonId]: step } });
      },

      recordChoice(lessonId: string, stepId: string, chosen: number, correct: boolean): void {
        save([encodeEvent({ v: JOURNAL_FORMAT, type: "choice", at: now().toISOString(), lessonId, stepId, chosen, correct })]);
        set({ choices: withChoice(get().choices, lessonId, stepId) });
      },

      setSetting(key, value): void {
        save([encodeEvent(settingEventOf(key, value, now().toISOString()))]);
        set({ settings: { ...get().settings, [key]: value } });
      },

      reset(resetOptions = {}): ResetResult {
        const skill = resetOptions.skill ?? null;
        const when = now();
        // The copy is made first; if it cannot be made, nothing is reset (the error reaches the caller).
        const backupDir = dataDir === null ? null : backupJournal(fs, dataDir, when);
        const backup = backupDir === null || dataDir === null ? null : backupDir.slice(dataDir.length + 1);
        save([encodeEvent({ v: JOURNAL_FORMAT, type: "reset", at: when.toISOString(), skill, backup })]);
        const before = get();
        const attempts = forget(before.attempts, skill);
        set({
          attempts,
          ...buildSchedule(attempts),
          lessons: skill === null ? {} : before.lessons,
          choices: skill === null ? {} : before.choices,
        });
        return { backupDir, removed: before.attempts.length - attempts.length };
      },

      nextReview(templateId: string) {
        return nextReviewFor(get().cards, templateId, now());
      },

      reload(): void {
        const { data, problem } = load();
        set({ ...data, unsaved: unsaved.length, ...(problem ? { saving: "failed" as const, savingProblem: problem } : {}) });
      },
    };
  });
}
