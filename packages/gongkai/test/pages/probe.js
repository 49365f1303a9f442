// Records what a host page would notice: errors thrown into it, CSP violations, requests, console warnings.
window.__gk = { errors: [], violations: [], warnings: [], loaded: 0, failed: 0 };
window.addEventListener('error', (event) =>
  window.__gk.errors.push(`${event.message} (${event.filename}:${event.lineno})`),
);
window.addEventListener('unhandledrejection', (event) => window.__gk.errors.push(String(event.reason)));
document.addEventListener('securitypolicyviolation', (event) => {
  window.__gk.violations.push(`${event.violatedDirective} ${event.blockedURI} (${event.sourceFile})`);
});
document.addEventListener('gk-load', () => window.__gk.loaded++);
document.addEventListener('gk-error', () => window.__gk.failed++);
const consoleWarn = console.warn;
console.warn = function (...args) {
  window.__gk.warnings.push(args.join(' '));
  return consoleWarn.apply(console, args);
};
