// "Comes back in 3 days": when a template's card is due again, in words, in both languages.
import type { Card } from "ts-fsrs";
import { englishCount, type Localized } from "../core/i18n";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface NextReview {
  due: Date;
  /** "in 3 days" / "3日後" */
  interval: Localized;
  /** A sentence to show after an answer: "Comes back in 3 days." / "3日後にもう一度出題します。" */
  sentence: Localized;
}

export function nextReviewFor(cards: Readonly<Record<string, Card>>, templateId: string, now: Date): NextReview | null {
  const card = cards[templateId];
  if (!card) return null;
  const ms = card.due.getTime() - now.getTime();
  const interval = humanizeInterval(ms);
  // An overdue card is waiting now; "comes back in under a minute" would send the learner away.
  const sentence: Localized =
    ms <= 0
      ? { ja: "もう復習の時期です。", en: "Due for review now." }
      : { ja: `${interval.ja}にもう一度出題します。`, en: `Comes back ${interval.en}.` };
  return { due: card.due, interval, sentence };
}

/**
 * Rounds to the largest unit that fits: minutes, hours, days, then about-months and about-years.
 * A time already reached (ms ≤ 0) is "now".
 */
export function humanizeInterval(ms: number): Localized {
  if (ms <= 0) return { ja: "今すぐ", en: "now" };
  // Compare rounded values, so 59.7 minutes reads "in 1 hour", not "in 60 minutes", and a
  // one-minute step looked at a few milliseconds later still reads "in 1 minute".
  if (ms < 30 * SECOND) return { ja: "1分以内", en: "in under a minute" };
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return unit(minutes, "分後", "minute");
  const hours = Math.round(ms / HOUR);
  if (hours < 24) return unit(hours, "時間後", "hour");
  const days = Math.round(ms / DAY);
  if (days < 45) return unit(days, "日後", "day");
  const months = Math.round(days / 30.44);
  if (months < 12) return { ja: `約${months}か月後`, en: `in about ${plural(months, "month")}` };
  const years = Math.round(days / 365.25);
  return { ja: `約${years}年後`, en: `in about ${plural(years, "year")}` };
}

function unit(n: number, ja: string, en: string): Localized {
  return { ja: `${n}${ja}`, en: `in ${plural(n, en)}` };
}

function plural(n: number, word: string): string {
  return englishCount(n, word, `${word}s`);
}
