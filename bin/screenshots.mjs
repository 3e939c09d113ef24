// The web client's main pages as PNGs at 375 px and 1280 px width (viewport screenshots), driven in headless
// Debian Chromium with playwright-core against a running local system on a FRESH data directory (fixed
// addresses and names, so the pictures stay the same run to run but for dates and codes). Run by bin/screenshots;
// by hand: node bin/screenshots.mjs http://127.0.0.1:8080 docs/screenshots
// The admin's part, the recommending unit's code and the cases to review are prepared through the API.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const origin = process.argv[2] ?? 'http://127.0.0.1:8080';
const out = process.argv[3] ?? 'docs/screenshots';
const PASSWORD = '截图用的实施单位密码-2026';
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

async function open() {
  const context = await browser.newContext({ viewport: DESKTOP, timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', String(e)));
  return page;
}

const heading = (page, text) => page.locator('main h1', { hasText: text }).waitFor();
const saved = [];

/** The page at both widths: <name>-375.png and <name>-1280.png; the focus taken off so no ring shows. */
async function shot(page, name) {
  await page.locator('.deadline p').first().waitFor();
  await page.evaluate(() => document.activeElement?.blur());
  for (const viewport of [PHONE, DESKTOP]) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(200);
    const file = `${out}/${name}-${viewport.width}.png`;
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    saved.push(file);
  }
}

async function mailed(email, subject) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const answer = await fetch(`${origin}/local/mail?to=${encodeURIComponent(email)}`).then((r) => r.json());
    const mail = (answer.items ?? []).filter((m) => subject.test(m.subject)).at(-1);
    if (mail) return /(\d{6})/.exec(mail.subject)[1];
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail ${subject} to ${email}`);
}

async function api(method, path, { token, body, expect, headers = {} } = {}) {
  const all = { Accept: 'application/json', ...headers };
  if (body !== undefined) all['Content-Type'] = 'application/json';
  if (token) all.Authorization = 'Bearer ' + token;
  const response = await fetch(origin + path, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await response.json().catch(() => null);
  if (expect !== undefined && response.status !== expect) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(data)}`);
  return data;
}

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

function caseForm(name, subtype) {
  return { name, implementingUnit: '某市科技馆', address: '某市科技大道1号', contactName: '张老师', contactTitle: '馆长',
    phone: '13812345678', email: 'kjg@example.cn', category: 'ACTIVITY_SERVICE', subtype,
    summary: '面向青少年的系列科普活动，全年举办120场，覆盖3万人次。', mediaReports: [{ title: '科技日报报道', url: 'https://www.example.cn/news/1' }],
    awards: [{ name: '全国科普日优秀活动', level: 'NATIONAL', year: 2025 }], detail: '一、实施、应用及推广情况\n全年举办，覆盖全市中小学。',
    startedOn: '2025-03-01', endedOn: '2025-12-31' };
}

