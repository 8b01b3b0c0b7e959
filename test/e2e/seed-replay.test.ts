// What the seed line promises, it keeps: from the same progress (a copy of the data directory)
// the same seed asks the same questions; after answering, the progress differs and so may they.
import { cpSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli";
import { ENGLISH_ENV, tempDataDir } from "./plain-support";

const questions = (stdout: string) => stdout.split("\n").filter((_line, i, all) => all[i - 1]?.startsWith("Question "));

describe("the seed line", () => {
  it("says the replay holds from the same progress, and it does", async () => {
    const dir = tempDataDir();
    const args = ["practice", "--plain", "--seed", "5", "--count", "3", "--lang", "en"];
    await runCli([...args, "--data-dir", dir], { input: "0.5\n0.5\n0.5\n", env: ENGLISH_ENV });
    const copy = tempDataDir();
    cpSync(dir, copy, { recursive: true });
    const a = await runCli([...args, "--data-dir", dir], { input: "", env: ENGLISH_ENV });
    const b = await runCli([...args, "--data-dir", copy], { input: "", env: ENGLISH_ENV });
    expect(a.stdout).toContain("(seed 5: from the same progress, --seed 5 asks the same questions)");
    expect(questions(a.stdout)).toEqual(questions(b.stdout));
    expect(questions(a.stdout).length).toBeGreaterThan(0);
  });
});
