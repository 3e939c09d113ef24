import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from './api.js';
import { actionsFor, bindError, inboxQuery, normalizeCode, placesLines } from './unit.js';

test('a code typed in any case and spacing is sent grouped in fives', () => {
  assert.equal(normalizeCode(' 7kq2m x9d4r ht3wc '), '7KQ2M-X9D4R-HT3WC');
  assert.equal(normalizeCode('7KQ2MX9D4RHT3WC'), '7KQ2M-X9D4R-HT3WC');
  assert.equal(normalizeCode('7kq2m－x9d4r—ht3wc'), '7KQ2M-X9D4R-HT3WC');
  assert.equal(normalizeCode('7KQ2M-X9D4R-HT3W'), '7KQ2M-X9D4R-HT3W', 'too short: left for the API to refuse');
  assert.equal(normalizeCode(''), '');
});

test('a refusal of the code is shown by the code field; other errors are left as they are', () => {
  const refused = bindError(new ApiError({ status: 404, code: 'CODE_NOT_FOUND', message: '推荐码不存在' }));
  assert.equal(refused.fieldMessage('code'), '推荐码不存在');
  assert.equal(refused.code, 'CODE_NOT_FOUND');
  const invalid = new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: 'x',
    fields: [{ field: 'phone', message: '电话有误' }] });
  assert.equal(bindError(invalid), invalid);
});

test('the inbox query holds only the filters chosen', () => {
  assert.equal(inboxQuery(), '/units/me/cases');
  assert.equal(inboxQuery({ status: 'APPROVED' }), '/units/me/cases?status=APPROVED');
  assert.equal(inboxQuery({ status: 'SUBMITTED', category: 'VENUE_BUILDING', cursor: 'a b' }),
    '/units/me/cases?status=SUBMITTED&category=VENUE_BUILDING&cursor=a+b');
});

test('what may be done follows the status', () => {
  assert.deepEqual(actionsFor('SUBMITTED'), ['approve', 'return', 'reject']);
  assert.deepEqual(actionsFor('APPROVED'), ['recommend', 'return', 'reject']);
  assert.deepEqual(actionsFor('RECOMMENDED'), ['withdraw']);
  assert.deepEqual(actionsFor('REJECTED'), []);
  assert.deepEqual(actionsFor('RETURNED'), []);
});

test('places left read per category and in total', () => {
  const lines = placesLines({ categories: [
    { category: 'ACTIVITY_SERVICE', label: '科普活动服务', quota: 3, used: 3, left: 0 },
    { category: 'VENUE_BUILDING', label: '科普阵地建设', quota: 3, used: 0, left: 3 },
  ], total: { quota: 6, used: 3, left: 3 } });
  assert.deepEqual(lines.map((l) => `${l.label}：${l.text}`), [
    '科普活动服务：已推荐3个，还可推荐0个（限3个）',
    '科普阵地建设：已推荐0个，还可推荐3个（限3个）',
    '两类合计：已推荐3个，还可推荐3个（限6个）',
  ]);
  assert.deepEqual(lines.map((l) => l.full), [true, false, false]);
  assert.deepEqual(placesLines(null), []);
});
