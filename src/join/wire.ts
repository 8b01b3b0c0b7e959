// What a session server sends a learner's client, checked field by field before anything is
// shown. The server is someone else's machine: a body of the wrong shape is refused as a whole
// (never half-shown), and the checks are written by hand rather than with zod, because the
// full-screen trainer bundles this file and its bundle stays free of zod (start-up time).
//
// The events are the engine's (src/engine/types.ts) as JSON, with what the learner may not see
// yet set to null, and every localized text in both languages.
import type { Localized } from "../core/i18n";
import { isQuantityId, type QuantityId } from "../core/quantities";
import type { Verdict } from "../core/types";
import type { CarriedForward, QuestionReason, QuestionView, SkipRecord, Summary } from "../engine/types";

/** `recorded`: a server with --feedback end took the answer without saying whether it is right. */
export type RemoteVerdict = Verdict | "recorded";

export interface RemoteFeedback {
  templateId: string;
  part: number;
  parts: number;
  answer: string;
  verdict: RemoteVerdict;
  /** Null until the question's last part is graded, and always with --feedback end. */
  expected: number | string | null;
  digits: number;
  parsed: number | null;
  readAs: string | null;
  diagnosis: string | null;
  message: Localized;
  carried: CarriedForward | null;
  solution: Localized | null;
  solutionSeen: boolean;
  position: number | null;
}

export type RemoteEvent =
  | { type: "question"; question: QuestionView; deadline: string | null; remainingMs: number | null }
  | { type: "feedback"; feedback: RemoteFeedback }
  | { type: "hint"; stage: number; stages: number; text: Localized; solution: boolean }
  | { type: "skipped"; skip: SkipRecord; expected: number | string | null; digits: number; solution: Localized | null }
  | { type: "notice"; message: Localized }
  | { type: "summary"; summary: Summary; score: number; scoreOf: number; results: unknown[]; extra: SummaryExtra };

/** What a server may say of the quiz beside the engine's summary (all optional). */
export interface SummaryExtra {
  unanswered?: number;
  ending?: string;
  timeUp?: boolean;
  seed?: number;
  contentVersion?: string;
}

export interface SessionInfo {
  session: string;
  lang: "ja" | "en";
  count: number;
  feedback: "now" | "end";
  hintsAllowed: boolean;
  timeLimitMinutes: number | null;
  state: "open" | "ended";
}

export interface JoinAnswer {
  learner: string;
  token: string;
  name: string;
}

/** Thrown for a body that is not what the contract says; `where` names the field. */
export class ShapeError extends Error {
  override name = "ShapeError";
  constructor(readonly where: string) {
    super(`the server's answer is not what a session server sends (at ${where})`);
  }
}

/** Texts longer than this are refused: no question, hint or solution comes near it. */
const MAX_TEXT = 8000;
const MAX_LIST = 200;
const REASONS = new Set<QuestionReason>(["new", "review", "mistake", "more", "retry"]);
const VERDICTS = new Set<RemoteVerdict>(["correct", "imprecise", "incorrect", "invalid", "recorded"]);

type Json = Record<string, unknown>;

function object(value: unknown, where: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ShapeError(where);
  return value as Json;
}

function text(value: unknown, where: string, max = MAX_TEXT): string {
  if (typeof value !== "string" || value.length > max) throw new ShapeError(where);
  return value;
}

function nullable<T>(value: unknown, read: (v: unknown) => T): T | null {
  return value === null || value === undefined ? null : read(value);
}

function int(value: unknown, where: string, min = 0, max = 1_000_000): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) throw new ShapeError(where);
  return value;
}

function finite(value: unknown, where: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new ShapeError(where);
  return value;
}

function bool(value: unknown, where: string): boolean {
  if (typeof value !== "boolean") throw new ShapeError(where);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: ReadonlySet<T>, where: string): T {
  if (typeof value !== "string" || !allowed.has(value as T)) throw new ShapeError(where);
  return value as T;
}

function quantity(value: unknown, where: string): QuantityId {
  if (typeof value !== "string" || !isQuantityId(value)) throw new ShapeError(where);
  return value;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value) || value.length > MAX_LIST) throw new ShapeError(where);
  return value;
}

/** `{"ja":…,"en":…}`: both languages, as the contract says every localized text is sent. */
export function readLocalized(value: unknown, where: string): Localized {
  const o = object(value, where);
  return { ja: text(o.ja, `${where}.ja`), en: text(o.en, `${where}.en`) };
}

/** A number or a formula's text. */
function answerValue(value: unknown, where: string): number | string {
  return typeof value === "number" ? finite(value, where) : text(value, where, 400);
}

