// Case files sent from a browser page on the local origin, straight to S3Proxy across origins (CORS),
// in headless Debian Chromium driven by playwright-core: a photo drawn on a canvas in one PUT, a
// 101 MiB video in parts, the download link read back; then a page of another origin, whose PUT to a
// signed URL the browser must refuse for CORS. Run by BrowserUploadIT; by hand against a running local
// system:
//   node local/src/test/browser/upload-from-browser.mjs http://127.0.0.1:8080
// Prints one JSON line of what happened; exits non-zero if the browser could not be driven at all.
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';

const origin = process.argv[2] ?? 'http://127.0.0.1:8080';
// Flags for a machine without a network beyond its package mirrors (see the project's GROUND notes).
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
// Another origin, served for real from loopback like the local system (Chromium's local network
// access rules then treat both alike, and only CORS tells them apart).
const elsewhere = createServer((request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end('<!doctype html><meta charset="utf-8"><title>别处</title>');
});
await new Promise(resolve => elsewhere.listen(0, '127.0.0.1', resolve));

/** A page of the origin, loaded from it, with what the browser says in its console. */
async function pageAt(url) {
  const page = await browser.newPage();
  page.console = [];
  page.on('console', message => page.console.push(message.text()));
  const response = await page.goto(url);
  if (!response.ok()) throw new Error(url + ' answered ' + response.status());
  return page;
}

try {
  // A document of the local origin without the web client's Content-Security-Policy (connect-src 'self'
  // would refuse the bucket's origin, which the upload pages will have to allow): the campaign, as JSON.
  const home = await pageAt(origin + '/campaign');
  const result = await home.evaluate(async () => {
    async function api(method, path, token, body, headers = {}) {
      const response = await fetch(path, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(token ? { Authorization: 'Bearer ' + token } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    }
    const run = Math.random().toString(16).slice(2, 10);
    // A new unit registers and verifies with the code GreenMail received; the seeded admin adds its TOTP code.
    const register = async (accountType) => {
      const email = `${accountType.toLowerCase()}-${run}@browser.dianzan.local`;
      await api('POST', '/accounts/register', null, { email, password: '浏览器测试密码-2026年', accountType,
        contactName: '浏览器测试', mobile: '13912345678' });
      const mail = (await api('GET', '/local/mail?to=' + encodeURIComponent(email))).body.items;
      const code = mail[mail.length - 1].subject.match(/(\d{6})/)[1];
      return (await api('POST', '/accounts/verify', null, { email, code, password: '浏览器测试密码-2026年' })).body.accessToken;
    };
    const totp = (await api('GET', '/local/totp')).body.code;
    const admin = (await api('POST', '/auth/sign-in', null, { email: 'cast-admin@demo.dianzan.local',
      password: 'Dianzan-Admin-2026', totp })).body.accessToken;
    const closes = new Date(Date.now() + 365 * 86400000 + 8 * 3600000).toISOString().slice(0, 19) + '+08:00';
    await api('PUT', '/campaign', admin, {
      name: '2026年度“典赞·科普中国”科普案例征集', registrationOpensAt: '2026-06-17T00:00:00+08:00',
      submissionClosesAt: closes, quotas: { activityService: 3, venueBuilding: 3, total: 6 },
    });
    const code = (await api('POST', '/admin/codes', admin, {
      units: [{ name: '浏览器省科学技术协会', unitType: 'PROVINCIAL_ASSOCIATION', province: '北京市' }],
    })).body.items[0].code;
    const unit = await register('RECOMMENDER');
    await api('POST', `/codes/${code}/bind`, unit, {
      unitName: '浏览器省科学技术协会', address: '某省某市科技路1号', contactName: '王老师', contactTitle: '科普部部长',
      phone: '13912345678', email: 'kepu@example.cn',
    });
    const impl = await register('IMPLEMENTER');
    await api('POST', `/codes/${code}/join`, impl, { organization: '某市科技馆' });
    const caseId = (await api('POST', '/cases', impl, { name: '浏览器里的科学之夜' },
      { 'Idempotency-Key': 'browser-' + run })).body.id;

    // Sign, send straight to S3 (another origin: CORS), complete.
    async function upload(kind, fileName, blob) {
      const signed = await api('POST', `/cases/${caseId}/uploads`, impl,
        { kind, fileName, size: blob.size, contentType: blob.type });
      if (signed.status !== 201) return { signStatus: signed.status, error: signed.body };
      const put = [];
      if (signed.body.method === 'PUT') {
        // Content-Length is the browser's own; Content-Type must be the signed one.
        put.push((await fetch(signed.body.url, {
          method: 'PUT', headers: { 'Content-Type': signed.body.headers['Content-Type'] }, body: blob,
        })).status);
      } else {
        for (const part of signed.body.parts) {
          put.push((await fetch(part.url, { method: 'PUT', body: blob.slice(part.offset, part.offset + part.size) })).status);
        }
      }
      const completed = await api('POST', `/uploads/${signed.body.uploadId}/complete`, impl);
      return { method: signed.body.method, parts: signed.body.parts?.length ?? 1, put, completeStatus: completed.status,
        file: completed.body };
    }

    const canvas = document.createElement('canvas');
    canvas.width = 400;
    canvas.height = 300;
    const draw = canvas.getContext('2d');
    draw.fillStyle = '#cc3300';
    draw.fillRect(0, 0, 400, 300);
    const photo = await new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', 0.9));
    const photoUpload = await upload('LANDSCAPE_PHOTO', '浏览器横版照片.jpg', photo);

    const videoBytes = new Uint8Array(101 * 1024 * 1024);
    videoBytes.set([0, 0, 0, 24, ...new TextEncoder().encode('ftypisom'), 0, 0, 2, 0,
      ...new TextEncoder().encode('isommp41')]);
    for (let i = 24; i < videoBytes.length; i += 4096) videoBytes[i] = i % 251;
    const videoUpload = await upload('VIDEO', '浏览器宣传片.mp4', new Blob([videoBytes], { type: 'video/mp4' }));

    const link = await api('GET', `/uploads/${photoUpload.file.id}`, unit);
    const download = await fetch(link.body.url);
    const downloaded = (await download.arrayBuffer()).byteLength;

    const files = (await api('GET', `/cases/${caseId}`, impl)).body.files.map(f => f.kind).sort();
    const foreign = await api('POST', `/cases/${caseId}/uploads`, impl,
      { kind: 'PICTURE', fileName: '别处.jpg', size: photo.size, contentType: 'image/jpeg' });
    return { photo: photoUpload, photoBytes: photo.size, video: videoUpload, videoBytes: videoBytes.length,
      downloadStatus: download.status, downloaded, files, foreignUrl: foreign.body.url };
  });

  // The same kind of PUT from a page of an origin the bucket does not allow.
  const other = await pageAt(`http://127.0.0.1:${elsewhere.address().port}/`);
  result.foreignPut = await other.evaluate(async url => {
    try {
      const response = await fetch(url, { method: 'PUT', headers: { 'Content-Type': 'image/jpeg' }, body: 'x' });
      return 'answered ' + response.status;
    } catch (refused) {
      return 'refused';
    }
  }, result.foreignUrl);
  result.foreignConsole = other.console.join('\n');
  delete result.foreignUrl;
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  elsewhere.close();
}
