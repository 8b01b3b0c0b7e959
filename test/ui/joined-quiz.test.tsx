// A live session's quiz on the full screen, against the in-process session server (which grades
// with the real engine): the question, the verdict, hints, a skip and the end screen, in English
// and Japanese; the status line while the server is down and once it is back; --feedback end;
// the quiz joined from Home by typing the join address; and what it has of the local quiz: the time
// left in the header (by the learner's own monotonic clock), the time-up end, and Esc twice.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { SessionClient } from "../../src/join/client";
import type { FetchLike } from "../../src/join/http";
import { JoinedSession } from "../../src/join/session";
import { TokenStore } from "../../src/join/token-store";
import { parseJoinUrl } from "../../src/join/url";
import { createProgressStore } from "../../src/progress";
import { createTrainerContext } from "../../src/ui/context";
import { createRemoteQuiz, type RemoteQuiz } from "../../src/ui/remote-quiz-store";
import { UI_TEXT } from "../../src/ui/strings";
import { COURSE, rightAnswer } from "../engine/fixtures";
import { CODE, FakeServer, JOIN_URL } from "../join/fake-server";
import { tempDataDir } from "../join/harness";
import { KEYS, NOW, renderContext, renderTrainer, tick } from "./harness";

/** `clock`: the learner's monotonic clock for the time left, moved by the test (ticks every 10 ms). */
function joined(fetch: FetchLike, lang: "en" | "ja" = "en", clock?: { now: number }, heartbeatMs = 60_000) {
  const parsed = parseJoinUrl(JOIN_URL);
  if (!parsed.ok) throw new Error(parsed.problem);
  let remote: RemoteQuiz | null = null;
  const client = new SessionClient(parsed.url, {
    fetch,
    now: Date.now,
    // Short waits: the status line is seen without waiting seconds.
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20))),
    random: () => 0.5,
    onDown: (reason) => remote?.serverDown(reason),
    onUp: () => remote?.serverBack(),
    onPaused: () => remote?.sessionPaused(),
    onResumed: () => remote?.sessionResumed(),
  });
  const session = new JoinedSession(client, new TokenStore(tempDataDir(), parsed.url.origin, parsed.url.code), "Aiko");
  remote = createRemoteQuiz({
    session,
    course: COURSE,
    heartbeatMs,
    ...(clock ? { clock: { now: () => clock.now, tickMs: 10 } } : {}),
  });
  const progress = createProgressStore({ dataDir: null, now: () => NOW });
  const context = createTrainerContext({
    course: COURSE,
    progress,
    settings: { lang, ascii: false, color: false, screenReader: false },
    size: { columns: 80, rows: 24 },
    joined: remote,
  });
  return { remote, context };
}

/** Waits until the frame shows `text` (the server answers after a macrotask or two). */
async function until(frame: () => string, text: string | RegExp, tries = 200): Promise<string> {
  for (let i = 0; i < tries; i++) {
    const f = frame();
    if (typeof text === "string" ? f.includes(text) : text.test(f)) return f;
    await tick(10);
  }
  throw new Error(`never showed ${String(text)}; last frame:\n${frame()}`);
}

const currentParams = (remote: RemoteQuiz) => {
  const q = remote.store.getState().question!;
  return rightAnswer(q.quantity, q.params);
};

