/** Entry point: defines the components and connects the app to its service worker. */
import './components/bh-app/bh-app.js';
import { registerServiceWorker } from './app/register-sw.js';

const app = document.querySelector('bh-app');
if (app) {
  registerServiceWorker({
    onUpdateWaiting(apply) {
      app.updateAvailable = true;
      app.addEventListener('bh-update-accept', () => apply(), { once: true });
    },
  });
}
