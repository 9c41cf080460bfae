import { MemoryRateLimitStore } from './flexible-rate-limit.store';

const rule = { name: 'test-failures', points: 3, durationSeconds: 60 };

describe('MemoryRateLimitStore', () => {
  it('answers over once more than the points are counted, with a retry time within the window', async () => {
    const store = new MemoryRateLimitStore();
    const states = [];
    for (let i = 0; i < 4; i++) states.push(await store.consume(rule, '192.0.2.1'));
    expect(states.map((s) => s.over)).toEqual([false, false, false, true]);
    expect(states.map((s) => s.consumed)).toEqual([1, 2, 3, 4]);
    expect(states[3].retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(states[3].retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('peeks without counting, and keeps keys and rules apart', async () => {
    const store = new MemoryRateLimitStore();
    expect(await store.peek(rule, 'a')).toMatchObject({ consumed: 0, over: false });
    await store.consume(rule, 'a', 4);
    expect(await store.peek(rule, 'a')).toMatchObject({ consumed: 4, over: true });
    expect(await store.peek(rule, 'a')).toMatchObject({ consumed: 4 });
    expect(await store.peek(rule, 'b')).toMatchObject({ consumed: 0, over: false });
    expect(await store.peek({ ...rule, points: 10 }, 'a')).toMatchObject({ consumed: 0, over: false });
    expect(await store.peek({ ...rule, name: 'other' }, 'a')).toMatchObject({ consumed: 0, over: false });
  });
});
