import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { SCOPED_ROLES, STAFF_ROLES, type StaffRole } from '@hs/contracts';

export class LoginDto {
  @ApiProperty({ example: 'facilitator@ons-wonen.nl' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class CreateUserDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  role: StaffRole;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['Leeuwarden'],
    maxItems: 50,
    description: `Required for the roles ${SCOPED_ROLES.join(' and ')}: the municipalities (as evenings name them) the account may read. Refused (400) for every other role, which reads all municipalities.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  @Matches(/\S/, { each: true, message: 'municipalities mag geen lege naam bevatten' })
  municipalities?: string[];
}

export class StaffUserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: STAFF_ROLES }) role: StaffRole;
  @ApiProperty({ type: [String], description: 'The municipalities a tenant_org or municipality account reads; empty otherwise.' })
  municipalities: string[];
}

export class LoginResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: StaffUserDto }) user: StaffUserDto;
}
