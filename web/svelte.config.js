import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// The browser tests build into a private directory of their own (PEERLIFT_WEB_BUILD_DIR), so a build
// started elsewhere at the same time (npm start, another test run) never swaps files under them.
const out = process.env.PEERLIFT_WEB_BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // Runes everywhere in our code; libraries keep whatever mode they were written in.
    runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true),
  },
  kit: {
    // A single-page app: the NestJS api serves build/ at "/" and falls back to index.html for
    // every client-side route, so nothing is prerendered.
    adapter: adapter({ pages: out, assets: out, fallback: 'index.html', strict: true }),
    // index.html is served at every depth (/learn/fractions), so asset URLs must be absolute.
    paths: { relative: false },
  },
};

export default config;
