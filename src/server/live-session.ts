// One live session over the database: joining, a learner's actions graded by replay, and what
// the instructor's routes read. Every request reads what it needs from the database, so a
// restarted server, or several servers on one PostgreSQL, answer alike.
import type { Course } from "../content/model";
import { currentView, summarize } from "../engine/session";
import { checkLearnerName, type LearnerNameProblem } from "../quiz/learner-name";
import type { QuizResult } from "../quiz/result";
import type { QuizSettings } from "../quiz/settings";
import { ActionWriter } from "./action-writer";
import { type ClientEvent, clientEvents, type FeedbackMode, summaryEvent } from "./client-events";
import { dashboardModel, type DashboardModel } from "./dashboard-model";
import type { Database, Queryable } from "./database";
import type { SessionConfig } from "../engine/types";
import { quizEngineConfig } from "../quiz/session-config";
import { type ActionKind, type LearnerAction, type LearnerReplay, LearnerReplayer, replayLearner } from "./replay";
import { pauseState, type PauseState, type SessionChange, type SessionChangeKind } from "./session-changes";
import { SERVER_TEXT } from "./texts";
import { newSessionCode, newToken, sameToken, tokenHash } from "./tokens";

/** Dashboard changes are announced on this channel; the payload is the session code. */
export const CHANGED_CHANNEL = "sigmoid_trainer_session_changed";
/**
 * A pause, resume or extension is announced on this channel too (payload: the session code), so
 * that every server reads the session's changes again before it grades on what it has cached.
 */
export const TIMING_CHANNEL = "sigmoid_trainer_session_timing";

export interface SessionRecord {
  code: string;
  instructorToken: string;
  settings: QuizSettings;
  lang: "ja" | "en";
  feedback: FeedbackMode;
  contentVersion: string;
  startedAt: number;
  endedAt: number | null;
}

export interface LearnerRecord {
  id: number;
  sessionCode: string;
  name: string;
  joinedAt: number;
  lastSeen: number;
}

export type JoinOutcome =
  | { ok: true; status: 200 | 201; learner: LearnerRecord; token: string }
  | { ok: false; status: 400; error: "bad-name"; problem: LearnerNameProblem }
  | { ok: false; status: 409; error: "name-taken" }
  | { ok: false; status: 410; error: "ended" };

export interface ActionRequest {
  id: string;
  action: ActionKind;
  text: string | null;
}

export type ActionOutcome =
  | {
      ok: true;
      events: ClientEvent[];
      /** `events` as JSON, where it was made already (to store it): sent as it is, not made again. */
      eventsJson?: string;
      changed: boolean;
    }
  | { ok: false; status: 409; error: "id-reused" }
  | { ok: false; status: 410; error: "ended" }
  | { ok: false; status: 423; error: "paused" };

/** What the instructor's pause, resume or extend did: `changed` false when it changed nothing. */
export type TimingOutcome =
  | { ok: true; changed: boolean; timing: SessionTiming }
  | { ok: false; status: 409; error: "untimed" }
  | { ok: false; status: 410; error: "ended" };

/** The session's pause and extra time, as the learners' state and the dashboard show them. */
export interface SessionTiming {
  paused: boolean;
  /** When the pause now in force began (ISO), or null. */
  pausedSince: string | null;
  /** Every extension added up. */
  extendedMinutes: number;
}

function timingOf(state: PauseState): SessionTiming {
  return {
    paused: state.paused,
    pausedSince: state.pausedSince === null ? null : new Date(state.pausedSince).toISOString(),
    extendedMinutes: state.extendedMinutes,
  };
}

interface SessionRow {
  code: string;
  instructor_token: string;
  settings: QuizSettings;
  lang: "ja" | "en";
  feedback: FeedbackMode;
  content_version: string;
  started_at: number | string;
  ended_at: number | string | null;
}

interface LearnerRow {
  id: number | string;
  session_code: string;
  name: string;
  joined_at: number | string;
  last_seen: number | string;
}

interface ActionRow {
  kind: ActionKind;
  text: string | null;
  at: number | string;
}

const num = (value: number | string) => Number(value);

function sessionOf(row: SessionRow): SessionRecord {
  return {
    code: row.code,
    instructorToken: row.instructor_token,
    settings: row.settings,
    lang: row.lang,
    feedback: row.feedback,
    contentVersion: row.content_version,
    startedAt: num(row.started_at),
    endedAt: row.ended_at === null ? null : num(row.ended_at),
  };
}

