// The three layouts of the report: Markdown that no name can break, CSV that reads back to the
// same names, JSON with the documented keys.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasUnsafeCharacters } from "../../src/core/visible-text";
import { buildReport, type LoadedFile } from "../../src/report/aggregate";
import { renderCsv, safeText } from "../../src/report/csv";
import { renderJson, reportJson } from "../../src/report/json";
import { mdText, renderMarkdown } from "../../src/report/markdown";
import { parseCsv } from "../../src/progress/csv";
import { resultText } from "../../src/quiz/result";
import { parseResult } from "../../src/quiz/verify";
import { ALL_RIGHT, result } from "../quiz/helpers";

const loaded = (file: string, name: string, specs = ALL_RIGHT): LoadedFile => ({
  file,
  read: parseResult(resultText(result(name, specs))),
});
const cohort = (...names: string[]) => buildReport(names.map((n, i) => loaded(`r${i}.json`, n)));

/** Cells of a Markdown table row, splitting only at pipes that are not escaped. */
function cells(row: string): string[] {
  const parts: string[] = [];
  let cell = "";
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    if (c === "\\" && i + 1 < row.length) {
      cell += c + row[i + 1];
      i++;
    } else if (c === "|") {
      parts.push(cell);
      cell = "";
    } else {
      cell += c;
    }
  }
  parts.push(cell);
  return parts.slice(1, -1).map((s) => s.trim());
}
const unescapeMd = (text: string) => text.replace(/\\(.)/g, "$1");

function learnerRows(md: string): string[][] {
  const lines = md.split("\n");
  const start = lines.indexOf("## Learners");
  const rows: string[][] = [];
  for (let i = start + 4; i < lines.length && lines[i]!.startsWith("|"); i++) rows.push(cells(lines[i]!));
  return rows;
}

describe("Markdown", () => {
  it("has a title, the quiz, and a table per section", () => {
    const md = renderMarkdown(cohort("Ann", "Bob"), "en");
    expect(md.startsWith("# Quiz report\n")).toBe(true);
    expect(md).toContain("Seed 7 · content version v1 · 3 questions · skills: all · time limit: none · hints: allowed");
    for (const h of [
      "## Learners",
      "## Questions",
      "## Most common mistakes",
      "## Where the group struggles (by lesson step)",
      "## Files left out",
    ]) {
      expect(md).toContain(`\n${h}\n`);
    }
    expect(learnerRows(md)).toEqual([
      ["Ann", "complete", "3/3 (100%)", "4/4", "1:00", "0", "0", "0"],
      ["Bob", "complete", "3/3 (100%)", "4/4", "1:00", "0", "0", "0"],
    ]);
  });

  it("is in Japanese when asked", () => {
    const md = renderMarkdown(cohort("山田"), "ja");
    expect(md.startsWith("# クイズの集計\n")).toBe(true);
    expect(md).toContain("| 名前 | 状態 | 得点 |");
    expect(md).toContain("| 山田 | 完了 |");
  });

  it("a name with pipes, stars, backticks or a line break stays one cell of text", () => {
    const names = ["A | B", "**bold**", "`code`", "line\nbreak", "<b>x</b>", "a\\|b", "[link](http://x)"];
    const rows = learnerRows(renderMarkdown(cohort(...names), "en"));
    expect(rows).toHaveLength(names.length);
    for (const row of rows) expect(row).toHaveLength(8);
    expect(rows.map((r) => unescapeMd(r[0]!)).sort()).toEqual(names.map((n) => n.replace(/\n/g, " ")).sort());
  });

  it("any text escapes to one cell that reads back the same", () => {
    // Control, bidi and invisible characters are shown as escapes such as \u200B, which do not
    // read back; that they are escaped is tested with visibleText.
    const shown = fc.string({ unit: "grapheme" }).filter((text) => !hasUnsafeCharacters(text.replace(/[\r\n\t]/g, " ")));
    fc.assert(
      fc.property(shown, (text) => {
        const row = `| ${mdText(text)} | x |`;
        const parsed = cells(row);
        expect(parsed).toHaveLength(2);
        expect(unescapeMd(parsed[0]!)).toBe(text.replace(/[\r\n\t]+/g, " ").trim());
      }),
      { numRuns: 500 },
    );
  });
});

