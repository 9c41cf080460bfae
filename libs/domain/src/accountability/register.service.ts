import { Injectable } from '@nestjs/common';
import { type AgreementParty, type AgreementStatus, DomainError } from '@hs/contracts';
import { AdviceRepository, type AgreementEntity, RegisterRepository, type WoonvisieThemeEntity } from '@hs/persistence';
import { AuditService } from '../audit/audit.service';
import { looksLikeUuid } from '../evenings/uuid';
import { assertAgreementMove, INITIAL_AGREEMENT_STATUSES } from './agreement-status';
import { amsterdamDay } from './finding-rules';
import { allowsMunicipality, EVERYTHING, narrowMunicipalities, outOfScope, type StaffScope } from '../scope/staff-scope';
import {
  type AgreementDetailView,
  type AgreementView,
  toAdviceView,
  toAgreementView,
  toEventView,
  toWoonvisieThemeView,
  type WoonvisieThemeView,
} from './register-views';

export interface RegisterQuery {
  municipality?: string;
  year?: number;
  status?: AgreementStatus;
}

export interface NewAgreementInput {
  municipality: string;
  year: number;
  themeId?: string | null;
  text: string;
  party: AgreementParty;
  status?: AgreementStatus;
  on?: string;
}

/**
 * The agreements register per municipality and year: woonvisie themes, bid items and agreements, their status
 * moves and mid-year evaluations. Every change is audited; reads are narrowed to the caller's municipalities.
 */
@Injectable()
export class RegisterService {
  constructor(
    private readonly register: RegisterRepository,
    private readonly advice: AdviceRepository,
    private readonly audit: AuditService,
  ) {}

  async createTheme(actorId: string, input: { municipality: string; year: number; name: string; description?: string }) {
    const theme = await this.register.insertTheme({
      municipality: input.municipality.trim(),
      year: input.year,
      name: input.name,
      description: input.description ?? '',
    });
    await this.audit.record(actorId, 'register.theme.create', 'woonvisie_theme', theme.id, {
      municipality: theme.municipality,
      year: theme.year,
    });
    return toWoonvisieThemeView(theme);
  }

  async listThemes(scope: StaffScope, query: RegisterQuery): Promise<WoonvisieThemeView[]> {
    const themes = await this.register.listThemes({ municipalities: narrowTo(scope, query.municipality), year: query.year });
    return themes.map(toWoonvisieThemeView);
  }

  async createAgreement(actorId: string, input: NewAgreementInput): Promise<AgreementView> {
    const status = input.status ?? 'bod';
    if (!INITIAL_AGREEMENT_STATUSES.includes(status)) {
      throw new DomainError('VALIDATION_FAILED', `Een nieuw item begint als ${INITIAL_AGREEMENT_STATUSES.join(' of ')}.`);
    }
    const municipality = input.municipality.trim();
    const theme = await this.themeFor(input.themeId ?? null, municipality, input.year);
    const agreement = await this.register.insertAgreement({
      municipality,
      year: input.year,
      themeId: theme?.id ?? null,
      text: input.text,
      party: input.party,
      status,
      statusSince: input.on ?? amsterdamDay(new Date()),
      createdBy: actorId,
    });
    await this.audit.record(actorId, 'agreement.create', 'agreement', agreement.id, { municipality, year: input.year, status });
    return this.view(agreement);
  }

  async listAgreements(scope: StaffScope, query: RegisterQuery): Promise<AgreementView[]> {
    const agreements = await this.register.listAgreements({
      municipalities: narrowTo(scope, query.municipality),
      year: query.year,
      status: query.status,
    });
    const [themes, advice] = await Promise.all([
      this.register.listThemes({ municipalities: [...new Set(agreements.map((a) => a.municipality))] }),
      this.advice.forAgreements(agreements.map((a) => a.id)),
    ]);
    const byId = new Map(themes.map((t) => [t.id, t]));
    return agreements.map((a) => toAgreementView(a, byId, advice));
  }

