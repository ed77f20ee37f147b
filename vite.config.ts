import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app (src/web) builds to dist/web; the Fastify server serves it (src/server/plugins/web.ts).
export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
