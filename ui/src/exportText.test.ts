import { afterEach, describe, expect, it } from "vitest";
import { stepText, summaryText, warningArgs, warningKey, warningText } from "./exportText";
import { setLanguage, translate, UI_LANGS } from "./i18n";
import type { ExportProgress, ExportSummary, SiteWarning, StepKind } from "./types";

const NB = "\u00a0";

function summary(posts: number, written: number, images: number, removed: number, english: string): ExportSummary {
  return { summary: english, out_dir: "/tmp/site", warnings: [], posts, posts_written: written, posts_unchanged: posts - written, images, removed };
}

/** The core's sentences (pinned by src-tauri/export/site/report.rs's test). */
const CASES: [ExportSummary, string][] = [
  [summary(0, 0, 0, 0, "Exported 0 posts: 0 written, 0 unchanged, 0 images → /tmp/site"), `0 billet exporté${NB}: 0 écrit, 0 inchangé, 0 image → /tmp/site`],
  [
    summary(1, 1, 1, 1, "Exported 1 post: 1 written, 0 unchanged, 1 image, 1 old file removed → /tmp/site"),
    `1 billet exporté${NB}: 1 écrit, 0 inchangé, 1 image, 1 ancien fichier supprimé → /tmp/site`,
  ],
  [
    summary(2, 0, 2, 2, "Exported 2 posts: 0 written, 2 unchanged, 2 images, 2 old files removed → /tmp/site"),
    `2 billets exportés${NB}: 0 écrit, 2 inchangés, 2 images, 2 anciens fichiers supprimés → /tmp/site`,
  ],
];

/** The core's steps (src-tauri/export/site/step.rs) and their French. */
const STEPS: [StepKind, string, string, string][] = [
  ["preparing", "Été", "Preparing “Été”", `Préparation de «${NB}Été${NB}»`],
  ["prepared", "", "Prepared", "Billets préparés"],
  ["checking", "posts/a/index.md", "Checking posts/a/index.md", "Vérification de posts/a/index.md"],
  ["writing", "posts/a/index.md", "Writing posts/a/index.md", "Écriture de posts/a/index.md"],
  ["removing", "posts/old/index.md", "Removing posts/old/index.md", "Suppression de posts/old/index.md"],
  ["done", "", "Done", "Terminé"],
];

const progress = (kind: StepKind, subject: string, step: string): ExportProgress => ({ done: 1, total: 2, step, kind, subject });

afterEach(() => setLanguage("en"));

describe("the export summary", () => {
  it("is the core's sentence in English, and the English catalogue words it the same", () => {
    for (const [r] of CASES) {
      expect(summaryText(r)).toBe(r.summary);
      expect(translate("en", "export-summary", { posts: r.posts, written: r.posts_written, unchanged: r.posts_unchanged, images: r.images, removed: r.removed, dir: r.out_dir })).toBe(r.summary);
    }
  });

  it("is worded from the numbers in French, with plurals for 0, 1 and 2", () => {
    setLanguage("fr");
    for (const [r, french] of CASES) expect(summaryText({ ...r, summary: "" })).toBe(french);
  });
});

describe("the export step", () => {
  it("is the core's sentence in English", () => {
    for (const [kind, subject, english] of STEPS) {
      expect(stepText(progress(kind, subject, english))).toBe(english);
      expect(translate("en", `export-step-${kind}`, { subject })).toBe(english);
    }
  });

  it("is worded from its kind and subject in French", () => {
    setLanguage("fr");
    for (const [kind, subject, english, french] of STEPS) expect(stepText(progress(kind, subject, english))).toBe(french);
  });
});

/** Every kind of warning, as the core sends it (src-tauri/export/site/warning.rs,
 * whose test pins some of the same English sentences), and its French. A new
 * kind fails to compile here until it has a case. */
