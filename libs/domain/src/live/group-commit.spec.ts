import { GroupCommit } from './group-commit';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('GroupCommit', () => {
  it('writes what arrives together in one call and answers each caller with its own result', async () => {
    const calls: number[][] = [];
    const commit = new GroupCommit<number, number>(async (items) => (calls.push(items), items.map((x) => x * 10)), 100, 5);
    const results = await Promise.all([1, 2, 3].map((x) => commit.add(x)));
    expect(results).toEqual([10, 20, 30]);
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it('splits at the maximum and runs one write at a time, in arrival order', async () => {
    const calls: number[][] = [];
    let running = 0;
    let overlap = false;
    const commit = new GroupCommit<number, number>(
      async (items) => {
        running += 1;
        overlap ||= running > 1;
        calls.push(items);
        await tick(5);
        running -= 1;
        return items;
      },
      4,
      1,
    );
    await Promise.all(Array.from({ length: 10 }, (_, i) => commit.add(i)));
    expect(overlap).toBe(false);
    expect(calls.flat()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Math.max(...calls.map((c) => c.length))).toBeLessThanOrEqual(4);
  });

  it('rejects every caller of a failed write and keeps going', async () => {
    let fail = true;
    const commit = new GroupCommit<number, number>(
      async (items) => {
        if (fail) throw new Error('down');
        return items;
      },
      10,
      1,
    );
    await expect(Promise.all([commit.add(1), commit.add(2)])).rejects.toThrow('down');
    fail = false;
    await expect(commit.add(3)).resolves.toBe(3);
  });
});
