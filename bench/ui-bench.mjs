// The full-screen trainer in a pseudo-terminal (80×24, CI unset, English, a fresh data dir per
// run): time to its first full frame, next to a six-line Ink hello world and to bare node, run
// by run; keystroke-to-frame latency on the practice screen; and the peak memory of a practice
// session, full-screen and in plain mode through a pipe.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { buildInkHello, HELLO_TEXT } from "./ink-hello.mjs";
import { RSS_PRELOAD_FLAG, rssFile } from "./memory.mjs";
import { ptyUnavailable, startInPty, stripAnsi, timeToExit } from "./pty.mjs";

/** The last line of Home's key bar: once it is on screen, the whole first frame is. */
const HOME_LAST = "q quit";
/** The practice screen's key bar while a question is asked. */
const ASKING = "Enter grade";
const ANSWERED = "Enter next";
/** Every key bar ends with it. */
const KEY_BAR_END = "? help";
/**
 * Ink 6 wraps each frame in a synchronized update (DEC mode 2026): the terminal shows it only
 * when the end mark arrives, so a frame counts as drawn at its end mark.
 */
const SYNC_END = "\x1b[?2026l";
/** Sample rounds of typing and deleting ANSWER_KEYS on the practice screen, per pace. */
const ROUNDS = 10;
/**
 * Time between keys for the typing figure: 100 ms is 10 keys a second, faster than people type
 * numbers (120 words a minute). A second figure sends each key as soon as the previous one is
 * drawn, which shows Ink's render throttle.
 */
const TYPING_GAP_MS = 100;
const ANSWER_KEYS = "0.123456789";
const BACKSPACE = "\x7f";
const CTRL_C = "\x03";
/** Questions answered in each memory session. */
const SESSION_QUESTIONS = 10;

/** The first frame, as a share of the Ink hello world's (paired run by run). */
const FIRST_FRAME_OF_HELLO = 0.8;
/** One frame at 60 Hz. */
const KEY_P99_MS = 16;
const MEMORY_MIB = 80;
const PLAIN_MEMORY_MIB = 60;

// A learner's terminal: colours on, English, no CI.
const ENV = { NO_COLOR: undefined, FORCE_COLOR: undefined, SIGMOID_TRAINER_HOME: undefined, LANG: "en_US.UTF-8" };

const ms = (from, to) => Number(to - from) / 1e6;

/** Ctrl+C saves and quits from any screen; a trainer that does not exit in time is killed. */
async function quit(pty) {
  pty.write(CTRL_C);
  const timer = setTimeout(() => pty.kill(), 5_000);
  await pty.exited;
  clearTimeout(timer);
}

/**
 * Resolves (hrtime) when a frame containing `text` has been completely drawn after `since`:
 * up to its synchronized-update end mark, or, for a renderer without those marks, when the text
 * is there.
 */
function frameWith(pty, text, since) {
  return pty.waitFor(
    (out) => {
      if (!pty.output.includes("\x1b[?2026h")) return stripAnsi(out).includes(text);
      const end = out.lastIndexOf(SYNC_END);
      return end >= 0 && stripAnsi(out.slice(0, end)).includes(text);
    },
    { since },
  );
}

