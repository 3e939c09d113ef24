// The implementing unit's pages, used as people use them, in headless Debian Chromium driven by
// playwright-core against a running local system; axe-core checks each page. Run by ImplementerPagesBrowserIT;
// by hand against a running local system whose campaign an admin may change:
//   npm run build && node local/src/test/browser/implementer.mjs http://127.0.0.1:8080
// Prints one JSON line of what it saw (the IT asserts on it).
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

const origin = process.argv[2] ?? 'http://127.0.0.1:8080';
const run = Math.random().toString(16).slice(2, 10);
const PASSWORD = '实施单位网页测试-足够长-2026';
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const seen = { axe: [], overflow: [], csp: [], pageErrors: [] };

async function open({ viewport }) {
  const context = await browser.newContext({ viewport, timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) seen.csp.push(message.text());
  });
  page.on('pageerror', (error) => seen.pageErrors.push(String(error)));
  return page;
}

async function check(page, label) {
  await page.locator('.deadline p').first().waitFor();
  for (const viewport of [PHONE, DESKTOP]) {
    await page.setViewportSize(viewport);
    const results = await new AxeBuilder({ page }).analyze();
    seen.axe.push({
      page: label, width: viewport.width, passes: results.passes.length,
      violations: results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })),
    });
    if (await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)) {
      seen.overflow.push(`${label} at ${viewport.width}px`);
    }
  }
  await page.setViewportSize(PHONE);
}

const heading = (page, text) => page.locator('main h1', { hasText: text }).waitFor();
const text = (page, selector) => page.locator(selector).first().innerText();
const path = (r) => new URL(r.url()).pathname;

async function call(method, url, { token, body, headers = {} } = {}) {
  const response = await fetch(origin + url, { method, body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: 'Bearer ' + token } : {}), ...headers } });
  const answer = await response.text();
  return { status: response.status, body: answer ? JSON.parse(answer) : null };
}

