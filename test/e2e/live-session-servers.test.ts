// Several `serve` processes on one PostgreSQL session, as behind a load balancer: a learner
// answers through server B, and the dashboard's event stream on server A shows it (the servers
// tell each other with LISTEN/NOTIFY). PostgreSQL only: PGlite is one process's database.
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "../quiz/helpers";
import { CLI } from "../support/cli";
import { HttpLearner, type RunningServe, rightAnswerFor, startServe } from "../support/live-session.mjs";
import { postgresBackend, serve, showSkippedOnPostgres } from "./live-support";

interface Snapshot {
  learners: Array<{ name: string; answered: number; right: number; results: Array<string | null> }>;
}

/**
 * Reads `event: snapshot` messages from an event stream until `until` holds for one (or the
 * time is up); `onFirst` is called when the first snapshot came, i.e. the stream is open.
 */
async function watchSnapshots(
  url: string,
  token: string,
  until: (s: Snapshot) => boolean,
  onFirst: () => void,
  timeoutMs: number,
): Promise<Snapshot[]> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const seen: Snapshot[] = [];
  try {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" }, signal: abort.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!/^event: snapshot$/m.test(message)) continue;
        const data = message
          .split("\n")
          .filter((l) => l.startsWith("data:"))
          .map((l) => l.slice(5).replace(/^ /, ""))
          .join("\n");
        const snapshot = JSON.parse(data) as Snapshot;
        seen.push(snapshot);
        if (seen.length === 1) onFirst();
        if (until(snapshot)) {
          abort.abort();
          return seen;
        }
      }
    }
  } catch (error) {
    if (!abort.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
  }
  return seen;
}

showSkippedOnPostgres("several servers, one session");

describe.skipIf(!postgresBackend)("several servers, one session on PostgreSQL", () => {
  const servers: RunningServe[] = [];
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    for (const server of servers) await server.stop("SIGINT");
    await drop?.();
  });

  it("an answer given through server B shows on server A's dashboard stream", async () => {
    const db = await postgresBackend!.create("servers");
    drop = db.drop;
    const a = await serve(db.database);
    servers.push(a);
    const { session, token } = a.ready;
    const b = await startServe(CLI, ["--resume", session, "--port", "0", "--database", db.database], {
      env: { SIGMOID_TRAINER_HOME: tempDir("live-b-data-"), DATABASE_URL: undefined },
    });
    servers.push(b);
    expect(b.ready.session).toBe(session);
    expect(b.ready.url).not.toBe(a.ready.url);

    const events = `${a.ready.url}/api/sessions/${session}/events`;
    const answered = (s: Snapshot) => s.learners.some((l) => l.name === "Mika" && l.answered >= 1 && l.results[0] === "correct");
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const watching = watchSnapshots(events, token, answered, () => open(), 20_000);
    // The stream is open (its first snapshot came) before the learner acts on B.
    await Promise.race([opened, watching]);
    const learner = new HttpLearner(b.ready.url, session, "Mika");
    await learner.join();
    await learner.state();
    const q = learner.question!;
    expect(q.number).toBe(1);
    for (let part = 0; learner.question?.number === 1 && part < 3; part++) {
      expect((await learner.act("answer", rightAnswerFor(learner.question))).status).toBe(200);
    }
    const seen = await watching;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.some(answered), JSON.stringify(seen.at(-1))).toBe(true);

    // Server A knows the learner too: the same token goes on there, where B left off.
    const onA = new HttpLearner(a.ready.url, session, "Mika");
    onA.token = learner.token;
    await onA.state();
    expect(onA.question).toEqual(learner.question);
  }, 60_000);
});
