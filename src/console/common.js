// Shared pieces: light-DOM elements (one stylesheet, plain selectors for assistive tech and tests), error display,
// times.
import { LitElement, html, nothing } from 'lit';

export class Page extends LitElement {
  createRenderRoot() {
    return this;
  }
}

// An API error with every field it names, announced to screen readers.
export function errorView(error) {
  if (!error) return nothing;
  return html`<div class="error" role="alert">
    <strong>${error.title || 'Error'}</strong>${error.status ? html` (${error.status})` : nothing}:
    ${error.message}
    ${error.errors && error.errors.length ? html`<ul class="fields">
      ${error.errors.map((e) => html`<li><code class="field">${e.field}</code>: ${e.message}</li>`)}</ul>`
    : nothing}
    ${error.supportedSites ? html`<p>Supported sites: ${error.supportedSites.join(', ')}</p>` : nothing}
  </div>`;
}

// "in 3 h 12 min" / "4 min ago", from now.
export function countdown(instant, now = Date.now()) {
  if (!instant) return '';
  const ms = Date.parse(instant) - now;
  const minutes = Math.round(Math.abs(ms) / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const text = days ? `${days} d ${hours} h` : hours ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
  return ms >= 0 ? `in ${text}` : `${text} ago`;
}

export function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

export const shopLabel = (shop) => `${shop.marketplace} ${shop.site} ${shop.shopId}`;