/** The complete frame drawn after `since` (every key bar ends with KEY_BAR_END). */
async function nextFrame(pty, since) {
  await frameWith(pty, KEY_BAR_END, since);
  const out = pty.output.slice(since);
  const end = out.lastIndexOf(SYNC_END);
  return stripAnsi(end >= 0 ? out.slice(0, end) : out);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Types `keys` one at a time, each `gap` ms after the previous one was echoed in the answer field. */
async function typeAnswer(pty, keys, typedBefore = "", gap = 0) {
  let typed = typedBefore;
  const latencies = [];
  for (const key of keys) {
    typed = key === BACKSPACE ? typed.slice(0, -1) : typed + key;
    if (gap > 0) await sleep(gap);
    const since = pty.output.length;
    const sent = process.hrtime.bigint();
    pty.write(key);
    // The field shows the text, then the cursor cell (a space), then the line ends.
    const shown = await frameWith(pty, `Answer: ${typed} `, since);
    latencies.push(ms(sent, shown));
  }
  return latencies;
}

/** Answers SESSION_QUESTIONS questions with "0.5" (skipping one the answer cannot be read for). */
async function practiceSession(pty) {
  let frame = await nextFrame(pty, 0);
  for (let answered = 0; answered < SESSION_QUESTIONS && frame.includes(ASKING); answered++) {
    await typeAnswer(pty, "0.5");
    let since = pty.output.length;
    pty.write("\r");
    frame = await nextFrame(pty, since);
    if (!frame.includes(ANSWERED)) {
      since = pty.output.length;
      pty.write("\t"); // not readable as an answer here (a formula question): skip it
      frame = await nextFrame(pty, since);
    }
    since = pty.output.length;
    pty.write("\r");
    frame = await nextFrame(pty, since);
  }
}

export default async ({ row, notMeasured, paired, tempDir, RUNS, CLI, ROOT, node, bareArgv, median, percentile }) => {
  const figures = [
    "first full frame (Home)",
    "first frame of practice",
    "first start after a new build (Home, no caches)",
    "keystroke to frame, median",
    "keystroke to frame, p99",
    "keystroke to frame, keys back to back: median",
    "peak memory, full-screen practice",
  ];
  const unavailable = ptyUnavailable();
  if (unavailable) {
    for (const name of figures) notMeasured(name, unavailable);
  } else {
    const dataRoot = tempDir("ui");
    const freshDir = () => mkdtempSync(join(dataRoot, "d-"));
    const trainer = (args, extraNode = []) => [node, ...extraNode, CLI, ...args, "--lang", "en", "--data-dir", freshDir()];

    // Is there a full-screen trainer to measure? Plain mode at a terminal says it is not built.
    const probe = startInPty(trainer([]), { env: ENV });
    const seen = await Promise.race([
      probe.waitForText(HOME_LAST).then(() => "home"),
      probe.exited.then(() => "exited"),
      new Promise((resolve) => setTimeout(() => resolve("timeout"), 20_000)),
    ]).catch(() => "exited");
    if (seen === "home") await quit(probe);
    else probe.kill();
    if (seen !== "home") {
      const why = /not built|plain mode/i.test(stripAnsi(probe.output))
        ? "the full-screen trainer is not built yet"
        : `no Home screen in 20 s (${seen})`;
      for (const name of figures) notMeasured(name, why);
    } else {
      const firstFrame = async (args, lastText, env = {}) => {
        const pty = startInPty(trainer(args), { env: { ...ENV, ...env } });
        const shown = await frameWith(pty, lastText, 0);
        await quit(pty);
        return ms(pty.started, shown);
      };
      const hello = await buildInkHello(ROOT, tempDir("hello"));
      const helloFrame = async () => {
        const pty = startInPty([node, hello], { env: ENV });
        const shown = await frameWith(pty, HELLO_TEXT, 0);
        pty.kill();
        await pty.exited;
        return ms(pty.started, shown);
      };
      const barePtyRun = () => timeToExit(bareArgv, { env: ENV });
      for (let i = 0; i < 2; i++) await helloFrame(); // warm-up, as for the trainer

      // Home: bare node, the hello world and the trainer in turn, RUNS times; each ratio is taken
      // within its own turn, so a load spike on the shared machine hits both sides of it.
      const bare = [];
      const helloTimes = [];
      const home = [];
      for (let i = 0; i < RUNS; i++) {
        bare.push(await barePtyRun());
        helloTimes.push(await helloFrame());
        home.push(await firstFrame([], HOME_LAST));
      }
      const ofHello = median(home.map((t, i) => t / helloTimes[i]));
      const ofBare = median(home.map((t, i) => t / bare[i]));
      row("Ink hello world, first frame (six lines, standard esbuild bundle)", median(helloTimes), "ms", {
        ratio: median(helloTimes.map((t, i) => t / bare[i])),
        note: "the yardstick below: Ink, React and yoga bundled the usual way, nothing else",
      });
      row("first full frame (Home)", median(home), "ms", {
        ratio: ofBare,
        target: {
          text: `≤ ${FIRST_FRAME_OF_HELLO}× hello world`,
          check: () => ofHello <= FIRST_FRAME_OF_HELLO,
          why: whyFirstFrame(),
        },
        note: `**${ofHello.toFixed(2)}× the hello world**, paired run by run (${home.map((t, i) => (t / helloTimes[i]).toFixed(2)).join(" ")}); new learner, shipped course, caches warm; bare node ${median(bare).toFixed(0)} ms in these runs`,
      });
      const practice = await paired(() => firstFrame(["practice", "--seed", "1"], ASKING), barePtyRun);
      row("first frame of practice", practice.value, "ms", {
        ratio: practice.ratio,
        note: `sigmoid-trainer practice; bare node ${practice.bare.toFixed(0)} ms in these pairs`,
      });
      // A learner's very first start (or the first after an update): no parsed course, no code cache.
      const cold = await paired(
        () => firstFrame([], HOME_LAST, { SIGMOID_TRAINER_CACHE: mkdtempSync(join(dataRoot, "cache-")) }),
        barePtyRun,
      );
      row("first start after a new build (Home, no caches)", cold.value, "ms", {
        ratio: cold.ratio,
        note: "parses the course's YAML and compiles the screens, then writes both caches; once per build",
      });

      // Keystroke to frame: type ANSWER_KEYS into the answer field and delete them again, ROUNDS
      // times; each sample is one key, from writing it until the frame showing the new text has
      // been drawn (the pty's relay both ways included).
      const pty = startInPty(trainer(["practice", "--seed", "1"]), { env: ENV });
      await frameWith(pty, ASKING, 0);
      const sample = async (gap) => {
        const latencies = [];
        for (let round = 0; round < ROUNDS; round++) {
          latencies.push(...(await typeAnswer(pty, ANSWER_KEYS, "", gap)));
          latencies.push(...(await typeAnswer(pty, BACKSPACE.repeat(ANSWER_KEYS.length), ANSWER_KEYS, gap)));
        }
        return latencies;
      };
      const typing = await sample(TYPING_GAP_MS);
      const burst = await sample(0);
      await quit(pty);
      row("keystroke to frame, median", median(typing), "ms", {
        note: `${typing.length} keys typed and deleted, ${TYPING_GAP_MS} ms apart, on the practice screen`,
      });
      row("keystroke to frame, p99", percentile(typing, 99), "ms", {
        target: { text: `≤ ${KEY_P99_MS} ms (one frame at 60 Hz)`, check: (v) => v <= KEY_P99_MS, why: WHY_KEY_P99 },
        note: `max ${Math.max(...typing).toFixed(1)} ms`,
      });
      row("keystroke to frame, keys back to back: median", median(burst), "ms", {
        note: `p99 ${percentile(burst, 99).toFixed(1)} ms; each key sent as soon as the last frame is drawn: the trainer lets Ink draw at most 60 frames a second (render option maxFps), so a key within 17 ms of the last frame waits for the next one`,
      });

      // Peak memory of a full-screen practice session of SESSION_QUESTIONS questions.
      const memoryTarget = {
        text: `≤ ${MEMORY_MIB} MiB`,
        check: (v) => v <= MEMORY_MIB,
        why: "node itself peaks at about 42 MiB and a bundled Ink hello world at about 60; without the memory flags (cli.js) the young generation grows to about 16 MiB and the session peaks at 86-90 MiB",
      };
      const peaks = [];
      for (let i = 0; i < RUNS; i++) {
        const rss = rssFile(dataRoot);
        const session = startInPty(trainer(["practice", "--seed", String(i + 1)], [RSS_PRELOAD_FLAG]), { env: { ...ENV, ...rss.env } });
        await practiceSession(session);
        await quit(session);
        peaks.push(rss.read());
      }
      row("peak memory, full-screen practice", median(peaks), "MiB", {
        ratioTo: await bareRss(dataRoot, node, RUNS, median),
        target: memoryTarget,
        note: `${SESSION_QUESTIONS} questions answered; max RSS`,
      });
    }
  }
  await plainMemory({ row, tempDir, RUNS, CLI, node, median });
};

/** Where the first frame's time goes when it misses (node --cpu-prof of starts with warm caches, cut at the frame). */
function whyFirstFrame() {
  return (
    "profiled to the frame: the screens' code runs about 110 ms of JavaScript (of all of it in the run: Ink's output path about 55 %: Ink, " +
    "ansi-tokenize, string-width, slice-ansi; yoga's glue about 11 %; React's reconciler about 10 %), garbage collection about 20 % of the " +
    "time (the memory flags add 20-45 ms), " +
    "yoga's WebAssembly about 4 % (compiled at every start: no code cache covers it), then the trainer's own loading (its bundle, the " +
    "course from the cache, the progress files); the hello world does none of the trainer's work"
  );
}

/** Where a slow key's time goes when the p99 misses. */
const WHY_KEY_P99 =
  "the slow keys are the machine's, not the trainer's: the median key takes one frame's work, and the tail follows the other jobs' load " +
  "on the 2 shared cores (the previous table, taken on a quieter machine, had p99 12.7 ms)";

/** Peak memory of bare node with the same preload, for the ratio. */
async function bareRss(dir, node, runs, median) {
  const peaks = [];
  for (let i = 0; i < Math.min(runs, 5); i++) {
    const rss = rssFile(dir);
    await runPiped([node, RSS_PRELOAD_FLAG, "-e", "0"], rss.env, () => {});
    peaks.push(rss.read());
  }
  return median(peaks);
}

function runPiped(argv, env, onLine) {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let partial = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      const lines = (partial + chunk).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) onLine(line, child.stdin);
    });
    child.stderr.setEncoding("utf8").on("data", (c) => (stderr += c));
    child.stdin.on("error", () => {});
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${argv.slice(2).join(" ")} exited ${code}: ${stderr.trim().split("\n")[0]}`)),
    );
  });
}

/** Plain mode through a pipe (--plain --json), answering each question as it comes. */
async function plainMemory({ row, tempDir, RUNS, CLI, node, median }) {
  const dir = tempDir("plain");
  const peaks = [];
  let graded = 0;
  for (let i = 0; i < RUNS; i++) {
    const rss = rssFile(dir);
    const dataDir = mkdtempSync(join(dir, "d-"));
    graded = 0;
    const argv = [
      node,
      RSS_PRELOAD_FLAG,
      CLI,
      "practice",
      "--plain",
      "--json",
      "--lang",
      "en",
      "--seed",
      String(i + 1),
      "--count",
      String(SESSION_QUESTIONS),
      "--data-dir",
      dataDir,
    ];
    await runPiped(argv, rss.env, (line, stdin) => {
      const event = JSON.parse(line);
      if (event.type === "question") stdin.write(":hint\n0.5\n");
      else if (event.type === "feedback" && event.verdict === "invalid") stdin.write(":skip\n");
      else if (event.type === "feedback") graded++;
      else if (event.type === "summary") stdin.end();
    });
    peaks.push(rss.read());
  }
  row("peak memory, plain practice (pipe)", median(peaks), "MiB", {
    target: {
      text: `≤ ${PLAIN_MEMORY_MIB} MiB`,
      check: (v) => v <= PLAIN_MEMORY_MIB,
      why: "node itself peaks at about 42 MiB; the progress store and the course from its cache make up the rest",
    },
    note: `--plain --json, ${SESSION_QUESTIONS} questions, ${graded} graded answers; max RSS`,
  });
}
