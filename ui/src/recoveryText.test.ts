import { afterEach, describe, expect, it } from "vitest";
import { dateTime, setLanguage, translate, UI_LANGS } from "./i18n";
import { restoredText } from "./recoveryText";
import type { RestoredBackup } from "./types";

const NB = "\u00a0";
const AT = "2026-12-01T09:30:00Z";

/** As the core sends it (src-tauri/ipc.rs `RestoredBackup::of`, whose test pins the English). */
const KEPT: RestoredBackup = {
  message: "Restored the backup of 2026-12-01 09:30. The damaged file is kept as /home/me/Postdesk/library.damaged-1.sqlite.",
  taken_at: AT,
  kept_aside: "library.damaged-1.sqlite",
};
const NOTHING_KEPT: RestoredBackup = { message: "Restored the backup of 2026-12-01 09:30.", taken_at: AT, kept_aside: null };

afterEach(() => setLanguage("en"));

describe("the message after restoring a backup", () => {
  it("is the core's sentence in English", () => {
    expect(restoredText(KEPT)).toBe(KEPT.message);
    expect(restoredText(NOTHING_KEPT)).toBe(NOTHING_KEPT.message);
  });

  it("says in French when the backup was taken and the name the damaged file was kept under", () => {
    setLanguage("fr");
    const when = dateTime(AT);
    expect(when).toMatch(/2026/);
    expect(restoredText(KEPT)).toBe(
      `La sauvegarde du ${when} a été restaurée. Le fichier endommagé est conservé à côté de la bibliothèque sous le nom «${NB}library.damaged-1.sqlite${NB}». Postdesk l’ouvre maintenant.`,
    );
    expect(restoredText(NOTHING_KEPT)).toBe(`La sauvegarde du ${when} a été restaurée. Postdesk l’ouvre maintenant.`);
  });

  it("has both sentences in every catalogue", () => {
    for (const lang of UI_LANGS)
      for (const key of ["recovery-restored-backup", "recovery-restored-backup-kept-aside"])
        expect(translate(lang, key, { when: "x", file: "y" }), `${lang} ${key}`).not.toBe(key);
  });
});
