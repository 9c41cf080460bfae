import type { INestApplication } from '@nestjs/common';
import type { Request, Response } from 'express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The AsyncAPI document of the /live socket, kept in the repository (docs/asyncapi.yaml, checked by asyncapi.spec.ts). */
export const ASYNCAPI_FILE = join(process.cwd(), 'docs', 'asyncapi.yaml');

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A page without scripts (the CSP allows none from elsewhere): what the document is, and the document itself. */
function page(yaml: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Huurdersstem live socket (AsyncAPI)</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.5; }
  pre { background: #f4f4f4; border: 1px solid #ddd; padding: 1rem; overflow-x: auto; font-size: 0.85rem; }
</style>
</head>
<body>
<h1>Huurdersstem live socket</h1>
<p>Socket.IO v4 on <code>/socket.io</code>, namespace <code>/live</code>: the events both ways, the vote's
acknowledgement and its error codes, the handshake <code>auth</code> and the throttling, as an AsyncAPI 3 document.
Download it as <a href="asyncapi.yaml">asyncapi.yaml</a> for a viewer or a code generator. The HTTP API is on
<a href="../docs">the OpenAPI page</a>.</p>
<pre>${escapeHtml(yaml)}</pre>
</body>
</html>
`;
}

/**
 * Serves the AsyncAPI document beside the OpenAPI page: GET /api/docs/asyncapi (an HTML page) and
 * /api/docs/asyncapi.yaml (the document). Read once at start; where the file is missing both answer 404.
 */
export function setupAsyncApi(app: INestApplication): void {
  let yaml: string | null;
  try {
    yaml = readFileSync(ASYNCAPI_FILE, 'utf8');
  } catch {
    yaml = null;
  }
  const adapter = app.getHttpAdapter();
  const send = (type: string, body: (text: string) => string) => (_req: Request, res: Response) => {
    if (yaml === null) {
      res.status(404).json({ statusCode: 404, message: 'Het AsyncAPI-document ontbreekt.', error: 'Not Found' });
      return;
    }
    res.type(type).set('Cache-Control', 'public, max-age=300').send(body(yaml));
  };
  adapter.get('/api/docs/asyncapi', send('text/html; charset=utf-8', page));
  adapter.get(
    '/api/docs/asyncapi.yaml',
    send('application/yaml; charset=utf-8', (text) => text),
  );
}
