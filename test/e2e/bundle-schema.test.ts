// `schema` from the bundle prints dist/content.schema.json, written at build time from the same
// zod schema the loader uses; it must be exactly what generating it at run time prints (the
// in-process command from src/ has no such file beside it and generates it), and a bundle
// without the file must still print it.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { run as schemaCommand, schemaText } from "../../src/cli/commands/schema";
import type { CliIO } from "../../src/cli/io";
import { contentJsonSchema } from "../../src/content/schema";
import { ROOT, runCli } from "../support/cli";
import { DIST } from "./bundle-support";

const expected = schemaText(contentJsonSchema());

describe("sigmoid-trainer schema, built", () => {
  it("prints the schema generated at build time, equal to contentJsonSchema()", async () => {
    expect(readFileSync(join(DIST, "content.schema.json"), "utf8")).toBe(expected);
    const run = await runCli(["schema"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(expected);
    expect(JSON.parse(run.stdout)).toEqual(contentJsonSchema());
  });

  it("generates it when the file is missing from the bundle", async () => {
    const copy = mkdtempSync(join(tmpdir(), "st-dist-copy-"));
    try {
      cpSync(DIST, join(copy, "dist"), { recursive: true });
      rmSync(join(copy, "dist", "content.schema.json"));
      const spawned = spawnSync(process.execPath, [join(copy, "dist", "cli.js"), "schema"], { cwd: ROOT, encoding: "utf8" });
      expect(spawned.status, spawned.stderr).toBe(0);
      expect(existsSync(join(copy, "dist", "content.schema.json"))).toBe(false);
      expect(spawned.stdout).toBe(expected);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("prints the same text in-process from src/, where it is generated", async () => {
    const stdout = new PassThrough();
    let out = "";
    stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    const io: CliIO = { stdin: new PassThrough(), stdout, stderr: new PassThrough(), env: {}, cwd: ROOT };
    expect(await schemaCommand([], io)).toBe(0);
    expect(out).toBe(expected);
  });
});
