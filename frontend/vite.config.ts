/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { VantResolver } from '@vant/auto-import-resolver'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { appShellServiceWorker } from './build/swPlugin.ts'
import { precompress } from './build/compressPlugin.ts'
import { vantIconFont } from './build/vantIconFont.ts'

const VANT_CORE = new RegExp(
  'node_modules[\\\\/](@vant[\\\\/]|vant[\\\\/]es[\\\\/](utils|composables|style|icon|image|loading|badge|button|' +
    'popup|overlay|toast|dialog|notify|notice-bar|empty|nav-bar|tabbar|tabbar-item|cell|cell-group|' +
    'field|form|tag|action-bar|config-provider|lazyload|locale|index)[\\\\/.])',
)

// Project modules only (Element Plus has src/utils folders of its own).
const APP_SHARED = /^(?!.*[\\/]node_modules[\\/]).*[\\/]src[\\/](api|utils|stores)[\\/]/
const PHONE_EXAM = /^(?!.*[\\/]node_modules[\\/]).*[\\/]src[\\/](exam[\\/]|components[\\/]exam[\\/]QuestionCard)/

// Files of the organization department's console (src/console/, console.html).
const CONSOLE_SOURCES = /[\\/]src[\\/]console[\\/]/

// Two pages, one project, served by Django (WhiteNoise) on the same origin as the API:
// the phone app (index.html at /) and the console (console.html at /console/).
export default defineConfig({
  base: '/',
  plugins: [
    vantIconFont(),
    vue(),
    // Vant components are imported one by one, so only what a page uses is shipped. The
    // phone app's files never resolve Element Plus: the console's are left to the next one.
    Components({
      resolvers: [VantResolver()],
      dts: 'src/components.d.ts',
      exclude: [/[\\/]node_modules[\\/]/, /[\\/]\.git[\\/]/, CONSOLE_SOURCES],
    }),
    // The console: Element Plus components (and their CSS) imported on demand, from its
    // own files only; its own components are imported explicitly.
    Components({
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      dts: 'src/console/components.d.ts',
      dirs: [],
      include: [/[\\/]src[\\/]console[\\/].*\.vue($|\?)/],
    }),
    appShellServiceWorker({
      lazyChunks: ['echarts'],
      // The phone's offline shell never carries the console.
      excludeEntries: ['console.html'],
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
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        console: fileURLToPath(new URL('./console.html', import.meta.url)),
      },
      output: {
        // Fewer, larger chunks: on a weak network a page needing thirty tiny files waits on
        // connection slots. Vant's shared code and the app's small shared modules are grouped.
        codeSplitting: {
          groups: [
            // Vue (and Vite's preload helpers, which both pages need: no extra request for them).
            {
              name: 'vue',
              test: /node_modules[\\/](vue|@vue|vue-router|idb-keyval)[\\/]|vite[\\/](preload-helper|modulepreload-polyfill)/,
              priority: 4,
            },
            // The API client, stores and formats, shared with the console: nothing here may
            // import Vant or the exam engine, or the console would load them too. (A group
            // takes its modules' dependencies along, so this one is matched before Vant's.)
            { name: 'app-shared', test: APP_SHARED, priority: 3 },
            // The Vant parts the app shell, login and exam screens use, with the exam engine and
            // its question card built on them; other components stay with the pages that need them.
            { name: 'vant', test: (id: string) => VANT_CORE.test(id) || PHONE_EXAM.test(id), priority: 2 },
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
    // Components that use Vant or Element Plus import their CSS: let Vite, not Node, load those files.
    server: { deps: { inline: ['vant', 'element-plus'] } },
  },
})
