// `npm start` and the installed `sigmoid-trainer` command run the bundle: package.json points
// its bin at dist/cli.js, the file starts with a working shebang, and it runs under the name
// npm links it as (node_modules/.bin/sigmoid-trainer), from any working directory.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, ROOT } from "../support/cli";

const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
  bin: Record<string, string>;
  scripts: Record<string, string>;
  files?: string[];
};

function run(command: string, args: readonly string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", LANG: "C.UTF-8" };
    const child = spawn(command, args, { cwd, env });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

describe("the bin entry is the bundle", () => {
  it("package.json's bin and start script point at dist/cli.js, which is shipped", () => {
    expect(manifest.bin).toEqual({ "sigmoid-trainer": "dist/cli.js" });
    expect(manifest.scripts.start).toBe("node dist/cli.js");
    // npm start builds first, so it never runs a stale bundle.
    expect(manifest.scripts.prestart).toMatch(/\bbuild\b/);
    expect(manifest.files).toContain("dist");
  });

  it("dist/cli.js starts with a node shebang and is executable", () => {
    expect(readFileSync(CLI, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
    expect(statSync(CLI).mode & 0o111).not.toBe(0);
  });

  it("runs through its shebang", async () => {
    const result = await run(CLI, ["--version"], ROOT);
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe(manifest.version);
    expect(result.code).toBe(0);
  });

  it("runs as npm links it, by the name sigmoid-trainer, from another directory", async () => {
    const bin = mkdtempSync(join(tmpdir(), "st-bin-"));
    symlinkSync(CLI, join(bin, "sigmoid-trainer"));
    const result = await run(join(bin, "sigmoid-trainer"), ["calc", "0"], bin);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/0\.5\s+0\.25/);
    expect(result.code).toBe(0);
  });

  it("npm start runs the bundle", async () => {
    const result = await run("npm", ["start", "--silent", "--", "--version"], ROOT);
    expect(result.stdout.trim().split("\n").at(-1)).toBe(manifest.version);
    expect(result.code).toBe(0);
  });
});
