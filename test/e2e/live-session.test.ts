// A live session end to end on the BUILT CLI, on loopback, on each storage backend: `serve`,
// three learners giving right answers, σ where σ′ is asked, and a mix (an unreadable answer, a
// skip); then the instructor's `report --server` must say exactly what each learner was told.
// And without the instructor's token, nothing of it is shown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/progress/csv";
import { runCli } from "../support/cli";
import {
  HttpLearner,
  type QuestionView,
  type RunningServe,
  request,
  rightAnswerFor,
  sigmoidForDerivativeFor,
} from "../support/live-session.mjs";
import { type Backend, backends, COUNT, eventsAsLines, expectedRow, postgresSkipped, type SeenLine, serve, told } from "./live-support";

const AIKO = "Aiko Tanaka";
const BOB = 'Bob "the Builder" | Jr.';
const SUZUKI = "鈴木, 一郎";

type Habit = (q: QuestionView, tries: number) => string;

interface Taken {
  name: string;
  token: string;
  lines: SeenLine[];
  summary: SeenLine;
}

/** One learner takes the whole quiz with a habit; ":skip" skips the question. */
async function take(url: string, session: string, name: string, habit: Habit): Promise<Taken> {
  const learner = new HttpLearner(url, session, name);
  expect((await learner.join()).status).toBe(201);
  await learner.state();
  const tries = new Map<string, number>();
  for (let guard = 0; learner.question && guard < 100; guard++) {
    const q = learner.question;
    const key = `${q.number}:${q.part}`;
    const n = tries.get(key) ?? 0;
    tries.set(key, n + 1);
    const text = habit(q, n);
    const response = text === ":skip" ? await learner.act("skip") : await learner.act("answer", text);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  }
  const lines = eventsAsLines(learner.events);
  const summary = lines.at(-1)!;
  expect(summary.type).toBe("summary");
  return { name, token: learner.token!, lines, summary };
}

const habits: Record<string, Habit> = {
  [AIKO]: (q) => rightAnswerFor(q),
  // The typical mistake: the height σ(x) where the slope σ′(x) is asked.
  [BOB]: (q) => sigmoidForDerivativeFor(q),
  // Unreadable input first (the same question stands), a skip, σ for σ′ once, else right.
  [SUZUKI]: (q, tries) => {
    if (q.number === 1 && q.part === 0 && tries === 0) return "0.5.5";
    if (q.number === 2) return ":skip";
    if (q.number === 3) return sigmoidForDerivativeFor(q);
    return rightAnswerFor(q);
  },
};

