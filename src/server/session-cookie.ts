import type { IncomingMessage } from 'node:http';

/**
 * The session token travels only in this cookie: HttpOnly (page scripts never see it),
 * SameSite=Strict (no other site's page can send it), scoped to this origin. Together with the
 * per-start token header and the Origin check, a forged cross-site request carries nothing.
 */
export const SESSION_COOKIE = 'zhijian_session';

export function readSessionCookie(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

function cookie(value: string, maxAge?: number): string {
  return [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', ...(maxAge !== undefined ? [`Max-Age=${maxAge}`] : [])].join('; ');
}

/**
 * A result that opens a session loses its token to a Set-Cookie header; one that ends the
 * session clears the cookie. Everything else passes through untouched.
 */
export function takeSession(result: unknown): { body: unknown; cookie?: string } {
  if (typeof result !== 'object' || result === null) return { body: result ?? null };
  if ('sessionToken' in result && typeof result.sessionToken === 'string') {
    const { sessionToken, ...body } = result;
    return { body, cookie: cookie(sessionToken) };
  }
  if ('endSession' in result && result.endSession === true) return { body: result, cookie: cookie('', 0) };
  return { body: result };
}
