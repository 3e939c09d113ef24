import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyFrom, differences, draftStore, formFrom } from './drafts.js';

function memoryStorage() {
  const map = new Map();
  return {
    getItem: (k) => (map.has(k) ? map.get(k) : null),
    setItem: (k, v) => map.set(k, String(v)),
    removeItem: (k) => map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() { return map.size; },
  };
}

test('a server form becomes strings and back, blank fields and rows left out', () => {
  const form = formFrom({ name: '科普', awards: [{ name: '奖', level: 'NATIONAL', year: 2025 }] });
  assert.equal(form.address, '');
  assert.equal(form.awards[0].year, '2025');
  form.mediaReports.push({ title: ' ', url: '' });
  form.otherSubtype = '不算';
  assert.deepEqual(bodyFrom(form), { name: '科普', awards: [{ name: '奖', level: 'NATIONAL', year: 2025 }] });
  assert.equal(bodyFrom({ ...form, subtype: 'OTHER', otherSubtype: '科普剧' }).otherSubtype, '科普剧');
});

test('differences name the changed fields', () => {
  const a = formFrom({ name: '甲', summary: '同' });
  const b = formFrom({ name: '乙', summary: '同', mediaReports: [{ title: 't', url: 'https://x.cn' }] });
  assert.deepEqual(differences(a, b), ['name', 'mediaReports']);
});

test('drafts are kept per account and case', () => {
  const storage = memoryStorage();
  const mine = draftStore(storage, 'a1');
  const theirs = draftStore(storage, 'a2');
  mine.keep('c1', { form: formFrom({ name: '甲' }), baseVersion: 3 });
  mine.keep(undefined, { form: formFrom({}), baseVersion: 0 });
  assert.equal(mine.load('c1').baseVersion, 3);
  assert.equal(theirs.load('c1'), null);
  assert.deepEqual(mine.list().sort(), ['c1', 'new']);
  mine.drop('c1');
  assert.equal(mine.load('c1'), null);
  storage.setItem('dianzan.draft.a1.bad', '{');
  assert.equal(mine.load('bad'), null);
});