describe.each(backends)("a live session on $name", (backend: Backend) => {
  let server: RunningServe;
  let drop: () => Promise<void>;
  const taken = new Map<string, Taken>();

  beforeAll(async () => {
    const db = await backend.create("session");
    drop = db.drop;
    server = await serve(db.database);
    const { url, session } = server.ready;
    const done = await Promise.all([AIKO, BOB, SUZUKI].map((name) => take(url, session, name, habits[name]!)));
    for (const t of done) taken.set(t.name, t);
  }, 120_000);

  afterAll(async () => {
    const exit = await server?.stop("SIGINT");
    await drop?.();
    expect(exit?.code).toBe(0);
  });

  it("the ready line says how to join, where the dashboard is, and the instructor's token", () => {
    const { ready } = server;
    expect(ready.session).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.join).toBe(`${ready.url}/j/${ready.session}`);
    expect(ready.dashboard).toBe(`${ready.url}/dashboard`);
    expect(ready.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("each learner was graded as their habit deserves", () => {
    const aiko = told(taken.get(AIKO)!.lines);
    expect(aiko).toHaveLength(COUNT);
    expect(aiko.every((q) => q.verdicts.every((v) => v === "correct") && !q.skipped)).toBe(true);
    const bob = told(taken.get(BOB)!.lines);
    expect(bob.some((q) => q.derivativeParts > 0)).toBe(true);
    for (const q of bob) expect(q.mistakes).toEqual(Array(q.derivativeParts).fill("sigmoid-instead-of-derivative"));
    const suzukiLines = taken.get(SUZUKI)!.lines;
    expect(suzukiLines.filter((l) => l.type === "feedback" && l.verdict === "invalid")).toHaveLength(1);
    expect(told(suzukiLines).map((q) => q.skipped)).toEqual([false, true, false, false, false, false]);
    for (const t of taken.values()) {
      const row = expectedRow(t.name, t.lines);
      expect(t.summary).toMatchObject({ score: row.score, scoreOf: COUNT });
    }
  });

  it("report --server --format json says what each learner was told", async () => {
    const run = await runCli(["report", "--server", server.ready.url, "--token", server.ready.token, "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    const people = [AIKO, BOB, SUZUKI].map((name) => expectedRow(name, taken.get(name)!.lines));
    expect(report.learners).toHaveLength(3);
    for (const p of people) {
      expect(report.learners.find((l: { name: string }) => l.name === p.name)).toMatchObject({
        name: p.name,
        score: p.score,
        outOf: COUNT,
        attempts: p.attempts,
        correct: p.correct,
        skipped: p.skipped,
        unanswered: 0,
        hintsUsed: 0,
        partial: false,
      });
    }
    expect(report.questions.map((q: { right: number }) => q.right)).toEqual(
      Array.from({ length: COUNT }, (_, i) => people.filter((p) => p.perQuestion[i] === "right").length),
    );
    const bob = people[1]!;
    const suzuki = people[2]!;
    expect(report.mistakes).toEqual([
      expect.objectContaining({
        id: "sigmoid-instead-of-derivative",
        count: bob.mistakes + suzuki.mistakes,
        learners: expect.arrayContaining([
          { name: BOB, count: bob.mistakes },
          ...(suzuki.mistakes > 0 ? [{ name: SUZUKI, count: suzuki.mistakes }] : []),
        ]),
      }),
    ]);
  });

  it("report --server in md and csv names the three learners; the dashboard URL works as the address", async () => {
    const md = await runCli(["report", "--server", server.ready.dashboard, "--token", server.ready.token]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain("Aiko Tanaka");
    expect(md.stdout).toContain('Bob "the Builder" \\| Jr.');
    expect(md.stdout).toContain("鈴木, 一郎");
    const csv = await runCli(["report", "--server", server.ready.join, "--token", server.ready.token, "--format", "csv"]);
    expect(csv.code, csv.stderr).toBe(0);
    const [learners] = csv.stdout
      .replace(/^\uFEFF/, "")
      .split("\r\n\r\n")
      .map((t) => parseCsv(t));
    const names = learners!.slice(1).map((r) => r[learners![0]!.indexOf("learner")]);
    expect(names.sort()).toEqual([AIKO, BOB, SUZUKI].sort());
  });

  it("without the instructor's token the dashboard, events, report and export refuse with 401", async () => {
    const { url, session, token } = server.ready;
    const routes = [
      `${url}/api/sessions/${session}/dashboard`,
      `${url}/api/sessions/${session}/events`,
      `${url}/api/sessions/${session}/report?format=json`,
      `${url}/api/sessions/${session}/export`,
    ];
    for (const route of routes) {
      expect((await request(route)).status, route).toBe(401);
      expect((await request(route, { token: `${token.slice(0, -2)}xx` })).status, route).toBe(401);
    }
    expect((await request(`${url}/dashboard`)).status).toBe(401);
    const login = await request(`${url}/dashboard/login`, {
      method: "POST",
      body: "token=wrong",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(login.status).toBe(401);
    expect(login.headers.get("set-cookie")).toBeNull();
    // A learner's own token is no instructor's.
    for (const route of routes) expect((await request(route, { token: taken.get(AIKO)!.token })).status, route).toBe(403);
    // A name already taken is refused without its token.
    const impostor = await request(`${url}/api/sessions/${session}/join`, { method: "POST", body: { name: AIKO } });
    expect(impostor.status).toBe(409);
    expect(impostor.body.error).toBe("name-taken");
  });

  it("report --server without a token or with a wrong one exits non-zero and says why", async () => {
    const { url, token } = server.ready;
    const none = await runCli(["report", "--server", url]);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/token/i);
    expect(none.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const wrong = await runCli(["report", "--server", url, "--token", `${token.slice(0, -2)}xx`]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/token/i);
    expect(wrong.stderr).not.toMatch(/\n\s+at /);
    expect(wrong.stdout).toBe("");
  });
});

describe.skipIf(backends.length > 1)(`a live session ${postgresSkipped}`, () => {
  it("is not run", () => {});
});