describe("CSV", () => {
  const tables = (csv: string) =>
    csv
      .replace(/^\uFEFF/, "")
      .split("\r\n\r\n")
      .map((t) => parseCsv(t));

  it("starts with a byte-order mark and uses CRLF; the learners table comes first", () => {
    const csv = renderCsv(cohort("Ann"), "en");
    expect(csv.startsWith("\uFEFFlearner,status,score,questions,")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/\n/);
    const [learners, questions, mistakes, steps, rejected] = tables(csv);
    expect(learners![0]!.slice(-3)).toEqual(["q1", "q2", "q3"]);
    expect(learners![1]!.slice(0, 3)).toEqual(["Ann", "complete", "3"]);
    expect(questions![0]![0]).toBe("question");
    expect(mistakes![0]![0]).toBe("mistake");
    expect(steps![0]![0]).toBe("step");
    expect(rejected![0]![0]).toBe("rejected_file");
  });

  it("names with commas, quotes and Japanese read back exactly", () => {
    const names = ["Suzuki, Ichiro", 'Ann "Annie" Lee', "山田 花子", "line\nbreak"];
    const [learners] = tables(renderCsv(cohort(...names), "en"));
    expect(
      learners!
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([...names].sort());
  });

  it("any name reads back, with an apostrophe before a spreadsheet formula", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.string({ minLength: 1 }).filter((s) => s.trim() !== ""),
          { minLength: 1, maxLength: 4 },
        ),
        (names) => {
          const report = buildReport(names.map((n, i) => loaded(`r${i}.json`, n)));
          const [learners] = tables(renderCsv(report, "en"));
          expect(learners!.slice(1).map((r) => r[0])).toEqual(report.learners.map((l) => safeText(l.name)));
        },
      ),
      { numRuns: 200 },
    );
    expect(safeText('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(safeText("-1+2")).toBe("'-1+2");
    expect(safeText("@SUM")).toBe("'@SUM");
    expect(safeText("Ann")).toBe("Ann");
    expect(safeText(" =1+1")).toBe("' =1+1");
    expect(safeText("＝1+1")).toBe("'＝1+1");
    expect(safeText("-0.5")).toBe("-0.5");
    expect(safeText("\u001b[2J")).toBe("\\x1B[2J");
  });

  it("every text cell is guarded, not only names: mistake ids, top_mistake, exercise ids, files, details", () => {
    const forged = "=cmd|' /C calc'!A0";
    const specs = [{ parts: [{ verdict: "incorrect" as const, mistake: forged }] }, ...ALL_RIGHT.slice(1)];
    const report = buildReport([loaded("=a.json", "Ann", specs), { file: "@gone.json", missing: "+no such file" }]);
    const csv = renderCsv(report, "en");
    const everyCell = tables(csv).flat(2);
    expect(everyCell.filter((cell) => /^\s*[=+\-@]/.test(cell) && !/^-?\d/.test(cell))).toEqual([]);
    expect(everyCell).toContain(`'${forged}`);
    const [, , , steps] = tables(csv);
    expect(steps!.some((row) => row[6] === `'${forged}`)).toBe(true);
  });

  it("control and bidirectional characters from files are shown as escapes in every layout", () => {
    const name = "\u001bc\u202eboB";
    const specs = [{ parts: [{ verdict: "incorrect" as const, mistake: "\u009b2J" }] }, ...ALL_RIGHT.slice(1)];
    const report = buildReport([loaded("\u001b#8.json", name, specs)]);
    const unsafe = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
    for (const text of [renderMarkdown(report, "en"), renderMarkdown(report, "ja"), renderCsv(report, "en"), renderJson(report)]) {
      expect(unsafe.test(text.replace(/\r\n/g, "\n"))).toBe(false);
    }
    expect(renderMarkdown(report, "en")).toContain("\\x1Bc\\u202EboB");
    expect(renderCsv(report, "en")).toContain("\\x9B2J");
  });
});

describe("JSON", () => {
  it("has learners (name, score, attempts, correct, ...), questions, mistakes, steps and rejected", () => {
    const report = buildReport([loaded("a.json", "Ann"), { file: "gone.json", missing: "no such file or directory" }]);
    const json = reportJson(report);
    expect(Object.keys(json)).toEqual([
      "format",
      "version",
      "quiz",
      "reference",
      "ambiguous",
      "regraded",
      "learners",
      "questions",
      "mistakes",
      "steps",
      "rejected",
    ]);
    expect(json.learners).toEqual([
      expect.objectContaining({ name: "Ann", score: 3, outOf: 3, attempts: 4, correct: 4, partial: false, hintsUsed: 0, timeMs: 60_000 }),
    ]);
    expect(json.rejected).toEqual([{ file: "gone.json", reason: "missing", detail: "no such file or directory", name: null }]);
  });
});

describe("counts in the Markdown notes", () => {
  it("one learner and one file left out are singular in English; Japanese counts take no plural", () => {
    const report = buildReport([loaded("r0.json", "Ann"), { file: "broken.json", read: parseResult("not json") }]);
    expect(renderMarkdown(report, "en")).toContain("1 learner (0 partial). 1 file left out.");
    expect(renderMarkdown(report, "ja")).toContain("受講者 1 人（途中のもの 0 人）。集計から外したファイル 1 件。");
  });

  it("other counts are plural", () => {
    const report = buildReport([loaded("r0.json", "Ann"), loaded("r1.json", "Bob")]);
    expect(renderMarkdown(report, "en")).toContain("2 learners (0 partial). 0 files left out.");
  });
});
