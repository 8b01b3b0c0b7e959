// The session server's HTTP side (Fastify): the learners' routes, the instructor's routes, the
// dashboard page and its live event stream. docs/live-sessions.md is the contract.
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { learnerNameProblemText } from "../quiz/learner-name";
import type { ClientEvent } from "./client-events";
import { errorBody, HttpError } from "./http-errors";
import type { LearnerRecord, LiveSession, TimingOutcome } from "./live-session";
import { joinPage, loginPage } from "./pages";
import { readActionBody, readExtendBody, readJoinBody } from "./request-checks";
import { REPORT_FORMATS, type ReportFormat, resultsZip, sessionReport } from "./session-report";
import { defaultDashboardDir, readStaticFiles } from "./static-files";
import { tokenHash } from "./tokens";

/** Learners' bodies (a name, an answer) and everything else's. */
export const LEARNER_BODY_LIMIT = 4 * 1024;
export const OTHER_BODY_LIMIT = 1024;
/** Actions a learner may send per second. */
export const ACTIONS_PER_SECOND = 10;
/** At most this many snapshots a second on one event stream. */
export const SNAPSHOT_INTERVAL_MS = 250;
export const KEEP_ALIVE_MS = 15_000;
export const COOKIE_NAME = "sigmoid_trainer_dashboard";

export interface ServerOptions {
  session: LiveSession;
  /** The clock (ms since the epoch). */
  now?: () => number;
  /** Where the dashboard's static files are. */
  dashboardDir?: string;
  /** The rate limit's window (ACTIONS_PER_SECOND actions in it); tests widen it so that timing never matters. */
  rateWindowMs?: number;
  /** The base URL the server is reached at, for the join page. */
  baseUrl?: () => string;
}

export interface SessionServer {
  app: FastifyInstance;
  /** Ends the event streams and stops listening for changes. */
  stop(): Promise<void>;
}

const CSP = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== "string") return null;
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header.trim());
  return match ? match[1]! : null;
}

function cookieToken(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (typeof header !== "string") return null;
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === COOKIE_NAME) {
      const token = value.join("=");
      return /^[A-Za-z0-9_-]{1,200}$/.test(token) ? token : null;
    }
  }
  return null;
}

