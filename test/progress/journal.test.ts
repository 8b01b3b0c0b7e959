// Reading the journal back after any damage: cut at any byte, or with junk between lines.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attemptEventOf, encodeEvent, type JournalEvent } from "../../src/progress/events";
import { parseJournal } from "../../src/progress/journal";
import type { StoredAttempt } from "../../src/progress/types";

const attempt = fc.record({
  answer: fc.string({ unit: "grapheme", maxLength: 40 }),
  verdict: fc.constantFrom("correct" as const, "imprecise" as const, "incorrect" as const),
  hints: fc.nat(3),
  ms: fc.nat(200_000),
  // -0 is written as 0 by JSON; adding 0 makes it 0 here too.
  x: fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x + 0),
});

function events(rows: { answer: string; verdict: StoredAttempt["verdict"]; hints: number; ms: number; x: number }[]): JournalEvent[] {
  return rows.map((r, i) =>
    attemptEventOf({
      id: `s-${i}`,
      session: "s",
      at: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
      mode: "quiz",
      templateId: "t",
      skill: "sigmoid-value",
      seed: i,
      params: { x: r.x },
      part: 0,
      parts: 1,
      answer: r.answer,
      verdict: r.verdict,
      mistake: null,
      hints: r.hints,
      ms: r.ms,
      rating: null,
    }),
  );
}

describe("parseJournal", () => {
  it("cut at any byte, gives back every line that was complete, and reports at most the one cut", () => {
    fc.assert(
      fc.property(fc.array(attempt, { minLength: 1, maxLength: 12 }), fc.nat(), (rows, cutSeed) => {
        const written = events(rows);
        const lines = written.map((e) => Buffer.from(encodeEvent(e)));
        const whole = Buffer.concat(lines);
        const cut = cutSeed % (whole.length + 1);
        const parsed = parseJournal(whole.subarray(0, cut));
        let complete = 0;
        for (let end = 0; complete < lines.length && end + lines[complete]!.length <= cut; complete++) end += lines[complete]!.length;
        // A line cut just before its newline is still whole JSON: it is kept too.
        const ids = parsed.events.map((e) => (e.type === "attempt" ? e.id : ""));
        expect(ids.slice(0, complete)).toEqual(written.slice(0, complete).map((e) => (e.type === "attempt" ? e.id : "")));
        expect(ids.length - complete).toBeLessThanOrEqual(1);
        expect(parsed.damaged.length + (ids.length - complete)).toBeLessThanOrEqual(1);
        if (parsed.damaged.length === 1) expect(parsed.damaged[0]!.torn).toBe(true);
        expect(parsed.endsCleanly).toBe(cut === 0 || whole[cut - 1] === 0x0a);
      }),
    );
  });

  it("with junk lines between good ones, recovers every good line and reports each junk line", () => {
    const junk = fc.oneof(
      fc.string({ minLength: 1 }).filter((s) => !s.includes("\n") && s.trim() !== ""),
      fc.constant('{"v":2,"type":"attempt"}'),
      fc.constant('{"v":2,"type":"mystery"}'),
      fc.constant("[1,2,3]"),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(attempt, fc.option(junk)), { maxLength: 10 }), (pairs) => {
        const good = events(pairs.map(([a]) => a));
        let text = "";
        let junkLines = 0;
        pairs.forEach(([, j], i) => {
          text += encodeEvent(good[i]!);
          if (j !== null) {
            text += `${j}\n`;
            junkLines++;
          }
        });
        const parsed = parseJournal(Buffer.from(text));
        expect(parsed.events).toEqual(good);
        expect(parsed.damaged).toHaveLength(junkLines);
      }),
    );
  });

  it("skips damage already reported by a `repaired` line, matching offset and length", () => {
    const good = events([{ answer: "a", verdict: "correct", hints: 0, ms: 1, x: 1 }]);
    const bad = "not json";
    const repaired = encodeEvent({
      v: 2,
      type: "repaired",
      at: "2025-01-01T00:00:00.000Z",
      lines: [{ offset: 0, length: bad.length }],
      copy: null,
    });
    expect(parseJournal(Buffer.from(`${bad}\n${encodeEvent(good[0]!)}`)).damaged).toHaveLength(1);
    expect(parseJournal(Buffer.from(`${bad}\n${encodeEvent(good[0]!)}${repaired}`)).damaged).toHaveLength(0);
    // The same bytes at another offset are new damage.
    expect(parseJournal(Buffer.from(`${encodeEvent(good[0]!)}${bad}\n${repaired}`)).damaged).toHaveLength(1);
  });
});
