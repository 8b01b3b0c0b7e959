// The built program's entry, dist/cli.js: a CommonJS script, because node starts one faster than
// an ES module (measured: a file that prints one line costs about 1.15× bare node as CommonJS and
// 1.40× as an ES module). It answers --version itself; the commands without a screen run from a
// single CommonJS bundle each (dist/commands/NAME.js: one file read, no module graph); everything
// else (the trainer, the quiz, validate, report, …) goes to main.ts, the ES module build with
// its code-split chunks.
import { createRequire } from "node:module";
import { version } from "../../package.json";

/** The commands with a bundle of their own, set by scripts/build.mjs. */
declare const __SIGMOID_TRAINER_SINGLE_BUNDLES__: readonly string[];

/** main.ts as built (a variable, so the bundler leaves the import to run time). */
const MAIN = "./main.mjs";

const first = process.argv[2];
if (first === "--version" || first === "-v") {
  process.stdout.write(`${version}\n`);
} else if (first !== undefined && __SIGMOID_TRAINER_SINGLE_BUNDLES__.includes(first)) {
  createRequire(__filename)(`./commands/${first}.js`);
} else {
  import(MAIN);
}
