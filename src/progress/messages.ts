// What the learner is told about their saved progress, in both languages.
import { englishCount, englishNoun, type Localized } from "../core/i18n";
import type { SaveErrorCode } from "./types";

export function saveErrorCode(code: string | undefined): SaveErrorCode {
  switch (code) {
    case "ENOSPC":
    case "EDQUOT":
    case "EROFS":
    case "EACCES":
    case "EPERM":
    case "ENOTDIR":
    case "EIO":
      return code;
    default:
      return "OTHER";
  }
}

function cause(code: SaveErrorCode, path: string, detail: string): Localized {
  switch (code) {
    case "ENOSPC":
      return { ja: `ディスクがいっぱいです（${path}）`, en: `the disk is full (${path})` };
    case "EDQUOT":
      return { ja: `ディスクの使用量の上限に達しています（${path}）`, en: `the disk quota is used up (${path})` };
    case "EROFS":
      return { ja: `${path} は読み取り専用のファイルシステムにあります`, en: `${path} is on a read-only file system` };
    case "EACCES":
    case "EPERM":
      return { ja: `${path} に書き込む権限がありません`, en: `no permission to write to ${path}` };
    case "ENOTDIR":
      return { ja: `${path} の途中にディレクトリではないファイルがあります`, en: `part of ${path} is a file, not a directory` };
    case "EIO":
      return { ja: `${path} の読み書きでディスクのエラーが起きました`, en: `a disk error happened at ${path}` };
    case "OTHER":
      return { ja: `${path} に書き込めません（${detail}）`, en: `cannot write to ${path} (${detail})` };
  }
}

export function saveFailedMessage(code: SaveErrorCode, path: string, detail: string): Localized {
  const why = cause(code, path, detail);
  return {
    ja: `進み具合を保存できません: ${why.ja}。このまま続けられますが、これからの解答は終了すると失われます。--data-dir で別の保存先を指定できます。`,
    en: `Cannot save progress: ${why.en}. You can go on, but answers from now on are lost when you quit. Use --data-dir to save elsewhere.`,
  };
}

export function saveResumedMessage(saved: number): Localized {
  return {
    ja: `保存が再びできるようになりました。保存待ちだった ${saved} 件を保存しました。`,
    en: `Saving works again; the ${englishCount(saved, "waiting change was", "waiting changes were")} saved.`,
  };
}

export function damagedMessage(path: string, lines: readonly number[], torn: boolean, recovered: number, copy: string | null): Localized {
  const list = lines.slice(0, 5).join(", ") + (lines.length > 5 ? ", …" : "");
  const kept = copy
    ? { ja: `元のファイルをそのまま ${copy} に残しました。`, en: `An exact copy of the file is at ${copy}.` }
    : { ja: "元のファイルの写しは作れませんでした。", en: "A copy of the file could not be made." };
  if (torn && lines.length === 1) {
    return {
      ja: `${path} の最後の行（${list} 行目）が途中で切れていたため読み飛ばしました（保存の途中で終了したようです）。${recovered} 件は復元しました。${kept.ja}`,
      en: `The last line of ${path} (line ${list}) was cut short, probably by a stop while saving; it was skipped and ${englishCount(recovered, "entry was", "entries were")} recovered. ${kept.en}`,
    };
  }
  return {
    ja: `${path} の ${lines.length} 行（${list} 行目）が読めなかったため読み飛ばしました。読めた ${recovered} 件は復元しました。${kept.ja}`,
    en: `${englishCount(lines.length, "line", "lines")} of ${path} (line ${list}) could not be read and ${englishNoun(lines.length, "was", "were")} skipped; ${englishCount(recovered, "entry was", "entries were")} recovered. ${kept.en}`,
  };
}

export function unreadableMessage(path: string, detail: string, movedTo: string | null): Localized {
  if (movedTo) {
    return {
      ja: `${path} を読めませんでした（${detail}）。${movedTo} に移して、新しく始めます。`,
      en: `Could not read ${path} (${detail}). It was moved to ${movedTo} and a new one is started.`,
    };
  }
  return {
    ja: `${path} を読めませんでした（${detail}）。移すこともできなかったため、今回は保存せずに続けます。`,
    en: `Could not read ${path} (${detail}), nor move it aside; this session goes on without saving.`,
  };
}

export function newerFormatMessage(path: string, count: number, version: number): Localized {
  return {
    ja: `${path} に新しい版の sigmoid-trainer（形式 ${version}）が書いた ${count} 行があり、この版では読めないため読み飛ばしました（消してはいません）。`,
    en: `${path} has ${englishCount(count, "line", "lines")} written by a newer sigmoid-trainer (format ${version}); this version skipped ${englishNoun(count, "it", "them")} and left ${englishNoun(count, "it", "them")} in place.`,
  };
}

export function migratedMessage(from: string, count: number, skipped: number, backup: string): Localized {
  const skippedJa = skipped > 0 ? `読めなかった ${skipped} 件は引き継いでいません。` : "";
  const skippedEn = skipped > 0 ? ` ${englishCount(skipped, "unreadable entry was", "unreadable entries were")} left out.` : "";
  return {
    ja: `以前の形式の ${from} から ${count} 件の解答を引き継ぎました。${skippedJa}元のファイルは ${backup} に残してあります。`,
    en: `Imported ${englishCount(count, "answer", "answers")} from the old ${from}.${skippedEn} The original is kept at ${backup}.`,
  };
}

export function corruptOldFileMessage(path: string, movedTo: string, detail: string): Localized {
  return {
    ja: `以前の形式の ${path} が壊れていて読めませんでした（${detail}）。${movedTo} にそのまま移しました。`,
    en: `The old-format ${path} is damaged and could not be read (${detail}); it was moved, unchanged, to ${movedTo}.`,
  };
}
