import { describe, expect, it } from "vitest";
import { warningView } from "./emailWarnings";

const label = (key: string) => ({ "org.address": "Postal address", "newsletter.unsubscribe_url": "Unsubscribe page" })[key] ?? key;

describe("warningView", () => {
  it("names the Settings field, not the command-line key, and offers to open it", () => {
    const v = warningView(
      { message: "The footer has no postal address: set org.address (anti-spam laws such as CAN-SPAM and CASL require one).", setting: "org.address" },
      label,
    );
    expect(v.text).toBe("The footer has no postal address: set \u201cPostal address\u201d in Settings (anti-spam laws such as CAN-SPAM and CASL require one).");
    expect(v.text).not.toContain("org.address");
    expect(v.setting).toBe("org.address");
    expect(v.button).toBe("Set Postal address\u2026");
  });

  it("keeps the sentence's capital and its end", () => {
    const v = warningView(
      { message: "… no List-Unsubscribe-Post header. Set newsletter.unsubscribe_url to an https:// address.", setting: "newsletter.unsubscribe_url" },
      label,
    );
    expect(v.text).toBe("… no List-Unsubscribe-Post header. Set \u201cUnsubscribe page\u201d in Settings to an https:// address.");
  });

  it("leaves a warning without a setting as it is, with no button", () => {
    const w = { message: "\"Hello\" is not published yet (status: draft).", setting: null };
    expect(warningView(w, label)).toEqual({ text: w.message, setting: null, button: null });
  });
});
