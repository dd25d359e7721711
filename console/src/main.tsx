// The staff console: sign in, then the pages of the desk on its HTTP API.
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { may } from "./auth/access.ts";
import { currentSession, type Session } from "./auth/session.ts";
import { SessionStatus } from "./auth/session-status.tsx";
import { SignIn } from "./auth/sign-in.tsx";
import { Assistance } from "./pages/assistance.tsx";
import { AssistanceOffers } from "./pages/assistance-offers.tsx";
import { AssistanceReportPage, AssistanceReports } from "./pages/assistance-reports.tsx";
import { AssistanceRequestPage } from "./pages/assistance-request.tsx";
import { AuditTrail } from "./pages/audit-trail.tsx";
import { ContactsImport } from "./pages/contacts-import.tsx";
import { ComposeWave, TemplatePage, Templates, WavePage, Waves } from "./pages/correspondence/index.ts";
import { Holidays, HolidaysYear } from "./pages/holidays.tsx";
import { Home } from "./pages/home.tsx";
import { OrganizationPage } from "./pages/organization.tsx";
import { Organizations } from "./pages/organizations.tsx";
import { Programme } from "./pages/programme.tsx";
import { ProgrammeItem } from "./pages/programme-item.tsx";
import { Search } from "./pages/search.tsx";
import { SearchBox } from "./pages/search-box.tsx";
import { SnapshotsDiff } from "./pages/snapshot-diff.tsx";
import { Snapshots } from "./pages/snapshots.tsx";
import { StatePage } from "./pages/state.tsx";
import { States } from "./pages/states.tsx";
import { href, type Route, useRoute } from "./router.ts";

function useSession(): Session | undefined {
  const [session, setSession] = useState(currentSession.value);
  useEffect(() => currentSession.subscribe(setSession), []);
  return session;
}

function Page({ route, session }: { route: Route; session: Session }) {
  switch (route.page) {
    case "home":
      return <Home />;
    case "states":
      return <States key={route.query.toString()} query={route.query} />;
    case "state":
      return <StatePage key={route.iso3} iso3={route.iso3} session={session} />;
    case "assistance":
      return <Assistance key={route.query.toString()} query={route.query} />;
    case "assistance-request":
      return <AssistanceRequestPage key={route.id} id={route.id} session={session} />;
    case "snapshots":
      return <Snapshots session={session} />;
    case "programme":
      return <Programme session={session} />;
    case "contacts-import":
      return may(session.group, "POST /contacts/import") ? (
        <ContactsImport />
      ) : (
        <p>Only the secretariat imports contacts.</p>
      );
    case "templates":
      return <Templates />;
    case "template":
      return <TemplatePage key={route.id} id={route.id} session={session} />;
    case "waves":
      return <Waves session={session} />;
    case "wave-new":
      return may(session.group, "POST /waves") ? (
        <ComposeWave key={`${route.templateId}/${route.restOf}`} templateId={route.templateId} restOf={route.restOf} />
      ) : (
        <p>Only the secretariat composes waves.</p>
      );
    case "wave":
      return <WavePage key={route.id} id={route.id} session={session} />;
    case "assistance-offers":
      return <AssistanceOffers key={route.query.toString()} query={route.query} session={session} />;
    case "assistance-reports":
      return <AssistanceReports />;
    case "assistance-report":
      return <AssistanceReportPage key={route.id} id={route.id} />;
    case "snapshots-diff":
      return <SnapshotsDiff key={route.query.toString()} query={route.query} />;
    case "programme-item":
      return <ProgrammeItem key={`${route.year}/${route.id}`} year={route.year} id={route.id} session={session} />;
    case "programme-year":
      return <Programme key={route.year} year={route.year} session={session} />;
    case "organizations":
      return <Organizations session={session} />;
    case "organization":
      return <OrganizationPage key={route.id} id={route.id} session={session} />;
    case "audit":
      return may(session.group, "GET /audit") ? (
        <AuditTrail key={route.query.toString()} query={route.query} />
      ) : (
        <p>Only the secretariat reads the audit trail.</p>
      );
    case "search":
      return <Search key={route.query.toString()} query={route.query} />;
    case "holidays":
      return <Holidays />;
    case "holidays-year":
      return <HolidaysYear key={route.year} year={route.year} session={session} />;
    case "not-found":
      return (
        <>
          <h1>Not found</h1>
          <p>
            No page at {route.path}. <a href={href.home()}>Home</a>
          </p>
        </>
      );
  }
}

