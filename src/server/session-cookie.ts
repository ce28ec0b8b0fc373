import type { IncomingMessage } from 'node:http';
import { splitSession } from '../shared/session';

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
 * session clears the cookie. Everything else passes through untouched (see splitSession).
 */
export function takeSession(result: unknown): { body: unknown; cookie?: string } {
  const { body, session } = splitSession(result);
  if (session.kind === 'opened') return { body, cookie: cookie(session.token) };
  if (session.kind === 'ended') return { body, cookie: cookie('', 0) };
  return { body: body ?? null };
}
