/**
 * The Vite plugin that serves the café's Invoke API (lambdaBridge.ts) on `npm run dev`
 * (configureServer) and on `vite preview` (configurePreviewServer). Registered before Vite's
 * own middlewares, so Lambda's paths never fall through to the SPA's index.html.
 */
import type { Plugin } from 'vite';
import { createLambdaBridge } from './lambdaBridge.ts';

export function lambdaCafeBridge(): Plugin {
  return {
    name: 'lambda-cafe-bridge',
    configureServer(server) {
      const bridge = createLambdaBridge();
      server.middlewares.use(bridge.handle);
      server.httpServer?.on('close', bridge.close);
    },
    configurePreviewServer(server) {
      const bridge = createLambdaBridge();
      server.middlewares.use(bridge.handle);
      server.httpServer.on('close', bridge.close);
    },
  };
}
