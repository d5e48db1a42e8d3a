import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export interface RouteBudget {
  /**
   * Route module(s) whose first visit is budgeted, relative to the package: a page, or a layout
   * and its page (['src/office/OfficeLayout.tsx', 'src/office/QueuePage.tsx']).
   */
  route: string | readonly string[];
  /** Gzip KB allowed for the entry chunk plus the route's chunks and everything they import statically. */
  maxGzipKb: number;
}

/** Either one route (the original form) or several. */
export type BudgetOptions = RouteBudget | { budgets: readonly RouteBudget[] };

export interface ChunkLike {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
}

export interface FirstVisit {
  bytes: number;
  chunks: number;
}

/**
 * Gzip bytes of the JavaScript a first visit to `routes` downloads before it is usable: the entry
 * chunk, the routes' lazy chunks, and their static imports (shared chunks counted once).
 * Throws when a route module has no chunk of its own (a typo, or it stopped being lazy).
 */
export function firstVisit(chunks: readonly ChunkLike[], routes: readonly string[]): FirstVisit {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const entry = chunks.find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('js budget: no entry chunk');
  const needed = new Set<string>();
  const visit = (fileName: string) => {
    if (needed.has(fileName)) return;
    needed.add(fileName);
    byName.get(fileName)?.imports.forEach(visit);
  };
  visit(entry.fileName);
  for (const route of routes) {
    const page = chunks.find((chunk) => chunk.facadeModuleId?.replace(/\\/g, '/').endsWith(route));
    if (!page) throw new Error(`js budget: cannot find the chunk of ${route}`);
    visit(page.fileName);
  }
  const bytes = [...needed].reduce((sum, fileName) => sum + gzipSync(byName.get(fileName)?.code ?? '').length, 0);
  return { bytes, chunks: needed.size };
}

/**
 * Fails the build when the JavaScript a first visit to a route downloads grows past its budget:
 * the citizens we serve are on cheap phones and slow mobile data, so size is a feature.
 */
export function jsBudget(options: BudgetOptions): Plugin {
  const budgets = 'budgets' in options ? options.budgets : [options];
  return {
    name: 'motcua-js-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item): item is typeof item & ChunkLike => item.type === 'chunk');
      for (const { route, maxGzipKb } of budgets) {
        const routes = typeof route === 'string' ? [route] : [...route];
        let visit: FirstVisit;
        try {
          visit = firstVisit(chunks, routes);
        } catch (error) {
          this.error((error as Error).message);
          return;
        }
        const kb = visit.bytes / 1024;
        const summary = `${routes.join(' + ')}: ${kb.toFixed(1)} KB gzip JS on first visit (budget ${maxGzipKb} KB, ${visit.chunks} chunks)`;
        if (kb > maxGzipKb) this.error(`js budget exceeded — ${summary}`);
        else this.info(summary);
      }
    },
  };
}
