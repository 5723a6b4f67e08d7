// The public HTTP API, nothing else. A 4xx/5xx becomes an ApiError carrying the problem's fields.
import { token } from './auth.js';

let base = '';

export function setApiBase(url) {
  base = (url || '').replace(/\/$/, '');
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || problem.message || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title || (status === 401 ? 'Unauthorized' : `HTTP ${status}`);
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.supportedSites = problem.supportedSites;
  }
}

export async function call(method, path, body) {
  const headers = { authorization: `Bearer ${token()}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(base + path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch (e) {
    json = { detail: text };
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

export const orderPath = (orderKey) => `/v1/orders/${encodeURIComponent(orderKey)}`;
