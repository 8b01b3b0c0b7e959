// A quiz in the full-screen trainer: the practice store with a quiz's session config, and around
// it the quiz's result file (QuizTracker) and its time limit. Made before anything is drawn, so a
// quiz that cannot start (nothing to ask, --out naming a file that exists) is refused like in
// plain mode, with a message and exit 1, and not inside the screen.
//
// The result file is written from the store's onStep hook, which runs before the store changes
// what the learner sees: every graded answer, skip and hint is on disk before the next thing
// shows. A question counts as asked when it is on screen (onShow): after its predecessor's
// feedback has been read, not when the engine moved on.
//
// The time limit is watched here, not in a component: the screen is unmounted while help is
// open or the terminal is too small, and the time runs out all the same.
import type { Lang, Localized } from "../core/i18n";
import type { Course } from "../content/model";
import { fill } from "../engine/texts";
import type { ProgressStore } from "../progress";
import { NothingToAskError } from "../quiz/nothing-to-ask";
import type { QuizSettings } from "../quiz/settings";
import { QUIZ_TEXT } from "../quiz/texts";
import { QuizTracker } from "../quiz/tracker";
import type { ResultWriter } from "../quiz/writer";
import { createStore, type StoreApi } from "zustand/vanilla";
import { createPracticeStore, type PracticeSessionConfig, type PracticeStore } from "./practice-store";

/** The Practice session a quiz runs: its own seed and questions, each asked once. */
export function quizSessionConfig(settings: QuizSettings): PracticeSessionConfig {
  return {
    mode: "quiz",
    hintsAllowed: settings.hintsAllowed,
    retryAllowed: false,
    seed: settings.seed,
    count: settings.count,
    skills: settings.skills,
  };
}

export interface QuizSessionOptions {
  course: Course;
  progress: ProgressStore;
  settings: QuizSettings;
  name: string;
  writer: ResultWriter;
  /** The trainer's version, written into the result. */
  app: string;
  /** For the message when there is nothing to ask. */
  lang: Lang;
  /** The clock (ms since the epoch); tests pass a fake one. */
  now?: () => number;
  /** How often the time left is looked at (ms); once a second unless a test says otherwise. */
  tickMs?: number;
  /** Told when writing the result fails (once, until it works again), and when it works again (null). */
  onSaveProblem?: (message: Localized | null) => void;
}

export interface QuizClock {
  /** Whole seconds left, rounded up (0 only once the time is up); null without a time limit. */
  secondsLeft: number | null;
}

export interface QuizOutcome {
  score: { right: number; of: number };
  unanswered: number;
  path: string;
  /** The last write succeeded: the file holds what the learner did. */
  saved: boolean;
  saveFailure: string | null;
  timeUp: boolean;
}

export interface QuizSession {
  readonly settings: QuizSettings;
  readonly name: string;
  readonly store: PracticeStore;
  readonly tracker: QuizTracker;
  /** Changes once a second at most: a timer reading it re-renders alone, not the whole screen. */
  readonly clock: StoreApi<QuizClock>;
  /** Starts watching the time limit (after the screen is drawn). */
  start(): void;
  /** Ends the quiz where it stands, if it is still going (Ctrl+C, the trainer exiting), and stops the clock. */
  end(): void;
  outcome(): QuizOutcome;
}

export function createQuizSession(options: QuizSessionOptions): QuizSession {
  const { course, settings } = options;
  const now = options.now ?? Date.now;
  let tracker: QuizTracker | null = null;
  let saveProblemShown = false;

  const reportSaving = (t: QuizTracker) => {
    if (t.saved && saveProblemShown) {
      saveProblemShown = false;
      options.onSaveProblem?.(null);
    }
  };

  const store = createPracticeStore({
    course,
    progress: options.progress,
    config: quizSessionConfig(settings),
    now: () => new Date(now()),
    onStep(step, at) {
      if (!tracker) {
        if (step.state.plan.length === 0) {
          const skills = settings.skills.length > 0 ? settings.skills.join(", ") : "*";
          throw new NothingToAskError(fill(QUIZ_TEXT.nothingToAsk, { skills })[options.lang]);
        }
        tracker = new QuizTracker({
          course,
          settings,
          name: options.name,
          app: options.app,
          writer: options.writer,
          plan: step.state.plan,
          startedAt: at,
          onSaveFailed: (path, reason) => {
            saveProblemShown = true;
            options.onSaveProblem?.(fill(QUIZ_TEXT.saveFailed, { path, reason }));
          },
        });
        // The file exists, every question unanswered, before the first question is shown.
        tracker.begin();
      }
      // Questions are marked asked when they are shown (onShow below), which for one that waits
      // behind feedback is later than this step.
      tracker.observe({ state: step.state, events: step.events.filter((e) => e.type !== "question") }, at);
      reportSaving(tracker);
    },
    onShow(question, at) {
      tracker?.asked(question.number - 1, question.part, at);
    },
    deadline: () => tracker?.deadline ?? null,
    onTimeUp() {
      tracker?.markTimeUp();
    },
  });
  const made = tracker as QuizTracker | null;
  if (!made) throw new Error("quiz: the session started without its first step");
  const quizTracker: QuizTracker = made;

  const secondsLeft = () => {
    const left = quizTracker.remaining(now());
    return left === null ? null : Math.ceil(left / 1000);
  };
  const clock = createStore<QuizClock>()(() => ({ secondsLeft: secondsLeft() }));
  let timer: ReturnType<typeof setInterval> | null = null;
  const stop = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
  const tick = () => {
    const left = secondsLeft();
    if (left !== clock.getState().secondsLeft) clock.setState({ secondsLeft: left });
    if (store.getState().session.finished) return stop();
    if (left !== null && left <= 0) store.getState().expire();
  };

  return {
    settings,
    name: options.name,
    store,
    tracker: quizTracker,
    clock,
    start() {
      if (timer !== null || quizTracker.deadline === null) return;
      timer = setInterval(tick, options.tickMs ?? 1000);
      // The trainer's input keeps the process alive; the clock alone must not.
      timer.unref?.();
      tick();
    },
    end() {
      stop();
      store.getState().quit();
    },
    outcome() {
      return {
        score: quizTracker.score(),
        unanswered: quizTracker.unanswered(),
        path: quizTracker.path,
        saved: quizTracker.saved,
        saveFailure: quizTracker.saveFailure,
        timeUp: store.getState().timeUp,
      };
    },
  };
}
