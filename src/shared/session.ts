/**
 * What a procedure's result does to the caller's session: `auth.setup`, `auth.login` and
 * `auth.recover` open one (their result carries `sessionToken`), `auth.logout` ends it (its
 * result is `{ endSession: true }`).
 */
export type SessionChange = { kind: 'opened'; token: string } | { kind: 'ended' } | { kind: 'none' };

/**
 * Splits a result into what the page may see and what the shell keeps: the token never stays in
 * the body (a shell puts it in an HttpOnly cookie, or keeps it in Electron's main process), so
 * that page scripts never see it. The one implementation both shells use.
 */
export function splitSession(result: unknown): { body: unknown; session: SessionChange } {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return { body: result, session: { kind: 'none' } };
  if ('sessionToken' in result) {
    // whatever its type, the field does not reach the page
    const { sessionToken, ...body } = result;
    return { body, session: typeof sessionToken === 'string' && sessionToken !== '' ? { kind: 'opened', token: sessionToken } : { kind: 'none' } };
  }
  if ('endSession' in result && result.endSession === true) return { body: result, session: { kind: 'ended' } };
  return { body: result, session: { kind: 'none' } };
}
