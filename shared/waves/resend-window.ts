// When a letter left unknown may be sent again, said to the minute: import-free, so the API's refusal and the console's
// wave page name the same minute, and never one at which a resend is still refused.

/**
 * The instant rounded up to the next whole minute (itself when already whole): an event window that ends at 01:13:04
 * is said to end at 01:14, since a resend at 01:13:01 is still refused, which "until 01:13" would promise.
 */
export function wholeMinuteUp(iso: string): string {
  const minute = 60_000;
  return new Date(Math.ceil(Date.parse(iso) / minute) * minute).toISOString();
}
