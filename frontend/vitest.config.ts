import { defineConfig } from 'vitest/config';

// Unit tests of pure logic (word count, formatting, problem sentences); the browser journeys live in e2e/.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
