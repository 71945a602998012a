// Vant inlines its icon font (about 25 KB gzipped) into its CSS as a data: URL, so every
// first page load carries it before anything renders; it also lists a third-party CDN
// fallback. This plugin writes the font out as its own hashed file (fetched in parallel
// and cached by the service worker) and drops the CDN URLs.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import type { Plugin } from 'vite'

const ICON_CSS = /vant[\\/](es|lib)[\\/]icon[\\/]index\.css$/
const DATA_URL = /url\(data:font\/woff2;charset=utf-8;base64,([A-Za-z0-9+/=]+)\)\s*format\(["']woff2["']\)/
const CDN_URLS = /,\s*url\(\/\/at\.alicdn\.com[^)]*\)\s*format\(["'][a-z]+["']\)/g

export function vantIconFont(cacheDir = 'node_modules/.cache/yz'): Plugin {
  let fontFile = ''
  return {
    name: 'yz-vant-icon-font',
    enforce: 'pre',
    configResolved(config) {
      fontFile = resolve(config.root, cacheDir, 'vant-icon.woff2')
    },
    transform(code, id) {
      const path = id.split('?')[0] ?? id
      if (!ICON_CSS.test(path)) return null
      const match = DATA_URL.exec(code)
      if (!match?.[1]) return null
      mkdirSync(dirname(fontFile), { recursive: true })
      writeFileSync(fontFile, Buffer.from(match[1], 'base64'))
      const rel = relative(dirname(path), fontFile).split('\\').join('/')
      return {
        code: code
          .replace(DATA_URL, `url("${rel}") format("woff2")`)
          .replace(CDN_URLS, '')
          .replace('font-display:auto', 'font-display:block'),
        map: null,
      }
    },
  }
}
