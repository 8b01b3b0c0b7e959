// The journal's messages count in English by the plural rule: one entry, one line, one change.
import { describe, expect, it } from "vitest";
import { damagedMessage, migratedMessage } from "../../src/progress/messages";

describe("journal messages", () => {
  it("say '1 entry was recovered' and '1 line … was skipped', not '1 entries were'", () => {
    expect(damagedMessage("p.jsonl", [3], true, 1, null).en).toContain("it was skipped and 1 entry was recovered.");
    expect(damagedMessage("p.jsonl", [3], false, 1, null).en).toContain(
      "1 line of p.jsonl (line 3) could not be read and was skipped; 1 entry was recovered.",
    );
    expect(damagedMessage("p.jsonl", [3, 4], false, 2, null).en).toContain(
      "2 lines of p.jsonl (line 3, 4) could not be read and were skipped; 2 entries were recovered.",
    );
  });

  it("say '1 answer' and '1 unreadable entry was left out' when importing", () => {
    const en = migratedMessage("old.json", 1, 1, "old.json.bak").en;
    expect(en).toContain("Imported 1 answer from the old old.json. 1 unreadable entry was left out.");
    expect(migratedMessage("old.json", 2, 0, "b").en).toContain("Imported 2 answers");
  });
});
