// Which files `report` reads, on a real directory: a link named on the command line (as the
// shell's `results/*.json` names every link in the folder) is held to the same rule as one
// found in a directory, and a file whose name is not UTF-8 is listed with that reason.
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadResultFiles } from "../../src/report/load";
import { tempDir } from "../quiz/helpers";

function detailOf(loaded: ReturnType<typeof loadResultFiles>, file: string): string {
  const entry = loaded.find((l) => l.file === file);
  if (!entry) throw new Error(`${file} not listed`);
  return "missing" in entry ? entry.missing : entry.read.ok ? "read" : entry.read.detail;
}

describe("loadResultFiles", () => {
  const root = tempDir("st-load-");
  const dir = join(root, "results");
  mkdirSync(dir);
  writeFileSync(join(root, "secret.txt"), "root:$6$secret-hash:19000:0:99999:7:::\n");
  symlinkSync(join(root, "secret.txt"), join(dir, "outside.json"));
  symlinkSync("/etc/shadow", join(dir, "shadow.json"));
  symlinkSync("/dev/zero", join(dir, "zero.json"));
  writeFileSync(join(dir, "inside.txt"), "{}");
  symlinkSync(join(dir, "inside.txt"), join(dir, "inside.json"));

  it("a link named on the command line (results/*.json) is not followed out of its directory, and nothing of the target is quoted", () => {
    const files = ["outside.json", "shadow.json", "zero.json"].map((name) => join("results", name));
    const loaded = loadResultFiles(files, root);
    for (const file of files) {
      expect(detailOf(loaded, file)).toBe("a symbolic link to outside the directory (not followed)");
    }
    expect(JSON.stringify(loaded)).not.toContain("root");
  });

  it("a link named on the command line to a file beside it is read", () => {
    const loaded = loadResultFiles([join("results", "inside.json")], root);
    expect(detailOf(loaded, join("results", "inside.json"))).toMatch(/^not a quiz result file/);
  });

  it("the same links found in the directory get the same reasons", () => {
    const loaded = loadResultFiles(["results"], root);
    expect(detailOf(loaded, join("results", "shadow.json"))).toBe("a symbolic link to outside the directory (not followed)");
    expect(detailOf(loaded, join("results", "inside.json"))).toMatch(/^not a quiz result file/);
  });

  it("a loop of links named on the command line is listed as such, not by its error code", () => {
    const loopDir = tempDir("st-load-loop-");
    symlinkSync("loop.json", join(loopDir, "loop.json"));
    expect(loadResultFiles([join(loopDir, "loop.json")], root)).toEqual([
      { file: join(loopDir, "loop.json"), missing: "a loop of symbolic links" },
    ]);
  });

  it("a file whose name is not valid UTF-8 is listed as such, not as missing", () => {
    const bad = tempDir("st-load-utf8-");
    writeFileSync(Buffer.from(`${bad}/bad\xff.json`, "latin1"), "{}");
    const loaded = loadResultFiles([bad], root);
    expect(loaded).toEqual([
      {
        file: join(bad, "bad\uFFFD.json"),
        read: { ok: false, problem: "unreadable", detail: "its name is not valid UTF-8 (not read; rename the file)" },
      },
    ]);
  });
});
