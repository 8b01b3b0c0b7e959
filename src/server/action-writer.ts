// Group commit for graded actions. When many learners answer at once, each answer written on
// its own costs a statement and a commit (on PGlite, a turn of the one WebAssembly database;
// on PostgreSQL, a round trip and a WAL flush). Here the answers graded while a write is under
// way wait for it, then go together in one statement: one commit for all of them, and each
// answer is still answered only after its own action is committed (docs/live-sessions.md,
// "Storage"). A learner never has two actions in one batch: the session takes a learner's
// cached state out of use while their action is being written.
import type { Queryable } from "./database";

/** One graded action to store at `seq`, with the attempts its grading made. */
export interface PendingAction {
  learnerId: number;
  seq: number;
  attemptId: string;
  kind: string;
  text: string | null;
  at: number;
  /** The response sent to the learner, stored so that a retried request gets the same bytes. */
  response: string;
  attempts: readonly { part: number; attempt: unknown }[];
}

/**
 * `stored`: committed. `not-stored`: the session has ended or is paused, or this learner's `seq` or attempt id
 * was taken meanwhile (another server wrote for them); the caller grades again from the database.
 */
export type WriteOutcome = "stored" | "not-stored";

/** Beyond this many actions the statement is split: a bound on one statement's size. */
const MAX_BATCH = 500;

export class ActionWriter {
  private queue: Queued[] = [];
  private writing = false;

  constructor(private readonly db: Queryable) {}

  /** Resolves once the action is committed (or known not to be stored); rejects when the write failed. */
  store(action: PendingAction): Promise<WriteOutcome> {
    return new Promise((settle, fail) => {
      this.queue.push({ action, settle, fail });
      // The first action of a burst waits for the other requests read in the same turn of the
      // event loop (setImmediate runs after them), then is written with them.
      if (!this.writing) {
        this.writing = true;
        setImmediate(() => void this.writeAll());
      }
    });
  }

  private async writeAll(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.write(batch);
        } catch (error) {
          if (batch.length === 1) {
            batch[0]!.fail(error);
            continue;
          }
          // One action the database refuses must not fail the others written with it: each is
          // written again on its own, and only the one at fault fails.
          for (const one of batch) await this.write([one]).catch(one.fail);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  private async write(batch: readonly Queued[]): Promise<void> {
    const rows = await this.db.query<{ learner_id: number | string; seq: number }>(STORE_ACTIONS_IF_OPEN, [
      JSON.stringify(batch.map(({ action }) => rowOf(action))),
    ]);
    const stored = new Set(rows.map((row) => `${Number(row.learner_id)}:${row.seq}`));
    for (const { action, settle } of batch) settle(stored.has(`${action.learnerId}:${action.seq}`) ? "stored" : "not-stored");
  }
}

interface Queued {
  action: PendingAction;
  settle: (outcome: WriteOutcome) => void;
  fail: (error: unknown) => void;
}

function rowOf(action: PendingAction) {
  return {
    learner_id: action.learnerId,
    seq: action.seq,
    attempt_id: action.attemptId,
    kind: action.kind,
    text: action.text,
    at: action.at,
    response: action.response,
    attempts: action.attempts,
  };
}

/**
 * Stores a batch of graded actions ($1, a JSON array of rowOf) in one statement, committed as
 * one. The learners' rows are locked first, in id order (the order another server locks them
 * in too, so two batches never wait on each other in a circle), and only while the session is
 * open and not paused. An action whose `seq` or attempt id is taken is left out (ON CONFLICT DO NOTHING), and
 * with it its attempts and last_seen; the rows returned are the actions stored.
 */
const STORE_ACTIONS_IF_OPEN = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb)
      AS x(learner_id bigint, seq integer, attempt_id uuid, kind text, text text, at bigint, response text, attempts jsonb)
  ), open_learner AS (
    SELECT l.id FROM learners l JOIN sessions s ON s.code = l.session_code
    WHERE l.id IN (SELECT learner_id FROM input) AND s.ended_at IS NULL
      -- Not while paused, should this server not know yet of a pause another one made.
      AND COALESCE((SELECT c.kind FROM session_changes c WHERE c.session_code = s.code AND c.kind IN ('pause', 'resume')
                    ORDER BY c.seq DESC LIMIT 1), 'resume') <> 'pause'
    ORDER BY l.id
    FOR UPDATE OF l
  ), action AS (
    INSERT INTO actions (learner_id, seq, attempt_id, kind, text, at, response)
    SELECT i.learner_id, i.seq, i.attempt_id, i.kind, i.text, i.at, i.response
    FROM input i JOIN open_learner o ON o.id = i.learner_id
    ON CONFLICT DO NOTHING
    RETURNING learner_id, seq
  ), graded AS (
    INSERT INTO attempts (learner_id, seq, part, attempt)
    SELECT a.learner_id, a.seq, (g.value->>'part')::integer, g.value->'attempt'
    FROM action a JOIN input i ON i.learner_id = a.learner_id AND i.seq = a.seq
    CROSS JOIN LATERAL jsonb_array_elements(i.attempts) AS g(value)
  ), seen AS (
    UPDATE learners l SET last_seen = GREATEST(l.last_seen, i.at)
    FROM input i JOIN action a ON a.learner_id = i.learner_id AND a.seq = i.seq
    WHERE l.id = i.learner_id
  )
  SELECT learner_id, seq FROM action`;
