// Keyboard movement in a list (the post listbox), with no DOM: which item a
// key moves to. Arrow keys move by one, Home/End to the ends, PageUp/PageDown
// by a page; other keys do nothing (null).

export function targetIndex(key: string, index: number, count: number, page = 10): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case "ArrowDown":
      return clamp(index + 1);
    case "ArrowUp":
      return clamp(index - 1);
    case "Home":
      return 0;
    case "End":
      return count - 1;
    case "PageDown":
      return clamp(index + page);
    case "PageUp":
      return clamp(index - page);
    default:
      return null;
  }
}
