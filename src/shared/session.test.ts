import { describe, expect, it } from 'vitest';
import { splitSession } from './session';

describe('splitSession', () => {
  it('takes the token out of a result that opens a session', () => {
    const result = { user: { username: 'admin' }, recoveryKey: 'R', sessionToken: 'T' };
    expect(splitSession(result)).toEqual({ body: { user: { username: 'admin' }, recoveryKey: 'R' }, session: { kind: 'opened', token: 'T' } });
    // the result itself is left as it was
    expect(result.sessionToken).toBe('T');
  });

  it('never lets a sessionToken field through, whatever its value', () => {
    expect(splitSession({ a: 1, sessionToken: 42 })).toEqual({ body: { a: 1 }, session: { kind: 'none' } });
    expect(splitSession({ a: 1, sessionToken: '' })).toEqual({ body: { a: 1 }, session: { kind: 'none' } });
  });

  it('reports a result that ends the session', () => {
    expect(splitSession({ endSession: true })).toEqual({ body: { endSession: true }, session: { kind: 'ended' } });
    expect(splitSession({ endSession: 'yes' })).toEqual({ body: { endSession: 'yes' }, session: { kind: 'none' } });
  });

  it('passes everything else through untouched', () => {
    for (const value of [null, undefined, 0, 'x', [1, 2], { rows: [] }]) expect(splitSession(value)).toEqual({ body: value, session: { kind: 'none' } });
  });
});
