import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type ProxyOptions } from 'vite';

// In development the api runs separately; the browser still talks to one origin, as in production,
// where the api serves this app itself.
const api = 'http://127.0.0.1:3000';
const proxy: Record<string, ProxyOptions> = {
  '/graphql': { target: api, ws: true },
  '/api': { target: api },
  '/badges': { target: api },
};

export default defineConfig({
  // The Nx convention: Vite's cache under the root node_modules, so web/ never grows a node_modules.
  cacheDir: '../node_modules/.vite/web',
  plugins: [sveltekit()],
  server: { proxy },
  preview: { proxy },
});
