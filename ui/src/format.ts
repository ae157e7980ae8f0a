// Dates and times as people read them, in the system's locale.

/** "14:05" */
export function time(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
}

let dateFormat: Intl.DateTimeFormat | undefined;

/** "1 Mar 2026", or "" for no date. */
export function localDate(iso: string | null): string {
  // One formatter for every call: toLocaleDateString builds a new one each
  // time (1,000 of them for a 1,000-post list at start-up).
  dateFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
  return iso ? dateFormat.format(new Date(iso)) : "";
}

/** The value a datetime-local input takes for `iso`, in local time. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
