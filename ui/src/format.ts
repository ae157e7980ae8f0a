// Dates and times as people read them, in the interface language's locale.
import { locale } from "./i18n";

/** "14:05" */
export function time(iso: string): string {
  return new Date(iso).toLocaleTimeString(locale(), { hour: "2-digit", minute: "2-digit" });
}

let dateFormat: Intl.DateTimeFormat | undefined;
let dateLocale = "";

/** "1 Mar 2026", or "" for no date. */
export function localDate(iso: string | null): string {
  // One formatter per language for every call: toLocaleDateString builds a
  // new one each time (1,000 of them for a 1,000-post list at start-up).
  if (!dateFormat || dateLocale !== locale()) {
    dateLocale = locale();
    dateFormat = new Intl.DateTimeFormat(dateLocale, { dateStyle: "medium" });
  }
  return iso ? dateFormat.format(new Date(iso)) : "";
}

/** The value a datetime-local input takes for `iso`, in local time. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
