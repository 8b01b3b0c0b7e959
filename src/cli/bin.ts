// The built program's entry, dist/cli.js: a CommonJS script, because node starts one faster than
// an ES module (measured: a file that prints one line costs about 1.15× bare node as CommonJS and
// 1.40× as an ES module). It answers --version and --help itself; the trainer (bare, learn, practice,
// review, explore) and the commands without a screen run from a single CommonJS bundle each
// (dist/commands/NAME.js: one file read, no module graph); everything else (the quiz, validate,
// report, …) goes to main.ts, the ES module build with its code-split chunks.
import { createRequire } from "node:module";
import { version } from "../../package.json";
import { USAGE } from "./usage";

/** The commands with a bundle of their own, set by scripts/build.mjs. */
declare const __SIGMOID_TRAINER_SINGLE_BUNDLES__: readonly string[];

/** main.ts as built (a variable, so the bundler leaves the import to run time). */
const MAIN = "./main.mjs";

/** The commands that open the full-screen trainer in a terminal (bare `sigmoid-trainer` too). */
const SCREENS = ["learn", "practice", "review", "quiz", "explore"];
/** The trainer's commands, run from dist/commands/trainer.js (the quiz has more to it: main.ts). */
const TRAINER = ["learn", "practice", "review", "explore"];
/** Flags that keep a command in plain mode. */
const PLAIN = ["--plain", "--json", "--screen-reader"];

const args = process.argv.slice(2);
const first = args[0];
// The streams last: touching stdin sets it up (it showed in the profile of calc), which the
// other commands need not do.
const fullScreen =
  (first === undefined ||
    SCREENS.includes(first) ||
    (first.startsWith("-") && first !== "--help" && first !== "-h" && first !== "--version" && first !== "-v")) &&
  !args.some((arg) => PLAIN.includes(arg)) &&
  process.stdin.isTTY === true &&
  process.stdout.isTTY === true;
if (fullScreen) {
  // Ink, React and the screens' code cache take the trainer's peak memory over 80 MiB; V8's
  // "optimize for size" mode keeps its heap smaller (measured: a 10-question session peaks at
  // 75-79 MiB instead of 88-90). Set at run time because a bin script cannot pass node flags,
  // and only for the full screen: commands that start, print and exit have no heap to save
  // (nor load node:v8, which showed in the profile of calc).
  const v8: typeof import("node:v8") = createRequire(__filename)("node:v8");
  v8.setFlagsFromString("--semi-space-growth-factor=1");
  v8.setFlagsFromString("--optimize-for-size");
}

/** Prints `text` as main.ts would: a reader that goes away (`| head`) ends the program quietly. */
function print(text: string): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
  });
  process.stdout.write(text);
}

if (first === "--version" || first === "-v") {
  print(`${version}\n`);
} else if (first === "--help" || first === "-h" || first === "help") {
  print(USAGE);
} else if (first !== undefined && __SIGMOID_TRAINER_SINGLE_BUNDLES__.includes(first)) {
  createRequire(__filename)(`./commands/${first}.js`);
} else if (first === undefined || TRAINER.includes(first) || (first.startsWith("-") && first !== "--help" && first !== "-h")) {
  createRequire(__filename)("./commands/trainer.js");
} else {
  import(MAIN);
}
