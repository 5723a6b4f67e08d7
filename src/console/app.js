// The seller console: sign-in, navigation and the three pages (inbox, shops, order), routed by the URL hash.
import { html, nothing } from 'lit';
import { Page, errorView } from './common.js';
import { loadConfig, token, signOut, signInLocally, signInWithCognito, completeCognitoSignIn } from './auth.js';
import { setApiBase } from './api.js';
import './inbox.js';
import './shops.js';
import './order.js';

class App extends Page {
  static properties = { route: { state: true }, config: { state: true }, error: { state: true } };

  constructor() {
    super();
    this.route = location.hash;
    addEventListener('hashchange', () => { this.route = location.hash; });
  }

  async connectedCallback() {
    super.connectedCallback();
    try {
      const config = await loadConfig();
      setApiBase(config.api);
      if (config.auth === 'cognito') await completeCognitoSignIn(config);
      this.config = config;
    } catch (e) {
      this.error = e;
    }
  }

  async signIn(event) {
    event.preventDefault();
    try {
      if (this.config.auth === 'cognito') {
        await signInWithCognito(this.config);
      } else {
        await signInLocally(new FormData(event.target).get('tenant'));
      }
      this.requestUpdate();
    } catch (e) {
      this.error = e;
    }
  }

  signInView() {
    return html`<main><h1>Sign in</h1>
      <form class="signin" @submit=${this.signIn}>
        ${this.config.auth === 'cognito' ? nothing : html`<label for="tenant">Tenant (local token)</label>
          <input id="tenant" name="tenant" required value="seller-1" autocomplete="username">`}
        <button type="submit">Sign in</button>
      </form></main>`;
  }

  page() {
    const [, page, ...rest] = this.route.split('/');
    if (page === 'orders' && rest.length) {
      return html`<og-order .orderKey=${decodeURIComponent(rest.join('/'))}></og-order>`;
    }
    if (page === 'shops') return html`<og-shops></og-shops>`;
    return html`<og-inbox></og-inbox>`;
  }

  render() {
    if (!this.config) return html`${errorView(this.error)}<p>Loading…</p>`;
    if (!token()) return html`${errorView(this.error)}${this.signInView()}`;
    const current = (name) => (this.route.split('/')[1] || 'inbox') === name ? 'page' : nothing;
    return html`<header><nav aria-label="Main">
        <a href="#/inbox" aria-current=${current('inbox')}>Attention inbox</a>
        <a href="#/shops" aria-current=${current('shops')}>Shops and health</a>
        <form class="open-order" @submit=${(e) => { e.preventDefault();
          location.hash = `#/orders/${encodeURIComponent(new FormData(e.target).get('orderKey'))}`; }}>
          <label for="open-order-key">Order key</label>
          <input id="open-order-key" name="orderKey" required placeholder="shopee.MY.241113ABCDEF">
          <button type="submit">Open order</button>
        </form>
        <button type="button" @click=${() => { signOut(); this.requestUpdate(); }}>Sign out</button>
      </nav></header>
      <main>${this.page()}</main>`;
  }
}
customElements.define('og-app', App);
