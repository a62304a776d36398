"""Write fresh16's invented product-analytics data (tickets, churn, reviews, usage, docs) into DIR."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 1616

CATEGORIES = {
    "billing": [
        "I was charged twice for the {plan} plan this month",
        "Invoice {n} shows the wrong VAT number, please reissue",
        "Can I get a refund for the unused seats after we downsized",
        "Our card was declined but the payment went through anyway",
        "How do I switch from monthly to annual billing",
        "The proration on the upgrade to {plan} looks wrong",
    ],
    "bug": [
        "Gantt view crashes when I drag a task past the end of the sprint",
        "Export to CSV produces an empty file since version 4.2",
        "The mobile app logs me out every few minutes",
        "Comments disappear after I refresh the board",
        "Webhook retries fire {n} times for the same event",
        "Search returns tasks from archived projects even with the filter on",
    ],
    "how_to": [
        "How do I invite a guest who only sees one project",
        "Where do I find the setting for recurring tasks",
        "Is there a way to bulk move tasks between boards",
        "How can I connect the Slack integration to a private channel",
        "What is the best way to set up SSO for our team",
        "Can you explain how workload view counts hours",
    ],
    "feature_request": [
        "Would love dark mode on the desktop app",
        "Please add dependencies between subtasks",
        "It would be great to have custom fields on the timeline",
        "We need an audit log export for compliance",
        "Could you support more than {n} automations per board",
        "Please let admins lock the default project template",
    ],
}
FILLERS = [
    "This is blocking our team.",
    "Thanks in advance!",
    "We are on the {plan} plan with {n} seats.",
    "Happened again this morning.",
    "Not urgent but annoying.",
    "Our renewal is coming up so we need this sorted.",
    "Screenshot attached.",
    "Can someone get back to me today?",
    "",
]
PLANS = ["Starter", "Team", "Business", "Enterprise"]


def tickets(rng: np.random.Generator) -> pd.DataFrame:
    """900 support tickets; priority and category partly hand-tagged."""
    rows = []
    cats = list(CATEGORIES)
    for i in range(900):
        cat = cats[rng.choice(4, p=[0.22, 0.36, 0.27, 0.15])]
        plan = PLANS[rng.integers(4)]
        n = int(rng.integers(2, 60))
        subject = CATEGORIES[cat][rng.integers(6)].format(plan=plan, n=n)
        extra = " ".join(
            FILLERS[rng.integers(len(FILLERS))].format(plan=plan, n=n) for _ in range(2)
        )
        urgent = "blocking" in extra or "today" in extra or cat == "bug" and rng.random() < 0.4
        priority = "high" if urgent else ("low" if cat == "feature_request" else "medium")
        if rng.random() < 0.1:
            priority = ["low", "medium", "high"][rng.integers(3)]
        rows.append(
            {
                "ticket_id": f"T-{10400 + i}",
                "created_at": str(pd.Timestamp("2024-09-01") + pd.Timedelta(hours=int(i * 2.3))),
                "channel": ["email", "chat", "web_form", "in_app"][rng.integers(4)],
                "plan_tier": plan,
                "subject": subject,
                "body": f"{subject}. {extra}".strip(),
                "priority": priority,
                "category": cat,
            }
        )
    frame = pd.DataFrame(rows)
    keep_priority = rng.random(900) < 120 / 900
    keep_category = rng.random(900) < 160 / 900
    frame.loc[~keep_priority, "priority"] = None
    frame.loc[~keep_category, "category"] = None
    return frame


def escalations(rng: np.random.Generator, frame: pd.DataFrame) -> pd.DataFrame:
    """A separate hand-label file: 90 tickets marked escalate yes/no by the support lead."""
    picked = frame.sample(90, random_state=SEED)
    words = picked["body"].str.contains("blocking|renewal|today|charged twice|logs me out")
    flip = rng.random(90) < 0.08
    escalate = np.where(words ^ flip, "yes", "no")
    return pd.DataFrame({"ticket_id": picked["ticket_id"].to_numpy(), "escalate": escalate})


def churn(rng: np.random.Generator, n: int, start: int, with_label: bool) -> pd.DataFrame:
    """Account-level usage table with a churned yes/no flag."""
    plan = rng.choice(PLANS, n, p=[0.35, 0.35, 0.2, 0.1])
    seats = np.round(rng.lognormal(2.2, 0.8, n)).astype(int) + 1
    logins = rng.poisson(40, n)
    days_idle = rng.exponential(9, n).round().astype(int)
    tickets90 = rng.poisson(2, n)
    projects = rng.poisson(6, n)
    integrations = rng.integers(0, 7, n)
    nps = rng.integers(-100, 101, n).astype(float)
    nps[rng.random(n) < 0.3] = np.nan
    contract = rng.choice(["monthly", "annual"], n, p=[0.6, 0.4])
    region = rng.choice(["AMER", "EMEA", "APAC", "LATAM"], n)
    z = (
        -1.2
        + 0.09 * days_idle
        - 0.03 * logins
        + 0.25 * tickets90
        - 0.25 * integrations
        + np.where(contract == "monthly", 0.8, -0.6)
        + rng.normal(0, 0.8, n)
    )
    frame = pd.DataFrame(
        {
            "account_id": [f"ACC{start + i:05d}" for i in range(n)],
            "plan": plan,
            "seats": seats,
            "mrr_usd": (seats * np.select([plan == p for p in PLANS], [0, 12, 24, 45])).astype(
                float
            ),
            "logins_30d": logins,
            "days_since_last_login": days_idle,
            "projects_created": projects,
            "integrations_enabled": integrations,
            "tickets_90d": tickets90,
            "nps_score": nps,
            "contract_type": contract,
            "region": region,
        }
    )
    if with_label:
        frame["churned"] = np.where(z > 0, "yes", "no")
    return frame


REVIEW_BITS = {
    "positive": [
        "Love the new timeline, planning sprints is so much faster",
        "Best task app we have tried, the Slack sync just works",
        "Clean design and the offline mode saved me on a flight",
        "Support answered in ten minutes, great experience",
        "Recurring tasks finally work the way I expect",
    ],
    "negative": [
        "App crashes every time I open a board with attachments",
        "Keeps logging me out since the last update, useless",
        "Notifications arrive hours late, missed a deadline because of it",
        "Way too expensive for what it does, cancelling",
        "Sync between phone and desktop is broken again",
    ],
    "neutral": [
        "Does what it says, nothing special",
        "Okay for personal lists, not sure about teams yet",
        "Would be nice to have widgets, otherwise fine",
        "Switched from another tool, still getting used to it",
        "Decent but the onboarding is long",
    ],
}


def reviews(rng: np.random.Generator, n: int, start: int, keep: float) -> pd.DataFrame:
    """App-store reviews with star rating and a partly filled sentiment column."""
    rows = []
    for i in range(n):
        sent = ["positive", "negative", "neutral"][rng.choice(3, p=[0.45, 0.35, 0.2])]
        stars = {"positive": [4, 5], "negative": [1, 2], "neutral": [3, 3, 4, 2]}[sent]
        text = REVIEW_BITS[sent][rng.integers(5)]
        if rng.random() < 0.5:
            text += ". " + REVIEW_BITS[sent][rng.integers(5)]
        rows.append(
            {
                "review_id": f"R{start + i}",
                "store": ["ios", "android"][rng.integers(2)],
                "app_version": ["4.0.3", "4.1.0", "4.1.2", "4.2.0"][rng.integers(4)],
                "rating": int(stars[rng.integers(len(stars))]),
                "review_text": text,
                "sentiment": sent if rng.random() < keep else None,
            }
        )
    return pd.DataFrame(rows)


def usage(rng: np.random.Generator) -> pd.DataFrame:
    """Daily workspace usage for October with a few broken rows (anomalies)."""
    rows = []
    k = 0
    for ws in range(40):
        base_users = rng.integers(5, 200)
        for day in pd.date_range("2024-10-01", "2024-10-15"):
            users = max(1, int(rng.normal(base_users, base_users * 0.1)))
            calls = int(users * rng.normal(120, 15))
            rows.append(
                {
                    "record_id": k,
                    "workspace_id": f"WS-{ws:03d}",
                    "date": day.date().isoformat(),
                    "active_users": users,
                    "api_calls": calls,
                    "errors_5xx": int(rng.poisson(calls * 0.001)),
                    "p95_latency_ms": round(float(rng.normal(420, 40)), 1),
                    "storage_gb": round(float(users * 0.4 + rng.normal(0, 1)), 2),
                    "region": ["AMER", "EMEA", "APAC"][ws % 3],
                }
            )
            k += 1
    frame = pd.DataFrame(rows)
    bad = rng.choice(len(frame), 8, replace=False)
    frame.loc[bad[:3], "api_calls"] *= 40
    frame.loc[bad[3:6], "errors_5xx"] += 900
    frame.loc[bad[6:], "p95_latency_ms"] = 9800.0
    return frame


RELEASE_NOTES = """# Tallyhub 4.2 release notes

