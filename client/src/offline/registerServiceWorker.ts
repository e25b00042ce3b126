/**
 * Installs the service worker (client/src/sw/serviceWorker.ts) that lets the app open without
 * a network. The development server has no /sw.js (it answers with its page, which the browser
 * refuses to run as a worker), so there the registration fails quietly. After the page has
 * loaded, so caching the build never competes with the page's own first downloads.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return
  const register = () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // No worker (a private window, a browser setting): the app works, just not offline.
    })
  }
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}
