/**
 * A native notification, only where the desk runs inside Electron (its renderer's Notification is the
 * system's). In web mode — E2E, the browser desk, a machine without the Electron binary — it does nothing:
 * the in-app toast is the notification there. Never throws.
 */
export function nativeNotify(title: string, body: string): void {
  try {
    const inElectron = typeof navigator !== 'undefined' && /\bElectron\//.test(navigator.userAgent);
    if (!inElectron || typeof Notification === 'undefined' || Notification.permission === 'denied') return;
    new Notification(title, { body, silent: false });
  } catch {
    // A notification is a courtesy; the centre still lists it.
  }
}
