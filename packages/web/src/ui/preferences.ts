import { useSyncExternalStore } from 'react';

/**
 * Display mode, remembered per device: 'large' = larger text plus high-contrast colours, for
 * older eyes and bright outdoor light. Applied as <html data-display="large">, which tokens.css reads.
 */
export type DisplayMode = 'standard' | 'large';

const STORAGE_KEY = 'motcua.display';
const listeners = new Set<() => void>();

function readDisplayMode(): DisplayMode {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'large' ? 'large' : 'standard';
  } catch {
    return 'standard';
  }
}

let current: DisplayMode = readDisplayMode();

/** Call once before the first render so the page never flashes in the other mode. */
export function applyDisplayMode(mode: DisplayMode = current): void {
  current = mode;
  if (typeof document !== 'undefined') {
    if (mode === 'large') document.documentElement.dataset.display = 'large';
    else delete document.documentElement.dataset.display;
  }
  listeners.forEach((notify) => notify());
}

function setDisplayMode(mode: DisplayMode): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, mode);
  } catch {
    // Without storage the mode still applies for this visit.
  }
  applyDisplayMode(mode);
}

function subscribe(notify: () => void): () => void {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

export function useDisplayMode(): [DisplayMode, (mode: DisplayMode) => void] {
  const mode = useSyncExternalStore(
    subscribe,
    () => current,
    () => 'standard' as const,
  );
  return [mode, setDisplayMode];
}
