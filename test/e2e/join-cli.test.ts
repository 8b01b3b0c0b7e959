// `quiz --join` end to end: the built program's `serve` on a free port with a database in a
// temporary directory, and learners through pipes in JSON lines and plain text: a right answer,
// σ for σ′, an unreadable answer with its position, :hint, :skip, the end of input; a client
// killed with -9 that resumes; a name already taken; the server killed and resumed while a
// learner waits; and --feedback end.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUANTITIES, type QuantityId } from "../../src/core/quantities";
import { sigmoid } from "../../src/core/sigmoid";
import { runCli } from "../support/cli";
import { type Ready, type Spawned, spawnCli, startServer, stop, tempDir } from "./join-support";

type Line = Record<string, unknown> & { type: string };
const parse = (line: string) => JSON.parse(line) as Line;
const x = (q: Line) => (q.params as { x: number }).x;
const right = (q: Line) => QUANTITIES[q.quantity as QuantityId].expected(q.params as Record<string, number>).toPrecision(6);
const sigmaInstead = (q: Line) => sigmoid(x(q)).toPrecision(3);

const QUIZ = ["--seed", "11", "--count", "4", "--skill", "derivative-value"];

let server: Spawned;
let ready: Ready;
let database: string;

beforeAll(async () => {
  database = tempDir("st-join-db-");
  ({ server, ready } = await startServer(QUIZ, database));
}, 120_000);

afterAll(async () => {
  if (server) await stop(server);
});

function learner(name: string, dataDir: string, extra: string[] = ["--json"]): Spawned {
  return spawnCli(["quiz", "--join", ready.join, "--name", name, "--data-dir", dataDir, "--lang", "en", ...extra]);
}

