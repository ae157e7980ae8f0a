// Unit tests of when the team library syncs (syncSchedule.ts), with fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AFTER_SAVE_MS, PERIOD_MS, RETRY_MS, SyncScheduler, type SyncEvent } from "./syncSchedule";
import { deferred, type Deferred } from "./editing.fakes";

const clock = {
  setTimeout: (f: () => void, ms: number) => setTimeout(f, ms) as unknown as number,
  clearTimeout: (id: number) => clearTimeout(id),
};

let runs: Deferred<string>[];
let scheduler: SyncScheduler<string>;
let events: SyncEvent<string>[];

/** Finish the sync that is running with `report` (or fail it with `error`). */
async function finish(report = "ok", error?: unknown): Promise<void> {
  const run = runs[runs.length - 1];
  if (error === undefined) run.resolve(report);
  else run.reject(error);
  await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => {
  vi.useFakeTimers();
  runs = [];
  events = [];
  scheduler = new SyncScheduler(() => {
    const d = deferred<string>();
    runs.push(d);
    return d.promise;
  }, clock);
  scheduler.on((e) => events.push(e));
});

afterEach(() => {
  scheduler.stop();
  vi.useRealTimers();
});

describe("sync schedule", () => {
  it("syncs at start and then every PERIOD_MS", async () => {
    scheduler.start();
    expect(runs).toHaveLength(1);
    await finish();
    await vi.advanceTimersByTimeAsync(PERIOD_MS - 1);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toHaveLength(2);
    expect(events.filter((e) => e.type === "syncing").map((e) => e.trigger)).toEqual(["start", "timer"]);
  });

  it("syncs AFTER_SAVE_MS after the last of several saves", async () => {
    scheduler.start();
    await finish();
    scheduler.saved();
    await vi.advanceTimersByTimeAsync(AFTER_SAVE_MS - 100);
    scheduler.saved();
    await vi.advanceTimersByTimeAsync(AFTER_SAVE_MS - 1);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toHaveLength(2);
    expect(events.at(-1)).toEqual({ type: "syncing", trigger: "save" });
  });

  it("never runs two syncs at once: a request while one runs runs once after it", async () => {
    scheduler.start();
    void scheduler.now();
    void scheduler.now();
    expect(runs).toHaveLength(1);
    expect(scheduler.busy()).toBe(true);
    await finish();
    expect(runs).toHaveLength(2);
    await finish();
    expect(runs).toHaveLength(2);
    expect(scheduler.busy()).toBe(false);
  });

  it("retries a failed sync later with growing pauses, then every PERIOD_MS, and recovers", async () => {
    scheduler.start();
    const pauses = [...RETRY_MS, PERIOD_MS];
    for (const [i, pause] of pauses.entries()) {
      await finish("", new Error("offline"));
      const last = events.at(-1);
      expect(last?.type === "failed" && last.retryInMs).toBe(pause);
      await vi.advanceTimersByTimeAsync(pause - 1);
      expect(runs).toHaveLength(i + 1);
      await vi.advanceTimersByTimeAsync(1);
      expect(runs).toHaveLength(i + 2);
    }
    await finish("back");
    expect(events.at(-1)).toEqual({ type: "synced", trigger: "retry", report: "back" });
    // After a success the pause is the period again, not a retry.
    await vi.advanceTimersByTimeAsync(RETRY_MS[0]);
    expect(runs).toHaveLength(pauses.length + 1);
  });

  it("stops: no timer fires after stop", async () => {
    scheduler.start();
    await finish();
    scheduler.saved();
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(10 * PERIOD_MS);
    expect(runs).toHaveLength(1);
  });
});
