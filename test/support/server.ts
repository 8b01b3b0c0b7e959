// A session server in the test's process, on a shared test database, driven with Fastify's
// inject() (no socket): a learner joins, answers, and the instructor reads what the server made.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCourseDirs } from "../../src/cli/content-dirs";
import type { Course } from "../../src/content/model";
import type { QuizSettings } from "../../src/quiz/settings";
import { createServer, type SessionServer } from "../../src/server/app";
import type { FeedbackMode } from "../../src/server/client-events";
import type { Database } from "../../src/server/database";
import { LiveSession } from "../../src/server/live-session";
import { ROOT } from "./cli";

let course: Course | null = null;

/** The shipped course, loaded once per test file. */
export async function shippedCourse(): Promise<Course> {
  if (course) return course;
  const loaded = await loadCourseDirs([], {
    cwd: ROOT,
    env: { SIGMOID_TRAINER_HOME: mkdtempSync(join(tmpdir(), "sigmoid-server-home-")) },
  });
  if (!loaded.ok) throw new Error("the shipped course does not load");
  course = loaded.course;
  return course;
}

/** A response body as JSON.parse gives it: tests read it by the contract's shapes. */
export type Json = ReturnType<typeof JSON.parse>;

export const SETTINGS: QuizSettings = { seed: 42, count: 4, skills: [], timeLimitMinutes: null, hintsAllowed: true };

export interface TestServer extends SessionServer {
  session: LiveSession;
  clock: { now: number };
  learnerHeaders(token: string): Record<string, string>;
  instructorHeaders(): Record<string, string>;
  /** Joins as `name`; returns the learner's token. */
  join(name: string): Promise<string>;
  /** Sends one action; returns the response's JSON. */
  act(token: string, action: string, text?: string, id?: string): Promise<{ status: number; body: Json }>;
}

export async function startTestServer(
  db: Database,
  options: { settings?: Partial<QuizSettings>; feedback?: FeedbackMode; lang?: "ja" | "en"; rateWindowMs?: number } = {},
): Promise<TestServer> {
  const clock = { now: Date.parse("2026-12-03T10:00:00.000Z") };
  const session = await LiveSession.create(db, await shippedCourse(), "0.0.0-test", {
    settings: { ...SETTINGS, ...options.settings },
    lang: options.lang ?? "en",
    feedback: options.feedback ?? "now",
    now: clock.now,
  });
  const server = await createServer({
    session,
    now: () => clock.now,
    ...(options.rateWindowMs ? { rateWindowMs: options.rateWindowMs } : {}),
  });
  const learnerHeaders = (token: string) => ({ authorization: `Bearer ${token}` });
  return {
    ...server,
    session,
    clock,
    learnerHeaders,
    instructorHeaders: () => ({ authorization: `Bearer ${session.session.instructorToken}` }),
    async join(name) {
      const res = await server.app.inject({ method: "POST", url: `/api/sessions/${session.code}/join`, payload: { name } });
      if (res.statusCode !== 201) throw new Error(`join ${name}: ${res.statusCode} ${res.body}`);
      return res.json().token;
    },
    async act(token, action, text, id = crypto.randomUUID()) {
      const res = await server.app.inject({
        method: "POST",
        url: `/api/sessions/${session.code}/actions`,
        headers: learnerHeaders(token),
        payload: text === undefined ? { id, action } : { id, action, text },
      });
      return { status: res.statusCode, body: res.json() };
    },
  };
}
