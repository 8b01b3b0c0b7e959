// Shared by the progress tests: temporary data directories, a controllable clock, attempts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import type { AttemptInput, ProgressWarning } from "../../src/progress";

const made: string[] = [];

/** A fresh directory removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "st-progress-"));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A clock that only moves when told to. */
export function fakeClock(start = "2025-03-03T12:00:00.000Z") {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
    set(iso: string) {
      t = Date.parse(iso);
    },
  };
}

export function attemptInput(overrides: Partial<AttemptInput> = {}): AttemptInput {
  return {
    templateId: "sigmoid-at-x",
    skill: "sigmoid-value",
    seed: 1,
    params: { x: 2 },
    part: 0,
    parts: 1,
    answer: "0.881",
    verdict: "correct",
    mistake: null,
    hints: 0,
    ms: 20_000,
    mode: "practice",
    ...overrides,
  };
}

export function collectWarnings() {
  const warnings: ProgressWarning[] = [];
  return { warnings, warn: (w: ProgressWarning) => warnings.push(w) };
}

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;
