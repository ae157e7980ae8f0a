import { describe, expect, it } from "vitest";
import { badgeText, offersBoth, partName, reportText } from "./teamText";
import type { ConflictItem, TeamStatus } from "./types";

const status = (fields: Partial<TeamStatus>): TeamStatus => ({
  connected: true,
  remote: "git@github.com:org/posts.git",
  folder: "postdesk",
  branch: "main",
  unshared: 0,
  conflicts: 0,
  last_sync_at: null,
  last_commit: null,
  ...fields,
});

const item = (field: string, block = 0): ConflictItem => ({ field, block, base: "", mine: "a", theirs: "b", choice: null });

describe("team words", () => {
  it("says what is not shared, when it last synced, and a failure", () => {
    const now = new Date("2026-12-01T15:00:00");
    expect(badgeText(status({}), null, now)).toBe("All shared · never synced");
    const synced = status({ unshared: 3, last_sync_at: new Date("2026-12-01T14:05:00").toISOString() });
    expect(badgeText(synced, null, now)).toMatch(/^3 changes not shared · synced (14:05|0?2:05 (PM|p\.m\.))$/);
    expect(badgeText(status({ unshared: 1 }), "offline, will retry", now)).toBe("1 change not shared · never synced · offline, will retry");
  });

  it("reports only what a sync did", () => {
    const empty = { pushed: 0, received: 0, conflicts: 0, skipped: 0, commit: null, problems: [] };
    expect(reportText(empty)).toBeNull();
    expect(reportText({ ...empty, received: 2, pushed: 1, conflicts: 1 })).toBe("2 posts updated from the team · 1 change shared · 1 post needs your choice");
  });

  it("names the parts of a conflict and offers both only for text", () => {
    expect(partName(item("body", 2))).toBe("Body, passage 2");
    expect(partName(item("summary"))).toBe("Teaser");
    expect(offersBoth(item("body", 1))).toBe(true);
    expect(offersBoth(item("status"))).toBe(false);
  });
});
