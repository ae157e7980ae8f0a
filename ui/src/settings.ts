// The Settings window (#settings-dialog) and the first-run welcome
// (#welcome-dialog). Keys, checks, defaults and groups live in the core
// (library_settings.rs); this view only shows them, saves a field when it
// changes, and shows the core's sentence under a field it refused.
import { $, element, errorText } from "./dom";
import { passwordField, repoField } from "./publishSettings";
import { LANGUAGE_KEY, has, language, t } from "./i18n";
import { applyLanguageSetting } from "./language";
import { rpc } from "./rpc";
import type { Setting, SettingGroup } from "./types";

/** Section titles, in the order the window shows them. */
const GROUPS: SettingGroup[] = ["site", "newsletter", "organisation", "you", "interface", "team", "publishing"];

/** A setting's catalogue key: `setting-site-base-url` for `site.base_url`. */
const settingKey = (key: string) => `setting-${key.replace(/[._]/g, "-")}`;

/** The short label of a setting. */
export function settingLabel(key: string): string {
  return has(settingKey(key)) ? t(settingKey(key)) : key;
}

/** The explanation under a setting: the catalogue's, else the core's sentence. */
export function settingDescription(setting: Setting): string {
  const key = `${settingKey(setting.key)}-description`;
  return has(key) ? t(key) : setting.description;
}

/** Choices for the keys that take one of a few values. */
const CHOICES = (): Record<string, [string, string][]> => ({
  "newsletter.esp": [
    ["plain", t("ui-plain-links")],
    ["mailchimp", "Mailchimp"],
    ["buttondown", "Buttondown"],
  ],
  "publish.format": [
    ["hugo", "Hugo"],
    ["jekyll", "Jekyll"],
  ],
  [LANGUAGE_KEY]: [
    ["auto", t("language-auto")],
    ["en", "English"],
    ["fr", "Français"],
  ],
  "ui.editor_font": [
    ["proportional", t("setting-editor-font-proportional")],
    ["monospace", t("setting-editor-font-monospace")],
  ],
});

function inputType(key: string): string {
  if (key.endsWith("email")) return "email";
  if (key.endsWith("url")) return "url";
  return "text";
}

/** One labelled field that saves itself when it changes. */
function settingField(setting: Setting, onSaved: (s: Setting) => void): HTMLElement {
  if (setting.key === "publish.repo") return repoField(setting, settingLabel(setting.key), onSaved);
  const id = `setting-${setting.key.replace(/\W/g, "-")}`;
  const wrap = element("div", "", "setting");
  const label = element("label", settingLabel(setting.key));
  label.htmlFor = id;
  const choices = CHOICES()[setting.key];
  let input: HTMLInputElement | HTMLSelectElement;
  if (choices) {
    const select = document.createElement("select");
    for (const [value, text] of choices) {
      const option = element("option", text);
      option.value = value;
      select.append(option);
    }
    input = select;
  } else {
    const text = document.createElement("input");
    text.type = inputType(setting.key);
    text.spellcheck = false;
    // The default as a hint; the core's English prose defaults ("Our Organisation") only in English.
    if (setting.default && (language() === "en" || !setting.default.includes(" "))) text.placeholder = setting.default;
    input = text;
  }
  input.id = id;
  input.name = setting.key;
  input.value = setting.value;
  const hint = element("small", settingDescription(setting));
  hint.id = `${id}-hint`;
  const problem = element("small", "", "setting-error");
  problem.id = `${id}-error`;
  problem.setAttribute("role", "alert");
  input.setAttribute("aria-describedby", `${hint.id} ${problem.id}`);
  input.addEventListener("change", async () => {
    try {
      const saved = await rpc.setSetting(setting.key, input.value);
      problem.textContent = "";
      input.removeAttribute("aria-invalid");
      onSaved(saved);
    } catch (e) {
      // The typed value stays in the field so it can be corrected; the
      // library keeps the old one.
      problem.textContent = errorText(e, t("setting-refused"));
      input.setAttribute("aria-invalid", "true");
    }
  });
  wrap.append(label, input, hint, problem);
  return wrap;
}

/** Fieldsets in `GROUPS` order, only for groups that have settings. */
function renderGroups(into: HTMLElement, settings: Setting[], onSaved: (s: Setting) => void): void {
  into.replaceChildren();
  for (const group of GROUPS) {
    const mine = settings.filter((s) => s.group === group);
    if (mine.length === 0) continue;
    const set = element("fieldset");
    set.dataset.group = group;
    set.append(element("legend", t(`settings-group-${group}`)), ...mine.map((s) => settingField(s, onSaved)));
    if (group === "publishing") set.querySelector('[name="wordpress.user"]')?.closest(".setting")?.after(passwordField());
    into.append(set);
  }
}

export interface SettingsWindow {
  /** Open the window, scrolled to and focused on `key` when given. */
  open(key?: string): Promise<void>;
}

/**
 * `sections` draw the parts of the window that are not plain settings
 * (Settings → Team's connection, for example) after the settings' groups.
 */
export function setupSettings(onSaved: (s: Setting) => void = () => {}, sections: ((into: HTMLElement) => Promise<void>)[] = []): SettingsWindow {
  const dialog = $<HTMLDialogElement>("settings-dialog");
  const body = $("settings-fields");
  /** Saved: the interface language applies at once, and the window is drawn again in it. */
  const saved = (s: Setting) => {
    onSaved(s);
    if (s.key !== LANGUAGE_KEY) return;
    applyLanguageSetting(s.value);
    void open(LANGUAGE_KEY);
  };
  const open = async (key?: string): Promise<void> => {
    renderGroups(body, await rpc.listSettings(), saved);
    for (const section of sections) await section(body);
    if (!dialog.open) dialog.showModal();
    if (key) {
      const input = body.querySelector<HTMLElement>(`[name="${CSS.escape(key)}"]`);
      input?.scrollIntoView({ block: "center" });
      input?.focus();
    }
  };
  $("open-settings").addEventListener("click", () => void open());
  return { open };
}

/**
 * The first-run welcome on a freshly seeded default library: the few
 * settings every export needs. Skipping or finishing it never shows it again.
 */
export async function showWelcomeIfDue(onSaved: (s: Setting) => void = () => {}): Promise<void> {
  const settings = await rpc.welcome();
  if (settings.length === 0) return;
  const dialog = $<HTMLDialogElement>("welcome-dialog");
  const body = $("welcome-fields");
  body.replaceChildren(...settings.map((s) => settingField(s, onSaved)));
  dialog.addEventListener("close", () => void rpc.finishWelcome(), { once: true });
  dialog.showModal();
}
