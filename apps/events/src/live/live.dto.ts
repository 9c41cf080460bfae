import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { AGE_BANDS, type AgeBand, GROUPS, type ParticipantGroup } from '@hs/contracts';

export class JoinDto {
  @ApiProperty({ example: 'K7RX3M', description: 'The evening’s join code (case-insensitive).' })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  joinCode: string;

  @ApiPropertyOptional({ description: 'Single-use check-in card, for evenings in `cards` mode (case-insensitive).' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  cardCode?: string;

  @ApiPropertyOptional({ enum: GROUPS })
  @IsOptional()
  @IsIn(GROUPS)
  group?: ParticipantGroup;

  @ApiPropertyOptional({
    description:
      "The tenant's municipality, one of the evening's municipalities (case-insensitive). Required where the evening " +
      'serves several (400 MUNICIPALITY_REQUIRED with `choices` otherwise); another name is 400 MUNICIPALITY_NOT_SERVED.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  municipality?: string;

  @ApiPropertyOptional({ enum: AGE_BANDS })
  @IsOptional()
  @IsIn(AGE_BANDS)
  ageBand?: AgeBand;
}

export class JoinResponseDto {
  @ApiProperty({ description: 'Bearer for the Socket.IO handshake auth {token}.' }) participantToken: string;
  @ApiProperty() participantId: string;
  @ApiProperty() eveningId: string;
}

export class JoinCheckDto {
  @ApiProperty({ enum: ['live', 'not-started', 'ended'] }) state: 'live' | 'not-started' | 'ended';
  @ApiProperty({ description: 'cards mode: a phone without a check-in card cannot join.' }) cardRequired: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Published and live evenings only.' }) title: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'ISO-8601 UTC; published and live evenings only.' })
  startsAt: string | null;
}

export class CreateCardsDto {
  @ApiProperty({ minimum: 1, maximum: 2000 })
  @IsInt()
  @Min(1)
  @Max(2000)
  count: number;
}

export class CardDto {
  @ApiProperty({ example: 'KX7M2PQR9A' }) code: string;
}

export class CardsResponseDto {
  @ApiProperty({ type: [CardDto] }) cards: CardDto[];
  @ApiProperty({ description: 'A printable page of these cards with QR codes; its token is valid for 2 hours.' })
  printUrl: string;
}

export class ManualCountDto {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  round: number;

  @ApiProperty({
    description: 'optionId → number of people (scale: "1".."5" → people; budget: optionId → points), whole numbers 0..10000.',
    example: { '8d9a…': 4 },
  })
  @IsObject()
  counts: Record<string, number>;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  @ApiPropertyOptional({
    description: 'multi only: how many people the counts stand for (default: the largest count). Others: derived.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  respondents?: number;
}

export class ManualCountResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() dilemmaId: string;
  @ApiProperty() round: number;
  @ApiProperty() counts: Record<string, number>;
  @ApiProperty() respondents: number;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() createdAt: string;
}

export class ManualCountRoundDto {
  @ApiProperty({
    description:
      'optionId (scale: "1".."5") → people (budget: points), whole numbers 0..10000. Each replaces that option\'s entry for the round; options left out keep theirs.',
    example: { '8d9a…': 4 },
  })
  @IsObject()
  counts: Record<string, number>;

  @ApiPropertyOptional({ maxLength: 500, description: "Replaces the round's note; absent: kept." })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  @ApiPropertyOptional({
    description: 'multi only: how many people the counts stand for (default: kept when it still fits, else the largest count).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  respondents?: number;
}

class StaffRefDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class ManualCountEntryDto {
  @ApiProperty({ description: 'Option id, or the scale value "1".."5".' }) key: string;
  @ApiProperty() count: number;
  @ApiProperty({ type: StaffRefDto, nullable: true }) enteredBy: StaffRefDto | null;
  @ApiProperty({ description: 'ISO-8601.' }) enteredAt: string;
}

export class ManualCountRoundViewDto {
  @ApiProperty() dilemmaId: string;
  @ApiProperty() round: number;
  @ApiProperty({ description: 'The people these counts stand for.' }) respondents: number;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: StaffRefDto, nullable: true }) updatedBy: StaffRefDto | null;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: [ManualCountEntryDto] }) entries: ManualCountEntryDto[];
}

export class ManualCountsDto {
  @ApiProperty() dilemmaId: string;
  @ApiProperty() kind: string;
  @ApiProperty({ description: 'Hand counts can be entered for rounds 1 up to this one.' }) currentRound: number;
  @ApiProperty({ type: [ManualCountRoundViewDto] }) rounds: ManualCountRoundViewDto[];
}
