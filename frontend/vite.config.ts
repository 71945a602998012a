/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { VantResolver } from '@vant/auto-import-resolver'
import { appShellServiceWorker } from './build/swPlugin.ts'
import { precompress } from './build/compressPlugin.ts'
import { vantIconFont } from './build/vantIconFont.ts'

const VANT_CORE = new RegExp(
  'node_modules[\\\\/](@vant[\\\\/]|vant[\\\\/]es[\\\\/](utils|composables|style|icon|image|loading|badge|button|' +
    'popup|overlay|toast|dialog|notify|notice-bar|empty|nav-bar|tabbar|tabbar-item|cell|cell-group|' +
    'field|form|tag|action-bar|config-provider|lazyload|locale|index)[\\\\/.])',
)

// Served by Django (WhiteNoise) at the site root on the same origin as the API.
export default defineConfig({
  base: '/',
  plugins: [
    vantIconFont(),
    vue(),
    // Vant components are imported one by one, so only what a page uses is shipped.
    Components({ resolvers: [VantResolver()], dts: 'src/components.d.ts' }),
    appShellServiceWorker({
      lazyChunks: ['echarts'],
      publicFiles: ['/manifest.webmanifest', '/favicon.svg', '/favicon.png', '/icons/icon-192.png'],
    }),
    precompress(),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8010',
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 600,
    manifest: true,
    rolldownOptions: {
      output: {
        // Fewer, larger chunks: on a weak network a page needing thirty tiny files waits on
        // connection slots. Vant's shared code and the app's small shared modules are grouped.
        codeSplitting: {
          groups: [
            { name: 'vue', test: /node_modules[\\/](vue|@vue|vue-router|idb-keyval)[\\/]/, priority: 3 },
            // The Vant parts the app shell, login and exam screens use; other components
            // stay with the pages that need them.
            { name: 'vant', test: VANT_CORE, priority: 2 },
            {
              name: 'app-shared',
              test: /[\\/]src[\\/](api|utils|exam|stores|components[\\/]exam[\\/]QuestionCard)/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
  },
})
