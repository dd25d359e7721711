// A new wave of the seeded one-year follow-up letter, for the e2e tests that need a draft the API accepts.

/** `days` ahead at 09:00 in New York, no letter after 23:00 UTC that day, its letters' deadline 90 days ahead. */
export function followUpWave(days: number, description?: string) {
  const dayAhead = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const sendAt = dayAhead(days);
  return {
    sendAt,
    body: {
      templateId: "assistance-follow-up",
      audience: "states-with-follow-up-due",
      sendAt: `${sendAt}T09:00`,
      timeZone: "America/New_York",
      notAfter: `${sendAt}T23:00:00Z`,
      deadline: dayAhead(90),
      ...(description === undefined ? {} : { description }),
    },
  };
}
