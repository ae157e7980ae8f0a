// The interface language: the message catalogues (Fluent, en.ftl and fr.ftl),
// `t(key, args)` to get a sentence, the current language, and dates and
// numbers formatted for it with Intl. No DOM here (apply.ts puts the words
// into the page); tested in i18n.test.ts.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import enText from "./en.ftl?raw";
import frText from "./fr.ftl?raw";

/** The languages the interface is written in. */
export type UiLang = "en" | "fr";
/** The `ui.language` setting: a language, or `auto` (follow the system). */
export type UiLanguageSetting = UiLang | "auto";

export const UI_LANGS: readonly UiLang[] = ["en", "fr"];
/** The library setting that holds the interface language. */
export const LANGUAGE_KEY = "ui.language";

/** The catalogues' text, by language (read by the tests too). */
export const CATALOGUES: Record<UiLang, string> = { en: enText, fr: frText };

/** Intl locale per interface language: French as written in Canada. */
const LOCALES: Record<UiLang, string> = { en: "en-CA", fr: "fr-CA" };

function makeBundle(lang: UiLang): FluentBundle {
  // No bidi isolation marks: both languages are left to right, and the marks
  // would end up in copied text and in the tests' comparisons.
  const bundle = new FluentBundle(LOCALES[lang], { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(CATALOGUES[lang]));
  if (errors.length > 0) throw new Error(`${lang}.ftl: ${errors.map(String).join("; ")}`);
  return bundle;
}

const bundles = new Map<UiLang, FluentBundle>();
function bundleFor(lang: UiLang): FluentBundle {
  let b = bundles.get(lang);
  if (!b) {
    b = makeBundle(lang);
    bundles.set(lang, b);
  }
  return b;
}

let current: UiLang = "en";
const listeners = new Set<(lang: UiLang) => void>();

/** The interface language now. */
export function language(): UiLang {
  return current;
}

/** The Intl locale of the interface language ("en-CA", "fr-CA"). */
export function locale(): string {
  return LOCALES[current];
}

/** Switch the interface language; listeners redraw their words. */
export function setLanguage(lang: UiLang): void {
  if (lang === current) return;
  current = lang;
  for (const fn of listeners) fn(lang);
}

/** Call `fn` after every language switch; returns the unsubscribe. */
export function onLanguageChange(fn: (lang: UiLang) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/**
 * The language to show for the setting's value: `en`/`fr` as set; `auto` (or
 * anything unknown) the first of the system's languages we have, else English.
 */
export function resolveLanguage(setting: string | null | undefined, systemLanguages: readonly string[]): UiLang {
  if (setting === "en" || setting === "fr") return setting;
  for (const tag of systemLanguages) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (base === "en" || base === "fr") return base;
  }
  return "en";
}

export type Args = Record<string, FluentVariable>;

/**
 * The sentence for `key` in the interface language, with `args` in its
 * placeables (numbers are formatted for the language). A key missing from
 * the catalogue shows as the key itself, so it is noticed.
 */
export function t(key: string, args?: Args): string {
  return translate(current, key, args);
}

/** `t` in a given language. */
export function translate(lang: UiLang, key: string, args?: Args): string {
  const bundle = bundleFor(lang);
  const message = bundle.getMessage(key);
  if (!message?.value) return key;
  return bundle.formatPattern(message.value, args);
}

/** Whether the catalogue has `key` (for optional entries, e.g. setting descriptions). */
export function has(key: string): boolean {
  return bundleFor(current).hasMessage(key);
}

/** 1 234 (fr) / 1,234 (en). */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}

/** "2 décembre 2026" / "December 2, 2026"; "" for no date. */
export function longDate(iso: string | null): string {
  return iso ? new Date(iso).toLocaleDateString(locale(), { dateStyle: "long" }) : "";
}

/** "2 déc. 2026" / "Dec. 2, 2026"; "" for no date. */
export function mediumDate(iso: string | null): string {
  return iso ? new Date(iso).toLocaleDateString(locale(), { dateStyle: "medium" }) : "";
}

/** "14 h 05" / "2:05 p.m." */
export function shortTime(at: string | Date): string {
  return new Date(at).toLocaleTimeString(locale(), { hour: "2-digit", minute: "2-digit" });
}

/** A date and a time, e.g. in the history list. */
export function dateTime(at: string | Date): string {
  return new Date(at).toLocaleString(locale(), { dateStyle: "medium", timeStyle: "short" });
}

/** "2 déc." / "Dec. 2" (a day this year). */
export function dayMonth(at: Date): string {
  return at.toLocaleDateString(locale(), { month: "short", day: "numeric" });
}

/** A post status as the interface names it ("Draft", "Brouillon"). */
export function statusName(status: string): string {
  return t(`ui-${status}`);
}

/**
 * The sentence for an error from the core: in English the core's own
 * sentence (written for people, and the CLI's too); in another language the
 * catalogue's sentence for its code, with the core's detail where it helps.
 */
export function errorSentence(code: string | null | undefined, message: string): string {
  if (current === "en" || !code) return message;
  const key = `error-${code.replace(/_/g, "-")}`;
  return bundleFor(current).hasMessage(key) ? t(key, { detail: message }) : message;
}

/** CodeMirror's own words (the search panel), keyed by their English text. */
const CODEMIRROR_PHRASES: Record<string, string> = {
  Find: "cm-find",
  Replace: "cm-replace",
  next: "cm-next",
  previous: "cm-previous",
  all: "cm-all",
  "match case": "cm-match-case",
  "by word": "cm-by-word",
  regexp: "cm-regexp",
  replace: "cm-replace-one",
  "replace all": "cm-replace-all",
  close: "cm-close",
  "current match": "cm-current-match",
  "on line": "cm-on-line",
  "Go to line": "cm-go-to-line",
  go: "cm-go",
  "replaced $ matches": "cm-replaced-matches",
  "replaced match on line $": "cm-replaced-on-line",
  "folded code": "cm-folded-code",
  unfold: "cm-unfold",
  "Control character": "cm-control-character",
};

/** The translations CodeMirror's `EditorState.phrases` takes (none in English). */
export function codeMirrorPhrases(): Record<string, string> {
  if (current === "en") return {};
  return Object.fromEntries(Object.entries(CODEMIRROR_PHRASES).map(([english, key]) => [english, t(key)]));
}
