// `quiz --join` in JSON lines and plain text, in process against a fake server that grades with
// the real engine: the lines are the ones a local `quiz --plain --json` prints for the same
// questions and the same typing, a crash resumes, a retried answer is never counted twice.
import { readFileSync, statSync } from "node:fs";
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runQuizSession } from "../../src/plain/quiz";
import { ResultWriter } from "../../src/quiz/writer";
import { COURSE, rightAnswer } from "../engine/fixtures";
import { FakeServer } from "./fake-server";
import { joinRun, parsed, tempDataDir } from "./harness";
import { join } from "node:path";
import type { Params } from "../../src/core/types";
import type { QuantityId } from "../../src/core/quantities";

const NUMERIC = ["derivative-from-output", "derivative-value", "sigmoid-value"];

/** What a local quiz of the same seed prints for the same input. */
async function localQuizLines(input: string): Promise<Record<string, unknown>[]> {
  const stdin = new PassThrough();
  let text = "";
  const stdout = new Writable({
    write(chunk, _e, cb) {
      text += String(chunk);
      cb();
    },
  });
  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  stdin.end(input);
  await runQuizSession({
    course: COURSE,
    settings: { seed: 5, count: 3, skills: NUMERIC, timeLimitMinutes: null, hintsAllowed: true },
    name: "Aiko",
    writer: new ResultWriter(join(tempDataDir(), "r.json"), false),
    store: null,
    app: "test",
    lang: "en",
    ascii: false,
    json: true,
    showPrompt: false,
    stdin,
    stdout,
    stderr: sink,
  });
  return text
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe("quiz --join --json", () => {
  it("prints exactly the lines a local quiz prints for the same questions and typing", async () => {
    const input = "0.5\n:help\n:bogus\n:hint\n1.2.3\n0.1\n:skip\n";
    const server = new FakeServer();
    const run = joinRun({ fetch: server.fetch });
    run.stdin.end(input);
    expect(await run.done).toBe(0);
    const joined = parsed(run.out);
    const local = await localQuizLines(input);
    expect(joined.map((l) => l.type)).toEqual(local.map((l) => l.type));
    for (let i = 0; i < local.length; i++) {
      const l = local[i]!;
      const j = joined[i]!;
      if (l.type === "summary") {
        // Same keys (a script reads both); the engine's counts are the same, times aside.
        expect(Object.keys(j)).toEqual(expect.arrayContaining(Object.keys(l)));
        const counts = [
          "attempts",
          "correct",
          "imprecise",
          "incorrect",
          "carried",
          "skipped",
          "hints",
          "questions",
          "finished",
          "mistakes",
          "quit",
        ];
        for (const key of counts) expect(j[key], key).toEqual(l[key]);
        expect(j.session).toBe("ABCD2345");
        expect(j.resultFile).toBeNull();
      } else {
        expect(j).toEqual(l);
      }
    }
    // :hint, the invalid answer (with its position), :skip, :help and the unknown command all answered.
    expect(joined.some((l) => l.type === "hint")).toBe(true);
    const invalid = joined.find((l) => l.type === "feedback" && l.verdict === "invalid");
    expect(invalid?.position).toBe(4);
    expect(invalid?.expected).toBeNull();
    expect(joined.some((l) => l.type === "skipped")).toBe(true);
    expect(joined.filter((l) => l.type === "notice")).toHaveLength(2);
  });

  it("names σ for σ′ as sigmoid-instead-of-derivative, from the server's diagnosis", async () => {
    const server = new FakeServer();
    const run = joinRun({ fetch: server.fetch });
    const [first] = parsed(await run.lines(1));
    // Answer every question with σ(x) of its x: on a σ′ question that is the classic mistake.
    const sigma = (params: Params) => String(1 / (1 + Math.exp(-(params.x ?? 0))));
    let seen = 1;
    let question = first!;
    const verdicts: Record<string, unknown>[] = [];
    for (;;) {
      const q = question as { quantity: QuantityId; params: Params };
      run.stdin.write(`${q.quantity === "derivative" ? sigma(q.params) : rightAnswer(q.quantity, q.params)}\n`);
      const lines = parsed(await run.lines(seen + 2));
      verdicts.push(lines[seen]!);
      seen += 2;
      const next = lines[seen - 1]!;
      if (next.type === "summary") break;
      question = next;
    }
    expect(await run.done).toBe(0);
    expect(verdicts.some((v) => v.diagnosis === "sigmoid-instead-of-derivative")).toBe(true);
    expect(verdicts.filter((v) => v.verdict === "correct").length).toBeGreaterThan(0);
  });

  it("end of input quits: a summary line with quit true, and the server has the quit", async () => {
    const server = new FakeServer();
    const run = joinRun({ fetch: server.fetch });
    run.stdin.end();
    expect(await run.done).toBe(0);
    const lines = parsed(run.out);
    expect(lines.at(-1)).toMatchObject({ type: "summary", quit: true, attempts: 0 });
    expect(server.learner("Aiko")?.finished).toBe(true);
  });

  it("a timed session's time runs by the time left the server sent, not by the learner's wall clock", async () => {
    // The server's clock says 09:00 while this machine's says otherwise: its deadline, compared
    // with the wall clock here, would be long past (or far ahead) and cut the input at once.
    const server = new FakeServer({ timeLimitMs: 10 * 60_000 });
    const run = joinRun({ fetch: server.fetch });
    setTimeout(() => run.stdin.end("0.5\n"), 100);
    expect(await run.done).toBe(0);
    const lines = parsed(run.out);
    expect(lines.find((l) => l.type === "feedback")).toBeDefined();
    expect(lines.at(-1)).toMatchObject({ type: "summary", quit: true });
  });

  it("end of input quits once and ends, even when the server's answer to the quit has no summary", async () => {
    const server = new FakeServer();
    let quits = 0;
    const run = joinRun({
      fetch: async (url, init) => {
        if (init.method === "POST" && url.endsWith("/actions") && init.body?.includes('"action":"quit"')) {
          quits++;
          // A client that kept sending quit is let go on its third, so it fails here instead of hanging.
          if (quits >= 3) return server.fetch(url, init);
          return new Response(JSON.stringify({ events: [] }), { status: 200, headers: { "content-type": "application/json" } });
        }
        return server.fetch(url, init);
      },
    });
    run.stdin.end();
    expect(await run.done).toBe(0);
    expect(quits).toBe(1);
  });

  it("with --feedback end shows 'recorded', never a verdict or an expected value, until the summary", async () => {
    const server = new FakeServer({ feedback: "end" });
    const run = joinRun({ fetch: server.fetch });
    run.stdin.end("0.5\n0.5\n:skip\n");
    expect(await run.done).toBe(0);
    const lines = parsed(run.out);
    const feedback = lines.filter((l) => l.type === "feedback");
    expect(feedback.length).toBe(2);
    for (const f of feedback) expect(f).toMatchObject({ verdict: "recorded", expected: null, diagnosis: null, solution: null });
    expect(lines.find((l) => l.type === "skipped")).toMatchObject({ expected: null, solution: null });
    const summary = lines.at(-1)!;
    expect(summary.type).toBe("summary");
    expect((summary.results as unknown[]).length).toBe(3);
  });
});

describe("token and resume", () => {
  it("saves the token (mode 0600) before the first question, and a second run resumes as the same learner", async () => {
    const server = new FakeServer();
    const dataDir = tempDataDir();
    const first = joinRun({ fetch: server.fetch, dataDir });
    await first.lines(1);
    const file = first.store.path;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toContain("token-1");
    first.stdin.write("0.5\n");
    await first.lines(3);
    // The client dies here (its input simply never comes); a new one starts with the same data dir.
    const second = joinRun({ fetch: server.fetch, dataDir });
    const lines = parsed(await second.lines(1));
    expect(lines[0]).toMatchObject({ type: "question", number: 2 });
    second.stdin.end(":quit\n");
    expect(await second.done).toBe(0);
    expect(server.learner("Aiko")?.attempts).toHaveLength(1);
  });

  it("resends the attempt id a killed client left in flight: the server counts the answer once", async () => {
    const server = new FakeServer();
    const dataDir = tempDataDir();
    let n = 0;
    const first = joinRun({ fetch: server.fetch, dataDir, ids: () => `00000000-0000-4000-8000-00000000000${n++}` });
    await first.lines(1);
    // The answer reaches the server, but the client dies before it shows the feedback.
    server.down = false;
    const realFetch = server.fetch;
    let crashed = false;
    const crashingAfterSend = joinRun({
      fetch: async (url, init) => {
        const answer = await realFetch(url, init);
        if (url.endsWith("/actions") && !crashed) {
          crashed = true;
          return new Promise<Response>(() => {}); // never returns: the process is killed here
        }
        return answer;
      },
      dataDir,
      ids: () => "11111111-1111-4111-8111-111111111111",
    });
    await crashingAfterSend.lines(1);
    crashingAfterSend.stdin.write("0.5\n");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.graded.get("Aiko")).toBe(1);
    const saved = crashingAfterSend.store.load("Aiko");
    expect(saved?.pending).toMatchObject({ id: "11111111-1111-4111-8111-111111111111", action: "answer", text: "0.5" });
    // Restarted: the same id again, the stored answer shown, nothing counted twice.
    const restarted = joinRun({ fetch: server.fetch, dataDir });
    const lines = parsed(await restarted.lines(2));
    expect(lines[0]).toMatchObject({ type: "feedback" });
    expect(lines[1]).toMatchObject({ type: "question", number: 2 });
    expect(server.graded.get("Aiko")).toBe(1);
    expect(restarted.store.load("Aiko")?.pending).toBeNull();
    restarted.stdin.end(":quit\n");
    expect(await restarted.done).toBe(0);
  });

  it("a name taken by someone else (no token) is refused: exit 1 and a clear message", async () => {
    const server = new FakeServer();
    const aiko = joinRun({ fetch: server.fetch });
    await aiko.lines(1);
    const other = joinRun({ fetch: server.fetch, dataDir: tempDataDir() });
    expect(await other.done).toBe(1);
    expect(other.err.join("")).toMatch(/The name "Aiko" is already taken in this session/);
    expect(other.out).toEqual([]);
  });
});

