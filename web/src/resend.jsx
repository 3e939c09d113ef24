// "Send the code again", with the cooldown the API gave (resendAfterSeconds, or retryAfterSeconds of
// a 429). The button keeps its focus while it waits (aria-disabled, not disabled).
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api.js';
import { FormAlert, Notice } from './form.jsx';
import { loadPending, savePending } from './pending.js';

export function Resend({ api, kind, path, email }) {
  const [availableAt, setAvailableAt] = useState(() => loadPending(kind)?.resendAt ?? 0);
  const [now, setNow] = useState(() => Date.now());
  const [sent, setSent] = useState(null);
  const [error, setError] = useState(null);
  const wait = Math.max(0, Math.ceil((availableAt - now) / 1000));

  useEffect(() => {
    if (wait === 0) return undefined;
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [availableAt, now]);

  async function resend() {
    if (wait > 0) return;
    setError(null);
    setSent(null);
    const address = email();
    try {
      const answer = await api.post(path, { email: address });
      setAvailableAt(savePending(kind, address, answer).resendAt);
      setSent(`新的验证码已发送到 ${answer.sentTo}，此前的验证码随即失效。`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
      if (e.details.retryAfterSeconds) setAvailableAt(Date.now() + e.details.retryAfterSeconds * 1000);
    }
    setNow(Date.now());
  }

  return (
    <div class="resend">
      <button type="button" class="secondary" onClick={resend} aria-disabled={wait > 0 ? 'true' : undefined}>
        {wait > 0 ? `重新发送验证码（${wait}秒后可用）` : '重新发送验证码'}
      </button>
      <Notice>{sent}</Notice>
      <FormAlert error={error} />
    </div>
  );
}