const TITLES: Record<Route["page"], string> = {
  home: "Where things stand",
  states: "Member States",
  state: "State",
  assistance: "Assistance requests",
  "assistance-request": "Assistance request",
  snapshots: "Quarterly snapshots",
  programme: "Programme of work",
  "contacts-import": "Import contacts",
  "not-found": "Not found",
  templates: "Letter templates",
  template: "Letter template",
  waves: "Correspondence waves",
  "wave-new": "Compose a wave",
  wave: "Wave",
  "assistance-offers": "Assistance offers and providers",
  "assistance-reports": "Pending-assistance reports",
  "assistance-report": "Pending-assistance report",
  "snapshots-diff": "Change between two quarters",
  "programme-item": "Programme activity",
  "programme-year": "Programme of work",
  organizations: "Organizations",
  organization: "Organization",
  audit: "Audit trail",
  search: "Search",
  holidays: "UN Headquarters holidays",
  "holidays-year": "UN Headquarters holidays",
};

function App() {
  const session = useSession();
  const route = useRoute();
  // Signing in, not a session renewed (a refresh, or signing in again after it expired), is a new page.
  const signedIn = session !== undefined;
  useEffect(() => {
    document.title = `${signedIn ? TITLES[route.page] : "Sign in"}: 1540 Committee desk`;
    // A new page moves focus to its content, so keyboard and screen-reader users start at the top of it.
    document.getElementById("main")?.focus();
  }, [route, signedIn]);
  if (!session) return <SignIn />;
  return (
    <>
      <button type="button" class="skip-link" onClick={() => document.getElementById("main")?.focus()}>
        Skip to content
      </button>
      <header class="banner">
        <p class="brand">1540 Committee desk</p>
        <nav aria-label="Pages">
          <ul>
            <li>
              <a href={href.home()} aria-current={route.page === "home" ? "page" : undefined}>
                Home
              </a>
            </li>
            <li>
              <a href={href.states()} aria-current={route.page === "states" ? "page" : undefined}>
                States
              </a>
            </li>
            <li>
              <a
                href={href.organizations()}
                aria-current={route.page === "organizations" || route.page === "organization" ? "page" : undefined}
              >
                Organizations
              </a>
            </li>
            {may(session.group, "GET /assistance/requests") && (
              <li>
                <a href={href.assistance()} aria-current={route.page === "assistance" ? "page" : undefined}>
                  Assistance
                </a>
              </li>
            )}
            {may(session.group, "GET /snapshots") && (
              <li>
                <a href={href.snapshots()} aria-current={route.page === "snapshots" ? "page" : undefined}>
                  Snapshots
                </a>
              </li>
            )}
            {may(session.group, "GET /programme") && (
              <li>
                <a href={href.programme()} aria-current={route.page === "programme" ? "page" : undefined}>
                  Programme
                </a>
              </li>
            )}
            {may(session.group, "POST /contacts/import") && (
              <li>
                <a href={href.contactsImport()} aria-current={route.page === "contacts-import" ? "page" : undefined}>
                  Import contacts
                </a>
              </li>
            )}
            {may(session.group, "GET /waves") && (
              <li>
                <a
                  href={href.waves()}
                  aria-current={route.page === "waves" || route.page === "wave" ? "page" : undefined}
                >
                  Waves
                </a>
              </li>
            )}
            {may(session.group, "GET /templates") && (
              <li>
                <a
                  href={href.templates()}
                  aria-current={route.page === "templates" || route.page === "template" ? "page" : undefined}
                >
                  Templates
                </a>
              </li>
            )}
            {may(session.group, "GET /audit") && (
              <li>
                <a href={href.audit()} aria-current={route.page === "audit" ? "page" : undefined}>
                  Audit trail
                </a>
              </li>
            )}
          </ul>
        </nav>
        <SearchBox />
        <SessionStatus session={session} />
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} session={session} />
      </main>
    </>
  );
}

const root = document.getElementById("app");
if (root) render(<App />, root);
