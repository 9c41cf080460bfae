import type { DilemmaStatus } from '@hs/contracts';

/** What the flow rules need of a dilemma. */
export interface FlowDilemma {
  id: string;
  position: number;
  status: DilemmaStatus;
  /** The last transition's time (null: never touched). */
  touchedAt: Date | null;
}

export interface NextStep {
  /** The open dilemma, to close first; null when none is open. */
  close: string | null;
  /** The dilemma to open; null when no draft is left. */
  open: string | null;
}

/**
 * "Volgende vraag": close the open dilemma and open the first draft after it on the agenda. Without an open
 * one, the first draft after the last one touched (where the evening got to); when no draft follows, the
 * first draft left before it (a question that was skipped); none at all: nothing to open.
 */
export function nextStep(dilemmas: readonly FlowDilemma[]): NextStep {
  const open = dilemmas.find((d) => d.status === 'open') ?? null;
  const touched = dilemmas.filter((d) => d.touchedAt !== null).sort((a, b) => b.touchedAt!.getTime() - a.touchedAt!.getTime())[0];
  const anchor = open ?? touched ?? null;
  const drafts = dilemmas.filter((d) => d.status === 'draft').sort((a, b) => a.position - b.position);
  const after = anchor ? drafts.find((d) => d.position > anchor.position) : drafts[0];
  return { close: open?.id ?? null, open: (after ?? drafts[0])?.id ?? null };
}

export const COUNTDOWN_MIN_SECONDS = 5;
export const COUNTDOWN_MAX_SECONDS = 3600;

/** A countdown is whole seconds from 5 seconds to an hour. */
export function isCountdownLength(seconds: unknown): seconds is number {
  return (
    typeof seconds === 'number' &&
    Number.isInteger(seconds) &&
    seconds >= COUNTDOWN_MIN_SECONDS &&
    seconds <= COUNTDOWN_MAX_SECONDS
  );
}
