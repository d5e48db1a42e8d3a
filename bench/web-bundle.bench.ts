// JavaScript a first visit to each web route downloads (gzip), beside the same-run size of a
// bare React + ReactDOM app built by the same bundler: the ratio is what the app adds on top of
// the framework a phone must fetch anyway.
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';
import { ROUTE_BUDGETS } from '../packages/web/build/budgets.ts';
import { firstVisit, type ChunkLike } from '../packages/web/build/jsBudget.ts';
import { fmt, row } from './lib.ts';

const WEB = path.resolve(import.meta.dirname, '../packages/web');

function chunksOf(result: Awaited<ReturnType<typeof build>>): ChunkLike[] {
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  return outputs.flatMap((o) => o.output).filter((item): item is Rollup.OutputChunk => item.type === 'chunk') as unknown as ChunkLike[];
}

/** The baseline: an app that only mounts React, minified like ours. */
async function reactOnlyGzip(): Promise<number> {
  const id = '\0motcua-react-baseline';
  const result = await build({
    root: WEB,
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    plugins: [
      {
        name: 'react-baseline-entry',
        resolveId: (source) => (source === 'motcua-react-baseline' ? id : null),
        load: (source) =>
          source === id
            ? "import { createElement } from 'react';\nimport { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')).render(createElement('p', null, 'Motcua'));\n"
            : null,
      },
    ],
    build: { write: false, rollupOptions: { input: 'motcua-react-baseline' } },
  });
  return chunksOf(result).reduce((sum, chunk) => sum + gzipSync(chunk.code).length, 0);
}

export async function run() {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production'; // React's production build, as users get it
  try {
    const baseline = await reactOnlyGzip();
    const chunks = chunksOf(
      await build({ root: WEB, configFile: path.join(WEB, 'vite.config.ts'), logLevel: 'silent', mode: 'production', build: { write: false } }),
    );
    return ROUTE_BUDGETS.map(({ name, route }) => {
      const visit = firstVisit(chunks, typeof route === 'string' ? [route] : [...route]);
      return row(
        `first visit JS, ${name} (KB gzip)`,
        fmt(visit.bytes / 1024, 1),
        `${fmt(baseline / 1024, 1)} (react + react-dom only)`,
        `${fmt(visit.bytes / baseline)}×`,
      );
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}
