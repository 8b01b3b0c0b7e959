// Lines of any length in, lines of bounded length out, split as readline splits them.
import { Readable } from "node:stream";
import { createInterface } from "node:readline";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineSplitter } from "../../src/plain/bounded-lines";

function splitAll(chunks: readonly string[], limit?: number) {
  const splitter = new LineSplitter(limit);
  return [...chunks.flatMap((c) => splitter.push(Buffer.from(c, "utf8"))), ...splitter.end()];
}

async function readlineLines(text: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: Readable.from([text]), crlfDelay: Number.POSITIVE_INFINITY })) lines.push(line);
  return lines;
}

describe("LineSplitter", () => {
  it("property: splits as readline does, whatever the chunks", async () => {
    const text = fc.array(fc.constantFrom("a", "σ", "日", "\n", "\r", "\r\n", " ", "1.5"), { maxLength: 30 }).map((p) => p.join(""));
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat({ max: 40 }), { maxLength: 5 }), async (input, cuts) => {
        const bytes = Buffer.from(input, "utf8");
        const points = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
        const chunks: Buffer[] = [];
        let from = 0;
        for (const p of [...points, bytes.length]) {
          chunks.push(bytes.subarray(from, p));
          from = p;
        }
        const splitter = new LineSplitter();
        const got = [...chunks.flatMap((c) => splitter.push(c)), ...splitter.end()].map((l) => l.text);
        expect(got).toEqual(await readlineLines(input));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps only the start of a long line, marked as cut, and goes on with the next", () => {
    expect(splitAll(["abcdef", "ghij\nok\n"], 4)).toEqual([
      { text: "abcd", cut: true },
      { text: "ok", cut: false },
    ]);
  });

  it("a 50 MB line is held to the limit: memory does not grow with it", () => {
    const splitter = new LineSplitter();
    const chunk = Buffer.alloc(64 * 1024, "9");
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 800; i++) expect(splitter.push(chunk)).toEqual([]);
    const [line] = splitter.push("\n");
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(20 * 1024 * 1024);
    expect(line!.cut).toBe(true);
    expect(line!.text).toHaveLength(4096);
  });
});
