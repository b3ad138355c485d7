import { defineConfig } from 'vite';

// The service serves the built app from its classpath (static/), so the build writes straight there.
export default defineConfig({
  build: {
    outDir: '../target/classes/static',
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080', '/public': 'http://localhost:8080' },
  },
});
