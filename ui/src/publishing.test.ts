import { describe, expect, it } from "vitest";
import {
  PASSWORD_KEY,
  importReportText,
  missingWordPressKey,
  parseChangedOnSite,
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
    const base = { post_id: 1, wordpress_id: 9, link: "http://x/?p=9", status: "publish", created: true, images_uploaded: 2, images_reused: 1, notes: ["Twins are not linked."] };
    expect(wordpressOutcomeText(base, "Rally")).toBe(
      "Published \u201cRally\u201d on the WordPress site live. 2 image(s) uploaded, 1 already there. Twins are not linked.",
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
      notes: ["An image was not found."],
      images_stored: 0,
    });
    expect(text.summary).toBe("3 post(s) from WordPress: 2 new, 1 updated, 0 unchanged; skipped 2 pages, 1 attachment.");
    expect(text.details).toEqual(["New: One", "New: Two", "Updated from the site: Three", "An image was not found."]);
  });
});
