// Plain text or JSON lines: the one choice every plain front end (practice, review, quiz) makes,
// from --json. The text presenter is handed back too, for the lines a front end adds itself.
import type { Readable, Writable } from "node:stream";
import type { Lang } from "../core/i18n";
import type { Presenter } from "./driver";
import { type JsonPresenterOptions, jsonPresenter } from "./json-presenter";
import { textPresenter } from "./text-presenter";

/** The front end's own options, as plain practice and the plain quiz name them. */
export interface PresenterChoice {
  json: boolean;
  stdout: Writable;
  lang: Lang;
  ascii: boolean;
  /** Show "> " before each answer (plain text at a terminal). */
  showPrompt: boolean;
  /** The terminal's width, to wrap plain text; absent for whole lines. */
  columns?: (() => number | undefined) | undefined;
}

/** A line-by-line front end's console: where lines come from and go, and how they are shown. */
export interface PlainConsole extends PresenterChoice {
  stdin: Readable;
  stderr: Writable;
}

/** `jsonExtras`: what the JSON lines add to the engine's fields. */
export function choosePresenter(
  choice: PresenterChoice,
  jsonExtras: Pick<JsonPresenterOptions, "summaryExtra" | "questionExtra" | "hideExpectedWhenInvalid">,
): { presenter: Presenter; text: ReturnType<typeof textPresenter> | null } {
  const { stdout: out, lang, ascii } = choice;
  if (choice.json) return { presenter: jsonPresenter({ out, lang, ascii, ...jsonExtras }), text: null };
  const text = textPresenter({ out, lang, ascii, showPrompt: choice.showPrompt, ...(choice.columns ? { columns: choice.columns } : {}) });
  return { presenter: text, text };
}
