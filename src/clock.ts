import type { Day } from './domain/time/day.ts';

// The one place that reads the wall clock for dates. Dates in the registry are China Standard Time calendar days,
// whatever the server's TZ (tests run with TZ=UTC). SMART_DPF_TODAY pins "today" for demos and acceptance checks.
const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in China (YYYY-MM-DD), or SMART_DPF_TODAY when set. */
export function today(): Day {
  return process.env.SMART_DPF_TODAY ?? formatter.format(new Date());
}
