// Full Be Vietnam Pro TTFs (not web subsets) so every Vietnamese letter has a glyph and
// pdftotext/search engines get the text back through the ToUnicode map pdf-lib writes.
import { readFile } from 'node:fs/promises';
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