async function mailedCode(email) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const answer = await fetch(`${origin}/local/mail?to=${encodeURIComponent(email)}`).then((r) => r.json());
    const mail = (answer.items ?? []).filter((m) => /邮箱验证码/.test(m.subject)).at(-1);
    if (mail) return /(\d{6})/.exec(mail.subject)[1];
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${email}`);
}

async function focusedOn(page, id) {
  await page.waitForFunction((wanted) => document.activeElement?.id === wanted, id, { timeout: 5000 }).catch(() => {});
  return page.evaluate(() => document.activeElement?.id);
}

/** The case as the server has it, read with the page's own session. */
function serverCase(page, id) {
  return page.evaluate(async (caseId) => {
    const { accessToken } = JSON.parse(sessionStorage.getItem('dianzan.session'));
    return fetch('/cases/' + caseId, { headers: { Authorization: 'Bearer ' + accessToken } }).then((r) => r.json());
  }, id);
}

const result = {};
try {
  // 1. Through the API: the admin reopens the campaign (closed on this machine's clock) and issues a code,
  //    which the demo recommending unit binds.
  const totp = (await fetch(origin + '/local/totp').then((r) => r.json())).code;
  const admin = (await call('POST', '/auth/sign-in', { body: { email: 'cast-admin@demo.dianzan.local', password: 'Dianzan-Admin-2026', totp } })).body.accessToken;
  const closes = new Date(Math.floor((Date.now() + 3 * 86400_000) / 60_000) * 60_000);
  const closesChina = new Date(closes.getTime() + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';
  result.setup = { campaign: (await call('PUT', '/campaign', { token: admin, body: { name: '2026年度“典赞·科普中国”科普案例征集',
    registrationOpensAt: '2026-06-17T00:00:00+08:00', submissionClosesAt: closesChina,
    quotas: { activityService: 3, venueBuilding: 3, total: 6 } } })).status };
  const issued = await call('POST', '/admin/codes', { token: admin, body: { units: [{ name: '网页测试推荐单位', unitType: 'NATIONAL_SOCIETY' }] } });
  const unit = (await call('POST', '/auth/sign-in', { body: { email: 'unit@demo.dianzan.local', password: 'Dianzan-Demo-2026' } })).body.accessToken;
  const bound = await call('POST', `/codes/${issued.body.items[0].code}/bind`, { token: unit, body: { unitName: '网页测试推荐单位',
    address: '某省某市科技路1号', contactName: '王老师', contactTitle: '科普部部长', phone: '010-68526300', email: 'kepu@example.cn' } });
  // run by hand a second time, the demo unit is bound already: its own code then
  const code = bound.status === 201 ? bound.body.code : (await call('GET', '/me', { token: unit })).body.unit.code;
  result.setup.bind = bound.status;

  // 2. A new implementing unit registers on a phone.
  const email = `impl-${run}@web.dianzan.local`;
  const page = await open({ viewport: PHONE });
  await page.goto(origin + '/register');
  await heading(page, '注册');
  await page.fill('#field-email', email);
  await page.fill('#field-password', PASSWORD);
  await page.getByLabel('案例实施单位').check();
  await page.fill('#field-contactName', '案例测试联系人');
  await page.fill('#field-mobile', '13912345679');
  await page.locator('main form button[type=submit]').click();
  await heading(page, '验证邮箱');
  await page.fill('#field-code', await mailedCode(email));
  await page.fill('#field-password', PASSWORD);
  await page.locator('main form button[type=submit]').click();
  await heading(page, '我的账号');

  // 3. 加入推荐单位: a typo caught as typed, then the code in small letters with spaces.
  await page.locator('main a', { hasText: '加入推荐单位' }).click();
  await heading(page, '加入推荐单位');
  await check(page, 'join');
  const typo = code.slice(0, 3) + (code[3] === 'A' ? 'B' : 'A') + code.slice(4);
  await page.fill('#field-code', typo.toLowerCase());
  result.join = {
    typo: await text(page, '#field-code-check'),
    typoInvalid: await page.getAttribute('#field-code', 'aria-invalid'),
    partial: null,
  };
  await page.fill('#field-code', code.slice(0, 4).toLowerCase());
  result.join.partial = await text(page, '#field-code-check');
  const spaced = code.replaceAll('-', ' ').toLowerCase();
  await page.fill('#field-code', '');
  await page.locator('#field-code').pressSequentially(spaced);
  result.join.valid = await text(page, '#field-code-check');
  result.join.validInvalid = await page.getAttribute('#field-code', 'aria-invalid');
  await page.fill('#field-organization', '网页测试科技馆');
  const [joined] = await Promise.all([
    page.waitForResponse((r) => path(r).endsWith('/join') && r.request().method() === 'POST'),
    page.locator('main form button[type=submit]').click(),
  ]);
  await heading(page, '我的案例');
  result.join.status = joined.status();
  result.join.path = path(joined);
  result.join.notice = await text(page, 'main [role=status]');
  await check(page, 'cases (none yet)');

  // 4. A new case through the form: the counter counts what a reader sees (an emoji family is one).
  await page.locator('main a', { hasText: '新建案例' }).click();
  await heading(page, '新建案例');
  await page.locator('#field-name').waitFor();
  await check(page, 'case form (new)');
  const [created] = await Promise.all([
    page.waitForResponse((r) => path(r) === '/cases' && r.request().method() === 'POST'),
    page.fill('#field-name', '青少年科学实验季👨‍👩‍👧‍👦'),
  ]);
  result.form = {
    counter: await text(page, '#field-name-count'),
    createStatus: created.status(),
    idempotencyKey: Boolean(created.request().headers()['idempotency-key']),
  };
  await page.waitForFunction(() => /^\/my-case$/.test(location.pathname) && location.search.startsWith('?id='));
  const caseId = new URLSearchParams(new URL(page.url()).search).get('id');
  await page.locator('.save-status', { hasText: /^已于 \d\d:\d\d 保存$/ }).waitFor();
  result.form.saved = await text(page, '.save-status');
  await page.fill('#field-implementingUnit', '网页测试科技馆');
  await page.fill('#field-address', '某市科技大道1号');
  await page.fill('#field-contactName', '张老师');
  await page.fill('#field-contactTitle', '馆长');
  await page.fill('#field-phone', '13812345678');
  await page.fill('#field-email', 'kjg@example.cn');
  await page.selectOption('#field-category', 'ACTIVITY_SERVICE');
  result.form.subtypes = await page.locator('#field-subtype option').allInnerTexts();
  await page.selectOption('#field-subtype', 'OTHER');
  await page.fill('#field-otherSubtype', '科普剧场');
  await page.fill('#field-detail', '一、实施、应用及推广情况\n全年举办。');
  await page.fill('#field-startedOn', '2025-03-01');
  await page.locator('button', { hasText: '添加媒体报道' }).click();
  await page.fill('#field-mediaReports-0-title', '科技日报报道');
  await page.fill('#field-mediaReports-0-url', 'https://www.example.cn/news/1');
  await page.locator('button', { hasText: '添加奖项' }).click();
  await page.fill('#field-awards-0-name', '全国科普日优秀活动');
  await page.selectOption('#field-awards-0-level', 'NATIONAL');
  await page.fill('#field-awards-0-year', '2025');
  result.form.proofSlot = await text(page, '#field-awards-0-proof');

  // 5. A reload in the middle of typing (before the autosave): nothing is lost, and it is saved after.
  const summary = '全年举办科普讲座120场，覆盖青少年3万人次🧪';
  await page.locator('#field-summary').pressSequentially(summary);
  result.reload = { beforeReload: await text(page, '#field-summary-count') };
  await page.reload();
  await page.locator('#field-summary').waitFor();
  result.reload.summary = await page.inputValue('#field-summary');
  result.reload.notice = await text(page, 'main [role=status]');
  await page.locator('.save-status', { hasText: /^已于 \d\d:\d\d 保存$/ }).waitFor();
  result.reload.server = (await serverCase(page, caseId)).form?.summary;
  result.reload.left = await page.evaluate(() => localStorage.length);

  // 6. The session expires while typing: signing in again comes back to the draft.
  await page.fill('#field-contactTitle', '馆长兼主任');
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await heading(page, '登录');
  await page.fill('#field-email', email);
  await page.fill('#field-password', PASSWORD);
  await page.locator('main form button[type=submit]').click();
  await page.locator('#field-contactTitle').waitFor();
  result.resume = { path: new URL(page.url()).pathname + new URL(page.url()).search === `/my-case?id=${caseId}`,
    contactTitle: await page.inputValue('#field-contactTitle') };
  await page.locator('.save-status', { hasText: /^已于 \d\d:\d\d 保存$/ }).waitFor();
  result.resume.server = (await serverCase(page, caseId)).form?.contactTitle;

  // 7. Saved elsewhere meanwhile: the next autosave shows both versions and a choice, never overwrites.
  const current = await serverCase(page, caseId);
  result.conflict = { elsewhere: await page.evaluate(async ({ id, form, version }) => {
    const { accessToken } = JSON.parse(sessionStorage.getItem('dianzan.session'));
    const response = await fetch('/cases/' + id, { method: 'PUT', body: JSON.stringify({ ...form, address: '另一台电脑上改的地址' }),
      headers: { 'Content-Type': 'application/json', 'If-Match': `"${version}"`, Authorization: 'Bearer ' + accessToken } });
    return response.status;
  }, { id: caseId, form: current.form, version: current.version }) };
  const [stale] = await Promise.all([
    page.waitForResponse((r) => path(r) === `/cases/${caseId}` && r.request().method() === 'PUT'),
    page.fill('#field-address', '某市科技大道2号'),
  ]);
  result.conflict.status = stale.status();
  await page.locator('.conflict h2').waitFor();
  result.conflict.heading = await text(page, '.conflict h2');
  result.conflict.rows = await page.locator('.conflict .version-row').allInnerTexts();
  await check(page, 'case form (conflict)');
  const [resolved] = await Promise.all([
    page.waitForResponse((r) => path(r) === `/cases/${caseId}` && r.request().method() === 'PUT'),
    page.locator('.conflict button', { hasText: '保留我的修改' }).click(),
  ]);
  result.conflict.keptStatus = resolved.status();
  result.conflict.server = (await serverCase(page, caseId)).form?.address;

  // 8. 提交: refused for the photos and the award's proof, each listed with a link to its slot.
  await page.locator('.save-status', { hasText: /^已于 \d\d:\d\d 保存$/ }).waitFor();
  const [submitted] = await Promise.all([
    page.waitForResponse((r) => path(r) === `/cases/${caseId}/submit`),
    page.locator('main form button[type=submit]').click(),
  ]);
  await page.locator('.missing-list li').first().waitFor();
  result.submit = {
    status: submitted.status(),
    heading: await text(page, '.missing-list h2'),
    items: await page.locator('.missing-list li').allInnerTexts(),
    focus: await page.evaluate(() => document.activeElement?.textContent),
  };
  await check(page, 'case form (missing items)');
  await page.locator('.missing-list a', { hasText: '须上传横版照片' }).click();
  result.submit.linkFocus = await focusedOn(page, 'field-files-LANDSCAPE_PHOTO');

  // 9. 我的案例: the status and what is missing; the review history on the case.
  await page.locator('main a', { hasText: '返回我的案例' }).click();
  await heading(page, '我的案例');
  await page.locator('.case-item .missing li').first().waitFor();
  result.list = {
    name: await text(page, '.case-item h2'),
    status: await text(page, '.case-item .status'),
    missing: await page.locator('.case-item .missing li').allInnerTexts(),
  };
  await check(page, 'cases');
  await page.locator('.case-item h2 a').click();
  await page.locator('.history li').first().waitFor();
  result.history = await page.locator('.history > ol > li').allInnerTexts();
  await page.context().close();
  console.log(JSON.stringify({ ...result, ...seen }));
} finally {
  await browser.close();
}
