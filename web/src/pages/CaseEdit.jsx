import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import { bodyFrom, differences, draftStore, formFrom, ownerOf } from '../drafts.js';
import { FormAlert, Notice } from '../form.jsx';
import { Link } from '../router.jsx';
import routes from '../routes.json';
import { counterText, graphemeCount } from '../text.js';
import { caseLink } from './Cases.jsx';

/** Limits the server's CaseForm holds that GET /case-form does not list (shared/cases CaseForm.read). */
const FIXED_MAX = { implementingUnit: 100, address: 200, contactName: 50, contactTitle: 50, otherSubtype: 20,
  reportTitle: 100, awardName: 100 };
const AUTOSAVE_MS = 1200;

export const LABELS = { name: '案例名称', implementingUnit: '实施单位', address: '单位地址', contactName: '联系人',
  contactTitle: '职务/职称', phone: '联系电话', email: '电子邮箱', category: '所属类别', subtype: '类别细项',
  otherSubtype: '其他类别说明', summary: '简要概述', mediaReports: '媒体报道', awards: '获奖情况', detail: '详细材料',
  startedOn: '开始日期', endedOn: '结束日期' };

/** The element id of a field as the API names it: awards[0].year → field-awards-0-year. */
export function fieldId(path) {
  return 'field-' + path.replace(/\[(\d+)\]\.?/g, '-$1-').replace(/\./g, '-').replace(/-$/, '');
}

