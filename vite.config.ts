/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './plugins/contentSecurityPolicy.ts';
import { lambdaCafeBridge } from './server/vitePlugin.ts';
import { serviceWorker } from './plugins/serviceWorker.ts';

export default defineConfig({
  // lambdaCafeBridge: Lambda's Invoke API on the dev and preview servers (README: "Use your own AWS CLI or SDK").
  // serviceWorker: the offline café, production builds only (README: "Offline and install").
  plugins: [react(), contentSecurityPolicy(), lambdaCafeBridge(), serviceWorker()],
  // Relative base so the built app works from any folder an author copies it to (embeds).
  base: './',
  build: {
    manifest: true,
    // #12: the embed page and its demo are pages of their own beside index.html.
    rollupOptions: { input: { main: 'index.html', embed: 'embed.html', 'embed-demo': 'embed-demo.html' } },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/test/setup.ts'],
  },
});
