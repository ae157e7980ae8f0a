// The Markdown editor: CodeMirror 6 with the shortcuts writers expect.
// The proportional writing font, bundled (latin subset: English and French).
import "@fontsource/ibm-plex-sans/latin-400.css";
import "@fontsource/ibm-plex-sans/latin-400-italic.css";
import "@fontsource/ibm-plex-sans/latin-700.css";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
// Not `markdown()`: it always brings the HTML language with the CSS and
// JavaScript parsers and autocompletion (for <style> and <script> inside a
// post): 40% of the bundle, parsed before the first paint, for no use here.
import { commonmarkLanguage, markdownKeymap, pasteURLAsLink } from "@codemirror/lang-markdown";
import { HighlightStyle, LanguageSupport, syntaxHighlighting } from "@codemirror/language";
import { highlightSelectionMatches, search, searchKeymap } from "@codemirror/search";
import { EditorSelection, EditorState, Prec, type Extension } from "@codemirror/state";
import { drawSelection, EditorView, keymap, type KeyBinding } from "@codemirror/view";
import { codeMirrorPhrases, t } from "./i18n";
import { tags } from "@lezer/highlight";
import type { TextChange } from "./types";
import { phase } from "./phases";

/** Markdown's marks in the theme's colours (style.css), readable in light and dark
 *  (CodeMirror's default style is for a light background only). */
const markdownHighlight = HighlightStyle.define([
  { tag: tags.heading, fontWeight: "bold" },
  { tag: tags.emphasis, fontStyle: "italic" },
  { tag: tags.strong, fontWeight: "bold" },
  { tag: tags.strikethrough, textDecoration: "line-through" },
  { tag: tags.link, textDecoration: "underline" },
  { tag: [tags.url, tags.labelName, tags.contentSeparator, tags.atom], color: "var(--accent)" },
  { tag: [tags.processingInstruction, tags.meta, tags.comment, tags.quote], color: "var(--muted)" },
  { tag: tags.invalid, color: "var(--error)" },
]);

export interface EditorHooks {
  /** The text changed: the new text, and the changes that made it, in order
   *  (each applies to the text the one before it left; UTF-16 positions). */
  onChange: (text: string, changes: TextChange[]) => void;
  onBlur: () => void;
  onSave: () => void;
  onImage: (file: File) => Promise<string | null>;
}

/** Wrap the selection in `mark` (or insert the marks around the cursor). */
function wrap(mark: string) {
  return (view: EditorView): boolean => {
    view.dispatch(
      view.state.changeByRange((range) => {
        const text = view.state.sliceDoc(range.from, range.to);
        const insert = `${mark}${text}${mark}`;
        return {
          changes: { from: range.from, to: range.to, insert },
          range: EditorSelection.range(range.from + mark.length, range.from + mark.length + text.length),
        };
      }),
    );
    return true;
  };
}

function link(view: EditorView): boolean {
  view.dispatch(
    view.state.changeByRange((range) => {
      const text = view.state.sliceDoc(range.from, range.to) || t("editor-link-text");
      const insert = `[${text}](https://)`;
      const urlStart = range.from + text.length + 3;
      return {
        changes: { from: range.from, to: range.to, insert },
        range: EditorSelection.range(urlStart, urlStart + "https://".length),
      };
    }),
  );
  return true;
}

/** Toggle a heading of `level` on the lines of the selection. */
function heading(level: number) {
  return (view: EditorView): boolean => {
    const changes = [];
    for (const range of view.state.selection.ranges) {
      const line = view.state.doc.lineAt(range.head);
      const m = /^(#{1,6})\s+/.exec(line.text);
      const prefix = "#".repeat(level) + " ";
      if (m && m[1].length === level) changes.push({ from: line.from, to: line.from + m[0].length, insert: "" });
      else changes.push({ from: line.from, to: line.from + (m ? m[0].length : 0), insert: prefix });
    }
    view.dispatch({ changes });
    return true;
  };
}

export interface Editor {
  view: EditorView;
  /** Show another post's text with a fresh undo history. */
  load(text: string): void;
  text(): string;
}

export function createEditor(parent: HTMLElement, hooks: EditorHooks): Editor {
  const shortcuts: KeyBinding[] = [
    { key: "Mod-b", run: wrap("**") },
    { key: "Mod-i", run: wrap("*") },
    { key: "Mod-k", run: link },
    { key: "Mod-1", run: heading(1) },
    { key: "Mod-2", run: heading(2) },
    { key: "Mod-3", run: heading(3) },
    {
      key: "Mod-s",
      run: () => {
        hooks.onSave();
        return true;
      },
      preventDefault: true,
    },
  ];
  const insertImages = (view: EditorView, files: File[], pos: number) => {
    void (async () => {
      for (const file of files) {
        const md = await hooks.onImage(file);
        if (md) view.dispatch({ changes: { from: pos, insert: md }, selection: { anchor: pos + md.length } });
      }
    })();
  };
  const extensions: Extension[] = [
    history(),
    drawSelection(),
    new LanguageSupport(commonmarkLanguage),
    Prec.high(keymap.of(markdownKeymap)),
    pasteURLAsLink,
    syntaxHighlighting(markdownHighlight),
    EditorView.lineWrapping,
    search({ top: true }),
    highlightSelectionMatches(),
    keymap.of([...shortcuts, ...searchKeymap, ...historyKeymap, ...defaultKeymap, indentWithTab]),
    EditorView.updateListener.of((u) => {
      if (!u.docChanged) return;
      phase("change");
      // One transaction's changes are given against the old text, in order:
      // applied last to first, each leaves the positions of the others valid.
      const changes: TextChange[] = [];
      u.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
        changes.push({ from: fromA, to: toA, insert: inserted.toString() });
      });
      hooks.onChange(u.state.doc.toString(), changes.reverse());
    }),
    EditorView.domEventHandlers({
      blur: () => hooks.onBlur(),
      paste: (ev, view) => {
        const files = [...(ev.clipboardData?.files ?? [])].filter((f) => f.type.startsWith("image/"));
        if (files.length === 0) return false;
        ev.preventDefault();
        insertImages(view, files, view.state.selection.main.head);
        return true;
      },
      drop: (ev, view) => {
        const files = [...(ev.dataTransfer?.files ?? [])].filter((f) => f.type.startsWith("image/"));
        if (files.length === 0) return false;
        ev.preventDefault();
        const pos = view.posAtCoords({ x: ev.clientX, y: ev.clientY }) ?? view.state.selection.main.head;
        insertImages(view, files, pos);
        return true;
      },
    }),
  ];
  /** The parts in the interface language (read again each time a post is loaded). */
  const withWords = (): Extension[] => [
    ...extensions,
    EditorView.contentAttributes.of({ spellcheck: "true", autocorrect: "on", "aria-label": t("editor-body") }),
    EditorState.phrases.of(codeMirrorPhrases()),
  ];
  const view = new EditorView({ state: EditorState.create({ doc: "", extensions: withWords() }), parent });
  return {
    view,
    load: (text: string) => view.setState(EditorState.create({ doc: text, extensions: withWords() })),
    text: () => view.state.doc.toString(),
  };
}
