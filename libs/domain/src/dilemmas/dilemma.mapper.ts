import type { DilemmaView } from '@hs/contracts';
import type { DilemmaEntity, DilemmaOptionEntity } from '@hs/persistence';

/**
 * The one shape of a dilemma that leaves the server, over HTTP and over the socket alike
 * (docs/API.md, Dilemmas). Options come out in position order whatever order they were given in.
 */
export function toDilemmaView(
  dilemma: DilemmaEntity,
  options: Array<
    Pick<DilemmaOptionEntity, 'id' | 'label' | 'consequence' | 'position'> & Partial<Pick<DilemmaOptionEntity, 'translations'>>
  >,
): DilemmaView {
  return {
    id: dilemma.id,
    eveningId: dilemma.eveningId,
    position: dilemma.position,
    theme: dilemma.theme,
    question: dilemma.question,
    description: dilemma.description,
    kind: dilemma.kind,
    options: [...options]
      .sort((a, b) => a.position - b.position)
      .map((option) => ({
        id: option.id,
        label: option.label,
        consequence: option.consequence,
        translations: option.translations ?? {},
      })),
    maxChoices: dilemma.maxChoices,
    budget: dilemma.budget,
    status: dilemma.status,
    round: dilemma.round,
    revealed: dilemma.revealed,
    countdown:
      dilemma.countdownSeconds === null || dilemma.countdownSeconds === undefined
        ? null
        : {
            seconds: dilemma.countdownSeconds,
            closeAtZero: dilemma.countdownClose,
            endsAt: dilemma.status === 'open' && dilemma.countdownEndsAt ? dilemma.countdownEndsAt.toISOString() : null,
          },
    translations: dilemma.translations ?? {},
  };
}
