import { defineProject } from 'vitest/config';

// Web unit tests (pure logic: API client, dictionaries, formatting) run in Node.
// Run: cd packages/web && npx vitest run — or list 'packages/web' in the root `projects`.
export default defineProject({
  test: { name: 'web', include: ['src/**/*.test.ts'] },
});
