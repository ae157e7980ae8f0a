// Timestamps of the live preview's steps for one keystroke (editor change,
// request about to go, request handed to the IPC, answer back, preview patched), read by the e2e latency
// probe (tests/e2e/main.rs) to say where a keystroke's time goes. Off, and
// free, unless the probe has set `window.__pdPhases` to an array.

/** `quick`: the request was answered by the quick path (livePath.ts), not the command. */
type PhaseName = "change" | "send" | "invoked" | "back" | "shown" | "quick";

export function phase(name: PhaseName): void {
  const log = (globalThis as { __pdPhases?: [PhaseName, number][] }).__pdPhases;
  if (log) log.push([name, performance.now()]);
}

let startingUp = true;

/** A start-up mark for the figures test, until `startupOver` (the window is editable). */
export function startupMark(name: string): void {
  if (startingUp) performance.mark(name);
}

export function startupOver(): void {
  startingUp = false;
}
