// The loop shared by plain text and JSON lines: read a line, turn it into an engine action,
// save what was graded and show the events (both through progress/session-steps, as the
// full-screen trainer does). Every graded attempt is saved (synchronously and
// durably, by `record`) before any event after it is shown, so when the next question appears
// the answer before it is on disk. The end of input quits like `:quit`.
import type { Localized } from "../core/i18n";
import { answer, hint, quit, retry, skip } from "../engine/session";
import type { Feedback, GradedAttempt, QuestionView, SessionState, SkipRecord, Step, Summary } from "../engine/types";
import { handleEngineEvents, type ReviewInfo } from "../progress/session-steps";
import type { LineReader } from "./line-reader";

export interface Presenter {
  question(view: QuestionView): void;
  /** `canRetry`: the question just finished was missed and :retry would ask it again. */
  feedback(feedback: Feedback, review: ReviewInfo | null, canRetry: boolean): void;
  hint(stage: number, stages: number, text: Localized, solution: boolean): void;
  skipped(skip: SkipRecord, expected: number | string, digits: number, solution: Localized): void;
  notice(message: Localized): void;
  summary(summary: Summary): void;
  help(): void;
  unknownCommand(command: string): void;
  /** Before waiting for a line (a visible prompt in a terminal; nothing over a pipe). */
  prompt(): void;
}

export interface DriverHooks {
  now(): number;
  /** Saves a graded attempt durably and says when the item comes back, if known. */
  record(attempt: GradedAttempt): ReviewInfo | null;
}

export type Command = "hint" | "skip" | "retry" | "quit" | "help";

const COMMANDS: Readonly<Record<string, Command>> = {
  hint: "hint",
  h: "hint",
  skip: "skip",
  s: "skip",
  retry: "retry",
  r: "retry",
  quit: "quit",
  q: "quit",
  exit: "quit",
  help: "help",
  "?": "help",
};

/**
 * A line typed as a command (`:hint`), or null for an answer. A Japanese input method may give
 * a full-width colon; it means the same.
 */
export function readCommand(line: string): { command: Command | null; typed: string } | null {
  const trimmed = line.trim();
  if (!/^[:：]/.test(trimmed)) return null;
  const word = trimmed.slice(1).trim().normalize("NFKC").toLowerCase();
  return { command: COMMANDS[word] ?? null, typed: trimmed };
}

export async function driveSession(first: Step, lines: LineReader, presenter: Presenter, hooks: DriverHooks): Promise<SessionState> {
  let state = show(first, presenter, hooks);
  while (!state.finished) {
    presenter.prompt();
    const line = await lines.next();
    if (line === null) {
      state = show(quit(state, hooks.now()), presenter, hooks);
      break;
    }
    const command = readCommand(line);
    if (command === null) {
      state = show(answer(state, line, hooks.now()), presenter, hooks);
      continue;
    }
    switch (command.command) {
      case "hint":
        state = show(hint(state), presenter, hooks);
        break;
      case "skip":
        state = show(skip(state, hooks.now()), presenter, hooks);
        break;
      case "retry":
        state = show(retry(state, hooks.now()), presenter, hooks);
        break;
      case "quit":
        state = show(quit(state, hooks.now()), presenter, hooks);
        break;
      case "help":
        presenter.help();
        break;
      default:
        presenter.unknownCommand(command.typed);
    }
  }
  return state;
}

/** Saves one step's graded attempts, then shows its events in order; returns the step's state. */
function show(step: Step, presenter: Presenter, hooks: DriverHooks): SessionState {
  // Plain mode ends with the summary: no retry is offered after the last question.
  for (const event of handleEngineEvents(step.events, { record: hooks.record, goesOnAfterSummary: false })) {
    switch (event.type) {
      case "feedback":
        presenter.feedback(event.feedback, event.review, event.canRetry);
        break;
      case "question":
        presenter.question(event.question);
        break;
      case "hint":
        presenter.hint(event.stage, event.stages, event.text, event.solution);
        break;
      case "skipped":
        presenter.skipped(event.skip, event.expected, event.digits, event.solution);
        break;
      case "notice":
        presenter.notice(event.message);
        break;
      case "summary":
        presenter.summary(event.summary);
        break;
    }
  }
  return step.state;
}
