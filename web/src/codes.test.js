import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALPHABET, checkCharacter, checkCode, displayCode, normalizeCode } from './codes.js';

function random(length) {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return s;
}

test('a generated code checks, typed in any case and spacing', () => {
  const payload = 'ABCDEFGHJKMNPQ';
  const code = payload + checkCharacter(payload);
  assert.equal(checkCode(code).state, 'valid');
  assert.equal(checkCode(' ' + displayCode(code).toLowerCase() + ' ').state, 'valid');
  assert.equal(checkCode(code.slice(0, 5) + ' ' + code.slice(5, 10) + '－' + code.slice(10)).state, 'valid');
  assert.equal(normalizeCode('ab c-d'), 'ABCD');
  assert.equal(displayCode(code), `${code.slice(0, 5)}-${code.slice(5, 10)}-${code.slice(10)}`);
});

test('the check character agrees with the Java weights: sum of (i+1)*index is 0 mod 31', () => {
  for (let n = 0; n < 200; n++) {
    const payload = random(14);
    const code = payload + checkCharacter(payload);
    let sum = 0;
    for (let i = 0; i < 15; i++) sum += (i + 1) * ALPHABET.indexOf(code[i]);
    assert.equal(sum % 31, 0);
  }
});

test('every single wrong character and every swap of neighbours is caught', () => {
  for (let n = 0; n < 50; n++) {
    const payload = random(14);
    const code = payload + checkCharacter(payload);
    for (let i = 0; i < 15; i++) {
      for (const c of ALPHABET) {
        if (c === code[i]) continue;
        const typo = code.slice(0, i) + c + code.slice(i + 1);
        assert.equal(checkCode(typo).state, 'invalid', typo);
      }
      if (i < 14 && code[i] !== code[i + 1]) {
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        assert.equal(checkCode(swapped).state, 'invalid', swapped);
      }
    }
  }
});

test('partial, foreign characters and too long', () => {
  assert.equal(checkCode('').state, 'empty');
  assert.deepEqual(checkCode('7kq2m').state, 'partial');
  assert.equal(checkCode('7KQ2M').message, '已输入5位，共15位');
  const o = checkCode('7KQ2O');
  assert.equal(o.state, 'invalid');
  assert.match(o.message, /不含数字0、1和字母O、I、L/);
  assert.equal(checkCode('2'.repeat(16)).state, 'invalid');
});
