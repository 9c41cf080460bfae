/**
 * The demo round that `npm run seed:demo` writes: nine evenings across the corporation's area in
 * Friesland, each with the same agenda of eight dilemmas (one per theme, all four kinds), so the
 * policy dashboard can compare municipalities. Every `key` is permanent: ids are derived from it,
 * which is what makes the seed idempotent. Change texts freely; never reuse a key for something else.
 */
import type { DilemmaKind, JoinMode, StaffRole } from '@hs/contracts';

export interface DemoEvening {
  key: string;
  title: string;
  municipality: string;
  venue: string;
  /** Local evening time in Europe/Amsterdam, with its offset (+01:00 winter, +02:00 from 28 March 2027). */
  startsAt: string;
  capacity: number;
  joinMode: JoinMode;
}

export interface DemoOption {
  label: string;
  consequence?: string;
}

export interface DemoDilemma {
  key: string;
  theme: string;
  question: string;
  description?: string;
  kind: DilemmaKind;
  options: DemoOption[];
  maxChoices?: number;
  budget?: number;
}

export interface DemoStaff {
  email: string;
  name: string;
  role: StaffRole;
  /** Demo only: printed at the end of the seed and documented in the README. */
  password: string;
  /** For tenant_org and municipality accounts: the municipalities they read. */
  municipalities?: string[];
}

export const DEMO_EVENINGS: DemoEvening[] = [
  {
    key: 'leeuwarden',
    title: 'Huurdersavond Leeuwarden: wonen in de toekomst',
    municipality: 'Leeuwarden',
    venue: 'Wijkcentrum De Schakel, Bilgaard, Leeuwarden',
    startsAt: '2027-02-02T19:30:00+01:00',
    capacity: 150,
    joinMode: 'open',
  },
  {
    key: 'de-friese-meren',
    title: 'Huurdersavond De Friese Meren',
    municipality: 'De Friese Meren',
    venue: 'Dorpshuis It Haske, Joure',
    startsAt: '2027-02-04T19:30:00+01:00',
    capacity: 80,
    joinMode: 'open',
  },
  {
    key: 'sudwest-fryslan',
    title: 'Huurdersavond Súdwest-Fryslân',
    municipality: 'Súdwest-Fryslân',
    venue: 'Wijkcentrum Tinga, Sneek',
    startsAt: '2027-02-09T19:30:00+01:00',
    capacity: 120,
    joinMode: 'open',
  },
  {
    key: 'heerenveen',
    title: 'Huurdersavond Heerenveen',
    municipality: 'Heerenveen',
    venue: "Buurtcentrum 't Vlak, Heerenveen",
    startsAt: '2027-02-11T19:30:00+01:00',
    capacity: 100,
    joinMode: 'open',
  },
  {
    key: 'smallingerland',
    title: 'Huurdersavond Smallingerland',
    municipality: 'Smallingerland',
    venue: 'Wijkcentrum De Trisk, Drachten',
    startsAt: '2027-02-16T19:30:00+01:00',
    capacity: 120,
    joinMode: 'open',
  },
  {
    key: 'waadhoeke',
    title: 'Huurdersavond Waadhoeke',
    municipality: 'Waadhoeke',
    venue: 'Dorpshuis De Terp, Franeker',
    startsAt: '2027-03-02T19:30:00+01:00',
    capacity: 70,
    joinMode: 'open',
  },
  {
    key: 'harlingen',
    title: 'Huurdersavond Harlingen',
    municipality: 'Harlingen',
    venue: 'Wijkcentrum Het Spoor, Harlingen',
    startsAt: '2027-03-04T19:30:00+01:00',
    capacity: 80,
    joinMode: 'open',
  },
  {
    key: 'noardeast-fryslan',
    title: 'Huurdersavond Noardeast-Fryslân',
    municipality: 'Noardeast-Fryslân',
    venue: 'Dorpshuis De Bining, Dokkum',
    startsAt: '2027-03-09T19:30:00+01:00',
    capacity: 90,
    joinMode: 'open',
  },
  {
    key: 'opsterland',
    title: 'Huurdersavond Opsterland',
    municipality: 'Opsterland',
    venue: 'Dorpshuis De Feart, Gorredijk',
    startsAt: '2027-03-30T19:30:00+02:00',
    capacity: 60,
    joinMode: 'open',
  },
];

