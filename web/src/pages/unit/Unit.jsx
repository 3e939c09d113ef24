import { useState } from 'preact/hooks';
import { ApiError } from '../../api.js';
import { Field, FormAlert, Notice, useApiForm, values } from '../../form.jsx';
import { Link } from '../../router.jsx';
import routes from '../../routes.json';
import { ConfirmButton, UnitNav, useLoad } from './parts.jsx';

/** 本单位: the unit's details, its implementing units, and the colleagues who share the account. */
export function Unit({ session, state }) {
  const [me, meError] = useLoad(() => session.authorized('GET', '/me'));
  const unit = me?.unit;
  return (
    <>
      <h1 tabIndex={-1}>本单位</h1>
      <UnitNav path={routes.unit} />
      <Notice>{state.notice}</Notice>
      <FormAlert error={meError} />
      {me && !unit && (
        <p class="alert info">本账号尚未绑定推荐码。请先<Link to={routes.unitBind}>绑定推荐码</Link>。</p>
      )}
      {unit && (
        <section aria-labelledby="unit-heading">
          <h2 id="unit-heading">单位信息</h2>
          <dl class="facts unit-facts">
            <dt>单位名称</dt><dd class="unit-name">{unit.unitName}</dd>
            <dt>推荐码</dt><dd class="unit-code">{unit.code}</dd>
            <dt>单位类型</dt><dd>{unit.unitTypeLabel}{unit.province ? `（${unit.province}）` : ''}</dd>
            <dt>单位地址</dt><dd>{unit.address}</dd>
            <dt>联系人</dt><dd>{unit.contactName}（{unit.contactTitle}）</dd>
            <dt>联系电话</dt><dd>{unit.phone}</dd>
            <dt>电子邮箱</dt><dd>{unit.email}</dd>
          </dl>
        </section>
      )}
      {unit && <Implementers session={session} />}
      <Colleagues session={session} />
    </>
  );
}

function Implementers({ session }) {
  const [list, error, reload] = useLoad(() => session.authorized('GET', '/units/me/implementers'));
  const [actionError, setActionError] = useState(null);
  const [done, setDone] = useState('');
  async function detach(member) {
    setActionError(null);
    try {
      await session.authorized('POST', `/units/me/implementers/${encodeURIComponent(member.memberId)}/detach`);
      setDone(`已将“${member.organization}”移出本单位，其案例仍可查看。`);
      reload();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setActionError(e);
    }
  }
  const items = list?.items ?? [];
  return (
    <section aria-labelledby="implementers-heading">
      <h2 id="implementers-heading">案例实施单位</h2>
      <Notice>{done}</Notice>
      <FormAlert error={error ?? actionError} />
      {list && items.length === 0 && <p>还没有实施单位加入。请把推荐码告诉本单位推荐的案例实施单位。</p>}
      {items.length > 0 && (
        <ul class="rows implementers">
          {items.map((m) => (
            <li key={m.memberId} class="row">
              <div>
                <p class="row-title">{m.organization}</p>
                <p class="hint">{m.username} · {m.joinedAt.slice(0, 10)}加入{m.status === 'DETACHED' ? ' · 已移出' : ''}</p>
              </div>
              {m.status === 'ACTIVE' && (
                <ConfirmButton label="移出" name={m.organization} confirmLabel="确认移出"
                  question={`确定将“${m.organization}”移出本单位吗？移出后其案例只能查看。`}
                  onConfirm={() => detach(m)} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Colleagues({ session }) {
  const [view, error, reload] = useLoad(() => session.authorized('GET', '/accounts/me/members'));
  const [shown, setShown] = useState(null);
  const [actionError, setActionError] = useState(null);
  const [done, setDone] = useState('');
  const account = shown ?? view;

  const invite = useApiForm(async (data) => {
    const body = values(data, 'email', 'name');
    const sent = await session.authorized('POST', '/accounts/me/members', body);
    setDone(`邀请码已发送到 ${sent.sentTo}，3天内有效。`);
    invite.form.current?.reset();
    setShown(null);
    reload();
  });

  async function act(call, message) {
    setActionError(null);
    try {
      setShown(await call());
      setDone(message);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setActionError(e);
    }
  }

  const members = (account?.members ?? []).filter((p) => p.status === 'ACTIVE');
  const me = account?.person?.personId;
  return (
    <section aria-labelledby="colleagues-heading">
      <h2 id="colleagues-heading">同事</h2>
      <p class="hint">同事用各自的邮箱和密码登录，共用本单位的账号；操作以本人的名义记录。</p>
      <Notice>{done}</Notice>
      <FormAlert error={error ?? actionError} />
      {members.length > 0 && (
        <ul class="rows members">
          {members.map((p) => (
            <li key={p.personId} class="row">
              <div>
                <p class="row-title">{p.name}{p.personId === me ? '（本人）' : ''}{p.personId === account.contactPersonId ? '（单位联系人）' : ''}</p>
                <p class="hint">{p.email}</p>
              </div>
              {p.personId !== account.contactPersonId && (
                <div class="row-actions">
                  <ConfirmButton label="设为联系人" name={p.name} confirmLabel="确认移交"
                    question={`确定把单位联系人移交给${p.name}吗？`}
                    onConfirm={() => act(() => session.authorized('POST', '/accounts/me/contact', { personId: p.personId }),
                      `${p.name}已成为单位联系人。`)} />
                  {p.personId !== me && (
                    <ConfirmButton label="移除" name={p.name} confirmLabel="确认移除"
                      question={`确定移除${p.name}吗？移除后其不能再登录本单位账号。`}
                      onConfirm={() => act(() => session.authorized('DELETE', `/accounts/me/members/${encodeURIComponent(p.personId)}`),
                        `已移除${p.name}。`)} />
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>邀请同事</h3>
      <form ref={invite.form} onSubmit={invite.onSubmit} noValidate class="invite">
        <FormAlert error={invite.error} fields={['email', 'name']} />
        <Field name="email" label="同事的邮箱" type="email" autoComplete="off" hint="邀请码发到这里，也是其登录邮箱"
          error={invite.field('email')} />
        <Field name="name" label="同事的姓名" hint="最多30字" autoComplete="off" error={invite.field('name')} />
        <button type="submit" class="primary">{invite.busy ? '正在发送…' : '发送邀请'}</button>
      </form>
    </section>
  );
}
