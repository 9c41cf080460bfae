import { bootTestApp, type TestApp } from './support/test-app';

describe('themes (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the eight seed themes without a token, in position order, in three languages', async () => {
    const response = await t.http.get('/api/themes').expect(200);
    const slugs = (response.body as Array<{ slug: string }>).map((theme) => theme.slug);
    expect(slugs.slice(0, 8)).toEqual([
      'inspraak',
      'dienstverlening',
      'woongenot',
      'leefbaarheid',
      'solidariteit',
      'betaalbaarheid',
      'wooncarriere',
      'woning',
    ]);
    const affordability = response.body.find((theme: { slug: string }) => theme.slug === 'betaalbaarheid');
    expect(affordability).toEqual({
      slug: 'betaalbaarheid',
      name: { nl: 'Betaalbaarheid', fy: 'Betelberens', en: 'Affordability' },
      description: {
        nl: 'Huur en woonlasten die passen bij het inkomen, nu en later.',
        fy: "Hier en wenlêsten dy't passe by it ynkommen, no en letter.",
        en: "Rent and housing costs that fit people's incomes, now and later.",
      },
    });
    for (const theme of response.body) expect(Object.keys(theme).sort()).toEqual(['description', 'name', 'slug']);
  });

  it('is documented in the OpenAPI document, with the other platform endpoints', async () => {
    const document = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    expect(document.paths['/api/themes']).toHaveProperty('get');
    expect(document.paths['/api/health']).toHaveProperty('get');
    expect(document.paths['/api/metrics']).toHaveProperty('get');
    expect(document.paths['/api/audit']).toHaveProperty('get');
  });

  it('ignores a staff token it does not need and has no write route', async () => {
    await t.http.get('/api/themes').set('Authorization', 'Bearer not-a-token').expect(200);
    await t.http.post('/api/themes').send({ slug: 'nieuw' }).expect(404);
  });
});
