import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { VOTE_ERROR_CODES } from '@hs/contracts';
import { COUNTDOWN_MAX_SECONDS, COUNTDOWN_MIN_SECONDS } from '@hs/domain';

/**
 * docs/asyncapi.yaml is written by hand; this keeps it true to libs/contracts/src/live-events.ts, the typed
 * map the gateway, the tests and the web client share: the same events both ways, the same payload fields,
 * the same vote error codes. Change the contract and this fails until the document follows.
 */
const ROOT = process.cwd();
const LIVE_EVENTS = join(ROOT, 'libs/contracts/src/live-events.ts');

/** The events of an interface of live-events.ts with the top-level fields of each event's payload. */
function contractEvents(program: ts.Program, name: 'ServerToClientEvents' | 'ClientToServerEvents'): Map<string, string[]> {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(LIVE_EVENTS)!;
  const declaration = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name,
  )!;
  const events = new Map<string, string[]>();
  for (const member of declaration.members) {
    const event = (member.name as ts.Identifier).text;
    const signature = checker.getSignaturesOfType(checker.getTypeAtLocation(member), ts.SignatureKind.Call)[0];
    const payload = checker.getTypeOfSymbolAtLocation(signature.parameters[0], member);
    events.set(
      event,
      checker
        .getPropertiesOfType(payload)
        .map((p) => p.name)
        .sort(),
    );
  }
  return events;
}

describe('docs/asyncapi.yaml', () => {
  const program = ts.createProgram([LIVE_EVENTS], { strict: true, noEmit: true, skipLibCheck: true });
  let document: NonNullable<Awaited<ReturnType<Parser['parse']>>['document']>;

  beforeAll(async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(readFileSync(join(ROOT, 'docs/asyncapi.yaml'), 'utf8'));
    // Errors and warnings (severity 0 and 1); information and hints are advice.
    expect(diagnostics.filter((d) => d.severity <= 1).map((d) => `${d.code}: ${d.message} at ${d.path.join('.')}`)).toEqual([]);
    expect(parsed).toBeDefined();
    document = parsed!;
  });

  /** The messages of the document's operations of one action, by name, with their payload's fields. */
  function documented(action: 'send' | 'receive'): Map<string, string[]> {
    const messages = new Map<string, string[]>();
    for (const operation of document.operations().all()) {
      if (operation.action() !== action) continue;
      for (const message of operation.messages().all()) {
        messages.set(message.name()!, Object.keys(message.payload()?.properties() ?? {}).sort());
      }
    }
    return messages;
  }

  it('has exactly the server-to-client events of the contract, each with its payload fields', () => {
    const contract = contractEvents(program, 'ServerToClientEvents');
    expect([...documented('send').keys()].sort()).toEqual([...contract.keys()].sort());
    for (const [event, fields] of contract) expect({ event, fields: documented('send').get(event) }).toEqual({ event, fields });
  });

  it('has exactly the client-to-server events of the contract, each with its payload fields', () => {
    const contract = contractEvents(program, 'ClientToServerEvents');
    expect([...documented('receive').keys()].sort()).toEqual([...contract.keys()].sort());
    for (const [event, fields] of contract)
      expect({ event, fields: documented('receive').get(event) }).toEqual({ event, fields });
  });

  it('gives every schema named after a type of the contract the same fields, required where the type requires them', () => {
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(LIVE_EVENTS)!;
    const schemas = document.components().schemas();
    const compared: string[] = [];
    for (const statement of source.statements) {
      if (!ts.isInterfaceDeclaration(statement) || !schemas.has(statement.name.text)) continue;
      const properties = checker.getPropertiesOfType(checker.getTypeAtLocation(statement));
      const schema = schemas.get(statement.name.text)!;
      const name = statement.name.text;
      expect({ name, fields: Object.keys(schema.properties() ?? {}).sort() }).toEqual({
        name,
        fields: properties.map((p) => p.name).sort(),
      });
      const required = properties.filter((p) => !(p.flags & ts.SymbolFlags.Optional)).map((p) => p.name);
      expect({ name, required: [...(schema.required() ?? [])].sort() }).toEqual({ name, required: required.sort() });
      compared.push(name);
    }
    expect(compared.sort()).toEqual(
      [
        'DilemmaCountdown',
        'DilemmaOptionView',
        'DilemmaView',
        'PresencePayload',
        'StatePayload',
        'TallyPayload',
        'VotePayload',
      ].sort(),
    );
  });

  it('bounds a countdown as PUT /api/dilemmas/:id/countdown validates it', () => {
    const seconds = document.components().schemas().get('DilemmaCountdown')?.properties()?.seconds;
    expect({ minimum: seconds?.minimum(), maximum: seconds?.maximum() }).toEqual({
      minimum: COUNTDOWN_MIN_SECONDS,
      maximum: COUNTDOWN_MAX_SECONDS,
    });
  });

  it('answers a vote with an acknowledgement whose error codes are exactly VOTE_ERROR_CODES', () => {
    const vote = document
      .operations()
      .all()
      .find((o) => o.action() === 'receive')!;
    const ack = vote.reply()?.messages().all()[0];
    const refused = ack
      ?.payload()
      ?.oneOf()
      ?.find((s) => s.properties()?.error);
    const codes = refused?.properties()?.error.properties()?.code.enum();
    expect([...(codes ?? [])].sort()).toEqual([...VOTE_ERROR_CODES].sort());
  });

  it('describes the handshake auth of tenants and staff', () => {
    const auth = document.components().schemas().get('HandshakeAuth');
    const shapes = auth?.oneOf()?.map((s) => s.required()?.slice().sort());
    expect(shapes).toEqual([['token'], ['eveningId', 'token']]);
  });
});
