// The catalogues: same keys and same placeholders in every language, the
// words come out with their arguments, numbers and dates are formatted for
// the interface language, `auto` follows the system, and errors are worded by
// code in French.
import { FluentResource } from "@fluent/bundle";
import { afterEach, describe, expect, it } from "vitest";
import type { ErrorCode } from "../bindings/ErrorCode";
import { CATALOGUES, errorSentence, formatNumber, language, longDate, resolveLanguage, setLanguage, t, translate, UI_LANGS, type UiLang } from "./index";

type Pattern = string | unknown[] | null | undefined;

/** The variables a Fluent pattern uses, through selectors and variants. */
function variables(pattern: Pattern, into = new Set<string>()): Set<string> {
  if (!pattern || typeof pattern === "string") return into;
  const walk = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    const n = node as { type?: string; name?: string; selector?: unknown; variants?: { value: Pattern }[]; args?: unknown[] };
    if (n.type === "var" && n.name) into.add(n.name);
    if (n.selector) walk(n.selector);
    for (const v of n.variants ?? []) variables(v.value, into);
    for (const a of n.args ?? []) walk(a);
  };
  for (const el of pattern) walk(el);
  return into;
}

/** Every message of a catalogue: its id and the sorted variables it uses. */
export function messages(text: string): Map<string, string[]> {
  const resource = new FluentResource(text);
  const found = new Map<string, string[]>();
  for (const m of resource.body as { id: string; value: Pattern; attributes: Record<string, Pattern> }[]) {
    const vars = variables(m.value);
    for (const a of Object.values(m.attributes)) variables(a, vars);
    found.set(m.id, [...vars].sort());
  }
  return found;
}

/** What differs between two catalogues: keys missing on either side, placeholders that differ. */
export function differences(a: string, b: string): string[] {
  const ma = messages(a);
  const mb = messages(b);
  const out: string[] = [];
  for (const [id, vars] of ma) {
    const other = mb.get(id);
    if (!other) out.push(`only in the first: ${id}`);
    else if (vars.join(",") !== other.join(",")) out.push(`${id}: { ${vars.join(", ")} } vs { ${other.join(", ")} }`);
  }
  for (const id of mb.keys()) if (!ma.has(id)) out.push(`only in the second: ${id}`);
  return out;
}

afterEach(() => setLanguage("en"));

describe("catalogues", () => {
  it("parse without errors and hold the same keys with the same placeholders", () => {
    for (const lang of UI_LANGS) {
      const errors: string[] = [];
      // A line Fluent cannot read becomes a "junk" entry, which the parser skips: count the messages too.
      expect(new FluentResource(CATALOGUES[lang]).body.length, lang).toBeGreaterThan(300);
      expect(errors).toEqual([]);
    }
    expect(differences(CATALOGUES.en, CATALOGUES.fr)).toEqual([]);
  });

  it("the check notices a missing key and a renamed placeholder", () => {
    const en = "a = One\nb = Saved { $time }\n";
    expect(differences(en, "a = Un\n")).toEqual(["only in the first: b"]);
    expect(differences(en, "a = Un\nb = Enregistré à { $heure }\n")).toEqual(["b: { time } vs { heure }"]);
    expect(differences(en, "a = Un\nb = Enregistré\nc = De trop\n")).toEqual(["b: { time } vs {  }", "only in the second: c"]);
    // Placeholders inside plural variants count.
    expect(messages("w = { $count ->\n [one] one\n *[other] { $count } words and { $more }\n}\n").get("w")).toEqual(["count", "more"]);
  });

  it("every status, error code and setting group used by the views has a message", () => {
    for (const lang of UI_LANGS) {
      const ids = messages(CATALOGUES[lang]);
      for (const s of ["draft", "review", "ready", "scheduled", "published", "archived"]) expect(ids.has(`ui-${s}`), `${lang} ui-${s}`).toBe(true);
      for (const g of ["site", "newsletter", "organisation", "you", "interface", "team", "publishing"]) expect(ids.has(`settings-group-${g}`)).toBe(true);
    }
  });
});

