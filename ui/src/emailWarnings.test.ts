import { afterEach, describe, expect, it } from "vitest";
import { noticeKey, warningView } from "./emailWarnings";
import { setLanguage, translate, UI_LANGS } from "./i18n";
import type { EmailWarning } from "./types";

const label = (key: string) => ({ "org.address": "Postal address", "newsletter.unsubscribe_url": "Unsubscribe page" })[key] ?? key;
const frLabel = (key: string) => ({ "org.address": "Adresse postale", "newsletter.unsubscribe_url": "Page de désabonnement" })[key] ?? key;

/** Every kind of warning, as the core sends it (src-tauri/export/email/notice.rs). */
const WARNINGS: EmailWarning[] = [
  {
    code: "post_not_published",
    args: { title: "Hello", status: "draft" },
    message: "\"Hello\" is not published yet (status: draft): its link to the site will not work until it is.",
    setting: null,
  },
  {
    code: "image_without_alt",
    args: { src: "asset:a.png" },
    message: "The image asset:a.png has no alt text; readers who cannot see it, or whose client blocks images, get nothing. Write ![what it shows](asset:a.png).",
    setting: null,
  },
  {
    code: "remote_image",
    args: { host: "t.example" },
    message: "An image is loaded from t.example, a server other than the site's: it can tell who opened the email and when (a tracking pixel). Add the image to the library instead, or remove it.",
    setting: null,
  },
  {
    code: "footer_without_address",
    args: {},
    message: "The footer has no postal address: set org.address (anti-spam laws such as CAN-SPAM and CASL require one).",
    setting: "org.address",
  },
  {
    code: "footer_without_unsubscribe",
    args: {},
    message: "The footer has no unsubscribe link: set newsletter.unsubscribe_url, or choose the mailchimp or buttondown preset.",
    setting: "newsletter.unsubscribe_url",
  },
  {
    code: "unsubscribe_not_https",
    args: { url: "http://x.example/u" },
    message: "The unsubscribe link http://x.example/u is not https: mailbox providers want a one-click unsubscribe (RFC 8058), which needs https, so the .eml has no List-Unsubscribe-Post header. Set newsletter.unsubscribe_url to an https:// address.",
    setting: "newsletter.unsubscribe_url",
  },
];
const byCode = (code: string): EmailWarning => WARNINGS.find((w) => w.code === code) as EmailWarning;

afterEach(() => setLanguage("en"));

describe("warningView", () => {
  it("names the Settings field, not the command-line key, and offers to open it", () => {
    const v = warningView(byCode("footer_without_address"), label);
    expect(v.text).toBe("The footer has no postal address: set \u201cPostal address\u201d in Settings (anti-spam laws such as CAN-SPAM and CASL require one).");
    expect(v.text).not.toContain("org.address");
    expect(v.setting).toBe("org.address");
    expect(v.button).toBe("Set Postal address\u2026");
  });

  it("keeps the sentence's capital and its end", () => {
    const v = warningView(byCode("unsubscribe_not_https"), label);
    expect(v.text).toBe(
      "The unsubscribe link http://x.example/u is not https: mailbox providers want a one-click unsubscribe (RFC 8058), which needs https, so the .eml has no List-Unsubscribe-Post header. Set \u201cUnsubscribe page\u201d in Settings to an https:// address.",
    );
  });

  it("leaves a warning without a setting as it is, with no button", () => {
    const w = byCode("post_not_published");
    expect(warningView(w, label)).toEqual({ text: w.message, setting: null, button: null });
  });

  it("has a message for every kind in every catalogue, and the English one is the core's sentence", () => {
    // A key missing from a catalogue comes out as the key itself.
    for (const lang of UI_LANGS) for (const w of WARNINGS) expect(translate(lang, noticeKey(w.code), { ...w.args, setting: "x" }), `${lang} ${w.code}`).not.toBe(noticeKey(w.code));
    for (const w of WARNINGS) {
      const name = w.setting ? label(w.setting) : "";
      expect(translate("en", noticeKey(w.code), { ...w.args, setting: name })).toBe(warningView(w, label).text);
    }
  });
});

describe("warningView in French", () => {
  it("words each warning from its code and values, the status and the field named in French", () => {
    setLanguage("fr");
    expect(warningView(byCode("post_not_published"), frLabel)).toEqual({
      text: "«\u00a0Hello\u00a0» n’est pas encore publié (statut\u00a0: Brouillon)\u00a0: son lien vers le site ne fonctionnera pas avant qu’il le soit.",
      setting: null,
      button: null,
    });
    const v = warningView(byCode("footer_without_address"), frLabel);
    expect(v.text).toBe(
      "Le bas du courriel n’a pas d’adresse postale\u00a0: réglez «\u00a0Adresse postale\u00a0» dans les Paramètres (les lois antipourriel comme CAN-SPAM et la LCAP en exigent une).",
    );
    expect(v.setting).toBe("org.address");
    expect(v.button).toBe("Régler «\u00a0Adresse postale\u00a0»…");
    expect(warningView(byCode("unsubscribe_not_https"), frLabel).text).toContain("Le lien de désabonnement http://x.example/u n’est pas en https");
    expect(warningView(byCode("image_without_alt"), frLabel).text).toBe(
      "L’image asset:a.png n’a pas de texte de remplacement; les lecteurs qui ne peuvent pas la voir, ou dont le logiciel de courriel bloque les images, n’en reçoivent rien. Écrivez ![ce qu’elle montre](asset:a.png).",
    );
    expect(warningView(byCode("remote_image"), frLabel).text).toContain("Une image est chargée depuis t.example, un serveur autre");
  });

  it("leaves no English sentence and no setting key in French", () => {
    setLanguage("fr");
    for (const w of WARNINGS) {
      const { text } = warningView(w, frLabel);
      expect(text, w.code).not.toBe(w.message);
      expect(text, w.code).not.toMatch(/org\.address|newsletter\.unsubscribe_url|\{|\}|\bthe\b/);
    }
  });

  it("falls back to the core's sentence for a kind the catalogue does not know", () => {
    setLanguage("fr");
    const w: EmailWarning = { code: "something_new", args: {}, message: "Something new.", setting: null };
    expect(warningView(w, frLabel).text).toBe("Something new.");
  });
});
