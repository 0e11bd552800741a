import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Renderer only: the same bundle runs in Electron (file://, hence base './') and in a browser over the bridge. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
});
