// What every screen reads: the course, the learner's progress store, the UI settings (language,
// ASCII formulas, colour, screen reader) and the session defaults from the command line. Stores
// come from factories and are passed by context (zustand's "use-store" pattern), so each test
// renders with fresh ones.
//
// The screen contract: a screen is `(props: ScreenProps) => JSX`; it reads everything else from
// here. App.tsx keeps a stack of ScreenIds; `navigate` pushes, `onBack` pops.
import { createContext, type ReactNode, useContext, useEffect, useRef } from "react";
import { useStore } from "zustand";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { Lang, Localized } from "../core/i18n";
import type { Course } from "../content/model";
import type { ProgressState, ProgressStore, ProgressWarning } from "../progress";
import { toAscii } from "../core/ascii";
import type { QuizSession } from "./quiz-session";
import type { RemoteQuiz } from "./remote-quiz-store";
import { say } from "./strings";
import { type Marks, marksFor, type Theme, themeFor } from "./theme";

export type ScreenId = "home" | "learn" | "practice" | "review" | "quiz" | "explore" | "stats" | "settings" | "help";

export interface ScreenProps {
  /** Back to the screen before (Esc does this too, from App). */
  onBack: () => void;
  /** Opens another screen on top of this one. */
  navigate: (screen: ScreenId) => void;
}

/** Settings the screens follow; language and ASCII change while the trainer runs (Settings screen). */
export interface UiSettings {
  lang: Lang;
  /** Formulas and marks in printable ASCII only. */
  ascii: boolean;
  /** False with NO_COLOR or --no-color: no escape codes for colour or style at all. */
  color: boolean;
  /** Ink's screen-reader output: aria labels instead of drawn layout. */
  screenReader: boolean;
}

/** A warning shown in the header while the full screen draws (it must not be written over it to stderr). */
export interface UiWarning {
  /** What it is about, so the one who raised it can take it back: "progress", "quiz-result". */
  source: string;
  message: Localized;
}

export interface UiState extends UiSettings {
  /** Warnings on show in every screen's header, one per source, newest last. */
  warnings: readonly UiWarning[];
  /** Switches every text at once and saves the choice (progress setSetting). */
  setLang(lang: Lang): void;
  /** Switches ASCII formulas and saves the choice. */
  setAscii(ascii: boolean): void;
  /** Shows a warning in the header, replacing the one from the same source. */
  showWarning(source: string, message: Localized): void;
  /** Takes back the warning from `source`, or every warning. */
  clearWarning(source?: string): void;
}

export type UiStore = StoreApi<UiState>;

export function createUiStore(initial: UiSettings, progress: ProgressStore): UiStore {
  return createStore<UiState>()((set, get) => ({
    ...initial,
    warnings: [],
    setLang(lang) {
      progress.getState().setSetting("lang", lang);
      set({ lang });
    },
    setAscii(ascii) {
      progress.getState().setSetting("ascii", ascii);
      set({ ascii });
    },
    showWarning(source, message) {
      set({ warnings: [...get().warnings.filter((w) => w.source !== source), { source, message }] });
    },
    clearWarning(source) {
      const { warnings } = get();
      const left = source === undefined ? [] : warnings.filter((w) => w.source !== source);
      if (left.length !== warnings.length) set({ warnings: left });
    },
  }));
}

/**
 * Where the progress store's warnings go while the full screen is drawn. A failed save is already
 * in the progress state (the header shows its savingProblem), so it is not repeated; anything
 * else (saving works again, a damaged file found on reload) shows in the header until replaced.
 */
export function headerWarningSink(ui: UiStore): (warning: ProgressWarning) => void {
  return (warning) => {
    if (warning.kind === "save-failed") return;
    ui.getState().showWarning("progress", warning.message);
  };
}

/** What the command line asked for the sessions started from the screens. */
export interface SessionDefaults {
  /** Absent: each session picks a seed. */
  seed: number | undefined;
  /** Absent: the screen's default length. */
  count: number | undefined;
  /** Only these skills (all when empty). */
  skills: readonly string[];
}

export interface TerminalSize {
  columns: number;
  rows: number;
}

