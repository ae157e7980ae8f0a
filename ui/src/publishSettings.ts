// Settings → Publishing's two fields that are not plain library settings:
// the WordPress application password (saved to the system keychain through
// the core; it never comes back, only whether one is stored) and the site
// repository (chosen with the folder dialog, never typed).
import { element, errorText } from "./dom";
import { rpc } from "./rpc";
import { PASSWORD_KEY } from "./publishing";
import type { Setting } from "./types";

function storedText(stored: boolean): string {
  return stored ? "A password is stored: yes." : "A password is stored: no.";
}

/** The application password field, saved when it changes. */
export function passwordField(): HTMLElement {
  const id = "setting-wordpress-password";
  const wrap = element("div", "", "setting");
  const label = element("label", "Application password");
  label.htmlFor = id;
  const input = document.createElement("input");
  input.type = "password";
  input.id = id;
  input.name = PASSWORD_KEY;
  input.autocomplete = "off";
  input.placeholder = "Paste a new application password";
  const hint = element(
    "small",
    "Make one in WordPress under Users → Profile → Application Passwords. It is kept in your system's keychain, never in the library.",
  );
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
      problem.textContent = errorText(e, "The password could not be stored.");
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
  input.placeholder = "Choose your copy of the site's repository…";
  input.value = setting.value;
  const choose = element("button", "Choose…");
  choose.type = "button";
  choose.id = "publish-repo-choose";
  row.append(input, choose);
  const hint = element("small", setting.description);
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
      problem.textContent = errorText(e, "This folder could not be used.");
    }
  });
  wrap.append(title, row, hint, problem);
  return wrap;
}
