// The instructor's pauses, resumes and extensions of a live session, and what they do to each
// learner's time. Stored as rows (session_changes), never as flags in memory, so every server
// on the database, and every replay of a learner's actions, computes the same deadline. Pure.

export const SESSION_CHANGE_KINDS = ["pause", "resume", "extend"] as const;
export type SessionChangeKind = (typeof SESSION_CHANGE_KINDS)[number];

/** One change, in the order stored. */
export interface SessionChange {
  kind: SessionChangeKind;
  /** ms since the epoch, the server's clock when the instructor made the change. */
  at: number;
  /** The minutes added (extend only; 0 otherwise). */
  minutes: number;
}

/** An extension adds 1 to this many minutes at once. */
export const MAX_EXTEND_MINUTES = 60;

/** The session as its changes leave it. */
export interface PauseState {
  paused: boolean;
  /** When the pause now in force began, or null. */
  pausedSince: number | null;
  /** Every extension added up, in minutes. */
  extendedMinutes: number;
}

export function pauseState(changes: readonly SessionChange[]): PauseState {
  let pausedSince: number | null = null;
  let extendedMinutes = 0;
  for (const change of changes) {
    if (change.kind === "pause") pausedSince ??= change.at;
    else if (change.kind === "resume") pausedSince = null;
    else extendedMinutes += change.minutes;
  }
  return { paused: pausedSince !== null, pausedSince, extendedMinutes };
}

/** A learner's time as of one moment. */
export interface LearnerTime {
  /**
   * When the learner's time runs out (ms), or null without a time limit. While the session is
   * paused with time left, the time it would run out if the session resumed at that moment.
   */
  deadline: number | null;
  /** The time added to the learner's limit: every extension and the time paused since they joined. */
  addedMs: number;
}

/**
 * The learner's deadline as of `now`: their join plus the time limit, plus every extension,
 * plus the time the session spent paused after they joined. A learner whose time ran out
 * stays out: a later pause or extension does not bring them back (so a replay of their stored
 * actions ends as it ended when they answered). Changes after `now` are not counted.
 */
export function learnerTime(limitMinutes: number | null, joinedAt: number, changes: readonly SessionChange[], now: number): LearnerTime {
  if (limitMinutes === null) return { deadline: null, addedMs: 0 };
  let remaining = Math.round(limitMinutes * 60_000);
  let addedMs = 0;
  let paused = false;
  // The moment up to which `remaining` has been counted.
  let counted = joinedAt;
  for (const change of changes) {
    if (change.at > now) break;
    if (change.at > joinedAt) {
      if (paused) addedMs += change.at - counted;
      else {
        // The time ran out before this change: nothing after it counts.
        if (counted + remaining <= change.at) return { deadline: counted + remaining, addedMs };
        remaining -= change.at - counted;
      }
      counted = change.at;
    }
    if (change.kind === "pause") paused = true;
    else if (change.kind === "resume") paused = false;
    else {
      remaining += change.minutes * 60_000;
      addedMs += change.minutes * 60_000;
    }
  }
  if (paused) {
    const upTo = Math.max(now, counted);
    return { deadline: upTo + remaining, addedMs: addedMs + (upTo - counted) };
  }
  return { deadline: counted + remaining, addedMs };
}
