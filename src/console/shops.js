// Shops and their health (GET /v1/shops/{marketplace}/{site}/{shopId}/health): each metric against its threshold
// over its window, as a chart (Chart.js) and as text; Shopee's penalty points and Ozon's fine tier.
import { html, nothing } from 'lit';
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } from 'chart.js';
import { Page, errorView, shopLabel } from './common.js';
import { call } from './api.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
const COLOURS = { OK: '#2e7d32', AT_RISK: '#ef6c00', BREACHED: '#c62828' };
const LAST_SHOP = 'orderguard.shop';

class Shops extends Page {
  static properties = { report: { state: true }, error: { state: true } };

  constructor() {
    super();
    this.charts = [];
    this.shop = JSON.parse(localStorage.getItem(LAST_SHOP) || '{"marketplace":"shopee","site":"MY","shopId":""}');
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.shop.shopId) this.load();
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

  render() {
    const report = this.report;
    return html`<h1>Shops and health</h1>
      <form class="shop" @submit=${this.choose} aria-label="Shop">
        <label>Marketplace <input name="marketplace" required .value=${this.shop.marketplace}></label>
        <label>Site <input name="site" required size="4" .value=${this.shop.site}></label>
        <label>Shop id <input name="shopId" required .value=${this.shop.shopId}></label>
        <button type="submit">Show health</button>
      </form>
      ${errorView(this.error)}
      ${report ? html`<h2>${shopLabel(report.shop)}</h2>
        <p>Pack ${report.pack}, as of ${report.asOf} (${report.timeZone})</p>
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