function params(value: unknown, where: string): Record<string, number> {
  const o = object(value, where);
  const out: Record<string, number> = {};
  const keys = Object.keys(o);
  if (keys.length > 20) throw new ShapeError(where);
  for (const key of keys) out[text(key, where, 40)] = finite(o[key], `${where}.${key}`);
  return out;
}

function readQuestion(value: unknown, where: string): QuestionView {
  const q = object(value, where);
  return {
    number: int(q.number, `${where}.number`, 1),
    total: int(q.total, `${where}.total`, 1),
    templateId: text(q.templateId, `${where}.templateId`, 200),
    skill: text(q.skill, `${where}.skill`, 200),
    quantity: quantity(q.quantity, `${where}.quantity`),
    part: int(q.part, `${where}.part`),
    parts: int(q.parts, `${where}.parts`, 1),
    params: params(q.params, `${where}.params`),
    digits: int(q.digits, `${where}.digits`, 0, 30),
    prompt: readLocalized(q.prompt, `${where}.prompt`),
    given: list(q.given ?? [], `${where}.given`).map((g, i) => {
      const o = object(g, `${where}.given[${i}]`);
      return {
        name: text(o.name, `${where}.given[${i}].name`, 200),
        value: finite(o.value, `${where}.given[${i}].value`),
        text: readLocalized(o.text, `${where}.given[${i}].text`),
      };
    }),
    reason: oneOf(q.reason ?? "new", REASONS, `${where}.reason`),
    hintStages: int(q.hintStages ?? 0, `${where}.hintStages`),
    hintsShown: int(q.hintsShown ?? 0, `${where}.hintsShown`),
  };
}

function readCarried(value: unknown, where: string): CarriedForward | null {
  if (value === null || value === undefined) return null;
  const c = object(value, where);
  // Before the last part is graded the server hides carriedExpected (null); 0 stands in, and the
  // presenters show it only with the last part's feedback, when it is sent.
  return {
    fromPart: int(c.fromPart, `${where}.fromPart`),
    fromQuantity: quantity(c.fromQuantity, `${where}.fromQuantity`),
    learnerValue: finite(c.learnerValue, `${where}.learnerValue`),
    carriedExpected: c.carriedExpected === null ? Number.NaN : finite(c.carriedExpected, `${where}.carriedExpected`),
  };
}

function readFeedback(value: unknown, where: string): RemoteFeedback {
  const f = object(value, where);
  return {
    templateId: text(f.templateId, `${where}.templateId`, 200),
    part: int(f.part, `${where}.part`),
    parts: int(f.parts, `${where}.parts`, 1),
    answer: text(f.answer ?? "", `${where}.answer`, 1000),
    verdict: oneOf(f.verdict, VERDICTS, `${where}.verdict`),
    expected: nullable(f.expected, (v) => answerValue(v, `${where}.expected`)),
    digits: int(f.digits ?? 0, `${where}.digits`, 0, 30),
    parsed: nullable(f.parsed, (v) => finite(v, `${where}.parsed`)),
    readAs: nullable(f.readAs, (v) => text(v, `${where}.readAs`, 1000)),
    diagnosis: nullable(f.diagnosis, (v) => text(v, `${where}.diagnosis`, 100)),
    message: readLocalized(f.message, `${where}.message`),
    carried: readCarried(f.carried, `${where}.carried`),
    solution: nullable(f.solution, (v) => readLocalized(v, `${where}.solution`)),
    solutionSeen: f.solutionSeen === undefined ? false : bool(f.solutionSeen, `${where}.solutionSeen`),
    position: nullable(f.position, (v) => int(v, `${where}.position`, 1)),
  };
}

function readSkip(value: unknown, where: string): SkipRecord {
  const s = object(value, where);
  return {
    templateId: text(s.templateId, `${where}.templateId`, 200),
    skill: text(s.skill, `${where}.skill`, 200),
    variantSeed: finite(s.variantSeed ?? 0, `${where}.variantSeed`),
    params: params(s.params ?? {}, `${where}.params`),
    part: int(s.part, `${where}.part`),
    hintsUsed: int(s.hintsUsed ?? 0, `${where}.hintsUsed`),
    reason: oneOf(s.reason ?? "new", REASONS, `${where}.reason`),
    index: int(s.index ?? 0, `${where}.index`),
    at: finite(s.at ?? 0, `${where}.at`),
  };
}

function readSummary(value: unknown, where: string): Summary {
  const s = object(value, where);
  const count = (key: string) => int(s[key], `${where}.${key}`);
  const mistakes = object(s.mistakes ?? {}, `${where}.mistakes`);
  const mistakeCounts: Record<string, number> = {};
  if (Object.keys(mistakes).length > MAX_LIST) throw new ShapeError(`${where}.mistakes`);
  for (const [id, n] of Object.entries(mistakes)) mistakeCounts[text(id, `${where}.mistakes`, 100)] = int(n, `${where}.mistakes.${id}`);
  return {
    questions: count("questions"),
    finished: count("finished"),
    attempts: count("attempts"),
    correct: count("correct"),
    imprecise: count("imprecise"),
    incorrect: count("incorrect"),
    carried: count("carried"),
    skipped: count("skipped"),
    hintsUsed: count("hintsUsed"),
    mistakes: mistakeCounts,
    quit: bool(s.quit, `${where}.quit`),
    durationMs: finite(s.durationMs ?? 0, `${where}.durationMs`),
  };
}

