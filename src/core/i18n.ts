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

/** A value put into a `{name}` slot: already formatted, or one text per language. */
export type TextValue = string | number | Localized;
export type TextValues = Readonly<Record<string, TextValue | undefined>>;

function isLocalized(value: TextValue): value is Localized {
  return typeof value === "object";
}

/**
 * The one `{name}` filler: replaces each `{name}` in `text` (written in `lang`) by its value;
 * a name without a value is kept as written, so a later step can fill it.
 */
export function fillIn(text: string, lang: Lang, values: TextValues): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) return whole;
    return isLocalized(value) ? value[lang] : String(value);
  });
}

/** `fillIn` in both languages. */
export function fillBoth(text: Localized, values: TextValues): Localized {
  return { ja: fillIn(text.ja, "ja", values), en: fillIn(text.en, "en", values) };
}

const ENGLISH_PLURAL = new Intl.PluralRules("en");

/**
 * An English noun in the form `count` asks for ("1 learner", "2 learners"), by the language's
 * plural rule. Japanese counts take no plural; the Japanese side of a shared template leaves
 * this slot out.
 */
export function englishNoun(count: number, one: string, other: string): string {
  return ENGLISH_PLURAL.select(count) === "one" ? one : other;
}

/** "1 learner" / "2 learners": the count and its English noun. */
export function englishCount(count: number, one: string, other: string): string {
  return `${count} ${englishNoun(count, one, other)}`;
}
