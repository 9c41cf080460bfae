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