describe("a joined quiz on the full screen", () => {
  it("shows the server's question, its verdict, a hint, a skip and the end screen", async () => {
    const server = new FakeServer();
    const { remote, context } = joined(server.fetch);
    void remote.start();
    const t = await renderContext(context, { initial: "quiz", alone: true });
    await until(t.frame, "Question 1 of 3");
    expect(t.frame()).toContain(`Aiko, this is session ${CODE}'s quiz (3 questions)`);
    await t.type(currentParams(remote));
    await t.press(KEYS.enter);
    const graded = await until(t.frame, "correct");
    // As in a local quiz, the intro goes once the first answer is graded.
    expect(graded).not.toContain("this is session");
    expect(server.graded.get("Aiko")).toBe(1);
    await t.press(KEYS.enter);
    await until(t.frame, "Question 2 of 3");
    await t.press("h");
    await until(t.frame, /Hint 1 of \d/);
    await t.press(KEYS.tab);
    await until(t.frame, "Skipped. The answer is");
    await t.press(KEYS.enter);
    await until(t.frame, "Question 3 of 3");
    await t.press(KEYS.tab);
    await until(t.frame, "Skipped. The answer is");
    await t.press(KEYS.enter);
    const end = await until(t.frame, "Quiz finished");
    expect(end).toMatch(/Score: 1 of 3 questions right/);
    expect(end).toContain(`Your answers are recorded on the server of session ${CODE}.`);
    t.unmount();
  });

  it("in Japanese too, and keys typed while the server has not answered act in order", async () => {
    const server = new FakeServer();
    const { remote, context } = joined(server.fetch, "ja");
    void remote.start();
    const t = await renderContext(context, { initial: "quiz", alone: true });
    await until(t.frame, "問題 1 / 3");
    // Answer, Enter for the next question, and a hint, in one write.
    await t.press(`${currentParams(remote)}\r\rh`);
    const frame = await until(t.frame, "問題 2 / 3");
    await until(t.frame, /ヒント 1 \/ \d/);
    expect(frame).not.toContain("先に答えを入力してください");
    t.unmount();
  });

  it("says the server cannot be reached, retries, says when it is back, and goes on without retyping", async () => {
    const server = new FakeServer();
    let failing = 0;
    const { remote, context } = joined(async (url, init) => {
      if (failing > 0 && url.endsWith("/actions")) {
        failing--;
        throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
      }
      return server.fetch(url, init);
    });
    void remote.start();
    const t = await renderContext(context, { initial: "quiz", alone: true });
    await until(t.frame, "Question 1 of 3");
    failing = 1_000_000;
    await t.type(currentParams(remote));
    await t.press(KEYS.enter);
    await until(t.frame, "The server cannot be reached (ECONNREFUSED). Trying again until it answers");
    failing = 0;
    await until(t.frame, "The server answers again. Going on.");
    await until(t.frame, "correct");
    expect(server.graded.get("Aiko")).toBe(1);
    t.unmount();
  });

  it("says the instructor paused the session while the typed answer waits, and grades it after the resume", async () => {
    const server = new FakeServer();
    let paused = false;
    const { remote, context } = joined(async (url, init) => {
      if (paused && url.endsWith("/actions")) return new Response(JSON.stringify({ error: "paused", message: "paused" }), { status: 423 });
      return server.fetch(url, init);
    });
    void remote.start();
    const t = await renderContext(context, { initial: "quiz", alone: true });
    await until(t.frame, "Question 1 of 3");
    paused = true;
    await t.type(currentParams(remote));
    await t.press(KEYS.enter);
    await until(t.frame, "The instructor paused the session; your answer will be sent when it resumes.");
    expect(server.graded.get("Aiko") ?? 0).toBe(0);
    paused = false;
    await until(t.frame, "correct");
    expect(t.frame()).not.toContain("paused the session");
    expect(server.graded.get("Aiko")).toBe(1);
    t.unmount();
  });

  it("while the session is paused the time left in the header stands still, as the server's does", async () => {
    const server = new FakeServer({ timeLimitMs: 60_000 });
    const clock = { now: 0 };
    let paused = false;
    const { remote, context } = joined(
      async (url, init) => {
        if (paused && url.endsWith("/actions"))
          return new Response(JSON.stringify({ error: "paused", message: "paused" }), { status: 423 });
        return server.fetch(url, init);
      },
      "en",
      clock,
    );
    void remote.start();
    const t = await renderContext(context, { initial: "quiz", alone: true });
    await until(t.frame, "1:00 left");
    clock.now = 10_000;
    await until(t.frame, "0:50 left");
    paused = true;
    await t.type(currentParams(remote));
    await t.press(KEYS.enter);
    await until(t.frame, "The instructor paused the session");
    clock.now = 40_000;
    await tick(50);
    expect(t.frame().split("\n")[0]).toMatch(/0:50 left$/);
    paused = false;
    await until(t.frame, "correct");
    t.unmount();
  });

  it("learns of a pause from its heartbeat while the learner is thinking: the time left stands still until the resume", async () => {
    const server = new FakeServer({ timeLimitMs: 60_000 });
    server.paused = false;
    const clock = { now: 0 };
    const { remote, context } = joined(server.fetch, "en", clock, 20);
    void remote.start();
    const t = await renderContext(context, { initial: "quiz", alone: true });
    await until(t.frame, "1:00 left");
    clock.now = 10_000;
    await until(t.frame, "0:50 left");
    server.paused = true;
    await until(t.frame, "The instructor paused the session");
    clock.now = 40_000;
    await tick(60);
    expect(t.frame().split("\n")[0]).toMatch(/0:50 left$/);
    server.paused = false;
    await until(() => (t.frame().includes("paused the session") ? "" : t.frame()), "left");
    clock.now = 45_000;
    await until(t.frame, "0:45 left");
    expect(server.seen.filter((r) => r.endsWith("/actions"))).toHaveLength(0);
    t.unmount();
  });

  it("with --feedback end shows 'answer recorded', and the verdicts only at the end", async () => {
    const server = new FakeServer({ feedback: "end" });
    const { remote, context } = joined(server.fetch);
    void remote.start();
    const t = await renderContext(context, { initial: "quiz", alone: true });
    await until(t.frame, "you see whether your answers are right at the end");
    await t.type(currentParams(remote));
    await t.press(KEYS.enter);
    const recorded = await until(t.frame, "Answer recorded.");
    expect(recorded).not.toMatch(/✓|✗|not correct/);
    await t.press(KEYS.enter);
    await until(t.frame, "Question 2 of 3");
    await t.press(KEYS.escape, KEYS.escape);
    const end = await until(t.frame, "Quiz ended early");
    expect(end).toContain("Question 1: correct");
    t.unmount();
  });
});

