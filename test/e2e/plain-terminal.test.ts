// Plain mode in a real, narrow terminal (tmux, 40 columns), as a learner sees it: lines wrapped
// at word boundaries and where Japanese allows, a "> " prompt, full-width and decimal-comma
// answers read. Through a pipe, the same text comes in whole lines.
import { afterEach, describe, expect, it } from "vitest";
import { CLI, ROOT, runCli } from "../support/cli";
import { Terminal } from "../support/tmux";
import { tempDataDir } from "./plain-support";

const terminals: Terminal[] = [];
afterEach(() => {
  for (const t of terminals.splice(0)) t.close();
});

function start(lang: "en" | "ja", dataDir: string): Terminal {
  const t = Terminal.start(["node", CLI, "practice", "--plain", "--seed", "7", "--count", "2", "--lang", lang, "--data-dir", dataDir], {
    columns: 40,
    rows: 40,
    cwd: ROOT,
    env: { NO_COLOR: "1" },
  });
  terminals.push(t);
  return t;
}

const screenLines = (screen: string) => screen.split("\n").filter((l) => l.trim() !== "");

describe("plain mode at 40 columns", () => {
  it("in English, wraps at spaces: every word on screen is a whole word of the piped text", async () => {
    const dataDir = tempDataDir();
    const piped = await runCli(["practice", "--plain", "--seed", "7", "--count", "2", "--lang", "en", "--data-dir", tempDataDir()], {
      input: "3\n",
    });
    const words = new Set(piped.stdout.split(/\s+/));
    // Through a pipe nothing is wrapped: the start line is one line.
    expect(piped.stdout).toContain("Practice: 2 questions. Type each answer on its own line; :help lists the commands.\n");

    const t = start("en", dataDir);
    await t.waitFor(/^>\s*$/m);
    t.type("3");
    t.send("Enter");
    const screen = await t.waitFor(/Question 2 of 2[\s\S]*^>\s*$/m);
    for (const line of screenLines(screen)) {
      expect([...line].length).toBeLessThanOrEqual(39);
      for (const word of line.trim().split(/\s+/)) if (word !== ">") expect(words, `"${word}" in "${line}"`).toContain(word);
    }
  });

  it("in Japanese, never starts a line with 、 or 。, reads full-width digits and a decimal comma", async () => {
    const t = start("ja", tempDataDir());
    await t.waitFor(/^>\s*$/m);
    t.type("３．００");
    t.send("Enter");
    await t.waitFor(/問題 2 \/ 2/);
    t.type("0,25");
    t.send("Enter");
    const screen = await t.waitFor(/0\.25 と読みました/);
    expect(screen).toContain("（3.00 と読みました）");
    for (const line of screenLines(screen)) expect(line).not.toMatch(/^[、。）」]/);
    expect(screen).not.toContain("\uFFFD");
  });
});
