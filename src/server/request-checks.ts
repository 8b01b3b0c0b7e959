// The shapes of the learners' request bodies, checked by hand so that each refusal says which
// field is wrong and how. Pure.
import { ACTION_KINDS, type ActionKind } from "./replay";
import { HttpError } from "./http-errors";
import { MAX_EXTEND_MINUTES } from "./session-changes";

/** An answer longer than this is refused (the longest real answer is a formula of a few dozen characters). */
export const MAX_ANSWER_LENGTH = 200;
/** Larger than any learner's name (80 characters, up to 4 bytes each), far below the body limit. */
export const MAX_NAME_FIELD = 400;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function object(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw new HttpError(400, "bad-request", "the body must be a JSON object");
  return body as Record<string, unknown>;
}

function onlyKeys(body: Record<string, unknown>, keys: readonly string[]): void {
  const extra = Object.keys(body).find((k) => !keys.includes(k));
  if (extra !== undefined) throw new HttpError(400, "bad-request", `unknown field "${extra.slice(0, 40)}"`);
}

export function readJoinBody(body: unknown): { name: string } {
  const fields = object(body);
  onlyKeys(fields, ["name"]);
  const { name } = fields;
  if (typeof name !== "string") throw new HttpError(400, "bad-request", '"name" must be a string');
  if (name.length > MAX_NAME_FIELD) throw new HttpError(400, "bad-name", "the name is too long");
  return { name };
}

export function readActionBody(body: unknown): { id: string; action: ActionKind; text: string | null } {
  const fields = object(body);
  onlyKeys(fields, ["id", "action", "text"]);
  const { id, action, text } = fields;
  if (typeof id !== "string" || !UUID.test(id)) throw new HttpError(400, "bad-request", '"id" must be a UUID');
  if (typeof action !== "string" || !(ACTION_KINDS as readonly string[]).includes(action)) {
    throw new HttpError(400, "bad-request", `"action" must be one of ${ACTION_KINDS.join(", ")}`);
  }
  if (action === "answer") {
    if (typeof text !== "string") throw new HttpError(400, "bad-request", '"text" must be a string with "answer"');
    if (text.length > MAX_ANSWER_LENGTH) throw new HttpError(400, "bad-request", `"text" is longer than ${MAX_ANSWER_LENGTH} characters`);
    const unstorable = unstorableAt(text);
    if (unstorable !== null)
      throw new HttpError(400, "bad-request", `"text" has a character that cannot be stored at position ${unstorable + 1}`);
    return { id: id.toLowerCase(), action, text };
  }
  if (text !== undefined) throw new HttpError(400, "bad-request", '"text" goes only with "answer"');
  return { id: id.toLowerCase(), action: action as ActionKind, text: null };
}

/** `{"minutes":N}`: the minutes an extension adds, a whole number from 1 to MAX_EXTEND_MINUTES. */
export function readExtendBody(body: unknown): { minutes: number } {
  const fields = object(body);
  onlyKeys(fields, ["minutes"]);
  const { minutes } = fields;
  if (typeof minutes !== "number" || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_EXTEND_MINUTES)
    throw new HttpError(400, "bad-request", `"minutes" must be a whole number from 1 to ${MAX_EXTEND_MINUTES}`);
  return { minutes };
}

/**
 * The index of the first character PostgreSQL cannot store in text or jsonb (NUL, or half of a
 * surrogate pair), or null. Refused here so that such an answer never reaches the statement
 * that stores a whole batch of answers.
 */
export function unstorableAt(text: string): number | null {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return i;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (code >= 0xdc00 && code <= 0xdfff) return i;
  }
  return null;
}