export function readEvent(value: unknown, where: string): RemoteEvent {
  const e = object(value, where);
  switch (e.type) {
    case "question":
      return {
        type: "question",
        question: readQuestion(e.question, `${where}.question`),
        deadline: nullable(e.deadline, (v) => text(v, `${where}.deadline`, 40)),
        remainingMs: nullable(e.remainingMs, (v) => finite(v, `${where}.remainingMs`)),
      };
    case "feedback":
      return { type: "feedback", feedback: readFeedback(e.feedback, `${where}.feedback`) };
    case "hint":
      return {
        type: "hint",
        stage: int(e.stage, `${where}.stage`),
        stages: int(e.stages, `${where}.stages`),
        text: readLocalized(e.text, `${where}.text`),
        solution: bool(e.solution, `${where}.solution`),
      };
    case "skipped":
      return {
        type: "skipped",
        skip: readSkip(e.skip, `${where}.skip`),
        expected: nullable(e.expected, (v) => answerValue(v, `${where}.expected`)),
        digits: int(e.digits ?? 0, `${where}.digits`, 0, 30),
        solution: nullable(e.solution, (v) => readLocalized(v, `${where}.solution`)),
      };
    case "notice":
      return { type: "notice", message: readLocalized(e.message, `${where}.message`) };
    case "summary":
      return {
        type: "summary",
        summary: readSummary(e.summary, `${where}.summary`),
        score: int(e.score ?? 0, `${where}.score`),
        scoreOf: int(e.scoreOf ?? 0, `${where}.scoreOf`),
        results: e.results === undefined ? [] : list(e.results, `${where}.results`),
        extra: {
          ...(e.unanswered !== undefined ? { unanswered: int(e.unanswered, `${where}.unanswered`) } : {}),
          ...(e.ending !== undefined ? { ending: text(e.ending, `${where}.ending`, 40) } : {}),
          ...(e.timeUp !== undefined ? { timeUp: bool(e.timeUp, `${where}.timeUp`) } : {}),
          ...(e.seed !== undefined ? { seed: int(e.seed, `${where}.seed`, 0, Number.MAX_SAFE_INTEGER) } : {}),
          ...(e.contentVersion !== undefined ? { contentVersion: text(e.contentVersion, `${where}.contentVersion`, 200) } : {}),
        },
      };
    default:
      throw new ShapeError(`${where}.type`);
  }
}

/** The `paused` a heartbeat's answer carries: null when it has none (an older server) or it is not a boolean. */
export function readPaused(body: unknown): boolean | null {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return null;
  const paused = (body as { paused?: unknown }).paused;
  return typeof paused === "boolean" ? paused : null;
}

/** `{"events":[…]}`: the answer to a state request or an action. */
export function readEvents(body: unknown): RemoteEvent[] {
  const o = object(body, "body");
  return list(o.events, "events").map((e, i) => readEvent(e, `events[${i}]`));
}

export function readSessionInfo(body: unknown): SessionInfo {
  const o = object(body, "body");
  return {
    session: text(o.session, "session", 40),
    lang: oneOf(o.lang, new Set(["ja", "en"] as const), "lang"),
    count: int(o.count, "count"),
    feedback: oneOf(o.feedback, new Set(["now", "end"] as const), "feedback"),
    hintsAllowed: bool(o.hintsAllowed, "hintsAllowed"),
    timeLimitMinutes: nullable(o.timeLimitMinutes, (v) => finite(v, "timeLimitMinutes")),
    state: oneOf(o.state, new Set(["open", "ended"] as const), "state"),
  };
}

export function readJoinAnswer(body: unknown): JoinAnswer {
  const o = object(body, "body");
  const learner = o.learner;
  return {
    learner: typeof learner === "number" ? String(int(learner, "learner")) : text(learner, "learner", 100),
    token: text(o.token, "token", 200),
    name: text(o.name, "name", 400),
  };
}

/** `{"error": CODE, "message": TEXT}`, or null when the body is not one. */
export function readError(body: unknown): { error: string; message: string } | null {
  if (typeof body !== "object" || body === null) return null;
  const o = body as Json;
  if (typeof o.error !== "string" || o.error.length > 100) return null;
  return { error: o.error, message: typeof o.message === "string" ? o.message.slice(0, 500) : "" };
}
