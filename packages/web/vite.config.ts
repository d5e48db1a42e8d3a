import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { ROUTE_BUDGETS } from './build/budgets.ts';
import { jsBudget } from './build/jsBudget.ts';

// The Fastify server (packages/server) listens on 3000 and serves dist/ in production; in
// development Vite serves the app and forwards everything the server owns.
const SERVER = 'http://localhost:3000';
const serverPaths = ['/api', '/health', '/auth', '/dev-idp', '/verify', '/docs', '/xa'];
const proxy = Object.fromEntries(serverPaths.map((path) => [path, { target: SERVER }]));

export default defineConfig({
  plugins: [react(), jsBudget({ budgets: ROUTE_BUDGETS }), fieldPwa()],
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

/**
 * The field app (/luu-dong/) as an installable PWA: the service worker precaches the built shell
 * and every chunk so the app opens with no network after one online visit. Its scope is
 * /luu-dong/ only, so the portal and office behave exactly as before; it registers from the field
 * app (src/field/serviceWorker.ts). No runtime caching: API answers are never cached — the field
 * kit lives in IndexedDB, sealed (src/field/db.ts).
 */
function fieldPwa() {
  return VitePWA({
    strategies: 'generateSW',
    injectRegister: null,
    registerType: 'autoUpdate',
    scope: '/luu-dong/',
    includeAssets: ['favicon.svg', 'field-icon.svg'],
    manifest: {
      id: '/luu-dong/',
      name: 'Motcua – Tiếp nhận lưu động',
      short_name: 'Lưu động',
      description: 'Tiếp nhận hồ sơ, tư vấn và khảo sát tại thôn, ấp, kể cả khi không có mạng.',
      lang: 'vi',
      start_url: '/luu-dong/',
      scope: '/luu-dong/',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#0a4f9c',
      icons: [
        { src: '/field-icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/field-icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/field-icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
      navigateFallback: '/index.html',
      navigateFallbackAllowlist: [/^\/luu-dong(\/|$)/],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: true,
      runtimeCaching: [],
    },
  });
}
