// Requests a learner or a stranger should not be able to make: each is refused with the right
// status and the database is exactly as before (rows counted before and after).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../support/server-db";
import { startTestServer, type TestServer } from "../support/server";

let database: TestDatabase;
let server: TestServer;
let other: TestServer;
let token: string;
let code: string;

beforeAll(async () => {
  database = await openTestDatabase();
  server = await startTestServer(database.db);
  other = await startTestServer(database.db);
  code = server.session.code;
  token = await server.join("Aiko");
  await server.act(token, "answer", "0.5");
});
afterAll(async () => {
  await server?.stop();
  await other?.stop();
  await database?.cleanup();
});

/** Everything a refused request could have changed. */
async function snapshot(): Promise<string> {
  const db = database.db;
  const rows = await Promise.all([
    db.query("SELECT code, ended_at, settings FROM sessions ORDER BY code"),
    db.query("SELECT id, session_code, name, token_hash FROM learners ORDER BY id"),
    db.query("SELECT learner_id, seq, attempt_id, kind, text, at FROM actions ORDER BY learner_id, seq"),
    db.query("SELECT count(*)::int AS n FROM attempts"),
    db.query("SELECT session_code, seq, kind, at, minutes FROM session_changes ORDER BY session_code, seq"),
  ]);
  return JSON.stringify(rows);
}

async function refused(
  request: { method?: "GET" | "POST"; url: string; headers?: Record<string, string>; payload?: unknown; body?: string },
  status: number,
  error?: string,
) {
  const before = await snapshot();
  const res = await server.app.inject({
    method: request.method ?? "GET",
    url: request.url,
    headers: { ...(request.body !== undefined ? { "content-type": "application/json" } : {}), ...request.headers },
    ...(request.payload !== undefined ? { payload: request.payload as object } : {}),
    ...(request.body !== undefined ? { body: request.body } : {}),
  });
  expect(res.statusCode, `${request.method ?? "GET"} ${request.url}: ${res.body}`).toBe(status);
  if (error !== undefined) expect(res.json().error).toBe(error);
  expect(res.headers["access-control-allow-origin"]).toBeUndefined();
  expect(await snapshot()).toBe(before);
  return res;
}

const uuid = () => crypto.randomUUID();

