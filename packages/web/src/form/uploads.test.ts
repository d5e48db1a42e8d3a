import { describe, expect, it } from 'vitest';
import { afterSuccess, type Pending } from './uploads.ts';

const file = {} as File;
const item = (key: number, error?: string): Pending => ({ key, name: `f${key}`, progress: 0, file, ...(error ? { error } : {}) });

describe('afterSuccess', () => {
  it('a good file clears the refused upload it replaces, and keeps uploads still running', () => {
    expect(afterSuccess([item(1, 'Tệp không phải PDF'), item(2), item(3)], 2).map((p) => p.key)).toEqual([3]);
  });
  it('keeps running uploads when nothing had failed', () => {
    expect(afterSuccess([item(1), item(2)], 1).map((p) => p.key)).toEqual([2]);
  });
});
