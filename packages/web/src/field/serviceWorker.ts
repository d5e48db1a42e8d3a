/**
 * Registers the service worker vite-plugin-pwa generates (vite.config.ts fieldPwa): scope
 * /luu-dong/, so only the field app is served from the precache when offline.
 */
export function registerFieldWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/luu-dong/' }).catch(() => {
    // Without it the app still works online; the home page says offline start is not ready.
  });
}

/** Whether this page is controlled by an active worker: the app will open without network. */
export async function offlineReady(): Promise<boolean> {
  if (!('serviceWorker' in navigator)) return false;
  const registration = await navigator.serviceWorker.getRegistration('/luu-dong/');
  return registration?.active?.state === 'activated';
}
