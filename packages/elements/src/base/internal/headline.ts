import { html, type TemplateResult } from 'lit';

/** The headline's figures (an annual report's year, a consultation's comments): label above, value below; styled by headline.styles.ts. */
export function headlineFigures(figures: Array<[label: string, value: unknown]>): TemplateResult {
  return html`<dl class="figures">${figures.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>`;
}
