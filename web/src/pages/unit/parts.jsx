// Pieces of the recommending unit's pages: their own navigation, the places left (always in view on
// the review pages), a text area and a select tied to their errors, a confirmation before a removal.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api.js';
import { Link } from '../../router.jsx';
import routes from '../../routes.json';
import { placesLines } from '../../unit.js';

const LINKS = [
  [routes.unit, '本单位'],
  [routes.unitReview, '审核推荐'],
  [routes.unitBind, '绑定推荐码'],
];

export function UnitNav({ path }) {
  return (
    <nav class="unit-nav" aria-label="推荐单位">
      {LINKS.map(([to, label]) => (
        <Link key={to} to={to} aria-current={path === to ? 'page' : undefined}>{label}</Link>
      ))}
    </nav>
  );
}

/** Loads once (and again on reload()): [data, error, reload]. */
export function useLoad(load, deps = []) {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load().then((d) => live && (setData(d), setError(null)), (e) => {
      if (!(e instanceof ApiError)) throw e;
      if (live) setError(e);
    });
    return () => { live = false; };
  }, [...deps, round]);
  return [data, error, () => setRound((r) => r + 1)];
}

/** The places used and left per category and in total. */
export function QuotaPanel({ quota }) {
  const lines = placesLines(quota);
  return (
    <section class="quota" aria-labelledby="quota-heading">
      <h2 id="quota-heading">推荐名额</h2>
      {lines.length === 0 ? <p>正在读取名额…</p> : (
        <dl class="facts quota-lines">
          {lines.map((line) => (
            <div key={line.key} class="quota-line">
              <dt>{line.label}</dt>
              <dd class={line.full ? 'quota-left full' : 'quota-left'} data-category={line.key}>{line.text}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function describedBy(...ids) {
  const present = ids.filter(Boolean);
  return present.length ? present.join(' ') : undefined;
}

export function TextArea({ name, label, hint, error, ...input }) {
  const id = `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{label}</label>
      {hint && <p id={hintId} class="hint">{hint}</p>}
      <textarea id={id} name={name} rows={3} aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hintId, errorId)} {...input} />
      {error && <p id={errorId} class="field-error">{error}</p>}
    </div>
  );
}

export function Select({ name, label, options, error, ...input }) {
  const id = `field-${name}`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{label}</label>
      <select id={id} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={errorId} {...input}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {error && <p id={errorId} class="field-error">{error}</p>}
    </div>
  );
}

/**
 * A button that asks first: the question and 确认 / 取消 take its place, the focus on 确认; 取消 (or
 * Escape) puts the button back with the focus on it.
 */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, name }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = useRef(null);
  const button = useRef(null);
  const wasAsking = useRef(false);
  useLayoutEffect(() => {
    if (asking) confirm.current?.focus();
    else if (wasAsking.current) button.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  async function yes() {
    if (busy) return;
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  }
  if (!asking) {
    return <button ref={button} type="button" class="secondary small" aria-label={name ? `${label}：${name}` : undefined}
      onClick={() => setAsking(true)}>{label}</button>;
  }
  return (
    <div class="confirm" role="group" aria-label={question}
      onKeyDown={(e) => { if (e.key === 'Escape') setAsking(false); }}>
      <p>{question}</p>
      <button ref={confirm} type="button" class="primary small" onClick={yes}>{busy ? '正在处理…' : confirmLabel}</button>
      <button type="button" class="secondary small" onClick={() => setAsking(false)}>取消</button>
    </div>
  );
}
