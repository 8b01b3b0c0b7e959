-- Live sessions: a session, its learners, and every learner action with the response it got.
-- Times are milliseconds since the epoch (bigint), as the engine counts them.
CREATE TABLE sessions (
  code text PRIMARY KEY,
  instructor_token text NOT NULL,
  settings jsonb NOT NULL,
  lang text NOT NULL CHECK (lang IN ('ja', 'en')),
  feedback text NOT NULL CHECK (feedback IN ('now', 'end')),
  content_version text NOT NULL,
  started_at bigint NOT NULL,
  ended_at bigint
);

CREATE TABLE learners (
  id bigserial PRIMARY KEY,
  session_code text NOT NULL REFERENCES sessions (code),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  joined_at bigint NOT NULL,
  last_seen bigint NOT NULL,
  UNIQUE (session_code, name)
);

CREATE TABLE actions (
  learner_id bigint NOT NULL REFERENCES learners (id),
  seq integer NOT NULL,
  attempt_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('answer', 'hint', 'skip', 'quit')),
  text text,
  at bigint NOT NULL,
  -- text, not jsonb: a retried request gets the very bytes of the first answer (jsonb reorders keys)
  response text NOT NULL,
  PRIMARY KEY (learner_id, seq),
  UNIQUE (learner_id, attempt_id)
);

CREATE TABLE attempts (
  learner_id bigint NOT NULL,
  seq integer NOT NULL,
  part integer NOT NULL,
  attempt jsonb NOT NULL,
  FOREIGN KEY (learner_id, seq) REFERENCES actions (learner_id, seq)
);
