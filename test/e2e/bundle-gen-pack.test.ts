// The benchmark's pack generator (bench/gen-pack.mjs) must keep producing a pack that is valid on
// top of the shipped course, or the content figures would time error reporting instead of loading.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without types
import { shippedTemplates, writePack } from "../../bench/gen-pack.mjs";
import { runCli } from "../support/cli";

describe("bench/gen-pack.mjs", () => {
  it("writes N templates, 100 to a file, that validate cleanly with the shipped course", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "st-gen-pack-")), "pack");
    const shipped = (shippedTemplates() as unknown[]).length;
    expect(writePack(dir, 130)).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(["gen-0000.yaml", "gen-0001.yaml"]);
    const result = await runCli(["validate", "--seeds", "3", "--content", dir]);
    expect(result.stdout).toContain(`${shipped + 130} templates`);
    expect(result.stdout).toMatch(/, 0 problems\n$/);
    expect(result.code, result.stdout).toBe(0);
  });
});
