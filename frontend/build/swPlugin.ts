// A small Vite plugin that writes dist/sw.js from build/sw-template.js with the list of
// files that make up the app shell (no Workbox: nothing is downloaded at install time).
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Plugin } from 'vite'

export interface SwOptions {
  /** Chunk names left out of the precache (fetched and cached when first used). */
  lazyChunks?: string[]
  /** Files from public/ to precache. */
  publicFiles?: string[]
}

export function appShellServiceWorker(options: SwOptions = {}): Plugin {
  const lazy = new Set(options.lazyChunks ?? [])
  return {
    name: 'yz-app-shell-sw',
    apply: 'build',
    generateBundle(_output, bundle) {
      const lazyFiles = new Set<string>()
      for (const item of Object.values(bundle)) {
        if (item.type === 'chunk' && lazy.has(item.name)) {
          lazyFiles.add(item.fileName)
          for (const css of item.viteMetadata?.importedCss ?? []) lazyFiles.add(css)
        }
      }
      const assets = Object.keys(bundle)
        .filter((file) => file.startsWith('assets/') && !lazyFiles.has(file) && !file.endsWith('.map'))
        .sort()
      const shell = ['/', ...(options.publicFiles ?? []), ...assets.map((f) => `/${f}`)]
      const version = createHash('sha256').update(shell.join('\n')).digest('hex').slice(0, 12)
      const template = readFileSync(new URL('./sw-template.js', import.meta.url), 'utf8')
      const source = template
        .replace('__VERSION__', version)
        .replace('__SHELL__', JSON.stringify(shell, null, 2))
      this.emitFile({ type: 'asset', fileName: 'sw.js', source })
    },
  }
}
