// The progress module's public surface: the store, scheduling helpers and derived numbers.
export { createProgressStore, type ProgressStore, type ProgressStoreOptions } from "./store";
export type * from "./types";
export { DEFAULT_SETTINGS, GRADED_VERDICTS, MODES } from "./types";
export { AGAIN, EASY, FAST_MS, GOOD, gradePart, HARD, SLOW_MS } from "./rating";
export { DEFAULT_DAILY_REVIEW_CAP, dueCount, type QueueItem, reviewQueue } from "./schedule";
export { humanizeInterval, type NextReview, nextReviewFor } from "./next-review";
export { type Pick, type PickReason, type PracticeOptions, practiceQueue, type TemplateRef } from "./practice";
export { computeStats, type SkillStats, type Stats } from "./stats";
export { attemptRow, type AttemptRow, ROW_COLUMNS } from "./rows";
export { JOURNAL_FILE } from "./journal";
export { V1_FILE } from "./migrate";
export { BACKUPS_DIR } from "./backup";
