// Shops and their health: the seller's shops (GET /v1/shops) with open orders, inbox items and worst metric status;
// a shop's health (GET /v1/shops/{marketplace}/{site}/{shopId}/health): each metric against its threshold over its
// window, as a chart (Chart.js) and as text, whether the thresholds are the site's own or its marketplace's
// defaults (basis), Shopee's penalty points and Ozon's fine tier.
import { html, nothing } from 'lit';
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } from 'chart.js';
import { Page, errorView, shopLabel } from './common.js';
import { call } from './api.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
const COLOURS = { OK: '#2e7d32', AT_RISK: '#ef6c00', BREACHED: '#c62828' };
const LAST_SHOP = 'orderguard.shop';

class Shops extends Page {
  static properties = { shops: { state: true }, report: { state: true }, error: { state: true } };

  constructor() {
    super();
    this.charts = [];
    this.shop = JSON.parse(localStorage.getItem(LAST_SHOP) || '{"marketplace":"shopee","site":"MY","shopId":""}');
  }

  connectedCallback() {
    super.connectedCallback();
    this.list();
    if (this.shop.shopId) this.load();
  }

  async list() {
    try {
      this.shops = (await call('GET', '/v1/shops')).shops;
    } catch (e) {
      this.shops = [];
      this.error = e;
    }
  }

  show(shop) {
    this.shop = { ...shop };
    this.load();
  }

  async load() {
    const { marketplace, site, shopId } = this.shop;
    try {
      this.report = await call('GET', `/v1/shops/${encodeURIComponent(marketplace)}/${encodeURIComponent(site)}/`
        + `${encodeURIComponent(shopId)}/health`);
      this.error = null;
      localStorage.setItem(LAST_SHOP, JSON.stringify(this.shop));
    } catch (e) {
      this.report = null;
      this.error = e;
    }
  }

  choose(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.shop = { marketplace: form.get('marketplace'), site: form.get('site'), shopId: form.get('shopId') };
    this.load();
  }

  updated() {
    this.charts.forEach((chart) => chart.destroy());
    this.charts = [...this.querySelectorAll('canvas[data-metric]')].map((canvas) => {
      const metric = this.report.metrics[Number(canvas.dataset.metric)];
      return new Chart(canvas, {
        type: 'bar',
        data: {
          labels: [`${metric.window} ${metric.from} – ${metric.to}`],
          datasets: [
            { label: 'value', data: [metric.value], backgroundColor: COLOURS[metric.status] },
            { label: `threshold (${metric.limit.toLowerCase().replace('_', ' ')})`, data: [metric.threshold],
              backgroundColor: '#9e9e9e' },
          ],
        },
        options: { indexAxis: 'y', animation: false, responsive: false, scales: { x: { beginAtZero: true } } },
      });
    });
  }

  metric(metric, index) {
    return html`<section class="metric ${metric.status.toLowerCase()}" aria-labelledby="metric-${index}">
      <h3 id="metric-${index}">${metric.metric} <span class="status">${metric.status}</span></h3>
      <canvas data-metric=${index} width="420" height="110" role="img"
        aria-label="${metric.metric}: ${metric.value} against threshold ${metric.threshold}"></canvas>
      <p>${metric.value} (${metric.numerator} of ${metric.denominator}) against ${metric.threshold},
        ${metric.limit.toLowerCase().replace('_', ' ')}; window ${metric.window} from ${metric.from} to ${metric.to}.
        <a href=${metric.source}>source</a></p>
    </section>`;
  }

  shopList() {
    if (!this.shops) return html`<p>Loading shops…</p>`;
    if (!this.shops.length) return html`<p class="no-shops">No shops yet: a shop appears with its first order.</p>`;
    const open = (counts) => Object.entries(counts).map(([status, n]) => `${n} ${status}`).join(', ') || 'none';
    return html`<table class="shops"><caption>Your shops</caption>
      <thead><tr><th scope="col">Shop</th><th scope="col">Open orders</th><th scope="col">Inbox (48 h)</th>
        <th scope="col">Worst metric</th></tr></thead>
      <tbody>${this.shops.map((entry) => html`<tr data-shop=${shopLabel(entry.shop)}>
        <th scope="row"><button type="button" class="link" @click=${() => this.show(entry.shop)}
          aria-label="Show health of ${shopLabel(entry.shop)}">${shopLabel(entry.shop)}</button></th>
        <td>${open(entry.openOrders)}</td><td>${entry.attention}</td>
        <td class="status ${entry.worstMetricStatus.toLowerCase()}">${entry.worstMetricStatus}</td></tr>`)}
      </tbody></table>`;
  }

  basis(report) {
    if (report.basis === 'MARKETPLACE_DEFAULT') {
      return html`<p class="basis inherited"><strong>Basis: MARKETPLACE_DEFAULT.</strong> ${report.shop.marketplace}
        publishes no thresholds of its own for ${report.shop.site} that we found, so this site inherits
        ${report.shop.marketplace}'s defaults (its base pack).</p>`;
    }
    return html`<p class="basis">Basis: ${report.basis || 'SITE'}, the site's own published thresholds.</p>`;
  }

  render() {
    const report = this.report;
    return html`<h1>Shops and health</h1>
      ${this.shopList()}
      <h2>Any shop</h2>
      <form class="shop" @submit=${this.choose} aria-label="Shop">
        <label>Marketplace <input name="marketplace" required .value=${this.shop.marketplace}></label>
        <label>Site <input name="site" required size="4" .value=${this.shop.site}></label>
        <label>Shop id <input name="shopId" required .value=${this.shop.shopId}></label>
        <button type="submit">Show health</button>
      </form>
      ${errorView(this.error)}
      ${report ? html`<h2 class="health-of">${shopLabel(report.shop)}</h2>
        <p>Pack ${report.pack}, as of ${report.asOf} (${report.timeZone})</p>
        ${this.basis(report)}
        ${report.penaltyPoints ? html`<p class="penalty">Penalty points this quarter:
          <strong>${report.penaltyPoints.total}</strong>, tier ${report.penaltyPoints.tier}
          (since ${report.penaltyPoints.since}, resets on ${report.penaltyPoints.resetsOn})</p>` : nothing}
        ${report.fine ? html`<p class="fine">Fine tier on ${report.fine.metric}: ${report.fine.value}
          ${report.fine.percentOfPrice != null ? html`, ${report.fine.percentOfPrice}% of the price` : nothing}
          ${report.fine.maxFine ? html` up to ${report.fine.maxFine} ${report.fine.currency}` : nothing}
          ${report.fine.blockRisk ? html`<strong>, risk of blocking</strong>` : nothing}</p>` : nothing}
        ${report.metrics.map((metric, index) => this.metric(metric, index))}` : nothing}`;
  }
}
customElements.define('og-shops', Shops);
