import { createApp } from 'vue'
import 'vant/es/toast/style'
import 'vant/es/dialog/style'
import 'vant/es/notify/style'
import './styles/base.css'
import App from './App.vue'
import { router } from './router'
import { ensureCsrf, setHttpHooks } from './api/http'
import { initFontSize } from './stores/fontSize'
import { useSession } from './stores/session'
import { registerServiceWorker } from './sw/register'
import { prefetchAttempt } from './exam/prefetch'

initFontSize()

setHttpHooks({
  onUnauthorized() {
    useSession().clear()
    const current = router.currentRoute.value
    if (current.name !== 'login') {
      router.replace({ name: 'login', query: { redirect: current.fullPath } })
    }
  },
  onPasswordChangeRequired() {
    if (router.currentRoute.value.name !== 'password') {
      router.replace({ name: 'password', query: { first: '1' } })
    }
  },
})

// After a new release the old hashed chunks are gone, so a phone that kept the app open
// fails to load the next screen. Load the new app once at that address instead of showing
// a generic error (once per address, so an offline phone does not reload in a loop).
router.onError((error, to) => {
  const message = String((error as Error | undefined)?.message ?? error)
  if (!/dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(message)) return
  const key = `yz-chunk-reload:${to.fullPath}`
  if (sessionStorage.getItem(key)) return
  sessionStorage.setItem(key, '1')
  window.location.assign(to.fullPath)
})

void ensureCsrf()

// Opening an exam directly (a reload, a link): fetch its screen and its data while the
// session check runs.
const attemptPath = /^\/attempts\/(\d+)\/?$/.exec(location.pathname)
if (attemptPath) {
  void import('./views/exam/AttemptView.vue')
  prefetchAttempt(Number(attemptPath[1]))
}

createApp(App).use(router).mount('#app')

if (import.meta.env.PROD) registerServiceWorker()
