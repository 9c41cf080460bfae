import { Injectable } from '@nestjs/common';
import {
  type DilemmaKind,
  type DilemmaTranslations,
  type DilemmaView,
  DomainError,
  type OptionTranslations,
} from '@hs/contracts';
import { type DilemmaTemplateEntity, type TemplateFields, TemplateRepository } from '@hs/persistence';
import { AuditService } from '../audit/audit.service';
import {
  cleanTranslations,
  DILEMMA_TEXTS,
  type TranslatedOptionInput,
  validateDilemmaShape,
  withOptionTranslations,
} from '../dilemmas/dilemma-rules';
import { DilemmaService } from '../dilemmas/dilemma.service';
import { looksLikeUuid } from '../evenings/uuid';

export interface TemplateInput {
  theme: string;
  question: string;
  description?: string | null;
  kind: DilemmaKind;
  options?: TranslatedOptionInput[] | null;
  maxChoices?: number | null;
  budget?: number | null;
  /** Replaces them all; null or {} removes them. */
  translations?: DilemmaTranslations | null;
}

export interface TemplateView {
  id: string;
  theme: string;
  question: string;
  description: string | null;
  kind: DilemmaKind;
  options: Array<{ label: string; consequence: string | null; translations: OptionTranslations }>;
  maxChoices: number | null;
  budget: number | null;
  translations: DilemmaTranslations;
  /** The link key every dilemma made from this template carries. */
  linkKey: string;
  createdAt: string;
  updatedAt: string;
}

/** A dilemma from the bank is linked by the template, so the same question is compared across evenings and years. */
export const templateLinkKey = (templateId: string) => `template:${templateId}`;

/** The question bank: dilemmas saved as templates, added to any evening as a copy linked to the template. */
@Injectable()
export class TemplateService {
  constructor(
    private readonly templates: TemplateRepository,
    private readonly dilemmas: DilemmaService,
    private readonly audit: AuditService,
  ) {}

  async create(actorId: string, input: TemplateInput): Promise<TemplateView> {
    const fields = await this.checked(input);
    const created = await this.templates.insert(fields, actorId);
    await this.audit.record(actorId, 'template.create', 'dilemma_template', created.id, { theme: created.theme });
    return toTemplateView(created);
  }

  async list(theme?: string): Promise<TemplateView[]> {
    return (await this.templates.list(theme)).map(toTemplateView);
  }

  async get(id: string): Promise<TemplateView> {
    return toTemplateView(await this.find(id));
  }

  /** Changes fields; the result must again be a valid dilemma. Dilemmas already made from it keep their own copy. */
  async update(actorId: string, id: string, patch: Partial<TemplateInput>): Promise<TemplateView> {
    const current = await this.find(id);
    const merged: TemplateInput = { ...current, ...stripUndefined(patch) };
    // A change of kind brings its own rules: a field that belonged to the old kind is not carried over.
    if (patch.kind && patch.kind !== current.kind) {
      if (patch.maxChoices === undefined) merged.maxChoices = null;
      if (patch.budget === undefined) merged.budget = null;
    }
    const updated = await this.templates.update(id, await this.checked(merged));
    if (!updated) throw templateNotFound();
    await this.audit.record(actorId, 'template.update', 'dilemma_template', id, { fields: Object.keys(stripUndefined(patch)) });
    return toTemplateView(updated);
  }

  async remove(actorId: string, id: string): Promise<void> {
    if (!looksLikeUuid(id) || !(await this.templates.remove(id))) throw templateNotFound();
    await this.audit.record(actorId, 'template.delete', 'dilemma_template', id);
  }

  /** Adds the template's dilemma at the end of an evening's agenda, linked by the template's id. */
  async addToEvening(actorId: string, eveningId: string, templateId: string): Promise<DilemmaView> {
    const template = await this.find(templateId);
    return this.dilemmas.create(actorId, eveningId, {
      theme: template.theme,
      question: template.question,
      description: template.description,
      kind: template.kind,
      options: template.options,
      maxChoices: template.maxChoices,
      budget: template.budget,
      linkKey: templateLinkKey(template.id),
      translations: template.translations,
    });
  }

  private async find(id: string): Promise<DilemmaTemplateEntity> {
    const template = looksLikeUuid(id) ? await this.templates.findById(id) : null;
    if (!template) throw templateNotFound();
    return template;
  }

  private async checked(input: TemplateInput): Promise<TemplateFields> {
    const shape = validateDilemmaShape({ ...input, options: input.options ?? undefined });
    if (!(await this.templates.themeExists(input.theme))) {
      throw new DomainError('UNKNOWN_THEME', `Onbekend thema "${input.theme}"; zie GET /api/themes.`);
    }
    return {
      theme: input.theme,
      question: input.question,
      description: input.description ?? null,
      translations: cleanTranslations(input.translations, DILEMMA_TEXTS),
      kind: input.kind,
      ...shape,
      options: withOptionTranslations(shape.options, input.options),
    };
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function toTemplateView(template: DilemmaTemplateEntity): TemplateView {
  return {
    id: template.id,
    theme: template.theme,
    question: template.question,
    description: template.description,
    kind: template.kind,
    options: template.options.map((o) => ({
      label: o.label,
      consequence: o.consequence ?? null,
      translations: o.translations ?? {},
    })),
    maxChoices: template.maxChoices,
    budget: template.budget,
    translations: template.translations ?? {},
    linkKey: templateLinkKey(template.id),
    createdAt: template.createdAt.toISOString(),
    updatedAt: template.updatedAt.toISOString(),
  };
}

function templateNotFound(): DomainError {
  return new DomainError('TEMPLATE_NOT_FOUND', 'Dit sjabloon bestaat niet.');
}
