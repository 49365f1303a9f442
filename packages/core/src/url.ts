/**
 * Which link addresses an editor may write. Allowed: http(s), mailto:, tel:, and
 * addresses relative to the page (/files/a.pdf, ./a.pdf, a.pdf, #part, ?q=1).
 * Not allowed: javascript:, data:, vbscript: and every other scheme.
 */
export const SAFE_URL_PATTERN =
  /^(?:https?:\/\/[^\s]+|mailto:[^\s]+|tel:[+\d][\d\s-]*|(?![a-zA-Z][a-zA-Z0-9+.-]*:)[^\s\u0000-\u001f]+)$/;

/** True when `value` may be put into an href or src. */
export function isSafeUrl(value: string): boolean {
  // Browsers ignore tabs and newlines inside a scheme ("java\tscript:"), so strip them first.
  const compact = value.replace(/[\u0000-\u0020\u007f]/g, '');
  return SAFE_URL_PATTERN.test(compact) && compact === value.trim();
}

/** The address itself when safe, otherwise undefined (so a link renders as plain text). */
export function safeUrl(value: string | undefined): string | undefined {
  return value !== undefined && isSafeUrl(value) ? value.trim() : undefined;
}

/** True for an absolute address on another origin than `base` (such links get rel="noopener noreferrer"). */
export function isExternalUrl(href: string, base: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href.trim())) return false;
  try {
    return new URL(href, base).origin !== new URL(base).origin;
  } catch {
    return true;
  }
}
