import { afterEach, describe, expect, it } from "vitest";
import { stepText, summaryText } from "./exportText";
import { setLanguage, translate } from "./i18n";
import type { ExportProgress, ExportSummary, StepKind } from "./types";

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
