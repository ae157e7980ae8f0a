// DOM helpers every view uses: element lookup, the error box and the
// fallback error text, toggle groups, form fields, small element builders.
import { errorSentence, t } from "./i18n";
import { BackendError } from "./rpc";

/** The element with this id (the page defines every id the views use). */
export function $<T extends HTMLElement = HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

/** Set an element's text only when it changes: views that follow every
 *  keystroke (status bar, listing) leave unchanged text, and so the page's
 *  layout, alone. */
export function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** The backend's sentence for people (in French: the catalogue's, by error code), else `fallback` (an unexpected failure). */
export function errorText(e: unknown, fallback: string): string {
  return e instanceof BackendError ? errorSentence(e.code, e.message) : fallback;
}

/** Show an error in the error box; it stays until dismissed (a later error replaces it). */
export function showError(e: unknown): void {
  const box = $("error");
  const close = element("button", t("dismiss"));
  close.type = "button";
  close.addEventListener("click", () => (box.hidden = true));
  box.replaceChildren(element("span", errorText(e, t("error-unexpected"))), close);
  box.hidden = false;
}

/**
 * Buttons matching `selector` act as one group: a click marks that button
 * (`attr` = "true") and every other one ("false"), then calls `onPick`.
 */
export function toggleGroup(selector: string, attr: "aria-pressed" | "aria-selected", onPick: (button: HTMLButtonElement) => void): void {
  const buttons = document.querySelectorAll<HTMLButtonElement>(selector);
  for (const b of buttons) {
    b.addEventListener("click", () => {
      onPick(b);
      for (const o of buttons) o.setAttribute(attr, String(o === b));
    });
  }
}

/** An email shown as HTML (`frame`) or as plain text (`text`): show `part`. */
export function showEmailPart(frame: HTMLElement, text: HTMLElement, part: string | undefined): void {
  frame.hidden = part !== "html";
  text.hidden = part !== "text";
}

/** The input named `name` in `form`. */
export function field(form: HTMLFormElement, name: string): HTMLInputElement {
  return form.elements.namedItem(name) as HTMLInputElement;
}

/** A new element with its text. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, text = "", className = ""): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text) el.textContent = text;
  if (className) el.className = className;
  return el;
}

/** Open the confirm dialog with `text`; `onOk` runs when it is confirmed. */
export function confirmThen(text: string, onOk: () => void): void {
  const dialog = $<HTMLDialogElement>("confirm-dialog");
  $("confirm-text").textContent = text;
  dialog.showModal();
  dialog.addEventListener(
    "close",
    () => {
      if (dialog.returnValue === "ok") onOk();
    },
    { once: true },
  );
}
