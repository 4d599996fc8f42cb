import { defineConfig } from 'vitest/config';

// The Maven build packages target/classes/static into the jar; Spring Boot serves it at "/".
// `npm run dev` proxies the API and the WebSocket to an app on localhost:8080.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    rollupOptions: { input: { main: 'index.html', reserves: 'reserves.html' } },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
