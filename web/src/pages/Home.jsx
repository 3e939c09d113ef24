import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import { FormAlert, Notice } from '../form.jsx';
import { Link } from '../router.jsx';
import routes from '../routes.json';

/** Who is signed in: the account and person as GET /accounts/me tells them now. */
export function Home({ session, state }) {
  const [account, setAccount] = useState(() => session.current()?.account ?? null);
  const [error, setError] = useState(null);

  useEffect(() => {
    session.authorized('GET', '/accounts/me').then(setAccount, (e) => {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    });
  }, []);

  const person = account?.person;
  return (
    <>
      <h1 tabIndex={-1}>我的账号</h1>
      <Notice>{state.notice}</Notice>
      <FormAlert error={error} />
      {person && (
        <>
          <p class="lead greeting">您好，{person.name}！</p>
          <dl class="facts">
            <dt>姓名</dt>
            <dd class="person-name">{person.name}</dd>
            <dt>登录邮箱</dt>
            <dd>{person.email}</dd>
            {person.mobile && <><dt>手机号码</dt><dd>{person.mobile}</dd></>}
            <dt>账号类型</dt>
            <dd>{account.accountTypeLabel}</dd>
            <dt>单位联系人</dt>
            <dd>{person.contact ? '是' : '否'}</dd>
          </dl>
          {account.accountType === 'IMPLEMENTER' && (
            <nav aria-label="案例" class="next-steps">
              <ul>
                <li><Link to={routes.myCases}>我的案例</Link></li>
                <li><Link to={routes.join}>加入推荐单位</Link></li>
              </ul>
            </nav>
          )}
        </>
      )}
    </>
  );
}
