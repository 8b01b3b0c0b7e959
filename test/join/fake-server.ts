// A session server played in process, as a `fetch`: it speaks the contract of
// docs/live-sessions.md with the real engine on the fixture course (so its events are the
// engine's, as the real server's are), keeps each action's answer by attempt id, and can be
// taken down and brought back, or told to answer like a hostile machine. With a time limit, each
// question says how long is left by the server's clock (`now`, which a test moves), and an action
// past a learner's deadline gets "time is up" and the summary, as the real server answers.
import { quizQueue } from "../../src/engine/plan";
import { answer, currentView, hint, quit, skip, start } from "../../src/engine/session";
import type { EngineEvent, SessionConfig, SessionState, Step } from "../../src/engine/types";
import type { FetchLike } from "../../src/join/http";
import { QUIZ_TEXT } from "../../src/quiz/texts";
import { COURSE } from "../engine/fixtures";

export const ORIGIN = "http://127.0.0.1:4999";
export const CODE = "ABCD2345";
export const JOIN_URL = `${ORIGIN}/j/${CODE}`;

interface Learner {
  name: string;
  token: string;
  state: SessionState;
  /** When the learner's time runs out on the server's clock, or null without a time limit. */
  deadline: number | null;
  /** The answer to each attempt id, with the body it answered. */
  answers: Map<string, { body: string; events: unknown[] }>;
  last: unknown[];
}

export interface FakeServerOptions {
  seed?: number;
  count?: number;
  feedback?: "now" | "end";
  hintsAllowed?: boolean;
  /** A time limit, from each learner's join (ms on the fake server's clock). */
  timeLimitMs?: number;
}

export class FakeServer {
  down = false;
  /** Requests seen, as `METHOD path`. */
  readonly seen: string[] = [];
  /** Graded answers per learner (what the server would count). */
  readonly graded = new Map<string, number>();
  heartbeats = 0;
  /** What a heartbeat's answer says of a pause (undefined: nothing, as an older server). */
  paused: boolean | undefined = undefined;
  /** When set, answers every request with this instead. */
  hostile: (() => Response) | null = null;
  private readonly learners = new Map<string, Learner>();
  private readonly config: SessionConfig;
  private nextToken = 1;
  now = Date.parse("2026-12-03T09:00:00.000Z");

  constructor(readonly options: FakeServerOptions = {}) {
    const seed = options.seed ?? 5;
    const count = options.count ?? 3;
    const skills = ["derivative-from-output", "derivative-value", "sigmoid-value"];
    this.config = {
      mode: "quiz",
      course: COURSE,
      queue: quizQueue(COURSE, skills, count, seed),
      count,
      seed,
      hintsAllowed: options.hintsAllowed ?? true,
      retryAllowed: false,
    };
  }

  /** The engine state of a learner, for checks. */
  /** The instructor adds time for everyone, as the real server's extend does. */
  extend(ms: number): void {
    for (const learner of this.learners.values()) if (learner.deadline !== null) learner.deadline += ms;
  }

  learner(name: string): SessionState | undefined {
    return this.learners.get(name)?.state;
  }

  readonly fetch: FetchLike = async (url, init) => {
    const path = new URL(url).pathname;
    this.seen.push(`${init.method} ${path}`);
    if (this.down) throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    if (this.hostile) return this.hostile();
    return this.route(init.method, path, init.headers.authorization?.replace(/^Bearer /, "") ?? null, init.body ?? null);
  };