describe("a joined quiz as a local quiz: the time left, the time-up end, Esc twice", () => {
  it("counts the time left down from what the server said was left, by the learner's clock, and ends when it is up", async () => {
    const server = new FakeServer({ timeLimitMs: 60_000 });
    // The learner's wall clock is three hours ahead of the server's: by it, the deadline the
    // server sends has long passed. The time left must not come from that.
    server.now = Date.now() - 3 * 3_600_000;
    const clock = { now: 0 };
    const { remote, context } = joined(server.fetch, "en", clock);
    void remote.start();
    const t = await renderContext(context, { initial: "quiz", alone: true });
    const first = await until(t.frame, "Question 1 of 3");
    expect(first.split("\n")[0]).toMatch(/Question 1 of 3 +1:00 left$/);
    await tick(50);
    expect(t.frame()).toContain("1:00 left");
    clock.now = 30_500;
    await until(t.frame, "0:30 left");
    // The answer's events bring the next question with the server's own time left (59 s: the
    // fake server's clock moved one second): the countdown starts again from that.
    await t.type(currentParams(remote));
    await t.press(KEYS.enter);
    await until(t.frame, "0:59 left");
    await t.press(KEYS.enter);
    await until(t.frame, "Question 2 of 3");
    expect(server.seen.filter((r) => r.endsWith("/actions"))).toHaveLength(1);
    // The time runs out while the learner is thinking (and has pressed Esc once): the client says
    // so to the server, whose clock has passed the deadline too, and shows how the quiz ended.
    await t.press(KEYS.escape);
    await until(t.frame, "Press Esc again");
    server.now += 60_000;
    clock.now += 60_000;
    const end = await until(t.frame, "Time is up");
    expect(end).toContain("Time is up. Questions not answered are recorded as unanswered.");
    expect(end).toContain("Score: 1 of 3 questions right.");
    expect(end).toContain("2 unanswered.");
    expect(end).toContain(`Your answers are recorded on the server of session ${CODE}.`);
    expect(end).not.toContain("left");
    expect(end).not.toContain("Quiz ended early");
    expect(end).not.toContain("Press Esc again");
    t.unmount();
  });

  it("when the time left runs out, asks the server first: time the instructor added (or a pause) goes on being counted", async () => {
    const server = new FakeServer({ timeLimitMs: 60_000 });
    const clock = { now: 0 };
    const { remote, context } = joined(server.fetch, "en", clock);
    void remote.start();
    const t = await renderContext(context, { initial: "quiz", alone: true });
    await until(t.frame, "1:00 left");
    // The instructor adds 5 minutes on the server; the learner's screen does not know yet.
    server.extend(300_000);
    server.now += 60_000;
    clock.now = 60_000;
    await until(t.frame, "5:00 left");
    expect(server.seen.filter((r) => r.endsWith("/actions"))).toHaveLength(0);
    expect(t.frame()).not.toContain("Time is up");
    // When that runs out too and the server agrees, the quiz ends.
    server.now += 300_000;
    clock.now += 300_000;
    const end = await until(t.frame, "Time is up");
    expect(end).toContain("3 unanswered.");
    t.unmount();
  });

  it("while the server is down keeps the typed answer and the time left on screen; time up meanwhile ends it once it is back", async () => {
    const server = new FakeServer({ timeLimitMs: 120_000 });
    const clock = { now: 0 };
    const { remote, context } = joined(server.fetch, "en", clock);
    void remote.start();
    const t = await renderContext(context, { initial: "quiz", alone: true });
    await until(t.frame, "2:00 left");
    server.down = true;
    await t.type("0.4321");
    await t.press(KEYS.enter);
    const down = await until(t.frame, "The server cannot be reached (ECONNREFUSED). Trying again until it answers");
    expect(down).toContain("Answer: 0.4321");
    expect(down.split("\n")[0]).toMatch(/Sending… 2:00 left$/);
    clock.now = 65_000;
    await until(t.frame, "0:55 left");
    // The time runs out while the answer waits: it is not lost, and the quiz goes on no further.
    clock.now = 121_000;
    await until(t.frame, "0:00 left");
    expect(t.frame()).toContain("Answer: 0.4321");
    expect(t.frame()).toContain("The server cannot be reached");
    server.now += 125_000;
    server.down = false;
    // The answer came too late: no verdict, the end at once, as a local quiz ends at its deadline.
    const end = await until(t.frame, /^Time is up$/m);
    expect(end).toContain("Time is up. Questions not answered are recorded as unanswered.");
    expect(end).toContain("3 unanswered.");
    expect(server.learner("Aiko")?.finished).toBe(true);
    t.unmount();
  });

  it("shows no time in the header without a time limit", async () => {
    const server = new FakeServer();
    const { remote, context } = joined(server.fetch, "en", { now: 0 });
    void remote.start();
    const t = await renderContext(context, { initial: "quiz", alone: true });
    const first = await until(t.frame, "Question 1 of 3");
    expect(first.split("\n")[0]?.trimEnd()).toBe("σ Quiz · Question 1 of 3");
    t.unmount();
  });

  it("a stray Esc only asks (with the local quiz's words) and any other key goes on; Esc twice ends it early", async () => {
    const server = new FakeServer({ timeLimitMs: 600_000 });
    const { remote, context } = joined(server.fetch, "ja", { now: 0 });
    void remote.start();
    const t = await renderContext(context, { initial: "quiz", alone: true });
    await until(t.frame, "問題 1 / 3");
    expect(t.frame()).toContain("残り 10:00");
    await t.press(KEYS.escape);
    const asked = await until(t.frame, "もう一度 Esc");
    expect(asked.replace(/\s+/g, "")).toContain(UI_TEXT.quizConfirmEnd.ja.replace(/\s+/g, ""));
    expect(asked).toContain("問題 1 / 3");
    // Another key goes on with the quiz, and is typed into the answer as it would be.
    await t.press("0");
    await tick(30);
    expect(t.frame()).not.toContain("もう一度 Esc");
    expect(t.frame()).toContain("答え: 0");
    expect(server.seen.filter((r) => r.endsWith("/actions"))).toHaveLength(0);
    await t.press(KEYS.escape);
    await until(t.frame, "もう一度 Esc");
    await t.press(KEYS.escape);
    const end = await until(t.frame, "クイズを途中で終えました");
    expect(end).toContain("未回答 3 問");
    expect(end).not.toContain("時間切れ");
    expect(server.learner("Aiko")?.finished).toBe(true);
    t.unmount();
  });
});

