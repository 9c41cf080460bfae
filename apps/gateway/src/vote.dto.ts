import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
  validateSync,
} from 'class-validator';
import { findHostileInput, hostileInputMessage, type VoteRequest } from '@hs/domain';

/** The three shapes of CONTRACT.md; which one fits is the dilemma's kind (checkChoice in @hs/domain). */
export class VoteChoiceDto {
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @IsUUID('all', { each: true })
  optionIds?: string[];

  @IsOptional()
  @IsObject()
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
    // The domain checks the raw choice against the dilemma's kind, key by key.
    return { ok: true, value: { dilemmaId: dto.dilemmaId, clientVoteId: dto.clientVoteId, choice: raw.choice } };
  } catch {
    return { ok: false, message: 'Ongeldige stem.' };
  }
}
