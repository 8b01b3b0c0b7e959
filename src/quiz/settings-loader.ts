// The quiz session-file parser (src/quiz/settings.ts) needs zod, which the trainer must not load
// at start-up (docs/benchmarks.md). The screens reach it only through this loader, which the
// CLI hands to the screens script (src/cli/screens.ts), and the build points at a file of its own.
/** A session file is a few lines of YAML; anything much bigger is not one (`quiz`/`report --config`, Home). */
export const MAX_SESSION_FILE_BYTES = 64 * 1024;

export type QuizSettingsModule = typeof import("./settings");

export function loadQuizSettings(): Promise<QuizSettingsModule> {
  return import("./settings");
}
