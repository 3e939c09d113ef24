import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import { draftStore, ownerOf } from '../drafts.js';
import { FormAlert, Notice } from '../form.jsx';
import { Link } from '../router.jsx';
import routes from '../routes.json';

export const caseLink = (id) => `${routes.myCase}?id=${encodeURIComponent(id)}`;

/** 我的案例: the implementing unit's cases, each with its status and what it still lacks. */
export function Cases({ session, state }) {
  const [cases, setCases] = useState(null);
  const [details, setDetails] = useState({});
  const [error, setError] = useState(null);
  const drafts = draftStore(localStorage, ownerOf(session));
  const unsent = drafts.list();

  useEffect(() => {
    session.authorized('GET', '/cases').then((list) => {
      const items = list?.items ?? [];
      setCases(items);
      // the list does not say what a case lacks: each case does (an implementer has a handful)
      for (const item of items) {
        session.authorized('GET', `/cases/${item.id}`).then(
          (one) => setDetails((all) => ({ ...all, [item.id]: one })), () => {});
      }
    }, (e) => {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    });
  }, []);

  const notJoined = error && (error.code === 'NOT_JOINED' || error.code === 'MEMBERSHIP_DETACHED');
  return (
    <>
      <h1 tabIndex={-1}>我的案例</h1>
      <Notice>{state.notice}</Notice>
      <FormAlert error={error}>
        {notJoined && <p><Link to={routes.join}>凭推荐码加入推荐单位</Link></p>}
      </FormAlert>
      <p class="actions">
        <Link class="button primary" to={routes.myCase}>新建案例</Link>
        <Link to={routes.join}>加入推荐单位</Link>
      </p>
      {unsent.includes('new') && (
        <p class="alert info">有一份尚未保存的新案例：<Link to={routes.myCase}>继续填写</Link></p>
      )}
      {cases && cases.length === 0 && <p>还没有案例。</p>}
      {cases && cases.length > 0 && (
        <ul class="case-list">
          {cases.map((item) => {
            const one = details[item.id];
            const missing = one?.missing ?? [];
            return (
              <li key={item.id} class="case-item">
                <h2><Link to={caseLink(item.id)}>{item.name || '（未命名案例）'}</Link></h2>
                <p class="case-meta">
                  <span class={`status status-${item.status}`}>{item.statusLabel}</span>
                  <span>更新于 {item.updatedAt.slice(0, 16).replace('T', ' ')}</span>
                  {unsent.includes(item.id) && <strong>有未保存的修改</strong>}
                </p>
                {one && missing.length > 0 && (
                  <div class="missing">
                    <p>提交前还须补充{missing.length}项：</p>
                    <ul>{missing.map((m) => <li key={m.field + m.code}>{m.message}</li>)}</ul>
                  </div>
                )}
                {one && one.editable && missing.length === 0 && item.status === 'DRAFT' && <p>内容已完整，可以提交。</p>}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
