// A live session end to end on the BUILT CLI, on loopback, on each storage backend: `serve`,
// three learners through `quiz --join … --json` giving right answers, σ where σ′ is asked, and
// a mix (an unreadable answer, a skip); then the instructor's `report --server` must say exactly what each learner was told.
// And without the instructor's token, nothing of it is shown.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/progress/csv";
import { tempDir } from "../quiz/helpers";
import { runCli } from "../support/cli";
import { driveQuiz, isQuestion } from "./quiz-driver";
import { type QuestionView, type RunningServe, request, rightAnswerFor, sigmoidForDerivativeFor } from "../support/live-session.mjs";
import { type Backend, backends, COUNT, expectedRow, type SeenLine, showSkippedOnPostgres, serve, told } from "./live-support";

const AIKO = "Aiko Tanaka";
const BOB = 'Bob "the Builder" | Jr.';
const SUZUKI = "鈴木, 一郎";

type Habit = (q: QuestionView, tries: number) => string;

interface Taken {
  name: string;
  code: number | null;
  stderr: string;
  /** The learner's token, as the client saved it in the data directory. */
  token: string;
  lines: SeenLine[];
  summary: SeenLine;
}

/** One learner takes the whole quiz with `quiz --join URL --name NAME --json`; ":skip" skips. */
async function take(joinUrl: string, name: string, habit: Habit): Promise<Taken> {
  const dataDir = tempDir("live-learner-");
  const tries = new Map<string, number>();
  let current: QuestionView | null = null;
  const answer = (q: QuestionView) => {
    const key = `${q.number}:${q.part}`;
    const n = tries.get(key) ?? 0;
    tries.set(key, n + 1);
    return habit(q, n);
  };
  const run = await driveQuiz(["--join", joinUrl, "--name", name, "--data-dir", dataDir, "--lang", "en"], (line) => {
    if (isQuestion(line)) {
      current = line as unknown as QuestionView;
      return answer(current);
    }
    // After an unreadable answer the same question stands, without a new question line.
    if (line.type === "feedback" && line.verdict === "invalid" && current) return answer(current);
    return undefined;
  });
  const [file] = readdirSync(join(dataDir, "sessions"));
  const saved = JSON.parse(readFileSync(join(dataDir, "sessions", file!), "utf8"));
  return { name, code: run.code, stderr: run.stderr, token: saved.learners[name].token, lines: run.lines, summary: run.lines.at(-1)! };
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
    const done = await Promise.all([AIKO, BOB, SUZUKI].map((name) => take(server.ready.join, name, habits[name]!)));
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

  it("each learner's client finishes with exit 0 and a summary line, like quiz --plain --json", () => {
    for (const t of taken.values()) {
      expect(t.code, t.stderr).toBe(0);
      expect(t.lines.every((l) => l.type !== "unterminated")).toBe(true);
      expect(t.summary).toMatchObject({ type: "summary", name: t.name, session: server.ready.session, quit: false, scoreOf: COUNT });
    }
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

showSkippedOnPostgres("a live session");
