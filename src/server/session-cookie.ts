import type { IncomingMessage } from 'node:http';
import { splitSession } from '../shared/session';

/**
 * The session token travels only in this cookie: HttpOnly (page scripts never see it),
 * SameSite=Strict (no other site's page can send it), scoped to this origin. Together with the
 * per-start token header and the Origin check, a forged cross-site request carries nothing.
 */
/** Named per port: browsers share 127.0.0.1's cookies across ports, and two instances must not log each other out. */
export function sessionCookieName(port: number): string {
  return `zhijian_session_${port}`;
}

export function readSessionCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=') || undefined;
  }
  return undefined;
}

function cookie(name: string, value: string, maxAge?: number): string {
  return [`${name}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', ...(maxAge !== undefined ? [`Max-Age=${maxAge}`] : [])].join('; ');
}

/**
 * A result that opens a session loses its token to a Set-Cookie header; one that ends the
 * session clears the cookie. Everything else passes through untouched (see splitSession).
 */
export function takeSession(result: unknown, name: string): { body: unknown; cookie?: string } {
  const { body, session } = splitSession(result);
  if (session.kind === 'opened') return { body, cookie: cookie(name, session.token) };
  if (session.kind === 'ended') return { body, cookie: cookie(name, '', 0) };
  return { body: body ?? null };
}
