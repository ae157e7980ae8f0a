// Settings → Publishing's two fields that are not plain library settings:
// the WordPress application password (saved to the system keychain through
// the core; it never comes back, only whether one is stored) and the site
// repository (chosen with the folder dialog, never typed).
import { element, errorText } from "./dom";
import { t } from "./i18n";
import { rpc } from "./rpc";
import { PASSWORD_KEY } from "./publishing";
import { settingDescription } from "./settings";
import type { Setting } from "./types";

function storedText(stored: boolean): string {
  return stored ? t("wp-password-stored-yes") : t("wp-password-stored-no");
}

/** The application password field, saved when it changes. */
export function passwordField(): HTMLElement {
  const id = "setting-wordpress-password";
  const wrap = element("div", "", "setting");
  const label = element("label", t("wp-password-label"));
  label.htmlFor = id;
  const input = document.createElement("input");
  input.type = "password";
  input.id = id;
  input.name = PASSWORD_KEY;
  input.autocomplete = "off";
  input.placeholder = t("wp-password-placeholder");
  const hint = element("small", t("wp-password-hint"));
  hint.id = `${id}-hint`;
  const state = element("small", "", "setting-state");
  state.id = `${id}-state`;
  const problem = element("small", "", "setting-error");
  problem.id = `${id}-error`;
  problem.setAttribute("role", "alert");
  input.setAttribute("aria-describedby", `${hint.id} ${state.id} ${problem.id}`);
  void rpc
    .wordpressSettings()
    .then((wp) => (state.textContent = storedText(wp.password_stored)))
    .catch(() => {});
  input.addEventListener("change", async () => {
    if (input.value === "") return;
    try {
      const wp = await rpc.wordpressSettings();
      const saved = await rpc.saveWordPressSettings({ url: wp.url, user: wp.user, category: wp.category, password: input.value });
      input.value = "";
      problem.textContent = "";
      state.textContent = storedText(saved.password_stored);
    } catch (e) {
      input.value = "";
      problem.textContent = errorText(e, t("wp-password-failed"));
    }
  });
  wrap.append(label, input, hint, state, problem);
  return wrap;
}

/** `publish.repo`: read-only, with Choose… (the folder dialog). */
export function repoField(setting: Setting, label: string, onSaved: (s: Setting) => void): HTMLElement {
  const id = "setting-publish-repo";
  const wrap = element("div", "", "setting");
  const title = element("label", label);
  title.htmlFor = id;
  const row = element("span", "", "row");
  const input = document.createElement("input");
  input.id = id;
  input.name = setting.key;
  input.readOnly = true;
  input.spellcheck = false;
  input.placeholder = t("repo-placeholder");
  input.value = setting.value;
  const choose = element("button", t("ui-choose"));
  choose.type = "button";
  choose.id = "publish-repo-choose";
  row.append(input, choose);
  const hint = element("small", settingDescription(setting));
  const problem = element("small", "", "setting-error");
  problem.setAttribute("role", "alert");
  choose.addEventListener("click", async () => {
    try {
      const picked = await rpc.pickFolder();
      if (!picked) return;
      const saved = await rpc.setPublishRepo(picked.token);
      input.value = saved.value;
      problem.textContent = "";
      onSaved(saved);
    } catch (e) {
      problem.textContent = errorText(e, t("repo-failed"));
    }
  });
  wrap.append(title, row, hint, problem);
  return wrap;
}
