// `serve` from the built program, over a real socket on loopback: the ready line, a learner
// over raw HTTP, report --server (and its refusal without the right token), Ctrl+C with
// --export, and kill -9 in the middle of a quiz followed by --resume with nothing lost and
// nothing counted twice.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, ROOT, runCli } from "../support/cli";
import { call, startServe } from "../support/serve-process";
import { openTestDatabase, type TestDatabase, testDatabaseBackends } from "../support/server-db";

const QUIZ = ["--seed", "42", "--count", "3", "--skill", "sigmoid-value"];

function home(): string {
  return mkdtempSync(join(tmpdir(), "sigmoid-serve-e2e-"));
}

/** σ(x) for the question's x, to the digits asked: the right answer to a sigmoid-value question. */
function sigmaAnswer(question: { params: { x: number }; digits: number }): string {
  return (1 / (1 + Math.exp(-question.params.x))).toPrecision(question.digits);
}

// Each test starts PGlite once or twice (about 4-18 s each on a loaded 2-core machine).
describe.each(testDatabaseBackends)("serve on %s", (backend) => {
  // PGlite: each test's data directory holds its database. PostgreSQL: one database for the
  // suite, given with --database (each test's session is a session of its own in it).
  let postgres: TestDatabase | null = null;
  beforeAll(async () => {
    if (backend === "PostgreSQL") postgres = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await postgres?.cleanup();
  });
  const db = () => (postgres ? ["--database", postgres.target] : []);

  it("prints the ready line, grades a learner over HTTP, reports to the instructor only, and exports on Ctrl+C", async () => {
    const dataDir = home();
    const out = join(dataDir, "results");
    const serve = await startServe([...QUIZ, ...db(), "--data-dir", dataDir, "--export", out]);
    const { ready } = serve;
    expect(Object.keys(ready).slice(0, 7)).toEqual(["type", "session", "url", "join", "dashboard", "token", "resumed"]);
    expect(ready.session).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.join).toBe(`${ready.url}/j/${ready.session}`);
    expect(ready.dashboard).toBe(`${ready.url}/dashboard`);
    expect(ready.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const api = `${ready.url}/api/sessions/${ready.session}`;
    const joined = await call(`${api}/join`, { body: { name: "Aiko" } });
    expect(joined.status).toBe(201);
    const token = joined.body.token;
    let question = (await call(`${api}/state`, { token })).body.events[0].question;
    for (;;) {
      const res = await call(`${api}/actions`, { token, body: { id: crypto.randomUUID(), action: "answer", text: sigmaAnswer(question) } });
      expect(res.status).toBe(200);
      const next = res.body.events.find((e: { type: string }) => e.type === "question");
      if (!next) break;
      question = next.question;
    }

    const refused = await runCli(["report", "--server", ready.url, "--token", token]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("refused the token");
    expect((await fetch(`${api}/report`)).status).toBe(401);
    expect((await fetch(ready.dashboard)).status).toBe(401);
    const report = await runCli(["report", "--server", ready.join, "--token", ready.token, "--format", "json"]);
    expect(report.code, report.stderr).toBe(0);
    const parsed = JSON.parse(report.stdout);
    expect(parsed.learners.length).toBe(1);

    serve.child.kill("SIGINT");
    const exit = await serve.exited;
    expect(exit.code).toBe(0);
    const lines = serve.stdout().trim().split("\n");
    expect(JSON.parse(lines.at(-1)!)).toEqual({ type: "ended", session: ready.session, exported: out, open: false });
    const files = readdirSync(out);
    expect(files.length).toBe(1);
    const fromFiles = await runCli(["report", out, "--format", "json"]);
    expect(fromFiles.stdout.replaceAll(`${out}/`, "")).toBe(report.stdout);
    expect(JSON.parse(readFileSync(join(out, files[0]!), "utf8")).ending).toBe("completed");
  }, 120_000);

  it("goes on after kill -9 with --resume: the same token, nothing lost, nothing counted twice", async () => {
    const dataDir = home();
    const first = await startServe([...QUIZ, ...db(), "--data-dir", dataDir]);
    const { ready } = first;
    const api = `${ready.url}/api/sessions/${ready.session}`;
    const token = (await call(`${api}/join`, { body: { name: "Aiko" } })).body.token;
    const question = (await call(`${api}/state`, { token })).body.events[0].question;
    const id = crypto.randomUUID();
    const answered = await call(`${api}/actions`, { token, body: { id, action: "answer", text: sigmaAnswer(question) } });
    expect(answered.body.events[0].feedback.verdict).toBe("correct");
    first.child.kill("SIGKILL");
    await first.exited;

    const port = new URL(ready.url).port;
    const second = await startServe([...db(), "--data-dir", dataDir, "--resume", ready.session, "--port", port]);
    expect(second.ready.token).toBe(ready.token);
    expect(second.ready.session).toBe(ready.session);
    // The client retries the answer whose response it never saw: the same response, not a second grade.
    const retried = await call(`${api}/actions`, { token, body: { id, action: "answer", text: sigmaAnswer(question) } });
    expect(retried.body).toEqual(answered.body);
    const state = (await call(`${api}/state`, { token })).body.events[0];
    expect(state.question.number).toBe(2);
    const model = (await call(`${api}/dashboard`, { token: ready.token })).body;
    expect(model.learners[0]).toMatchObject({ name: "Aiko", answered: 1, right: 1, question: 2 });

    second.child.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);
    const unknown = await runCli(["serve", ...db(), "--data-dir", dataDir, "--resume", "ZZZZZZZZ", "--port", "0"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("no session ZZZZZZZZ");
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it("tells the instructor in their language how learners join, and ends on Ctrl+C", async () => {
    const child = spawn(process.execPath, [CLI, "serve", ...QUIZ, "--lang", "en", "--port", "0", "--data-dir", home()], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stdout = "";
    const exited = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        stdout += chunk;
        if (stdout.includes("Ctrl+C")) resolve();
      });
      exited.then(() => reject(new Error("serve exited early")));
    });
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^Session [0-9A-Z]{8} is open\.$/);
    expect(lines[1]).toBe("Learners join with:");
    expect(lines[2]).toMatch(/^ {2}sigmoid-trainer quiz --join http:\/\/127\.0\.0\.1:\d+\/j\/[0-9A-Z]{8} --name NAME$/);
    expect(lines[3]).toMatch(/^Dashboard: http:\/\/127\.0\.0\.1:\d+\/dashboard$/);
    expect(lines[4]).toMatch(/^Instructor token \(for the dashboard and the report; keep it to yourself\): [A-Za-z0-9_-]{43}$/);
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(stdout.trim().split("\n").at(-1)).toMatch(/^Session [0-9A-Z]{8} ended\.$/);
  }, 120_000);

  it("says in one line when the port is taken or the database URL is bad", async () => {
    const dataDir = home();
    const serve = await startServe([...QUIZ, ...db(), "--data-dir", dataDir]);
    const port = new URL(serve.ready.url).port;
    const taken = await runCli(["serve", ...QUIZ, ...db(), "--data-dir", home(), "--port", port]);
    expect(taken.code).toBe(1);
    expect(taken.stderr.trim()).toBe(
      `sigmoid-trainer: serve: port ${port} on 127.0.0.1 is in use; choose another with --port (0 picks a free one)`,
    );
    serve.child.kill("SIGTERM");
    await serve.exited;
    const bad = await runCli(["serve", ...QUIZ, "--database", "postgres://nobody@127.0.0.1:1/none"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split("\n").length).toBe(1);
    expect(bad.stderr).toContain("cannot connect to the database");
  }, 120_000);
});