function learnerOf(row: LearnerRow): LearnerRecord {
  return { id: num(row.id), sessionCode: row.session_code, name: row.name, joinedAt: num(row.joined_at), lastSeen: num(row.last_seen) };
}

function actionOf(row: ActionRow): LearnerAction {
  return { kind: row.kind, text: row.text, at: num(row.at) };
}

interface ChangeRow {
  kind: SessionChangeKind;
  at: number | string;
  minutes: number | string;
}

async function changesOf(q: Queryable, code: string): Promise<SessionChange[]> {
  const rows = await q.query<ChangeRow>("SELECT kind, at, minutes FROM session_changes WHERE session_code = $1 ORDER BY seq", [code]);
  return rows.map((row) => ({ kind: row.kind, at: num(row.at), minutes: num(row.minutes) }));
}

const LEARNER_COLUMNS = "id, session_code, name, joined_at, last_seen";

export interface NewSessionOptions {
  settings: QuizSettings;
  lang: "ja" | "en";
  feedback: FeedbackMode;
  now: number;
}

export class LiveSession {
  /** Writes the actions graded on cached state, many learners' in one statement (group commit). */
  private readonly writer: ActionWriter;

  private constructor(
    private readonly db: Database,
    readonly course: Course,
    private record: SessionRecord,
    /** The trainer's version, written into results. */
    readonly app: string,
  ) {
    this.writer = new ActionWriter(db);
  }

  static async create(db: Database, course: Course, app: string, options: NewSessionOptions): Promise<LiveSession> {
    for (;;) {
      const code = newSessionCode();
      const rows = await db.query<SessionRow>(
        `INSERT INTO sessions (code, instructor_token, settings, lang, feedback, content_version, started_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING RETURNING *`,
        [code, newToken(), JSON.stringify(options.settings), options.lang, options.feedback, course.version, options.now],
      );
      if (rows[0]) return new LiveSession(db, course, sessionOf(rows[0]), app);
    }
  }

  /** The stored session with this code, or null. */
  static async open(db: Database, course: Course, app: string, code: string): Promise<LiveSession | null> {
    const rows = await db.query<SessionRow>("SELECT * FROM sessions WHERE code = $1", [code]);
    if (!rows[0]) return null;
    const session = new LiveSession(db, course, sessionOf(rows[0]), app);
    session.changes = await changesOf(db, code);
    return session;
  }

  get code(): string {
    return this.record.code;
  }

  get session(): SessionRecord {
    return this.record;
  }

  isInstructor(token: string): boolean {
    return sameToken(token, this.record.instructorToken);
  }

  /** Reads the session again (another server may have ended, paused or extended it). */
  async refresh(): Promise<SessionRecord> {
    const rows = await this.db.query<SessionRow>("SELECT * FROM sessions WHERE code = $1", [this.code]);
    if (rows[0]) this.record = sessionOf(rows[0]);
    this.setChanges(await changesOf(this.db, this.code));
    return this.record;
  }

  /** The instructor's pauses, resumes and extensions, in order, as last read. */
  private changes: SessionChange[] = [];

  /**
   * Takes the changes as read from the database. When there are new ones, the states cached
   * for grading were made with the old deadlines: they are dropped (pauses and extensions only
   * move deadlines later, so a state cached before one is never more lenient than a replay).
   */
  private setChanges(changes: SessionChange[]): void {
    // Changes are only ever added: a shorter list is an older read that finished late.
    if (changes.length < this.changes.length) return;
    if (changes.length !== this.changes.length) this.graders.clear();
    this.changes = changes;
  }

  /** The session's pause and extra time, as last read. */
  timing(): SessionTiming {
    return timingOf(pauseState(this.changes));
  }

  info() {
    const { code, lang, settings, feedback, endedAt } = this.record;
    return {
      type: "session" as const,
      session: code,
      lang,
      count: settings.count,
      feedback,
      hintsAllowed: settings.hintsAllowed,
      timeLimitMinutes: settings.timeLimitMinutes,
      state: endedAt === null ? ("open" as const) : ("ended" as const),
      ...this.timing(),
    };
  }

