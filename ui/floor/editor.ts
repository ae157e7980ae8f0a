// The floor under the e2e typing figures: Postdesk's own editor (editor.ts:
// CodeMirror with the app's extensions, font and styles) alone on a page,
// nothing else of the app. tests/e2e/startup.rs opens it in WebKitGTK's
// MiniBrowser and types into it as the figures test types into the app;
// the page reports through its title, which becomes the window's name.
// Built by `npm run build:floor` (vite.floor.config.ts), never shipped.
import "../src/style.css";
import { createEditor } from "../src/editor";

/** Keys the test types before the page reports. */
const KEYS = Number(document.body.dataset.keys ?? "40");

const frames: number[] = [];
const changes: number[] = [];
let keydown = 0;
document.addEventListener("keydown", () => (keydown = performance.now()), true);

/** p50, p95 and max of `v`, rounded to the ms. */
function summary(v: number[]): string {
  const s = [...v].sort((a, b) => a - b);
  const at = (q: number) => s[Math.round((s.length - 1) * q)];
  return [at(0.5), at(0.95), s[s.length - 1]].map((x) => x.toFixed(0)).join(" ");
}

const parent = document.getElementById("editor");
if (!parent) throw new Error("the floor page has no #editor");
const editor = createEditor(parent, {
  // As the app's preview is measured: keydown → the frame after the change.
  onChange: () => {
    const k = keydown;
    changes.push(performance.now() - k);
    requestAnimationFrame(() => {
      frames.push(performance.now() - k);
      if (frames.length === KEYS) document.title = `typed ${summary(frames)} change ${summary(changes)}`;
    });
  },
  onBlur: () => {},
  onSave: () => {},
  onImage: async () => null,
});
editor.load(document.getElementById("text")?.textContent ?? "");
// The caret where the test's click puts it in the app: the middle of the text in view.
const box = editor.view.contentDOM.getBoundingClientRect();
const middle = editor.view.posAtCoords({ x: box.left + box.width / 2, y: Math.min(box.bottom, innerHeight) / 2 });
editor.view.dispatch({ selection: { anchor: middle ?? 0 } });
editor.view.focus();
requestAnimationFrame(() => setTimeout(() => (document.title = "painted"), 0));