  private route(method: string, path: string, token: string | null, body: string | null): Response {
    if (method === "GET" && path === `/j/${CODE}`) {
      return json(200, {
        type: "session",
        session: CODE,
        lang: "en",
        count: this.config.count,
        feedback: this.options.feedback ?? "now",
        hintsAllowed: this.config.hintsAllowed,
        timeLimitMinutes: this.options.timeLimitMs === undefined ? null : this.options.timeLimitMs / 60_000,
        state: "open",
      });
    }
    const api = `/api/sessions/${CODE}/`;
    if (!path.startsWith(api)) return json(404, { error: "not-found", message: "no such session" });
    const what = path.slice(api.length);
    if (what === "join") {
      const name = (JSON.parse(body ?? "{}") as { name: string }).name;
      const existing = this.learners.get(name);
      if (existing) {
        if (existing.token !== token) return json(409, { error: "name-taken", message: "taken" });
        return json(200, { learner: name, token, name });
      }
      const learner: Learner = {
        name,
        token: `token-${this.nextToken++}`,
        state: start(this.config, this.now).state,
        deadline: this.options.timeLimitMs === undefined ? null : this.now + this.options.timeLimitMs,
        answers: new Map(),
        last: [],
      };
      learner.last = this.visible(start(this.config, this.now), learner);
      this.learners.set(name, learner);
      return json(201, { learner: name, token: learner.token, name });
    }
    const learner = [...this.learners.values()].find((l) => l.token === token);
    if (!learner) return json(401, { error: "unauthorized", message: "no" });
    if (what === "heartbeat") {
      this.heartbeats++;
      return json(200, this.paused === undefined ? {} : { ok: true, paused: this.paused });
    }
    if (what === "state") {
      const view = currentView(learner.state);
      if (learner.state.finished) return json(200, { events: learner.last.filter((e) => (e as { type: string }).type === "summary") });
      return json(200, { events: view ? [{ type: "question", question: view, ...this.timeLeft(learner) }] : [] });
    }
    if (what === "actions") {
      const request = JSON.parse(body ?? "{}") as { id: string; action: string; text?: string };
      const before = learner.answers.get(request.id);
      if (before) return before.body === body ? json(200, { events: before.events }) : json(409, { error: "id-reused", message: "" });
      this.now += 1000;
      let step: Step;
      const late = learner.deadline !== null && this.now >= learner.deadline;
      if (late) {
        // Past the deadline nothing is graded: the quiz ends where it stands.
        step = quit(learner.state, learner.deadline ?? this.now);
        step = { ...step, events: [{ type: "notice", message: QUIZ_TEXT.timeUp }, ...step.events] };
      } else if (request.action === "answer") step = answer(learner.state, request.text ?? "", this.now);
      else if (request.action === "hint") step = hint(learner.state);
      else if (request.action === "skip") step = skip(learner.state, this.now);
      else step = quit(learner.state, this.now);
      const graded = step.events.filter((e) => e.type === "graded").length;
      this.graded.set(learner.name, (this.graded.get(learner.name) ?? 0) + graded);
      learner.state = step.state;
      const events = this.visible(step, learner, late);
      learner.last = events;
      learner.answers.set(request.id, { body: body ?? "", events });
      return json(200, { events });
    }
    return json(404, { error: "not-found", message: "" });
  }

  /** A question's deadline and time left, as the server sends them. */
  private timeLeft(learner: Learner): { deadline: string | null; remainingMs: number | null } {
    if (learner.deadline === null) return { deadline: null, remainingMs: null };
    return { deadline: new Date(learner.deadline).toISOString(), remainingMs: Math.max(0, learner.deadline - this.now) };
  }

  /** The events as the contract sends them: no `graded`, hidden values with --feedback end. */
  private visible(step: Step, learner: Learner, timeUp = false): unknown[] {
    const end = this.options.feedback === "end";
    const out: unknown[] = [];
    for (const event of step.events as EngineEvent[]) {
      if (event.type === "graded") continue;
      if (event.type === "question") {
        out.push({ type: "question", question: event.question, ...this.timeLeft(learner) });
      } else if (event.type === "feedback" && end && event.feedback.verdict !== "invalid") {
        out.push({
          type: "feedback",
          feedback: {
            ...event.feedback,
            verdict: "recorded",
            expected: null,
            solution: null,
            diagnosis: null,
            carried: null,
            message: { ja: "答えを記録しました。", en: "Answer recorded." },
          },
        });
      } else if (event.type === "skipped" && end) {
        out.push({ ...event, expected: null, solution: null });
      } else if (event.type === "summary") {
        const results = step.state.plan.map((_, index) => ({
          number: index + 1,
          verdicts: step.state.attempts.filter((a) => a.index === index).map((a) => a.verdict),
        }));
        const unanswered = step.state.plan.length - event.summary.finished - event.summary.skipped;
        const ending = timeUp ? "time-up" : event.summary.quit ? "quit" : "completed";
        out.push({
          type: "summary",
          summary: event.summary,
          score: event.summary.correct,
          scoreOf: step.state.plan.length,
          results,
          unanswered,
          ending,
          timeUp,
        });
      } else {
        out.push(event);
      }
    }
    return JSON.parse(JSON.stringify(out)) as unknown[];
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}