const WARNINGS: { [K in SiteWarning["kind"]]: [Extract<SiteWarning, { kind: K }>, string, string] } = {
  scheduled_as_draft: [
    { kind: "scheduled_as_draft", title: "Été" },
    "“Été” is scheduled but has no publish date, so it was exported as a draft; set its date.",
    `«${NB}Été${NB}» est programmé mais n’a pas de date de publication, alors il a été exporté comme brouillon; donnez-lui une date.`,
  ],
  scheduled_left_out: [
    { kind: "scheduled_left_out", title: "Été" },
    "“Été” is scheduled but has no publish date, so it was left out; set its date.",
    `«${NB}Été${NB}» est programmé mais n’a pas de date de publication, alors il a été laissé de côté; donnez-lui une date.`,
  ],
  unsafe_slug: [
    { kind: "unsafe_slug", title: "Été", slug: "../x", exported_as: "x" },
    "“Été”: the slug \"../x\" is not safe as a file name; exported as \"x\".",
    `«${NB}Été${NB}»${NB}: l’identifiant d’URL «${NB}../x${NB}» ne peut pas servir de nom de fichier; exporté sous «${NB}x${NB}».`,
  ],
  image_not_in_library: [
    { kind: "image_not_in_library", title: "Été", reference: "asset:0123456789abcdef" },
    "“Été”: the image asset:0123456789abcdef is not in the library; it was left out.",
    `«${NB}Été${NB}»${NB}: l’image asset:0123456789abcdef n’est pas dans la bibliothèque; elle a été laissée de côté.`,
  ],
  content_removed: [
    { kind: "content_removed", title: "Été", removed: ["html", "link_address", "image_address", "mailto_fields", "heading_attributes"] },
    "“Été”: removed HTML the preview does not show (scripts, event handlers, forms, comments…); a link address the preview does not allow; an image address the preview does not allow; mail link fields other than subject, body and cc; heading attributes other than an id from the exported page; the preview did not show it either.",
    `«${NB}Été${NB}»${NB}: retiré de la page exportée, ce que l’aperçu n’affichait pas non plus${NB}: du HTML que l’aperçu n’affiche pas (scripts, gestionnaires d’événements, formulaires, commentaires…); une adresse de lien que l’aperçu n’autorise pas; une adresse d’image que l’aperçu n’autorise pas; des champs de lien de courriel autres que l’objet, le corps et la copie (cc); des attributs de titre autres qu’un identifiant.`,
  ],
  broken_link: [
    { kind: "broken_link", title: "Été", link: "/posts/gone/" },
    "“Été” links to /posts/gone/, which is not a published post of this export.",
    `«${NB}Été${NB}» renvoie à /posts/gone/, qui n’est pas un billet publié de cette exportation.`,
  ],
  foreign_manifest: [
    { kind: "foreign_manifest", manifest: ".postdesk-export.json" },
    ".postdesk-export.json in this folder was not written by this library (it came with a copy of the site, from another library or from an older Postdesk): files already there are overwritten only when forced, none are removed, and it is replaced by this library's record.",
    `.postdesk-export.json dans ce dossier n’a pas été écrit par cette bibliothèque (il vient d’une copie du site, d’une autre bibliothèque ou d’une version antérieure de Postdesk)${NB}: les fichiers déjà présents ne sont remplacés que si l’exportation est forcée, aucun n’est supprimé, et il est remplacé par le registre de cette bibliothèque.`,
  ],
  stale_file_changed: [
    { kind: "stale_file_changed", path: "posts/old/index.md" },
    "posts/old/index.md is no longer part of the site but was changed since it was exported; it was left in place.",
    `posts/old/index.md ne fait plus partie du site mais a été modifié depuis son exportation; il a été laissé en place.`,
  ],
  stale_file_unreadable: [
    { kind: "stale_file_unreadable", path: "posts/old/index.md", detail: "Could not read posts/old/index.md." },
    "Could not read posts/old/index.md.",
    `Un fichier d’une exportation précédente, qui ne fait plus partie du site, n’a pas pu être vérifié; il a été laissé en place. (Détail${NB}: Could not read posts/old/index.md.)`,
  ],
};

describe("the export warnings", () => {
  const cases = Object.values(WARNINGS) as [SiteWarning, string, string][];

  it("are the core's sentences in English, and the English catalogue words them the same", () => {
    for (const [warning, english] of cases) {
      expect(warningText({ message: english, warning })).toBe(english);
      expect(translate("en", warningKey(warning.kind), warningArgs(warning)), warning.kind).toBe(english);
    }
  });

  it("are worded from their kind and values in French", () => {
    setLanguage("fr");
    for (const [warning, english, french] of cases) {
      expect(warningText({ message: english, warning }), warning.kind).toBe(french);
      expect(french, warning.kind).not.toMatch(/[{}]|\bthe\b| [:?!]/);
    }
  });

  it("have a message for every kind in every catalogue", () => {
    // A key missing from a catalogue comes out as the key itself.
    for (const lang of UI_LANGS) for (const [w] of cases) expect(translate(lang, warningKey(w.kind), warningArgs(w)), `${lang} ${w.kind}`).not.toBe(warningKey(w.kind));
  });
});
