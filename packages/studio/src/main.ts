/**
 * The studio's entry: the real elements (for the preview, in both languages) and the app.
 * Loaded as one module file under a strict CSP.
 */
import '@gongkai/core/translations/en';
import '@gongkai/elements';
import './studio-app.js';
