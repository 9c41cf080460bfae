import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  isUUID,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
  validateSync,
} from 'class-validator';
import type { VoteChoice } from '@hs/contracts';
import { findHostileInput, hostileInputMessage, type VoteRequest } from '@hs/domain';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** {optionId: whole points ≥ 0}, at least one entry. */
function IsAllocation(): PropertyDecorator {
  return ValidateBy({
    name: 'isAllocation',
    validator: {
      validate: (value: unknown) =>
        isPlainObject(value) &&
        Object.keys(value).length > 0 &&
        Object.entries(value).every(
          ([id, points]) => isUUID(id, 'all') && typeof points === 'number' && Number.isSafeInteger(points) && points >= 0,
        ),
      defaultMessage: () => 'allocation: {optionId: hele punten van 0 of meer}',
    },
  });
}

/**
 * The three shapes of a choice (docs/API.md, `vote`), exactly one of them; which one fits is the
 * dilemma's kind (checkChoice in @hs/domain). This is the only check of the shape.
 */
export class VoteChoiceDto {
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @IsUUID('all', { each: true })
  optionIds?: string[];

  @IsOptional()
  @IsAllocation()
  allocation?: Record<string, number>;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  value?: number;
}

/** `vote` {dilemmaId, clientVoteId, choice}; anything else in it is refused, not ignored. */
export class VotePayloadDto {
  @IsUUID('all')
  dilemmaId: string;

  @IsUUID('all')
  clientVoteId: string;

  @IsObject()
  @ValidateNested()
  @Type(() => VoteChoiceDto)
  choice: VoteChoiceDto;
}

export type ParsedVote = { ok: true; value: VoteRequest } | { ok: false; message: string };

/** The one shape the DTO holds, as a fresh VoteChoice (nothing else from the payload is kept). */
function toChoice(dto: VoteChoiceDto): VoteChoice | null {
  const { optionIds, allocation, value } = dto;
  // @IsOptional lets null through as "absent"; a choice must still name exactly one shape.
  const given = [optionIds, allocation, value].filter((x) => x !== undefined && x !== null).length;
  if (given !== 1) return null;
  if (optionIds) return { optionIds: [...optionIds] };
  if (allocation) return { allocation: Object.fromEntries(Object.entries(allocation)) };
  return typeof value === 'number' ? { value } : null;
}

/**
 * The socket's validation pipe: the same class-validator rules as HTTP (whitelist, unknown fields
 * refused). Never throws; the caller answers BAD_PAYLOAD with the message.
 */
export function parseVotePayload(raw: unknown): ParsedVote {
  try {
    if (!isPlainObject(raw)) return { ok: false, message: 'Verwacht {dilemmaId, clientVoteId, choice}.' };
    // Before class-transformer: it recurses through nesting and skips prototype keys (see findHostileInput).
    const hostile = findHostileInput(raw);
    if (hostile) return { ok: false, message: hostileInputMessage(hostile) };
    const dto = plainToInstance(VotePayloadDto, raw);
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
    if (errors.length > 0) {
      const fields = errors.map((e) => e.property).join(', ');
      return { ok: false, message: `Ongeldige stem (${fields.slice(0, 200)}).` };
    }
    const sentKeys = isPlainObject(raw.choice) ? Object.keys(raw.choice).length : 0;
    const choice = sentKeys === 1 ? toChoice(dto.choice) : null;
    if (!choice) return { ok: false, message: 'Verwacht precies één van optionIds, allocation of value.' };
    return { ok: true, value: { dilemmaId: dto.dilemmaId, clientVoteId: dto.clientVoteId, choice } };
  } catch {
    return { ok: false, message: 'Ongeldige stem.' };
  }
}