export async function createServer(options: ServerOptions): Promise<SessionServer> {
  const { session } = options;
  const now = options.now ?? Date.now;
  const files = readStaticFiles(options.dashboardDir ?? defaultDashboardDir());
  const app = Fastify({ logger: false, bodyLimit: LEARNER_BODY_LIMIT, return503OnClosing: true, forceCloseConnections: true });

  // A login form posts `token=…`; nothing else is read as a form.
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: OTHER_BODY_LIMIT },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );

  await app.register(rateLimit, {
    global: false,
    keyGenerator: (request) => {
      const token = bearer(request);
      return token === null ? `ip:${request.ip}` : `token:${tokenHash(token)}`;
    },
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: "rate-limited",
      message: `too many actions at once (more than ${context.max} a second); try again in ${context.after}`,
    }),
  });

  app.addHook("onSend", async (request, reply, payload) => {
    reply.header("Content-Security-Policy", CSP);
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Referrer-Policy", "no-referrer");
    reply.header("X-Frame-Options", "DENY");
    if (request.url.startsWith("/api/") || request.url.startsWith("/j/")) reply.header("Cache-Control", "no-store");
    return payload;
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string; error?: string }, _request, reply) => {
    if (error instanceof HttpError) return reply.code(error.status).send(errorBody(error.code, error.message));
    const status = error.statusCode ?? 500;
    if (status === 429) return reply.code(429).send(errorBody("rate-limited", error.message));
    if (status === 413) return reply.code(413).send(errorBody("too-large", "the request body is too large"));
    if (status === 415) return reply.code(415).send(errorBody("bad-request", "the body must be JSON (application/json)"));
    if (status >= 400 && status < 500) return reply.code(400).send(errorBody("bad-request", "the body is not valid JSON"));
    return reply.code(500).send(errorBody("internal", "the server could not answer this request"));
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(errorBody("not-found", "no such page")));

  /** The route's session code must be this server's session. */
  const checkCode = (request: FastifyRequest) => {
    const { code } = request.params as { code: string };
    if (code !== session.code) throw new HttpError(404, "unknown-session", "no such session");
  };

  const learnerOf = async (request: FastifyRequest): Promise<LearnerRecord> => {
    checkCode(request);
    const token = bearer(request);
    if (token === null) throw new HttpError(401, "unauthorized", "a learner token is needed (Authorization: Bearer TOKEN)");
    const learner = await session.learnerByToken(token);
    if (learner === null || learner === "other") throw new HttpError(401, "unauthorized", "this token is not a learner's of this session");
    return learner;
  };

  const requireInstructor = async (request: FastifyRequest) => {
    checkCode(request);
    const token = bearer(request) ?? cookieToken(request);
    if (token === null) throw new HttpError(401, "unauthorized", "the instructor token is needed");
    if (session.isInstructor(token)) return;
    const learner = await session.learnerByToken(token);
    if (learner !== null && learner !== "other")
      throw new HttpError(403, "forbidden", "a learner's token cannot open the instructor's routes");
    throw new HttpError(401, "unauthorized", "wrong token");
  };

  const ended = () => new HttpError(410, "ended", "the session has ended");

  // ---- Learners ----

  app.get("/j/:code", async (request, reply) => {
    checkCode(request);
    await session.refresh();
    const accept = request.headers.accept ?? "";
    if (/text\/html/.test(accept) && !/application\/json/.test(accept)) {
      const base = options.baseUrl?.() ?? `http://${request.headers.host ?? "127.0.0.1"}`;
      return reply.type("text/html; charset=utf-8").send(joinPage(session.code, `${base}/j/${session.code}`));
    }
    return session.info();
  });

  // The session this server runs, for a client that has only the server's address.
  app.get("/api/session", async () => {
    await session.refresh();
    return session.info();
  });

  app.post("/api/sessions/:code/join", { bodyLimit: LEARNER_BODY_LIMIT }, async (request, reply) => {
    checkCode(request);
    const { name } = readJoinBody(request.body);
    const outcome = await session.join(name, bearer(request), now());
    if (!outcome.ok) {
      if (outcome.error === "bad-name") throw new HttpError(400, "bad-name", learnerNameProblemText(outcome.problem, "the name"));
      if (outcome.error === "name-taken") throw new HttpError(409, "name-taken", "this name is taken in the session; choose another");
      throw ended();
    }
    return reply.code(outcome.status).send({ learner: outcome.learner.id, token: outcome.token, name: outcome.learner.name });
  });

  app.get("/api/sessions/:code/state", async (request) => {
    const learner = await learnerOf(request);
    const events = await session.state(learner, now());
    // Additive: the session's pause and extra time beside the events.
    return { events, ...session.timing() };
  });

  app.post(
    "/api/sessions/:code/actions",
    { bodyLimit: LEARNER_BODY_LIMIT, config: { rateLimit: { max: ACTIONS_PER_SECOND, timeWindow: options.rateWindowMs ?? 1000 } } },
    async (request, reply) => {
      const learner = await learnerOf(request);
      const body = readActionBody(request.body);
      const outcome = await session.act(learner, body, now());
      if (!outcome.ok) {
        if (outcome.error === "id-reused") throw new HttpError(409, "id-reused", "this attempt id was used for another action");
        if (outcome.error === "paused") {
          // The learner is there, waiting for the resume: still connected on the dashboard.
          await session.touch(learner.id, now());
          throw new HttpError(423, "paused", "the instructor paused the session; send the same request again when it resumes");
        }
        throw ended();
      }
      // The events as they were stored, when they were: a retried request gets the very same bytes.
      if (outcome.eventsJson !== undefined) return reply.type("application/json; charset=utf-8").send(`{"events":${outcome.eventsJson}}`);
      return { events: outcome.events satisfies ClientEvent[] };
    },
  );

  app.post("/api/sessions/:code/heartbeat", { bodyLimit: OTHER_BODY_LIMIT }, async (request) => {
    const learner = await learnerOf(request);
    await session.touch(learner.id, now());
    // Additive: the session's pause, so that a client learns of it while its learner is thinking.
    return { ok: true, ...session.timing() };
  });

  // ---- The instructor ----

  const dashboardPage = (reply: FastifyReply) => {
    const index = files.get("index.html");
    if (!index) throw new HttpError(404, "not-found", "the dashboard page is not installed");
    return reply
      .type("text/html; charset=utf-8")
      .header("Cache-Control", "no-store")
      .send(index.body.toString("utf8").replaceAll("%SESSION%", session.code));
  };

  app.get("/dashboard", async (request, reply) => {
    const token = bearer(request) ?? cookieToken(request);
    if (token === null || !session.isInstructor(token))
      return reply
        .code(401)
        .type("text/html; charset=utf-8")
        .send(loginPage(token !== null));
    return dashboardPage(reply);
  });

  app.post("/dashboard/login", { bodyLimit: OTHER_BODY_LIMIT }, async (request, reply) => {
    const body = request.body as Record<string, unknown> | null;
    const token = body && typeof body.token === "string" ? body.token.trim() : "";
    if (!/^[A-Za-z0-9_-]{1,200}$/.test(token) || !session.isInstructor(token)) {
      return reply.code(401).type("text/html; charset=utf-8").send(loginPage(true));
    }
    return reply
      .code(303)
      .header("Set-Cookie", `${COOKIE_NAME}=${token}; HttpOnly; SameSite=Strict; Path=/`)
      .header("Location", "/dashboard")
      .send();
  });

  app.get("/dashboard/:file", async (request, reply) => {
    const { file } = request.params as { file: string };
    const found = file === "index.html" ? undefined : files.get(file);
    if (!found) throw new HttpError(404, "not-found", "no such file");
    return reply.type(found.type).send(found.body);
  });

  app.get("/api/sessions/:code/dashboard", async (request) => {
    await requireInstructor(request);
    return session.dashboard(now());
  });

  app.get("/api/sessions/:code/report", async (request, reply) => {
    await requireInstructor(request);
    const query = request.query as { format?: unknown; lang?: unknown };
    const format = (typeof query.format === "string" ? query.format.toLowerCase() : "md") as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) throw new HttpError(400, "bad-request", "format takes md, csv or json");
    const lang = query.lang === "ja" || query.lang === "en" ? query.lang : session.session.lang;
    const { text, learners } = sessionReport(await session.results(now()), session.course, format, lang);
    const type =
      format === "json" ? "application/json; charset=utf-8" : format === "csv" ? "text/csv; charset=utf-8" : "text/markdown; charset=utf-8";
    return reply.type(type).header("X-Sigmoid-Trainer-Learners", String(learners)).send(text);
  });

  app.get("/api/sessions/:code/export", async (request, reply) => {
    await requireInstructor(request);
    const zip = resultsZip(await session.results(now()));
    return reply
      .type("application/zip")
      .header("Content-Disposition", `attachment; filename="sigmoid-trainer-${session.code}.zip"`)
      .send(Buffer.from(zip));
  });

  app.post("/api/sessions/:code/end", { bodyLimit: OTHER_BODY_LIMIT }, async (request) => {
    await requireInstructor(request);
    await session.end(now());
    return { type: "ended", session: session.code };
  });

  // Pause, resume and extend: every learner at once. The answer is the session's timing after it.
  const timingAnswer = (outcome: TimingOutcome) => {
    if (outcome.ok) return { type: "timing", session: session.code, changed: outcome.changed, ...outcome.timing };
    if (outcome.error === "untimed") throw new HttpError(409, "untimed", "the session has no time limit to extend");
    throw ended();
  };

  app.post("/api/sessions/:code/pause", { bodyLimit: OTHER_BODY_LIMIT }, async (request) => {
    await requireInstructor(request);
    return timingAnswer(await session.pause(now()));
  });

  app.post("/api/sessions/:code/resume", { bodyLimit: OTHER_BODY_LIMIT }, async (request) => {
    await requireInstructor(request);
    return timingAnswer(await session.resume(now()));
  });

  app.post("/api/sessions/:code/extend", { bodyLimit: OTHER_BODY_LIMIT }, async (request) => {
    await requireInstructor(request);
    const { minutes } = readExtendBody(request.body);
    return timingAnswer(await session.extend(minutes, now()));
  });

  // ---- The live stream: a snapshot, then one after each change (at most 4 a second) ----
  const streams = new Set<() => void>();
  const streamEnds = new Set<() => void>();
  const unlisten = await session.onChange(() => {
    for (const changed of streams) changed();
  });
  const unfollowTiming = await session.followTiming();

  app.get("/api/sessions/:code/events", async (request, reply) => {
    await requireInstructor(request);
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Content-Security-Policy": CSP,
    });
    let closed = false;
    let lastSent = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let sending = false;
    let again = false;
    const send = async () => {
      if (closed) return;
      if (sending) {
        again = true;
        return;
      }
      sending = true;
      try {
        do {
          again = false;
          lastSent = Date.now();
          const model = await session.dashboard(now());
          if (!closed) out.write(`event: snapshot\ndata: ${JSON.stringify(model)}\n\n`);
        } while (again && !closed);
      } catch {
        // The next change tries again; the stream stays open.
      } finally {
        sending = false;
      }
    };
    const changed = () => {
      if (closed || timer !== null) return;
      const wait = Math.max(0, lastSent + SNAPSHOT_INTERVAL_MS - Date.now());
      timer = setTimeout(() => {
        timer = null;
        void send();
      }, wait);
    };
    const keepAlive = setInterval(() => {
      if (!closed) out.write(": keep-alive\n\n");
    }, KEEP_ALIVE_MS);
    const finish = () => {
      if (closed) return;
      closed = true;
      clearInterval(keepAlive);
      if (timer !== null) clearTimeout(timer);
      streams.delete(changed);
      streamEnds.delete(finish);
      out.end();
    };
    streams.add(changed);
    streamEnds.add(finish);
    request.raw.on("close", finish);
    await send();
  });

  return {
    app,
    async stop() {
      for (const finish of [...streamEnds]) finish();
      await unlisten();
      await unfollowTiming();
    },
  };
}
