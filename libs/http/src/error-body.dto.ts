import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOMAIN_ERROR_STATUS, type DomainErrorCode } from '@hs/contracts';

/** The domain's codes, and BAD_PAYLOAD of hostile input (hostile-input.middleware.ts). */
const ERROR_CODES = [...Object.keys(DOMAIN_ERROR_STATUS), 'BAD_PAYLOAD'] as (DomainErrorCode | 'BAD_PAYLOAD')[];

/** The body of every error answer (HttpErrorFilter in domain-error.filter.ts), as the OpenAPI document shows it. */
export class ErrorBodyDto {
  @ApiProperty({ example: 404, description: 'The HTTP status, repeated.' })
  statusCode: number;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: 'Onbekende avond.',
    description: 'Safe to show. A list for a request that failed validation (one line per field).',
  })
  message: string | string[];

  @ApiProperty({ example: 'Not Found', description: 'The HTTP reason phrase.' })
  error: string;

  @ApiPropertyOptional({
    enum: ERROR_CODES,
    example: 'EVENING_NOT_FOUND',
    description: 'For an error of a domain rule: its code, stable across languages and versions.',
  })
  code?: DomainErrorCode | 'BAD_PAYLOAD';

  @ApiPropertyOptional({
    type: [String],
    example: ['Leeuwarden', 'Waadhoeke'],
    description: 'The answers to pick from, with MUNICIPALITY_REQUIRED: the municipalities an evening serves.',
  })
  choices?: string[];
}
