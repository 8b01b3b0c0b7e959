// The edges of one learner's session: the token file (atomic, 0600, a name like "__proto__", a
// file that is not ours), an action in flight that the server no longer takes, and a server
// that rate-limits for ever.
import { readdirSync, statSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TokenStore } from "../../src/join/token-store";
import { CODE, FakeServer, ORIGIN } from "./fake-server";
import { joinRun, parsed, tempDataDir } from "./harness";

describe("the token file", () => {
  it("is written whole (no temporary left), 0600, and keeps each name apart, __proto__ too", () => {
    const dir = tempDataDir();
    const store = new TokenStore(dir, ORIGIN, CODE);
    store.save("Aiko", { learner: "1", token: "t1", pending: null });
    store.save("__proto__", { learner: "2", token: "t2", pending: { id: "x", action: "answer", text: "0.5" } });
    expect(readdirSync(join(dir, "sessions"))).toEqual([store.path.split("/").at(-1)]);
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    const again = new TokenStore(dir, ORIGIN, CODE);
    expect(again.load("Aiko")).toMatchObject({ token: "t1", pending: null });
    expect(again.load("__proto__")).toMatchObject({ token: "t2", pending: { id: "x", text: "0.5" } });
    expect(again.load("constructor")).toBeNull();
    expect(({} as Record<string, unknown>).token).toBeUndefined();
  });

  it("another server's session, a damaged file or a link is not read (the learner joins afresh)", () => {
    const dir = tempDataDir();
    const store = new TokenStore(dir, ORIGIN, CODE);
    store.save("Aiko", { learner: "1", token: "t1", pending: null });
    expect(new TokenStore(dir, "http://10.0.0.1:4999", CODE).load("Aiko")).toBeNull();
    writeFileSync(store.path, "{not json");
    expect(store.load("Aiko")).toBeNull();
    const elsewhere = join(tempDataDir(), "x.json");
    const linked = new TokenStore(tempDataDir(), ORIGIN, CODE);
    linked.save("Ben", { learner: "3", token: "t3", pending: null });
    const path = linked.path;
    writeFileSync(
      elsewhere,
      JSON.stringify({ version: 1, server: ORIGIN, session: CODE, learners: { Eve: { learner: "9", token: "stolen" } } }),
    );
    unlinkSync(path);
    symlinkSync(elsewhere, path);
    expect(linked.load("Eve")).toBeNull();
  });
});

describe("an action in flight", () => {
  it("that the server refuses as id-reused is dropped, and the learner goes on from the server's state", async () => {
    const server = new FakeServer();
    const dataDir = tempDataDir();
    const first = joinRun({ fetch: server.fetch, dataDir });
    await first.lines(1);
    // A pending action whose id the server knows with another body.
    first.stdin.write("0.5\n");
    await first.lines(3);
    const saved = first.store.load("Aiko")!;
    const firstId = [
      ...(server as unknown as { learners: Map<string, { answers: Map<string, unknown> }> }).learners.get("Aiko")!.answers.keys(),
    ][0]!;
    first.store.save("Aiko", { ...saved, pending: { id: firstId, action: "answer", text: "0.9" } });
    const again = joinRun({ fetch: server.fetch, dataDir });
    const lines = parsed(await again.lines(1));
    expect(lines[0]).toMatchObject({ type: "question", number: 2 });
    expect(again.store.load("Aiko")?.pending).toBeNull();
    again.stdin.end();
    expect(await again.done).toBe(0);
  });
});

describe("a server that rate-limits for ever", () => {
  it("is given up on after the same two minutes, exit 1", async () => {
    const server = new FakeServer();
    const run = joinRun({
      fetch: async (url, init) =>
        url.endsWith("/actions")
          ? new Response(JSON.stringify({ error: "rate-limited", message: "" }), { status: 429, headers: { "retry-after": "5" } })
          : server.fetch(url, init),
    });
    await run.lines(1);
    run.stdin.write("0.5\n");
    expect(await run.done).toBe(1);
    expect(run.sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(120_000);
    expect(run.err.join("")).toMatch(/429 rate-limited/);
  });
});
