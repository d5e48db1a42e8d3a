import { afterEach, describe, expect, it } from 'vitest';
import { ensureDebianPackages, findBinary, runTool } from './system-tools.ts';
import { scratchDir } from './scratch.ts';

const emptyPath = scratchDir('motcua-empty-path-');

describe('system-tools', () => {
  const savedPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = savedPath;
  });

  it('finds binaries on PATH and is a no-op when they exist', async () => {
    expect(findBinary('sh')).toMatch(/\/sh$/);
    expect(findBinary('surely-not-a-binary-motcua')).toBeUndefined();
    await expect(ensureDebianPackages({ sh: 'dash' })).resolves.toBeUndefined();
  });

  it('rejects names that could reach the shell', async () => {
    await expect(ensureDebianPackages({ 'x;rm': 'dash' })).rejects.toThrow(/bad binary name/);
    await expect(ensureDebianPackages({ nothere: 'pkg $(id)' })).rejects.toThrow(/bad package name/);
  });

  it('throws instead of skipping when it cannot install', async () => {
    process.env.PATH = emptyPath;
    await expect(ensureDebianPackages({ pdfsig: 'poppler-utils' })).rejects.toThrow(/no apt-get\/flock/);
  });

  it('reports exit codes without throwing', async () => {
    expect(await runTool('sh', ['-c', 'echo hi; echo err >&2; exit 3'])).toEqual({ code: 3, stdout: 'hi\n', stderr: 'err\n', output: 'hi\nerr\n' });
  });
});