  /**
   * The learner whose token this is: `other` when it belongs to another session, null when it
   * is nobody's. Looked up by the token's hash; the tokens themselves are never stored.
   */
  async learnerByToken(token: string): Promise<LearnerRecord | "other" | null> {
    const hash = tokenHash(token);
    // A learner's row never changes but for last_seen, and is never deleted: once found, the
    // token need not be looked up again (a token that was nobody's is, as it may be issued later).
    const known = this.learnersByToken.get(hash);
    if (known) return known;
    const rows = await this.db.query<LearnerRow>(`SELECT ${LEARNER_COLUMNS} FROM learners WHERE token_hash = $1`, [hash]);
    const row = rows[0];
    if (!row) return null;
    if (row.session_code !== this.code) return "other";
    const learner = learnerOf(row);
    this.learnersByToken.set(hash, learner);
    return learner;
  }

  private readonly learnersByToken = new Map<string, LearnerRecord>();

  async join(typedName: string, token: string | null, now: number): Promise<JoinOutcome> {
    const session = await this.refresh();
    const checked = checkLearnerName(typedName);
    if (!checked.ok) return { ok: false, status: 400, error: "bad-name", problem: checked.problem };
    const name = checked.value;
    if (token !== null) {
      const known = await this.learnerByToken(token);
      if (known !== null && known !== "other" && known.name === name) {
        await this.touch(known.id, now);
        return { ok: true, status: 200, learner: { ...known, lastSeen: now }, token };
      }
    }
    if (session.endedAt !== null) return { ok: false, status: 410, error: "ended" };
    const fresh = newToken();
    const rows = await this.db.query<LearnerRow>(
      `INSERT INTO learners (session_code, name, token_hash, joined_at, last_seen) VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (session_code, name) DO NOTHING RETURNING ${LEARNER_COLUMNS}`,
      [this.code, name, tokenHash(fresh), now],
    );
    if (!rows[0]) return { ok: false, status: 409, error: "name-taken" };
    await this.announce();
    return { ok: true, status: 201, learner: learnerOf(rows[0]), token: fresh };
  }

  /** The learner made a request: they count as connected for the next 30 s. */
  async touch(learnerId: number, now: number): Promise<void> {
    await this.db.query("UPDATE learners SET last_seen = GREATEST(last_seen, $2) WHERE id = $1", [learnerId, now]);
  }

  /** The quiz's session config, made once: the same for every learner. */
  private sessionConfig: SessionConfig | null = null;

  private context(learner: LearnerRecord, endedAt: number | null) {
    this.sessionConfig ??= quizEngineConfig(this.course, this.record.settings);
    return {
      config: this.sessionConfig,
      course: this.course,
      settings: this.record.settings,
      name: learner.name,
      app: this.app,
      joinedAt: learner.joinedAt,
      endedAt,
      changes: this.changes,
    };
  }

  private async actionsOf(q: Queryable, learnerId: number): Promise<LearnerAction[]> {
    const rows = await q.query<ActionRow>("SELECT kind, text, at FROM actions WHERE learner_id = $1 ORDER BY seq", [learnerId]);
    return rows.map(actionOf);
  }

  async replay(learner: LearnerRecord, now: number): Promise<LearnerReplay> {
    return replayLearner(this.context(learner, this.record.endedAt), await this.actionsOf(this.db, learner.id), now);
  }

  /**
   * The learner's replay, as `replay` gives it; while their quiz goes on, the replayed state is
   * also kept for grading their next action (a client reads the state on joining and on
   * reconnecting, right before it answers).
   */
  private async replayAndCache(learner: LearnerRecord, now: number): Promise<LearnerReplay> {
    const rows = await this.db.query<ActionRow & { attempt_id: string }>(
      "SELECT kind, text, at, attempt_id FROM actions WHERE learner_id = $1 ORDER BY seq",
      [learner.id],
    );
    const endedAt = this.record.endedAt;
    const replayer = new LearnerReplayer(this.context(learner, endedAt));
    for (const action of rows.map(actionOf)) {
      if (replayer.state.finished || replayer.tooLate(action.at)) break;
      replayer.apply(action);
    }
    replayer.close(now);
    const replay = replayer.done();
    // One statement read all the actions: `seq` matches the state (should another server store
    // one meanwhile, that `seq` is taken and the next action falls back to a replay).
    if (endedAt === null && !replayer.state.finished)
      this.graders.set(learner.id, { seq: rows.length, replayer, attemptIds: new Set(rows.map((row) => row.attempt_id)) });
    return replay;
  }

