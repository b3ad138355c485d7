#!/usr/bin/env python3
"""Every page of the web app, as the API calls it makes on load, timed against a running Cairn (perf/scale.sh).

Each page is the calls its code in frontend/src makes when it opens (calls the page awaits together run at once,
as Promise.all does; a call that needs an earlier answer waits for it). A page is opened REQUESTS times one after the
other after WARMUP openings; the table gives per page the median and p90 of the wall time from its first call to
its last answer, the bytes received, and the documents the embedded store read per opening (the
cairn.store.documents.read metric; background work of the service counts too, so small numbers are approximate).

    perf/scale_pages.py http://127.0.0.1:18095 [REQUESTS] [WARMUP]

The list of pages below is checked against the web app's routes (frontend/src/features/*/routes.ts): a route with
no page here makes the run fail, so a new page cannot be left unmeasured.
"""
import concurrent.futures
import json
import os
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request

BASE = sys.argv[1]
REQUESTS = int(sys.argv[2]) if len(sys.argv) > 2 else 20
WARMUP = int(sys.argv[3]) if len(sys.argv) > 3 else 3
PASSWORD = os.environ.get("CAIRN_DEMO_PASSWORD", "cairn-demo-password")
PAGE = 50  # the web app's page size for every list (frontend/src/ui/pager.ts)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


class Client:
    """A signed-in browser: the session cookie the login sets, sent back on every call."""

    def __init__(self, email):
        self.cookies = {}
        self.email = email
        if email:
            body = json.dumps({"email": email, "password": PASSWORD}).encode()
            with urllib.request.urlopen(urllib.request.Request(BASE + "/api/v1/auth/login", body,
                                                               {"Content-Type": "application/json"})) as r:
                r.read()
                for header in r.headers.get_all("Set-Cookie") or []:
                    name, _, rest = header.partition("=")
                    self.cookies[name.strip()] = rest.split(";")[0]

    def get(self, path, accept="application/json"):
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        request = urllib.request.Request(BASE + path, headers={"Accept": accept, "Cookie": cookie})
        with urllib.request.urlopen(request) as r:
            for header in r.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                if name.strip() == "XSRF-TOKEN":  # kept for send(), as the browser keeps it
                    self.cookies[name.strip()] = rest.split(";")[0]
            return r.status, r.read()

    def send(self, method, path, body=None):
        """A change (POST/PUT) with the CSRF token the web app sends back from its cookie."""
        if "XSRF-TOKEN" not in self.cookies:
            self.get("/api/v1/me")
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = json.dumps(body).encode() if body is not None else b""
        request = urllib.request.Request(BASE + path, data, {
            "Accept": "application/json", "Content-Type": "application/json", "Cookie": cookie,
            "X-XSRF-TOKEN": urllib.parse.unquote(self.cookies.get("XSRF-TOKEN", ""))}, method=method)
        with urllib.request.urlopen(request) as r:
            raw = r.read()
            return json.loads(raw) if raw else None

    def json(self, path, accept="application/json"):
        return json.loads(self.get(path, accept)[1])


def cpu_ms():
    """CPU time the service has used (user + system), when perf/scale.sh names its process: unlike the wall time it
    hardly depends on what else runs on the machine."""
    pid = os.environ.get("CAIRN_PID")
    if not pid:
        return None
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
    except OSError:
        return None


def documents_read():
    try:
        with urllib.request.urlopen(BASE + "/actuator/metrics/cairn.store.documents.read") as r:
            return json.load(r)["measurements"][0]["value"]
    except Exception:  # not exposed (MONGO_URI runs): no figure
        return None


POOL = concurrent.futures.ThreadPoolExecutor(8)


def call(client, path):
    accept = "application/ld+json, application/json" if path.startswith("/public/") else "application/json"
    status, body = client.get(path, accept)
    return len(body)


def open_page(client, stages):
    """Runs the page's stages one after the other, the calls of a stage at once; returns (seconds, bytes)."""
    start = time.perf_counter()
    size = 0
    for stage in stages:
        size += sum(POOL.map(lambda p: call(client, p), stage))
    return time.perf_counter() - start, size


def first(items, key):
    return items[0][key] if items else None


def public_path(url):
    return urllib.parse.urlparse(url).path


