import type { DilemmaView } from '@hs/contracts';
import { createDilemma, createEvening, type EveningBody } from './evening-builders';
import type { StaffSession, TestApp } from './test-app';

/** A live evening with dilemmas, made over the real HTTP API: `await aLiveEvening(t, staff).withDilemma('choice', 3).build()`. */
export function aLiveEvening(t: TestApp, staff: StaffSession, overrides: Record<string, unknown> = {}) {
  const dilemmas: Array<Record<string, unknown>> = [];
  const builder = {
    withDilemma(kind: 'choice' | 'multi' | 'budget' | 'scale', options = 3, extra: Record<string, unknown> = {}) {
      dilemmas.push({
        kind,
        question: `Vraag ${dilemmas.length + 1} (${kind})`,
        options:
          kind === 'scale' ? [] : Array.from({ length: options }, (_, i) => ({ label: `Optie ${i + 1}`, consequence: null })),
        ...(kind === 'multi' ? { maxChoices: 2 } : {}),
        ...(kind === 'budget' ? { budget: 10 } : {}),
        ...extra,
      });
      return builder;
    },
    async build(): Promise<{ evening: EveningBody; dilemmas: DilemmaView[] }> {
      const evening = await createEvening(t, staff, overrides, 'live');
      const made: DilemmaView[] = [];
      for (const d of dilemmas) made.push(await createDilemma(t, staff, evening.id, d));
      return { evening, dilemmas: made };
    },
  };
  return builder;
}

export async function transition(
  t: TestApp,
  staff: StaffSession,
  dilemmaId: string,
  move: 'open' | 'close' | 'reveal' | 'revote',
) {
  const response = await t.http.post(`/api/dilemmas/${dilemmaId}/${move}`).set(staff.auth);
  if (response.status !== 200) throw new Error(`${move}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as DilemmaView;
}
