// kill -9 at random moments, with two trainers writing to the same directory: every attempt a
// trainer acknowledged (recordAttempt returned) must be there when the data is loaded again.
import { beforeAll, describe, expect, it } from "vitest";
import { createProgressStore } from "../../src/progress";
import { bundleProgress, startWriter } from "./bundle";
import { collectWarnings, tempDir } from "./helpers";

let bundle: string;
beforeAll(async () => {
  bundle = await bundleProgress();
});

/** A small seeded generator (mulberry32), so a failing run can be repeated with its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROUNDS = 30;

describe("kill -9 at random moments", () => {
  it(`loses no acknowledged attempt over ${ROUNDS} rounds of two trainers killed independently`, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
    const rand = random(seed);
    const dir = tempDir();
    const acked = new Set<string>();
    let killedWhileWriting = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const writers = [startWriter(bundle, dir, 0, `r${round}a`), startWriter(bundle, dir, 0, `r${round}b`)];
      await Promise.all(
        writers.map(async (w) => {
          if (rand() < 0.25) {
            // Early: while the trainer starts and reads (and perhaps repairs) the journal.
            await new Promise((r) => setTimeout(r, rand() * 150));
          } else {
            // While writing: after a random number of acknowledged attempts, plus a random sliver.
            const target = Math.floor(rand() * 120);
            while (w.acked.length < target && !w.exited()) await new Promise((r) => setTimeout(r, 1));
            await new Promise((r) => setTimeout(r, rand() * 3));
          }
          if (w.acked.length > 0) killedWhileWriting++;
          w.kill();
          const { signal } = await w.done;
          expect(signal, `round ${round} (seed ${seed}): ${w.stderr()}`).toBe("SIGKILL");
          for (const id of w.acked) acked.add(id);
        }),
      );
    }
    const { warnings, warn } = collectWarnings();
    const state = createProgressStore({ dataDir: dir, warn }).getState();
    const present = new Set(state.attempts.map((a) => a.id));
    const lost = [...acked].filter((id) => !present.has(id));
    expect(lost, `seed ${seed}`).toEqual([]);
    expect(present.size).toBe(state.attempts.length);
    // Every attempt read back is whole: the answer names its writer and keeps its text.
    for (const a of state.attempts) expect(a.answer).toMatch(/^r\d+[ab]-\d+ "0,5" ０．８８１(９{3000})?$/);
    console.log(
      `kill -9: ${ROUNDS} rounds × 2 trainers (seed ${seed}), ${killedWhileWriting} kills mid-writing, ` +
        `${acked.size} acknowledged attempts all present of ${state.attempts.length} on disk; ` +
        `damage reports on the final load: ${warnings.length}`,
    );
  }, 120_000);
});

describe("two trainers writing at once", () => {
  it("interleave whole lines and lose nothing", async () => {
    const dir = tempDir();
    const N = 300;
    const writers = [startWriter(bundle, dir, N, "a"), startWriter(bundle, dir, N, "b"), startWriter(bundle, dir, N, "c")];
    const results = await Promise.all(writers.map((w) => w.done));
    for (const [i, w] of writers.entries()) expect(results[i]!.code, w.stderr()).toBe(0);
    const { warnings, warn } = collectWarnings();
    const state = createProgressStore({ dataDir: dir, warn }).getState();
    expect(warnings).toEqual([]);
    expect(state.attempts).toHaveLength(3 * N);
    for (const w of writers) expect(w.acked).toHaveLength(N);
    const ids = new Set(state.attempts.map((a) => a.id));
    for (const w of writers) for (const id of w.acked) expect(ids.has(id)).toBe(true);
    // Each trainer's own attempts are in its own order, and the journal really interleaved them.
    for (const tag of ["a", "b", "c"]) {
      const mine = state.attempts.filter((a) => a.answer.startsWith(`${tag}-`)).map((a) => Number(a.answer.split(/[- ]/)[1]));
      expect(mine).toEqual(Array.from({ length: N }, (_, i) => i));
    }
    const switches = state.attempts.filter((a, i) => i > 0 && a.session !== state.attempts[i - 1]!.session).length;
    console.log(`concurrent: 3 trainers × ${N} attempts, all ${3 * N} present, writers alternated ${switches} times`);
    expect(switches).toBeGreaterThan(2);
  }, 120_000);
});
