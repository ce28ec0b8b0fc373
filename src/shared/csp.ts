/**
 * The Content Security Policy of the UI, in both shells: only the application's own scripts,
 * no eval, no remote anything. Mantine sets inline style attributes, hence 'unsafe-inline' for
 * styles only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
