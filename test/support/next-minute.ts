/**
 * The next whole minute at least `leadMs` ahead, as a wall clock in `timeZone` (YYYY-MM-DDTHH:mm, a wave's `sendAt`
 * has minute precision) and in UTC. Every zone in use is offset from UTC by whole quarter-hours, so a UTC minute is a
 * local one.
 */
export function nextMinute(timeZone: string, leadMs: number): { sendAt: string; instant: Date } {
  const instant = new Date(Math.ceil((Date.now() + leadMs) / 60_000) * 60_000);
  const local = new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short", timeStyle: "short" }).format(instant);
  return { sendAt: local.replace(" ", "T"), instant };
}
