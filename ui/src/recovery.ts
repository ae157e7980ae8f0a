// Start-up with a damaged library: the window says so in plain words and
// offers the newest good backup with one button (no dialog). The core keeps
// the damaged file aside when it restores; afterwards the page reloads onto
// the restored library. While the message shows, the library and workspace
// are hidden: the app runs on an empty stand-in library then.
import { $, showError } from "./dom";
import { errorSentence } from "./i18n";
import { restoredText } from "./recoveryText";
import { rpc } from "./rpc";
import type { IpcError } from "./types";

/** Show the recovery message if the library did not open; true when it is shown. */
export async function setupRecovery(): Promise<boolean> {
  let problem: IpcError | null;
  try {
    problem = await rpc.libraryProblem();
  } catch (e) {
    showError(e);
    return false;
  }
  if (!problem) return false;
  for (const id of ["library", "workspace"]) $(id).style.display = "none";
  const box = $("recovery");
  $("recovery-text").textContent = errorSentence(problem.code, problem.message);
  const button = $<HTMLButtonElement>("recovery-restore");
  // Without a good backup the core answers the click with an error saying so.
  button.hidden = problem.code !== "library_damaged";
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const restored = await rpc.restoreNewestBackup();
      $("recovery-text").textContent = restoredText(restored);
      window.setTimeout(() => window.location.reload(), 1500);
    } catch (e) {
      button.disabled = false;
      showError(e);
    }
  });
  box.hidden = false;
  document.body.dataset.ready = "true";
  return true;
}
