// Ctrl+C in plain mode, as a learner at a terminal and a script with a pipe would send it: the
// session ends like the end of input (summary, where the answers are), exit 0, no stack trace.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { CLI, ROOT } from "../support/cli";
import { Terminal } from "../support/tmux";
import { ENGLISH_ENV, rightAnswer, tempDataDir } from "./plain-support";

const terminals: Terminal[] = [];
afterEach(() => {
  for (const t of terminals.splice(0)) t.close();
});

describe("Ctrl+C in plain mode", () => {
  it("in a real terminal prints the summary and where the answers were saved, and exits 0", async () => {
    const dataDir = tempDataDir();
    const t = Terminal.start(["node", CLI, "practice", "--plain", "--seed", "7", "--count", "3", "--lang", "en", "--data-dir", dataDir], {
      columns: 80,
      rows: 30,
      cwd: ROOT,
      env: { NO_COLOR: "1" },
    });
    terminals.push(t);
    await t.waitFor(/Question 1 of 3[\s\S]*^>\s*$/m);
    t.type("0.5");
    t.send("Enter");
    await t.waitFor(/Question 2 of 3/);
    t.send("C-c");
    const screen = await t.waitFor(/\[exit \d+\]/);
    expect(screen).toContain("[exit 0]");
    expect(screen).toMatch(/Done: \d of 1 answers? correct/);
    expect(screen).toContain(`Your answers are saved in ${dataDir}.`);
    expect(screen).not.toMatch(/\n\s+at |internal error/);
  });

  it("through pipes ends a JSON-lines session with its summary, the answer before it saved", async () => {
    const dataDir = tempDataDir();
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", ...ENGLISH_ENV };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
    const child = spawn(process.execPath, [CLI, "practice", "--json", "--seed", "4", "--count", "3", "--data-dir", dataDir], {
      cwd: ROOT,
      env: env as NodeJS.ProcessEnv,
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    const objects: Record<string, unknown>[] = [];
    const rl = createInterface({ input: child.stdout });
    let answered = false;
    for await (const line of rl) {
      const object = JSON.parse(line) as Record<string, unknown>;
      objects.push(object);
      if (object.type === "question" && !answered) {
        answered = true;
        child.stdin.write(`${rightAnswer(object.quantity as string, object.params as Record<string, number>)}\n`);
      } else if (object.type === "question") {
        child.kill("SIGINT");
      }
    }
    expect(await exited).toBe(0);
    expect(objects.at(-1)).toMatchObject({ type: "summary", attempts: 1, correct: 1, quit: true, saved: true });
    expect(stderr).not.toMatch(/\n\s+at |internal error/);
  });
});
