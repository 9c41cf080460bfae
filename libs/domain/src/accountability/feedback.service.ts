import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import type { FeedbackHistoryEntry, PublicFinding } from '@hs/contracts';
import { FindingRepository, RegisterRepository, RoundRepository } from '@hs/persistence';
import { amsterdamDay } from './finding-rules';
import { renderLetterPdf } from './letter-pdf';

export interface FeedbackQuery {
  municipality?: string;
  roundId?: string;
}

/**
 * What tenants may read of "u zei, wij deden": published findings only, with the response, the outcome, the
 * agreements that answer them and their history (publication, later changes, the agreements' status moves).
 */
@Injectable()
export class FeedbackService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly findings: FindingRepository,
    private readonly register: RegisterRepository,
    private readonly rounds: RoundRepository,
  ) {}

  async published(query: FeedbackQuery): Promise<PublicFinding[]> {
    const findings = await this.findings.list({
      state: 'published',
      municipalities: query.municipality ? [query.municipality] : undefined,
      roundId: query.roundId,
    });
    const ids = findings.map((f) => f.id);
    const [links, events] = await Promise.all([this.findings.links(ids), this.findings.events(ids)]);
    const agreementIds = [...new Set(links.map((l) => l.agreementId))];
    const [agreements, timeline, rounds] = await Promise.all([
      this.register.findAgreements(agreementIds),
      this.register.events(agreementIds),
      findings.some((f) => f.roundId) ? this.rounds.list() : [],
    ]);
    const roundById = new Map(rounds.map((r) => [r.id, { id: r.id, name: r.name, year: r.year }]));
    const agreementById = new Map(agreements.map((a) => [a.id, a]));

    return findings.map((f) => {
      const linked = links.filter((l) => l.findingId === f.id).flatMap((l) => agreementById.get(l.agreementId) ?? []);
      const history: FeedbackHistoryEntry[] = [
        ...events
          .filter((e) => e.findingId === f.id)
          .map((e) => ({ on: amsterdamDay(e.at), kind: e.kind, ...(e.outcome ? { outcome: e.outcome } : {}) })),
        ...timeline
          .filter((e) => e.kind === 'status' && linked.some((a) => a.id === e.agreementId))
          .map((e) => ({
            on: e.on,
            kind: 'agreement' as const,
            agreementStatus: e.toStatus!,
            agreementText: agreementById.get(e.agreementId)!.text,
          })),
      ].sort((a, b) => a.on.localeCompare(b.on));
      return {
        id: f.id,
        municipality: f.municipality,
        roundId: f.roundId,
        round: (f.roundId && roundById.get(f.roundId)) || null,
        text: f.text,
        translations: f.translations,
        quotes: f.quotes,
        response: f.response,
        responseTranslations: f.responseTranslations,
        outcome: f.outcome,
        publishedAt: f.publishedAt!.toISOString(),
        agreements: linked.map((a) => ({ id: a.id, text: a.text, party: a.party, status: a.status, year: a.year })),
        history,
      };
    });
  }

  /** The municipalities with published findings, for the public page's choice. */
  async municipalities(): Promise<string[]> {
    const findings = await this.findings.list({ state: 'published' });
    const seen = new Map<string, string>();
    for (const f of findings) seen.set(f.municipality.toLocaleLowerCase('nl-NL'), f.municipality);
    return [...seen.values()].sort((a, b) => a.localeCompare(b, 'nl'));
  }

  /** The printable A4 letter of one municipality (optionally one round). */
  async letter(query: FeedbackQuery & { municipality: string }): Promise<Buffer> {
    const findings = await this.published(query);
    const params = new URLSearchParams({ gemeente: query.municipality, ...(query.roundId ? { ronde: query.roundId } : {}) });
    return renderLetterPdf(findings, {
      municipality: findings[0]?.municipality ?? query.municipality,
      createdAt: new Date(),
      pageUrl: `${this.config.publicUrl}/terugkoppeling?${params}`,
    });
  }
}
