// When the team library syncs, with no DOM: at start, every few minutes while
// the app is open, shortly after an explicit save (Ctrl+S) and on "Sync now".
// One sync at a time: a request while one runs is remembered and runs once
// after it. A failed sync (offline, refused key) is tried again later, with a
// growing pause, and never stops the writer: syncing runs beside typing.
// Tested in syncSchedule.test.ts with fake timers.

/** Every few minutes while the app is open. */
export const PERIOD_MS = 3 * 60_000;
/** After Ctrl+S: soon, but after a burst of saves has settled. */
export const AFTER_SAVE_MS = 3_000;
/** After a failure: 30 s, 1 min, 2 min, then every PERIOD_MS. */
export const RETRY_MS = [30_000, 60_000, 120_000];

export type SyncTrigger = "start" | "timer" | "save" | "manual" | "retry";

export type SyncEvent<R> =
  | { type: "syncing"; trigger: SyncTrigger }
  | { type: "synced"; trigger: SyncTrigger; report: R }
  | { type: "failed"; trigger: SyncTrigger; error: unknown; retryInMs: number };

export interface Clock {
  setTimeout(f: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export class SyncScheduler<R> {
  private running = false;
  private queued: SyncTrigger | null = null;
  private timer: number | null = null;
  private failures = 0;
  private listeners: ((e: SyncEvent<R>) => void)[] = [];
  private stopped = false;

  constructor(
    private readonly sync: () => Promise<R>,
    private readonly clock: Clock = {
      setTimeout: (f, ms) => window.setTimeout(f, ms),
      clearTimeout: (id) => window.clearTimeout(id),
    },
  ) {}

  on(listener: (e: SyncEvent<R>) => void): void {
    this.listeners.push(listener);
  }

  /** The first sync, right away; then every PERIOD_MS. */
  start(): void {
    this.stopped = false;
    void this.request("start");
  }

  /** No more syncs (the library is not connected any more). */
  stop(): void {
    this.stopped = true;
    this.clear();
  }

  /** Ctrl+S: sync AFTER_SAVE_MS later (a later save moves it). */
  saved(): void {
    if (this.stopped) return;
    this.schedule(AFTER_SAVE_MS, "save");
  }

  /** "Sync now": at once (or right after the one running). */
  now(): Promise<void> {
    this.stopped = false;
    return this.request("manual");
  }

  /** True while a sync runs. */
  busy(): boolean {
    return this.running;
  }

  private emit(e: SyncEvent<R>): void {
    for (const l of this.listeners) l(e);
  }

  private clear(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number, trigger: SyncTrigger): void {
    this.clear();
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.request(trigger);
    }, ms);
  }

  private async request(trigger: SyncTrigger): Promise<void> {
    if (this.running) {
      // A manual request outranks a timer's: say what was asked.
      if (this.queued === null || trigger === "manual") this.queued = trigger;
      return;
    }
    this.clear();
    this.running = true;
    this.emit({ type: "syncing", trigger });
    try {
      const report = await this.sync();
      this.failures = 0;
      this.emit({ type: "synced", trigger, report });
    } catch (error) {
      const retryInMs = RETRY_MS[this.failures] ?? PERIOD_MS;
      this.failures += 1;
      this.emit({ type: "failed", trigger, error, retryInMs });
      this.running = false;
      if (!this.stopped) this.schedule(retryInMs, "retry");
      return this.runQueued();
    }
    this.running = false;
    if (!this.stopped) this.schedule(PERIOD_MS, "timer");
    return this.runQueued();
  }

  private runQueued(): Promise<void> {
    const next = this.queued;
    this.queued = null;
    return next !== null && !this.stopped ? this.request(next) : Promise.resolve();
  }
}
