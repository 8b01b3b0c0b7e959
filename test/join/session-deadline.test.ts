// A joined quiz's deadline that the instructor can move: the input ends only once the server,
// asked again after the last known time left ran out, says there is none. Fake timers and a fake
// monotonic clock: nothing here waits for real time, and the server's answers are times left,
// never wall-clock deadlines.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { RECHECK_MS, SessionDeadline } from "../../src/join/session-deadline";
import { readLines } from "../../src/plain/line-reader";

function fakeTime() {
  const clock = { now: 0 };
  const due: { at: number; fn: () => void; id: number }[] = [];
  let ids = 0;
  const waits: number[] = [];
  return {
    clock,
    waits,
    timers: {
      setTimeout(fn: () => void, ms: number) {
        waits.push(ms);
        const id = ++ids;
        due.push({ at: clock.now + ms, fn, id });
        return id;
      },
      clearTimeout(handle: unknown) {
        const i = due.findIndex((d) => d.id === handle);
        if (i >= 0) due.splice(i, 1);
      },
    },
    /** Moves the clock to `to`, running every timer due by then, with the promises they start. */
    async advance(to: number) {
      for (;;) {
        due.sort((a, b) => a.at - b.at);
        const next = due[0];
        if (!next || next.at > to) break;
        due.shift();
        clock.now = next.at;
        next.fn();
        for (let i = 0; i < 10; i++) await Promise.resolve();
      }
      clock.now = to;
    },
  };
}

describe("SessionDeadline", () => {
  it("ends the input at a deadline the server confirms, and goes on past one it moved (an extension)", async () => {
    const time = fakeTime();
    const asked: number[] = [];
    let serverDeadline = 60_000;
    const source = {
      timeLeftNow: async () => {
        asked.push(time.clock.now);
        return Math.max(0, serverDeadline - time.clock.now);
      },
    };
    const stdin = new PassThrough();
    const input = new SessionDeadline(
      () => 60_000,
      source,
      time.timers,
      () => time.clock.now,
    ).reader(readLines(stdin));
    let line: string | null | undefined;
    void input.next().then((l) => (line = l));
    serverDeadline = 360_000; // the instructor added 5 minutes
    await time.advance(60_000);
    expect(asked).toEqual([60_000]);
    expect(line).toBeUndefined();
    await time.advance(359_999);
    expect(line).toBeUndefined();
    await time.advance(360_000);
    expect(asked).toEqual([60_000, 360_000]);
    expect(line).toBeNull();
    expect(await input.next()).toBeNull();
  });

  it("keeps waiting while the session is paused, asking again at most every RECHECK_MS, and a typed line still arrives", async () => {
    const time = fakeTime();
    const asked: number[] = [];
    // Paused with 1 s left: the time left stands still.
    const source = {
      timeLeftNow: async () => {
        asked.push(time.clock.now);
        return 1000;
      },
    };
    const stdin = new PassThrough();
    const input = new SessionDeadline(
      () => 10_000,
      source,
      time.timers,
      () => time.clock.now,
    ).reader(readLines(stdin));
    const next = input.next();
    await time.advance(10_000 + 5 * RECHECK_MS);
    expect(asked).toEqual([
      10_000,
      10_000 + RECHECK_MS,
      10_000 + 2 * RECHECK_MS,
      10_000 + 3 * RECHECK_MS,
      10_000 + 4 * RECHECK_MS,
      10_000 + 5 * RECHECK_MS,
    ]);
    stdin.write("0.105\n");
    expect(await next).toBe("0.105");
  });

  it("takes the time as up when the server cannot say", async () => {
    const time = fakeTime();
    const source = {
      timeLeftNow: async (): Promise<number | null> => {
        throw new Error("gone");
      },
    };
    const input = new SessionDeadline(
      () => 1000,
      source,
      time.timers,
      () => time.clock.now,
    ).reader(readLines(new PassThrough()));
    const next = input.next();
    await time.advance(1000);
    expect(await next).toBeNull();
  });
});
