import { useState } from 'preact/hooks';
import { FormAlert, Notice } from '../../form.jsx';
import { Link } from '../../router.jsx';
import routes from '../../routes.json';
import { CATEGORIES, STATUSES, categoryLabel, inboxQuery } from '../../unit.js';
import { QuotaPanel, Select, UnitNav, useLoad } from './parts.jsx';

const ALL = { value: '', label: '全部' };

/** 审核推荐: the cases under the unit's code that are not drafts, by status and category, with the places left. */
export function Review({ session, state }) {
  const [status, setStatus] = useState('');
  const [category, setCategory] = useState('');
  const [pages, setPages] = useState([]);
  const [quota] = useLoad(() => session.authorized('GET', '/units/me/quota'));
  const [page, error] = useLoad(async () => {
    setPages([]);
    return session.authorized('GET', inboxQuery({ status, category }));
  }, [status, category]);
  const [moreError, setMoreError] = useState(null);

  async function more() {
    const last = pages.at(-1) ?? page;
    try {
      const next = await session.authorized('GET', inboxQuery({ status, category, cursor: last.nextCursor }));
      setPages([...pages, next]);
    } catch (e) {
      setMoreError(e);
    }
  }

  const items = [page, ...pages].filter(Boolean).flatMap((p) => p.items ?? []);
  const last = pages.at(-1) ?? page;
  const counts = page?.counts ?? {};
  return (
    <>
      <h1 tabIndex={-1}>审核推荐</h1>
      <UnitNav path={routes.unitReview} />
      <Notice>{state.notice}</Notice>
      <QuotaPanel quota={quota} />
      <section aria-labelledby="inbox-heading">
        <h2 id="inbox-heading">本单位收到的案例</h2>
        <div class="filters" role="group" aria-label="筛选">
          <Select name="status" label="状态" value={status} onChange={(e) => setStatus(e.currentTarget.value)}
            options={[ALL, ...STATUSES.map((s) => ({ ...s, label: `${s.label}（${counts[s.value] ?? 0}）` }))]} />
          <Select name="category" label="类别" value={category} onChange={(e) => setCategory(e.currentTarget.value)}
            options={[ALL, ...CATEGORIES]} />
        </div>
        <FormAlert error={error ?? moreError} />
        <p class="matching" role="status">{page ? `共${page.matching}个案例` : '正在读取…'}</p>
        {items.length > 0 && (
          <ul class="rows cases">
            {items.map((c) => (
              <li key={c.id} class="row">
                <div>
                  <p class="row-title"><Link to={`${routes.unitCase}?id=${encodeURIComponent(c.id)}`}>{c.name ?? '（未命名案例）'}</Link></p>
                  <p class="hint">{c.ownerOrganization} · {categoryLabel(c.category)} · 更新于{c.updatedAt.slice(0, 10)}</p>
                </div>
                <span class={`status status-${c.status.toLowerCase()}`}>{c.statusLabel}</span>
              </li>
            ))}
          </ul>
        )}
        {last?.nextCursor && <button type="button" class="secondary" onClick={more}>加载更多</button>}
      </section>
    </>
  );
}
