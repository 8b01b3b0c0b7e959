// 200 simulated learners answering at once against one `serve`, on the embedded PGlite and on a
// real PostgreSQL (a throwaway cluster of the bench's own, test/support/pg-cluster.mjs, with
// PostgreSQL's durable defaults). The learners speak the HTTP API directly from this process
// (test/support/live-session.mjs): they join one after another, then in each round all 200
// send their answer to the current question at the same moment; every answer's round trip is
// timed from just before its request is sent to its whole response read. Reports the median
// and p99 over all rounds and the server's peak RSS (VmHWM, read before it is stopped).
//
// Beside them, in the same run and with the same client, the floor: the same bursts against an
// HTTP server that does nothing (bench/empty-server.mjs), so that the p99 is read against what
// this machine gives any Node server, not against a number alone.
//
// BENCH_LIVE_LEARNERS and BENCH_LIVE_ROUNDS change the load; BENCH_LIVE_PROFILE=DIR runs the
// server with `node --cpu-prof --cpu-prof-dir DIR` (the profile is written when it stops).
import { findPostgresBin, startCluster } from "../test/support/pg-cluster.mjs";
import {
  HttpLearner,
  keepAliveTransport,
  peakRss,
  rightAnswerFor,
  sigmoidForDerivativeFor,
  startServe,
} from "../test/support/live-session.mjs";

const LEARNERS = Number(process.env.BENCH_LIVE_LEARNERS ?? 200) || 200;
const ROUNDS = Number(process.env.BENCH_LIVE_ROUNDS ?? 6) || 6;
const P99_TARGET_MS = 50;
// Joining is not what is measured; a few at a time keeps it short without a burst of its own.
const JOIN_CONCURRENCY = 10;

