// The organization department's console (console.html, served at /console/): Vue 3 +
// Element Plus on demand, the same typed API client and session as the phone app.
import { createApp } from 'vue'
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import './styles/console.css'
import { setHttpHooks } from '@/api/http'
import { useSession } from '@/stores/session'
import App from './App.vue'
import { router } from './router'
import { SCOPE_INVALID, scopeHeaders, useScope } from './scope'

setHttpHooks({
  headers: scopeHeaders,
  onUnauthorized() {
    useSession().clear()
    useScope().clearScope()
    const current = router.currentRoute.value
    if (current.name !== 'login') router.replace({ name: 'login', query: { redirect: current.fullPath } })
  },
  onPasswordChangeRequired() {
    if (router.currentRoute.value.name !== 'password') router.replace({ name: 'password' })
  },
  onError(error) {
    // The saved scope is no longer the admin's (revoked, unit moved): fall back to all.
    if (error.code === SCOPE_INVALID) {
      useScope().resetScope()
      ElMessage.warning(`${error.detail}，已切换为全部管理范围`)
    }
  },
})

// After a new release the old hashed chunks are gone: load the new console once.
router.onError((error, to) => {
  const message = String((error as Error | undefined)?.message ?? error)
  if (!/dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(message)) return
  const key = `yz-console-reload:${to.fullPath}`
  if (sessionStorage.getItem(key)) return
  sessionStorage.setItem(key, '1')
  window.location.assign(router.resolve(to).href)
})

createApp(App).use(router).mount('#console')
