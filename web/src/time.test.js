// node --test web/src/*.test.js: the deadline's times and the countdown's clock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CHINA_ZONE, clockOffset, differsFromChina, formatDay, formatInZone, formatTimeLeft, isoDuration, offsetMinutes, timeLeft,
} from './time.js';

const CLOSES = Date.parse('2026-06-30T16:00:00Z');

test('the deadline reads as midnight of 1 July in China and noon of 30 June in New York (summer time)', () => {
  assert.equal(formatInZone(CLOSES, CHINA_ZONE), '2026年7月1日 00:00');
  assert.equal(formatInZone(CLOSES, 'America/New_York'), '2026年6月30日 12:00');
  assert.equal(formatDay('2026-06-30'), '6月30日');
});

test('a zone differs from China only where its clock reads otherwise', () => {
  assert.equal(offsetMinutes(CLOSES, CHINA_ZONE), 480);
  assert.equal(differsFromChina(CLOSES, 'Asia/Hong_Kong'), false);
  assert.equal(differsFromChina(CLOSES, 'Asia/Urumqi'), true);
  assert.equal(differsFromChina(CLOSES, 'Europe/London'), true);
  assert.equal(offsetMinutes(CLOSES, 'Asia/Kolkata'), 330);
});

test('the offset is the server clock against the middle of the round trip', () => {
  const device = Date.parse('2026-06-30T10:00:00Z');
  // the device is three hours slow; the request took 400 ms
  assert.equal(clockOffset('2026-06-30T13:00:00.200Z', device, device + 400), 3 * 3600_000);
});

test('the time left is whole days, hours, minutes and seconds, and never below zero', () => {
  const left = timeLeft(((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000 + 999);
  assert.equal(formatTimeLeft(left), '2天3小时4分5秒');
  assert.equal(isoDuration(left), 'P2DT3H4M5S');
  assert.equal(formatTimeLeft(timeLeft(59_000)), '0小时0分59秒');
  assert.equal(timeLeft(-5000).total, 0);
});
