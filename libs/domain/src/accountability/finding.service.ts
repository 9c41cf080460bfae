import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@hs/config';
import { DomainError, type FindingOutcome, type FrozenQuote, type OptionResult, type TextTranslations } from '@hs/contracts';
import { AggregationRepository, type FindingEntity, FindingRepository, RegisterRepository } from '@hs/persistence';
import { AggregationService } from '../aggregation/aggregation.service';
import { AuditService } from '../audit/audit.service';
import { looksLikeUuid } from '../evenings/uuid';
import { assertFindingPatch, type FindingPatch, freezeQuote, historyOf } from './finding-rules';
import { allowsMunicipality, outOfScope, type StaffScope } from '../scope/staff-scope';
import { narrowTo } from './register.service';
import { type FindingView, toFindingView } from './register-views';

export interface QuoteRequest {
  dilemmaId: string;
  optionId: string;
  /** The voting round; the latest when absent. */
  round?: number;
}

export interface FindingInput {
  municipality: string;
  roundId?: string | null;
  text: string;
  translations?: TextTranslations;
  quotes: QuoteRequest[];
  response?: string;
  responseTranslations?: TextTranslations;
  outcome?: FindingOutcome;
  agreementIds?: string[];
}

export type FindingUpdate = Omit<Partial<FindingInput>, 'municipality'>;

const sameMunicipality = (a: string, b: string) => a.trim().toLocaleLowerCase('nl-NL') === b.trim().toLocaleLowerCase('nl-NL');

/**
 * "U zei, wij deden": the policy team's findings. Quoted figures are copied from the results when the quote is
 * made (store the figures, not a reference), so a later vote or recount never changes a published sentence.
 */
