// The instructor's and the learner's commands on files made by someone else, on the BUILT CLI:
// a directory of hostile result files for `report`, a hostile journal for `stats` and
// `export`, a hostile content pack for plain practice. Each run must end by itself, with the
// exit code the README gives, in bounded memory, and print nothing a terminal would act on;
// every hostile file is listed with its reason.
import { execFileSync } from "node:child_process";
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../../src/core/visible-text";
import { parseCsv } from "../../src/progress/csv";
import { mdText } from "../../src/report/markdown";
import { type QuizResult, resultText, sealResult } from "../../src/quiz/result";
import { tempDir } from "../quiz/helpers";
import { runCliMeasured } from "../support/measured-cli";
import { unsafeFound } from "../support/terminal-unsafe";
import { driveQuiz, isQuestion, rightAnswer } from "./quiz-driver";

/** Far above a report's real needs (about 60 MB), far below what reading a 600 MB file or /dev/zero takes. */
const PEAK_LIMIT = 300 * 1024 * 1024;
const SEED = 2024;
const QUIZ = ["--count", "3", "--skill", "sigmoid-value", "--lang", "en"];

/** A real result file, from the CLI: a learner who answers every question right. */
async function takeQuiz(file: string, name: string, seed = SEED): Promise<void> {
  const run = await driveQuiz([...QUIZ, "--seed", String(seed), "--name", name, "--out", file, "--data-dir", `${file}.data`], (line) =>
    isQuestion(line) ? rightAnswer(line) : undefined,
  );
  expect(run.code, run.stderr).toBe(0);
}

function reseal(file: string, to: string, change: (r: QuizResult) => QuizResult): void {
  const { checksum: _old, ...body } = change(JSON.parse(readFileSync(file, "utf8")) as QuizResult);
  writeFileSync(to, resultText(sealResult(body)));
}

/** The output as a terminal gets it: CSV's own CRLF line ends are line ends, nothing else may be there. */
function expectNothingUnsafe(text: string): void {
  expect(unsafeFound(text.replace(/\r\n/g, "\n"))).toEqual([]);
}

const ESCAPE_FILE = "\u001bc\u001b#8\u001b(0\u001bE\u009b2J\u202eevil.json";
const ESCAPE_REJECTED = "\u001b[2J\u001b[H\u009b2J\u202ejson.deep";
const ESCAPE_NAME = "\u001b]0;pwned\u0007Eve\u202e\u009b2J\u200b";
const ESCAPE_MISTAKE = "\u001b[31mcomplement\u202e\u2060";