describe("t", () => {
  it("fills placeholders and picks plural forms per language", () => {
    expect(t("count-words", { count: 1 })).toBe("1 word");
    expect(t("count-words", { count: 1234 })).toBe("1,234 words");
    setLanguage("fr");
    expect(language()).toBe("fr");
    expect(t("count-reading", { minutes: 3 })).toBe("3 min de lecture");
    // French: 0 and 1 are singular; numbers get a no-break space between thousands.
    expect(t("count-words", { count: 0 })).toBe("0 mot");
    expect(t("count-words", { count: 1234 })).toMatch(/^1[\u00a0\u202f]234 mots$/);
    expect(t("quoted", { text: "Appel" })).toBe("«\u00a0Appel\u00a0»");
    expect(translate("en" as UiLang, "ui-settings")).toBe("Settings…");
    expect(t("ui-settings")).toBe("Paramètres…");
  });

  it("shows an unknown key as itself, so it is noticed", () => {
    expect(t("no-such-key")).toBe("no-such-key");
  });

  it("formats numbers and dates for the interface language", () => {
    expect(formatNumber(1234)).toBe("1,234");
    expect(longDate("2026-12-02T12:00:00Z")).toBe("December 2, 2026");
    setLanguage("fr");
    expect(formatNumber(1234)).toMatch(/^1[\u00a0\u202f]234$/);
    expect(longDate("2026-12-02T12:00:00Z")).toBe("2 décembre 2026");
    expect(longDate(null)).toBe("");
  });
});

describe("resolveLanguage", () => {
  it("takes en/fr as set, and follows the system for auto", () => {
    expect(resolveLanguage("fr", ["en-US"])).toBe("fr");
    expect(resolveLanguage("en", ["fr-CA"])).toBe("en");
    expect(resolveLanguage("auto", ["fr-CA", "en-CA"])).toBe("fr");
    expect(resolveLanguage("auto", ["de-DE", "fr"])).toBe("fr");
    expect(resolveLanguage("auto", ["de-DE"])).toBe("en");
    expect(resolveLanguage(null, ["fr_CA"])).toBe("fr");
  });
});

describe("errorSentence", () => {
  it("keeps the core's sentence in English and words it by code in French", () => {
    const rust = "site.base_url cannot be \"x\": it must start with https:// or http://";
    expect(errorSentence("invalid", rust)).toBe(rust);
    setLanguage("fr");
    expect(errorSentence("busy", "The library is busy.")).toBe("La bibliothèque est occupée; réessayez dans un instant.");
    expect(errorSentence("invalid", rust)).toContain(rust);
    expect(errorSentence("invalid", rust)).toMatch(/^Cette valeur est refusée/);
    // An unknown code keeps the core's sentence rather than showing nothing.
    expect(errorSentence("something_new", "Plain words.")).toBe("Plain words.");
  });

  it("has a French sentence for every ErrorCode the core can send", () => {
    // A Record over the generated union: a code added in Rust fails to compile here until it is listed.
    const every: Record<ErrorCode, true> = {
      post_not_found: true,
      revision_not_found: true,
      asset_not_found: true,
      slug_taken: true,
      export_conflict: true,
      invalid: true,
      library_too_new: true,
      not_a_library: true,
      library_open_failed: true,
      busy: true,
      database: true,
      read_failed: true,
      write_failed: true,
      import_failed: true,
      io: true,
      internal: true,
      library_damaged: true,
      disk_full: true,
      read_only: true,
      git_auth: true,
      git_offline: true,
      git_failed: true,
      site_repo: true,
      publish_rejected: true,
      publish_not_configured: true,
      publish_auth_failed: true,
      publish_blocked: true,
      network: true,
      remote_changed: true,
      publish_failed: true,
      post_changed: true,
    };
    const codes = Object.keys(every);
    const ids = messages(CATALOGUES.fr);
    for (const c of codes) expect(ids.has(`error-${c.replace(/_/g, "-")}`), c).toBe(true);
  });
});
