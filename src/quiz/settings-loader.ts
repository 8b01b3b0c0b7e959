// The quiz session-file parser (src/quiz/settings.ts) needs zod, which the trainer must not load
// at start-up (docs/benchmarks.md). The screens reach it only through this loader, which the
// CLI hands to the screens script (src/cli/screens.ts), and the build points at a file of its own.
export type QuizSettingsModule = typeof import("./settings");

export function loadQuizSettings(): Promise<QuizSettingsModule> {
  return import("./settings");
}
