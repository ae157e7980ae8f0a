import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "./i18n";
import {
  PASSWORD_KEY,
  importNoteText,
  importReportText,
  missingWordPressKey,
  parseChangedOnSite,
  publishNoteText,
  publishTargets,
  remedyFor,
  settingsKeyFor,
  siteOutcomeText,
  wordpressOutcomeText,
} from "./publishing";
import type { Setting, WordPressSettings } from "./types";

const wp = (over: Partial<WordPressSettings> = {}): WordPressSettings => ({
  url: "https://example.org",
  user: "editor",
  category: "",
  password_stored: true,
  ...over,
});
const setting = (key: string, value: string): Setting => ({ key, value, description: "", default: "", group: "publishing" });

describe("publish targets", () => {
  it("offers WordPress when an address is set, the repository when one is chosen", () => {
    expect(publishTargets(wp(), [])).toEqual({ wordpress: true, site: false });
    expect(publishTargets(wp({ url: " " }), [setting("publish.repo", "/srv/site")])).toEqual({ wordpress: false, site: true });
    expect(publishTargets(wp({ url: "" }), [setting("publish.repo", "")])).toEqual({ wordpress: false, site: false });
  });

  it("names the first missing WordPress setting", () => {
    expect(missingWordPressKey(wp({ url: "" , user: "" }))).toBe("wordpress.url");
    expect(missingWordPressKey(wp({ user: "" }))).toBe("wordpress.user");
    expect(missingWordPressKey(wp({ password_stored: false }))).toBe(PASSWORD_KEY);
    expect(missingWordPressKey(wp())).toBeNull();
  });
});

describe("what a failure offers", () => {
  it("maps error codes to the dialog's remedy", () => {
    expect(remedyFor("remote_changed")).toBe("overwrite");
    expect(remedyFor("publish_not_configured")).toBe("settings");
    expect(remedyFor("publish_auth_failed")).toBe("settings");
    expect(remedyFor("network")).toBe("retry");
    expect(remedyFor("publish_blocked")).toBe("none");
    expect(remedyFor(null)).toBe("none");
  });

  it("opens Settings at the key that needs attention", () => {
    expect(settingsKeyFor("publish_not_configured", wp({ user: "" }))).toBe("wordpress.user");
    expect(settingsKeyFor("publish_not_configured", wp({ password_stored: false }))).toBe(PASSWORD_KEY);
    expect(settingsKeyFor("publish_auth_failed", wp())).toBe(PASSWORD_KEY);
    expect(settingsKeyFor("site_repo", wp())).toBe("publish.repo");
  });
});

describe("changed on the site", () => {
  it("splits the core's message into the sentence and the difference", () => {
    const message =
      "The post was changed on the site since Postdesk last published it (http://x/?p=4); publishing would overwrite those changes, so nothing was sent. Publish again with overwrite (--force) to replace them. What differs (- on the site, + in Postdesk):\n- Edited on the site.\n+ Written in Postdesk.\n  …\n";
    const parsed = parseChangedOnSite(message);
    expect(parsed.sentence.endsWith("to replace them.")).toBe(true);
    expect(parsed.lines).toEqual([
      { kind: "removed", text: "Edited on the site." },
      { kind: "added", text: "Written in Postdesk." },
      { kind: "skipped", text: "…" },
    ]);
  });
});

