// Gzipped size of what the browser must load to open the exam page: the entry (with its
// static imports and CSS) plus the attempt route chunk (with its static imports and CSS).
// Reads dist/.vite/manifest.json; run after `npm run build`. Prints one JSON line last.
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../dist')
const manifest = JSON.parse(readFileSync(resolve(dist, '.vite/manifest.json'), 'utf8'))

function closure(key, seen = new Set()) {
  const entry = manifest[key]
  if (!entry || seen.has(entry.file)) return seen
  seen.add(entry.file)
  for (const css of entry.css ?? []) seen.add(css)
  for (const dep of entry.imports ?? []) closure(dep, seen)
  return seen
}

const gz = (file) => gzipSync(readFileSync(resolve(dist, file)), { level: 9 }).length
const kb = (n) => (n / 1024).toFixed(1)

const entry = closure('index.html')
const route = closure('src/views/exam/AttemptView.vue', new Set())
const examPage = new Set([...entry, ...route, 'index.html'])
const sum = (files) => [...files].reduce((t, f) => t + gz(f), 0)

const figures = {
  entry_gzip_kb: Number(kb(sum(entry))),
  exam_route_only_gzip_kb: Number(kb(sum([...route].filter((f) => !entry.has(f))))),
  exam_page_total_gzip_kb: Number(kb(sum(examPage))),
  budget_kb: 150,
}
for (const file of [...examPage].sort()) console.log(`${kb(gz(file)).padStart(7)} KB  ${file}`)
console.log(`entry ${figures.entry_gzip_kb} KB + exam route ${figures.exam_route_only_gzip_kb} KB = ${figures.exam_page_total_gzip_kb} KB gzipped (budget 150 KB)`)
console.log(JSON.stringify(figures))
