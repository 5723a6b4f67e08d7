// The attention inbox across shops (GET /v1/attention): most urgent first, live countdowns, filters.
import { html, nothing } from 'lit';
import { Page, errorView, countdown, when, shopLabel } from './common.js';
import { call } from './api.js';

const KINDS = { REQUEST_PENDING: 'Request to answer', SHIP_BY: 'Ship by', OVERDUE: 'Overdue', HOLD_ENDS: 'Hold ends' };
const FILTERS = ['marketplace', 'site', 'shopId', 'kind'];

class Inbox extends Page {
  static properties = { data: { state: true }, error: { state: true }, now: { state: true } };

  constructor() {
    super();
    this.filters = {};
    this.now = Date.now();
  }

  connectedCallback() {
    super.connectedCallback();
    this.timer = setInterval(() => { this.now = Date.now(); }, 1000);
    this.load();
  }

  disconnectedCallback() {
    clearInterval(this.timer);
    super.disconnectedCallback();
  }

  async load(cursor) {
    const query = new URLSearchParams({ within: 'PT48H', limit: '50' });
    FILTERS.filter((name) => this.filters[name]).forEach((name) => query.set(name, this.filters[name]));
    if (cursor) query.set('cursor', cursor);
    try {
      const page = await call('GET', `/v1/attention?${query}`);
      this.data = cursor ? { ...page, items: [...this.data.items, ...page.items] } : page;
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  filter(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.filters = Object.fromEntries(FILTERS.map((name) => [name, form.get(name)]));
    this.load();
  }

  item(item) {
    const overdue = Date.parse(item.dueAt) < this.now;
    return html`<li class="attention ${item.kind.toLowerCase()}" data-order-key=${item.orderKey}
        data-kind=${item.kind}>
      <span class="kind">${KINDS[item.kind] || item.kind}</span>
      <a href="#/orders/${encodeURIComponent(item.orderKey)}">${item.orderKey}</a>
      <span class="shop">${shopLabel(item.shop)}</span>
      <time datetime=${item.dueAt} title=${when(item.dueAt)} class=${overdue ? 'late' : ''}>
        ${countdown(item.dueAt, this.now)}</time>
      ${item.ifNoResponse ? html`<span>if no answer: ${item.ifNoResponse}</span>` : nothing}
      ${item.autoCancelAt ? html`<span>platform cancels ${countdown(item.autoCancelAt, this.now)}</span>` : nothing}
    </li>`;
  }

  render() {
    const data = this.data;
    return html`<h1>Attention inbox</h1>
      <form class="filters" @submit=${this.filter} aria-label="Filters">
        <label>Marketplace <select name="marketplace">
          <option value="">all</option>
          ${['shopee', 'amazon', 'ozon', 'lazada', 'tiktok'].map((m) => html`<option>${m}</option>`)}</select></label>
        <label>Site <input name="site" size="4" pattern="[A-Z]{2}"></label>
        <label>Shop <input name="shopId" size="10"></label>
        <label>Kind <select name="kind"><option value="">all</option>
          ${Object.entries(KINDS).map(([kind, label]) => html`<option value=${kind}>${label}</option>`)}
        </select></label>
        <button type="submit">Apply filters</button>
      </form>
      ${errorView(this.error)}
      ${data ? html`<p class="as-of">As of ${when(data.asOf)}</p>
        ${data.items.length ? html`<ol class="inbox" aria-label="Attention items, most urgent first">
          ${data.items.map((item) => this.item(item))}</ol>` : html`<p>Nothing needs you now.</p>`}
        ${data.next ? html`<button type="button" @click=${() => this.load(data.next)}>More</button>` : nothing}
        ${data.metricsAtRisk && data.metricsAtRisk.length ? html`<h2>Metrics at risk</h2><ul class="at-risk">
          ${data.metricsAtRisk.map((m) => html`<li>${shopLabel(m.shop)}: ${m.metric} (${m.window}) ${m.value}
            against ${m.threshold}: <strong>${m.status}</strong></li>`)}</ul>` : nothing}`
      : nothing}`;
  }
}
customElements.define('og-inbox', Inbox);

