// Always on screen: the deadline in China time, the time left by the server's clock, and the
// deadline in the device's own time zone when a clock there reads otherwise.
import { useEffect, useState } from 'preact/hooks';
import {
  CHINA_ZONE, clockOffset, differsFromChina, formatDay, formatInZone, formatTimeLeft, isoDuration, timeLeft,
} from './time.js';

export function Deadline({ api }) {
  const [campaign, setCampaign] = useState(null);
  const [offset, setOffset] = useState(0);
  const [failed, setFailed] = useState(false);
  const [, setTick] = useState(0);

  useEffect(() => {
    async function load() {
      const sentAt = Date.now();
      try {
        const answer = await api.get('/campaign');
        setOffset(clockOffset(answer.serverTime, sentAt, Date.now()));
        setCampaign(answer);
        setFailed(false);
      } catch {
        setFailed(true);
      }
    }
    // read again when the page comes back: the device may have slept, or its clock been set
    const onVisible = () => document.visibilityState === 'visible' && load();
    load();
    document.addEventListener('visibilitychange', onVisible);
    const ticking = setInterval(() => setTick((n) => n + 1), 1000);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(ticking);
    };
  }, []);

  let content;
  if (!campaign) {
    content = <p>{failed ? '暂时无法读取征集截止时间，请稍后刷新页面。' : '正在读取征集截止时间…'}</p>;
  } else {
    const closes = Date.parse(campaign.submissionClosesAt);
    const now = Date.now() + offset;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const left = timeLeft(closes - now);
    content = (
      <>
        <p class="deadline-china">
          提交截止：<time datetime={campaign.submissionClosesAt}>北京时间 {formatInZone(closes, CHINA_ZONE)}</time>
          （最后提交日为{formatDay(campaign.lastSubmissionDay)}）
        </p>
        {differsFromChina(closes, zone) && (
          <p class="deadline-local">您所在时区（{zone}）：{formatInZone(closes, zone)}</p>
        )}
        {left.total > 0 ? (
          <p class="deadline-left" role="timer" aria-live="off">
            {now < Date.parse(campaign.registrationOpensAt) ? '征集尚未开始；' : ''}
            距截止还有 <time datetime={isoDuration(left)}>{formatTimeLeft(left)}</time>
          </p>
        ) : (
          <p class="deadline-left closed">征集已截止</p>
        )}
      </>
    );
  }
  return <section class="deadline" aria-label="征集截止时间">{content}</section>;
}
