import type { DilemmaEntity, DilemmaOptionEntity } from '@hs/persistence';
import { toDilemmaView } from './dilemma.mapper';

describe('toDilemmaView', () => {
  it('gives the contract shape with options in position order and nothing internal', () => {
    const dilemma = {
      id: 'd1',
      eveningId: 'e1',
      position: 3,
      theme: 'betaalbaarheid',
      question: 'Huur of isolatie?',
      description: null,
      kind: 'multi',
      maxChoices: 2,
      budget: null,
      status: 'open',
      round: 2,
      revealed: false,
      translations: { fy: { question: 'Hier of isolaasje?' } },
      linkKey: 'x',
      touchedAt: new Date(),
      createdAt: new Date(),
      updatedAt: new Date(),
    } as DilemmaEntity;
    const options = [
      { id: 'o2', dilemmaId: 'd1', position: 2, label: 'Later isoleren', consequence: null },
      {
        id: 'o1',
        dilemmaId: 'd1',
        position: 1,
        label: 'Huur +1,5%',
        consequence: 'huur +1,5% per jaar',
        translations: { en: { label: 'Rent +1.5%' } },
      },
    ] as DilemmaOptionEntity[];
    expect(toDilemmaView(dilemma, options)).toEqual({
      id: 'd1',
      eveningId: 'e1',
      position: 3,
      theme: 'betaalbaarheid',
      question: 'Huur of isolatie?',
      description: null,
      kind: 'multi',
      options: [
        { id: 'o1', label: 'Huur +1,5%', consequence: 'huur +1,5% per jaar', translations: { en: { label: 'Rent +1.5%' } } },
        { id: 'o2', label: 'Later isoleren', consequence: null, translations: {} },
      ],
      maxChoices: 2,
      budget: null,
      status: 'open',
      round: 2,
      revealed: false,
      countdown: null,
      translations: { fy: { question: 'Hier of isolaasje?' } },
    });
  });
});