Released on 14 October 2024 for web, desktop, iOS and Android.

## Highlights

Timeline view is now available on every paid plan. Timeline view shows tasks as bars on a
calendar, and dragging a bar changes the task's start and due dates.

Subtask dependencies are the most requested feature of the year. A dependency means that a
subtask cannot start until the task it waits on is marked done.

## Improvements

- CSV export now includes custom fields and the assignee's email address.
- The mobile apps sync in the background every 5 minutes instead of every 15 minutes.
- Workload view counts hours from time estimates when no time was logged.

Automations now allow up to 50 rules per board on the Business plan. The Starter plan keeps a
limit of 5 rules per board.

## Fixed issues

If a user dragged a task past the end of a sprint, the Gantt view crashed. This is fixed.
Comments no longer disappear after a refresh, because the board now waits for the save to
finish before reloading.
Webhook retries were sent several times for the same event when the receiver answered slowly;
retries now use a single delivery id.

## Known issues

When the desktop app is offline for more than 7 days, it asks the user to sign in again.
Export to CSV of archived projects is still limited to 10,000 rows.

## Deprecations

The v1 tasks endpoint is deprecated and will be removed on 31 March 2025. Clients should move
to the v2 tasks endpoint described in the API guide.
"""

API_GUIDE = """# Tallyhub REST API guide

