// The recommending unit's pages (/unit/…) used as a unit uses them, in headless Chromium against a
// running local system; axe-core checks each page at phone and desktop widths. Run by WebUnitBrowserIT;
// by hand: npm run build && node local/src/test/browser/web-unit.mjs http://127.0.0.1:8080
// The admin's part and the implementer's four submitted cases are prepared through the API.
// Prints one JSON line of what it saw, last; exits non-zero if the browser could not be driven at all.
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

const origin = process.argv[2] ?? 'http://127.0.0.1:8080';
const run = Math.random().toString(16).slice(2, 10);
const PASSWORD = '推荐单位网页测试密码-2026';
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const seen = { axe: [], overflow: [], csp: [], pageErrors: [] };

async function open(viewport) {
  const context = await browser.newContext({ viewport, timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) seen.csp.push(m.text()); });
  page.on('pageerror', (e) => seen.pageErrors.push(String(e)));
  return page;
}

async function check(page, label) {
  await page.locator('.deadline p').first().waitFor();
  const results = await new AxeBuilder({ page }).analyze();
  const width = page.viewportSize().width;
  seen.axe.push({ page: label, width, passes: results.passes.length,
    violations: results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })) });
  if (await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)) seen.overflow.push(`${label} at ${width}px`);
}

const heading = (page, text) => page.locator('main h1', { hasText: text }).waitFor();
const text = (page, selector) => page.locator(selector).first().innerText();

async function mailed(email, subject, pattern = /(\d{6})/) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const answer = await fetch(`${origin}/local/mail?to=${encodeURIComponent(email)}`).then((r) => r.json());
    const mail = (answer.items ?? []).filter((m) => subject.test(m.subject)).at(-1);
    if (mail) return pattern.exec(mail.subject)[1];
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail ${subject} to ${email}`);
}

async function submit(page, path, button = 'main form button[type=submit]', method = 'POST') {
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === path && r.request().method() === method),
    page.locator(button).first().click(),
  ]);
  return response;
}

/** A call to the API; fails unless the status is the expected one. */
async function api(method, path, { token, body, expect } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = 'Bearer ' + token;
  const response = await fetch(origin + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await response.json().catch(() => null);
  if (expect !== undefined && response.status !== expect) {
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(data)}`);
  }
  return data;
}

/** An account registered and verified through the API: its access token. */
async function registered(email, accountType, contactName) {
  await api('POST', '/accounts/register', { body: { email, password: PASSWORD, accountType, contactName, mobile: '13912345678' }, expect: 202 });
  const code = await mailed(email, /邮箱验证码/);
  return (await api('POST', '/accounts/verify', { body: { email, code, password: PASSWORD }, expect: 201 })).accessToken;
}

/** Real images of a size: a screenshot of a page that size. */
async function image(type, width, height) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.setContent(`<body style="margin:0;background:linear-gradient(90deg,#b4231b,#1a5fb4)"></body>`);
  const bytes = await page.screenshot({ type });
  await page.close();
  return bytes;
}

async function upload(token, caseId, kind, fileName, contentType, bytes, awardIndex) {
  const ask = { kind, fileName, size: bytes.length, contentType, ...(awardIndex === undefined ? {} : { awardIndex }) };
  const signed = await api('POST', `/cases/${caseId}/uploads`, { token, body: ask, expect: 201 });
  const sent = await fetch(signed.url, { method: 'PUT', headers: { 'Content-Type': signed.headers['Content-Type'] }, body: bytes });
  if (sent.status !== 200) throw new Error('upload ' + sent.status + ' ' + await sent.text());
  await api('POST', `/uploads/${signed.uploadId}/complete`, { token, expect: 200 });
}

function caseForm(name) {
  return { name, implementingUnit: '某市科技馆', address: '某市科技大道1号', contactName: '张老师', contactTitle: '馆长',
    phone: '13812345678', email: 'kjg@example.cn', category: 'ACTIVITY_SERVICE', subtype: 'LECTURE',
    summary: '全年举办科普讲座120场，覆盖青少年3万人次。', mediaReports: [{ title: '科技日报报道', url: 'https://www.example.cn/news/1' }],
    awards: [{ name: '全国科普日优秀活动', level: 'NATIONAL', year: 2025 }], detail: '一、实施、应用及推广情况\n……',
    startedOn: '2025-03-01', endedOn: '2025-12-31' };
}

