// Recommendation codes (推荐码) as shared/codes RecommendationCode defines them: 14 characters and a
// weighted mod 31 check character, from an alphabet without 0/O, 1/I/L; typed in any case, with or
// without spaces and dashes. The check runs here as the person types, before any request.

export const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const LENGTH = 15;

/** What was typed, without spaces and dashes, in capitals. */
export function normalizeCode(typed) {
  return String(typed ?? '').replace(/[\s\-－—_]/g, '').toUpperCase();
}

/** Shown in three groups of five: 7KQ2M-X9D4R-HT3WC. */
export function displayCode(normalized) {
  return normalized.match(/.{1,5}/g)?.join('-') ?? '';
}

function checks(code) {
  let sum = 0;
  for (let i = 0; i < code.length; i++) sum += (i + 1) * ALPHABET.indexOf(code[i]);
  return sum % ALPHABET.length === 0;
}

/** The check character for 14 characters (weight 15; 29 is the inverse of 15 modulo 31). */
export function checkCharacter(payload) {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) sum += (i + 1) * ALPHABET.indexOf(payload[i]);
  const n = ALPHABET.length;
  return ALPHABET[(((-sum * 29) % n) + n) % n];
}

/**
 * What the typed code is: { state, code, message } where state is 'empty', 'partial' (still being typed),
 * 'invalid' (a character outside the alphabet, too long, or a wrong check character) or 'valid'.
 */
export function checkCode(typed) {
  const code = normalizeCode(typed);
  if (!code) return { state: 'empty', code, message: '' };
  const bad = [...code].find((c) => !ALPHABET.includes(c));
  if (bad) {
    const hint = /[01OIL]/.test(bad) ? '（推荐码不含数字0、1和字母O、I、L）' : '';
    return { state: 'invalid', code, message: `推荐码中不应有“${bad}”${hint}` };
  }
  if (code.length < LENGTH) return { state: 'partial', code, message: `已输入${code.length}位，共15位` };
  if (code.length > LENGTH) return { state: 'invalid', code, message: `推荐码为15位，已输入${code.length}位` };
  if (!checks(code)) return { state: 'invalid', code, message: '推荐码有误（校验位不符），请逐位核对' };
  return { state: 'valid', code, message: '推荐码格式正确' };
}