describe("quiz --join --json against the real server", () => {
  it("grades a right answer, names σ for σ′, places an unreadable answer, and answers :hint, :skip and the end of input", async () => {
    const dataDir = tempDir("st-join-aiko-");
    const aiko = learner("Aiko", dataDir);
    const q1 = parse(await aiko.line(0));
    expect(q1).toMatchObject({ type: "question", number: 1, total: 4 });
    // The token is on disk, 0600, before the first question was printed.
    const sessions = join(dataDir, "sessions");
    const [file] = readdirSync(sessions);
    expect(statSync(join(sessions, file!)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(sessions, file!), "utf8")).toContain('"Aiko"');

    // The first question: a hint, an unreadable answer, then the right one.
    aiko.send(":hint\n");
    expect(parse(await aiko.line(1))).toMatchObject({ type: "hint", stage: 1 });
    aiko.send("0.1.2\n");
    expect(parse(await aiko.line(2))).toMatchObject({ type: "feedback", verdict: "invalid", position: 4, expected: null });
    aiko.send(`${right(q1)}\n`);
    expect(parse(await aiko.line(3))).toMatchObject({ type: "feedback", verdict: "correct" });
    // Then σ(x) on the first σ′ question, the right answer elsewhere, until one question is left: skipped.
    let n = 4;
    let sigmaGiven = false;
    const verdicts: Line[] = [];
    for (;;) {
      const line = parse(await aiko.line(n++));
      if (line.type === "summary") {
        expect(line).toMatchObject({ quit: false, skipped: 1, hints: 1, session: ready.session, scoreOf: 4 });
        break;
      }
      if (line.type === "feedback" || line.type === "skipped") {
        verdicts.push(line);
        continue;
      }
      expect(line.type).toBe("question");
      if (line.number === line.total) aiko.send(":skip\n");
      else if (line.quantity === "derivative" && !sigmaGiven) {
        sigmaGiven = true;
        aiko.send(`${sigmaInstead(line)}\n`);
      } else aiko.send(`${right(line)}\n`);
    }
    expect(sigmaGiven).toBe(true);
    expect(verdicts).toContainEqual(expect.objectContaining({ verdict: "incorrect", diagnosis: "sigmoid-instead-of-derivative" }));
    expect(verdicts.at(-1)).toMatchObject({ type: "skipped" });
    aiko.child.stdin.end();
    expect((await aiko.exit).code).toBe(0);
  });

  it("the end of input quits: a summary line with quit true, exit 0", async () => {
    const run = await runCli(["quiz", "--join", ready.join, "--name", "Eve", "--json", "--data-dir", tempDir("st-join-eve-")], {
      input: "",
    });
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split("\n").map(parse);
    expect(lines[0]).toMatchObject({ type: "question", number: 1 });
    expect(lines.at(-1)).toMatchObject({ type: "summary", quit: true, attempts: 0 });
  });

  it("plain text: sentences, the score and where the answers are", async () => {
    const run = await runCli(
      ["quiz", "--join", ready.join, "--name", "Dan", "--plain", "--lang", "ja", "--data-dir", tempDir("st-join-dan-")],
      {
        input: ":skip\n:quit\n",
      },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`セッション ${ready.session}.*に参加しました`));
    expect(run.stdout).toMatch(/問題 1 \/ 4/);
    expect(run.stdout).toMatch(/得点: 0 \/ 4 問正解/);
    expect(run.stdout).toMatch(/サーバーに記録されています/);
  });

  it("resumes after kill -9 of the client: the same learner, the same answers, nothing counted twice", async () => {
    const dataDir = tempDir("st-join-kim-");
    const first = learner("Kim", dataDir);
    const q1 = parse(await first.line(0));
    first.send(`${right(q1)}\n`);
    const next = parse(await first.line(2));
    first.child.kill("SIGKILL");
    await first.exit;
    const again = learner("Kim", dataDir);
    // Killed before it noted the answer as shown, the client sends the same attempt id again and
    // shows the stored answer (the same feedback); either way the same question is next.
    let n = 0;
    let shown = parse(await again.line(n++));
    if (shown.type === "feedback") {
      expect(shown).toEqual(parse(first.lines[1]!));
      shown = parse(await again.line(n++));
    }
    expect(shown).toMatchObject({ type: "question", number: next.number, part: next.part });
    again.send(":quit\n");
    const summary = parse(await again.line(n));
    expect(summary).toMatchObject({ type: "summary", attempts: 1, correct: 1, quit: true });
    expect((await again.exit).code).toBe(0);
  });

  it("a name already taken, without its token, is refused with exit 1", async () => {
    const taken = await runCli(["quiz", "--join", ready.join, "--name", "Aiko", "--json", "--data-dir", tempDir("st-join-other-")], {
      input: "",
    });
    expect(taken.code).toBe(1);
    expect(taken.stdout).toBe("");
    expect(taken.stderr).toMatch(/The name "Aiko" is already taken in this session/);
  });

  it("refuses options that set the quiz, and an address that is not a join address (exit 2)", async () => {
    const seed = await runCli(["quiz", "--join", ready.join, "--name", "Z", "--seed", "3"], { input: "" });
    expect(seed.code).toBe(2);
    expect(seed.stderr).toMatch(/--seed cannot be used with --join/);
    const dashboard = await runCli(["quiz", "--join", ready.dashboard, "--name", "Z"], { input: "" });
    expect(dashboard.code).toBe(2);
    expect(dashboard.stderr).toMatch(/path must be \/j\/CODE/);
    expect(dashboard.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe("the server goes down and comes back", () => {
  it("the learner is told once, waits, is told it is back, and the answer typed during the outage counts once", async () => {
    const db = tempDir("st-join-down-");
    const first = await startServer(QUIZ, db);
    const port = new URL(first.ready.url).port;
    const dataDir = tempDir("st-join-lee-");
    const lee = spawnCli(["quiz", "--join", first.ready.join, "--name", "Lee", "--json", "--data-dir", dataDir]);
    const q1 = parse(await lee.line(0));
    first.server.child.kill("SIGKILL");
    await first.server.exit;
    lee.send(`${right(q1)}\n`);
    await lee.stderrMatching(/cannot be reached/);
    const resumed = await startServer(["--resume", first.ready.session], db, Number(port));
    try {
      expect(resumed.ready.session).toBe(first.ready.session);
      expect(parse(await lee.line(1, 120_000))).toMatchObject({ type: "feedback", verdict: "correct" });
      await lee.stderrMatching(/answers again/);
      expect(lee.stderr.join("").match(/cannot be reached/g)).toHaveLength(1);
      lee.send(":quit\n");
      expect(parse(await lee.line(3))).toMatchObject({ type: "summary", attempts: 1, correct: 1 });
      expect((await lee.exit).code).toBe(0);
    } finally {
      await stop(resumed.server);
    }
  }, 240_000);
});

describe("--feedback end", () => {
  it("hides verdicts and expected values until the summary", async () => {
    const db = tempDir("st-join-end-");
    const { server: ended, ready: endReady } = await startServer([...QUIZ, "--feedback", "end"], db);
    try {
      const miaDir = tempDir("st-join-mia-");
      const mia = spawnCli(["quiz", "--join", endReady.join, "--name", "Mia", "--json", "--data-dir", miaDir]);
      const q1 = parse(await mia.line(0));
      mia.send(`${right(q1)}\n`);
      const feedback = parse(await mia.line(1));
      expect(feedback).toMatchObject({ type: "feedback", verdict: "recorded", expected: null, diagnosis: null, solution: null });
      mia.send(":skip\n");
      expect(parse(await mia.line(3))).toMatchObject({ type: "skipped", expected: null, solution: null });
      mia.send(":quit\n");
      const summary = parse(await mia.line(5));
      expect(summary).toMatchObject({ type: "summary", correct: 1 });
      expect(JSON.stringify(summary.results)).toContain("correct");
      expect((await mia.exit).code).toBe(0);
      expect(existsSync(db)).toBe(true);
      // The instructor ends the session: Mia, coming back with her token, sees her summary; a
      // newcomer is told the session has ended.
      const ended = await fetch(`${endReady.url}/api/sessions/${endReady.session}/end`, {
        method: "POST",
        headers: { authorization: `Bearer ${endReady.token}` },
      });
      expect(ended.status).toBe(200);
      const back = await runCli(["quiz", "--join", endReady.join, "--name", "Mia", "--json", "--data-dir", miaDir], { input: "" });
      expect(back.code, back.stderr).toBe(0);
      expect(parse(back.stdout.trim().split("\n").at(-1)!)).toMatchObject({ type: "summary", correct: 1 });
      const late = await runCli(["quiz", "--join", endReady.join, "--name", "Zed", "--json", "--data-dir", tempDir("st-join-zed-")], {
        input: "",
      });
      expect(late.code).toBe(1);
      expect(late.stderr).toMatch(/This session has ended/);
    } finally {
      await stop(ended);
    }
  }, 180_000);
});

describe("a timed session", () => {
  it("ends when the time runs out while the learner is thinking: the server's notice and a time-up summary", async () => {
    const db = tempDir("st-join-time-");
    // 0.05 minutes: 3 seconds from the learner's join.
    const { server: timed, ready: timedReady } = await startServer([...QUIZ, "--time", "0.05"], db);
    try {
      const ona = spawnCli(["quiz", "--join", timedReady.join, "--name", "Ona", "--json", "--data-dir", tempDir("st-join-ona-")]);
      const q1 = parse(await ona.line(0));
      expect(q1).toMatchObject({ type: "question", number: 1 });
      expect(typeof q1.deadline).toBe("string");
      // Nothing typed, stdin still open: the client notices the deadline itself.
      expect(parse(await ona.line(1, 30_000))).toMatchObject({ type: "notice" });
      expect(parse(await ona.line(2))).toMatchObject({ type: "summary", timeUp: true, ending: "time-up", attempts: 0 });
      expect((await ona.exit).code).toBe(0);
    } finally {
      await stop(timed);
    }
  }, 180_000);
});
