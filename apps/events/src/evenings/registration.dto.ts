import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { GROUPS, type ParticipantGroup } from '@hs/contracts';

export class CreateRegistrationDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  @Matches(/\S/, { message: 'name mag niet leeg zijn' })
  name: string;

  @ApiPropertyOptional({ maxLength: 254, nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiProperty({ enum: GROUPS })
  @IsIn(GROUPS)
  group: ParticipantGroup;

  @ApiPropertyOptional({ maxLength: 100, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  municipality?: string | null;

  @ApiProperty({
    enum: [true],
    description: 'Must be true: consent to keep name and e-mail until the retention period after the evening.',
  })
  @IsBoolean()
  consent: boolean;
}

export class RegistrationCreatedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
}

export class RegistrationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ enum: GROUPS }) group: ParticipantGroup;
  @ApiProperty({ type: String, nullable: true }) municipality: string | null;
  @ApiProperty() createdAt: string;
}

export class RegistrationsDeletedDto {
  @ApiProperty() deleted: number;
}
