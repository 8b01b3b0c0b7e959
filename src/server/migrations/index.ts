// The schema's versions in order. Each is applied once, inside a transaction, and recorded in
// schema_migrations; a shipped migration is never edited, only followed by a new one.
import sessions from "./001_sessions.sql?raw";
import sessionChanges from "./002_session_changes.sql?raw";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: "001_sessions", sql: sessions },
  { version: 2, name: "002_session_changes", sql: sessionChanges },
];
