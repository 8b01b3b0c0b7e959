// A learner's deadline from the instructor's stored pauses, resumes and extensions.
import { describe, expect, it } from "vitest";
import { learnerTime, pauseState, type SessionChange } from "../../src/server/session-changes";

const MIN = 60_000;
const pause = (at: number): SessionChange => ({ kind: "pause", at, minutes: 0 });
const resume = (at: number): SessionChange => ({ kind: "resume", at, minutes: 0 });
const extend = (at: number, minutes: number): SessionChange => ({ kind: "extend", at, minutes });

describe("learnerTime", () => {
  it("is the join plus the limit with no changes, and nothing without a limit", () => {
    expect(learnerTime(10, 1000, [], 5000)).toEqual({ deadline: 1000 + 10 * MIN, addedMs: 0 });
    expect(learnerTime(null, 1000, [pause(2000), extend(3000, 5)], 5000)).toEqual({ deadline: null, addedMs: 0 });
  });

  it("adds every extension and the time paused after the learner joined", () => {
    const changes = [extend(0, 2), pause(10_000), resume(40_000), pause(50_000), resume(55_000), extend(60_000, 1)];
    // Joined at 20 s, during the first pause: 20 s of it count, then the 5 s pause.
    expect(learnerTime(1, 20_000, changes, 70_000)).toEqual({ deadline: 20_000 + 4 * MIN + 25_000, addedMs: 3 * MIN + 25_000 });
  });

  it("stands still while paused: the deadline is as if the session resumed now", () => {
    const changes = [pause(30_000)];
    expect(learnerTime(1, 0, changes, 40_000)).toEqual({ deadline: 40_000 + 30_000, addedMs: 10_000 });
    expect(learnerTime(1, 0, changes, 90_000)).toEqual({ deadline: 90_000 + 30_000, addedMs: 60_000 });
  });

  it("keeps a learner whose time ran out out: a later pause or extension does not bring them back", () => {
    const changes = [pause(2 * MIN), extend(3 * MIN, 10)];
    expect(learnerTime(1, 0, changes, 4 * MIN)).toEqual({ deadline: MIN, addedMs: 0 });
    // A change at the very deadline comes too late too (an action at the deadline is refused).
    expect(learnerTime(1, 0, [extend(MIN, 5)], 2 * MIN).deadline).toBe(MIN);
  });

  it("does not count changes after `now`", () => {
    expect(learnerTime(1, 0, [extend(30_000, 5)], 20_000)).toEqual({ deadline: MIN, addedMs: 0 });
  });
});

describe("pauseState", () => {
  it("says whether the session is paused, since when, and the minutes added", () => {
    expect(pauseState([])).toEqual({ paused: false, pausedSince: null, extendedMinutes: 0 });
    expect(pauseState([pause(5), extend(6, 5), resume(7), extend(8, 2), pause(9)])).toEqual({
      paused: true,
      pausedSince: 9,
      extendedMinutes: 7,
    });
  });
});