describe("outcome words", () => {
  it("says whether a WordPress post was created or updated, and how", () => {
    const base = { post_id: 1, wordpress_id: 9, link: "http://x/?p=9", status: "publish", created: true, images_uploaded: 2, images_reused: 1, notes: [{ kind: "no_polylang" as const }] };
    expect(wordpressOutcomeText(base, "Rally")).toBe(
      "Published \u201cRally\u201d on the WordPress site live. 2 image(s) uploaded, 1 already there. The site does not run Polylang, so this post and its translation are separate posts, not linked as translations of each other.",
    );
    expect(wordpressOutcomeText({ ...base, created: false, status: "draft", images_uploaded: 0, images_reused: 0, notes: [] }, "Rally")).toBe(
      "Updated \u201cRally\u201d on the WordPress site as a draft.",
    );
  });

  it("names the pushed commit, or says nothing was pushed", () => {
    const r = { commit: "0123456789abcdef", branch: "main", remote: "origin", files: ["a", "b"], posts: ["Rally"], export_summary: "Exported 1 post." };
    expect(siteOutcomeText(r)).toBe("Pushed 0123456 to origin/main: 2 file(s). Exported 1 post.");
    expect(siteOutcomeText({ ...r, commit: null })).toMatch(/^Nothing changed/);
  });

  it("summarises an import", () => {
    const post = (title: string) => ({ slug: title.toLowerCase(), title, wordpress_id: "1" });
    const text = importReportText({
      created: [post("One"), post("Two")],
      updated: [post("Three")],
      unchanged: [],
      skipped: [{ what: "page", count: 2 }, { what: "attachment", count: 1 }],
      notes: [{ kind: "private_made_draft", title: "Minutes" }],
      images_stored: 0,
    });
    expect(text.summary).toBe("3 post(s) from WordPress: 2 new, 1 updated, 0 unchanged; skipped 2 pages, 1 attachment.");
    expect(text.details).toEqual(["New: One", "New: Two", "Updated from the site: Three", "\u201cMinutes\u201d was private on WordPress; it is a draft here."]);
  });
});

describe("notes of a publish or an import, in the interface's language", () => {
  afterEach(() => setLanguage("en"));

  it("words every publish note in English and in French, naming the twin's language", () => {
    const notes = [
      { kind: "deleted_on_site", link: "https://site/?p=4" },
      { kind: "site_changes_overwritten" },
      { kind: "no_polylang" },
      { kind: "twin_not_published", lang: "fr" },
      { kind: "twin_not_published", lang: "en" },
      { kind: "linked_with_translation" },
    ] as const;
    const en = notes.map(publishNoteText);
    expect(en[0]).toContain("(https://site/?p=4)");
    expect(en[3]).toBe("The French version is not on the site yet; publish it and the two will be linked.");
    expect(en[4]).toMatch(/^The English version/);
    setLanguage("fr");
    const fr = notes.map(publishNoteText);
    expect(fr[0]).toContain("(https://site/?p=4)");
    expect(fr[1]).toBe("Les modifications faites sur le site ont été remplacées.");
    expect(fr[3]).toBe("La version française n’est pas encore sur le site ; publiez-la et les deux seront liées.");
    expect(fr[4]).toMatch(/^La version anglaise/);
    // Every note has its own words in each language.
    expect(new Set(en).size).toBe(notes.length);
    expect(new Set(fr).size).toBe(notes.length);
    fr.forEach((f, i) => expect(f).not.toBe(en[i]));
  });

  it("words every import note in English and in French", () => {
    const notes = [
      { kind: "duplicate", guid: "https://site/?p=7" },
      { kind: "private_made_draft", title: "Procès-verbal" },
      { kind: "image_not_stored", url: "https://site/a.png" },
    ] as const;
    expect(notes.map(importNoteText)).toEqual([
      "https://site/?p=7 appears twice in the file; it was imported once.",
      "\u201cProcès-verbal\u201d was private on WordPress; it is a draft here.",
      "The image https://site/a.png is not in the uploads folder (or is not an image Postdesk stores); it stays a link to the old site.",
    ]);
    setLanguage("fr");
    expect(notes.map(importNoteText)).toEqual([
      "https://site/?p=7 figure deux fois dans le fichier ; il a été importé une seule fois.",
      "« Procès-verbal » était privé sur WordPress ; c’est un brouillon ici.",
      "L’image https://site/a.png n’est pas dans le dossier des téléversements (ou n’est pas une image que Postdesk conserve) ; elle reste un lien vers l’ancien site.",
    ]);
  });
});
