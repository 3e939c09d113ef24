// The signed-in session of this tab: tokens in sessionStorage (gone with the tab, never in
// localStorage), the access token refreshed before it expires, and refreshes serialized: a refresh
// token works once, and presenting it twice ends the whole session (REFRESH_TOKEN_REUSED).
import { ApiError } from './api.js';

const KEY = 'dianzan.session';
/** A refresh starts this long before the access token (15 minutes) expires. */
export const REFRESH_MARGIN_MS = 60_000;
/** After a refresh that failed for want of a network, the next try. */
export const RETRY_MS = 15_000;

export const EXPIRED = '登录已过期，请重新登录';

function signedOut() {
  return new ApiError({ status: 401, code: 'UNAUTHENTICATED', message: '请先登录' });
}

/**
 * api: createApi(); storage: sessionStorage; now and timers: the device clock, replaceable in tests.
 * Listeners get (state, reason): reason is set when the session ended on its own (expired, reused).
 */
export function createSession({ api, storage, now = () => Date.now(), timers = globalThis }) {
  let state = load();
  let refreshing = null;
  let timer = null;
  const listeners = new Set();

  function load() {
    try {
      const kept = JSON.parse(storage.getItem(KEY));
      return kept && kept.accessToken && kept.refreshToken ? kept : null;
    } catch {
      return null;
    }
  }

  function notify(reason) {
    for (const listener of listeners) listener(state, reason);
  }

  function schedule(delay) {
    timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = null;
      refresh().catch(() => {});
    }, Math.max(0, delay));
  }

  /** Keeps a TokenSet; its expiry is measured on the device clock from expiresIn, so a wrong clock does no harm. */
  function keep(tokenSet) {
    state = {
      accessToken: tokenSet.accessToken,
      refreshToken: tokenSet.refreshToken,
      expiresAt: now() + tokenSet.expiresIn * 1000,
      account: tokenSet.account,
    };
    storage.setItem(KEY, JSON.stringify(state));
    schedule(state.expiresAt - REFRESH_MARGIN_MS - now());
    notify();
  }

  function end(reason) {
    timers.clearTimeout(timer);
    timer = null;
    state = null;
    storage.removeItem(KEY);
    notify(reason);
  }

  /** One refresh at a time: whoever asks while one is under way gets its outcome. */
  function refresh() {
    if (!refreshing) {
      const token = state?.refreshToken;
      refreshing = (async () => {
        if (!token) throw signedOut();
        try {
          keep(await api.post('/auth/refresh', { refreshToken: token }));
          return state.accessToken;
        } catch (e) {
          if (e.status === 400 || e.status === 401) {
            end(e.message || EXPIRED);
          } else if (state) {
            schedule(RETRY_MS);
          }
          throw e;
        }
      })().finally(() => {
        refreshing = null;
      });
    }
    return refreshing;
  }

  /** A call with the access token, refreshed first when it is about to expire; a refused token is refreshed once. */
  async function authorized(method, path, body, headers) {
    if (refreshing) await refreshing.catch(() => {});
    if (!state) throw signedOut();
    let token = state.expiresAt - now() > REFRESH_MARGIN_MS / 2 ? state.accessToken : await refresh();
    try {
      return await api.call(method, path, { body, token, headers });
    } catch (e) {
      if (e.status !== 401 || !state) throw e;
      // another call may have refreshed meanwhile; otherwise the device misjudged the expiry
      token = state.accessToken !== token ? state.accessToken : await refresh();
      try {
        return await api.call(method, path, { body, token, headers });
      } catch (again) {
        if (again.status === 401) end(again.message || EXPIRED);
        throw again;
      }
    }
  }

  /** Ends this session on the server too (any refresh token of it will do), after a refresh under way. */
  async function signOut() {
    if (refreshing) await refreshing.catch(() => {});
    const token = state?.refreshToken;
    end();
    if (token) await api.post('/auth/sign-out', { refreshToken: token }).catch(() => {});
  }

  if (state) schedule(state.expiresAt - REFRESH_MARGIN_MS - now());

  return {
    current: () => state,
    start: keep,
    refresh,
    authorized,
    signOut,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
