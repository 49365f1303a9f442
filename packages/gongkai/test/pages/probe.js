// Records what a host page would notice: errors thrown into it, CSP violations, requests.
window.__gk = { errors: [], violations: [], loaded: 0, failed: 0 };
window.addEventListener('error', (event) => window.__gk.errors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => window.__gk.errors.push(String(event.reason)));
document.addEventListener('securitypolicyviolation', (event) => {
  window.__gk.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
document.addEventListener('gk-load', () => window.__gk.loaded++);
document.addEventListener('gk-error', () => window.__gk.failed++);