function newKey() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const hhmm = (date) => `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;

/** A labelled text input or textarea with its hint, its character counter (grapheme clusters) and its error. */
function TextField({ name, label, hint, max, multiline, value, onValue, error, required, type = 'text', ...input }) {
  const id = fieldId(name);
  const over = max && graphemeCount(value) > max;
  const ids = [hint && `${id}-hint`, max && `${id}-count`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const props = {
    id, name, value, 'aria-invalid': error || over ? 'true' : undefined, 'aria-describedby': ids,
    'aria-required': required ? 'true' : undefined, onInput: (e) => onValue(e.currentTarget.value), ...input,
  };
  return (
    <div class={error || over ? 'field invalid' : 'field'}>
      <label for={id}>{label}{required && <span class="required">（提交时必填）</span>}</label>
      {hint && <p id={`${id}-hint`} class="hint">{hint}</p>}
      {multiline ? <textarea rows={multiline} {...props} /> : <input type={type} {...props} />}
      {max && <p id={`${id}-count`} class={over ? 'counter over' : 'counter'}>{counterText(value, max)}</p>}
      {error && <p id={`${id}-error`} class="field-error">{error}</p>}
    </div>
  );
}

function SelectField({ name, label, options, value, onValue, error, required, placeholder = '请选择' }) {
  const id = fieldId(name);
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{label}{required && <span class="required">（提交时必填）</span>}</label>
      <select id={id} name={name} value={value} aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => onValue(e.currentTarget.value)}>
        <option value="">{placeholder}</option>
        {options.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
      </select>
      {error && <p id={`${id}-error`} class="field-error">{error}</p>}
    </div>
  );
}

function shown(form, field, schema) {
  const body = bodyFrom(form);
  const value = body[field];
  if (value == null) return '（空）';
  if (field === 'mediaReports') return value.map((r) => `${r.title}（${r.url}）`).join('；');
  if (field === 'awards') return value.map((a) => `${a.name}，${a.year}`).join('；');
  if (field === 'category') return schema?.categories.find((c) => c.code === value)?.label ?? value;
  if (field === 'subtype') {
    return schema?.categories.flatMap((c) => c.subtypes).find((s) => s.code === value)?.label ?? value;
  }
  return String(value);
}

/**
 * The case form: drawn from GET /case-form, autosaved (a debounced PUT with If-Match), the unsent edits
 * kept in localStorage per case, a version conflict shown with both versions and a choice, 提交 with
 * every missing item linked to its field, and the review history with the unit's reasons.
 */
export function CaseEdit({ session, state }) {
  const drafts = useMemo(() => draftStore(localStorage, ownerOf(session)), []);
  const [caseId, setCaseId] = useState(() => new URLSearchParams(location.search).get('id'));
  const [schema, setSchema] = useState(null);
  const [record, setRecord] = useState(null);
  const [form, setForm] = useState(null);
  const [saveState, setSaveState] = useState({ kind: 'idle' });
  const [conflict, setConflictState] = useState(null);
  const [loadError, setLoadError] = useState(null);
  const [notice, setNotice] = useState(state.notice);
  const [missing, setMissing] = useState(null);
  const [submitError, setSubmitError] = useState(null);
  const [review, setReview] = useState(null);
  const [busy, setBusy] = useState(false);
  const ids = useRef({ caseId, version: 0, key: null });
  const formRef = useRef(null);
  const timer = useRef(null);
  const inFlight = useRef(null);
  const again = useRef(false);
  const conflictRef = useRef(null);
  const missingHeading = useRef(null);

  function setConflict(value) {
    conflictRef.current = value;
    setConflictState(value);
  }

  function apply(rec) {
    ids.current.version = rec.version;
    setRecord(rec);
  }

  function keepLocally(next) {
    drafts.keep(ids.current.caseId, { form: next, baseVersion: ids.current.version, at: Date.now(), idempotencyKey: ids.current.key });
  }

  function loadReview(id) {
    session.authorized('GET', `/cases/${id}/review`).then(setReview, () => {});
  }

  useEffect(() => {
    (async () => {
      const formSchema = await session.authorized('GET', '/case-form');
      setSchema(formSchema);
      const id = ids.current.caseId;
      if (!id) {
        const kept = drafts.load(null);
        const start = kept?.form ?? formFrom({});
        ids.current.key = kept?.idempotencyKey ?? null;
        formRef.current = start;
        setForm(start);
        if (kept) {
          setNotice('已恢复上次未保存的内容。');
          schedule();
        }
        return;
      }
      const rec = await session.authorized('GET', `/cases/${id}`);
      apply(rec);
      const server = formFrom(rec.form);
      const kept = drafts.load(id);
      let start = server;
      if (kept && differences(kept.form, server).length === 0) {
        drafts.drop(id);
      } else if (kept && rec.editable) {
        start = kept.form;
        if (kept.baseVersion === rec.version) {
          setNotice('已恢复上次未保存的修改，正在保存。');
          schedule(0);
        } else {
          setConflict({ theirs: server, version: rec.version });
        }
      }
      formRef.current = start;
      setForm(start);
      loadReview(id);
    })().catch((e) => {
      if (!(e instanceof ApiError)) throw e;
      setLoadError(e);
    });
    return () => clearTimeout(timer.current);
  }, []);

  function schedule(delay = AUTOSAVE_MS) {
    clearTimeout(timer.current);
    if (conflictRef.current) return;
    setSaveState((s) => (s.kind === 'saving' ? s : { ...s, kind: 'pending' }));
    timer.current = setTimeout(() => save().catch(() => {}), delay);
  }

  function change(next) {
    formRef.current = next;
    setForm(next);
    setMissing(null);
    keepLocally(next);
    schedule();
  }

  const set = (field) => (value) => {
    const next = { ...formRef.current, [field]: value };
    if (field === 'category') {
      const subtypes = schema.categories.find((c) => c.code === value)?.subtypes ?? [];
      if (!subtypes.some((s) => s.code === next.subtype)) next.subtype = '';
    }
    change(next);
  };
  const setRow = (list, index, field) => (value) => {
    const rows = formRef.current[list].map((row, i) => (i === index ? { ...row, [field]: value } : row));
    change({ ...formRef.current, [list]: rows });
  };

  /** One save at a time; edits made meanwhile are saved right after. Resolves true when all is saved. */
  function save() {
    if (inFlight.current) {
      again.current = true;
      return inFlight.current;
    }
    clearTimeout(timer.current);
    const sent = formRef.current;
    const body = bodyFrom(sent);
    setSaveState((s) => ({ ...s, kind: 'saving' }));
    inFlight.current = (async () => {
      try {
        let rec;
        if (!ids.current.caseId) {
          // the same content goes with the same key, so a retry never makes a second case
          const text = JSON.stringify(body);
          if (!ids.current.key || ids.current.key.body !== text) ids.current.key = { key: newKey(), body: text };
          rec = await session.authorized('POST', '/cases', body, { 'Idempotency-Key': ids.current.key.key });
          drafts.drop(null);
          ids.current.caseId = rec.id;
          ids.current.key = null;
          setCaseId(rec.id);
          history.replaceState(history.state, '', caseLink(rec.id));
        } else {
          rec = await session.authorized('PUT', `/cases/${ids.current.caseId}`, body, { 'If-Match': `"${ids.current.version}"` });
        }
        apply(rec);
        setSaveState({ kind: 'saved', at: new Date() });
        if (formRef.current === sent) {
          drafts.drop(ids.current.caseId);
        } else {
          keepLocally(formRef.current);
          again.current = true;
        }
        return true;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        keepLocally(formRef.current);
        if (e.code === 'VERSION_CONFLICT') {
          setConflict({ theirs: formFrom(e.details?.current ?? {}), version: e.details?.currentVersion });
          setSaveState((s) => ({ ...s, kind: 'conflict' }));
        } else {
          setSaveState((s) => ({ ...s, kind: e.code === 'VALIDATION_FAILED' ? 'invalid' : 'error', error: e }));
        }
        again.current = false;
        return false;
      } finally {
        inFlight.current = null;
        if (again.current) {
          again.current = false;
          schedule(0);
        }
      }
    })();
    return inFlight.current;
  }

  function keepMine() {
    ids.current.version = conflict.version;
    setConflict(null);
    keepLocally(formRef.current);
    save();
  }

  async function takeTheirs() {
    ids.current.version = conflict.version;
    formRef.current = conflict.theirs;
    setForm(conflict.theirs);
    drafts.drop(ids.current.caseId);
    setConflict(null);
    setSaveState({ kind: 'idle' });
    const rec = await session.authorized('GET', `/cases/${ids.current.caseId}`).catch(() => null);
    if (rec) {
      apply(rec);
      formRef.current = formFrom(rec.form);
      setForm(formRef.current);
    }
  }

  useLayoutEffect(() => {
    if (missing?.length) missingHeading.current?.focus();
  }, [missing]);

  async function submit(event) {
    event.preventDefault();
    if (busy || conflictRef.current) return;
    setBusy(true);
    setSubmitError(null);
    setMissing(null);
    try {
      clearTimeout(timer.current);
      if (inFlight.current) await inFlight.current;
      if (!ids.current.caseId || drafts.load(ids.current.caseId)) {
        if (!(await save())) return;
      }
      const rec = await session.authorized('POST', `/cases/${ids.current.caseId}/submit`, undefined,
        { 'If-Match': `"${ids.current.version}"` });
      apply(rec);
      setNotice('已提交给推荐单位。');
      loadReview(ids.current.caseId);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.code === 'CASE_INCOMPLETE') setMissing(e.fields);
      else setSubmitError(e);
    } finally {
      setBusy(false);
    }
  }

  if (loadError) {
    return (
      <>
        <h1 tabIndex={-1}>案例</h1>
        <FormAlert error={loadError}>
          {(loadError.code === 'NOT_JOINED' || loadError.code === 'MEMBERSHIP_DETACHED') && <p><Link to={routes.join}>凭推荐码加入推荐单位</Link></p>}
        </FormAlert>
        <p><Link to={routes.myCases}>返回我的案例</Link></p>
      </>
    );
  }
  if (!schema || !form) {
    return (<><h1 tabIndex={-1}>案例</h1><p role="status">正在载入…</p></>);
  }

  const editable = !record || record.editable;
  const saveError = saveState.kind === 'invalid' ? saveState.error : null;
  const missingFor = (path) => missing?.filter((m) => m.field === path).map((m) => m.message).join('；') || undefined;
  const err = (path) => saveError?.fieldMessage(path) ?? missingFor(path);
  const category = schema.categories.find((c) => c.code === form.category);
  const files = record?.files ?? [];
  const hasFile = (kind, slot) => files.some((f) => f.kind === kind && (slot === undefined || f.awardIndex === slot));

  let status = '';
  if (saveState.kind === 'saving') status = '正在保存…';
  else if (saveState.kind === 'pending') status = '有未保存的修改（已暂存在本机）';
  else if (saveState.kind === 'conflict') status = '尚未保存：内容已在其他地方修改，请在上方选择';
  else if (saveState.kind === 'invalid') status = '尚未保存：有字段需要修改（内容已暂存在本机）';
  else if (saveState.kind === 'error') status = `尚未保存：${saveState.error.message}（内容已暂存在本机，将在重试时保存）`;
  else if (saveState.kind === 'saved') status = `已于 ${hhmm(saveState.at)} 保存`;

  return (
    <>
      <h1 tabIndex={-1}>{caseId ? (form.name || record?.form?.name || '未命名案例') : '新建案例'}</h1>
      <p><Link to={routes.myCases}>返回我的案例</Link></p>
      <Notice>{notice}</Notice>
      {record && (
        <p class="case-meta"><span class={`status status-${record.status}`}>{record.statusLabel}</span> 版本 {record.version}</p>
      )}
      {review?.returned && (
        <section class="returned alert error" aria-labelledby="returned-title">
          <h2 id="returned-title">推荐单位退回修改的理由</h2>
          <p>{review.returned.reason}</p>
          {review.returned.comments?.length > 0 && (
            <ul>{review.returned.comments.map((c) => (
              <li key={c.field}><a href={`#${fieldId(c.field)}`}>{LABELS[c.field] ?? c.field}</a>：{c.comment}</li>
            ))}</ul>
          )}
        </section>
      )}
      {conflict && (
        <section class="conflict" role="alert" aria-labelledby="conflict-title">
          <h2 id="conflict-title">内容已在其他地方修改</h2>
          <p>您编辑期间，此案例已在其他地方保存为版本 {conflict.version}。以下内容不同，请选择保留哪一份（未选择前不会保存）：</p>
          <dl class="versions">
            {differences(form, conflict.theirs).map((field) => (
              <div key={field} class="version-row">
                <dt>{LABELS[field] ?? field}</dt>
                <dd><span class="which">我的修改：</span>{shown(form, field, schema)}</dd>
                <dd><span class="which">已保存的版本：</span>{shown(conflict.theirs, field, schema)}</dd>
              </div>
            ))}
          </dl>
          <div class="choices">
            <button type="button" class="primary" onClick={keepMine}>保留我的修改</button>
            <button type="button" class="secondary" onClick={takeTheirs}>使用已保存的版本</button>
          </div>
        </section>
      )}
      {!editable && <p class="alert info">此案例当前只能查看，不能修改。</p>}
      <form class="case-form" onSubmit={submit} noValidate>
        <div role="alert" class="form-alert">
          {missing?.length > 0 && (
            <div class="alert error missing-list">
              <h2 ref={missingHeading} tabIndex={-1}>提交前还须补充以下{missing.length}项</h2>
              <ul>
                {missing.map((m) => (
                  <li key={m.field + m.code}>
                    <a href={`#${fieldId(m.field)}`} onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(fieldId(m.field))?.focus();
                    }}>{m.message}</a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {submitError && <div class="alert error"><p>{submitError.message}</p></div>}
          {saveError && (
            <div class="alert error">
              <p>{saveError.message}</p>
              <ul>{saveError.fields.map((f) => (
                <li key={f.field}><a href={`#${fieldId(f.field)}`}>{f.message}</a></li>
              ))}</ul>
            </div>
          )}
        </div>
        <fieldset class="plain" disabled={!editable}>
          <h2>基本信息</h2>
          <TextField name="name" label={LABELS.name} max={schema.nameMax} value={form.name} onValue={set('name')} error={err('name')} required />
          <TextField name="implementingUnit" label={LABELS.implementingUnit} max={FIXED_MAX.implementingUnit} value={form.implementingUnit}
            onValue={set('implementingUnit')} error={err('implementingUnit')} required autoComplete="organization" />
          <TextField name="address" label={LABELS.address} max={FIXED_MAX.address} value={form.address} onValue={set('address')}
            error={err('address')} required autoComplete="street-address" />
          <TextField name="contactName" label={LABELS.contactName} max={FIXED_MAX.contactName} value={form.contactName}
            onValue={set('contactName')} error={err('contactName')} required autoComplete="name" />
          <TextField name="contactTitle" label={LABELS.contactTitle} max={FIXED_MAX.contactTitle} value={form.contactTitle}
            onValue={set('contactTitle')} error={err('contactTitle')} required />
          <TextField name="phone" label={LABELS.phone} hint="手机号码（11位）或带区号的固定电话" type="tel" value={form.phone}
            onValue={set('phone')} error={err('phone')} required autoComplete="tel" />
          <TextField name="email" label={LABELS.email} type="email" value={form.email} onValue={set('email')} error={err('email')}
            required autoComplete="email" />

          <h2>类别</h2>
          <SelectField name="category" label={LABELS.category} options={schema.categories} value={form.category}
            onValue={set('category')} error={err('category')} required />
          <SelectField name="subtype" label={LABELS.subtype} options={category?.subtypes ?? []} value={form.subtype}
            onValue={set('subtype')} error={err('subtype')} required placeholder={category ? '请选择' : '请先选择所属类别'} />
          {form.subtype === 'OTHER' && (
            <TextField name="otherSubtype" label={LABELS.otherSubtype} hint="选择“其他”时须填写具体类别" max={FIXED_MAX.otherSubtype}
              value={form.otherSubtype} onValue={set('otherSubtype')} error={err('otherSubtype')} required />
          )}

          <h2>案例内容</h2>
          <TextField name="summary" label={LABELS.summary} max={schema.summaryMax} multiline={5} value={form.summary}
            onValue={set('summary')} error={err('summary')} required />
          <TextField name="detail" label={LABELS.detail} hint={`建议提纲：${schema.detailOutline.join('；')}`} max={schema.detailMax}
            multiline={12} value={form.detail} onValue={set('detail')} error={err('detail')} required />
          <div class="dates">
            <TextField name="startedOn" label={LABELS.startedOn} hint={`不早于${schema.earliestStart}`} type="date" min={schema.earliestStart}
              value={form.startedOn} onValue={set('startedOn')} error={err('startedOn')} required />
            <TextField name="endedOn" label={LABELS.endedOn} hint="可不填；不早于开始日期" type="date" min={form.startedOn || schema.earliestStart}
              value={form.endedOn} onValue={set('endedOn')} error={err('endedOn')} />
          </div>

          <h2>媒体报道</h2>
          <p class="hint">可不填，最多{schema.mediaReportsMax}项。</p>
          {form.mediaReports.map((row, i) => (
            <fieldset class="row" key={i}>
              <legend>媒体报道 {i + 1}</legend>
              <TextField name={`mediaReports[${i}].title`} label="报道标题" max={FIXED_MAX.reportTitle} value={row.title}
                onValue={setRow('mediaReports', i, 'title')} error={err(`mediaReports[${i}].title`)} />
              <TextField name={`mediaReports[${i}].url`} label="报道链接" type="url" hint="以 http:// 或 https:// 开头" value={row.url}
                onValue={setRow('mediaReports', i, 'url')} error={err(`mediaReports[${i}].url`)} />
              <button type="button" class="secondary" onClick={() => change({ ...formRef.current,
                mediaReports: formRef.current.mediaReports.filter((_, j) => j !== i) })}>删除媒体报道 {i + 1}</button>
            </fieldset>
          ))}
          {form.mediaReports.length < schema.mediaReportsMax && (
            <button type="button" class="secondary" onClick={() => change({ ...formRef.current,
              mediaReports: [...formRef.current.mediaReports, { title: '', url: '' }] })}>添加媒体报道</button>
          )}

          <h2>获奖情况</h2>
          <p class="hint">可不填，最多{schema.awardsMax}项；每个奖项提交时须附获奖证明材料。</p>
          {form.awards.map((row, i) => (
            <fieldset class="row" key={i}>
              <legend>奖项 {i + 1}</legend>
              <TextField name={`awards[${i}].name`} label="奖项名称" max={FIXED_MAX.awardName} value={row.name}
                onValue={setRow('awards', i, 'name')} error={err(`awards[${i}].name`)} />
              <SelectField name={`awards[${i}].level`} label="奖项级别" options={schema.awardLevels} value={row.level}
                onValue={setRow('awards', i, 'level')} error={err(`awards[${i}].level`)} />
              <TextField name={`awards[${i}].year`} label="获奖年份" inputMode="numeric" value={row.year}
                onValue={setRow('awards', i, 'year')} error={err(`awards[${i}].year`)} />
              <p id={fieldId(`awards[${i}].proof`)} tabIndex={-1} class="slot">
                获奖证明材料：{hasFile('AWARD_PROOF', i) ? '已上传' : '未上传'}（上传功能将在后续版本提供）
              </p>
              <button type="button" class="secondary" onClick={() => change({ ...formRef.current,
                awards: formRef.current.awards.filter((_, j) => j !== i) })}>删除奖项 {i + 1}</button>
            </fieldset>
          ))}
          {form.awards.length < schema.awardsMax && (
            <button type="button" class="secondary" onClick={() => change({ ...formRef.current,
              awards: [...formRef.current.awards, { name: '', level: '', year: '' }] })}>添加奖项</button>
          )}

          <h2>照片</h2>
          <p class="hint">{schema.photoRule}。照片和证明材料的上传功能将在后续版本提供。</p>
          <p id={fieldId('files.LANDSCAPE_PHOTO')} tabIndex={-1} class="slot">横版照片：{hasFile('LANDSCAPE_PHOTO') ? '已上传' : '未上传'}</p>
          <p id={fieldId('files.PORTRAIT_PHOTO')} tabIndex={-1} class="slot">竖版照片：{hasFile('PORTRAIT_PHOTO') ? '已上传' : '未上传'}</p>
        </fieldset>
        <p class="save-status" role="status">{status}</p>
        {editable && (
          <button type="submit" class="primary" aria-disabled={busy ? 'true' : undefined}>{busy ? '正在提交…' : '提交给推荐单位'}</button>
        )}
      </form>
      {review?.history?.length > 0 && (
        <section class="history" aria-labelledby="history-title">
          <h2 id="history-title">审核历史</h2>
          <ol>
            {review.history.map((h, i) => (
              <li key={i}>
                <time dateTime={h.at}>{h.at.slice(0, 16).replace('T', ' ')}</time> {h.by}：{h.actionLabel}
                {h.reason && <p class="reason">理由：{h.reason}</p>}
                {h.comments?.length > 0 && (
                  <ul>{h.comments.map((c) => <li key={c.field}>{LABELS[c.field] ?? c.field}：{c.comment}</li>)}</ul>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
