// Inserting an image, NO DOM (tested: imageInsert.test.ts): the alt text is
// asked BEFORE the image is stored, so cancelling the dialog leaves nothing
// behind — no Markdown in the text and no image in the library that no post
// uses (stored images are shared by content across posts, so one stored by
// mistake could not safely be deleted afterwards).

export interface ImageSteps {
  /** The alt text the writer gives, null when they cancel. */
  askAlt(suggestion: string): Promise<string | null>;
  /** The file's bytes as base64. */
  read(file: File): Promise<string>;
  /** Store the image in the library; its `asset:` reference. */
  store(fileName: string, base64: string): Promise<string>;
}

/** The alt text offered first: the file's name without extension or dashes. */
export function suggestedAlt(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, "").replace(/[-_]+/g, " ");
}

/** The Markdown that shows the image, or null when the writer cancelled. */
export async function imageMarkdownWith(file: File, steps: ImageSteps): Promise<string | null> {
  const alt = await steps.askAlt(suggestedAlt(file.name));
  if (alt === null) return null;
  const reference = await steps.store(file.name || "image", await steps.read(file));
  return `![${alt.replace(/[[\]]/g, "")}](${reference})`;
}
