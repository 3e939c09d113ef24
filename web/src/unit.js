// The recommending unit's rules that are not the API's: how a typed code is sent, which status a case
// is in and what may be done with it, and how the places left read.
import { ApiError } from './api.js';

const CODE_CHARS = /^[2-9A-HJKMNP-Z]{15}$/;

/**
 * A code as typed (any case, spaces, full-width hyphens or none) as the API takes it: upper case, the
 * spaces gone, grouped in fives when it has the 15 characters of a code; anything else as typed, for
 * the API to say what is wrong with it.
 */
export function normalizeCode(typed) {
  const bare = String(typed ?? '').replace(/[\s\u3000]+/g, '').replace(/[－—–‐]/g, '-').toUpperCase();
  const plain = bare.replace(/-/g, '');
  return CODE_CHARS.test(plain) ? `${plain.slice(0, 5)}-${plain.slice(5, 10)}-${plain.slice(10)}` : bare;
}

/** The API's refusals of the code itself, shown by the code's field. */
const CODE_ERRORS = new Set(['CODE_MALFORMED', 'CODE_CHECK_FAILED', 'CODE_NOT_FOUND', 'CODE_ALREADY_BOUND',
  'CODE_REVOKED', 'TOO_MANY_CODE_ATTEMPTS']);

/** An error as the bind form shows it: a refusal of the code becomes the code field's message. */
export function bindError(error) {
  if (!(error instanceof ApiError) || !CODE_ERRORS.has(error.code)) return error;
  return new ApiError({ ...error, message: error.message,
    fields: [...error.fields, { field: 'code', code: error.code, message: error.message }] });
}

export function missingCode() {
  return new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: '提交的信息有误，请按提示修改',
    fields: [{ field: 'code', code: 'REQUIRED', message: '推荐码为必填项' }] });
}

export const STATUSES = [
  { value: 'SUBMITTED', label: '待审核' },
  { value: 'RETURNED', label: '已退回修改' },
  { value: 'APPROVED', label: '审核通过' },
  { value: 'RECOMMENDED', label: '已推荐' },
  { value: 'REJECTED', label: '不予推荐' },
];

export const CATEGORIES = [
  { value: 'ACTIVITY_SERVICE', label: '科普活动服务' },
  { value: 'VENUE_BUILDING', label: '科普阵地建设' },
];

export function categoryLabel(value) {
  return CATEGORIES.find((c) => c.value === value)?.label ?? '未选择类别';
}

/** The inbox's query string for a status and category filter ('' for all). */
export function inboxQuery({ status = '', category = '', cursor = '' } = {}) {
  const query = new URLSearchParams();
  if (status) query.set('status', status);
  if (category) query.set('category', category);
  if (cursor) query.set('cursor', cursor);
  const text = query.toString();
  return '/units/me/cases' + (text ? '?' + text : '');
}

/** What the unit may do with a case in a status (README: review and recommendation within quota). */
export function actionsFor(status) {
  switch (status) {
    case 'SUBMITTED': return ['approve', 'return', 'reject'];
    case 'APPROVED': return ['recommend', 'return', 'reject'];
    case 'RECOMMENDED': return ['withdraw'];
    default: return [];
  }
}

/** One line per category and the total: "科普活动服务：已推荐2个，还可推荐1个（限3个）". */
export function placesLines(quota) {
  if (!quota) return [];
  const lines = (quota.categories ?? []).map((c) => ({
    key: c.category,
    label: c.label,
    text: `已推荐${c.used}个，还可推荐${c.left}个（限${c.quota}个）`,
    full: c.left <= 0,
  }));
  const total = quota.total;
  if (total) {
    lines.push({ key: 'total', label: '两类合计', text: `已推荐${total.used}个，还可推荐${total.left}个（限${total.quota}个）`,
      full: total.left <= 0 });
  }
  return lines;
}
