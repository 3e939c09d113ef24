import assert from 'node:assert/strict';
import { test } from 'node:test';
import { counterText, graphemeCount } from './text.js';

test('Chinese characters, Latin letters and digits count one each', () => {
  assert.equal(graphemeCount(''), 0);
  assert.equal(graphemeCount(undefined), 0);
  assert.equal(graphemeCount('青少年科学实验季'), 8);
  assert.equal(graphemeCount('AI科普2026'), 8);
});

test('an emoji is one character, whatever its code units', () => {
  assert.equal(graphemeCount('👍'), 1);
  assert.equal(graphemeCount('👨‍👩‍👧‍👦'), 1, 'a ZWJ family');
  assert.equal(graphemeCount('🇨🇳'), 1, 'a flag');
  assert.equal(graphemeCount('👍🏽'), 1, 'a skin tone');
  assert.equal(graphemeCount('é'), 1, 'e and a combining accent');
  assert.equal(graphemeCount('科普👨‍👩‍👧‍👦🇨🇳'), 4);
  assert.equal(graphemeCount('a\r\nb'), 3, 'CRLF is one cluster');
});

test('the counter says how many over', () => {
  assert.equal(counterText('科普', 20), '2/20字');
  assert.equal(counterText('一'.repeat(22), 20), '22/20字，超出2字');
});