  async getAgreement(scope: StaffScope, id: string): Promise<AgreementDetailView> {
    const agreement = await this.readable(scope, id);
    const [view, events, advice] = await Promise.all([
      this.view(agreement),
      this.register.events([id]),
      this.advice.forAgreements([id]),
    ]);
    return { ...view, timeline: events.map(toEventView), adviceItems: advice.map(toAdviceView) };
  }

  async updateAgreement(
    actorId: string,
    id: string,
    changes: { text?: string; party?: AgreementParty; themeId?: string | null },
  ): Promise<AgreementView> {
    const agreement = await this.found(id);
    if (changes.themeId !== undefined) await this.themeFor(changes.themeId, agreement.municipality, agreement.year);
    const updated = await this.register.updateAgreement(id, changes);
    if (!updated) throw agreementNotFound();
    await this.audit.record(actorId, 'agreement.update', 'agreement', id, { fields: Object.keys(changes) });
    return this.view(updated);
  }

  /** A status move (409 when the rule does not allow it), with its date and an optional note. */
  async move(
    actorId: string,
    id: string,
    input: { status: AgreementStatus; on?: string; note?: string },
  ): Promise<AgreementView> {
    if (!looksLikeUuid(id)) throw agreementNotFound();
    let from: AgreementStatus | null = null;
    const moved = await this.register.moveAgreement(
      id,
      { to: input.status, on: input.on ?? amsterdamDay(new Date()), note: input.note ?? '', actorId },
      (current) => {
        from = current;
        assertAgreementMove(current, input.status);
      },
    );
    if (!moved) throw agreementNotFound();
    await this.audit.record(actorId, 'agreement.status', 'agreement', id, { from, to: input.status });
    return this.view(moved);
  }

  /** A mid-year evaluation note (tussentijdse evaluatie) on the agreement's timeline. */
  async evaluate(actorId: string, id: string, input: { note: string; on?: string }): Promise<AgreementDetailView> {
    await this.found(id);
    await this.register.addEvaluation(id, input.on ?? amsterdamDay(new Date()), input.note, actorId);
    await this.audit.record(actorId, 'agreement.evaluate', 'agreement', id, {});
    return this.getAgreement(EVERYTHING, id);
  }

  /** The agreement if it exists and the caller may read its municipality (404, then 403). */
  async readable(scope: StaffScope, id: string): Promise<AgreementEntity> {
    const agreement = await this.found(id);
    if (!allowsMunicipality(scope, agreement.municipality)) throw outOfScope();
    return agreement;
  }

  private async found(id: string): Promise<AgreementEntity> {
    const agreement = looksLikeUuid(id) ? await this.register.findAgreement(id) : null;
    if (!agreement) throw agreementNotFound();
    return agreement;
  }

  /** A theme must belong to the same municipality and year as the item under it (400 otherwise). */
  private async themeFor(themeId: string | null, municipality: string, year: number): Promise<WoonvisieThemeEntity | null> {
    if (themeId === null) return null;
    const theme = looksLikeUuid(themeId) ? await this.register.findTheme(themeId) : null;
    const same =
      theme && theme.year === year && theme.municipality.toLocaleLowerCase('nl-NL') === municipality.toLocaleLowerCase('nl-NL');
    if (!theme || !same) {
      throw new DomainError('VALIDATION_FAILED', 'Dit woonvisiethema bestaat niet voor deze gemeente en dit jaar.');
    }
    return theme;
  }

  private async view(agreement: AgreementEntity): Promise<AgreementView> {
    const [theme, advice] = await Promise.all([
      agreement.themeId ? this.register.findTheme(agreement.themeId) : null,
      this.advice.forAgreements([agreement.id]),
    ]);
    return toAgreementView(agreement, new Map(theme ? [[theme.id, theme]] : []), advice);
  }
}

/**
 * The one municipality a register or findings list asks for, narrowed to the caller's scope (staff-scope.ts): absent
 * means all of theirs; another municipality is refused (403), not answered with less.
 */
export function narrowTo(scope: StaffScope, municipality: string | undefined): string[] | undefined {
  return narrowMunicipalities(scope, municipality === undefined ? undefined : [municipality]);
}

export function agreementNotFound(): DomainError {
  return new DomainError('AGREEMENT_NOT_FOUND', 'Deze afspraak bestaat niet.');
}
