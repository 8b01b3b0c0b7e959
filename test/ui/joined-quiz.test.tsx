// A live session's quiz on the full screen, against the in-process session server (which grades
// with the real engine): the question, the verdict, hints, a skip and the end screen, in English
// and Japanese; the status line while the server is down and once it is back; --feedback end;
// and the quiz joined from Home by typing the join address.
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
import { COURSE, rightAnswer } from "../engine/fixtures";
import { CODE, FakeServer, JOIN_URL } from "../join/fake-server";
import { tempDataDir } from "../join/harness";
import { KEYS, NOW, renderContext, renderTrainer, tick } from "./harness";

function joined(fetch: FetchLike, lang: "en" | "ja" = "en") {
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
  remote = createRemoteQuiz({ session, course: COURSE, heartbeatMs: 60_000 });
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
    await until(t.frame, "correct");
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
