import { ApiProperty } from '@nestjs/swagger';

export class LocalizedTextDto {
  @ApiProperty({ description: 'Dutch (the default language)' }) nl: string;
  @ApiProperty({ description: 'Frisian' }) fy: string;
  @ApiProperty({ description: 'English' }) en: string;
}

export class ThemeDto {
  @ApiProperty({ example: 'betaalbaarheid' }) slug: string;
  @ApiProperty({ type: LocalizedTextDto }) name: LocalizedTextDto;
  @ApiProperty({ type: LocalizedTextDto }) description: LocalizedTextDto;
}
