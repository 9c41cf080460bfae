import { jobIds } from './queues';

describe('jobIds', () => {
  it('never contain a colon, which BullMQ refuses in custom job ids', () => {
    const id = '6f1c2a8e-3b9d-4c1e-9a7f-2d5e8b0c4a11';
    for (const jobId of [jobIds.aggregateDilemma(id, `2-${Date.now()}`), jobIds.aggregateEvening(id), jobIds.renderReport(id)]) {
      expect(jobId).not.toContain(':');
      expect(jobId).toContain(id);
    }
  });

  it('are deterministic, so queueing the same work twice runs it once', () => {
    expect(jobIds.aggregateEvening('e')).toBe(jobIds.aggregateEvening('e'));
    expect(jobIds.aggregateDilemma('d', 1)).not.toBe(jobIds.aggregateDilemma('d', 2));
  });
});
