// node --test web/src/*.test.js (npm run test:web): the session's refresh rules, on a fake API and clock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from './api.js';
import { REFRESH_MARGIN_MS, RETRY_MS, createSession } from './session.js';

function memoryStorage() {
  const items = new Map();
  return {
    items,
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => items.set(key, String(value)),
    removeItem: (key) => items.delete(key),
  };
}

/** Timers that run only when told; the clock moves with them. */
function fakeTimers() {
  let now = 1_000_000;
  let next = 1;
  const pending = new Map();
  return {
    now: () => now,
    setTimeout(fn, delay) {
      const id = next++;
      pending.set(id, { fn, at: now + delay });
      return id;
    },
    clearTimeout: (id) => pending.delete(id),
    delays: () => [...pending.values()].map((t) => t.at - now),
    advance(ms) {
      now += ms;
      for (const [id, timer] of [...pending]) {
        if (timer.at <= now) {
          pending.delete(id);
          timer.fn();
        }
      }
    },
  };
}

function tokens(n) {
  return { accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn: 900, refreshExpiresIn: 2592000,
    tokenType: 'Bearer', account: { person: { name: '测试联系人' } } };
}

/** An API whose refreshes answer after a turn of the event loop, counting what it was sent. */
function fakeApi({ refresh } = {}) {
  const calls = [];
  let issued = 1;
  return {
    calls,
    async call(method, path, { body, token } = {}) {
      calls.push({ method, path, body, token });
      await new Promise((resolve) => setImmediate(resolve));
      if (path === '/auth/refresh') return refresh ? refresh(body) : tokens(++issued);
      if (path === '/auth/sign-out') return null;
      return { path, token };
    },
    post(path, body) {
      return this.call('POST', path, { body });
    },
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

test('calls made together with an expiring token share one refresh and use its new token', async () => {
  // GIVEN a token 10 seconds from expiry whose scheduled refresh has not run (a tab in the background)
  let clock = 0;
  const idle = { setTimeout: () => 0, clearTimeout: () => {} };
  const api = fakeApi();
  const session = createSession({ api, storage: memoryStorage(), now: () => clock, timers: idle });
  session.start(tokens(1));
  clock += 900_000 - 10_000;

  const answers = await Promise.all([
    session.authorized('GET', '/accounts/me'),
    session.authorized('GET', '/campaign'),
    session.refresh(),
  ]);

  const refreshes = api.calls.filter((c) => c.path === '/auth/refresh');
  assert.equal(refreshes.length, 1);
  assert.equal(refreshes[0].body.refreshToken, 'refresh-1');
  assert.deepEqual(answers.slice(0, 2).map((a) => a.token), ['access-2', 'access-2']);
});

test('the refresh is scheduled a minute before the access token expires, and then runs', async () => {
  const timers = fakeTimers();
  const api = fakeApi();
  const storage = memoryStorage();
  const session = createSession({ api, storage, now: timers.now, timers });

  session.start(tokens(1));

  assert.deepEqual(timers.delays(), [900_000 - REFRESH_MARGIN_MS]);
  timers.advance(900_000 - REFRESH_MARGIN_MS);
  await flush();
  await flush();
  assert.equal(session.current().refreshToken, 'refresh-2');
  assert.equal(JSON.parse(storage.getItem('dianzan.session')).accessToken, 'access-2');
  assert.deepEqual(timers.delays(), [900_000 - REFRESH_MARGIN_MS]);
});

test('a reused refresh token ends the session with the API message', async () => {
  const timers = fakeTimers();
  const message = '该登录凭据已被使用过，为安全起见已结束这次登录，请重新登录';
  const api = fakeApi({
    refresh: () => {
      throw new ApiError({ status: 401, code: 'REFRESH_TOKEN_REUSED', message });
    },
  });
  const storage = memoryStorage();
  const session = createSession({ api, storage, now: timers.now, timers });
  const ended = [];
  session.subscribe((state, reason) => ended.push([state, reason]));
  session.start(tokens(1));

  await assert.rejects(session.refresh(), { code: 'REFRESH_TOKEN_REUSED' });

  assert.equal(session.current(), null);
  assert.equal(storage.getItem('dianzan.session'), null);
  assert.deepEqual(ended.at(-1), [null, message]);
  assert.deepEqual(timers.delays(), []);
});

test('a refresh that found no network keeps the session and tries again', async () => {
  const timers = fakeTimers();
  let down = true;
  const api = fakeApi({
    refresh: () => {
      if (down) throw new ApiError({ status: 0, code: 'NETWORK', message: '无法连接服务器' });
      return tokens(2);
    },
  });
  const session = createSession({ api, storage: memoryStorage(), now: timers.now, timers });
  session.start(tokens(1));

  await assert.rejects(session.refresh(), { code: 'NETWORK' });
  assert.equal(session.current().refreshToken, 'refresh-1');
  assert.deepEqual(timers.delays(), [RETRY_MS]);

  down = false;
  timers.advance(RETRY_MS);
  await flush();
  await flush();
  assert.equal(session.current().refreshToken, 'refresh-2');
});

test('a token the API refuses is refreshed once and the call repeated', async () => {
  const timers = fakeTimers();
  const api = fakeApi();
  const answer = api.call.bind(api);
  let refused = false;
  api.call = async (method, path, options) => {
    if (path === '/accounts/me' && !refused) {
      refused = true;
      api.calls.push({ method, path, token: options.token });
      throw new ApiError({ status: 401, code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' });
    }
    return answer(method, path, options);
  };
  const session = createSession({ api, storage: memoryStorage(), now: timers.now, timers });
  session.start(tokens(1));

  const me = await session.authorized('GET', '/accounts/me');

  assert.equal(me.token, 'access-2');
  assert.deepEqual(api.calls.map((c) => c.path), ['/accounts/me', '/auth/refresh', '/accounts/me']);
});

test('signing out while a refresh is under way ends the session with the newest refresh token', async () => {
  const timers = fakeTimers();
  const api = fakeApi();
  const storage = memoryStorage();
  const session = createSession({ api, storage, now: timers.now, timers });
  session.start(tokens(1));

  const refreshing = session.refresh();
  await session.signOut();
  await refreshing;

  assert.deepEqual(api.calls.map((c) => [c.path, c.body?.refreshToken]),
    [['/auth/refresh', 'refresh-1'], ['/auth/sign-out', 'refresh-2']]);
  assert.equal(session.current(), null);
  assert.equal(storage.items.size, 0);
  assert.deepEqual(timers.delays(), []);
});

test('a session kept in the storage is resumed, and refreshed at once if it expired meanwhile', async () => {
  const timers = fakeTimers();
  const storage = memoryStorage();
  storage.setItem('dianzan.session', JSON.stringify({ accessToken: 'access-1', refreshToken: 'refresh-1',
    expiresAt: timers.now() - 1000, account: {} }));

  const session = createSession({ api: fakeApi(), storage, now: timers.now, timers });

  assert.equal(session.current().accessToken, 'access-1');
  assert.deepEqual(timers.delays(), [0]);
});
