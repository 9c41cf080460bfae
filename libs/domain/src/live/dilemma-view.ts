import type { DilemmaView } from '@hs/contracts';
import type { DilemmaRow } from '@hs/persistence';

/**
 * The dilemma as it leaves the server. Stand-in until the evenings branch's toDilemmaView
 * (libs/domain/src/dilemmas/dilemma.mapper.ts) is in main; same shape.
 */
export function liveDilemmaView({ dilemma, options }: DilemmaRow): DilemmaView {
  return {
    id: dilemma.id,
    eveningId: dilemma.eveningId,
    position: dilemma.position,
    theme: dilemma.theme,
    question: dilemma.question,
    description: dilemma.description,
    kind: dilemma.kind,
    options: options.map((o) => ({ id: o.id, label: o.label, consequence: o.consequence })),
    maxChoices: dilemma.maxChoices,
    budget: dilemma.budget,
    status: dilemma.status,
    round: dilemma.round,
    revealed: dilemma.revealed,
  };
}
