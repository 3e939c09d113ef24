// node --test web/src/*.test.js: every failure the API can answer becomes a Chinese message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApi } from './api.js';

function answering(status, body) {
  return async () => new Response(body === undefined ? null : JSON.stringify(body), { status });
}

test('a function error keeps its message, fields and details', async () => {
  const api = createApi({ fetch: answering(400, { error: { code: 'VALIDATION_FAILED', message: '提交的信息有误，请按提示修改',
    fields: [{ field: 'password', code: 'WEAK_PASSWORD', message: '密码至少10个字符' },
      { field: 'password', code: 'WEAK_PASSWORD', message: '不能是常见密码' }], requestId: 'r1' } }) });

  const error = await api.post('/accounts/register', {}).catch((e) => e);

  assert.equal(error.status, 400);
  assert.equal(error.message, '提交的信息有误，请按提示修改');
  assert.equal(error.fieldMessage('password'), '密码至少10个字符；不能是常见密码');
  assert.equal(error.fieldMessage('email'), undefined);
});

test("API Gateway's own answers and a lost network read in Chinese", async () => {
  for (const [status, message] of [[401, '登录已过期，请重新登录'], [413, '请求内容过大，不能超过10MB'],
    [429, '请求过于频繁，请稍后再试'], [503, '服务暂时不可用，请稍后再试']]) {
    const error = await createApi({ fetch: answering(status, { message: 'Too Many Requests' }) }).get('/x').catch((e) => e);
    assert.equal(error.message, message, `status ${status}`);
  }
  const offline = await createApi({ fetch: async () => { throw new TypeError('Failed to fetch'); } }).get('/x').catch((e) => e);
  assert.equal(offline.message, '无法连接服务器，请检查网络后重试');
});

test('a call sends JSON with the bearer token and reads an empty answer as null', async () => {
  const seen = [];
  const api = createApi({ base: 'https://api.example.cn', fetch: async (url, init) => {
    seen.push([url, init]);
    return new Response(null, { status: 204 });
  } });

  assert.equal(await api.call('POST', '/auth/sign-out', { body: { refreshToken: 't' }, token: 'a' }), null);
  assert.equal(seen[0][0], 'https://api.example.cn/auth/sign-out');
  assert.equal(seen[0][1].headers.Authorization, 'Bearer a');
  assert.equal(seen[0][1].body, '{"refreshToken":"t"}');
});