try {
  // 1. The admin reopens the campaign (30 days to go) and issues a code, which the demo unit binds.
  let admin;
  for (let tries = 0; !admin && tries < 15; tries++) {
    const totp = (await fetch(origin + '/local/totp').then((r) => r.json())).code;
    admin = (await api('POST', '/auth/sign-in', { body: { email: 'cast-admin@demo.dianzan.local', password: 'Dianzan-Admin-2026', totp } }))?.accessToken;
    if (!admin) await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  if (!admin) throw new Error('the admin could not sign in');
  const closes = new Date(Date.now() + 30 * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10) + 'T17:00:00+08:00';
  await api('PUT', '/campaign', { token: admin, expect: 200, body: { name: '2026年度“典赞·科普中国”科普案例征集',
    registrationOpensAt: '2026-06-17T00:00:00+08:00', submissionClosesAt: closes,
    quotas: { activityService: 3, venueBuilding: 3, total: 6 } } });
  const issued = await api('POST', '/admin/codes', { token: admin, expect: 201,
    body: { units: [{ name: '某市科学技术协会', unitType: 'PROVINCIAL_ASSOCIATION', province: '北京市' }] } });
  const unitToken = (await api('POST', '/auth/sign-in', { expect: 200, body: { email: 'unit@demo.dianzan.local', password: 'Dianzan-Demo-2026' } })).accessToken;
  const code = (await api('POST', `/codes/${issued.items[0].code}/bind`, { token: unitToken, expect: 201, body: { unitName: '某市科学技术协会',
    address: '某省某市科技路1号', contactName: '王老师', contactTitle: '科普部部长', phone: '010-68526300', email: 'kepu@example.cn' } })).code;

  // 2. 注册 → 验证邮箱 → 我的账号: an implementing unit registers through the pages.
  const email = 'kjg-lianxiren@example.cn';
  const page = await open();
  await page.goto(origin + '/register');
  await heading(page, '注册');
  await page.fill('#field-email', email);
  await page.fill('#field-password', PASSWORD);
  await page.getByLabel('案例实施单位').check();
  await page.fill('#field-contactName', '张老师');
  await page.fill('#field-mobile', '13812345678');
  await shot(page, 'register');
  await page.locator('main form button[type=submit]').click();
  await heading(page, '验证邮箱');
  await page.fill('#field-code', await mailed(email, /邮箱验证码/));
  await page.fill('#field-password', PASSWORD);
  await page.locator('main form button[type=submit]').click();
  await heading(page, '我的账号');
  await shot(page, 'home');

  // 3. 加入推荐单位 with the unit's code, then 新建案例 filled in.
  await page.locator('main a', { hasText: '加入推荐单位' }).click();
  await heading(page, '加入推荐单位');
  await page.fill('#field-code', code);
  await page.fill('#field-organization', '某市科技馆');
  await shot(page, 'join');
  await page.locator('main form button[type=submit]').click();
  await heading(page, '我的案例');
  await page.locator('main a', { hasText: '新建案例' }).click();
  await heading(page, '新建案例');
  await page.fill('#field-name', '青少年科学实验季');
  await page.waitForFunction(() => location.pathname === '/my-case' && location.search.startsWith('?id='));
  await page.fill('#field-implementingUnit', '某市科技馆');
  await page.fill('#field-address', '某市科技大道1号');
  await page.fill('#field-contactName', '张老师');
  await page.fill('#field-contactTitle', '馆长');
  await page.fill('#field-phone', '13812345678');
  await page.fill('#field-email', 'kjg@example.cn');
  await page.selectOption('#field-category', 'ACTIVITY_SERVICE');
  await page.selectOption('#field-subtype', 'LECTURE');
  await page.fill('#field-summary', '面向中小学生的科学实验系列活动，全年举办120场，覆盖青少年3万人次。');
  await page.fill('#field-detail', '一、实施、应用及推广情况\n全年举办，覆盖全市中小学。');
  await page.fill('#field-startedOn', '2025-03-01');
  await page.locator('.save-status', { hasText: /^已于 \d\d:\d\d 保存$/ }).waitFor();
  await shot(page, 'case-form');

  // 4. 我的案例: three cases submitted meanwhile (through the API), the draft with what it lacks.
  const implementer = (await api('POST', '/auth/sign-in', { expect: 200, body: { email, password: PASSWORD } })).accessToken;
  const landscape = await image('jpeg', 400, 300);
  const portrait = await image('png', 300, 400);
  const proof = await image('png', 200, 200);
  const ids = [];
  for (const [name, subtype] of [['科普讲座进社区', 'LECTURE'], ['科学之夜', 'LECTURE'], ['科普市集', 'LECTURE']]) {
    const created = await api('POST', '/cases', { token: implementer, expect: 201, body: caseForm(name, subtype),
      headers: { 'Idempotency-Key': crypto.randomUUID() } });
    await upload(implementer, created.id, 'LANDSCAPE_PHOTO', '横版.jpg', 'image/jpeg', landscape);
    await upload(implementer, created.id, 'PORTRAIT_PHOTO', '竖版.png', 'image/png', portrait);
    await upload(implementer, created.id, 'AWARD_PROOF', '获奖证书.png', 'image/png', proof, 0);
    await api('POST', `/cases/${created.id}/submit`, { token: implementer, expect: 200 });
    ids.push(created.id);
  }
  // the unit approves and recommends the first: one place taken
  await api('POST', `/cases/${ids[0]}/approve`, { token: unitToken, expect: 200 });
  await api('POST', `/cases/${ids[0]}/recommend`, { token: unitToken, expect: 200 });
  await page.goto(origin + '/my-cases');
  await heading(page, '我的案例');
  await page.locator('.case-item').nth(3).waitFor();
  await shot(page, 'my-cases');
  await page.context().close();

  // 5. 登录 as the recommending unit, then 本单位, 审核推荐 and a case under review.
  const unit = await open();
  await unit.goto(origin + '/sign-in');
  await heading(unit, '登录');
  await unit.fill('#field-email', 'unit@demo.dianzan.local');
  await unit.fill('#field-password', 'Dianzan-Demo-2026');
  await shot(unit, 'sign-in');
  await unit.locator('main form button[type=submit]').click();
  await heading(unit, '我的账号');
  await unit.locator('header nav a', { hasText: '本单位' }).click();
  await heading(unit, '本单位');
  await unit.locator('.unit-name').waitFor();
  await unit.locator('.implementers li', { hasText: '某市科技馆' }).waitFor();
  await shot(unit, 'unit');
  await unit.locator('.unit-nav a', { hasText: '审核推荐' }).click();
  await heading(unit, '审核推荐');
  await unit.locator('.cases li').nth(2).waitFor();
  await unit.locator('.quota-left').first().waitFor();
  await shot(unit, 'review');
  await unit.locator('.cases a', { hasText: '科学之夜' }).click();
  await heading(unit, '科学之夜');
  await unit.getByRole('button', { name: '审核通过' }).waitFor();
  await shot(unit, 'review-case');
  await unit.context().close();
  console.log(saved.join('\n'));
} finally {
  await browser.close();
}
