// Calls to the API. Every failure becomes an ApiError with a Chinese message: the functions' own
// {"error":{code,message,fields,details}} as they gave it, API Gateway's bare {"message":…} answers
// (no token, too large, throttled, broken) and a network failure in words of ours.

const GATEWAY_ANSWERS = {
  401: ['UNAUTHENTICATED', '登录已过期，请重新登录'],
  403: ['FORBIDDEN', '没有权限进行此操作'],
  404: ['NOT_FOUND', '请求的内容不存在'],
  413: ['PAYLOAD_TOO_LARGE', '请求内容过大，不能超过10MB'],
  429: ['TOO_MANY_REQUESTS', '请求过于频繁，请稍后再试'],
};

export class ApiError extends Error {
  constructor({ status, code, message, fields = [], details = {}, requestId }) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
    this.requestId = requestId;
  }

  /** The messages for one request field, joined; undefined when it has none. */
  fieldMessage(field) {
    const messages = this.fields.filter((f) => f.field === field).map((f) => f.message);
    return messages.length ? messages.join('；') : undefined;
  }
}

export function networkError() {
  return new ApiError({ status: 0, code: 'NETWORK', message: '无法连接服务器，请检查网络后重试' });
}

/** What a failed answer means, whichever shape it has. */
export function errorFrom(status, body) {
  const error = body && typeof body === 'object' ? body.error : undefined;
  if (error && typeof error.message === 'string') {
    return new ApiError({ status, code: error.code, message: error.message, fields: error.fields ?? [],
      details: error.details ?? {}, requestId: error.requestId });
  }
  const [code, message] = GATEWAY_ANSWERS[status] ?? ['SERVER_ERROR', '服务暂时不可用，请稍后再试'];
  return new ApiError({ status, code, message });
}

/** An API at base ('' for the page's own origin) through the given fetch. */
export function createApi({ base = '', fetch = globalThis.fetch.bind(globalThis) } = {}) {
  async function call(method, path, { body, token, headers: extra } = {}) {
    const headers = { Accept: 'application/json', ...extra };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = 'Bearer ' + token;
    let response;
    try {
      response = await fetch(base + path, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
      });
    } catch {
      throw networkError();
    }
    const text = await response.text().catch(() => '');
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!response.ok) throw errorFrom(response.status, data);
    return data;
  }
  return {
    call,
    get: (path, options) => call('GET', path, options),
    post: (path, body, options) => call('POST', path, { ...options, body }),
  };
}
