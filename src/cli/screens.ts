// The full-screen trainer (src/ui/run.tsx), loaded once a command has decided that a terminal
// is there. The built program carries it as one classic script, dist/screens.js, run through
// a V8 code cache (code-cache.ts): the second start skips compiling Ink, React and the screens.
// From the sources (tests), it is an ordinary import.
//
// The script bundles its own copy of what the screens import, except the modules below: their
// error classes are thrown on one side and recognised with instanceof on the other (a quiz
// that cannot start, a result file that is already there, a usage or user error), so both
// sides must share one copy. scripts/build.mjs hands these imports to the `host` argument.
import { appendFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import * as quizNothingToAsk from "../quiz/nothing-to-ask";
import * as quizSettingsLoader from "../quiz/settings-loader";
import * as quizWriter from "../quiz/writer";
import * as args from "./args";
import { type CacheOutcome, runCachedScript } from "./code-cache";
import { contentCache, packageRoot } from "./content-dirs";
import * as io from "./io";

export type ScreenModule = typeof import("../ui/run");

/** Set by scripts/build.mjs to the screens script's path under dist/; absent from the sources. */
declare const __SIGMOID_TRAINER_SCREENS__: string | undefined;
declare const __SIGMOID_TRAINER_BUILD__: string | undefined;

/** The modules the script takes from this side, by the name scripts/build.mjs gives them. */
export const SCREEN_HOST_MODULES = {
  "cli/args": args,
  "cli/io": io,
  "quiz/nothing-to-ask": quizNothingToAsk,
  "quiz/writer": quizWriter,
  "quiz/settings-loader": quizSettingsLoader,
};

/**
 * The new cache is written this long after the screens start (the first frame is drawn by
 * then, and its code compiled), or at exit when that comes first.
 */
const WRITE_AFTER_MS = 400;

function afterFirstFrame(write: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    write();
  };
  setTimeout(once, WRITE_AFTER_MS).unref();
  process.once("exit", once);
}

export async function loadScreens(env: Pick<io.CliIO, "cwd" | "env">): Promise<ScreenModule> {
  if (typeof __SIGMOID_TRAINER_SCREENS__ !== "string" || typeof __SIGMOID_TRAINER_BUILD__ !== "string") return import("../ui/run");
  const module = { exports: {} as ScreenModule };
  const outcome = env.env.SIGMOID_TRAINER_CODE_CACHE_LOG;
  runCachedScript({
    file: join(packageRoot(), __SIGMOID_TRAINER_SCREENS__),
    cacheDir: contentCache(env).dir,
    build: __SIGMOID_TRAINER_BUILD__,
    // The script is esbuild's CommonJS output inside `(function (exports, require, module, host) {…})`.
    args: [module.exports, createRequire(import.meta.url), module, SCREEN_HOST_MODULES],
    scheduleWrite: afterFirstFrame,
    // For tests and the bench: what the cache did on this start, appended to the named file.
    ...(outcome ? { onOutcome: (what: CacheOutcome) => appendOutcome(outcome, what) } : {}),
  });
  return module.exports;
}

function appendOutcome(file: string, outcome: CacheOutcome): void {
  try {
    appendFileSync(file, `${outcome}\n`);
  } catch {
    // Only a diagnostic.
  }
}