The Tallyhub API is a JSON over HTTPS interface for reading and changing projects, tasks and
comments. The base URL is https://api.tallyhub.example/v2.

## Authentication

Every request carries a personal access token in the Authorization header. A personal access
token is a secret string created under Settings, Developer, Tokens. Tokens expire after 90 days
unless an admin sets a longer lifetime.

OAuth apps use the authorization code flow. The access token returned by the token endpoint is
valid for one hour, and the refresh token is valid for 30 days.

## Rate limits

The API allows 600 requests per minute per token. When a client exceeds the limit, the API
returns status 429 with a Retry-After header. Bulk endpoints count as 10 requests.

## Pagination

List endpoints return at most 100 items per page. The response contains a next_cursor field,
and the client passes it as the cursor parameter to fetch the next page. When next_cursor is
null, there are no more pages.

## Tasks

The tasks endpoint returns the tasks of a project. A task is an object with an id, a title, a
status, an assignee and optional custom fields. Creating a task requires a project id and a
title. The PATCH method updates only the fields that the request body contains.

If a task has open subtasks, closing it returns status 409 unless the force parameter is true.

## Webhooks

A webhook is an HTTPS endpoint that Tallyhub calls when an event happens in a workspace.
Each delivery contains an event type, a delivery id and a signature header. The signature is
created by HMAC-SHA256 of the body with the webhook secret. Receivers should answer within 10
seconds, because slower answers are treated as failures and retried up to 5 times.

## Errors

Errors return a JSON body with a code and a message. Status 401 means that the token is missing
or expired. Status 403 means that the token's user cannot see the project. Status 422 means that
a field failed validation, and the body names the field.

## Versioning

The v1 endpoints are deprecated. Version 2 is the current version and will receive new
features until at least 2026.
"""


def main(out: Path) -> None:
    """Write every file into `out`."""
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)
    tix = tickets(rng)
    tix.to_csv(out / "tickets.csv", index=False)
    escalations(rng, tix.fillna("")).to_csv(out / "escalation_labels.csv", index=False)
    churn(rng, 1200, 1, True).to_csv(out / "churn_q3.csv", index=False)
    churn(rng, 400, 2001, True).to_csv(out / "churn_q4.csv", index=False)
    churn(rng, 300, 3001, False).to_csv(out / "accounts_current.csv", index=False)
    revs = reviews(rng, 700, 50000, keep=0.15)
    with (out / "app_reviews.jsonl").open("w", encoding="utf-8") as handle:
        for record in revs.to_dict(orient="records"):
            handle.write(json.dumps(record) + "\n")
    reviews(rng, 150, 90000, keep=1.0).to_csv(out / "reviews_holdout.csv", index=False)
    usage(rng).to_csv(out / "usage_daily.csv", index=False)
    (out / "docs" / "release_notes_4.2.md").write_text(RELEASE_NOTES, encoding="utf-8")
    (out / "docs" / "api_guide.md").write_text(API_GUIDE, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
