import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { ROUTE_BUDGETS } from './build/budgets.ts';
import { jsBudget } from './build/jsBudget.ts';

// The Fastify server (packages/server) listens on 3000 and serves dist/ in production; in
// development Vite serves the app and forwards everything the server owns.
const SERVER = 'http://localhost:3000';
const serverPaths = ['/api', '/health', '/auth', '/dev-idp', '/verify', '/docs'];
const proxy = Object.fromEntries(serverPaths.map((path) => [path, { target: SERVER }]));

export default defineConfig({
  plugins: [react(), jsBudget({ budgets: ROUTE_BUDGETS })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Minified size; the shell (React, router, i18next) is ~330 KB minified ≈ 105 KB gzip.
    // The gzip budget above is the real limit; this only flags one chunk growing suspiciously.
    chunkSizeWarningLimit: 400,
  },
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 4173, strictPort: true, proxy },
});