def survey_and_plan(admin, teacher):
    """The district's first needs survey and a submitted learning plan, made through the API when the store has none
    (the demo profile makes both; a store seeded before it may lack them)."""
    surveys = admin.json("/api/v1/surveys")
    if not surveys:
        created = admin.send("POST", "/api/v1/surveys", {
            "title": "Needs assessment (scale run)", "schoolYear": teacher.json("/api/v1/me/plan")["plan"]["firstYear"],
            "intro": "", "questions": [{"key": "q1", "text": "Which clusters?", "kind": "CLUSTERS", "maxChoices": 2}]})
        admin.send("POST", f"/api/v1/surveys/{created['survey']['id']}/open")
        surveys = admin.json("/api/v1/surveys")
    plans = admin.json("/api/v1/plans")
    if not plans:
        mine = teacher.json("/api/v1/me/plan")["plan"]
        target = teacher.json("/api/v1/me/plan/options")
        cluster = target["targets"]["CLUSTERS"][0]["code"]
        teacher.send("PUT", "/api/v1/me/plan", {"firstYear": mine["firstYear"], "years": 3, "goals": [
            {"statement": "Use data in planning", "targets": [cluster], "families": [], "targetYear": mine["firstYear"]}]})
        if not admin.json("/api/v1/plan-supervisors"):  # a plan goes to its school's supervisor: the admin, here
            admin.send("PUT", "/api/v1/plan-supervisors", {"school": "*", "supervisorId": admin.json("/api/v1/me")["id"]})
        teacher.send("POST", "/api/v1/me/plan/submission")
        plans = admin.json("/api/v1/plans")
    return surveys[0], plans[0]["id"]