  /** What the learner should see now: the current question, or the summary when finished. */
  async state(learner: LearnerRecord, now: number): Promise<ClientEvent[]> {
    await this.refresh();
    await this.touch(learner.id, now);
    const replay = await this.replayAndCache(learner, now);
    const context = { feedback: this.record.feedback, deadline: replay.deadline, now, result: replay.result };
    if (replay.state.finished) return [summaryEvent(summaryOf(replay), replay.result)];
    const view = currentView(replay.state);
    return view === null
      ? []
      : clientEvents([{ type: "question", question: view, cause: view.part > 0 ? "next-part" : "next-question" }], context);
  }

  /**
   * Grades one action: inside one transaction the learner's row is locked (so two servers never
   * grade the same learner at once), the stored actions are replayed, and the new action and
   * its graded attempts are stored with the response before it is returned.
   */
  async act(learner: LearnerRecord, request: ActionRequest, now: number): Promise<ActionOutcome> {
    // While this server knows the session paused, the replay path decides from the database
    // (it answers a retried attempt id, and sees a resume made on another server).
    const fast = pauseState(this.changes).paused ? null : await this.actOnCachedState(learner, request, now);
    const outcome = fast ?? (await this.actByReplay(learner, request, now));
    if (outcome.ok && outcome.changed) this.announceSoon();
    return outcome;
  }

  /**
   * Each learner's quiz as this server last graded it, with the number of actions stored then
   * (`seq`) and their attempt ids. Only while the session runs and the learner's quiz goes on;
   * taken out of the map while an action is being graded on it, so one server never grades two
   * actions of a learner on the same state.
   */
  private readonly graders = new Map<number, { seq: number; replayer: LearnerReplayer; attemptIds: Set<string> }>();

  /**
   * Grades the action on the cached state and stores it with the other answers of the moment
   * (action-writer.ts: one statement for the batch), without reading the learner's actions
   * again. The statement locks the learners' rows (as the replaying path does) and stores the
   * action at the cached `seq` only if the session is still open: when another server stored an
   * action for this learner meanwhile, that `seq` (or the attempt id) is taken, this action is
   * not stored, and the caller replays from the database instead. Null when the
   * cache cannot answer: no cached state, a retried attempt id, the quiz ending, a withheld
   * worked solution, the session ended, or a conflict.
   */
  private async actOnCachedState(learner: LearnerRecord, request: ActionRequest, now: number): Promise<ActionOutcome | null> {
    const cached = this.graders.get(learner.id);
    if (!cached || this.record.endedAt !== null) return null;
    const { replayer } = cached;
    const current = replayer.state.current;
    if (cached.attemptIds.has(request.id) || replayer.state.finished || replayer.tooLate(now) || !current) return null;
    if (this.record.feedback === "end" && request.action === "hint") return null;
    this.graders.delete(learner.id);
    // The deadlines this state was made with: a pause or an extension read meanwhile outdates it.
    const changes = this.changes;
    const step = replayer.apply({ kind: request.action, text: request.text, at: now });
    // The sealed result (hashed) is needed only for the summary: made when that is sent.
    const events = clientEvents(step.events, {
      feedback: this.record.feedback,
      deadline: replayer.deadline,
      now,
      get result() {
        return replayer.done().result;
      },
    });
    const attempts = step.events.flatMap((event) =>
      event.type === "graded" ? [{ part: event.attempt.part, attempt: event.attempt }] : [],
    );
    const eventsJson = JSON.stringify(events);
    const written = await this.writer.store({
      learnerId: learner.id,
      seq: cached.seq,
      attemptId: request.id,
      kind: request.action,
      text: request.text,
      at: now,
      response: eventsJson,
      attempts,
    });
    if (written !== "stored") return null;
    if (!replayer.state.finished && this.changes === changes) {
      cached.attemptIds.add(request.id);
      this.graders.set(learner.id, { seq: cached.seq + 1, replayer, attemptIds: cached.attemptIds });
    }
    return { ok: true, events, eventsJson, changed: true };
  }

