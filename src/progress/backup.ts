// Copies of the data kept before a destructive step (reset), under <data dir>/backups/<time>/.
import { join } from "node:path";
import { fsyncDir, readJournalIfAny, writeNewFile } from "./files";
import { errorCode, type FileSystem } from "./fs-layer";
import { JOURNAL_FILE } from "./journal";

export const BACKUPS_DIR = "backups";

/** Copies the journal, byte for byte and fsynced, into a new backup directory; null when there is no journal. */
export function backupJournal(fs: FileSystem, dataDir: string, now: Date): string | null {
  const bytes = readJournalIfAny(fs, dataDir, JOURNAL_FILE);
  if (bytes === null) return null;
  const parent = join(dataDir, BACKUPS_DIR);
  fs.mkdirSync(parent, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  for (let n = 1; ; n++) {
    const dir = join(parent, n === 1 ? stamp : `${stamp}-${n}`);
    try {
      fs.mkdirSync(dir);
    } catch (error) {
      if (errorCode(error) === "EEXIST") continue;
      throw error;
    }
    writeNewFile(fs, join(dir, JOURNAL_FILE), dir, bytes);
    fsyncDir(fs, parent);
    fsyncDir(fs, dataDir);
    return dir;
  }
}
