/* 应知应会 service worker: keeps the app shell so a reload without network still opens
 * the exam page. Generated at build time by build/swPlugin.ts (the shell list and version
 * are filled in). The API is never cached here: answers go through the IndexedDB queue. */
const VERSION = '__VERSION__'
const SHELL = __SHELL__
const CACHE = `yz-shell-${VERSION}`
const RUNTIME = 'yz-runtime'
const NAVIGATION_TIMEOUT_MS = 4000
// The API, Django's own pages and the console (a desktop page with its own files) are
// never answered from the phone's shell.
const BYPASS = /^\/(api\/|admin\/|static\/|media\/|console(\/|\.html|$))/

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE)
      await cache.addAll(SHELL.filter((url) => url !== '/'))
      // The shell page itself: Django returns index.html for every app path.
      const page = await fetch('/', { cache: 'reload', credentials: 'same-origin' })
      if (page.ok) await cache.put('/index.html', page)
      await self.skipWaiting()
    })(),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys()
      await Promise.all(
        names.filter((n) => n.startsWith('yz-shell-') && n !== CACHE).map((n) => caches.delete(n)),
      )
      await self.clients.claim()
    })(),
  )
})

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}

async function navigation(request) {
  const cache = await caches.open(CACHE)
  try {
    const response = await withTimeout(fetch(request), NAVIGATION_TIMEOUT_MS)
    const type = response.headers.get('Content-Type') || ''
    if (response.ok && type.includes('text/html')) cache.put('/index.html', response.clone())
    return response
  } catch (error) {
    const cached = await cache.match('/index.html')
    if (cached) return cached
    throw error
  }
}

async function asset(request) {
  const cached = await caches.match(request)
  if (cached) return cached
  const response = await fetch(request)
  // Hashed files never change: keep what was fetched later (e.g. the chart library).
  if (response.ok) (await caches.open(RUNTIME)).put(request, response.clone())
  return response
}

async function staleWhileRevalidate(request) {
  const cached = await caches.match(request)
  const fresh = fetch(request)
    .then(async (response) => {
      if (response.ok) (await caches.open(RUNTIME)).put(request, response.clone())
      return response
    })
    .catch(() => cached)
  return cached || fresh
}

self.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin || BYPASS.test(url.pathname)) return
  if (request.mode === 'navigate') {
    event.respondWith(navigation(request))
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(asset(request))
  } else if (SHELL.includes(url.pathname)) {
    event.respondWith(staleWhileRevalidate(request))
  }
})
