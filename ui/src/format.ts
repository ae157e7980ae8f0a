// Dates and times as people read them, in the interface language's locale.
import { locale } from "./i18n";

/** "14:05" */
export function time(iso: string): string {
  return new Date(iso).toLocaleTimeString(locale(), { hour: "2-digit", minute: "2-digit" });
}

/** "1 Mar 2026", or "" for no date. */
export function localDate(iso: string | null): string {
  return iso ? new Date(iso).toLocaleDateString(locale(), { dateStyle: "medium" }) : "";
}

/** The value a datetime-local input takes for `iso`, in local time. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
