import type { DilemmaView, LiveBusEventName, LiveBusMessage } from '@hs/contracts';
import { LIVE_BUS, type LiveBus } from '@hs/domain';
import type { StaffSession, TestApp } from './test-app';

/** Builders for the evenings and dilemmas tests: an evening in the state a test needs, over HTTP. */
export interface EveningBody {
  id: string;
  title: string;
  municipality: string;
  venue: string;
  startsAt: string;
  capacity: number | null;
  joinMode: 'open' | 'cards';
  status: 'draft' | 'published' | 'live' | 'ended';
  joinCode: string;
}

export function anEveningInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Bewonersavond Leeuwarden',
    municipality: 'Leeuwarden',
    venue: 'Wijkcentrum De Vlietzone',
    startsAt: '2026-03-12T19:30:00+01:00',
    ...overrides,
  };
}

export async function createEvening(
  t: TestApp,
  staff: StaffSession,
  overrides: Record<string, unknown> = {},
  state: EveningBody['status'] = 'draft',
): Promise<EveningBody> {
  const created = await t.http.post('/api/evenings').set(staff.auth).send(anEveningInput(overrides)).expect(201);
  const path = `/api/evenings/${created.body.id}`;
  let body = created.body as EveningBody;
  const steps: Array<[EveningBody['status'], string]> = [
    ['published', 'publish'],
    ['live', 'start'],
    ['ended', 'end'],
  ];
  for (const [reached, action] of steps) {
    if (body.status === state) break;
    body = (await t.http.post(`${path}/${action}`).set(staff.auth).expect(200)).body;
    expect(body.status).toBe(reached);
  }
  return body;
}

export function aChoiceDilemma(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    theme: 'betaalbaarheid',
    question: 'Liever nu isoleren of de huur gelijk houden?',
    kind: 'choice',
    options: [
      { label: 'Nu isoleren', consequence: 'huur +1,5% per jaar' },
      { label: 'Huur gelijk', consequence: 'isolatie 5 jaar later' },
    ],
    ...overrides,
  };
}

export async function createDilemma(
  t: TestApp,
  staff: StaffSession,
  eveningId: string,
  overrides: Record<string, unknown> = {},
): Promise<DilemmaView> {
  const response = await t.http.post(`/api/evenings/${eveningId}/dilemmas`).set(staff.auth).send(aChoiceDilemma(overrides));
  if (response.status !== 201) throw new Error(`dilemma create: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as DilemmaView;
}

/** Records what the app publishes on the live bus; `seen` waits (for a condition, not a time) until a matching event arrived. */
export async function recordLiveBus(t: TestApp) {
  const events: LiveBusMessage[] = [];
  const bus = t.app.get<LiveBus>(LIVE_BUS);
  bus.onMessage((message) => events.push(message));
  await bus.listen();
  return {
    events,
    async seen(event: LiveBusEventName, payload: Record<string, unknown>): Promise<boolean> {
      for (let i = 0; i < 250; i++) {
        if (events.some((e) => e.event === event && JSON.stringify(e.payload) === JSON.stringify(payload))) return true;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return false;
    },
  };
}

/**
 * Translations a dilemma or a template must refuse with a 400 (each entry: what is wrong, and the body part that is):
 * unknown languages and fields, wrong types, blank and over-long texts, on the dilemma and on an option.
 */
export const BAD_TRANSLATIONS: Array<[string, Record<string, unknown>]> = [
  ['an unknown language key', { translations: { de: { question: 'Zuerst dämmen?' } } }],
  ['a language as a string', { translations: { fy: 'Earst isolearje?' } }],
  ['translations as an array', { translations: [{ question: 'x' }] }],
  ['a number as question', { translations: { en: { question: 42 } } }],
  ['an unknown field', { translations: { en: { title: 'Insulate?' } } }],
  ['a blank question', { translations: { en: { question: '   ' } } }],
  ['a huge question', { translations: { fy: { question: 'a'.repeat(501) } } }],
  ['a huge description', { translations: { en: { description: 'a'.repeat(4001) } } }],
  ['an unknown language on an option', { options: [{ label: 'A', translations: { nds: { label: 'A' } } }, { label: 'B' }] }],
  ['a number as option label', { options: [{ label: 'A', translations: { fy: { label: 7 } } }, { label: 'B' }] }],
  ['a huge option label', { options: [{ label: 'A', translations: { fy: { label: 'a'.repeat(201) } } }, { label: 'B' }] }],
  ['a huge consequence', { options: [{ label: 'A', translations: { en: { consequence: 'a'.repeat(1001) } } }, { label: 'B' }] }],
];