describe("server down", () => {
  it("says so once, retries with backoff, says when it is back, and goes on without retyping", async () => {
    const server = new FakeServer();
    let calls = 0;
    const realFetch = server.fetch;
    // Back after 6 failed tries.
    const flaky = joinRun({
      fetch: async (url, init) => {
        calls++;
        if (calls > 2 && calls <= 8) throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
        return realFetch(url, init);
      },
      name: "Ben",
    });
    await flaky.lines(1);
    flaky.stdin.write("0.5\n");
    await flaky.lines(3);
    expect(flaky.err.filter((e) => e.startsWith("down:"))).toEqual(["down: ECONNREFUSED"]);
    expect(flaky.err.filter((e) => e === "up")).toHaveLength(1);
    expect(flaky.sleeps).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
    expect(server.graded.get("Ben")).toBe(1);
    flaky.stdin.end();
    expect(await flaky.done).toBe(0);
  });

  it("gives up after at least 120 s with exit 1, saying that rerunning the same command resumes", async () => {
    const server = new FakeServer();
    const run = joinRun({ fetch: server.fetch });
    await run.lines(1);
    server.down = true;
    run.stdin.write("0.5\n");
    expect(await run.done).toBe(1);
    expect(run.sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(120_000);
    expect(run.err.join("\n")).toMatch(/could not be reached for 12\d s .*run the same command again to resume/);
    // The answer is still in flight on disk, for the rerun to send.
    expect(run.store.load("Aiko")?.pending).toMatchObject({ action: "answer", text: "0.5" });
  });

  it("waits as long as a 429's Retry-After says, then sends again", async () => {
    const server = new FakeServer();
    let limited = 0;
    const run = joinRun({
      fetch: async (url, init) => {
        if (url.endsWith("/actions") && limited++ === 0) {
          return new Response(JSON.stringify({ error: "rate-limited", message: "slow down" }), {
            status: 429,
            headers: { "retry-after": "2" },
          });
        }
        return server.fetch(url, init);
      },
    });
    await run.lines(1);
    run.stdin.write("0.5\n");
    await run.lines(3);
    expect(run.sleeps).toEqual([2000]);
    expect(run.err).toEqual([]);
    run.stdin.end();
    expect(await run.done).toBe(0);
  });
});

describe("plain text", () => {
  it("shows the quiz in sentences, in Japanese too, with server texts made visible", async () => {
    const server = new FakeServer();
    const run = joinRun({ fetch: server.fetch, json: false, lang: "ja" });
    run.stdin.end("0.5\n:quit\n");
    expect(await run.done).toBe(0);
    const text = run.out.join("\n");
    expect(text).toMatch(/セッション ABCD2345（http:\/\/127\.0\.0\.1:4999）に参加しました/);
    expect(text).toMatch(/Aiko さんのクイズ: 3 問です/);
    expect(text).toMatch(/問 1 \/ 3|1 \/ 3/);
    expect(text).toMatch(/得点: \d \/ 3 問正解/);
    expect(text).toMatch(/答えはセッション ABCD2345 のサーバーに記録されています/);
  });
});
