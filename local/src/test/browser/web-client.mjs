// The web client's first pages, used as people use them, in headless Debian Chromium driven by
// playwright-core against a running local system; axe-core checks each page. Run by WebClientBrowserIT;
// by hand against a running local system whose campaign an admin may change (a fresh data directory):
//   npm run build && node local/src/test/browser/web-client.mjs http://127.0.0.1:8080
// Prints one JSON line of what it saw (the IT asserts on it); exits non-zero if the browser could not
// be driven at all.
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

const origin = process.argv[2] ?? 'http://127.0.0.1:8080';
const run = Math.random().toString(16).slice(2, 10);
const PASSWORD = '网页测试密码-足够长-2026';
const NEW_PASSWORD = '重置以后的网页密码-2026年';
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

const seen = { axe: [], overflow: [], csp: [], pageErrors: [] };

/** A page in a context of its own (own sessionStorage), with what the browser reports kept. */
async function open({ viewport, timezoneId = 'Asia/Shanghai', clock, csp = seen.csp } = {}) {
  const context = await browser.newContext({ viewport, timezoneId, locale: 'zh-CN' });
  if (clock) await context.clock.install(clock);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) csp.push(message.text());
  });
  page.on('pageerror', (error) => seen.pageErrors.push(String(error)));
  return page;
}

/** axe-core on the page as it is now: what is serious or critical, by rule and element; and overflow on a phone. */
async function check(page, label) {
  await page.locator('.deadline p').first().waitFor();
  const results = await new AxeBuilder({ page }).analyze();
  const width = page.viewportSize().width;
  seen.axe.push({
    page: label,
    width,
    passes: results.passes.length,
    violations: results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })),
  });
  const overflows = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  if (overflows) seen.overflow.push(`${label} at ${width}px`);
}

async function heading(page, text) {
  await page.locator('main h1', { hasText: text }).waitFor();
}

const text = (page, selector) => page.locator(selector).first().innerText();

/** The six digits of the newest mail to the address whose subject matches. */
async function mailedCode(email, subject) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const answer = await fetch(`${origin}/local/mail?to=${encodeURIComponent(email)}`).then((r) => r.json());
    const mail = (answer.items ?? []).filter((m) => subject.test(m.subject)).at(-1);
    if (mail) return /(\d{6})/.exec(mail.subject)[1];
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail ${subject} to ${email}`);
}

/** Submits the form and waits for the API's answer to it. */
async function submit(page, path, button = 'main form button[type=submit]') {
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === path && r.request().method() === 'POST'),
    page.locator(button).click(),
  ]);
  return response.status();
}

/** The id of the focused element once it is the expected one (or what it is after 5 seconds). */
async function focusedOn(page, id) {
  await page.waitForFunction((wanted) => document.activeElement?.id === wanted, id, { timeout: 5000 }).catch(() => {});
  return page.evaluate(() => document.activeElement?.id);
}

/** The texts an element's aria-describedby names. */
function description(page, selector) {
  return page.locator(selector).evaluate((element) => (element.getAttribute('aria-describedby') ?? '').split(' ')
    .filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`));
}