export interface TrainerContextValue {
  course: Course;
  progress: ProgressStore;
  ui: UiStore;
  session: SessionDefaults;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  /** Fixed terminal size for tests (ink-testing-library has no rows); null reads the real terminal. */
  size: TerminalSize | null;
  /** Functions to run before the trainer exits (Ctrl+C, q): e.g. saving the lesson position. */
  exitSavers: Set<() => void>;
  /** The quiz this trainer was started for (`sigmoid-trainer quiz` in a terminal); null otherwise. */
  quiz: QuizSession | null;
  /** The live session this trainer was started to join (`quiz --join` in a terminal); null otherwise. */
  joined: RemoteQuiz | null;
}

export interface TrainerContextOptions {
  course: Course;
  progress: ProgressStore;
  settings: UiSettings;
  session?: Partial<SessionDefaults>;
  now?: () => Date;
  size?: TerminalSize | null;
  quiz?: QuizSession | null;
  joined?: RemoteQuiz | null;
}

export function createTrainerContext(options: TrainerContextOptions): TrainerContextValue {
  return {
    course: options.course,
    progress: options.progress,
    ui: createUiStore(options.settings, options.progress),
    session: { seed: undefined, count: undefined, skills: [], ...options.session },
    now: options.now ?? (() => new Date()),
    size: options.size ?? null,
    exitSavers: new Set(),
    quiz: options.quiz ?? null,
    joined: options.joined ?? null,
  };
}

const TrainerContext = createContext<TrainerContextValue | null>(null);

export function TrainerProvider({ value, children }: { value: TrainerContextValue; children: ReactNode }) {
  return <TrainerContext.Provider value={value}>{children}</TrainerContext.Provider>;
}

export function useTrainer(): TrainerContextValue {
  const value = useContext(TrainerContext);
  if (!value) throw new Error("useTrainer: no TrainerProvider above this component");
  return value;
}

export function useCourse(): Course {
  return useTrainer().course;
}

export function useProgressStore(): ProgressStore {
  return useTrainer().progress;
}

/** A slice of the progress state; re-renders when it changes. Select stable values (not new objects). */
export function useProgress<T>(selector: (state: ProgressState) => T): T {
  return useStore(useTrainer().progress, selector);
}

export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(useTrainer().ui, selector);
}

export function useLang(): Lang {
  return useUi((s) => s.lang);
}

export function useAscii(): boolean {
  return useUi((s) => s.ascii);
}

export function useTheme(): Theme {
  return themeFor(useUi((s) => s.color));
}

export function useMarks(): Marks {
  return marksFor(useAscii());
}

/**
 * `t(text, values?)`: a Localized text (the UI's or the course's) in the current language, `{name}`
 * filled in, with symbols spelled out in ASCII when the ascii setting is on (σ′ → sigma').
 */
export function useText(): (text: Localized, values?: Readonly<Record<string, string | number>>) => string {
  const lang = useLang();
  const ascii = useAscii();
  return (text, values) => {
    const s = say(text, lang, values);
    return ascii ? toAscii(s) : s;
  };
}

/** Runs `save` before the trainer exits (Ctrl+C or quit), as long as the calling component is mounted. */
export function useExitSaver(save: () => void): void {
  const { exitSavers } = useTrainer();
  const latest = useRef(save);
  latest.current = save;
  useEffect(() => {
    const run = () => latest.current();
    exitSavers.add(run);
    return () => {
      exitSavers.delete(run);
    };
  }, [exitSavers]);
}

/**
 * State that belongs to one screen on the stack and must outlive its component: the screen is
 * unmounted while the terminal is too small (and remounted after), yet the typed answer stays.
 * App provides one map per stack entry and drops it when the entry is popped.
 */
const ScreenMemoContext = createContext<Map<string, unknown> | null>(null);

export function ScreenMemoProvider({ memo, children }: { memo: Map<string, unknown>; children: ReactNode }) {
  return <ScreenMemoContext.Provider value={memo}>{children}</ScreenMemoContext.Provider>;
}

/** `factory()` once per screen entry (not per mount); the same value after a remount. */
export function useScreenMemo<T>(key: string, factory: () => T): T {
  const memo = useContext(ScreenMemoContext);
  const local = useRef<{ value: T } | null>(null);
  if (memo) {
    if (!memo.has(key)) memo.set(key, factory());
    return memo.get(key) as T;
  }
  if (!local.current) local.current = { value: factory() };
  return local.current.value;
}
