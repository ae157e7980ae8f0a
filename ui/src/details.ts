// The details panel (#meta): the open post's metadata fields, and the
// Details button that shows or hides it. Edits go to the editing session.
import type { EditableFields, EditingSession } from "./editing";
import { $, element, field, showError } from "./dom";
import { toLocalInput } from "./format";
import { t } from "./i18n";
import { rpc } from "./rpc";
import { translationLink } from "./translation";
import type { Post, Status } from "./types";

export interface DetailsPanel {
  /** Show `post`'s fields. */
  fill(post: Post): void;
  /** The core changed the slug. */
  setSlug(slug: string): void;
  /** Put the cursor in the title, selected (a new post). */
  focusTitle(): void;
}

/** The edit an input of the panel makes, and whether the preview shows it. */
function fieldEdit(name: string, v: string): { fields: EditableFields; preview: boolean } {
  switch (name) {
    case "tags":
      return { fields: { tags: v.split(",").map((t) => t.trim()).filter(Boolean) }, preview: false };
    case "publish_at":
      return { fields: { publish_at: v ? new Date(v).toISOString() : null }, preview: false };
    case "summary":
    case "title":
      return { fields: { [name]: v }, preview: true };
    case "status":
      return { fields: { status: v as Status }, preview: false };
    case "lang":
      return { fields: { lang: v as Post["lang"] }, preview: false };
    case "slug":
    case "preview_text":
    case "author":
    case "reviewer":
    case "canonical_url":
    case "featured_image":
      return { fields: { [name]: v }, preview: false };
    default:
      return { fields: {}, preview: false };
  }
}

/** `openPost` opens a post in every view (the translation's button). */
export function setupDetails(session: EditingSession, openPost: (id: number) => Promise<void>): DetailsPanel {
  const meta = $<HTMLFormElement>("meta");
  const set = (name: string, value: string) => (field(meta, name).value = value);
  const countSummary = (text: string) => ($("summary-count").textContent = t("count-characters", { count: text.length }));

  meta.addEventListener("input", (ev) => {
    if (!session.post) return;
    const el = ev.target as HTMLInputElement;
    const { fields, preview } = fieldEdit(el.name, el.value);
    if (el.name === "summary") countSummary(el.value);
    session.edit(fields, { preview });
  });
  meta.addEventListener("change", () => void session.save("autosave"));

  /** The translation's button, named by its title once the translation is loaded. */
  const showTranslation = (p: Post) => {
    const note = $("translation-note");
    const link = translationLink(p, null);
    if (!link) return note.replaceChildren();
    const button = element("button", link.text);
    button.type = "button";
    button.id = "open-translation";
    button.addEventListener("click", () => void openPost(link.id).catch(showError));
    note.replaceChildren(button);
    rpc.getPost(link.id).then(
      (twin) => {
        if (session.post?.id === p.id) button.textContent = translationLink(p, twin)?.text ?? link.text;
      },
      () => {},
    );
  };

  $("toggle-meta").addEventListener("click", () => {
    meta.hidden = !meta.hidden;
    $("toggle-meta").setAttribute("aria-pressed", String(!meta.hidden));
  });

  return {
    fill(p) {
      set("title", p.title);
      set("slug", p.slug);
      set("summary", p.summary);
      set("preview_text", p.preview_text);
      set("tags", p.tags.join(", "));
      set("author", p.author);
      set("reviewer", p.reviewer);
      set("lang", p.lang);
      set("status", p.status);
      set("publish_at", p.publish_at ? toLocalInput(p.publish_at) : "");
      set("canonical_url", p.canonical_url);
      set("featured_image", p.featured_image);
      countSummary(p.summary);
      showTranslation(p);
      const translate = $<HTMLButtonElement>("translate");
      translate.textContent = p.lang === "en" ? t("details-create-french") : t("details-create-english");
      translate.disabled = p.translation_of !== null;
    },
    setSlug: (slug) => set("slug", slug),
    focusTitle() {
      const title = field(meta, "title");
      title.focus();
      title.select();
    },
  };
}