const result = {};
try {
  // 1. The seeded admin signs in: the API asks for the authenticator code, the page asks the person.
  const admin = await open({ viewport: DESKTOP });
  await admin.goto(origin + '/sign-in');
  await heading(admin, '登录');
  await check(admin, 'sign-in');
  await admin.fill('#field-email', 'cast-admin@demo.dianzan.local');
  await admin.fill('#field-password', 'Dianzan-Admin-2026');
  const asked = await submit(admin, '/auth/sign-in');
  await admin.locator('#field-totp').waitFor();
  result.admin = {
    firstStatus: asked,
    totpFocused: await focusedOn(admin, 'field-totp'),
    totpDescription: await description(admin, '#field-totp'),
  };
  await check(admin, 'sign-in asking for the authenticator code');
  const totp = await fetch(origin + '/local/totp').then((r) => r.json());
  await admin.fill('#field-totp', totp.code);
  result.admin.secondStatus = await submit(admin, '/auth/sign-in');
  await heading(admin, '我的账号');
  result.admin.name = await text(admin, '.person-name');
  // the admin moves the deadline three days ahead, so that there is a countdown to see
  const closes = new Date(Math.floor((Date.now() + 3 * 86400_000) / 60_000) * 60_000);
  const closesChina = new Date(closes.getTime() + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';
  result.admin.campaignStatus = await admin.evaluate(async (submissionClosesAt) => {
    const { accessToken } = JSON.parse(sessionStorage.getItem('dianzan.session'));
    const response = await fetch('/campaign', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + accessToken },
      body: JSON.stringify({ name: '2026年度“典赞·科普中国”科普案例征集', registrationOpensAt: '2026-06-17T00:00:00+08:00',
        submissionClosesAt, quotas: { activityService: 3, venueBuilding: 3, total: 6 } }),
    });
    return response.status;
  }, closesChina);
  result.closesAt = closes.toISOString();
  await admin.context().close();

  // 2. A new implementing unit registers on a phone, with its code from the mail, and is signed in.
  const email = `impl-${run}@web.dianzan.local`;
  const phone = await open({ viewport: PHONE, clock: {} });
  await phone.goto(origin + '/');
  await heading(phone, '登录');
  result.register = { signedOutHomeGoesTo: new URL(phone.url()).pathname };
  await phone.locator('nav a', { hasText: '注册' }).click();
  await heading(phone, '注册');
  await check(phone, 'register');
  result.register.emptyStatus = await submit(phone, '/accounts/register');
  await phone.locator('#field-email-error').waitFor();
  result.register.emptyFocus = await focusedOn(phone, 'field-email');
  result.register.emailInvalid = await phone.getAttribute('#field-email', 'aria-invalid');
  result.register.emailDescription = await description(phone, '#field-email');
  result.register.passwordDescription = await description(phone, '#field-password');
  result.register.alert = await text(phone, 'main form [role=alert]');
  await check(phone, 'register with errors');
  await phone.fill('#field-email', email);
  await phone.fill('#field-password', PASSWORD);
  await phone.getByLabel('案例实施单位').check();
  await phone.fill('#field-contactName', '网页测试联系人');
  await phone.fill('#field-mobile', '13912345678');
  result.register.status = await submit(phone, '/accounts/register');
  await heading(phone, '验证邮箱');
  result.register.verifyPath = new URL(phone.url()).pathname;
  result.register.resendButton = await text(phone, '.resend button');
  await check(phone, 'verify');
  const code = await mailedCode(email, /邮箱验证码/);
  await phone.fill('#field-code', code);
  await phone.fill('#field-password', PASSWORD);
  result.register.verifyStatus = await submit(phone, '/accounts/verify');
  await heading(phone, '我的账号');
  await phone.locator('.person-name').waitFor();
  result.home = {
    name: await text(phone, '.person-name'),
    greeting: await text(phone, '.greeting'),
    header: await text(phone, '.site-header nav'),
    storage: await phone.evaluate(() => ({
      session: Boolean(JSON.parse(sessionStorage.getItem('dianzan.session'))?.refreshToken),
      localStorage: localStorage.length,
    })),
  };
  await check(phone, 'home');

  // 3. The access token is refreshed a minute before its 15 minutes are up (the device clock jumps 14 of them).
  const before = await phone.evaluate(() => JSON.parse(sessionStorage.getItem('dianzan.session')).refreshToken);
  const refreshed = phone.waitForResponse((r) => new URL(r.url()).pathname === '/auth/refresh');
  await phone.clock.fastForward('14:05');
  result.refresh = { status: (await refreshed).status() };
  await phone.waitForFunction((old) => JSON.parse(sessionStorage.getItem('dianzan.session')).refreshToken !== old, before);
  const [me] = await Promise.all([
    phone.waitForResponse((r) => new URL(r.url()).pathname === '/accounts/me'),
    phone.reload(),
  ]);
  result.refresh.meAfterReload = me.status();
  result.refresh.nameAfterReload = await text(phone, '.person-name');

  // 4. Signing out ends the session on the server and in the tab.
  const [signOut] = await Promise.all([
    phone.waitForResponse((r) => new URL(r.url()).pathname === '/auth/sign-out'),
    phone.locator('.site-header button', { hasText: '退出登录' }).click(),
  ]);
  await heading(phone, '登录');
  result.signOut = {
    status: signOut.status(),
    notice: await text(phone, 'main [role=status]'),
    session: await phone.evaluate(() => sessionStorage.getItem('dianzan.session')),
  };

  // 5. Signing in again with the keyboard only: the focus order, a wrong password, then the right one.
  await phone.goto(origin + '/sign-in');
  await heading(phone, '登录');
  const order = [];
  for (let i = 0; i < 15; i++) {
    await phone.keyboard.press('Tab');
    const focused = await phone.evaluate(() => {
      const element = document.activeElement;
      return `${element.tagName.toLowerCase()}:${element.id || element.textContent.trim()}`;
    });
    order.push(focused);
    if (focused === 'input:field-email') await phone.keyboard.type(email);
    if (focused === 'input:field-password') await phone.keyboard.type('这不是我的密码-2026');
    if (focused.startsWith('button:')) break;
  }
  const [wrong] = await Promise.all([
    phone.waitForResponse((r) => new URL(r.url()).pathname === '/auth/sign-in'),
    phone.keyboard.press('Enter'),
  ]);
  await phone.locator('main form [role=alert] .alert').waitFor();
  result.keyboard = {
    order,
    wrongStatus: wrong.status(),
    alert: await text(phone, 'main form [role=alert]'),
    alertBeforeFields: await phone.evaluate(() => {
      const alert = document.querySelector('main form [role=alert]');
      return Boolean(alert.compareDocumentPosition(document.getElementById('field-email')) & Node.DOCUMENT_POSITION_FOLLOWING);
    }),
  };
  await check(phone, 'sign-in with a wrong password');
  await phone.keyboard.press('Shift+Tab');
  await phone.keyboard.press('Shift+Tab');
  result.keyboard.backTo = await focusedOn(phone, 'field-password');
  await phone.keyboard.press('Control+A');
  await phone.keyboard.type(PASSWORD);
  const [right] = await Promise.all([
    phone.waitForResponse((r) => new URL(r.url()).pathname === '/auth/sign-in'),
    phone.keyboard.press('Enter'),
  ]);
  await heading(phone, '我的账号');
  result.keyboard.rightStatus = right.status();
  result.keyboard.name = await text(phone, '.person-name');
  await phone.context().close();

  // 6. A forgotten password, reset by mailed code, on a desktop in New York: the deadline in both zones.
  const desk = await open({ viewport: DESKTOP, timezoneId: 'America/New_York' });
  await desk.goto(origin + '/forgot-password');
  await heading(desk, '忘记密码');
  await check(desk, 'forgot password');
  await desk.fill('#field-email', email);
  result.reset = { forgotStatus: await submit(desk, '/auth/password/forgot') };
  await heading(desk, '重置密码');
  result.reset.notice = await text(desk, 'main [role=status]');
  result.reset.emailKept = await desk.inputValue('#field-email');
  await check(desk, 'reset password');
  await desk.fill('#field-code', await mailedCode(email, /重置密码验证码/));
  await desk.fill('#field-newPassword', NEW_PASSWORD);
  result.reset.resetStatus = await submit(desk, '/auth/password/reset');
  await heading(desk, '登录');
  result.reset.signInNotice = await text(desk, 'main [role=status]');
  await desk.fill('#field-email', email);
  await desk.fill('#field-password', NEW_PASSWORD);
  result.reset.signInStatus = await submit(desk, '/auth/sign-in');
  await heading(desk, '我的账号');
  result.reset.name = await text(desk, '.person-name');
  await check(desk, 'home');
  result.deadlineNewYork = {
    china: await text(desk, '.deadline-china'),
    local: await text(desk, '.deadline-local'),
  };
  await desk.context().close();

  // 7. The countdown runs on the server's clock: a device two days slow still counts the right time.
  const slow = await open({ viewport: DESKTOP, clock: { time: Date.now() - 2 * 86400_000 } });
  await slow.goto(origin + '/sign-in');
  await slow.locator('.deadline-left time').waitFor();
  const shown = await slow.getAttribute('.deadline-left time', 'datetime');
  const server = await fetch(origin + '/campaign').then((r) => r.json());
  const [, d, h, m, s] = /P(\d+)DT(\d+)H(\d+)M(\d+)S/.exec(shown).map(Number);
  result.countdown = {
    shownSeconds: ((d * 24 + h) * 60 + m) * 60 + s,
    serverSeconds: server.secondsLeft,
    text: await text(slow, '.deadline-left'),
    china: await text(slow, '.deadline-china'),
    localShown: await slow.locator('.deadline-local').count(),
  };

  // 8. An address locked after five failures: the API's message and the time it unlocks.
  const locked = `locked-${run}@web.dianzan.local`;
  await slow.fill('#field-email', locked);
  await slow.fill('#field-password', '五次都不对的密码-2026');
  const statuses = [];
  for (let i = 0; i < 5; i++) {
    statuses.push(await submit(slow, '/auth/sign-in'));
    // the form takes the next submit once it has shown this answer (one submit at a time)
    await slow.locator('main form button[type=submit]', { hasText: /^登录$/ }).waitFor();
  }
  await slow.locator('main form [role=alert] time').waitFor();
  result.lockout = { statuses, alert: await text(slow, 'main form [role=alert]') };
  await check(slow, 'sign-in locked');
  await slow.context().close();

  // 9. Every page of the slice at both widths, and a path the app does not know.
  for (const viewport of [PHONE, DESKTOP]) {
    const page = await open({ viewport });
    for (const path of ['/register', '/verify', '/sign-in', '/forgot-password', '/reset-password', '/no-such-page']) {
      const response = await page.goto(origin + path);
      await page.locator('main h1').waitFor();
      if (path === '/no-such-page') {
        result.notFound = { status: response.status(), heading: await text(page, 'main h1') };
      }
      await check(page, path);
    }
    await page.context().close();
  }

  // 10. The policy holds: a script put into the page inline does not run, and the browser says why.
  const probe = await open({ viewport: DESKTOP, csp: [] });
  await probe.goto(origin + '/sign-in');
  await heading(probe, '登录');
  const reported = probe.waitForEvent('console', { predicate: (m) => /Content.Security.Policy/i.test(m.text()) });
  const ran = await probe.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineScriptRan = true';
    document.head.append(script);
    return window.inlineScriptRan === true;
  });
  result.cspProbe = { inlineScriptRan: ran, reported: (await reported).text() };
  await probe.context().close();
  console.log(JSON.stringify({ ...result, ...seen }));
} finally {
  await browser.close();
}
