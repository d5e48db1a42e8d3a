import type { DossierProgress } from '@motcua/core/api';
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';

/** How often an open dossier asks where it stands (a projection read: cheap for the server). */
export const PROGRESS_INTERVAL_MS = 2000;

/**
 * Where the dossier stands on the server, polled while the page is visible, so the page can
 * reload itself when the background work (signing the result, marking it ready) has moved it.
 * Polling rather than server-sent events: see docs/decisions.md, "From approval to result".
 */
export function useDossierProgress(code: string): DossierProgress | null {
  const [progress, setProgress] = useState<DossierProgress | null>(null);
  useEffect(() => {
    let controller: AbortController | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      if (document.visibilityState === 'visible') {
        controller = new AbortController();
        try {
          const next = await api.get<DossierProgress>(`/api/dossiers/${encodeURIComponent(code)}/progress`, { signal: controller.signal });
          if (!stopped) setProgress((prev) => (prev && prev.version === next.version && prev.documents === next.documents ? prev : next));
        } catch {
          // A missed poll changes nothing: the next one asks again.
        }
      }
      if (!stopped) timer = setTimeout(tick, PROGRESS_INTERVAL_MS);
    };
    timer = setTimeout(tick, PROGRESS_INTERVAL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
    };
  }, [code]);
  return progress;
}
