import { Field, FormAlert, useApiForm, values } from '../form.jsx';
import { savePending } from '../pending.js';
import { Link, navigate } from '../router.jsx';
import routes from '../routes.json';

export function ForgotPassword({ api }) {
  const { form, error, busy, onSubmit, field } = useApiForm(async (data) => {
    const { email } = values(data, 'email');
    const sent = await api.post('/auth/password/forgot', { email });
    savePending('reset', email, sent);
    navigate(routes.resetPassword, { state: { notice: `如该邮箱已注册，重置验证码已发送到 ${sent.sentTo}，15分钟内有效。` } });
  });
  return (
    <>
      <h1 tabIndex={-1}>忘记密码</h1>
      <p class="lead">输入账号的登录邮箱，我们会发送6位重置验证码，用它设置新密码。</p>
      <form ref={form} onSubmit={onSubmit} noValidate>
        <FormAlert error={error} fields={['email']} />
        <Field name="email" label="登录邮箱" type="email" autoComplete="email" error={field('email')} />
        <button type="submit" class="primary">{busy ? '正在发送…' : '发送重置验证码'}</button>
      </form>
      <p class="aside">已有验证码？<Link to={routes.resetPassword}>重置密码</Link><span aria-hidden="true"> · </span><Link to={routes.signIn}>返回登录</Link></p>
    </>
  );
}
