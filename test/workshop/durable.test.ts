import { describe, expect, it } from 'vitest';
import { CoalescingWriter } from '../../src/workshop/durable.js';

/** A disk whose writes finish only when the test says so. */
function slowDisk() {
  const writes: { id: string; text: string; finish: (error?: Error) => void }[] = [];
  const persist = (id: string, text: string) => new Promise<void>((resolve, reject) => writes.push({ id, text, finish: (error) => (error ? reject(error) : resolve()) }));
  return { writes, persist };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('writing one participant’s file', () => {
  it('acknowledges a change only once a write that includes it is on disk, and folds a burst into one more write', async () => {
    const state = { version: 0 };
    const disk = slowDisk();
    const writer = new CoalescingWriter(() => ({ version: state.version, text: `v${state.version}` }), disk.persist);
    const settled: number[] = [];
    const change = () => {
      const version = ++state.version;
      void writer.save('r-1', version).then(() => settled.push(version));
    };
    change();
    await tick();
    change();
    change();
    change();
    await tick();
    expect(disk.writes.map((write) => write.text)).toEqual(['v1']);
    disk.writes[0]!.finish();
    await tick();
    expect(settled).toEqual([1]);
    expect(disk.writes.map((write) => write.text)).toEqual(['v1', 'v4']);
    disk.writes[1]!.finish();
    await tick();
    expect(settled).toEqual([1, 2, 3, 4]);
    await writer.idle();
  });

  it('answers at once for a version already on disk (a retried request), and tells the waiters when a write fails', async () => {
    const state = { version: 1 };
    const disk = slowDisk();
    const writer = new CoalescingWriter(() => ({ version: state.version, text: 'x' }), disk.persist);
    const first = writer.save('r-1', 1);
    await tick();
    disk.writes[0]!.finish(new Error('no space left on the device'));
    await expect(first).rejects.toThrow('no space');
    const again = writer.save('r-1', 1);
    await tick();
    disk.writes[1]!.finish();
    await again;
    await expect(writer.save('r-1', 1)).resolves.toBeUndefined();
    expect(disk.writes).toHaveLength(2);
  });
});
