/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './plugins/contentSecurityPolicy.ts';

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  // Relative base so the built app works from any folder an author copies it to (embeds).
  base: './',
  build: { manifest: true },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
