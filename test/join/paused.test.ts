// A learner's answer sent while the instructor paused the session: the client says so once,
// sends the same attempt again until it is taken (however long the pause, it never gives up
// for it), says when the session runs again, and the answer is graded once.
import { describe, expect, it } from "vitest";
import { FakeServer } from "./fake-server";
import { joinRun, parsed } from "./harness";

const paused = () => new Response(JSON.stringify({ error: "paused", message: "the instructor paused the session" }), { status: 423 });

describe("a paused session", () => {
  it("waits through a pause longer than the 120 s give-up, retrying the same attempt id, and is graded once after the resume", async () => {
    const server = new FakeServer();
    const sentIds: string[] = [];
    let pausedFor = 0;
    const run = joinRun({
      fetch: async (url, init) => {
        if (url.endsWith("/actions")) {
          sentIds.push(JSON.parse(String(init?.body)).id);
          // Paused for the first 100 sends: 0.5 s, 1 s, then 2 s apart, about 200 s in all.
          if (pausedFor++ < 100) return paused();
        }
        return server.fetch(url, init);
      },
    });
    await run.lines(1);
    run.stdin.write("0.5\n");
    const lines = parsed(await run.lines(3));
    expect(lines[1]).toMatchObject({ type: "feedback" });
    expect(run.err.filter((e) => e === "paused" || e === "resumed")).toEqual(["paused", "resumed"]);
    expect(run.sleeps.slice(0, 4)).toEqual([500, 1000, 2000, 2000]);
    expect(run.sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThan(120_000);
    expect(sentIds).toHaveLength(101);
    expect(new Set(sentIds).size).toBe(1);
    expect(server.graded.get("Aiko")).toBe(1);
    run.stdin.end();
    expect(await run.done).toBe(0);
  });
});
