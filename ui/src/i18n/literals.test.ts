// @vitest-environment happy-dom
// No English left outside the catalogues: every word of index.html a person
// can see (text, placeholder, title, aria-label) is marked for translation,
// and the views' code builds no visible text from an English string literal.
// The e2e test (tests/e2e/i18n.rs) checks the views in the French window.
import { describe, expect, it } from "vitest";
import page from "../../index.html?raw";
import { CATALOGUES } from "./index";

/** Text that is the same in every language: key names, brand names, units, code. */
const SAME_EVERYWHERE = /^(Postdesk|HTML|\d+ px|Mailchimp|Buttondown|Ctrl|Shift|[A-Z0-9]|[–/+])$/;

function parse(html: string): Document {
  // The head only loads the script and the style sheet (the title is translated by apply.ts).
  return new DOMParser().parseFromString(html.replace(/<head>[\s\S]*<\/head>/, ""), "text/html");
}

/** Words of `doc` that no data-i18n / data-i18n-attr marks. */
export function unmarked(doc: Document): string[] {
  const left: string[] = [];
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent ?? "").trim();
    if (!/[A-Za-z]/.test(text) || SAME_EVERYWHERE.test(text)) continue;
    const host = n.parentElement;
    if (host?.closest("kbd, script, style")) continue;
    if (!host?.hasAttribute("data-i18n")) left.push(text);
  }
  for (const el of doc.body.querySelectorAll("[placeholder], [title], [aria-label]")) {
    const marked = (el.getAttribute("data-i18n-attr") ?? "").split(/\s+/).map((p) => p.split(":")[0]);
    for (const attr of ["placeholder", "title", "aria-label"]) {
      const v = el.getAttribute(attr);
      if (v && /[A-Za-z]/.test(v) && !marked.includes(attr)) left.push(`${attr}="${v}"`);
    }
  }
  return left;
}

/** Every key the page names, for the check that the catalogue has each. */
function pageKeys(doc: Document): string[] {
  const keys = [...doc.querySelectorAll<HTMLElement>("[data-i18n]")].map((el) => el.dataset.i18n ?? "");
  for (const el of doc.querySelectorAll<HTMLElement>("[data-i18n-attr]")) {
    for (const pair of (el.dataset.i18nAttr ?? "").split(/\s+/)) keys.push(pair.split(":")[1] ?? "");
  }
  return keys;
}

describe("index.html", () => {
  it("marks every visible word for translation", () => {
    expect(unmarked(parse(page))).toEqual([]);
    // The check notices an unmarked label and an unmarked placeholder.
    expect(unmarked(parse('<body><label>Title <input placeholder="Type here"></label><kbd>Ctrl</kbd></body>'))).toEqual(["Title", 'placeholder="Type here"']);
  });

  it("names only keys the catalogues have", () => {
    for (const key of pageKeys(parse(page))) expect(CATALOGUES.fr.includes(`\n${key} =`), key).toBe(true);
  });
});

/** The views' sources (not the tests, not the catalogue module itself). */
const sources = import.meta.glob("../*.ts", { query: "?raw", import: "default", eager: true });

/**
 * English put on screen straight from a string literal: an element built with
 * text, textContent, a status line, a confirmation, a title, a placeholder or
 * an aria-label given a literal with a letter in it.
 */
export function literalsOnScreen(source: string): string[] {
  // Comments quote the interface's words; they are not on screen.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|\s)\/\/.*$/gm, "$1");
  const patterns = [
    /element\("\w+", ["`]([^"`]*[A-Za-z][^"`]*)["`]/g,
    /textContent = ["`]([^"`]*[A-Za-z][^"`]*)["`]/g,
    /(?:setSaveState|confirmThen)\(["`]([^"`]*[A-Za-z][^"`]*)["`]/g,
    /\.(?:title|placeholder) = ["`]([^"`]*[A-Za-z][^"`]*)["`]/g,
    /setAttribute\("(?:aria-label|title|placeholder)", ["`]([^"`]*[A-Za-z][^"`]*)["`]/g,
    // Anything else that reads as an English phrase: "No post matches.", "Keep mine".
    /["`]([A-Z][a-z]+(?: [a-z’']+)+[.…!?]?)["`]/g,
  ];
  // Placeholders alone (`${p.title} (${…})`) and names that are the same in every language are no English.
  const words = (text: string) => text.replace(/\$\{[^}]*\}?/g, "").match(/[A-Za-z]{2,}/g) ?? [];
  const sameEverywhere = new Set(["postdesk"]);
  const found = patterns.flatMap((re) => [...code.matchAll(re)].map((m) => m[1]).filter((text) => words(text).some((w) => !sameEverywhere.has(w))));
  return [...new Set(found)];
}

describe("the views", () => {
  it("put no English literal on screen", () => {
    const names = Object.keys(sources).filter((f) => !/\.test\.ts$|fakes\.ts$/.test(f));
    expect(names.length).toBeGreaterThan(20);
    const found = names.flatMap((f) => literalsOnScreen(sources[f]).map((text) => `${f}: ${text}`));
    expect(found).toEqual([]);
    // The check notices one.
    expect(literalsOnScreen('box.append(element("p", "Nothing here."));')).toEqual(["Nothing here."]);
    expect(literalsOnScreen("status.textContent = `Saved ${path}`;")).toEqual(["Saved ${path}"]);
    expect(literalsOnScreen('b.textContent = t("ui-close");')).toEqual([]);
    expect(literalsOnScreen('list.replaceChildren(emptyItem("No post matches."));')).toEqual(["No post matches."]);
  });
});
