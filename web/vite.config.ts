import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The server sends a strict CSP (script-src 'self'; style-src 'self'), so the
// build must not emit inline scripts or styles: CSS goes to files, JS to
// module files, and the module-preload polyfill (an inline helper in some
// setups) is turned off — every browser we target supports modulepreload.
export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
    target: 'es2020',
  },
  server: {
    // `npm run dev` proxies the API to a locally running `rxtrack serve`.
    proxy: {
      '/api': process.env.RXTRACK_API ?? 'http://127.0.0.1:8080',
    },
  },
});
