// A small Vite plugin that writes dist/sw.js from build/sw-template.js with the list of
// files that make up the app shell (no Workbox: nothing is downloaded at install time).
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Plugin, Rollup } from 'vite'

type OutputItem = Rollup.OutputChunk | Rollup.OutputAsset

export interface SwOptions {
  /** Chunk names left out of the precache (fetched and cached when first used). */
  lazyChunks?: string[]
  /** Files from public/ to precache. */
  publicFiles?: string[]
  /** Other pages of the build (e.g. 'console.html') whose own files are not precached. */
  excludeEntries?: string[]
}

/** Every file a page loads: its entry chunk, static and dynamic imports, CSS and assets. */
function pageFiles(bundle: Record<string, OutputItem>, html: string): Set<string> {
  const files = new Set<string>()
  const visit = (fileName: string) => {
    const item = bundle[fileName]
    if (!item || files.has(fileName)) return
    files.add(fileName)
    if (item.type !== 'chunk') return
    for (const css of item.viteMetadata?.importedCss ?? []) files.add(css)
    for (const asset of item.viteMetadata?.importedAssets ?? []) files.add(asset)
    for (const next of [...item.imports, ...item.dynamicImports]) visit(next)
  }
  for (const item of Object.values(bundle)) {
    if (item.type === 'chunk' && item.isEntry && item.facadeModuleId?.endsWith(`/${html}`)) visit(item.fileName)
  }
  return files
}

export function appShellServiceWorker(options: SwOptions = {}): Plugin {
  const lazy = new Set(options.lazyChunks ?? [])
  const otherPages = options.excludeEntries ?? []
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
      // Files only another page needs (the console's Element Plus screens) stay out.
      const phone = pageFiles(bundle, 'index.html')
      for (const html of otherPages) {
        for (const file of pageFiles(bundle, html)) if (!phone.has(file)) lazyFiles.add(file)
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
