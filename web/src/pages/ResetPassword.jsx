import { Field, FormAlert, Notice, PASSWORD_RULES, PasswordField, useApiForm, values } from '../form.jsx';
import { clearPending, loadPending } from '../pending.js';
import { Resend } from '../resend.jsx';
import { Link, navigate } from '../router.jsx';
import routes from '../routes.json';

const FIELDS = ['email', 'code', 'newPassword'];

export function ResetPassword({ api, state }) {
  const pending = loadPending('reset');
  const { form, error, busy, onSubmit, field } = useApiForm(async (data) => {
    await api.post('/auth/password/reset', values(data, ...FIELDS));
    clearPending('reset');
    navigate(routes.signIn, { replace: true, state: { notice: '密码已重置，此前的登录均已结束，请用新密码登录。' } });
  });
  return (
    <>
      <h1 tabIndex={-1}>重置密码</h1>
      <Notice>{state.notice}</Notice>
      <form ref={form} onSubmit={onSubmit} noValidate>
        <FormAlert error={error} fields={FIELDS} />
        <Field name="email" label="登录邮箱" type="email" autoComplete="username" defaultValue={pending?.email}
          error={field('email')} />
        <Field name="code" label="重置验证码" hint="邮件中的6位数字" inputMode="numeric" autoComplete="one-time-code"
          error={field('code')} />
        <PasswordField name="newPassword" label="新密码" hint={PASSWORD_RULES} autoComplete="new-password"
          error={field('newPassword')} />
        <button type="submit" class="primary">{busy ? '正在提交…' : '设置新密码'}</button>
      </form>
      <Resend api={api} kind="reset" path="/auth/password/forgot" email={() => form.current.elements.email.value} />
      <p class="aside"><Link to={routes.signIn}>返回登录</Link></p>
    </>
  );
}
