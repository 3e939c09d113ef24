// The case form as the page holds it, and its unsent edits kept in localStorage per account and case:
// a reload, a closed tab or an expired session loses nothing, and signing in again resumes the draft.

export const TEXT_FIELDS = ['name', 'implementingUnit', 'address', 'contactName', 'contactTitle', 'phone', 'email',
  'category', 'subtype', 'otherSubtype', 'summary', 'detail', 'startedOn', 'endedOn'];

/** The page's form (strings everywhere, rows as typed) from a server CaseForm. */
export function formFrom(server = {}) {
  const form = {};
  for (const field of TEXT_FIELDS) form[field] = server[field] == null ? '' : String(server[field]);
  form.mediaReports = (server.mediaReports ?? []).map((r) => ({ title: r.title ?? '', url: r.url ?? '' }));
  form.awards = (server.awards ?? []).map((a) => ({ name: a.name ?? '', level: a.level ?? '', year: a.year == null ? '' : String(a.year) }));
  return form;
}

/** The request body: blank fields left out (a draft may lack them), blank rows dropped, years as numbers. */
export function bodyFrom(form) {
  const body = {};
  for (const field of TEXT_FIELDS) {
    const value = (form[field] ?? '').trim() === '' ? '' : form[field];
    if (value !== '') body[field] = value;
  }
  if (body.subtype !== 'OTHER') delete body.otherSubtype;
  const reports = (form.mediaReports ?? []).filter((r) => r.title.trim() || r.url.trim());
  if (reports.length) body.mediaReports = reports.map((r) => ({ title: r.title, url: r.url }));
  const awards = (form.awards ?? []).filter((a) => a.name.trim() || a.level || String(a.year).trim());
  if (awards.length) {
    body.awards = awards.map((a) => ({ name: a.name, level: a.level,
      year: /^\d+$/.test(String(a.year).trim()) ? Number(String(a.year).trim()) : a.year }));
  }
  return body;
}

/** The fields whose values differ between two page forms, in the form's order. */
export function differences(a, b) {
  const fields = [...TEXT_FIELDS, 'mediaReports', 'awards'];
  const left = bodyFrom(a);
  const right = bodyFrom(b);
  return fields.filter((f) => JSON.stringify(left[f] ?? null) !== JSON.stringify(right[f] ?? null));
}

/** A store of drafts in storage (localStorage), under one account. */
export function draftStore(storage, owner) {
  const key = (caseId) => `dianzan.draft.${owner}.${caseId ?? 'new'}`;
  return {
    /** { form, baseVersion, at, idempotencyKey? } or null */
    load(caseId) {
      try {
        const kept = JSON.parse(storage.getItem(key(caseId)));
        return kept && kept.form ? kept : null;
      } catch {
        return null;
      }
    },
    keep(caseId, draft) {
      try {
        storage.setItem(key(caseId), JSON.stringify(draft));
      } catch {
        // storage full or refused: the autosave still runs
      }
    },
    drop(caseId) {
      storage.removeItem(key(caseId));
    },
    /** The case ids (and 'new') with unsent edits. */
    list() {
      const prefix = `dianzan.draft.${owner}.`;
      const ids = [];
      for (let i = 0; i < storage.length; i++) {
        const k = storage.key(i);
        if (k?.startsWith(prefix)) ids.push(k.slice(prefix.length));
      }
      return ids;
    },
  };
}

/** Who owns drafts in this browser: the signed-in account. */
export function ownerOf(session) {
  const account = session.current()?.account;
  return account?.accountId ?? account?.id ?? account?.person?.email ?? 'anonymous';
}
