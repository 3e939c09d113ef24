// Form pieces shared by the pages: fields whose hint and error are tied to them (aria-describedby),
// the form's own message in an alert, and a submit that turns an ApiError into both.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api.js';

function describedBy(...ids) {
  const present = ids.filter(Boolean);
  return present.length ? present.join(' ') : undefined;
}

/** A labelled input; hint and error (a Chinese message) are read out with it. */
export function Field({ name, label, hint, error, type = 'text', ...input }) {
  const id = `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{label}</label>
      {hint && <p id={hintId} class="hint">{hint}</p>}
      <input id={id} name={name} type={type} aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hintId, errorId)} {...input} />
      {error && <p id={errorId} class="field-error">{error}</p>}
    </div>
  );
}

/** A password input with a "show" switch, which mobile users need to check what they typed. */
export function PasswordField({ name, label, hint, error, autoComplete }) {
  const [shown, setShown] = useState(false);
  return (
    <div class="password">
      <Field name={name} label={label} hint={hint} error={error} type={shown ? 'text' : 'password'}
        autoComplete={autoComplete} autoCapitalize="off" spellcheck={false} />
      <div class="show-password">
        <input id={`field-${name}-show`} type="checkbox" checked={shown} onChange={(e) => setShown(e.currentTarget.checked)} />
        <label for={`field-${name}-show`}>显示密码</label>
      </div>
    </div>
  );
}

export const PASSWORD_RULES = '10到128个字符，不要求字符种类；不能是常见密码，不能是一两个字符的重复、连续的数字或字母、'
  + '键盘上的一行，也不能包含邮箱@前面的部分。';

/** One choice out of a few, as radio buttons in a fieldset; the error is tied to each choice. */
export function Choice({ name, legend, options, error, defaultValue }) {
  const errorId = error ? `field-${name}-error` : undefined;
  return (
    <fieldset class={error ? 'field choice invalid' : 'field choice'}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <div class="option" key={option.value}>
          <input id={`field-${name}-${option.value}`} type="radio" name={name} value={option.value}
            defaultChecked={option.value === defaultValue} aria-invalid={error ? 'true' : undefined}
            aria-describedby={describedBy(option.hint && `field-${name}-${option.value}-hint`, errorId)} />
          <label for={`field-${name}-${option.value}`}>{option.label}</label>
          {option.hint && <p id={`field-${name}-${option.value}-hint`} class="hint">{option.hint}</p>}
        </div>
      ))}
      {error && <p id={errorId} class="field-error">{error}</p>}
    </fieldset>
  );
}

/**
 * A form posting to the API: while one submit is under way another is ignored (the button stays
 * focusable); a failure shows its message in the form's alert and each field's message by its field,
 * and moves the focus to the first field in error.
 */
export function useApiForm(action) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const form = useRef(null);

  // as soon as the fields show their errors, before the browser paints them
  useLayoutEffect(() => {
    if (error) form.current?.querySelector('[aria-invalid="true"]')?.focus();
  }, [error]);

  async function onSubmit(event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action(new FormData(event.currentTarget));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return { form, error, busy, setError, onSubmit, field: (name) => error?.fieldMessage(name) };
}

/**
 * The form's message: the API's Chinese message, and the messages of fields this form does not show.
 * The region is always there, so that a message put into it is announced.
 */
export function FormAlert({ error, fields = [], children }) {
  const others = error ? error.fields.filter((f) => !fields.includes(f.field)) : [];
  return (
    <div class="form-alert" role="alert">
      {error && (
        <div class="alert error">
          <p>{error.message}</p>
          {others.length > 0 && <ul>{others.map((f) => <li key={f.field}>{f.message}</li>)}</ul>}
          {children}
        </div>
      )}
    </div>
  );
}

/** A notice (not an error): announced politely. */
export function Notice({ children }) {
  return <div class="notice" role="status">{children && <p class="alert info">{children}</p>}</div>;
}

/** Reads the named entries of a FormData as strings. */
export function values(data, ...names) {
  return Object.fromEntries(names.map((name) => [name, String(data.get(name) ?? '')]));
}