  /**
   * Grades one action from the database: inside one transaction the learner's row is locked (so
   * two servers never grade the same learner at once), the stored actions are replayed, and the
   * new action and its graded attempts are stored with the response before it is returned.
   */
  private async actByReplay(learner: LearnerRecord, request: ActionRequest, now: number): Promise<ActionOutcome> {
    this.graders.delete(learner.id);
    type Kept = { seq: number; replayer: LearnerReplayer; attemptIds: Set<string>; changes: SessionChange[] };
    let keep = null as Kept | null;
    const outcome = await this.db.transaction(async (tx): Promise<ActionOutcome> => {
      await tx.query("SELECT id FROM learners WHERE id = $1 FOR UPDATE", [learner.id]);
      const seen = await tx.query<{ kind: string; text: string | null; response: string }>(
        "SELECT kind, text, response FROM actions WHERE learner_id = $1 AND attempt_id = $2",
        [learner.id, request.id],
      );
      if (seen[0]) {
        const same = seen[0].kind === request.action && seen[0].text === request.text;
        return same
          ? { ok: true, events: JSON.parse(seen[0].response) as ClientEvent[], eventsJson: seen[0].response, changed: false }
          : { ok: false, status: 409, error: "id-reused" };
      }
      const sessions = await tx.query<SessionRow>("SELECT * FROM sessions WHERE code = $1", [this.code]);
      if (sessions[0]) this.record = sessionOf(sessions[0]);
      if (this.record.endedAt !== null) return { ok: false, status: 410, error: "ended" };
      this.setChanges(await changesOf(tx, this.code));
      // Paused: answers, hints and skips wait for the resume and nothing is stored. Quitting
      // takes none of the learner's time, so it is still taken.
      if (request.action !== "quit" && pauseState(this.changes).paused) return { ok: false, status: 423, error: "paused" };
      const rows = await tx.query<ActionRow & { attempt_id: string }>(
        "SELECT kind, text, at, attempt_id FROM actions WHERE learner_id = $1 ORDER BY seq",
        [learner.id],
      );
      const actions = rows.map(actionOf);
      const attemptIds = rows.map((row) => row.attempt_id);
      const replayer = new LearnerReplayer(this.context(learner, this.record.endedAt));
      for (const action of actions) {
        if (replayer.state.finished || replayer.tooLate(action.at)) break;
        replayer.apply(action);
      }
      // Too late, or already finished: nothing is stored; the learner is told how it ended.
      const closing = replayer.close(now);
      if (replayer.state.finished) {
        const done = replayer.done();
        const events =
          closing.length > 0
            ? clientEvents(closing, { feedback: this.record.feedback, deadline: done.deadline, now, result: done.result })
            : [summaryEvent(summaryOf(done), done.result)];
        return { ok: true, events, changed: closing.length > 0 };
      }
      // With --feedback end the worked solution (a hint's last stage) would give the answer away:
      // it waits for the end of the quiz, and asking for it changes nothing.
      const current = replayer.state.current;
      if (
        this.record.feedback === "end" &&
        request.action === "hint" &&
        current &&
        current.hintsShown + 1 >= current.instance.hints.length + 1
      ) {
        return { ok: true, events: [{ type: "notice", message: SERVER_TEXT.solutionAtEnd }], changed: false };
      }
      const action: LearnerAction = { kind: request.action, text: request.text, at: now };
      const step = replayer.apply(action);
      const done = replayer.done();
      const events = clientEvents(step.events, { feedback: this.record.feedback, deadline: done.deadline, now, result: done.result });
      const seq = actions.length;
      const eventsJson = JSON.stringify(events);
      await tx.query("INSERT INTO actions (learner_id, seq, attempt_id, kind, text, at, response) VALUES ($1, $2, $3, $4, $5, $6, $7)", [
        learner.id,
        seq,
        request.id,
        request.action,
        request.text,
        now,
        eventsJson,
      ]);
      for (const event of step.events) {
        if (event.type !== "graded") continue;
        await tx.query("INSERT INTO attempts (learner_id, seq, part, attempt) VALUES ($1, $2, $3, $4)", [
          learner.id,
          seq,
          event.attempt.part,
          JSON.stringify(event.attempt),
        ]);
      }
      await tx.query("UPDATE learners SET last_seen = GREATEST(last_seen, $2) WHERE id = $1", [learner.id, now]);
      if (this.record.endedAt === null && !replayer.state.finished)
        keep = { seq: seq + 1, replayer, attemptIds: new Set([...attemptIds, request.id]), changes: this.changes };
      return { ok: true, events, eventsJson, changed: true };
    });
    // Cached only once committed, and only if no pause or extension was read meanwhile (its
    // deadlines would be out of date). Should a concurrent replay leave an older state here, its
    // `seq` is taken in the database, and the next action falls back to a replay.
    if (keep && keep.changes === this.changes) this.graders.set(learner.id, keep);
    return outcome;
  }