def main():
    admin = Client("admin@demo.cairn.test")
    teacher = Client("teacher3@demo.cairn.test")
    assessor = Client("assessor1@demo.cairn.test")

    # what the pages need to know first (each read once, not timed)
    templates = admin.json("/api/v1/templates")
    template = first(templates, "id")
    report_template = first(admin.json("/api/v1/templates?status=PUBLISHED"), "id")
    catalogue = teacher.json("/api/v1/catalogue")
    published = first(catalogue, "id")
    mine = teacher.json(f"/api/v1/enrollments?page=0&size={PAGE}")
    enrollment = mine[0] if mine else None
    preview = teacher.json(f"/api/v1/catalogue/{enrollment['templateId']}") if enrollment else None
    tier = preview["tiers"][0]["key"] if preview and preview.get("tiers") else None
    queue = assessor.json(f"/api/v1/reviews?page=0&size={PAGE}")
    reviewer = assessor if queue else admin  # an admin opens a review too when the assessor has none waiting
    waiting_review = queue or admin.json(f"/api/v1/reviews/queue?page=0&size=1")
    submission = reviewer.json(f"/api/v1/submissions/{waiting_review[0]['submissionId']}") if waiting_review else None
    assertions = admin.json("/api/v1/assertions?page=0&size=26")
    name = next((a["recipientName"] for a in assertions if a.get("recipientName")), "teacher")
    # "Next" names the last badge shown (the web app's ?after=): page 40's, read once here
    page_40_end = admin.json("/api/v1/assertions?page=39&size=25")[-1]["id"]
    badge_classes = sorted({public_path(a["badgeClassUrl"]) for a in assertions})
    my_badges = teacher.json(f"/api/v1/me/badges?page=0&size={PAGE}")
    my_classes = sorted({public_path(a["badgeClassUrl"]) for a in my_badges})
    waiting = admin.json(f"/api/v1/enrollments?scope=district&state=PROPOSED&page=0&size={PAGE}")
    decided = admin.json(f"/api/v1/enrollments?scope=district&page=0&size={PAGE}")
    district_queue = admin.json(f"/api/v1/reviews/queue?page=0&size={PAGE}")

    def ids(rows, *keys):
        found = sorted({r[k] for r in rows for k in keys if r.get(k)})
        return "ids=" + ",".join(found) if found else "ids="

    def previews(rows):
        return [f"/api/v1/catalogue/{t}" for t in sorted({r["templateId"] for r in rows})]

    unread = "/api/v1/notifications/counts"  # the header's count, on every signed-in page
    public_client = Client(None)
    practice_piece = first(teacher.json(f"/api/v1/practice/pieces?page=0&size=1"), "id")
    public_piece = first(public_client.json(f"/api/v1/public/practice/pieces?page=0&size=1"), "id")
    cohorts = admin.json("/api/v1/cohorts")
    cohort = first(cohorts, "id")
    # the evaluator opens the month of a cohort they evaluate; an administrator opens any
    evaluated = first(assessor.json("/api/v1/cohorts"), "id")
    month_client, month_cohort = (assessor, evaluated) if evaluated else (admin, cohort)
    this_month = time.strftime("%Y-%m", time.gmtime())
    survey, plan = survey_and_plan(admin, teacher)
    years = admin.json("/api/v1/budget/years")
    fiscal_year = f"FY{int(years[0]['fiscalYear'][2:]) if years else time.gmtime().tm_year}"
    pages = [
        # (route, who, label, stages)
        ("/admin/badges", admin, "admin: badges issued", [
            [f"/api/v1/assertions?page=0&size=26", "/api/v1/templates?status=PUBLISHED", "/api/v1/issuing/settings",
             unread], badge_classes]),
        ("/admin/badges", admin, f"admin: badges issued, search by name ({name!r})", [
            [f"/api/v1/assertions?page=0&size=26&q={urllib.parse.quote(name)}", "/api/v1/templates?status=PUBLISHED",
             "/api/v1/issuing/settings", unread],
            badge_classes]),
        ("/admin/badges", admin, "admin: badges issued, page 41 (Next from page 40: ?after=)", [
            [f"/api/v1/assertions?page=40&size=26&after={page_40_end}", "/api/v1/templates?status=PUBLISHED",
             "/api/v1/issuing/settings", unread], badge_classes]),
        ("/admin/people", admin, "admin: people", [
            [f"/api/v1/people?page=0&size={PAGE}", f"/api/v1/people?role=COACH&page=0&size=500", unread]]),
        ("/admin/people", admin, "admin: people, Show more (page 3)", [[f"/api/v1/people?page=2&size={PAGE}"]]),
        ("/admin/people/roles", admin, "admin: people and roles", [[f"/api/v1/people?page=0&size={PAGE}", unread]]),
        ("/admin/approvals", admin, "admin: approvals", [
            [f"/api/v1/enrollments?scope=district&state=PROPOSED&page=0&size={PAGE}", "/api/v1/budget", unread],
            [f"/api/v1/people?{ids(waiting, 'personId')}"] + previews(waiting)]),
        ("/admin/approvals/history", admin, "admin: approval history", [
            [f"/api/v1/enrollments?scope=district&page=0&size={PAGE}", unread],
            [f"/api/v1/people?{ids(decided, 'personId', 'decidedBy')}"]]),
        ("/admin/reviews", admin, "admin: reviews waiting", [
            [f"/api/v1/reviews/queue?page=0&size={PAGE}", "/api/v1/people?role=ASSESSOR&page=0&size=500", unread]]),
        ("/admin/reports", admin, "admin: reports", [
            ["/api/v1/templates?status=PUBLISHED", "/api/v1/reports/participation", "/api/v1/reports/coverage",
             unread], [f"/api/v1/reports/templates/{report_template}"]]),
        ("/admin/templates", admin, "admin: templates", [[f"/api/v1/templates?page=0&size={PAGE}", "/api/v1/library", unread]]),
        ("/admin/templates/{id}", admin, "admin: template editor", [[f"/api/v1/templates/{template}", unread]]),
        ("/admin/settings", admin, "admin: district settings", [[
            "/api/v1/district", "/api/v1/issuing/settings", "/api/v1/webhooks", "/api/v1/auth/providers",
            "/api/v1/district/trusted-issuers", unread]]),
        ("/admin/hours", admin, "admin: professional learning hours", [
            ["/api/v1/hours/settings", f"/api/v1/hours/expiring?days=90&page=0&size={PAGE}", unread]]),
        ("/catalog", teacher, "teacher: catalog", [["/api/v1/catalogue/facets", f"/api/v1/catalogue?page=0&size={PAGE}",
                                                     "/api/v1/me/recommendations", unread]]),
        ("/catalog/{id}", teacher, "teacher: a microcredential", [
            [f"/api/v1/catalogue/{published}", f"/api/v1/enrollments?page=0&size={PAGE}", unread]]),
        ("/my/enrollments", teacher, "teacher: my work", [[f"/api/v1/enrollments?page=0&size={PAGE}", unread]]),
        ("/my/enrollments/{id}", teacher, "teacher: an enrollment", [
            [f"/api/v1/enrollments/{enrollment['id']}", unread],
            [f"/api/v1/catalogue/{enrollment['templateId']}", f"/api/v1/enrollments/{enrollment['id']}/submissions"]]
         if enrollment else None),
        ("/my/enrollments/{id}/tiers/{key}", teacher, "teacher: a tier's workspace", [
            [f"/api/v1/enrollments/{enrollment['id']}", unread],
            [f"/api/v1/catalogue/{enrollment['templateId']}",
             f"/api/v1/enrollments/{enrollment['id']}/evidence?tierKey={tier}",
             f"/api/v1/enrollments/{enrollment['id']}/submissions"]] if enrollment and tier else None),
        ("/my/badges", teacher, "teacher: my badges", [
            [f"/api/v1/me/badges?page=0&size={PAGE}", "/api/v1/me/portfolio", unread], my_classes]),
        ("/my/hours", teacher, "teacher: my hours", [["/api/v1/me/hours", unread]]),
        ("/notifications", teacher, "teacher: notifications", [
            [f"/api/v1/notifications?page=0&size={PAGE}", "/api/v1/notifications/preferences", unread, unread]]),
        ("/account", teacher, "teacher: account", [["/api/v1/me/tokens", unread]]),
        ("/my/renewals/{id}", teacher, "teacher: renew a badge", [
            [f"/api/v1/me/renewals/{my_badges[0]['id']}", unread]] if my_badges else None),
        ("/admin/endorsements", admin, "admin: endorsements", [
            ["/api/v1/endorsements/targets", "/api/v1/endorsements/sent", "/api/v1/endorsements/incoming", unread]]),
        ("/reviews", assessor, "assessor: review queue", [[f"/api/v1/reviews?page=0&size={PAGE}", unread]]),
        ("/reviews/{id}", reviewer, "assessor (or admin): a review", [
            [f"/api/v1/submissions/{submission['id']}", unread], [f"/api/v1/catalogue/{submission['templateId']}"]
            + [f"/api/v1/evidence/{e}" for e in submission["attempts"][-1].get("evidenceIds", [])]]
         if submission and submission.get("attempts") else None),
        ("/practice", teacher, "teacher: practice library", [
            ["/api/v1/practice/facets", f"/api/v1/practice/pieces?page=0&size={PAGE}", unread]]),
        ("/practice/saved", teacher, "teacher: saved practice", [[f"/api/v1/practice/saved?page=0&size={PAGE}", unread]]),
        ("/practice/share", teacher, "teacher: share your practice", [
            ["/api/v1/practice/shareable", "/api/v1/practice/facets", unread]]),
        ("/practice/settings", admin, "admin: practice library settings", [["/api/v1/practice/settings", unread]]),
        ("/practice/pieces/{id}", teacher, "teacher: a shared piece", [
            [f"/api/v1/practice/pieces/{practice_piece}", unread]] if practice_piece else None),
        ("/practice/public", public_client, "anyone: shared practice", [
            ["/api/v1/public/practice/facets", f"/api/v1/public/practice/pieces?page=0&size={PAGE}"]]),
        ("/practice/public/{id}", public_client, "anyone: a publicly shared piece", [
            [f"/api/v1/public/practice/pieces/{public_piece}"]] if public_piece else None),
        ("/admin/cohorts", admin, "admin: cohorts", [
            ["/api/v1/cohorts", "/api/v1/templates?status=PUBLISHED", "/api/v1/people?role=ASSESSOR&size=500", unread]]),
        ("/admin/cohorts/{id}", admin, "admin: a cohort", [
            [f"/api/v1/cohorts/{cohort}", "/api/v1/people?role=ASSESSOR&size=500", unread]] if cohort else None),
        ("/cohorts", assessor, "assessor: cohorts to evaluate", [["/api/v1/cohorts", unread]]),
        ("/cohorts/{id}/month", month_client, "assessor (or admin): a cohort's month", [
            [f"/api/v1/cohorts/{month_cohort}", f"/api/v1/cohorts/{month_cohort}/month?month={this_month}", unread]]
         if month_cohort else None),
        ("/my/cohorts", teacher, "teacher: due dates", [["/api/v1/me/cohorts", unread]]),
        ("/admin/pay", admin, "admin: compensation (budget, payroll, spending)", [
            ["/api/v1/budget/years", "/api/v1/funding-sources", unread],
            ["/api/v1/payroll", f"/api/v1/spending?fiscalYear={fiscal_year}"]]),
        ("/admin/plans", admin, "admin: needs and plans (with the supervisor choice)", [
            ["/api/v1/surveys", "/api/v1/plan-supervisors", f"/api/v1/plans?page=0&size={PAGE}"]
            + [f"/api/v1/people?role={r}&size=500" for r in ("DISTRICT_ADMIN", "COACH", "ASSESSOR", "TEACHER")]
            + [unread]]),
        ("/admin/surveys/new", admin, "admin: new survey", [[unread]]),
        ("/admin/surveys/{id}", admin, "admin: a survey (with its results)", [
            [f"/api/v1/surveys/{survey['id']}", unread]]
         + ([[f"/api/v1/surveys/{survey['id']}/results"]] if survey["status"] != "DRAFT" else [])),
        ("/admin/reports/needs", admin, "admin: needs report", [["/api/v1/reports/needs", unread]]),
        ("/my/survey", teacher, "teacher: needs survey", [["/api/v1/me/surveys", unread]]),
        ("/my/plan", teacher, "teacher: my learning plan", [
            ["/api/v1/me/plan", "/api/v1/me/plan/options", "/api/v1/me/surveys", "/api/v1/me/recommendations",
             unread]]),
        ("/my/recommendations", teacher, "teacher: recommended for me", [["/api/v1/me/recommendations", unread]]),
        ("/plans", admin, "admin: plans to approve", [
            [f"/api/v1/plans?page=0&size={PAGE}&state=SUBMITTED", f"/api/v1/plans?page=0&size={PAGE}&decided=true",
             unread]]),
        ("/plans/{id}", admin, "admin: a learning plan", [[f"/api/v1/plans/{plan}", unread]]),
        ("app start", teacher, "any: app start (who am I)", [["/api/v1/me"]]),
    ]
    public = {"/sign-in", "/invitations/{token}", "/password-resets", "/password-resets/{token}", "/badge/{id}",
              "/portfolio/{slug}", "/verify", "/sign-in-link/{token}", "/sign-in/link", "/verify-address/{token}"}
    routes = set()
    for f in os.listdir(os.path.join(ROOT, "frontend/src/features")):
        path = os.path.join(ROOT, "frontend/src/features", f, "routes.ts")
        if os.path.exists(path):
            for line in open(path):
                if "page:" in line and "path:" in line:
                    m = re.search(r"path: (/\^\\?(.*?)\$/|new RegExp\(`\^(.*?)\$`\))", line)
                    route = (m.group(2) or m.group(3)).replace("\\/", "/")
                    route = re.sub(r"\(\?<(\w+)>[^)]*\)|\$\{ID\}", lambda x: "{" + (x.group(1) or "id") + "}", route)
                    route = route.replace("{tier}", "{key}")
                    routes.add(route)
    covered = {p[0] for p in pages}
    missing = sorted(routes - covered - public)
    if missing:
        print(f"pages without a measurement (add them to perf/scale_pages.py): {missing}", file=sys.stderr)
        sys.exit(1)
    skipped = [p[2] for p in pages if p[3] is None]
    print(f"load average before the pages: {open('/proc/loadavg').read().split()[:3]}; {REQUESTS} openings per "
          f"page one after the other, after {WARMUP} to warm up; page size {PAGE}")
    print("| page (who: what) | calls | bytes | median ms | p90 ms | documents read per opening | service CPU ms per opening |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    over = []
    for route, client, label, stages in pages:
        if stages is None:
            continue
        for _ in range(WARMUP):
            open_page(client, stages)
        before = documents_read()
        cpu_before = cpu_ms()
        times, size = [], 0
        for _ in range(REQUESTS):
            t, size = open_page(client, stages)
            times.append(t * 1000)
        after = documents_read()
        cpu_after = cpu_ms()
        cpu = "n/a" if cpu_before is None else f"{(cpu_after - cpu_before) / REQUESTS:,.1f}"
        reads = "n/a" if before is None else f"{(after - before) / REQUESTS:,.0f}"
        times.sort()
        p90 = times[min(len(times) - 1, int(round(0.9 * len(times))) - 1)]
        median = statistics.median(times)
        if median >= 100:
            over.append(label)
        print(f"| {label} `{route}` | {sum(len(s) for s in stages)} | {size:,} | {median:.1f} | {p90:.1f} | {reads} | {cpu} |",
              flush=True)
    if skipped:
        print(f"not measured (no data for them in this store): {skipped}")
    print(f"load average after the pages: {open('/proc/loadavg').read().split()[:3]}")
    print(f"pages at or over 100 ms median: {len(over)} of {len(pages) - len(skipped)}" + (f": {over}" if over else ""))


main()
