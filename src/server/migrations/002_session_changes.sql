-- The instructor's pauses, resumes and extensions of a session, in the order made. A learner's
-- deadline is computed from these rows (src/server/session-changes.ts), so every server and
-- every replay of the learner's actions agrees on it.
CREATE TABLE session_changes (
  session_code text NOT NULL REFERENCES sessions (code),
  seq integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('pause', 'resume', 'extend')),
  at bigint NOT NULL,
  minutes integer NOT NULL DEFAULT 0 CHECK (minutes >= 0),
  PRIMARY KEY (session_code, seq)
);