describe("report on a directory of hostile files", () => {
  let root: string;
  let dir: string;
  /** Every file that must be left out, with the reason it must be given. */
  const hostile: Record<string, string> = {};

  beforeAll(async () => {
    root = tempDir("st-hostile-");
    dir = join(root, "results");
    mkdirSync(dir);
    const real = join(root, "real");
    mkdirSync(real);
    await Promise.all([
      takeQuiz(join(dir, "dee.json"), "Dee"),
      takeQuiz(join(real, "cy.json"), "Cy"),
      takeQuiz(join(dir, "ann.json"), "Ann"),
      takeQuiz(join(dir, "bob.json"), "Bob"),
    ]);
    // A conflicting second file: Bob took the quiz again.
    await takeQuiz(join(dir, "bob-again.json"), "Bob");
    // A forged majority: three files of another seed.
    for (const name of ["X1", "X2", "X3"]) await takeQuiz(join(dir, `forged-${name}.json`), name, 9);

    // An escape-laden name and file name on an otherwise real result (it counts: its answers grade as stored).
    reseal(join(real, "cy.json"), join(dir, ESCAPE_FILE), (r) => ({ ...r, name: ESCAPE_NAME }));
    // A mistake id with escapes: re-grading catches it, and the reason quotes it.
    reseal(join(real, "cy.json"), join(dir, "mistake.json"), (r) => ({
      ...r,
      name: "Mia",
      questions: r.questions.map((q, i) => (i === 0 ? { ...q, answers: q.answers.map((a) => ({ ...a, mistake: ESCAPE_MISTAKE })) } : q)),
    }));
    hostile["mistake.json"] = "tampered";
    // More hints than the question has (re-grading knows how many it has).
    reseal(join(real, "cy.json"), join(dir, "hints.json"), (r) => ({
      ...r,
      name: "Hal",
      questions: r.questions.map((q, i) => (i === 0 ? { ...q, hintsUsed: 9, answers: q.answers.map((a) => ({ ...a, hintsUsed: 9 })) } : q)),
    }));
    hostile["hints.json"] = "tampered";
    // A copy of Ann's file under another name.
    reseal(join(dir, "ann.json"), join(dir, "mallory.json"), (r) => ({ ...r, name: "Mallory" }));
    hostile["ann.json"] = "copy";
    hostile["mallory.json"] = "copy";
    hostile["bob.json"] = "conflict";
    hostile["bob-again.json"] = "conflict";
    for (const name of ["X1", "X2", "X3"]) hostile[`forged-${name}.json`] = "different-seed";

    // 5,000 levels of arrays in 10 KB.
    writeFileSync(join(dir, "deep.json"), `{"format":${"[".repeat(5000)}${"]".repeat(5000)}}`);
    hostile["deep.json"] = "not-a-result";
    execFileSync("mkfifo", [join(dir, "fifo.json")]);
    hostile["fifo.json"] = "unreadable";
    symlinkSync("/dev/zero", join(dir, "zero.json"));
    hostile["zero.json"] = "unreadable";
    symlinkSync("/etc/shadow", join(dir, "shadow.json"));
    hostile["shadow.json"] = "unreadable";
    writeFileSync(join(root, "secret.txt"), "root:$6$secret-hash:19000:0:99999:7:::\n");
    symlinkSync(join(root, "secret.txt"), join(dir, "outside.json"));
    hostile["outside.json"] = "unreadable";
    // 600 MB without using the disk.
    writeFileSync(join(dir, "huge.json"), "");
    truncateSync(join(dir, "huge.json"), 600 * 1024 * 1024);
    hostile["huge.json"] = "unreadable";
    // Not JSON, with an escape sequence where the parser stops.
    writeFileSync(join(dir, "junk.json"), "\u001b[2J\u001b[H fake table\n");
    hostile["junk.json"] = "unreadable";
    writeFileSync(join(dir, `${ESCAPE_REJECTED}.json`), "{not json");
    hostile[`${ESCAPE_REJECTED}.json`] = "unreadable";
  }, 120_000);

  it("without --seed or --config: no quiz is picked by majority; the groups are named and the exit code is 1", async () => {
    const run = await runCliMeasured(["report", dir, "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/the files took 2 different quizzes; say which one to report with --seed N or --config FILE/);
    expect(run.stderr).toMatch(/seed 2024, .*: \d+ files/);
    expect(run.stderr).toMatch(/seed 9, .*: 3 files \(\S*forged-X1\.json, \S*forged-X2\.json, \S*forged-X3\.json\)/);
    expectNothingUnsafe(run.stderr);
    expect(run.peakBytes).toBeLessThan(PEAK_LIMIT);
  });

  it("--format json: finishes (exit 0), lists every hostile file with its reason, counts only the honest and the escaped-name learners", async () => {
    const run = await runCliMeasured(["report", dir, "--seed", String(SEED), "--format", "json", "--lang", "en"]);
    expect(run.code, run.stderr).toBe(0);
    expectNothingUnsafe(run.stdout);
    expectNothingUnsafe(run.stderr);
    expect(run.peakBytes).toBeLessThan(PEAK_LIMIT);
    const report = JSON.parse(run.stdout);
    expect(report.learners.map((l: { name: string }) => l.name).sort()).toEqual(["Dee", ESCAPE_NAME].sort());
    const reasons = Object.fromEntries(
      report.rejected.map((r: { file: string; reason: string }) => [r.file.replace(/^.*\//, ""), r.reason]),
    );
    expect(reasons).toEqual(hostile);
    const detail = (file: string) => report.rejected.find((r: { file: string }) => r.file.endsWith(`/${file}`)).detail as string;
    expect(detail("deep.json")).toMatch(/nested more than \d+ levels deep/);
    expect(detail("fifo.json")).toBe("not a regular file (a FIFO)");
    expect(detail("zero.json")).toBe("a symbolic link to outside the directory (not followed)");
    expect(detail("outside.json")).toBe("a symbolic link to outside the directory (not followed)");
    expect(detail("huge.json")).toBe("too large (600 MiB; at most 16 MiB is read)");
    expect(detail("junk.json")).toBe('not JSON (line 1, column 1, at "\\x1B[2J\\x1B[H fake…")');
    expect(report.learners.find((l: { name: string }) => l.name === ESCAPE_NAME).file).toBe(join(dir, ESCAPE_FILE));
    expect(detail("mistake.json")).toContain(ESCAPE_MISTAKE);
    expect(detail("hints.json")).toMatch(/question 1: 9 hints used, but the question has \d/);
    expect(detail("bob.json")).toContain("bob-again.json");
    expect(detail("mallory.json")).toContain("ann.json");
    expect(run.stdout).not.toContain("secret-hash");
  });

  it("--format md: every hostile file in the list of files left out, with its reason; escapes shown, never sent", async () => {
    const run = await runCliMeasured(["report", dir, "--seed", String(SEED), "--lang", "en"]);
    expect(run.code, run.stderr).toBe(0);
    expectNothingUnsafe(run.stdout);
    expectNothingUnsafe(run.stderr);
    expect(run.peakBytes).toBeLessThan(PEAK_LIMIT);
    const leftOut = run.stdout.slice(run.stdout.indexOf("## Files left out"));
    for (const file of Object.keys(hostile)) expect(leftOut).toContain(`${mdText(file)} |`);
    for (const reason of [
      "tampered",
      "copy of another learner's file",
      "conflicting results under one name",
      "different seed",
      "unreadable",
      "not a result file",
    ]) {
      expect(leftOut).toContain(reason);
    }
    expect(run.stdout).toContain(mdText(ESCAPE_NAME));
    expect(leftOut).toContain("\\x1B\\[2J\\x1B\\[H\\x9B2J\\u202Ejson.deep.json");
    expect(run.stdout).not.toContain("secret-hash");
  });

  it("report DIR/*.json (the shell names every link too): links out of the directory are listed, not read", async () => {
    const files = readdirSync(dir)
      .filter((name) => name.endsWith(".json"))
      .map((name) => join(dir, name));
    const run = await runCliMeasured(["report", ...files, "--seed", String(SEED), "--format", "json", "--lang", "en"]);
    expect(run.code, run.stderr).toBe(0);
    expectNothingUnsafe(run.stdout);
    expect(run.peakBytes).toBeLessThan(PEAK_LIMIT);
    const report = JSON.parse(run.stdout);
    const detail = (file: string) => report.rejected.find((r: { file: string }) => r.file.endsWith(`/${file}`)).detail as string;
    for (const link of ["zero.json", "shadow.json", "outside.json"]) {
      expect(detail(link)).toBe("a symbolic link to outside the directory (not followed)");
    }
    expect(run.stdout).not.toContain("secret-hash");
    expect(run.stdout).not.toContain("root:");
  });

  it("--format csv: the same, with every text cell guarded", async () => {
    const run = await runCliMeasured(["report", dir, "--seed", String(SEED), "--format", "csv", "--lang", "en"]);
    expect(run.code, run.stderr).toBe(0);
    expectNothingUnsafe(run.stdout);
    expect(run.peakBytes).toBeLessThan(PEAK_LIMIT);
    const rows = parseCsv(run.stdout.replace(/^\uFEFF/, ""));
    const rejected = rows.slice(rows.findIndex((r) => r[0] === "rejected_file") + 1);
    const reasons = Object.fromEntries(rejected.map((r) => [r[0]!.replace(/^.*\//, ""), r[2]]));
    expect(reasons).toEqual(Object.fromEntries(Object.entries(hostile).map(([file, reason]) => [visibleText(file), reason])));
    const learner = rows.find((r) => r[0] === visibleText(ESCAPE_NAME))!;
    expect(learner[12]).toBe(visibleText(join(dir, ESCAPE_FILE)));
  });
});

describe("stats and export on a hostile journal", () => {
  let data: string;

  beforeAll(async () => {
    data = tempDir("st-hostile-journal-");
    const run = await runCliMeasured(["practice", "--plain", "--count", "1", "--seed", "3", "--lang", "en", "--data-dir", data], {
      input: "0.5\n",
    });
    expect(run.code, run.stderr).toBe(0);
    const journal = join(data, "journal.jsonl");
    const event = JSON.parse(readFileSync(journal, "utf8").split("\n")[0]!);
    const forged = {
      ...event,
      id: `${event.id}-forged`,
      skill: "\u001b[2J\u202eevil-skill",
      templateId: "@SUM(A1:A9)",
      answer: '=HYPERLINK("http://x","\u001b[5m")',
      mistake: ESCAPE_MISTAKE,
      verdict: "incorrect",
    };
    appendFileSync(journal, `${JSON.stringify(forged)}\n`);
    // A line nested 100,000 levels deep, and a 2 MB line of junk.
    appendFileSync(journal, `{"v":2,"x":${"[".repeat(100_000)}${"]".repeat(100_000)}}\n`);
    appendFileSync(journal, `${"\u001b[2J".repeat(500_000)}\n`);
  }, 60_000);

  for (const args of [["stats"], ["stats", "--json"], ["export"], ["export", "--format", "csv"]]) {
    it(`${args.join(" ")}: exit 0, nothing a terminal acts on`, async () => {
      const run = await runCliMeasured([...args, "--data-dir", data, "--lang", "en"]);
      expect(run.code, run.stderr).toBe(0);
      expectNothingUnsafe(run.stdout);
      expectNothingUnsafe(run.stderr);
      expect(run.peakBytes).toBeLessThan(PEAK_LIMIT);
      if (args.join(" ") === "stats") expect(run.stdout).toContain("\\x1B[2J\\u202Eevil-skill");
      if (args.includes("csv")) {
        const rows = parseCsv(run.stdout);
        const header = rows[0]!;
        const forged = rows.find((r) => r[header.indexOf("id")]!.endsWith("-forged"))!;
        expect(forged[header.indexOf("answer")]).toBe(`'=HYPERLINK("http://x","\\x1B[5m")`);
        expect(forged[header.indexOf("templateId")]).toBe("'@SUM(A1:A9)");
        expect(forged[header.indexOf("mistake")]).toBe("\\x1B[31mcomplement\\u202E\\u2060");
      }
    });
  }
});

describe("plain practice and validate on a hostile content pack", () => {
  let pack: string;

  beforeAll(() => {
    pack = tempDir("st-hostile-pack-");
    writeFileSync(
      join(pack, "skills.yaml"),
      ["kind: skills", "skills:", "  - id: hostile-skill", '    title: {ja: "悪い\\e[2J技能", en: "Hostile\\e[2J skill"}', ""].join("\n"),
    );
    writeFileSync(
      join(pack, "exercises.yaml"),
      [
        "kind: exercises",
        "exercises:",
        "  - id: hostile-sigmoid",
        "    skill: hostile-skill",
        "    params:",
        "      x: {choices: [-2, 1, 2]}",
        "    quantity: sigmoid",
        "    digits: 3",
        '    prompt: {ja: "\\ec\\e#8x = {x} のとき σ(x) を求めてください。\\u202e", en: "\\ec\\e#8\\e(0Find σ(x) at x = {x}.\\u202eboB\\x9b2J"}',
        "    hints:",
        '      - {ja: "式に代入します。\\eE", en: "Substitute\\eE into the formula."}',
        '    solution: {ja: "σ({x}) ≈ {expected}\\x1b[31m", en: "σ({x}) ≈ {expected}\\x1b[31m"}',
        "",
      ].join("\n"),
    );
  });

  for (const mode of ["--plain", "--json"]) {
    for (const lang of ["en", "ja"]) {
      it(`practice ${mode} --lang ${lang}: the pack's escapes are shown, never sent`, async () => {
        const data = tempDir("st-hostile-pack-data-");
        const args = ["practice", mode, "--content", pack, "--skill", "hostile-skill", "--count", "2", "--lang", lang, "--data-dir", data];
        const run = await runCliMeasured(args, { input: ":hint\n:skip\n0.5\n" });
        expect(run.code, run.stderr).toBe(0);
        expectNothingUnsafe(run.stdout);
        expectNothingUnsafe(run.stderr);
        if (mode === "--plain") expect(run.stdout).toContain("\\x1Bc\\x1B#8");
        else expect(JSON.parse(run.stdout.split("\n")[0]!).prompt).toContain("\\x1Bc\\x1B#8");
      });
    }
  }

  it("a content file whose name holds escape sequences is named with them shown, by validate and by practice", async () => {
    const broken = tempDir("st-hostile-pack-name-");
    writeFileSync(join(broken, "\u001b[2J\u001b]0;x\u0007\u202ebad.yaml"), "kind: skills\nskills: [\n");
    for (const args of [
      ["validate", "--content", broken, "--seeds", "1"],
      ["practice", "--plain", "--content", broken, "--data-dir", tempDir()],
    ]) {
      const run = await runCliMeasured(args);
      expect(run.code, args[0]).toBe(1);
      expectNothingUnsafe(run.stdout);
      expectNothingUnsafe(run.stderr);
      expect(run.stdout + run.stderr).toContain("\\x1B[2J\\x1B]0;x\\x07\\u202Ebad.yaml:");
    }
  });

  it("validate reports each text with a control character at file:line:col, and exits 1", async () => {
    const run = await runCliMeasured(["validate", "--content", pack, "--seeds", "5"]);
    expect(run.code).toBe(1);
    expectNothingUnsafe(run.stdout);
    expect(run.stdout).toMatch(/exercises\.yaml:9:19: control character \\x1B in text/);
    expect(run.stdout).toMatch(/exercises\.yaml:11:44: control character \\x1B in text/);
    expect(run.stdout).toMatch(/skills\.yaml:4:20: control character \\x1B in text/);
  });
});

describe("a 200 MB line", () => {
  /** 200 MB of digits with no line end until the last byte, produced as it is piped. */
  function hugeLine(): Readable {
    const chunk = Buffer.alloc(1024 * 1024, "1");
    let sent = 0;
    return new Readable({
      read() {
        if (sent === 200) {
          this.push("\n");
          this.push(null);
          return;
        }
        sent++;
        this.push(chunk);
      },
    });
  }

  it("calc: exit 2, says the line is too long, in bounded memory", async () => {
    const run = await runCliMeasured(["calc"], { input: hugeLine(), env: { LANG: "C" } });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^sigmoid-trainer: calc: line 1: "1{40}… \(4096 characters\)" is too long \(at most 4096 characters\)\n$/);
    expect(run.peakBytes).toBeLessThan(PEAK_LIMIT);
  }, 60_000);

  it("practice: says the answer is too long, and the question still stands", async () => {
    const data = tempDir("st-huge-line-");
    const input = Readable.from(
      (async function* () {
        yield* hugeLine();
        yield ":quit\n";
      })(),
    );
    const run = await runCliMeasured(["practice", "--plain", "--count", "1", "--seed", "3", "--lang", "en", "--data-dir", data], { input });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("The answer is longer than 200 characters");
    expect(run.stdout).toContain("Done: 0 of 0 answers correct");
    expect(run.peakBytes).toBeLessThan(PEAK_LIMIT);
  }, 60_000);
});

describe("a journal that is a FIFO, or a sparse 600 MB file", () => {
  for (const kind of ["fifo", "huge"] as const) {
    it(`${kind}: export finishes at once in bounded memory, moves it aside and says why`, async () => {
      const data = tempDir(`st-${kind}-journal-`);
      const journal = join(data, "journal.jsonl");
      if (kind === "fifo") execFileSync("mkfifo", [journal]);
      else {
        writeFileSync(journal, "");
        truncateSync(journal, 600 * 1024 * 1024);
      }
      const run = await runCliMeasured(["export", "--data-dir", data, "--lang", "en"]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(kind === "fifo" ? "not a regular file (a FIFO)" : "too large (600 MiB; at most 128 MiB is read)");
      expect(JSON.parse(run.stdout).attempts).toEqual([]);
      expect(run.peakBytes).toBeLessThan(PEAK_LIMIT);
    });
  }
});

describe("a journal that is a symbolic link", () => {
  it("stats moves the link aside with a message, and never reads what it points at", async () => {
    const data = tempDir("st-link-journal-");
    const secret = join(tempDir("st-link-target-"), "notes.txt");
    writeFileSync(secret, "not a journal\n");
    copyFileSync(secret, `${secret}.orig`);
    symlinkSync(secret, join(data, "journal.jsonl"));
    const run = await runCliMeasured(["stats", "--data-dir", data, "--lang", "en"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /Could not read .*journal\.jsonl \(it is a symbolic link \(not followed\)\)\. It was moved to .*journal\.jsonl\.unreadable-/,
    );
    expect(run.stdout).toContain("No answers yet");
    expect(readFileSync(secret, "utf8")).toBe(readFileSync(`${secret}.orig`, "utf8"));
  });
});
