// Peak memory of a node process: a preload (node --import) writes process.resourceUsage().maxRSS
// (getrusage's ru_maxrss, what `/usr/bin/time -f %M` prints) to a file when the process exits.
// Works the same through pipes and in a pty, where /usr/bin/time would time `script` instead.
// The preload itself costs about 2 MiB (the ESM loader for a data: URL), so figures err high.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const PRELOAD = `import { writeFileSync } from "node:fs";
process.on("exit", () => {
  if (process.env.ST_BENCH_RSS_FILE) writeFileSync(process.env.ST_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});`;

export const RSS_PRELOAD_FLAG = `--import=data:text/javascript,${encodeURIComponent(PRELOAD)}`;

let counter = 0;

/** A file for one process's peak RSS; `read()` gives MiB (and throws if the process never wrote it). */
export function rssFile(dir) {
  const path = join(dir, `rss-${process.pid}-${counter++}.txt`);
  return {
    path,
    env: { ST_BENCH_RSS_FILE: path },
    read() {
      let text;
      try {
        text = readFileSync(path, "utf8");
      } catch {
        throw new Error("the process exited without reporting its peak memory (killed, or it never reached a normal exit)");
      }
      rmSync(path, { force: true });
      return Number(text) / 1024;
    },
  };
}