describe("joining from Home", () => {
  let http: Server | null = null;
  afterEach(() => {
    http?.close();
    http = null;
  });

  it("t, the name, then the join address runs the session's quiz on the same screen", async () => {
    const fake = new FakeServer();
    // The fake server on a real socket, as a server on the network would be.
    http = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const answer = await fake.fetch(`http://127.0.0.1${request.url}`, {
        method: request.method ?? "GET",
        headers: { authorization: request.headers.authorization ?? "" },
        ...(chunks.length > 0 ? { body: Buffer.concat(chunks).toString("utf8") } : {}),
        signal: new AbortController().signal,
        redirect: "error",
      });
      response.writeHead(answer.status, { "content-type": "application/json" });
      response.end(await answer.text());
    });
    await new Promise<void>((resolve) => http!.listen(0, "127.0.0.1", resolve));
    const port = (http.address() as AddressInfo).port;
    const store = createProgressStore({ dataDir: tempDataDir(), now: () => NOW });
    const t = await renderTrainer({ store });
    await t.press("t");
    await t.type("Aiko");
    await t.press(KEYS.enter);
    expect(t.frame()).toContain("To join a live session, type its join address");
    await t.type(`http://127.0.0.1:${port}/j/${CODE}`);
    await t.press(KEYS.enter);
    await until(t.frame, "Question 1 of 3");
    expect(t.frame()).toContain(`session ${CODE}`);
    await t.press(KEYS.escape, KEYS.escape);
    await until(t.frame, "Quiz ended early");
    expect(t.frame()).toContain("Enter or Esc: back to Home.");
    await t.press(KEYS.escape);
    await until(t.frame, "Quit");
    t.unmount();
  });

  it("a typed address that is not a join address says what is wrong and stays", async () => {
    const store = createProgressStore({ dataDir: tempDataDir(), now: () => NOW });
    const t = await renderTrainer({ store });
    await t.press("t");
    await t.type("Aiko");
    await t.press(KEYS.enter);
    await t.type("http://127.0.0.1:9/dashboard");
    await t.press(KEYS.enter);
    await until(t.frame, "path must be /j/CODE");
    expect(t.frame()).toContain("Seed, file or join address:");
    t.unmount();
  });
});
