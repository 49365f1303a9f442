/**
 * Character references in editor text (&amp;, &#8212;, &ldquo; …) decoded to the
 * characters a browser would show, without parsing HTML. marked's lexer leaves
 * them in its tokens for an HTML renderer; text nodes need the characters.
 */

/**
 * The named references editors and CMS pastes use, as name + character(s). The
 * HTML standard has 2,231 names; a name not listed here stays as written.
 */
const NAMES =
  'nbsp\u00a0amp&lt<gt>quot"apos\u0027AMP&LT<GT>QUOT"COPY©REG®copy©reg®trade™hellip…mdash—ndash–horbar―minus−lsquo‘rsquo’sbquo‚ldquo“rdquo”bdquo„laquo«raquo»lsaquo‹rsaquo›middot·bull•times×divide÷plusmn±deg°microµpara¶sect§permil‰prime′Prime″yen¥cent¢pound£euro€curren¤iexcl¡iquest¿shy\u00adensp\u2002emsp\u2003thinsp\u2009zwj\u200dzwnj\u200clrm\u200erlm\u200fle≤ge≥ne≠asymp≈equiv≡infin∞larr←rarr→uarr↑darr↓harr↔lArr⇐rArr⇒hArr⇔sup1¹sup2²sup3³frac12½frac14¼frac34¾ordfªordmºacute´uml¨cedil¸macr¯not¬brvbar¦dagger†Dagger‡loz◊spades♠clubs♣hearts♥diams♦check✓cross✗star☆starf★radic√sum∑prod∏part∂nabla∇isin∈notin∉cap∩cup∪and∧or∨ang∠there4∴sim∼alphaαbetaβgammaγdeltaδepsilonεpiπsigmaσomegaωmuμlambdaλthetaθOmegaΩDeltaΔSigmaΣ';
const NAMED = new Map([...NAMES.matchAll(/(\w+)(\W+)/g)].map((match) => [match[1]!, match[2]!]));

/** What browsers show for the numeric references 128–159 (windows-1252, as the HTML standard says). */
const C1 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/** Decodes &name; &#n; and &#xh; as a browser does in text; anything else stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|(\w+));/g,
    (whole, decimal?: string, hex?: string, name?: string) => {
      if (name) return NAMED.get(name) ?? whole;
      const code = decimal ? Number(decimal) : parseInt(hex!, 16);
      if (code >= 0x80 && code <= 0x9f) return C1[code - 0x80]!;
      return String.fromCodePoint(code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? 0xfffd : code);
    },
  );
}
