import { useLayoutEffect, useState } from 'preact/hooks';
import { Field, FormAlert, Notice, PasswordField, useApiForm, values } from '../form.jsx';
import { Link, navigate } from '../router.jsx';
import routes from '../routes.json';
import { CHINA_ZONE, differsFromChina, formatInZone } from '../time.js';

const FIELDS = ['email', 'password', 'totp'];
const TOTP_CODES = ['TOTP_REQUIRED', 'TOTP_INVALID'];

/** The time a locked address may sign in again, in China time and in the device's zone if that reads otherwise. */
function Unlocks({ at }) {
  const instant = Date.parse(at);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <>
      <p>
        可再次登录的时间：北京时间 <time datetime={at}>{formatInZone(instant, CHINA_ZONE)}</time>
        {differsFromChina(instant, zone) && `（您所在时区 ${zone}：${formatInZone(instant, zone)}）`}
      </p>
      <p><Link to={routes.forgotPassword}>通过邮箱重置密码</Link></p>
    </>
  );
}

/** The pages of signing in themselves are never where a session "ended": coming back to one would loop. */
const ACCOUNT_PAGES = [routes.signIn, routes.register, routes.verify, routes.forgotPassword, routes.resetPassword];

/** Where to go after signing in: the page the session ended on, within this site, else home. */
export function returnTo(from) {
  if (typeof from !== 'string' || !/^\/(?!\/)/.test(from)) return routes.home;
  return ACCOUNT_PAGES.includes(from.split(/[?#]/)[0]) ? routes.home : from;
}

export function SignIn({ api, session, state }) {
  // admins are asked for their authenticator code once the API says it is needed
  const [totp, setTotp] = useState(false);
  const { form, error, busy, onSubmit, field } = useApiForm(async (data) => {
    const body = values(data, 'email', 'password');
    if (totp) body.totp = String(data.get('totp') ?? '');
    try {
      session.start(await api.post('/auth/sign-in', body));
    } catch (e) {
      if (e.code === 'TOTP_REQUIRED') setTotp(true);
      throw e;
    }
    // back where the session ended (a draft kept in this browser resumes there), within this site only
    navigate(returnTo(state.from), { replace: true });
  });
  useLayoutEffect(() => {
    if (totp) form.current.elements.totp.focus();
  }, [totp]);
  // asked for: the API's words are the field's hint; refused: they are its error
  const totpHint = error?.code === 'TOTP_REQUIRED' ? error.message : '身份验证器上当前的6位动态码';
  const totpError = field('totp') ?? (error?.code === 'TOTP_INVALID' ? error.message : undefined);
  return (
    <>
      <h1 tabIndex={-1}>登录</h1>
      <Notice>{state.notice}</Notice>
      <form ref={form} onSubmit={onSubmit} noValidate>
        <FormAlert error={TOTP_CODES.includes(error?.code) ? null : error} fields={FIELDS}>
          {error?.details.unlocksAt && <Unlocks at={error.details.unlocksAt} />}
        </FormAlert>
        <Field name="email" label="登录邮箱" type="email" autoComplete="username" error={field('email')} />
        <PasswordField name="password" label="密码" autoComplete="current-password" error={field('password')} />
        {totp && (
          <Field name="totp" label="动态码" hint={totpHint} inputMode="numeric"
            autoComplete="one-time-code" error={totpError} />
        )}
        <button type="submit" class="primary">{busy ? '正在登录…' : '登录'}</button>
      </form>
      <p class="aside">
        <Link to={routes.forgotPassword}>忘记密码？</Link>
        <span aria-hidden="true"> · </span>
        还没有账号？<Link to={routes.register}>注册</Link>
      </p>
    </>
  );
}
