import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/shared/csp.ts';

/** The same policy as the headers of serve and of Electron's app:// scheme, also as a meta tag in the page. */
function contentSecurityPolicy(): Plugin {
  // frame-ancestors is ignored (and warned about) in a meta tag
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'zhijian-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  root: 'src/ui',
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../../dist/ui',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