/** The CPU time (user + system, ms) a process has used so far, or null off Linux. */
async function cpuMs(pid) {
  const { readFile } = await import("node:fs/promises");
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // Fields after the command's closing parenthesis; utime and stime are the 12th and 13th,
    // in clock ticks (100 a second on Linux x64).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

async function inBatches(items, size, fn) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/** One session with LEARNERS learners and ROUNDS simultaneous rounds; returns the figures. */
async function measure(context, database) {
  const data = context.tempDir("live-data");
  const profile = process.env.BENCH_LIVE_PROFILE;
  const server = await startServe(
    context.CLI,
    // Enough questions for every round (a question may have two parts: a round answers one part).
    [
      "--port",
      "0",
      "--database",
      database,
      "--seed",
      "7",
      "--count",
      String(ROUNDS),
      "--skill",
      "sigmoid-value",
      "--skill",
      "derivative-value",
      "--lang",
      "en",
    ],
    { env: { SIGMOID_TRAINER_HOME: data }, nodeArgs: profile ? ["--cpu-prof", "--cpu-prof-dir", profile] : [] },
  );
  let figures;
  try {
    const { url, session } = server.ready;
    const learners = Array.from(
      { length: LEARNERS },
      (_, i) => new HttpLearner(url, session, `Learner ${String(i + 1).padStart(3, "0")}`, { transport: keepAliveTransport() }),
    );
    await inBatches(learners, JOIN_CONCURRENCY, async (learner) => {
      await learner.join();
      await learner.state();
    });
    const times = [];
    const bytes = [];
    let refused = 0;
    const cpuBefore = await cpuMs(server.pid);
    for (let round = 0; round < ROUNDS; round++) {
      const active = learners.filter((learner) => learner.question);
      if (active.length === 0) break;
      // Every third learner gives σ for σ′: wrong answers are graded and diagnosed too.
      const answers = active.map((learner, i) =>
        i % 3 === 2 ? sigmoidForDerivativeFor(learner.question) : rightAnswerFor(learner.question),
      );
      const results = await Promise.all(active.map((learner, i) => learner.act("answer", answers[i])));
      for (const result of results) {
        if (result.status === 200) {
          times.push(result.ms);
          bytes.push(JSON.stringify(result.body).length);
        } else refused++;
      }
      // Stay well under the per-learner rate limit (10 actions a second).
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const cpuAfter = await cpuMs(server.pid);
    // The server's own CPU per answer (the database's processes and the bench's clients not
    // counted; the 200 ms pauses between rounds cost it next to nothing).
    const cpuPerAnswer = cpuBefore !== null && cpuAfter !== null && times.length > 0 ? (cpuAfter - cpuBefore) / times.length : null;
    figures = { times, refused, rss: await peakRss(server.pid), cpuPerAnswer, bytes: bytes.reduce((a, b) => a + b, 0) / bytes.length };
  } finally {
    await server.stop("SIGINT");
  }
  // A server that did not end cleanly after the load is a failure of its own.
  const { code, signal } = await server.exited;
  if (code !== 0) throw new Error(`serve ended with ${code ?? signal} after the bench: ${server.stderr().slice(-500)}`);
  return figures;
}

/**
 * The same bursts, through the same client, against bench/empty-server.mjs answering `bytes`
 * bytes: the p99 any Node HTTP server gets here. Returns the round trips.
 */
async function measureFloor(bytes) {
  const { spawn } = await import("node:child_process");
  const child = spawn(process.execPath, [new URL("./empty-server.mjs", import.meta.url).pathname, String(Math.round(bytes))], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    const port = await new Promise((resolve, reject) => {
      child.stdout.setEncoding("utf8").once("data", (line) => resolve(Number(line.trim())));
      child.once("exit", (code) => reject(new Error(`the empty server exited (${code})`)));
    });
    const url = `http://127.0.0.1:${port}/api/sessions/FLOOR/actions`;
    const clients = Array.from({ length: LEARNERS }, () => keepAliveTransport());
    const send = (client) =>
      client(url, {
        method: "POST",
        token: "floor",
        body: { id: "00000000-0000-4000-8000-000000000000", action: "answer", text: "0.731" },
      });
    await inBatches(clients, JOIN_CONCURRENCY, send);
    const times = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const { status, ms } of await Promise.all(clients.map(send))) if (status === 200) times.push(ms);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return times;
  } finally {
    child.kill("SIGINT");
  }
}

function addRows(context, label, { times, refused, rss, cpuPerAnswer }, floor) {
  if (times.length === 0) throw new Error(`${label}: no answer came back (${refused} refused)`);
  const floorP99 = context.percentile(floor, 99);
  const why = `an answer waits behind the others of its burst of ${LEARNERS}: the server, the database and the bench's own ${LEARNERS} clients share the machine's 2 cores. An HTTP server that does nothing, answering the same bursts in this run, takes p99 ${floorP99.toFixed(0)} ms here, and grading, storing and answering cost serve's CPU time per answer (below) on top of it; profile in docs/benchmarks.md`;
  const note = `${times.length} answers in rounds of ${LEARNERS} at once${refused ? `, ${refused} refused` : ""}`;
  context.row(`${LEARNERS} learners answering at once, ${label}: median`, context.median(times), "ms", { note });
  context.row(`${LEARNERS} learners answering at once, ${label}: p99`, context.percentile(times, 99), "ms", {
    target: { text: `≤ ${P99_TARGET_MS} ms`, check: (value) => value <= P99_TARGET_MS, why },
    note: `${(context.percentile(times, 99) / floorP99).toFixed(1)}× the p99 of the server that does nothing, in this run; max ${Math.max(...times).toFixed(1)} ms`,
  });
  if (cpuPerAnswer !== null)
    context.row(`serve's CPU time per answer, ${label}`, cpuPerAnswer, "ms", {
      note: `user + system time of the serve process over the rounds, divided by the answers; ${LEARNERS} answers at once need ${LEARNERS} times this of the 2 cores`,
    });
  if (rss !== null) context.row(`peak memory of serve, ${label}`, rss / 2 ** 20, "MiB", { note: `max RSS with ${LEARNERS} learners` });
}

export default async function live(context) {
  const pglite = await measure(context, context.tempDir("live-pglite"));
  const floor = await measureFloor(pglite.bytes);
  context.row(`${LEARNERS} requests at once to an HTTP server that does nothing: median`, context.median(floor), "ms", {
    note: `bench/empty-server.mjs (node:http) answering ${Math.round(pglite.bytes)} bytes, the size of a graded answer, through the same client: the floor`,
  });
  context.row(`${LEARNERS} requests at once to an HTTP server that does nothing: p99`, context.percentile(floor, 99), "ms", {
    note: `max ${Math.max(...floor).toFixed(1)} ms`,
  });
  addRows(context, "PGlite", pglite, floor);
  const bin = findPostgresBin();
  if (!bin) {
    context.notMeasured(
      `${LEARNERS} learners answering at once, PostgreSQL`,
      "PostgreSQL's initdb and pg_ctl were not found (apt-get install postgresql)",
    );
    return;
  }
  const cluster = await startCluster({ bin, durable: true });
  try {
    addRows(context, "PostgreSQL", await measure(context, cluster.url), floor);
  } finally {
    cluster.stop();
  }
}
