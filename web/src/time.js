// The deadline is China time; the countdown runs on the server's clock, not the device's, and the
// deadline is also shown in the device's own time zone when that zone's clock differs there.

export const CHINA_ZONE = 'Asia/Shanghai';

/**
 * How far the server's clock is ahead of the device's, in ms: the server read its clock somewhere
 * between sending and receiving, so the middle of the round trip is taken.
 */
export function clockOffset(serverTime, sentAt, receivedAt) {
  return Date.parse(serverTime) - (sentAt + receivedAt) / 2;
}

/** "2026年7月1日 00:00" in the zone. */
export function formatInZone(instant, timeZone) {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone, year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(new Date(instant));
}

/** "6月30日" for an ISO date such as lastSubmissionDay. */
export function formatDay(isoDate) {
  const [, month, day] = isoDate.split('-').map(Number);
  return `${month}月${day}日`;
}

/** The zone's offset from UTC at that instant, in minutes (+480 for China). */
export function offsetMinutes(instant, timeZone) {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName').value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** Whether a clock in the zone reads differently from China's at that instant. */
export function differsFromChina(instant, timeZone) {
  return offsetMinutes(instant, timeZone) !== offsetMinutes(instant, CHINA_ZONE);
}

/** The time left, in whole units; nothing below zero. */
export function timeLeft(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  return {
    total,
    days: Math.floor(total / 86400),
    hours: Math.floor((total % 86400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

/** "12天3小时4分5秒" (days left out when none). */
export function formatTimeLeft(left) {
  return (left.days ? `${left.days}天` : '') + `${left.hours}小时${left.minutes}分${left.seconds}秒`;
}

/** The ISO 8601 duration, for a <time datetime>. */
export function isoDuration(left) {
  return `P${left.days}DT${left.hours}H${left.minutes}M${left.seconds}S`;
}
