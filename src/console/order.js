// One order (GET /v1/orders/{orderKey}): deadlines, hold, every request with its decision, rules and sources,
// approve/reject, a what-if (POST /v1/evaluations) before recording a cancellation, and the timeline.
import { html, nothing } from 'lit';
import { Page, errorView, countdown, when } from './common.js';
import { call, orderPath } from './api.js';

const ORDER_FIELDS = ['marketplace', 'site', 'orderId', 'shopId', 'fulfilment', 'status', 'placedAt', 'paidAt',
  'shipmentArrangedAt', 'shipBy', 'shippedAt', 'deliveredAt', 'carrier', 'trackingNumber', 'buyerId',
  'deliveryScheme', 'items'];
const REASONS = ['OUT_OF_STOCK', 'PRICING_ERROR', 'UNDELIVERABLE_ADDRESS', 'FRAUD_RISK', 'CHANGE_OF_MIND',
  'WRONG_ORDER_INFO', 'WRONG_ADDRESS', 'BUYER_REQUESTED', 'OTHER'];

class OrderPage extends Page {
  static properties = { orderKey: {}, view: { state: true }, error: { state: true }, whatIf: { state: true } };

  willUpdate(changed) {
    if (changed.has('orderKey')) this.load();
  }

  async load() {
    try {
      this.view = await call('GET', orderPath(this.orderKey));
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  // Runs one change, shows its error with the fields it names, and reloads the order after a success.
  async act(change) {
    try {
      await change();
      this.error = null;
      await this.load();
    } catch (e) {
      this.error = e;
    }
  }

  resolve(requestId, resolution) {
    return this.act(() => call('POST', `${orderPath(this.orderKey)}/cancellation-requests/`
      + `${encodeURIComponent(requestId)}/resolution`, { resolution }));
  }

  request(form) {
    const data = new FormData(form);
    const request = { initiator: data.get('initiator'), reason: data.get('reason') };
    if (data.get('note')) request.note = data.get('note');
    return request;
  }

  async evaluate(event) {
    event.preventDefault();
    const order = Object.fromEntries(ORDER_FIELDS.filter((f) => this.view.order[f] !== undefined)
      .map((f) => [f, this.view.order[f]]));
    const body = { order, request: this.request(event.target.form || event.target) };
    try {
      const { marketplace, site, shopId } = order;
      const health = await call('GET', `/v1/shops/${marketplace}/${site}/${encodeURIComponent(shopId)}/health`);
      body.metrics = health.metrics.map(({ metric, window, numerator, denominator }) =>
        ({ metric, window, numerator, denominator }));
    } catch (e) {
      // without the shop's current values the decision still comes, with the impact from zero
    }
    try {
      this.whatIf = await call('POST', '/v1/evaluations', body);
      this.error = null;
    } catch (e) {
      this.whatIf = null;
      this.error = e;
    }
  }

  cancel(form) {
    return this.act(() => call('POST', `${orderPath(this.orderKey)}/cancellation-requests`, this.request(form)));
  }

  setHold(event) {
    event.preventDefault();
    const data = new FormData(event.target);
    const until = data.get('until') ? new Date(data.get('until')).toISOString() : '';
    const body = { until };
    if (data.get('note')) body.note = data.get('note');
    return this.act(() => call('PUT', `${orderPath(this.orderKey)}/auto-cancel-hold`, body));
  }

  decision(d) {
    return html`<p><strong class="outcome">${d.outcome}</strong> · ${d.kind}
        ${d.countsAgainstSeller ? html` · <em>counts against the seller</em>` : nothing}
        ${d.respondBy ? html` · respond by ${when(d.respondBy)} (${countdown(d.respondBy)}), if no answer:
          ${d.ifNoResponse}` : nothing}</p>
      <p class="explanation">${d.explanation}</p>
      ${d.actions && d.actions.length ? html`<p>Do now: ${d.actions.join(', ')}</p>` : nothing}
      <ul class="rules" aria-label="Rules">${d.rules.map((r) => html`<li><code>${r.id}</code> (${r.pack})
        <a href=${r.source} target="_blank" rel="noopener">source</a></li>`)}</ul>
      ${d.metricImpact && d.metricImpact.length ? html`<table class="impact"><caption>Metric impact</caption>
        <thead><tr><th scope="col">metric</th><th scope="col">window</th><th scope="col">before</th>
          <th scope="col">after</th><th scope="col">threshold</th><th scope="col">breaches</th></tr></thead>
        <tbody>${d.metricImpact.map((m) => html`<tr class=${m.breaches ? 'breaches' : ''}><td>${m.metric}</td>
          <td>${m.window}</td><td>${m.before}</td><td>${m.after}</td><td>${m.threshold}</td>
          <td>${m.breaches ? 'yes' : 'no'}</td></tr>`)}</tbody></table>` : nothing}`;
  }

  requestView(record) {
    return html`<li class="request" data-request-id=${record.requestId}>
      <h3>${record.requestType || 'CANCELLATION'} ${record.requestId}: <span class="status">${record.status}</span></h3>
      <p>${record.request.initiator} · ${record.request.reason || ''} · via ${record.request.via}</p>
      ${this.decision(record)}
      ${record.resolution ? html`<p>Resolved: ${record.resolution.resolution} by ${record.resolution.by}
        ${when(record.resolution.at)}</p>` : nothing}
      ${record.status === 'PENDING' && record.requestType !== 'ADDRESS_CHANGE' ? html`<div class="actions">
        <button type="button" @click=${() => this.resolve(record.requestId, 'APPROVE')}>
          Approve ${record.requestId}</button>
        <button type="button" @click=${() => this.resolve(record.requestId, 'REJECT')}>
          Reject ${record.requestId}</button>
      </div>` : nothing}</li>`;
  }

  holdView(deadlines) {
    const hold = deadlines.autoCancelHold;
    if (hold) {
      return html`<p class="hold">Auto-cancel hold until ${when(hold.until)} by ${hold.by}
        ${hold.note ? html`(${hold.note})` : nothing}
        <button type="button" @click=${() => this.act(() => call('DELETE',
          `${orderPath(this.orderKey)}/auto-cancel-hold`))}>Lift hold</button></p>`;
    }
    return html`<form class="hold" @submit=${this.setHold} aria-label="Auto-cancel hold">
      <label>Hold auto-cancel until <input type="datetime-local" name="until"></label>
      <label>Note <input name="note" maxlength="500"></label>
      <button type="submit">Set hold</button></form>`;
  }

  whatIfView() {
    return html`<form class="what-if" aria-label="Cancellation" @submit=${this.evaluate}>
        <label>Initiator <select name="initiator"><option>SELLER</option><option>BUYER</option></select></label>
        <label>Reason <select name="reason">${REASONS.map((r) => html`<option>${r}</option>`)}</select></label>
        <label>Note <input name="note" maxlength="1000"></label>
        <button type="submit">What if</button>
        <button type="button" @click=${(e) => this.cancel(e.target.form)}>Record cancellation request</button>
      </form>
      ${this.whatIf ? html`<section class="what-if-result" aria-label="What-if decision">${this.decision(this.whatIf)}
        </section>` : nothing}`;
  }

  render() {
    const view = this.view;
    if (!view) return html`<h1>Order ${this.orderKey}</h1>${errorView(this.error)}`;
    const { order, deadlines } = view;
    const requests = [...view.cancellationRequests, ...view.addressChangeRequests];
    return html`<h1>Order ${view.orderKey}</h1>
      ${errorView(this.error)}
      <p><span class="order-status">${order.status}</span> · shop ${order.shopId} · version ${view.version}</p>
      <p>${deadlines.shipBy ? html`Ship by ${when(deadlines.shipBy)} (${countdown(deadlines.shipBy)})` : nothing}
        ${deadlines.autoCancelAt ? html` · the platform cancels ${when(deadlines.autoCancelAt)}` : nothing}</p>
      ${this.holdView(deadlines)}
      <h2>Cancel: what if?</h2>${this.whatIfView()}
      <h2>Requests and decisions</h2>
      ${requests.length ? html`<ul class="requests">${requests.map((r) => this.requestView(r))}</ul>`
        : html`<p>No requests.</p>`}
      <h2>Timeline</h2>
      <ol class="timeline">${view.timeline.map((t) => html`<li data-kind=${t.kind}>
        <time datetime=${t.at}>${when(t.at)}</time> <strong>${t.kind}</strong> ${t.summary}</li>`)}</ol>`;
  }
}
customElements.define('og-order', OrderPage);
