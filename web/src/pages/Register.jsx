import { Choice, Field, FormAlert, PASSWORD_RULES, PasswordField, useApiForm, values } from '../form.jsx';
import { savePending } from '../pending.js';
import { Link, navigate } from '../router.jsx';
import routes from '../routes.json';

const FIELDS = ['email', 'password', 'accountType', 'contactName', 'mobile'];
const ACCOUNT_TYPES = [
  { value: 'RECOMMENDER', label: '推荐单位', hint: '各级科协、学会等：绑定推荐码，审核并推荐本单位的案例' },
  { value: 'IMPLEMENTER', label: '案例实施单位', hint: '凭推荐单位的推荐码加入，录入并提交案例' },
];

export function Register({ api }) {
  const { form, error, busy, onSubmit, field } = useApiForm(async (data) => {
    const body = values(data, ...FIELDS);
    const sent = await api.post('/accounts/register', body);
    savePending('register', body.email, sent);
    navigate(routes.verify);
  });
  return (
    <>
      <h1 tabIndex={-1}>注册</h1>
      <p class="lead">
        推荐单位和案例实施单位在此注册。提交后，登录邮箱会收到6位验证码，验证邮箱后账号即建立。管理员账号不能注册。
      </p>
      <form ref={form} onSubmit={onSubmit} noValidate>
        <FormAlert error={error} fields={FIELDS} />
        <Field name="email" label="登录邮箱" type="email" autoComplete="email" hint="验证码发到这里" error={field('email')} />
        <PasswordField name="password" label="密码" hint={PASSWORD_RULES} autoComplete="new-password" error={field('password')} />
        <Choice name="accountType" legend="账号类型" options={ACCOUNT_TYPES} error={field('accountType')} />
        <Field name="contactName" label="联系人姓名" hint="最多30个字；注册人即单位联系人" autoComplete="name" error={field('contactName')} />
        <Field name="mobile" label="联系人手机号码" hint="11位手机号码" type="tel" autoComplete="tel" error={field('mobile')} />
        <button type="submit" class="primary">{busy ? '正在提交…' : '注册'}</button>
      </form>
      <p class="aside">已有账号？<Link to={routes.signIn}>登录</Link></p>
    </>
  );
}
