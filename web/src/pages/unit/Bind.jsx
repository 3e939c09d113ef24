import { Field, FormAlert, Notice, useApiForm, values } from '../../form.jsx';
import { navigate } from '../../router.jsx';
import routes from '../../routes.json';
import { bindError, missingCode, normalizeCode } from '../../unit.js';
import { UnitNav } from './parts.jsx';

const FIELDS = ['code', 'unitName', 'address', 'contactName', 'contactTitle', 'phone', 'email'];

/** 绑定推荐码: the code an admin issued, and the unit's details; the account becomes the unit's. */
export function Bind({ session, state }) {
  const { form, error, busy, onSubmit, field } = useApiForm(async (data) => {
    const { code, ...details } = values(data, ...FIELDS);
    const normalized = normalizeCode(code);
    if (!normalized) throw missingCode();
    try {
      await session.authorized('POST', `/codes/${encodeURIComponent(normalized)}/bind`, details);
    } catch (e) {
      throw bindError(e);
    }
    navigate(routes.unit, { state: { notice: '推荐码已绑定，本单位信息已登记。' } });
  });
  return (
    <>
      <h1 tabIndex={-1}>绑定推荐码</h1>
      <UnitNav path={routes.unitBind} />
      <Notice>{state.notice}</Notice>
      <p class="lead">填写管理员发给本单位的推荐码和本单位的信息。绑定后，案例实施单位凭同一推荐码加入本单位。</p>
      <form ref={form} onSubmit={onSubmit} noValidate>
        <FormAlert error={error} fields={FIELDS} />
        <Field name="code" label="推荐码" hint="15位字母和数字，如 7KQ2M-X9D4R-HT3WC；大小写、空格和连字符均可"
          autoComplete="off" autoCapitalize="characters" spellcheck={false} error={field('code')} />
        <Field name="unitName" label="单位名称" hint="最多100字" autoComplete="organization" error={field('unitName')} />
        <Field name="address" label="单位地址" hint="最多200字" autoComplete="street-address" error={field('address')} />
        <Field name="contactName" label="联系人" autoComplete="name" error={field('contactName')} />
        <Field name="contactTitle" label="职务/职称" autoComplete="organization-title" error={field('contactTitle')} />
        <Field name="phone" label="联系电话" hint="11位手机号码，或带区号的固定电话，如 010-12345678" type="tel"
          autoComplete="tel" error={field('phone')} />
        <Field name="email" label="电子邮箱" type="email" autoComplete="email" error={field('email')} />
        <button type="submit" class="primary">{busy ? '正在绑定…' : '绑定'}</button>
      </form>
    </>
  );
}
