// The featured image picker (#featured-dialog, built here): the post's
// images as thumbnails, "Choose a file…" (the system's open dialog, through
// the core) and "No featured image". A choice is written into the details
// panel's field as if typed, so the editing session saves it as usual.
import type { EditingSession } from "./editing";
import { $, element, showError } from "./dom";
import { featuredChoices, featuredSummary } from "./featuredImage";
import { rpc } from "./rpc";
import { t } from "./i18n";

function dialogElement(): HTMLDialogElement {
  const dialog = element("dialog");
  dialog.id = "featured-dialog";
  dialog.setAttribute("aria-labelledby", "featured-title");
  const title = element("h2", t("featured-title"));
  title.id = "featured-title";
  const summary = element("p");
  summary.id = "featured-summary";
  const grid = element("div", "", "featured-grid");
  grid.id = "featured-choices";
  grid.setAttribute("role", "group");
  grid.setAttribute("aria-label", t("featured-images-in-post"));
  const menu = element("menu");
  const file = element("button", t("featured-choose-file"));
  file.id = "featured-file";
  const none = element("button", t("featured-none-button"));
  none.id = "featured-none";
  const cancel = element("button", t("ui-cancel"));
  cancel.id = "featured-cancel";
  for (const b of [file, none, cancel]) b.type = "button";
  menu.append(file, none, cancel);
  dialog.append(title, summary, grid, menu);
  document.body.append(dialog);
  return dialog;
}

export function setupFeaturedPicker(session: EditingSession): void {
  const dialog = dialogElement();
  const field = () => $<HTMLFormElement>("meta").elements.namedItem("featured_image") as HTMLInputElement;

  /** Put `reference` in the field as typing would, and save. */
  const choose = (reference: string) => {
    const input = field();
    input.value = reference;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
    dialog.close();
  };

  $("choose-featured").addEventListener("click", async () => {
    const post = session.post;
    if (!post) return;
    try {
      await session.save("autosave");
      const images = await rpc.postImages(post.id);
      const now = field().value;
      $("featured-summary").textContent = images.length
        ? featuredSummary(now, images)
        : `${featuredSummary(now, images)} ${t("featured-no-images-yet")}`;
      $("featured-choices").replaceChildren(
        ...featuredChoices(images, now).map((c) => {
          const b = element("button", "", "featured-choice");
          b.type = "button";
          b.setAttribute("aria-pressed", String(c.current));
          const img = element("img");
          img.src = c.url;
          img.alt = "";
          b.append(img, element("span", c.label));
          b.addEventListener("click", () => choose(c.reference));
          return b;
        }),
      );
      dialog.showModal();
    } catch (e) {
      showError(e);
    }
  });
  $("featured-file").addEventListener("click", () => {
    rpc.chooseImageFile().then((image) => {
      if (image) choose(image.reference);
    }, showError);
  });
  $("featured-none").addEventListener("click", () => choose(""));
  $("featured-cancel").addEventListener("click", () => dialog.close());
}
