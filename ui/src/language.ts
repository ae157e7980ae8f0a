// The interface language in the window: read `ui.language` at start-up,
// follow the system when it is `auto`, put the words into the page, and
// switch without a restart when Settings changes it. The words and the rules
// are in i18n/ (no DOM); this file only connects them to the page.
import { LANGUAGE_KEY, resolveLanguage, setLanguage } from "./i18n";
import { translatePage } from "./i18n/apply";
import { rpc } from "./rpc";
import type { Setting } from "./types";

/** Apply the setting's value (`auto`, `en`, `fr`) to the whole window. */
export function applyLanguageSetting(value: string | null): void {
  setLanguage(resolveLanguage(value, navigator.languages ?? [navigator.language]));
  translatePage();
}

/** At start-up: the library's setting, else the system's language. Returns
 *  the settings read (null if the library could not be read), so start-up
 *  asks for them once. */
export async function loadLanguage(): Promise<Setting[] | null> {
  let all: Setting[] | null = null;
  try {
    all = await rpc.listSettings();
  } catch {
    // A library that cannot be read (the recovery message) still follows the system.
  }
  applyLanguageSetting(all?.find((s) => s.key === LANGUAGE_KEY)?.value ?? null);
  return all;
}
