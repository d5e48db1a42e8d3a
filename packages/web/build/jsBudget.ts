import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

interface BudgetOptions {
  /** Route module whose first visit is budgeted, relative to the package, e.g. 'src/portal/HomePage.tsx'. */
  route: string;
  /** Gzip KB allowed for the entry chunk plus the route's chunk and everything they import statically. */
  maxGzipKb: number;
}

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
}

/**
 * Fails the build when the JavaScript a first visit to `route` downloads grows past the budget:
 * the citizens we serve are on cheap phones and slow mobile data, so size is a feature.
 */
export function jsBudget({ route, maxGzipKb }: BudgetOptions): Plugin {
  return {
    name: 'motcua-js-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item): item is typeof item & ChunkLike => item.type === 'chunk');
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const entry = chunks.find((chunk) => chunk.isEntry);
      const page = chunks.find((chunk) => chunk.facadeModuleId?.replace(/\\/g, '/').endsWith(route));
      if (!entry || !page) {
        this.error(`js budget: cannot find the entry chunk or the chunk of ${route}`);
        return;
      }
      const needed = new Set<string>();
      const visit = (fileName: string) => {
        if (needed.has(fileName)) return;
        needed.add(fileName);
        byName.get(fileName)?.imports.forEach(visit);
      };
      visit(entry.fileName);
      visit(page.fileName);
      const bytes = [...needed].reduce((sum, fileName) => sum + gzipSync(byName.get(fileName)?.code ?? '').length, 0);
      const kb = bytes / 1024;
      const summary = `${route}: ${kb.toFixed(1)} KB gzip JS on first visit (budget ${maxGzipKb} KB, ${needed.size} chunks)`;
      if (kb > maxGzipKb) this.error(`js budget exceeded — ${summary}`);
      else this.info(summary);
    },
  };
}
