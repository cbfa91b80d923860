/**
 * One participant's file is written by one write at a time. A change that arrives
 * while a write is under way waits for the next write, which takes the latest state,
 * so a burst of answers costs two writes, not one each. A caller's promise settles
 * only when a write that includes its change is on disk: that is when the phone may
 * be told "saved".
 */
export interface Snapshot {
  /** The change counter of the state this text shows. */
  version: number;
  text: string;
}

interface Slot {
  written: number;
  running: Promise<void> | null;
  waiters: { version: number; resolve: () => void; reject: (error: unknown) => void }[];
}

export class CoalescingWriter {
  private readonly slots = new Map<string, Slot>();

  constructor(
    /** The state of `id` as it is now, rendered. */
    private readonly snapshot: (id: string) => Snapshot,
    /** Writes the text durably (fsync and rename); rejects if it could not. */
    private readonly persist: (id: string, text: string) => Promise<void>,
  ) {}

  /** Settles once version `version` of `id` (or a later one) is on disk. */
  save(id: string, version: number): Promise<void> {
    const slot = this.slots.get(id) ?? { written: 0, running: null, waiters: [] };
    this.slots.set(id, slot);
    if (slot.written >= version) return Promise.resolve();
    const settled = new Promise<void>((resolve, reject) => slot.waiters.push({ version, resolve, reject }));
    if (!slot.running) slot.running = this.run(id, slot);
    return settled;
  }

  /** Waits for every write under way, e.g. before the server stops. */
  async idle(): Promise<void> {
    for (;;) {
      const running = [...this.slots.values()].map((slot) => slot.running).filter((write): write is Promise<void> => write !== null);
      if (running.length === 0) return;
      await Promise.all(running);
    }
  }

  private async run(id: string, slot: Slot): Promise<void> {
    while (slot.waiters.length > 0) {
      const { version, text } = this.snapshot(id);
      const covered = slot.waiters.filter((waiter) => waiter.version <= version);
      slot.waiters = slot.waiters.filter((waiter) => waiter.version > version);
      if (covered.length === 0) {
        // A version newer than the state itself: a bug in the caller, reported rather than looped on.
        for (const waiter of slot.waiters.splice(0)) waiter.reject(new Error(`no version ${waiter.version} of ${id} to write`));
        break;
      }
      try {
        await this.persist(id, text);
        slot.written = Math.max(slot.written, version);
        for (const waiter of covered) waiter.resolve();
      } catch (error) {
        // Those waiting are told; the change stays in memory, and the phone's retry writes it again.
        for (const waiter of covered) waiter.reject(error);
      }
    }
    slot.running = null;
  }
}
