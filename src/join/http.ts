// One HTTP request to a session server, as a learner's client makes it: JSON in, JSON out, the
// answer's body read only up to a bound (a server that sends a gigabyte gets cut off, not held
// in memory), and the whole request given up after a timeout (a server that accepts the
// connection and then says nothing must not hang the learner for ever). `fetch` is passed in,
// so tests can play any server, hostile ones included.
import { readBoundedBody } from "../app/bounded-body";

/** The part of fetch the client uses (the global fetch fits). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal; redirect: "error" },
) => Promise<Response>;

/** Every answer's body is read up to this many bytes; the contract's are a few kilobytes. */
export const MAX_ANSWER_BYTES = 1024 * 1024;
/** A request that has not finished after this long counts as the server being unreachable. */
export const REQUEST_TIMEOUT_MS = 10_000;

export interface HttpAnswer {
  status: number;
  /** The parsed JSON body; null when there was none or it was not JSON. */
  body: unknown;
  /** Retry-After in milliseconds, when given in seconds. */
  retryAfterMs: number | null;
}

/** The server could not be reached, timed out, or answered 5xx: worth trying again. */
export class UnreachableError extends Error {
  override name = "UnreachableError";
}

/** The server answered something no session server sends (too large, not JSON): not retried. */
export class HostileAnswerError extends Error {
  override name = "HostileAnswerError";
}

export interface RequestOptions {
  method: "GET" | "POST";
  token?: string | null;
  body?: unknown;
  timeoutMs?: number;
  maxBytes?: number;
}

export async function requestJson(fetch: FetchLike, url: string, options: RequestOptions): Promise<HttpAnswer> {
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json; charset=utf-8";
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        method: options.method,
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        signal: controller.signal,
        // A redirect could send the learner's token elsewhere.
        redirect: "error",
      });
    } catch (error) {
      throw new UnreachableError(controller.signal.aborted ? `no answer within ${timeoutMs / 1000} s` : networkReason(error));
    }
    if (response.status >= 500) {
      await response.body?.cancel().catch(() => undefined);
      throw new UnreachableError(`the server answered ${response.status}`);
    }
    let raw: string;
    try {
      raw = await readBounded(response, options.maxBytes ?? MAX_ANSWER_BYTES);
    } catch (error) {
      if (error instanceof HostileAnswerError) throw error;
      throw new UnreachableError(controller.signal.aborted ? `no answer within ${timeoutMs / 1000} s` : networkReason(error));
    }
    let body: unknown = null;
    if (raw.trim() !== "") {
      try {
        body = JSON.parse(raw);
      } catch {
        throw new HostileAnswerError(`the server's answer (HTTP ${response.status}) is not JSON`);
      }
    }
    return { status: response.status, body, retryAfterMs: retryAfter(response.headers.get("retry-after")) };
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, refused (and the connection dropped) once it passes `max` bytes. */
function readBounded(response: Response, max: number): Promise<string> {
  return readBoundedBody(response, max, (detail) => new HostileAnswerError(`the server's answer is too large (${detail})`));
}

/** Retry-After as seconds (the form a rate limiter sends); an HTTP date or nonsense is ignored. */
function retryAfter(header: string | null): number | null {
  if (header === null || !/^\s*\d{1,6}\s*$/.test(header)) return null;
  return Number(header) * 1000;
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === "string") return cause.code;
  return error instanceof Error ? error.message : String(error);
}
