import { Field, FormAlert, PasswordField, useApiForm, values } from '../form.jsx';
import { clearPending, loadPending } from '../pending.js';
import { Resend } from '../resend.jsx';
import { Link, navigate } from '../router.jsx';
import routes from '../routes.json';
import { CHINA_ZONE, formatInZone } from '../time.js';

const FIELDS = ['email', 'code', 'password'];

export function Verify({ api, session }) {
  const pending = loadPending('register');
  const { form, error, busy, onSubmit, field } = useApiForm(async (data) => {
    const tokens = await api.post('/accounts/verify', values(data, ...FIELDS));
    clearPending('register');
    session.start(tokens);
    navigate(routes.home, { replace: true, state: { notice: '邮箱已验证，账号已建立，您已登录。' } });
  });
  return (
    <>
      <h1 tabIndex={-1}>验证邮箱</h1>
      {pending ? (
        <p class="lead">
          验证码已发送到 {pending.sentTo}，北京时间 {formatInZone(Date.parse(pending.expiresAt), CHINA_ZONE)}
          {' 前有效。没有收到请查看垃圾邮件，或稍后重新发送。'}
        </p>
      ) : (
        <p class="lead">请输入注册邮箱收到的6位验证码。</p>
      )}
      <form ref={form} onSubmit={onSubmit} noValidate>
        <FormAlert error={error} fields={FIELDS}>
          {error?.code === 'EMAIL_ALREADY_REGISTERED' && <p><Link to={routes.signIn}>去登录</Link></p>}
        </FormAlert>
        <Field name="email" label="注册邮箱" type="email" autoComplete="email" defaultValue={pending?.email}
          error={field('email')} />
        <Field name="code" label="验证码" hint="邮件中的6位数字" inputMode="numeric" autoComplete="one-time-code"
          error={field('code')} />
        <PasswordField name="password" label="密码" hint="注册时设置的密码：除验证码外，还须以它证明是同一位注册人"
          autoComplete="current-password" error={field('password')} />
        <button type="submit" class="primary">{busy ? '正在验证…' : '验证并登录'}</button>
      </form>
      <Resend api={api} kind="register" path="/accounts/verify/resend" email={() => form.current.elements.email.value} />
      <p class="aside"><Link to={routes.register}>返回注册</Link></p>
    </>
  );
}
