// The email's warnings as the Email tab and the digest show them, NO DOM:
// a warning that names a setting key (`set org.address`, the command line's
// wording) names the field in Settings instead and gets a button that opens
// Settings at that field (tested: emailWarnings.test.ts).
import { t } from "./i18n";
import type { EmailWarning } from "./types";

export interface WarningView {
  /** The sentence, with the setting's key replaced by its Settings label. */
  text: string;
  /** The key Settings opens at, or null. */
  setting: string | null;
  /** The button's text, or null when there is no button. */
  button: string | null;
}

/** `label(key)`: the field's label in Settings ("Postal address"). */
export function warningView(w: EmailWarning, label: (key: string) => string): WarningView {
  if (!w.setting) return { text: w.message, setting: null, button: null };
  const name = label(w.setting);
  const key = new RegExp(`\\b(set) ${w.setting.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "gi");
  return {
    text: w.message.replace(key, (_, set: string) => `${set} \u201c${name}\u201d ${t("email-warning-in-settings")}`),
    setting: w.setting,
    button: t("email-warning-set-button", { name }),
  };
}