const result = {};
try {
  // 1. The admin (through the API) reopens the campaign, as the machine's clock may be past its deadline, and issues a code.
  const first = await fetch(origin + '/auth/sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'cast-admin@demo.dianzan.local', password: 'Dianzan-Admin-2026' }) });
  if (first.status !== 401) throw new Error('admin sign-in ' + first.status);
  // each authenticator code works once: a run soon after another waits for the next code
  let admin;
  for (let tries = 0; !admin && tries < 15; tries++) {
    const totp = (await fetch(origin + '/local/totp').then((r) => r.json())).code;
    const signedIn = await api('POST', '/auth/sign-in', { body: { email: 'cast-admin@demo.dianzan.local', password: 'Dianzan-Admin-2026', totp } });
    admin = signedIn?.accessToken;
    if (!admin) await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  if (!admin) throw new Error('the admin could not sign in');
  const closes = new Date(Date.now() + 30 * 86400_000);
  const closesChina = new Date(closes.getTime() + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';
  await api('PUT', '/campaign', { token: admin, expect: 200, body: { name: '2026年度“典赞·科普中国”科普案例征集',
    registrationOpensAt: '2026-06-17T00:00:00+08:00', submissionClosesAt: closesChina,
    quotas: { activityService: 3, venueBuilding: 3, total: 6 } } });
  const issued = await api('POST', '/admin/codes', { token: admin, expect: 201,
    body: { units: [{ name: '某市科学技术协会', unitType: 'PROVINCIAL_ASSOCIATION', province: '北京市' }] } });
  const code = issued.items[0].code;
  result.code = code;

  // 2. The unit registers through the pages and verifies with the code from its mail.
  const email = `unit-${run}@web.dianzan.local`;
  const desk = await open(DESKTOP);
  await desk.goto(origin + '/register');
  await heading(desk, '注册');
  await desk.fill('#field-email', email);
  await desk.fill('#field-password', PASSWORD);
  await desk.getByLabel('推荐单位', { exact: true }).check();
  await desk.fill('#field-contactName', '推荐单位联系人');
  await desk.fill('#field-mobile', '13912345678');
  await submit(desk, '/accounts/register');
  await heading(desk, '验证邮箱');
  await desk.fill('#field-code', await mailed(email, /邮箱验证码/));
  await desk.fill('#field-password', PASSWORD);
  await submit(desk, '/accounts/verify');
  await heading(desk, '我的账号');

  // 3. 绑定推荐码: the header's 本单位, then an empty form's errors by their fields, a wrong code's, then the code typed loosely.
  await desk.locator('header nav a', { hasText: '本单位' }).click();
  await heading(desk, '本单位');
  result.unbound = await text(desk, 'main .alert.info');
  await desk.locator('.unit-nav a', { hasText: '绑定推荐码' }).click();
  await heading(desk, '绑定推荐码');
  await check(desk, '/unit/bind');
  await desk.locator('main form button[type=submit]').click();
  await desk.locator('#field-code-error').waitFor();
  result.bind = { emptyCode: await text(desk, '#field-code-error'),
    focus: await desk.evaluate(() => document.activeElement?.id) };
  await desk.fill('#field-code', 'ABCDE-FGHJK-MNPQR');
  await desk.fill('#field-unitName', '某市科学技术协会');
  await desk.fill('#field-address', '某省某市科技路1号');
  await desk.fill('#field-contactName', '王老师');
  await desk.fill('#field-contactTitle', '科普部部长');
  await desk.fill('#field-phone', '010-68526300');
  await desk.fill('#field-email', 'kepu@example.cn');
  result.bind.wrongStatus = (await submit(desk, '/codes/ABCDE-FGHJK-MNPQR/bind')).status();
  await desk.locator('#field-code-error').waitFor();
  result.bind.wrongCode = await text(desk, '#field-code-error');
  result.bind.codeDescription = await desk.locator('#field-code').evaluate((el) => el.getAttribute('aria-describedby'));
  await check(desk, '/unit/bind with errors');
  const loose = ' ' + code.toLowerCase().replace(/-/g, ' ') + ' ';
  await desk.fill('#field-code', loose);
  result.bind.status = (await submit(desk, `/codes/${code}/bind`)).status();
  await heading(desk, '本单位');
  await desk.locator('.unit-name').waitFor();
  result.unit = { name: await text(desk, '.unit-name'), code: await text(desk, '.unit-code'),
    notice: await text(desk, 'main > .notice') };

  // 4. 同事: invite a colleague; the colleague accepts through the API; the list shows both, and the contact.
  const colleague = `colleague-${run}@web.dianzan.local`;
  await desk.fill('#field-email', colleague);
  await desk.fill('#field-name', '李同事');
  result.invite = { status: (await submit(desk, '/accounts/me/members', 'main form.invite button[type=submit]')).status() };
  const invitation = await mailed(colleague, /邀请码/, /邀请码 (\w+)/);
  const accepted = await api('POST', '/invitations/accept', { expect: 201,
    body: { email: colleague, code: invitation, password: PASSWORD, name: '李同事', mobile: '13812345679' } });
  result.invite.accepted = Boolean(accepted.session?.accessToken);
  await desk.reload();
  await desk.locator('.members li', { hasText: '李同事' }).waitFor();
  result.members = await desk.locator('.members .row-title').allInnerTexts();
  // hand the contact over to the colleague, with the confirmation
  await desk.getByRole('button', { name: '设为联系人：李同事' }).click();
  await desk.waitForFunction(() => document.activeElement?.textContent === '确认移交', null, { timeout: 5000 }).catch(() => {});
  result.handOverFocus = await desk.evaluate(() => document.activeElement?.textContent);
  await check(desk, '/unit asking to confirm');
  await desk.getByRole('button', { name: '确认移交' }).click();
  await desk.locator('.members li', { hasText: '李同事（单位联系人）' }).waitFor();
  result.membersAfter = await desk.locator('.members .row-title').allInnerTexts();

  // 5. An implementer joins the code and submits four cases of one category (through the API).
  const implementer = await registered(`impl-${run}@web.dianzan.local`, 'IMPLEMENTER', '实施单位联系人');
  await api('POST', `/codes/${code}/join`, { token: implementer, body: { organization: '某市科技馆' }, expect: 201 });
  const landscape = await image('jpeg', 400, 300);
  const portrait = await image('png', 300, 400);
  const proof = await image('png', 200, 200);
  const names = ['科学实验季', '科普讲座进社区', '科学之夜', '科普市集'];
  for (const name of names) {
    const created = await fetch(origin + '/cases', { method: 'POST', headers: { 'Content-Type': 'application/json',
      Authorization: 'Bearer ' + implementer, 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify(caseForm(name)) });
    if (created.status !== 201) throw new Error('create ' + created.status + ' ' + await created.text());
    const id = (await created.json()).id;
    await upload(implementer, id, 'LANDSCAPE_PHOTO', '横版.jpg', 'image/jpeg', landscape);
    await upload(implementer, id, 'PORTRAIT_PHOTO', '竖版.png', 'image/png', portrait);
    await upload(implementer, id, 'AWARD_PROOF', '获奖证书.png', 'image/png', proof, 0);
    await api('POST', `/cases/${id}/submit`, { token: implementer, expect: 200 });
  }
  await desk.reload();
  await desk.locator('.implementers li', { hasText: '某市科技馆' }).waitFor();
  await check(desk, '/unit');

  // 6. 审核推荐: the inbox, filtered; each case approved and recommended; the fourth refused, the places left in view.
  await desk.locator('.unit-nav a', { hasText: '审核推荐' }).click();
  await heading(desk, '审核推荐');
  await desk.locator('.cases li').nth(3).waitFor();
  result.inbox = { all: await text(desk, '.matching'), quota: await desk.locator('.quota-left').allInnerTexts() };
  await desk.selectOption('#field-status', 'SUBMITTED');
  await desk.locator('.matching', { hasText: '共4个案例' }).waitFor();
  await check(desk, '/unit/review');
  result.recommend = [];
  for (const name of names) {
    await desk.goto(origin + '/unit/review');
    await desk.locator('.cases a', { hasText: name }).click();
    await heading(desk, name);
    await desk.getByRole('button', { name: '审核通过' }).waitFor();
    const approved = await submit(desk, `/cases/${new URL(desk.url()).searchParams.get('id')}/approve`, 'main .buttons button');
    await desk.getByRole('button', { name: '推荐', exact: true }).waitFor();
    if (name === names[0]) await check(desk, '/unit/case');
    const id = new URL(desk.url()).searchParams.get('id');
    const recommended = await submit(desk, `/cases/${id}/recommend`, 'main .buttons button');
    const step = { name, approve: approved.status(), recommend: recommended.status() };
    if (recommended.status() === 200) {
      await desk.getByRole('button', { name: '撤回推荐' }).waitFor();
      // the places are read again after the recommendation
      await desk.locator('.quota-left[data-category=ACTIVITY_SERVICE]', { hasText: `已推荐${names.indexOf(name) + 1}个` }).waitFor();
    } else {
      await desk.locator('main .actions [role=alert] .alert').waitFor();
      step.alert = await text(desk, 'main .actions [role=alert] .alert');
    }
    step.quota = await desk.locator('.quota-left').allInnerTexts();
    result.recommend.push(step);
  }
  await check(desk, '/unit/case refused');

  // 7. Every unit page at a phone's width too.
  const phone = desk;
  await phone.setViewportSize(PHONE);
  for (const path of ['/unit', '/unit/bind', '/unit/review', new URL(desk.url()).pathname + new URL(desk.url()).search]) {
    await phone.goto(origin + path);
    await phone.locator('main h1').waitFor();
    await phone.locator('.quota-left, .unit-name, #field-code').first().waitFor();
    await check(phone, path.replace(/\?.*/, ''));
  }
  await desk.context().close();
  console.log(JSON.stringify({ ...result, ...seen }));
} finally {
  await browser.close();
}
