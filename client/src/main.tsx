/**
 * Entry point: loads the styles, applies the chosen colour scheme, mounts the app and installs
 * the service worker that opens it offline.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { registerServiceWorker } from './offline/registerServiceWorker'
import { startTheme } from './theme/theme'
import './styles/index.css'

startTheme()
registerServiceWorker()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
