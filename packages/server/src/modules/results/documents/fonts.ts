// Full Be Vietnam Pro TTFs (not web subsets) so every Vietnamese letter has a glyph and
// pdftotext/search engines get the text back through the ToUnicode map pdf-lib writes.
import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FILES: Record<FontStyle, string> = {
  regular: '400Regular/BeVietnamPro_400Regular.ttf',
  bold: '700Bold/BeVietnamPro_700Bold.ttf',
  italic: '400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/BeVietnamPro_700Bold_Italic.ttf',
};

let packageDir: string | undefined;
const cache = new Map<FontStyle, Promise<Uint8Array>>();

function fontPackageDir(): string {
  packageDir ??= dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/be-vietnam-pro/package.json'));
  return packageDir;
}

/** Font bytes, read once per process; a failed read is not cached so it can be retried. */
export function loadFontBytes(style: FontStyle): Promise<Uint8Array> {
  let bytes = cache.get(style);
  if (!bytes) {
    bytes = readFile(join(fontPackageDir(), FILES[style])).then((b) => new Uint8Array(b));
    bytes.catch(() => cache.delete(style));
    cache.set(style, bytes);
  }
  return bytes;
}

type FontkitFont = ReturnType<typeof fontkit.create>;
type Layout = (text: string, features?: unknown) => { glyphs: unknown[] };
const parsed = new WeakMap<Uint8Array, FontkitFont>();
const LAYOUT_CACHE_LIMIT = 50_000;

/**
 * The fontkit pdf-lib is given (DocWriter): each font file is parsed once per process instead of
 * once per document, and its text shaping (GSUB/GPOS, what pdf-lib runs for every string it
 * measures or draws) is kept per text. pdf-lib reads only the glyphs of a layout and never changes
 * them, so documents may share one parsed font; each still embeds its own subset.
 */
export const preparedFontkit = {
  create(bytes: Uint8Array): FontkitFont {
    let font = parsed.get(bytes);
    if (font) return font;
    font = fontkit.create(bytes);
    const layout = (font as unknown as { layout: Layout }).layout.bind(font);
    const runs = new Map<string, { glyphs: unknown[] }>();
    (font as unknown as { layout: Layout }).layout = (text, features) => {
      const key = features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`;
      let run = runs.get(key);
      if (!run) {
        // Names and addresses vary without end: a full cache starts again rather than growing.
        if (runs.size >= LAYOUT_CACHE_LIMIT) runs.clear();
        run = { glyphs: layout(text, features).glyphs };
        runs.set(key, run);
      }
      return run;
    };
    parsed.set(bytes, font);
    return font;
  },
};
