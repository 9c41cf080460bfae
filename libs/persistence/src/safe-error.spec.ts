import { redactDatabaseMessage, safeErrorMessage, safeErrorText } from './safe-error';

function pgError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

describe('safeErrorText', () => {
  it('blanks a value PostgreSQL quotes in its message', () => {
    const error = pgError('invalid input syntax for type uuid: "gerda@example.nl"', { code: '22P02' });
    const text = safeErrorText(error);
    expect(text).toContain('[22P02] invalid input syntax for type uuid: "…"');
    expect(text).not.toContain('gerda');
  });

  it('keeps the names of the constraint, table and column', () => {
    const message = 'duplicate key value violates unique constraint "uq_staff_user_email"';
    expect(redactDatabaseMessage(message, { constraint: 'uq_staff_user_email' })).toBe(message);
  });

  it('redacts the driver error inside a TypeORM QueryFailedError', () => {
    const error = Object.assign(new Error('invalid input syntax for type integer: "Jan Jansen"'), {
      name: 'QueryFailedError',
      driverError: { code: '22P02' },
      parameters: ['Jan Jansen'],
    });
    const text = safeErrorText(error);
    expect(text).toMatch(/^QueryFailedError \[22P02\]/);
    expect(text).not.toContain('Jan Jansen');
  });

  it('gives a one-line message with the same redaction', () => {
    const error = pgError('invalid input syntax for type uuid: "gerda@example.nl"', { code: '22P02' });
    expect(safeErrorMessage(error)).toBe('invalid input syntax for type uuid: "…"');
    expect(safeErrorMessage(new Error('plain'))).toBe('plain');
  });

  it('gives other errors their stack as it is', () => {
    const error = new Error('something "quoted" broke');
    expect(safeErrorText(error)).toBe(error.stack);
    expect(safeErrorText('plain')).toBe('plain');
  });
});
