import type { ChildProcess } from "node:child_process";

export interface ReadyLine {
  type: "ready";
  session: string;
  url: string;
  join: string;
  dashboard: string;
  token: string;
  [key: string]: unknown;
}

export interface RunningServe {
  ready: ReadyLine;
  child: ChildProcess;
  pid: number;
  /** Every JSON line after the ready line. */
  lines: Array<{ type: string; [key: string]: unknown }>;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startServe(
  cli: string,
  args: readonly string[],
  options?: { env?: Record<string, string | undefined>; cwd?: string; nodeArgs?: readonly string[]; timeoutMs?: number },
): Promise<RunningServe>;

export function peakRss(pid: number): Promise<number | null>;

export interface HttpResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON body as the server sent it
  body: any;
  ms: number;
  headers: Headers;
}

export function request(
  url: string,
  options?: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> },
): Promise<HttpResponse>;

export interface QuestionView {
  number: number;
  total: number;
  quantity: string;
  part: number;
  parts: number;
  params: Record<string, number>;
  [key: string]: unknown;
}

export class HttpLearner {
  constructor(url: string, session: string, name: string);
  url: string;
  session: string;
  name: string;
  token: string | null;
  question: QuestionView | null;
  // biome-ignore lint/suspicious/noExplicitAny: the summary event as the server sent it
  summary: any;
  events: Array<{ type: string; [key: string]: unknown }>;
  join(): Promise<HttpResponse>;
  state(): Promise<HttpResponse>;
  act(action: "answer" | "hint" | "skip" | "quit", text?: string, id?: string): Promise<HttpResponse & { id: string }>;
}

export function rightAnswerFor(question: QuestionView): string;
export function sigmoidForDerivativeFor(question: QuestionView): string;
