// The recovery message after the newest good backup was restored, NO DOM:
// in English the core's own sentence; in another language the catalogue's
// sentence made from when the backup was taken and the name the damaged file
// was kept aside under (tested: recoveryText.test.ts).
import { dateTime, language, t } from "./i18n";
import type { RestoredBackup } from "./types";

/** `Restored the backup of …; the damaged file is kept as …` in the interface language. */
export function restoredText(r: RestoredBackup): string {
  if (language() === "en") return r.message;
  const when = dateTime(r.taken_at);
  if (r.kept_aside === null) return t("recovery-restored-backup", { when });
  return t("recovery-restored-backup-kept-aside", { when, file: r.kept_aside });
}