/** One agenda for every evening, in the order the facilitator puts it to the room. */
export const DEMO_AGENDA: DemoDilemma[] = [
  {
    key: 'huur-of-isolatie',
    theme: 'betaalbaarheid',
    kind: 'choice',
    question: 'Huur of isolatie: wat gaat voor?',
    description:
      'Alle woningen vóór 2030 isoleren kost meer dan de corporatie nu heeft. Dat geld kan uit de huur komen, of het isoleren duurt langer.',
    options: [
      {
        label: 'Sneller isoleren, de huur stijgt iets meer',
        consequence:
          'de huur stijgt elk jaar 1,5% meer dan de prijzen; alle woningen zijn vóór 2030 geïsoleerd, de energierekening wordt ongeveer € 35 per maand lager',
      },
      {
        label: 'De huur alleen met de inflatie mee',
        consequence: 'isolatie 5 jaar later; de energierekening blijft tot dan hoger',
      },
      {
        label: 'Lage inkomens ontzien, de rest betaalt meer',
        consequence: 'wie huurtoeslag krijgt, gaat niet meer huur betalen; de andere huurders betalen elk jaar 2% meer',
      },
    ],
  },
  {
    key: 'onderhoud-verdelen',
    theme: 'woning',
    kind: 'budget',
    budget: 10,
    question: 'Verdeel 10 punten over wat er de komende jaren aan uw woning moet gebeuren',
    description: 'Meer punten betekent: hier gaat meer van het onderhoudsgeld naartoe. Alles tegelijk kan niet.',
    options: [
      {
        label: 'Isolatie en nieuwe kozijnen',
        consequence: 'kost ongeveer € 18.000 per woning; u gebruikt ongeveer 40% minder gas',
      },
      {
        label: 'Nieuwe keuken en badkamer',
        consequence: 'kost ongeveer € 15.000 per woning; de huur gaat € 12 per maand omhoog',
      },
      {
        label: 'Zonnepanelen',
        consequence:
          '€ 8 per maand meer servicekosten (de vaste kosten naast de huur); uw stroomrekening wordt ongeveer € 25 per maand lager',
      },
      {
        label: 'Drempels weg en beugels: geschikt tot op hoge leeftijd',
        consequence: 'kost ongeveer € 6.000 per woning; u kunt langer thuis blijven wonen',
      },
      { label: 'Ventilatie tegen vocht en schimmel', consequence: 'kost ongeveer € 3.000 per woning; minder last van vocht' },
    ],
  },
  {
    key: 'buurtbeheerder',
    theme: 'leefbaarheid',
    kind: 'multi',
    maxChoices: 2,
    question: 'Waar moet de buurtbeheerder de meeste tijd aan besteden? Kies er hoogstens twee.',
    options: [
      { label: 'Zwerfafval en grofvuil opruimen', consequence: '4 uur per week; minder tijd voor de andere taken' },
      {
        label: 'Overlast tussen buren aanpakken',
        consequence: 'vaker hulp bij ruzie tussen buren; binnen 2 weken een gesprek',
      },
      { label: 'Groen en speelplekken bijhouden' },
      { label: 'Buren met elkaar in contact brengen', consequence: 'een buurtkamer open op 2 middagen per week' },
      { label: 'Verlichting en veilige looproutes', consequence: 'kost € 20.000 per jaar uit het geld voor de buurt' },
    ],
  },
  {
    key: 'meebeslissen-begroting',
    theme: 'inspraak',
    kind: 'scale',
    question:
      'Stelling: huurders moeten meebeslissen over de begroting van de corporatie, ook als besluiten daardoor langer duren.',
    description: '1 = helemaal oneens, 5 = helemaal eens.',
    options: [],
  },
  {
    key: 'reparaties',
    theme: 'dienstverlening',
    kind: 'choice',
    question: 'Reparaties: liever snel of liever dichtbij?',
    options: [
      {
        label: 'Binnen 3 werkdagen een monteur, afspraak via app, website of telefoon',
        consequence: 'het spreekuur in het dorp verdwijnt; telefonisch blijft de corporatie bereikbaar',
      },
      {
        label: 'Een vast spreekuur in het dorpshuis of wijkcentrum',
        consequence: 'een monteur komt binnen 10 werkdagen, een week later dan nu',
      },
      {
        label: 'Allebei, betaald uit de servicekosten',
        consequence: '€ 4 per maand meer servicekosten (de vaste kosten naast de huur)',
      },
    ],
  },
  {
    key: 'urgente-woningzoekenden',
    theme: 'solidariteit',
    kind: 'choice',
    question: 'Welk deel van de vrijkomende woningen moet naar mensen die met spoed een huis nodig hebben?',
    description:
      'Bijvoorbeeld mensen die uit de zorg of de opvang komen, mensen met een verblijfsvergunning en mensen na een scheiding.',
    options: [
      { label: 'De helft', consequence: 'andere woningzoekenden wachten gemiddeld 1,5 jaar langer' },
      { label: 'Een kwart', consequence: 'andere woningzoekenden wachten gemiddeld 8 maanden langer' },
      {
        label: 'Alleen wat de wet vraagt',
        consequence: 'mensen blijven langer in de opvang; de gemeente moet elders ruimte zoeken',
      },
    ],
  },
  {
    key: 'doorstromen',
    theme: 'wooncarriere',
    kind: 'multi',
    maxChoices: 2,
    question: 'Wat zou u helpen om te verhuizen naar een woning die beter bij u past? Kies er hoogstens twee.',
    options: [
      {
        label: 'Dezelfde huur houden bij verhuizen naar een kleinere woning',
        consequence: 'de corporatie krijgt per verhuizing ongeveer € 60 per maand minder huur',
      },
      {
        label: 'Voorrang voor ouderen op seniorenwoningen in het eigen dorp',
        consequence: 'jongeren in het dorp wachten langer op een woning',
      },
      { label: 'Hulp bij het verhuizen en € 3.000 verhuisvergoeding', consequence: 'minder geld voor onderhoud' },
      { label: 'Eerst een maand proefwonen' },
    ],
  },
  {
    key: 'renovatie-overlast',
    theme: 'woongenot',
    kind: 'scale',
    question: 'Stelling: ik accepteer een paar weken steigers en overlast als mijn woning daarna stiller en warmer is.',
    description: '1 = helemaal oneens, 5 = helemaal eens.',
    options: [],
  },
];

export const DEMO_STAFF: DemoStaff[] = [
  { email: 'facilitator@demo.huurdersstem.nl', name: 'Sjoukje Hoekstra', role: 'facilitator', password: 'demo-facilitator-2027' },
  { email: 'analist@demo.huurdersstem.nl', name: 'Pieter de Boer', role: 'analyst', password: 'demo-analist-2027' },
  {
    email: 'huurders-leeuwarden@demo.huurdersstem.nl',
    name: 'Huurdersvereniging Leeuwarden',
    role: 'tenant_org',
    password: 'demo-huurders-2027',
    municipalities: ['Leeuwarden'],
  },
  {
    email: 'gemeente-leeuwarden@demo.huurdersstem.nl',
    name: 'Gemeente Leeuwarden, team wonen',
    role: 'municipality',
    password: 'demo-gemeente-2027',
    municipalities: ['Leeuwarden'],
  },
];
