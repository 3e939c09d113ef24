import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api.js';
import { FormAlert, Notice, useApiForm } from '../../form.jsx';
import { Link } from '../../router.jsx';
import routes from '../../routes.json';
import { actionsFor, categoryLabel } from '../../unit.js';
import { QuotaPanel, Select, TextArea, UnitNav, useLoad } from './parts.jsx';

const COMMENT_FIELDS = [
  { value: 'name', label: '案例名称' },
  { value: 'summary', label: '案例简介' },
  { value: 'detail', label: '案例详情' },
  { value: 'awards', label: '获奖情况' },
  { value: 'mediaReports', label: '媒体报道' },
  { value: 'files', label: '照片与证明材料' },
];

function caseId() {
  return new URLSearchParams(location.search).get('id') ?? '';
}

/** One case under review: what it says, its history, and what the unit may do with it now. */
export function CaseReview({ session }) {
  const id = caseId();
  const path = encodeURIComponent(id);
  const [round, setRound] = useState(0);
  const [item, itemError] = useLoad(() => session.authorized('GET', `/cases/${path}`), [round]);
  const [review] = useLoad(() => session.authorized('GET', `/cases/${path}/review`), [round]);
  const [quota, , reloadQuota] = useLoad(() => session.authorized('GET', '/units/me/quota'), [round]);
  const [error, setError] = useState(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const alert = useRef(null);

  function changed(message) {
    setDone(message);
    setRound((r) => r + 1);
    reloadQuota();
  }

  async function act(method, suffix, message) {
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone('');
    try {
      await session.authorized(method, `/cases/${path}/${suffix}`);
      changed(message);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const form = item?.form ?? {};
  const status = review?.status ?? item?.status;
  const actions = actionsFor(status);
  return (
    <>
      <h1 tabIndex={-1}>审核案例{form.name ? `：${form.name}` : ''}</h1>
      <UnitNav path={routes.unitCase} />
      <p><Link to={routes.unitReview}>返回案例列表</Link></p>
      <QuotaPanel quota={quota} />
      <FormAlert error={itemError} />
      {item && (
        <section aria-labelledby="case-heading">
          <h2 id="case-heading">案例信息</h2>
          <dl class="facts">
            <dt>状态</dt><dd class="case-status">{review?.statusLabel ?? item.statusLabel}</dd>
            <dt>案例名称</dt><dd>{form.name}</dd>
            <dt>实施单位</dt><dd>{form.implementingUnit ?? item.ownerOrganization}</dd>
            <dt>类别</dt><dd>{categoryLabel(form.category)}</dd>
            {form.summary && <><dt>案例简介</dt><dd>{form.summary}</dd></>}
            {form.startedOn && <><dt>实施时间</dt><dd>{form.startedOn} 至 {form.endedOn ?? ''}</dd></>}
            <dt>附件</dt><dd>{(item.files ?? []).length}个文件</dd>
          </dl>
        </section>
      )}
      <section aria-labelledby="actions-heading" class="actions">
        <h2 id="actions-heading">审核与推荐</h2>
        <Notice>{done}</Notice>
        <div ref={alert}><FormAlert error={error} /></div>
        {item && actions.length === 0 && <p>此案例当前状态下无需操作。</p>}
        <div class="buttons">
          {actions.includes('approve') && (
            <button type="button" class="primary" onClick={() => act('POST', 'approve', '已审核通过，可以推荐。')}>审核通过</button>
          )}
          {actions.includes('recommend') && (
            <button type="button" class="primary" onClick={() => act('POST', 'recommend', '已推荐，占用一个名额。')}>推荐</button>
          )}
          {actions.includes('withdraw') && (
            <button type="button" class="secondary" onClick={() => act('DELETE', 'recommend', '已撤回推荐，名额已退回。')}>撤回推荐</button>
          )}
        </div>
        {actions.includes('return') && <ReturnForm session={session} path={path} onDone={() => changed('已退回实施单位修改。')} />}
        {actions.includes('reject') && <RejectForm session={session} path={path} onDone={() => changed('已确定不予推荐。')} />}
      </section>
      {review?.history?.length > 0 && (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">审核记录</h2>
          <ol class="history">
            {review.history.map((h, i) => (
              <li key={i}>
                <span>{h.at.slice(0, 16).replace('T', ' ')}</span> {h.by}：{h.actionLabel}{h.reason ? `（${h.reason}）` : ''}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

function ReturnForm({ session, path, onDone }) {
  const [rows, setRows] = useState(1);
  const { form, error, busy, onSubmit, field } = useApiForm(async (data) => {
    const comments = [];
    for (let i = 0; i < rows; i++) {
      const comment = String(data.get(`comment${i}`) ?? '').trim();
      if (comment) comments.push({ field: String(data.get(`commentField${i}`)), comment });
    }
    await session.authorized('POST', `/cases/${path}/return`, { reason: String(data.get('returnReason') ?? ''), comments });
    onDone();
  });
  return (
    <details class="review-form">
      <summary>退回修改</summary>
      <form ref={form} onSubmit={onSubmit} noValidate>
        <FormAlert error={error} fields={['reason']} />
        <TextArea name="returnReason" label="退回理由" hint="1到500字；实施单位修改后重新提交" error={field('reason')} />
        {Array.from({ length: rows }, (_, i) => (
          <fieldset class="comment" key={i}>
            <legend>对具体内容的意见 {i + 1}（可不填）</legend>
            <Select name={`commentField${i}`} label="针对" options={COMMENT_FIELDS} />
            <TextArea name={`comment${i}`} label="意见" hint="最多200字" error={field(`comments[${i}].comment`)} />
          </fieldset>
        ))}
        {rows < 30 && <button type="button" class="secondary" onClick={() => setRows(rows + 1)}>再加一条意见</button>}
        <button type="submit" class="primary">{busy ? '正在退回…' : '退回修改'}</button>
      </form>
    </details>
  );
}

function RejectForm({ session, path, onDone }) {
  const { form, error, busy, onSubmit, field } = useApiForm(async (data) => {
    await session.authorized('POST', `/cases/${path}/reject`, { reason: String(data.get('rejectReason') ?? '') });
    onDone();
  });
  return (
    <details class="review-form">
      <summary>不予推荐</summary>
      <form ref={form} onSubmit={onSubmit} noValidate>
        <FormAlert error={error} fields={['reason']} />
        <TextArea name="rejectReason" label="不予推荐的理由" hint="1到500字；本次征集中不可撤销" error={field('reason')} />
        <button type="submit" class="primary">{busy ? '正在提交…' : '确定不予推荐'}</button>
      </form>
    </details>
  );
}
