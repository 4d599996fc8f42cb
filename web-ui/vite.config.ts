import { defineConfig } from 'vitest/config';

// The Maven build packages target/classes/static into the jar; Spring Boot serves it at "/".
// `npm run dev` proxies the API and the WebSocket to an app on localhost:8080 (or $SKYX_API).
const api = process.env.SKYX_API ?? 'http://localhost:8080';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      input: { main: 'index.html', reserves: 'reserves.html', wallet: 'wallet.html', account: 'account.html', relays: 'relays.html' },
    },
  },
  server: {
    proxy: {
      '/api': api,
      '/ws': { target: api.replace(/^http/, 'ws'), ws: true },
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
