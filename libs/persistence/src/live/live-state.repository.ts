import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DilemmaKind, DilemmaStatus, EveningStatus, JoinMode, VoteChoice } from '@hs/contracts';
import type { DilemmaWithOptions } from '../dilemmas/dilemma.repository';

export interface EveningSummary {
  id: string;
  title: string;
  status: EveningStatus;
  joinMode: JoinMode;
}

/** What a vote is checked against; fixed once a dilemma is open, so the gateway may cache it. */
export interface DilemmaDefinition {
  id: string;
  eveningId: string;
  kind: DilemmaKind;
  optionIds: string[];
  maxChoices: number | null;
  budget: number | null;
  status: DilemmaStatus;
  round: number;
  revealed: boolean;
}

/** The reads behind the live `state` event (besides DilemmaRepository's): small indexed queries, no scans. */
@Injectable()
export class LiveStateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findEvening(id: string): Promise<EveningSummary | null> {
    const rows: Array<{ id: string; title: string; status: EveningStatus; join_mode: JoinMode }> = await this.dataSource.query(
      'SELECT id, title, status, join_mode FROM evening WHERE id = $1',
      [id],
    );
    return rows[0] ? { id: rows[0].id, title: rows[0].title, status: rows[0].status, joinMode: rows[0].join_mode } : null;
  }

  async findJoinCode(eveningId: string): Promise<string | null> {
    const rows: Array<{ join_code: string }> = await this.dataSource.query('SELECT join_code FROM evening WHERE id = $1', [
      eveningId,
    ]);
    return rows[0]?.join_code ?? null;
  }

  async findMyVote(
    participantId: string,
    dilemmaId: string,
    round: number,
  ): Promise<{ voteId: string; choice: VoteChoice } | null> {
    const rows: Array<{ id: string; choice: VoteChoice }> = await this.dataSource.query(
      'SELECT id, choice FROM vote WHERE participant_id = $1 AND dilemma_id = $2 AND round = $3',
      [participantId, dilemmaId, round],
    );
    return rows[0] ? { voteId: rows[0].id, choice: rows[0].choice } : null;
  }
}

export function toDefinition(row: DilemmaWithOptions): DilemmaDefinition {
  const { dilemma, options } = row;
  return {
    id: dilemma.id,
    eveningId: dilemma.eveningId,
    kind: dilemma.kind,
    optionIds: options.map((o) => o.id),
    maxChoices: dilemma.maxChoices,
    budget: dilemma.budget,
    status: dilemma.status,
    round: dilemma.round,
    revealed: dilemma.revealed,
  };
}
