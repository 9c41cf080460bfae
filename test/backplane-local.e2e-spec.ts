import { AGGREGATION_QUEUE, jobIds } from '@hs/contracts';
import { loadConfig } from '@hs/config';
import { DilemmaResultEntity, newQueue } from '@hs/persistence';
import { aDilemma, anEvening, castVotes, times } from './support/aggregation-builders';
import { bootTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * BACKPLANE=local keeps the job queue in PostgreSQL (BullMQ's PostgreSQL backend): a job queued while
 * no process runs is still there when one starts, and the worker in that process does it.
 */
describe('the local backplane keeps queued jobs in PostgreSQL (e2e)', () => {
  let t: TestApp | undefined;
  afterAll(async () => {
    await t?.close();
  });

  it('runs an aggregation that was queued before the process started', async () => {
    const config = loadConfig({ ...process.env, BACKPLANE: 'local' });
    // Builders write straight to the run's database; the app that will aggregate is not running yet.
    const seeder = await bootTestApp({ BACKPLANE: 'local', ROLE: 'all' });
    const evening = await anEvening().titled('Avond zonder Redis').save(seeder.dataSource);
    const { dilemma, options } = await aDilemma().of(evening).save(seeder.dataSource);
    await castVotes(
      seeder.dataSource,
      evening,
      dilemma,
      times(7, { group: 'tenant' as const, choice: { optionIds: [options[0].id] } }),
    );
    await seeder.close();

    const queue = newQueue(config, AGGREGATION_QUEUE, {});
    await queue.add('aggregate-dilemma', { dilemmaId: dilemma.id }, { jobId: jobIds.aggregateDilemma(dilemma.id, 1) });
    expect(await queue.getJobCounts('waiting')).toMatchObject({ waiting: expect.any(Number) });
    await queue.close();

    t = await bootTestApp({ BACKPLANE: 'local', ROLE: 'all' });
    expect(t.config.backplane).toBe('local');
    const stored = () => t!.dataSource.getRepository(DilemmaResultEntity).find({ where: { dilemmaId: dilemma.id } });
    await waitFor('the queued aggregation to run', async () => (await stored()).length === 1);
    expect((await stored())[0]).toMatchObject({ round: 1 });
  }, 120_000);
});
