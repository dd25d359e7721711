// The assistance pages' own links: requests, offers and providers, the pending-assistance reports.
import { href } from "../router.ts";

type Part = "requests" | "offers" | "reports";

export function AssistanceLinks({ current }: { current: Part }) {
  const links: [Part, string, string][] = [
    ["requests", href.assistance(), "Requests"],
    ["offers", href.assistanceOffers(), "Offers and providers"],
    ["reports", href.assistanceReports(), "Pending-assistance reports"],
  ];
  return (
    <nav aria-label="Assistance" class="sub-nav">
      <ul class="inline-list">
        {links.map(([part, to, label]) => (
          <li key={part}>
            <a href={to} aria-current={part === current ? "page" : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
