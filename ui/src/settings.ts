// The Settings window (#settings-dialog) and the first-run welcome
// (#welcome-dialog). Keys, checks, defaults and groups live in the core
// (library_settings.rs); this view only shows them, saves a field when it
// changes, and shows the core's sentence under a field it refused.
import { $, element, errorText } from "./dom";
import { passwordField, repoField } from "./publishSettings";
import { rpc } from "./rpc";
import type { Setting, SettingGroup } from "./types";

/** Section titles, in the order the window shows them. */
const GROUPS: [SettingGroup, string][] = [
  ["site", "Site"],
  ["newsletter", "Newsletter"],
  ["organisation", "Organisation"],
  ["you", "You"],
  ["team", "Team"],
  ["publishing", "Publishing"],
];

/** Short field labels; the core's description is shown under each. */
const LABELS: Record<string, string> = {
  "site.name": "Site name",
  "site.base_url": "Site address",
  "newsletter.name": "Newsletter name",
  "sender.name": "Sender name",
  "sender.email": "Sender address",
  "newsletter.esp": "Email service",
  "newsletter.unsubscribe_url": "Unsubscribe page",
  "org.address": "Postal address",
  "author.name": "Your name",
  "author.email": "Your email",
  "wordpress.url": "WordPress site address",
  "wordpress.user": "WordPress user name",
  "wordpress.category": "WordPress category",
  "publish.repo": "Site repository",
  "publish.format": "Site format",
  "publish.branch": "Branch to push to",
  "ui.editor_font": "Editor font",
};

/** The label of a setting's field in the window ("Postal address"). */
export function settingLabel(key: string): string {
  return LABELS[key] ?? key;
}

/** Choices for the keys that take one of a few values. */
const CHOICES: Record<string, [string, string][]> = {
  "newsletter.esp": [
    ["plain", "Plain links"],
    ["mailchimp", "Mailchimp"],
    ["buttondown", "Buttondown"],
  ],
  "publish.format": [
    ["hugo", "Hugo"],
    ["jekyll", "Jekyll"],
  ],
  "ui.editor_font": [
    ["proportional", "Proportional (IBM Plex Sans)"],
    ["monospace", "Monospace"],
  ],
};

function inputType(key: string): string {
  if (key.endsWith("email")) return "email";
  if (key.endsWith("url")) return "url";
  return "text";
}

/** One labelled field that saves itself when it changes. */
function settingField(setting: Setting, onSaved: (s: Setting) => void): HTMLElement {
  if (setting.key === "publish.repo") return repoField(setting, LABELS[setting.key] ?? setting.key, onSaved);
  const id = `setting-${setting.key.replace(/\W/g, "-")}`;
  const wrap = element("div", "", "setting");
  const label = element("label", LABELS[setting.key] ?? setting.key);
  label.htmlFor = id;
  const choices = CHOICES[setting.key];
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
    if (setting.default) text.placeholder = setting.default;
    input = text;
  }
  input.id = id;
  input.name = setting.key;
  input.value = setting.value;
  const hint = element("small", setting.description);
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
      problem.textContent = errorText(e, "This value could not be saved.");
      input.setAttribute("aria-invalid", "true");
    }
  });
  wrap.append(label, input, hint, problem);
  return wrap;
}

/** Fieldsets in `GROUPS` order, only for groups that have settings. */
function renderGroups(into: HTMLElement, settings: Setting[], onSaved: (s: Setting) => void): void {
  into.replaceChildren();
  for (const [group, title] of GROUPS) {
    const mine = settings.filter((s) => s.group === group);
    if (mine.length === 0) continue;
    const set = element("fieldset");
    set.dataset.group = group;
    set.append(element("legend", title), ...mine.map((s) => settingField(s, onSaved)));
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
  const open = async (key?: string) => {
    renderGroups(body, await rpc.listSettings(), onSaved);
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
