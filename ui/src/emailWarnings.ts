// The email's warnings as the Email tab and the digest show them, NO DOM:
// in English the core's own sentence; in another language the catalogue's
// sentence for the warning's code (`email-notice-<code>`) made with its
// values. A warning that names a setting names the field as Settings labels
// it (not the command line's key, `set org.address`) and gets a button that
// opens Settings at that field (tested: emailWarnings.test.ts).
import { has, language, statusName, t } from "./i18n";
import type { EmailWarning } from "./types";

export interface WarningView {
  /** The sentence, with the setting's key replaced by its Settings label. */
  text: string;
  /** The key Settings opens at, or null. */
  setting: string | null;
  /** The button's text, or null when there is no button. */
  button: string | null;
}

/** The catalogue key of a warning's code: `post_not_published` → `email-notice-post-not-published`. */
export function noticeKey(code: string): string {
  return `email-notice-${code.replace(/_/g, "-")}`;
}

/** The core's English sentence, the setting's key replaced by `name`. */
function englishText(w: EmailWarning, name: string | null): string {
  if (!w.setting || name === null) return w.message;
  const key = new RegExp(`\\b(set) ${w.setting.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "gi");
  return w.message.replace(key, (_, set: string) => `${set} \u201c${name}\u201d ${t("email-warning-in-settings")}`);
}

/** The sentence in the interface language; the core's English one when the catalogue lacks the code. */
function text(w: EmailWarning, name: string | null): string {
  const key = noticeKey(w.code);
  if (language() === "en" || !has(key)) return englishText(w, name);
  const args: Record<string, string> = { ...w.args, setting: name ?? "" };
  if (w.args.status) args.status = statusName(w.args.status);
  return t(key, args);
}

/** `label(key)`: the field's label in Settings ("Postal address"). */
export function warningView(w: EmailWarning, label: (key: string) => string): WarningView {
  const name = w.setting ? label(w.setting) : null;
  return {
    text: text(w, name),
    setting: name === null ? null : w.setting,
    button: name === null ? null : t("email-warning-set-button", { name }),
  };
}
