// The web client: static files in web/dist, served by the local runner on the API's origin (and later
// from the web origin). Preact's JSX is compiled by Vite's own transform (oxc): no Babel, no preset.
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const routes = JSON.parse(readFileSync(new URL('./src/routes.json', import.meta.url), 'utf8'));

export default defineConfig({
  root,
  base: '/',
  // nothing is fetched from elsewhere at run time, and no asset becomes a data: URL: the CSP allows 'self' only
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    target: 'es2022',
  },
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  plugins: [{
    // The app's paths, for the server that answers them with index.html (the local runner; later the CDN).
    name: 'dianzan-app-routes',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'routes.json', source: JSON.stringify(Object.values(routes)) + '\n' });
    },
  }],
});
