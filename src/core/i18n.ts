// Every text a learner reads exists in both languages; the type makes a missing one a compile error.
export type Lang = "ja" | "en";
export const LANGS: readonly Lang[] = ["ja", "en"];

export interface Localized {
  ja: string;
  en: string;
}

export function localized(ja: string, en: string): Localized {
  return { ja, en };
}

/**
 * The language the learner's locale asks for. LC_ALL overrides LC_MESSAGES, which overrides
 * LANG (POSIX order); only a value starting with "ja" selects Japanese.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env[name];
    if (value) return value.toLowerCase().startsWith("ja") ? "ja" : "en";
  }
  return "en";
}