  /** Ends the session: learners still answering finish as if they had quit. */
  async end(now: number): Promise<void> {
    await this.db.query("UPDATE sessions SET ended_at = $2 WHERE code = $1 AND ended_at IS NULL", [this.code, now]);
    await this.refresh();
    await this.announce();
  }

  /** Pauses the session: every learner's time stops, and their actions wait. Pausing a paused session changes nothing. */
  pause(now: number): Promise<TimingOutcome> {
    return this.changeTiming("pause", 0, now);
  }

  /** Resumes a paused session: every learner's time runs again. Resuming a running session changes nothing. */
  resume(now: number): Promise<TimingOutcome> {
    return this.changeTiming("resume", 0, now);
  }

  /** Adds `minutes` to every learner's time (a timed session only). */
  extend(minutes: number, now: number): Promise<TimingOutcome> {
    return this.changeTiming("extend", minutes, now);
  }

  /**
   * Stores one change, with the session's row locked so that two servers' changes never take
   * the same place in the order (or pause a session twice), then tells every server.
   */
  private async changeTiming(kind: SessionChangeKind, minutes: number, now: number): Promise<TimingOutcome> {
    let stored: SessionChange[] | null = null;
    const outcome = await this.db.transaction(async (tx): Promise<TimingOutcome> => {
      const sessions = await tx.query<SessionRow>("SELECT * FROM sessions WHERE code = $1 FOR UPDATE", [this.code]);
      if (sessions[0]) this.record = sessionOf(sessions[0]);
      const changes = await changesOf(tx, this.code);
      this.setChanges(changes);
      const before = pauseState(changes);
      if (this.record.endedAt !== null) return { ok: false, status: 410, error: "ended" };
      if (kind === "extend" && this.record.settings.timeLimitMinutes === null) return { ok: false, status: 409, error: "untimed" };
      if ((kind === "pause" && before.paused) || (kind === "resume" && !before.paused))
        return { ok: true, changed: false, timing: timingOf(before) };
      // A change is never stored before the last one (clocks of two servers may differ a little).
      const at = Math.max(now, changes.at(-1)?.at ?? now);
      await tx.query("INSERT INTO session_changes (session_code, seq, kind, at, minutes) VALUES ($1, $2, $3, $4, $5)", [
        this.code,
        changes.length,
        kind,
        at,
        minutes,
      ]);
      stored = [...changes, { kind, at, minutes }];
      return { ok: true, changed: true, timing: timingOf(pauseState(stored)) };
    });
    // Kept only once committed: a change that failed to commit must not count here.
    if (stored) this.setChanges(stored);
    if (outcome.ok && outcome.changed) {
      await this.db.notify(TIMING_CHANNEL, this.code);
      await this.announce();
    }
    return outcome;
  }

  /**
   * Reads the session's changes again whenever any server pauses, resumes or extends it;
   * resolves with a function that stops.
   */
  followTiming(): Promise<() => Promise<void>> {
    return this.db.listen(TIMING_CHANNEL, (payload) => {
      if (payload !== this.code) return;
      changesOf(this.db, this.code).then(
        (changes) => this.setChanges(changes),
        () => {
          // The next request that reads the session (state, a replayed answer) reads them.
        },
      );
    });
  }

