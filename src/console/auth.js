// Sign-in. Locally (config.json from the dev-mode gateway: {"auth":"local"}) a token for a tenant comes from
// POST /local/token; deployed ({"auth":"cognito", ...}) the Cognito hosted UI signs in with the authorization
// code flow and PKCE, and the access token goes to the HTTP API.
const TOKEN = 'orderguard.token';
const PKCE = 'orderguard.pkce';

export async function loadConfig() {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return response.json();
}

export function token() {
  return sessionStorage.getItem(TOKEN);
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
}

export async function signInLocally(tenant) {
  const response = await fetch(`local/token?sub=${encodeURIComponent(tenant)}`, { method: 'POST' });
  if (!response.ok) throw new Error(`local token: HTTP ${response.status}`);
  sessionStorage.setItem(TOKEN, (await response.text()).trim());
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_')
    .replace(/=+$/, '');
}

export async function signInWithCognito(config) {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(48)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: config.clientId, redirect_uri: config.redirectUri,
    scope: config.scope || 'openid', code_challenge_method: 'S256', code_challenge: challenge, state,
  });
  location.assign(`${config.cognitoDomain}/oauth2/authorize?${query}`);
}

// On the way back from the hosted UI: trade the code for tokens, then clean the address bar.
export async function completeCognitoSignIn(config) {
  const params = new URLSearchParams(location.search);
  const saved = JSON.parse(sessionStorage.getItem(PKCE) || 'null');
  if (!params.get('code') || !saved) return;
  sessionStorage.removeItem(PKCE);
  if (params.get('state') !== saved.state) throw new Error('sign-in: the state does not match; sign in again');
  const response = await fetch(`${config.cognitoDomain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: config.clientId, code: params.get('code'),
      redirect_uri: config.redirectUri, code_verifier: saved.verifier,
    }),
  });
  if (!response.ok) throw new Error(`sign-in: token endpoint HTTP ${response.status}`);
  sessionStorage.setItem(TOKEN, (await response.json()).access_token);
  history.replaceState(null, '', config.redirectUri + location.hash);
}
