// The commands in-process, where a test can be a terminal: reset's confirmation question, and
// where the data directory is looked for.
import { PassThrough } from "node:stream";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveDataDir } from "../../src/cli/data-dir";
import type { CliIO } from "../../src/cli/io";
import { run as reset } from "../../src/cli/commands/reset";
import { createProgressStore } from "../../src/progress";
import { attemptInput, tempDir } from "./helpers";

function terminalIO(input: string, env: Record<string, string> = {}) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.setEncoding("utf8").on("data", (c: string) => (out += c));
  stderr.setEncoding("utf8").on("data", (c: string) => (err += c));
  stdin.end(input);
  const io: CliIO = { stdin, stdout, stderr, env: { LANG: "C", ...env }, cwd: "/" };
  return { io, out: () => out, err: () => err };
}

function seeded(): string {
  const dir = tempDir();
  const store = createProgressStore({ dataDir: dir });
  store.getState().recordAttempt(attemptInput());
  store.getState().recordAttempt(attemptInput({ skill: "derivative-value", templateId: "d" }));
  return dir;
}

describe("reset at a terminal", () => {
  it("asks first, and resets on y, keeping a backup", async () => {
    const dir = seeded();
    const t = terminalIO("y\n");
    expect(await reset(["--data-dir", dir], t.io)).toBe(0);
    expect(t.out()).toContain(`Reset all progress (2 answers and lesson positions) in ${dir}? A backup is kept first. [y/N] `);
    expect(t.out()).toMatch(/Backup: .*backups/);
    expect(createProgressStore({ dataDir: dir }).getState().attempts).toEqual([]);
  });

  for (const answer of ["n\n", "\n", "yes please\n", ""]) {
    it(`changes nothing on ${JSON.stringify(answer)}`, async () => {
      const dir = seeded();
      const t = terminalIO(answer);
      expect(await reset(["--data-dir", dir], t.io)).toBe(0);
      expect(t.out()).toContain("Nothing was reset.");
      expect(createProgressStore({ dataDir: dir }).getState().attempts).toHaveLength(2);
    });
  }

  it("asks in Japanese for a Japanese locale and accepts はい", async () => {
    const dir = seeded();
    const t = terminalIO("はい\n", { LANG: "ja_JP.UTF-8" });
    expect(await reset(["--data-dir", dir, "--skill", "derivative-value"], t.io)).toBe(0);
    expect(t.out()).toContain("スキル derivative-value の進み具合（解答 1 件）を消します。");
    expect(t.out()).toContain("バックアップ: ");
    expect(
      createProgressStore({ dataDir: dir })
        .getState()
        .attempts.map((a) => a.skill),
    ).toEqual(["sigmoid-value"]);
  });

  it("says there is nothing to reset in an empty directory", async () => {
    const t = terminalIO("");
    const dir = tempDir();
    expect(await reset(["--data-dir", dir], t.io)).toBe(0);
    expect(t.out()).toBe(`Nothing to reset in ${dir}.\n`);
  });
});

describe("resolveDataDir", () => {
  it("prefers --data-dir, then SIGMOID_TRAINER_HOME, then XDG_STATE_HOME, then ~/.local/state", () => {
    const env = { SIGMOID_TRAINER_HOME: "/home/a/st", XDG_STATE_HOME: "/home/a/state", HOME: "/home/a" };
    expect(resolveDataDir("rel/dir", env, "/work", "linux")).toEqual({ dir: "/work/rel/dir", source: "--data-dir" });
    expect(resolveDataDir(undefined, env, "/work", "linux")).toEqual({ dir: "/home/a/st", source: "SIGMOID_TRAINER_HOME" });
    expect(resolveDataDir(undefined, { ...env, SIGMOID_TRAINER_HOME: "" }, "/work", "linux")).toEqual({
      dir: "/home/a/state/sigmoid-trainer",
      source: "XDG_STATE_HOME",
    });
    expect(resolveDataDir(undefined, { HOME: "/home/a" }, "/work", "linux").dir).toBe(join("/home/a", ".local/state/sigmoid-trainer"));
  });

  it("ignores a relative XDG_STATE_HOME, as the XDG spec says", () => {
    expect(resolveDataDir(undefined, { XDG_STATE_HOME: "state", HOME: "/home/a" }, "/work", "linux").dir).toBe(
      "/home/a/.local/state/sigmoid-trainer",
    );
  });

  it("refuses an empty --data-dir", () => {
    expect(() => resolveDataDir("", {}, "/work", "linux")).toThrow(/--data-dir needs a directory/);
  });
});
