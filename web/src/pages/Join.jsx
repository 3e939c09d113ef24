import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import { checkCode, displayCode } from '../codes.js';
import { Field, FormAlert, Notice, useApiForm } from '../form.jsx';
import { Link, navigate } from '../router.jsx';
import routes from '../routes.json';

/**
 * 加入推荐单位: the recommendation code, checked as it is typed (its check character, as the server
 * checks it), then POST /codes/{code}/join with the implementing unit's name.
 */
export function Join({ session, state }) {
  const [me, setMe] = useState(null);
  const [typed, setTyped] = useState('');
  const [local, setLocal] = useState(null);
  const check = checkCode(typed);
  const { form, error, busy, onSubmit, field, setError } = useApiForm(async (data) => {
    const now = checkCode(String(data.get('code') ?? ''));
    if (now.state !== 'valid') {
      setLocal(now.state === 'empty' ? '请输入推荐码' : now.message);
      throw new ApiError({ status: 400, code: 'CODE_MALFORMED', message: '推荐码有误，请核对后再提交',
        fields: [{ field: 'code', message: now.state === 'empty' ? '请输入推荐码' : now.message }] });
    }
    const member = await session.authorized('POST', `/codes/${now.code}/join`, { organization: String(data.get('organization') ?? '') });
    navigate(routes.myCases, { state: { notice: `已加入推荐单位（${member.organization}），现在可以填写案例。` } });
  });

  useEffect(() => {
    session.authorized('GET', '/me').then(setMe, (e) => {
      if (e instanceof ApiError) setError(e);
    });
  }, []);

  const codeError = field('code') ?? (error?.code?.startsWith('CODE_') || error?.code === 'TOO_MANY_CODE_ATTEMPTS' ? error.message : undefined);
  const membership = me?.membership;
  return (
    <>
      <h1 tabIndex={-1}>加入推荐单位</h1>
      <Notice>{state.notice}</Notice>
      {membership && membership.status !== 'DETACHED' ? (
        <div class="joined">
          <p class="lead">您已加入推荐单位{membership.unitName ? `“${membership.unitName}”` : ''}，实施单位名称为“{membership.organization}”。</p>
          <p><Link to={routes.myCases}>查看我的案例</Link></p>
        </div>
      ) : (
        <form ref={form} onSubmit={onSubmit} noValidate>
          <p class="lead">请输入推荐单位提供的15位推荐码，大小写、空格和短横线均可。</p>
          <FormAlert error={error} fields={['code', 'organization']} />
          <div class={codeError || (local && check.state === 'invalid') ? 'field invalid' : 'field'}>
            <label for="field-code">推荐码</label>
            <p id="field-code-hint" class="hint">形如 7KQ2M-X9D4R-HT3WC；不含数字0、1和字母O、I、L</p>
            <input id="field-code" name="code" type="text" value={typed} autoComplete="off" autoCapitalize="characters"
              spellcheck={false} aria-invalid={codeError || check.state === 'invalid' ? 'true' : undefined}
              aria-describedby={['field-code-hint', 'field-code-check', codeError ? 'field-code-error' : null].filter(Boolean).join(' ')}
              onInput={(e) => { setTyped(e.currentTarget.value); setLocal(null); }} />
            <p id="field-code-check" class={`code-check ${check.state}`} aria-live="polite">
              {check.state === 'valid' ? `✓ ${displayCode(check.code)}：${check.message}` : check.message}
            </p>
            {codeError && <p id="field-code-error" class="field-error">{codeError}</p>}
          </div>
          <Field name="organization" label="实施单位名称" hint="最多100字，如“某市科技馆”" error={field('organization')}
            autoComplete="organization" />
          <button type="submit" class="primary" aria-disabled={busy ? 'true' : undefined}>{busy ? '正在加入…' : '加入'}</button>
        </form>
      )}
    </>
  );
}
