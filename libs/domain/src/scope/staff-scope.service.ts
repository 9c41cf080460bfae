import { Injectable } from '@nestjs/common';
import { DomainError, isScopedRole } from '@hs/contracts';
import {
  AdviceRepository,
  DilemmaRepository,
  EveningRepository,
  FindingRepository,
  RegisterRepository,
  ReportRepository,
  StaffUserRepository,
} from '@hs/persistence';
import type { StaffPrincipal } from '../auth/token.service';
import { looksLikeUuid } from '../evenings/uuid';
import {
  allowsAll,
  allowsMunicipality,
  assertAllowsAll,
  eveningMunicipalities,
  EVERYTHING,
  isRestricted,
  outOfScope,
  scopeOf,
  type StaffScope,
} from './staff-scope';

/** The kinds of record a scoped route names by its `:id`; the guard checks that record against the caller's scope. */
export const SCOPED_RESOURCES = ['evening', 'dilemma', 'report', 'agreement', 'advice', 'finding'] as const;
export type ScopedResource = (typeof SCOPED_RESOURCES)[number];

/**
 * Turns a signed-in staff member into a scope (one database read, for the scoped roles only, so a changed or removed
 * account takes effect at once) and checks single records against it. An unknown id passes here: the route itself
 * answers 404, as it does for everyone.
 */
@Injectable()
export class StaffScopeService {
  constructor(
    private readonly users: StaffUserRepository,
    private readonly evenings: EveningRepository,
    private readonly dilemmas: DilemmaRepository,
    private readonly reports: ReportRepository,
    private readonly register: RegisterRepository,
    private readonly advice: AdviceRepository,
    private readonly findings: FindingRepository,
  ) {}

  async of(principal: StaffPrincipal): Promise<StaffScope> {
    if (!isScopedRole(principal.role)) return EVERYTHING;
    const user = await this.users.findById(principal.userId);
    if (!user || user.role !== principal.role) throw new DomainError('UNAUTHORIZED', 'Dit account bestaat niet meer.');
    return scopeOf(user);
  }

  async assertResource(scope: StaffScope, resource: ScopedResource, id: string): Promise<void> {
    if (!isRestricted(scope) || !looksLikeUuid(id)) return;
    switch (resource) {
      case 'evening':
        return this.assertEvening(scope, id);
      case 'dilemma': {
        const found = await this.dilemmas.findWithOptions(id);
        if (found) await this.assertEvening(scope, found.dilemma.eveningId);
        return;
      }
      case 'report': {
        const report = await this.reports.find(id);
        if (report && !(await this.allowsReportScope(scope, report.scope))) throw outOfScope();
        return;
      }
      case 'agreement':
        return this.assertAgreement(scope, id);
      case 'advice': {
        const advice = await this.advice.findById(id);
        if (advice) await this.assertAgreement(scope, advice.agreementId);
        return;
      }
      case 'finding': {
        const finding = await this.findings.findById(id);
        if (finding) this.assertMunicipality(scope, finding.municipality);
        return;
      }
    }
  }

  /** The register belongs to one municipality per item: its bid items, agreements and the advice on them. */
  async assertAgreement(scope: StaffScope, agreementId: string): Promise<void> {
    if (!isRestricted(scope) || !looksLikeUuid(agreementId)) return;
    const agreement = await this.register.findAgreement(agreementId);
    if (agreement) this.assertMunicipality(scope, agreement.municipality);
  }

  /** Throws OUT_OF_SCOPE for a record of a municipality outside the scope. */
  assertMunicipality(scope: StaffScope, municipality: string): void {
    if (!allowsMunicipality(scope, municipality)) throw outOfScope();
  }

  async assertEvening(scope: StaffScope, eveningId: string): Promise<void> {
    if (!isRestricted(scope)) return;
    const evening = await this.evenings.findById(eveningId);
    if (evening) assertAllowsAll(scope, eveningMunicipalities(evening));
  }

  /** Whether a set of evenings lies wholly inside the scope (unknown ids are not this check's business). */
  async assertEvenings(scope: StaffScope, eveningIds: readonly string[]): Promise<void> {
    for (const id of eveningIds) if (looksLikeUuid(id)) await this.assertEvening(scope, id);
  }

  /** A report may be read when its own scope names municipalities, all of them in the reader's scope. */
  private async allowsReportScope(scope: StaffScope, reportScope: { municipalities?: string[]; eveningIds?: string[] }) {
    if (!reportScope.municipalities || !allowsAll(scope, reportScope.municipalities)) return false;
    try {
      await this.assertEvenings(scope, reportScope.eveningIds ?? []);
      return true;
    } catch {
      return false;
    }
  }
}
