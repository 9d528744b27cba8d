import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served from app://sphere/ in Electron and from the browser host: relative paths work in both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