@Injectable()
export class FindingService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly findings: FindingRepository,
    private readonly register: RegisterRepository,
    private readonly sources: AggregationRepository,
    private readonly aggregation: AggregationService,
    private readonly audit: AuditService,
  ) {}

  async create(actorId: string, input: FindingInput): Promise<FindingView> {
    const municipality = input.municipality.trim();
    const quotes = await this.freeze(municipality, input.quotes);
    const agreementIds = await this.checkAgreements(municipality, input.agreementIds ?? []);
    const finding = await this.findings.insert(
      {
        municipality,
        roundId: input.roundId ?? null,
        text: input.text,
        translations: input.translations ?? {},
        quotes,
        response: input.response ?? '',
        responseTranslations: input.responseTranslations ?? {},
        outcome: input.outcome ?? 'in_behandeling',
        createdBy: actorId,
      },
      agreementIds,
    );
    await this.audit.record(actorId, 'finding.create', 'finding', finding.id, { municipality, quotes: quotes.length });
    return toFindingView(finding, agreementIds);
  }

  async list(
    scope: StaffScope,
    query: { municipality?: string; roundId?: string; state?: 'draft' | 'published' },
  ): Promise<FindingView[]> {
    const findings = await this.findings.list({
      municipalities: narrowTo(scope, query.municipality),
      roundId: query.roundId,
      state: query.state,
    });
    return this.views(findings);
  }

  async get(scope: StaffScope, id: string): Promise<FindingView> {
    const finding = await this.found(id);
    if (!allowsMunicipality(scope, finding.municipality)) throw outOfScope();
    return (await this.views([finding]))[0];
  }

  /** A draft changes freely; a published finding only in what was done with it (409 otherwise), each change in its history. */
  async update(actorId: string, id: string, input: FindingUpdate): Promise<FindingView> {
    const current = await this.found(id);
    const patch: FindingPatch = { ...input };
    assertFindingPatch(current.state, patch);
    const quotes = input.quotes ? await this.freeze(current.municipality, input.quotes) : undefined;
    const agreementIds = input.agreementIds ? await this.checkAgreements(current.municipality, input.agreementIds) : undefined;
    const updated = await this.findings.edit(id, (locked) => {
      assertFindingPatch(locked.state, patch);
      return {
        changes: definedOnly({
          roundId: input.roundId,
          text: input.text,
          translations: input.translations,
          quotes,
          response: input.response,
          responseTranslations: input.responseTranslations,
          outcome: input.outcome,
        }),
        agreementIds,
        events: historyOf(locked, patch),
      };
    });
    if (!updated) throw findingNotFound();
    await this.audit.record(actorId, 'finding.update', 'finding', id, { fields: Object.keys(definedOnly({ ...input })) });
    return (await this.views([updated]))[0];
  }

  async publish(actorId: string, id: string): Promise<FindingView> {
    await this.found(id);
    const published = await this.findings.publish(id);
    if (!published) throw new DomainError('FINDING_PUBLISHED', 'Deze bevinding is al gepubliceerd.');
    await this.audit.record(actorId, 'finding.publish', 'finding', id, { municipality: published.municipality });
    return (await this.views([published]))[0];
  }

  private async found(id: string): Promise<FindingEntity> {
    const finding = looksLikeUuid(id) ? await this.findings.findById(id) : null;
    if (!finding) throw findingNotFound();
    return finding;
  }

  private async views(findings: FindingEntity[]): Promise<FindingView[]> {
    const links = await this.findings.links(findings.map((f) => f.id));
    return findings.map((f) =>
      toFindingView(
        f,
        links.filter((l) => l.findingId === f.id).map((l) => l.agreementId),
      ),
    );
  }

  /** Copies the quoted figures now. A quote must come from an evening of the finding's own municipality (400). */
  private async freeze(municipality: string, requests: QuoteRequest[]): Promise<FrozenQuote[]> {
    const asOf = new Date();
    const quotes: FrozenQuote[] = [];
    for (const request of requests) {
      const [source] = looksLikeUuid(request.dilemmaId)
        ? await this.sources.dilemmaSources({ dilemmaIds: [request.dilemmaId] })
        : [];
      if (!source) throw new DomainError('INVALID_QUOTE', `Dilemma ${request.dilemmaId} bestaat niet.`);
      if (!sameMunicipality(source.eveningMunicipality, municipality)) {
        throw new DomainError(
          'INVALID_QUOTE',
          `Dit dilemma is niet gesteld in ${municipality}: citeer alleen uitkomsten van de eigen gemeente.`,
        );
      }
      if (request.round !== undefined && request.round > source.round) {
        throw new DomainError('INVALID_QUOTE', `Ronde ${request.round} van dit dilemma bestaat (nog) niet.`);
      }
      const results = await this.aggregation.dilemmaResults(source.id, request.round, 'group');
      // Suppression is decided with the results (docs/METHODS.md §4): a suppressed round has no figure to quote.
      if (results.suppressed || results.total === null) {
        throw new DomainError(
          'INVALID_QUOTE',
          `Minder dan ${this.config.suppressBelow} mensen stemden hierover: dit cijfer wordt niet getoond.`,
        );
      }
      quotes.push(
        freezeQuote(
          {
            dilemmaId: source.id,
            question: source.question,
            kind: source.kind,
            round: results.round,
            total: results.total,
            options: results.options.filter((o) => !o.suppressed) as OptionResult[],
          },
          request.optionId,
          asOf,
          this.config.suppressBelow,
        ),
      );
    }
    return quotes;
  }

  /** Linked agreements must exist and belong to the finding's municipality (400 otherwise). */
  private async checkAgreements(municipality: string, ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = await this.register.findAgreements(unique.filter(looksLikeUuid));
    const ok = found.filter((a) => sameMunicipality(a.municipality, municipality));
    if (ok.length !== unique.length) {
      throw new DomainError('VALIDATION_FAILED', `Koppel alleen bestaande afspraken van ${municipality}.`);
    }
    return unique;
  }
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function findingNotFound(): DomainError {
  return new DomainError('FINDING_NOT_FOUND', 'Deze bevinding bestaat niet.');
}
