import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Adapter tests start real Bolt apps and discord.js clients on loopback; give them room.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