  /** Every learner with their replay at `now`, in the order they joined. */
  async learners(now: number): Promise<{ learner: LearnerRecord; replay: LearnerReplay }[]> {
    await this.refresh();
    const learners = (
      await this.db.query<LearnerRow>(`SELECT ${LEARNER_COLUMNS} FROM learners WHERE session_code = $1 ORDER BY id`, [this.code])
    ).map(learnerOf);
    const rows = await this.db.query<ActionRow & { learner_id: number | string }>(
      "SELECT a.learner_id, a.kind, a.text, a.at FROM actions a JOIN learners l ON l.id = a.learner_id WHERE l.session_code = $1 ORDER BY a.learner_id, a.seq",
      [this.code],
    );
    const byLearner = new Map<number, LearnerAction[]>();
    for (const row of rows) {
      const id = num(row.learner_id);
      const list = byLearner.get(id) ?? [];
      list.push(actionOf(row));
      byLearner.set(id, list);
    }
    return learners.map((learner) => ({ learner, replay: this.cachedReplay(learner, byLearner.get(learner.id) ?? [], now) }));
  }

  /**
   * Replays kept between dashboard snapshots: a learner's replay changes only with a new action,
   * the session's end, or their deadline passing, so the others are not replayed again.
   */
  private readonly replays = new Map<
    number,
    { count: number; endedAt: number | null; changes: number; timeUp: boolean; replay: LearnerReplay }
  >();

  private cachedReplay(learner: LearnerRecord, actions: readonly LearnerAction[], now: number): LearnerReplay {
    const endedAt = this.record.endedAt;
    const changes = this.changes.length;
    const known = this.replays.get(learner.id);
    const timeUp = (deadline: number | null) => deadline !== null && now >= deadline;
    // While the session is paused a learner's deadline moves with the clock: replayed every time.
    const paused = pauseState(this.changes).paused;
    if (
      !paused &&
      known &&
      known.count === actions.length &&
      known.endedAt === endedAt &&
      known.changes === changes &&
      known.timeUp === timeUp(known.replay.deadline)
    )
      return known.replay;
    const replay = replayLearner(this.context(learner, endedAt), actions, now);
    this.replays.set(learner.id, { count: actions.length, endedAt, changes, timeUp: timeUp(replay.deadline), replay });
    return replay;
  }

  async results(now: number): Promise<QuizResult[]> {
    return (await this.learners(now)).map((l) => l.replay.result);
  }

  async dashboard(now: number): Promise<DashboardModel> {
    const learners = await this.learners(now);
    const { settings } = this.record;
    const plan = new LearnerReplayer(this.context({ id: 0, sessionCode: this.code, name: "", joinedAt: now, lastSeen: now }, null)).state
      .plan;
    return dashboardModel({
      course: this.course,
      settings,
      plan,
      now,
      learners: learners.map(({ learner, replay }) => ({ name: learner.name, lastSeen: learner.lastSeen, replay })),
      session: {
        code: this.code,
        seed: settings.seed,
        lang: this.record.lang,
        count: settings.count,
        feedback: this.record.feedback,
        hintsAllowed: settings.hintsAllowed,
        timeLimitMinutes: settings.timeLimitMinutes,
        startedAt: new Date(this.record.startedAt).toISOString(),
        state: this.record.endedAt === null ? "open" : "ended",
        ...this.timing(),
      },
    });
  }

  private announcing: Promise<void> | null = null;
  private announceAgain = false;

  /**
   * Announces a change without holding up the answer that made it. Under a burst of answers
   * the announcements are coalesced: while one is being sent, the next changes are told by a
   * single one sent after it, so every change is still followed by an announcement.
   */
  private announceSoon(): void {
    if (this.announcing) {
      this.announceAgain = true;
      return;
    }
    this.announcing = this.announce()
      .catch(() => {
        // The dashboard misses one update at worst: its next snapshot has the change.
      })
      .finally(() => {
        this.announcing = null;
        if (this.announceAgain) {
          this.announceAgain = false;
          this.announceSoon();
        }
      });
  }

  /** Tells every server on this database (and this one's event streams) that the session changed. */
  async announce(): Promise<void> {
    await this.db.notify(CHANGED_CHANNEL, this.code);
  }

  /** Calls `fn` whenever this session changes, on any server; resolves with a function that stops. */
  onChange(fn: () => void): Promise<() => Promise<void>> {
    return this.db.listen(CHANGED_CHANNEL, (payload) => {
      if (payload === this.code) fn();
    });
  }
}

/** The engine's summary of a finished replay, as its closing step gave it. */
function summaryOf(replay: LearnerReplay) {
  return summarize(replay.state, Date.parse(replay.result.finishedAt ?? replay.result.updatedAt), replay.result.ending !== "completed");
}
