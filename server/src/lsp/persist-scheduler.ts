/**
 * When the persisted index is written: once the server has been quiet for a moment (serialising
 * 20,000 files allocates tens of megabytes, which must not slow the first edits after the index),
 * and at shutdown. Activity (an edit, a change on disk) pushes a pending write back.
 */

/** Quiet time before the persisted index is written. */
const PERSIST_AFTER_QUIET_MS = 3000;

/** A write waiting for quiet: `stillCurrent` is false once its folder was removed or re-indexed. */
export interface PendingPersist {
  readonly stillCurrent: () => boolean;
  readonly write: () => Promise<void>;
}

export class PersistScheduler {
  private readonly pending = new Map<string, PendingPersist>();
  private readonly saving = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly inBackground: (what: string, work: Promise<unknown>) => void) {}

  /** Schedules the write of a folder's index (a newer one for the same folder replaces it). */
  schedule(folderUri: string, persist: PendingPersist): void {
    this.pending.set(folderUri, persist);
    this.defer();
  }

  /** Activity: a pending write waits for the next quiet moment. */
  defer(): void {
    if (this.pending.size === 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.inBackground('writing the persisted index', this.writeNow()), PERSIST_AFTER_QUIET_MS);
  }

  /** Writes what is pending now and resolves when every write is on disk (the server waits at shutdown). */
  async writeNow(): Promise<void> {
    clearTimeout(this.timer);
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const persist of pending) {
      if (!persist.stillCurrent()) continue;
      const saving = persist.write();
      this.saving.add(saving);
      void saving.finally(() => this.saving.delete(saving)).catch(() => undefined);
    }
    await Promise.all([...this.saving]);
  }
}
