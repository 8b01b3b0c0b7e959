// NO_COLOR / --no-color: not one escape code in any frame, while the same screens with colour
// on do use them (chalk is forced to colour here, as in a real terminal).
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.FORCE_COLOR = "1";
});

const { KEYS, renderTrainer } = await import("./harness");

async function walk(color: boolean): Promise<string[]> {
  const t = await renderTrainer({ color, initial: "practice", skills: ["sigmoid-value"] });
  await t.type("0.01");
  await t.press(KEYS.enter, KEYS.escape, "?", KEYS.escape, "o");
  return t.frames;
}

describe("colour", () => {
  it("writes no escape codes at all without colour", async () => {
    const frames = await walk(false);
    expect(frames.length).toBeGreaterThan(3);
    for (const frame of frames) expect(frame).not.toContain("\u001B");
    // Meaning is still there in marks and words.
    expect(frames.join("\n")).toContain("✗ not correct");
  });

  it("uses colour when it is on (the control for the test above)", async () => {
    const frames = await walk(true);
    expect(frames.some((f) => f.includes("\u001B["))).toBe(true);
  });
});
