// Shortcut names as each system writes them (Cmd ⌘ on macOS, Ctrl
// elsewhere), and the webview zoom steps. No DOM here: tested by keys.test.ts.

export type Platform = "mac" | "other";

/** The system the page runs on, from the webview's own report. */
export function currentPlatform(): Platform {
  const p = typeof navigator === "undefined" ? "" : `${navigator.platform} ${navigator.userAgent}`;
  return /Mac|iPhone|iPad/.test(p) ? "mac" : "other";
}

const MAC_SYMBOLS: Record<string, string> = { Ctrl: "⌘", Shift: "⇧", Alt: "⌥" };
/** macOS writes modifiers in this order, before the key and with no "+". */
const MAC_ORDER = ["⌥", "⇧", "⌘"];

/**
 * Rewrite every "Ctrl+…" combination in `text` (a label, a tooltip, a
 * placeholder, in any language) for `platform`: unchanged elsewhere,
 * "⇧⌘F" for "Ctrl+Shift+F" on macOS. A lone "Ctrl" (a <kbd>) becomes "⌘".
 */
export function shortcutText(text: string, platform: Platform): string {
  if (platform !== "mac") return text;
  return text.replace(/\b(?:(?:Ctrl|Shift|Alt)\+)*Ctrl(?:\+(?:Shift|Alt))*(?:\+(?:[A-Za-z0-9=,./-]|F\d{1,2}|Enter|Tab))?(?![\w])/g, (combo) => {
    const parts = combo.split("+");
    const mods = parts.filter((p) => p in MAC_SYMBOLS).map((p) => MAC_SYMBOLS[p]);
    const key = parts.filter((p) => !(p in MAC_SYMBOLS)).join("");
    mods.sort((a, b) => MAC_ORDER.indexOf(a) - MAC_ORDER.indexOf(b));
    return mods.join("") + key;
  });
}

/** The zoom levels Ctrl/Cmd + and − step through (1 = actual size). */
export const ZOOM_STEPS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3];

/** The next zoom level from `current` in `direction` (+1 in, −1 out, 0 actual size). */
export function nextZoom(current: number, direction: -1 | 0 | 1): number {
  if (direction === 0) return 1;
  if (direction > 0) return ZOOM_STEPS.find((z) => z > current + 0.001) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1];
  return [...ZOOM_STEPS].reverse().find((z) => z < current - 0.001) ?? ZOOM_STEPS[0];
}

/** A stored zoom level, or 1 when it is missing or not one of ZOOM_STEPS. */
export function storedZoom(value: string | null): number {
  const z = Number(value);
  return ZOOM_STEPS.includes(z) ? z : 1;
}
