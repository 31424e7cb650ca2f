import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the built app (apps/web/dist) at /; `npm run dev -w @dunning/web` proxies /api to it.
export default defineConfig({
  plugins: [react()],
  // The manifest maps each page to its chunks: `npm run bench:web` sums what each route loads.
  build: { outDir: 'dist', emptyOutDir: true, manifest: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
