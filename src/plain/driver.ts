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

/** What a typed line asks of the session: an answer, or a command that acts on it. */
export type LineAction = { kind: "answer"; text: string } | { kind: "hint" | "skip" | "retry" | "quit" };

/**
 * The line loop of every plain front end, whoever grades: until `finished()`, prompt, read a line
 * and hand what it asks for to `act`; `:help` and an unknown command are answered here. The end
 * of input quits, and the loop ends with it.
 */
export async function runLineLoop(
  lines: LineReader,
  presenter: Presenter,
  finished: () => boolean,
  act: (action: LineAction) => void | Promise<void>,
): Promise<void> {
  while (!finished()) {
    presenter.prompt();
    const line = await lines.next();
    if (line === null) {
      await act({ kind: "quit" });
      return;
    }
    const command = readCommand(line);
    if (command === null) await act({ kind: "answer", text: line });
    else if (command.command === "help") presenter.help();
    else if (command.command === null) presenter.unknownCommand(command.typed);
    else await act({ kind: command.command });
  }
}

/** A session graded here, by the engine: the line loop over its steps. */
export async function driveSession(first: Step, lines: LineReader, presenter: Presenter, hooks: DriverHooks): Promise<SessionState> {
  let state = show(first, presenter, hooks);
  await runLineLoop(
    lines,
    presenter,
    () => state.finished,
    (action) => {
      state = show(engineStep(state, action, hooks.now()), presenter, hooks);
    },
  );
  return state;
}

function engineStep(state: SessionState, action: LineAction, at: number): Step {
  switch (action.kind) {
    case "answer":
      return answer(state, action.text, at);
    case "hint":
      return hint(state);
    case "skip":
      return skip(state, at);
    case "retry":
      return retry(state, at);
    case "quit":
      return quit(state, at);
  }
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