describe("the server refuses", () => {
  it("learner routes without a token, with a forged one, or with another session's", async () => {
    const forged = "A".repeat(43);
    const otherToken = await other.join("Aiko");
    const variants: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${forged}` },
      { authorization: `Bearer ${otherToken}` },
      { authorization: "Basic abc" },
    ];
    for (const headers of variants) {
      await refused({ url: `/api/sessions/${code}/state`, headers }, 401, "unauthorized");
      await refused(
        { method: "POST", url: `/api/sessions/${code}/actions`, headers, payload: { id: uuid(), action: "answer", text: "0.88" } },
        401,
        "unauthorized",
      );
      await refused({ method: "POST", url: `/api/sessions/${code}/heartbeat`, headers }, 401, "unauthorized");
    }
  });

  it("instructor routes without a token or with a forged one (401), and with a learner's (403)", async () => {
    const routes = [
      { url: `/api/sessions/${code}/dashboard` },
      { url: `/api/sessions/${code}/report?format=json` },
      { url: `/api/sessions/${code}/export` },
      { url: `/api/sessions/${code}/events` },
      { method: "POST" as const, url: `/api/sessions/${code}/end` },
      { method: "POST" as const, url: `/api/sessions/${code}/pause` },
      { method: "POST" as const, url: `/api/sessions/${code}/resume` },
      { method: "POST" as const, url: `/api/sessions/${code}/extend`, payload: { minutes: 5 } },
    ];
    for (const route of routes) {
      await refused(route, 401, "unauthorized");
      await refused({ ...route, headers: { authorization: `Bearer ${"x".repeat(43)}` } }, 401, "unauthorized");
      await refused({ ...route, headers: { authorization: `Bearer ${token}` } }, 403, "forbidden");
      await refused({ ...route, headers: { cookie: `sigmoid_trainer_dashboard=${token}` } }, 403, "forbidden");
    }
    // Another session's instructor token opens nothing here.
    await refused({ url: `/api/sessions/${code}/dashboard`, headers: other.instructorHeaders() }, 401);
    const page = await refused({ url: "/dashboard" }, 401);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain('action="/dashboard/login"');
  });

  it("pause, resume and extend: oversized (413), malformed or out-of-range extensions (400), and an untimed session's extension (409)", async () => {
    const headers = server.instructorHeaders();
    const extend = `/api/sessions/${code}/extend`;
    await refused({ method: "POST", url: extend, headers, body: JSON.stringify({ minutes: 5, pad: "x".repeat(2000) }) }, 413, "too-large");
    await refused(
      { method: "POST", url: `/api/sessions/${code}/pause`, headers, body: JSON.stringify({ pad: "x".repeat(2000) }) },
      413,
      "too-large",
    );
    for (const body of [
      "{",
      "[]",
      "null",
      '"5"',
      "{}",
      '{"minutes":0}',
      '{"minutes":61}',
      '{"minutes":2.5}',
      '{"minutes":"5"}',
      '{"minutes":5,"also":1}',
      '{"minutes":-3}',
      '{"minutes":1e9}',
    ])
      await refused({ method: "POST", url: extend, headers, body }, 400, "bad-request");
    // The server's session has no time limit: there is nothing to extend.
    await refused({ method: "POST", url: extend, headers, payload: { minutes: 5 } }, 409, "untimed");
    // Another session's pause route on this server, and a learner's token with a body: nothing changes.
    await refused({ method: "POST", url: `/api/sessions/${other.session.code}/pause`, headers }, 404);
    await refused(
      { method: "POST", url: extend, headers: { authorization: `Bearer ${token}` }, payload: { minutes: 5 } },
      403,
      "forbidden",
    );
  });

  it("oversized bodies (413), malformed JSON and wrong shapes (400), unknown actions, and an unknown session (404)", async () => {
    // A learner of its own for every few requests: more than 10 a second from one would be rate-limited.
    let sent = 0;
    let shapeToken = "";
    const auth = () => {
      return server.learnerHeaders(shapeToken);
    };
    const fresh = async () => {
      if (sent++ % 5 === 0) shapeToken = await server.join(`Shape ${sent}`);
    };
    await fresh();
    await refused(
      {
        method: "POST",
        url: `/api/sessions/${code}/actions`,
        headers: auth(),
        body: JSON.stringify({ id: uuid(), action: "answer", text: "1".repeat(5000) }),
      },
      413,
      "too-large",
    );
    await refused(
      { method: "POST", url: `/api/sessions/${code}/join`, body: JSON.stringify({ name: "n".repeat(5000) }) },
      413,
      "too-large",
    );
    await refused(
      {
        method: "POST",
        url: `/api/sessions/${code}/end`,
        headers: server.instructorHeaders(),
        body: JSON.stringify({ pad: "p".repeat(2000) }),
      },
      413,
      "too-large",
    );
    await fresh();
    await refused({ method: "POST", url: `/api/sessions/${code}/actions`, headers: auth(), body: '{"id": "' }, 400, "bad-request");
    const shapes: unknown[] = [
      [],
      "answer",
      { id: 7, action: "answer", text: "0.5" },
      { id: "not-a-uuid", action: "answer", text: "0.5" },
      { id: uuid(), action: "delete" },
      { id: uuid(), action: "answer" },
      { id: uuid(), action: "answer", text: 0.5 },
      { id: uuid(), action: "answer", text: "1".repeat(201) },
      { id: uuid(), action: "hint", text: "0.5" },
      { id: uuid(), action: "answer", text: "0.5", extra: true },
    ];
    for (const body of shapes) {
      await fresh();
      await refused(
        { method: "POST", url: `/api/sessions/${code}/actions`, headers: auth(), body: JSON.stringify(body) },
        400,
        "bad-request",
      );
    }
    // Characters PostgreSQL cannot store, refused with their position before they reach the
    // statement that stores a whole batch of answers.
    for (const [text, position] of [
      ["0.5\u0000", 4],
      ["0.\ud8005", 3],
      ["\udc00", 1],
    ] as const) {
      await fresh();
      const res = await refused(
        {
          method: "POST",
          url: `/api/sessions/${code}/actions`,
          headers: auth(),
          body: JSON.stringify({ id: uuid(), action: "answer", text }),
        },
        400,
        "bad-request",
      );
      expect(res.json().message).toContain(`position ${position}`);
    }
    await refused({ method: "POST", url: `/api/sessions/${code}/join`, body: JSON.stringify({ name: 5 }) }, 400, "bad-request");
    await refused({ method: "POST", url: `/api/sessions/${code}/join`, body: JSON.stringify({ name: "a\u0007b" }) }, 400, "bad-name");
    await refused({ method: "POST", url: "/api/sessions/ZZZZZZZZ/join", body: JSON.stringify({ name: "Ben" }) }, 404);
    await refused({ url: "/j/ZZZZZZZZ" }, 404);
  });

  it("more than 10 actions in the window from one learner (429 with Retry-After), and nothing of the refused ones is stored", async () => {
    // A window of a minute: the ten allowed and the four refused never depend on how fast this machine is.
    const rate = await startTestServer(database.db, { rateWindowMs: 60_000 });
    const learner = await rate.join("Ben");
    // One after another, as a client sends them (@fastify/rate-limit 11.2 refuses every request of
    // a concurrent burst over the limit, the first ten too: its store hands out one shared counter).
    const responses = [];
    for (let i = 0; i < 14; i++) {
      responses.push(
        await rate.app.inject({
          method: "POST",
          url: `/api/sessions/${rate.session.code}/actions`,
          headers: rate.learnerHeaders(learner),
          payload: { id: uuid(), action: "answer", text: "?" },
        }),
      );
    }
    expect(responses.map((r) => r.statusCode)).toEqual([...Array(10).fill(200), ...Array(4).fill(429)]);
    const limited = responses.filter((r) => r.statusCode === 429);
    expect(limited[0]!.json().error).toBe("rate-limited");
    expect(Number(limited[0]!.headers["retry-after"])).toBeGreaterThan(0);
    const [stored] = await database.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM actions a JOIN learners l ON l.id = a.learner_id WHERE l.session_code = $1",
      [rate.session.code],
    );
    expect(Number(stored!.n)).toBe(10);
    await rate.stop();
  });

  it("files outside the dashboard folder, and cross-origin requests (no CORS headers)", async () => {
    for (const path of ["..%2Fapp.ts", "%2e%2e%2f%2e%2e%2fpackage.json", "..", "index.html%00.css", "app.ts"]) {
      await refused({ url: `/dashboard/${path}` }, 404);
    }
    const preflight = await server.app.inject({
      method: "OPTIONS",
      url: `/api/sessions/${code}/actions`,
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
    const simple = await server.app.inject({ url: `/j/${code}`, headers: { origin: "https://evil.example" } });
    expect(simple.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("the server's answers", () => {
  it("carry the security headers, and no-store on the API", async () => {
    const res = await server.app.inject({ url: `/api/sessions/${code}/state`, headers: server.learnerHeaders(token) });
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("log the instructor in with a cookie only for the right token", async () => {
    const wrong = await refused(
      { method: "POST", url: "/dashboard/login", headers: { "content-type": "application/x-www-form-urlencoded" }, payload: "token=nope" },
      401,
    );
    expect(wrong.headers["set-cookie"]).toBeUndefined();
    const right = await server.app.inject({
      method: "POST",
      url: "/dashboard/login",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: `token=${server.session.session.instructorToken}`,
    });
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe("/dashboard");
    const cookie = String(right.headers["set-cookie"]);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    const page = await server.app.inject({ url: "/dashboard", headers: { cookie: cookie.split(";")[0]! } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`content="${code}"`);
    expect(page.body).not.toContain("%SESSION%");
    const model = await server.app.inject({ url: `/api/sessions/${code}/dashboard`, headers: { cookie: cookie.split(";")[0]! } });
    expect(model.statusCode).toBe(200);
  });

  it("escape a hostile learner name in the report and the join page", async () => {
    const hostile = await startTestServer(database.db);
    await hostile.join("<script>alert(1)</script>");
    const md = await hostile.app.inject({
      url: `/api/sessions/${hostile.session.code}/report?format=md`,
      headers: hostile.instructorHeaders(),
    });
    expect(md.body).not.toContain("<script>");
    expect(md.body).toContain("\\<script\\>");
    const page = await hostile.app.inject({ url: `/j/${hostile.session.code}`, headers: { accept: "text/html" } });
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("quiz --join");
    await hostile.stop();
  });
});
