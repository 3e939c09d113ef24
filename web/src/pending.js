// A code on its way (registration or password reset): the address, where it went and when another may
// be asked for, kept in sessionStorage so that reloading the page keeps them.
const KEY = 'dianzan.pending.';

/** Keeps what POST …/register, …/resend or …/forgot answered (CodeSent); returns what was kept. */
export function savePending(kind, email, sent, now = Date.now()) {
  const pending = { email, sentTo: sent.sentTo, expiresAt: sent.expiresAt, resendAt: now + sent.resendAfterSeconds * 1000 };
  sessionStorage.setItem(KEY + kind, JSON.stringify(pending));
  return pending;
}

export function loadPending(kind) {
  try {
    return JSON.parse(sessionStorage.getItem(KEY + kind));
  } catch {
    return null;
  }
}

export function clearPending(kind) {
  sessionStorage.removeItem(KEY + kind);
}
