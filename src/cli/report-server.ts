// `report --server URL --token T`: the report of a live session, printed as the server's report
// route gives it (the same text `report FILE…` prints for the session's result files). The
// answer comes from the network, so it is bounded in size and time, and any control or bidi
// character in it is shown as an escape rather than sent to the terminal.
import { readBoundedBody } from "../app/bounded-body";
import { visibleText } from "../core/visible-text";
import { UsageError } from "./args";
import { UserError } from "./io";

/** A report of a few hundred learners is well under a megabyte. */
export const MAX_REPORT_BYTES = 16 * 1024 * 1024;
export const REPORT_TIMEOUT_MS = 30_000;

/** The server's base URL from what the instructor has at hand: the base, join or dashboard address. */
export function serverBase(given: string): URL {
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new UsageError(`report: --server takes the session's address (http://HOST:PORT), got "${given}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UsageError(`report: --server takes an http:// or https:// address, got "${given}"`);
  return new URL(`${url.protocol}//${url.host}`);
}

export interface ServerReport {
  text: string;
  learners: number | null;
}

function boundedText(response: Response, limit: number): Promise<string> {
  return readBoundedBody(
    response,
    limit,
    () => new UserError(`report: the server's answer is larger than ${limit / (1024 * 1024)} MiB; not printed`),
  );
}

function messageOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return visibleText(cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error)));
}

async function get(url: URL, token: string): Promise<Response> {
  try {
    return await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: "application/json, text/*" },
      redirect: "error",
      signal: AbortSignal.timeout(REPORT_TIMEOUT_MS),
    });
  } catch (error) {
    if ((error as Error).name === "TimeoutError")
      throw new UserError(`report: the server at ${url.host} did not answer within ${REPORT_TIMEOUT_MS / 1000} s`);
    throw new UserError(`report: cannot reach the server at ${url.host}: ${messageOf(error)}`);
  }
}

async function refusal(response: Response): Promise<UserError> {
  if (response.status === 401 || response.status === 403)
    return new UserError("report: the server refused the token (give the instructor token serve printed)");
  let message = `the server answered ${response.status}`;
  try {
    const body = JSON.parse(await boundedText(response, 64 * 1024)) as { message?: unknown };
    if (typeof body.message === "string") message += `: ${visibleText(body.message.slice(0, 200))}`;
  } catch {
    // Not the server's JSON error: the status says enough.
  }
  return new UserError(`report: ${message}`);
}

/** Line ends kept (CSV's CRLF too); every other control or bidi character escaped. */
function shown(text: string): string {
  return text
    .split("\r\n")
    .map((line) => visibleText(line, { keepLines: true }))
    .join("\r\n");
}

export async function fetchServerReport(server: string, token: string, format: string, lang: string): Promise<ServerReport> {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(token)) throw new UsageError("report: --token takes the instructor token serve printed");
  const base = serverBase(server);
  const info = await get(new URL("/api/session", base), token);
  if (!info.ok) throw await refusal(info);
  let code: unknown;
  try {
    code = (JSON.parse(await boundedText(info, 64 * 1024)) as { session?: unknown }).session;
  } catch {
    code = undefined;
  }
  if (typeof code !== "string" || !/^[0-9A-Z]{8}$/.test(code))
    throw new UserError(`report: ${base.host} is not a sigmoid-trainer session server`);
  const response = await get(new URL(`/api/sessions/${code}/report?format=${format}&lang=${lang}`, base), token);
  if (!response.ok) throw await refusal(response);
  const learners = Number(response.headers.get("x-sigmoid-trainer-learners"));
  return { text: shown(await boundedText(response, MAX_REPORT_BYTES)), learners: Number.isFinite(learners) ? learners : null };
}
