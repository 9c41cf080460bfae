import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@hs/config';
import { setupAsyncApi } from './asyncapi-page';

/**
 * The OpenAPI document of the HTTP API, built from the controllers' decorators (ApiRoute in libs/http/src/api-route.decorator.ts).
 * The running server serves it at /api/docs-json; `npm run lint:openapi` builds the same document without a
 * database (scripts/openapi.ts) and lints it with Redocly's recommended rules.
 */
export function buildOpenApiDocument(app: INestApplication, config: Pick<AppConfig, 'publicUrl'>): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Huurdersstem API')
      .setDescription(
        'Live consultation evenings for tenants: evenings, registrations, themes, dilemmas, joining, results, reports. ' +
          'Every error has the body ErrorBody ({statusCode, message, error}, with a code for a domain error). ' +
          'Staff routes need a bearer token from POST /api/auth/login; public routes need none. ' +
          'Live voting runs over Socket.IO (namespace /live): see the AsyncAPI document at /api/docs/asyncapi.',
      )
      .setVersion('1')
      .setLicense('Proprietary: all rights reserved', `${config.publicUrl}/api/docs`)
      .addServer(config.publicUrl, 'This deployment (PUBLIC_URL)')
      .addBearerAuth()
      .build(),
  );
}

/** The OpenAPI page and document, and beside them the AsyncAPI document of the live socket. */
export function setupOpenApi(app: INestApplication, config: Pick<AppConfig, 'publicUrl'>): void {
  setupAsyncApi(app);
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app, config), { jsonDocumentUrl: 'api/docs-json' });
}
