import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The eight themes of the first round, in Dutch, Frisian and English. */
const THEMES: Array<[string, string, string, string, string, string, string]> = [
  [
    'inspraak',
    'Inspraak',
    'Ynspraak',
    'Having a say',
    'Hoe huurders meepraten en meebeslissen over hun woning, buurt en corporatie.',
    'Hoe hierders meiprate en meibeslute oer harren wenning, buert en korporaasje.',
    'How tenants are heard and share in decisions about their home, neighbourhood and corporation.',
  ],
  [
    'dienstverlening',
    'Dienstverlening',
    'Tsjinstferliening',
    'Service',
    'Hoe de corporatie bereikbaar is, reparaties uitvoert en huurders helpt.',
    'Hoe de korporaasje berikber is, reparaasjes útfiert en hierders helpt.',
    'How the corporation can be reached, carries out repairs and helps its tenants.',
  ],
  [
    'woongenot',
    'Woongenot',
    'Wenningnocht',
    'Enjoying your home',
    'Prettig en comfortabel wonen: onderhoud, geluid, ruimte en voorzieningen.',
    'Noflik en komfortabel wenje: ûnderhâld, lûd, romte en foarsjennings.',
    'Living pleasantly and comfortably: maintenance, noise, space and facilities.',
  ],
  [
    'leefbaarheid',
    'Leefbaarheid',
    'Leefberens',
    'Liveability',
    'Een schone, veilige en levendige buurt waar mensen naar elkaar omkijken.',
    "In skjinne, feilige en libbene buert dêr't minsken nei inoar omsjogge.",
    'A clean, safe and lively neighbourhood where people look out for each other.',
  ],
  [
    'solidariteit',
    'Solidariteit',
    'Solidariteit',
    'Solidarity',
    'Wat huurders samen dragen voor wie het zwaarder heeft of nog een huis zoekt.',
    "Wat hierders tegearre drage foar wa't it swierder hat of noch in hûs siket.",
    'What tenants carry together for those who have it harder or still need a home.',
  ],
  [
    'betaalbaarheid',
    'Betaalbaarheid',
    'Betelberens',
    'Affordability',
    'Huur en woonlasten die passen bij het inkomen, nu en later.',
    "Hier en wenlêsten dy't passe by it ynkommen, no en letter.",
    "Rent and housing costs that fit people's incomes, now and later.",
  ],
  [
    'wooncarriere',
    'Wooncarrière',
    'Wenkarriêre',
    'Moving on',
    'Doorstromen naar een woning die past bij een nieuwe levensfase.',
    "Trochstreame nei in wenning dy't past by in nije libbensfaze.",
    'Moving on to a home that fits a new stage of life.',
  ],
  [
    'woning',
    'De woning',
    'De wenning',
    'The home',
    'De woning zelf: kwaliteit, isolatie, duurzaamheid en toegankelijkheid.',
    'De wenning sels: kwaliteit, isolaasje, duorsumens en tagonklikens.',
    'The home itself: quality, insulation, sustainability and accessibility.',
  ],
];

export class SeedThemes1795000000100 implements MigrationInterface {
  name = 'SeedThemes1795000000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [index, [slug, nameNl, nameFy, nameEn, descNl, descFy, descEn]] of THEMES.entries()) {
      await queryRunner.query(
        `INSERT INTO "theme" ("slug", "position", "name_nl", "name_fy", "name_en", "description_nl", "description_fy", "description_en")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT ("slug") DO NOTHING`,
        [slug, index + 1, nameNl, nameFy, nameEn, descNl, descFy, descEn],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "theme" WHERE "slug" = ANY($1)`, [THEMES.map(([slug]) => slug)]);
  }
}
