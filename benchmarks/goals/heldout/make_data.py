"""Write the data files the held-out goals talk about: `python make_data.py DIR`.

Deterministic (fixed seeds), offline, small. Uses only numpy, pandas and scikit-learn's
bundled data; the text is invented from templates.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn import datasets as skd
from sklearn.model_selection import train_test_split

SEED = 20261201


# ---------------------------------------------------------------- text tables
PRODUCTS = {
    "kitchen": ["air fryer", "chef knife", "blender", "coffee grinder", "rice cooker"],
    "electronics": ["bluetooth speaker", "usb-c hub", "wireless earbuds", "webcam", "power bank"],
    "outdoor": ["tent", "hiking boots", "headlamp", "camping stove", "sleeping bag"],
    "home": ["desk lamp", "office chair", "throw blanket", "wall clock", "bookshelf"],
}
POS = [
    "works perfectly",
    "love it",
    "great value for the money",
    "exceeded my expectations",
    "arrived quickly and well packed",
    "sturdy and well made",
    "would definitely buy again",
    "my kids love it",
    "five stars",
    "super easy to set up",
    "quality is excellent",
    "does exactly what it says",
    "highly recommend",
    "fantastic",
    "really happy with it",
]
NEG = [
    "stopped working after a week",
    "total waste of money",
    "broke on the first use",
    "cheap plastic",
    "returned it",
    "does not match the description",
    "want a refund",
    "customer service never answered",
    "arrived damaged",
    "very disappointed",
    "flimsy and poorly made",
    "terrible",
    "would not recommend",
    "battery dies fast",
    "missing parts",
]
NEUTRAL = [
    "I bought this last month",
    "ordered the {p} for my apartment",
    "got the {p} as a gift",
    "this is my second {p}",
    "used the {p} on a weekend trip",
    "replaced my old {p} with this",
]


def reviews(rng: np.random.Generator, n: int = 600) -> pd.DataFrame:
    rows = []
    for i in range(n):
        cat = rng.choice(list(PRODUCTS))
        prod = str(rng.choice(PRODUCTS[cat]))
        positive = rng.random() < 0.55
        pool, other = (POS, NEG) if positive else (NEG, POS)
        parts = [str(rng.choice(NEUTRAL)).format(p=prod)]
        parts += list(rng.choice(pool, size=int(rng.integers(1, 3)), replace=False))
        if rng.random() < 0.15:  # a bit of noise: a phrase of the other polarity
            parts.append("but " + str(rng.choice(other)))
        text = ". ".join(s[0].upper() + s[1:] for s in parts) + "."
        rows.append(
            {
                "review_id": i + 1,
                "product": prod,
                "product_category": cat,
                "review_date": str(
                    pd.Timestamp("2025-01-01") + pd.Timedelta(days=int(rng.integers(0, 330)))
                ),
                "review_text": text,
                "sentiment": "positive" if positive else "negative",
            }
        )
    frame = pd.DataFrame(rows)
    frame["review_date"] = frame["review_date"].str[:10]
    keep = rng.choice(n, size=80, replace=False)  # only 80 hand-labelled rows
    mask = np.ones(n, dtype=bool)
    mask[keep] = False
    frame.loc[mask, "sentiment"] = None
    return frame


QUEUES = {
    "billing": [
        "I was charged twice for my subscription",
        "the invoice shows the wrong amount",
        "please refund the last payment",
        "my credit card was declined at checkout",
        "why did my monthly price go up",
        "I need a copy of my receipt for taxes",
    ],
    "technical": [
        "the app crashes when I open the dashboard",
        "error 500 when uploading a file",
        "sync has been stuck for two days",
        "the export button does nothing",
        "login page keeps spinning after the update",
        "the API returns a timeout",
    ],
    "account": [
        "I forgot my password and the reset email never arrives",
        "please change the email on my account",
        "how do I add a second user to my team",
        "I want to close my account",
        "two-factor codes are not accepted",
        "please merge my two accounts",
    ],
    "shipping": [
        "my package has not arrived yet",
        "tracking number shows no updates",
        "the parcel was delivered to the wrong address",
        "can I change the delivery date",
        "the box arrived crushed",
        "how long does international delivery take",
    ],
}
OPENERS = ["Hi,", "Hello team,", "Hey,", "Good morning,", "Dear support,", ""]
CLOSERS = [
    "Thanks.",
    "Please help asap.",
    "Regards, a frustrated customer.",
    "Cheers",
    "Thank you!",
    "",
]


def tickets(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        queue = str(rng.choice(list(QUEUES)))
        issue = str(rng.choice(QUEUES[queue]))
        extra = str(rng.choice(QUEUES[queue]))
        body = " ".join(
            x
            for x in [
                str(rng.choice(OPENERS)),
                issue[0].upper() + issue[1:] + ".",
                "Also " + extra + "." if rng.random() < 0.3 else "",
                str(rng.choice(CLOSERS)),
            ]
            if x
        )
        rows.append(
            {
                "ticket_id": f"T-{start + i:05d}",
                "created_at": str(
                    pd.Timestamp("2026-09-01 08:00")
                    + pd.Timedelta(minutes=int(rng.integers(0, 90 * 24 * 60)))
                ),
                "channel": str(
                    rng.choice(["email", "chat", "web_form", "phone"], p=[0.45, 0.3, 0.2, 0.05])
                ),
                "subject": issue[:40],
                "body": body,
                "queue": queue,
            }
        )
    return pd.DataFrame(rows)


SPAM = [
    "Congratulations, you are a WINNER! Claim your free prize now",
    "Limited time offer: cheap meds, no prescription needed",
    "Your account will be suspended, verify your password at this link",
    "Earn $5000 a week working from home, click here",
    "You have been selected for an exclusive casino bonus",
    "Unsubscribe never works, buy crypto now and double your money",
    "URGENT: wire transfer needed, reply with your bank details",
]
HAM = [
    "Can we move tomorrow's standup to 10am?",
    "Attached are the slides from the quarterly review",
    "Lunch on Friday? The new ramen place opened",
    "Reminder: the lab meeting is in room 204",
    "Here are my comments on the draft, see tracked changes",
    "The build failed on main, I'm looking into it",
    "Your order has shipped, expected delivery Tuesday",
    "Happy birthday! Hope you have a great day",
]
SENDERS_SPAM = [
    "promo@deals-4u.biz",
    "winner@lucky-draw.top",
    "security@acc0unt-verify.info",
    "hr@fast-cash.click",
]
SENDERS_HAM = [
    "maria.k@company.com",
    "ops@company.com",
    "dad@family.net",
    "noreply@shop.example.com",
    "j.chen@university.edu",
]


def emails(rng: np.random.Generator, n: int = 500) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, gold = [], []
    for i in range(n):
        spam = rng.random() < 0.35
        text = str(rng.choice(SPAM if spam else HAM))
        rows.append(
            {
                "msg_id": f"m{i:04d}",
                "sender": str(rng.choice(SENDERS_SPAM if spam else SENDERS_HAM)),
                "subject": text.split(",")[0][:50],
                "text": text + (" " + str(rng.choice(HAM)) if rng.random() < 0.2 else ""),
                "received": str(
                    pd.Timestamp("2026-10-01") + pd.Timedelta(minutes=int(rng.integers(0, 40000)))
                ),
            }
        )
        gold.append({"message_id": f"m{i:04d}", "verdict": "spam" if spam else "ham"})
    gold_frame = pd.DataFrame(gold).sample(n=70, random_state=1).sort_values("message_id")
    return pd.DataFrame(rows), gold_frame


# ---------------------------------------------------------------- numeric tables
def churn(rng: np.random.Generator, n: int = 1400) -> pd.DataFrame:
    tenure = rng.integers(1, 73, n)
    contract = rng.choice(["month-to-month", "one year", "two year"], n, p=[0.55, 0.25, 0.2])
    internet = rng.choice(["dsl", "fiber optic", "none"], n, p=[0.35, 0.45, 0.2])
    payment = rng.choice(["electronic check", "mailed check", "bank transfer", "credit card"], n)
    monthly = np.round(
        20 + 50 * (internet == "fiber optic") + 25 * (internet == "dsl") + rng.normal(10, 8, n), 2
    )
    calls = rng.poisson(1.2, n)
    logit = (
        -1.0
        + 1.4 * (contract == "month-to-month")
        - 0.04 * tenure
        + 0.5 * (internet == "fiber optic")
        + 0.35 * calls
        + 0.4 * (payment == "electronic check")
        - 0.8 * (contract == "two year")
    )
    churned = rng.random(n) < 1 / (1 + np.exp(-logit))
    return pd.DataFrame(
        {
            "customer_id": [f"C{100000 + i}" for i in range(n)],
            "tenure_months": tenure,
            "contract": contract,
            "internet_service": internet,
            "payment_method": payment,
            "monthly_charges": monthly,
            "total_charges": np.round(monthly * tenure * rng.uniform(0.95, 1.05, n), 2),
            "support_calls": calls,
            "senior_citizen": rng.random(n) < 0.16,
            "churned": np.where(churned, "yes", "no"),
        }
    )


def employees(rng: np.random.Generator, n: int = 800) -> pd.DataFrame:
    dept = rng.choice(["sales", "engineering", "support", "finance", "marketing"], n)
    years = rng.integers(0, 25, n)
    satisfaction = np.round(rng.uniform(0.1, 1.0, n), 2)
    score = np.round(rng.normal(3.3, 0.7, n).clip(1, 5), 1)
    hours = rng.integers(140, 290, n)
    left = rng.random(n) < 1 / (
        1 + np.exp(-(-0.5 - 3 * (satisfaction - 0.5) + 0.01 * (hours - 200)))
    )
    promoted = rng.random(n) < 1 / (1 + np.exp(-(-2.5 + 1.2 * (score - 3.3) + 0.05 * years)))
    return pd.DataFrame(
        {
            "employee_id": [f"E{i:04d}" for i in range(n)],
            "department": dept,
            "years_at_company": years,
            "satisfaction_score": satisfaction,
            "last_evaluation": score,
            "avg_monthly_hours": hours,
            "salary_band": rng.choice(["low", "medium", "high"], n, p=[0.45, 0.42, 0.13]),
            "left_company": np.where(left, 1, 0),
            "got_promoted": np.where(promoted, 1, 0),
        }
    )


def sensors(rng: np.random.Generator, n: int, line: int) -> pd.DataFrame:
    t = pd.date_range("2026-11-01", periods=n, freq="5min")
    machine = rng.choice([f"L{line}-M{k}" for k in range(1, 5)], n)
    temp = rng.normal(68, 2.5, n) + 0.002 * np.arange(n)
    vib = np.abs(rng.normal(2.1, 0.4, n))
    pressure = rng.normal(310, 6, n)
    rpm = rng.normal(1480, 25, n).round()
    bad = rng.choice(n, size=12, replace=False)
    temp[bad[:4]] += rng.uniform(15, 25, 4)
    vib[bad[4:8]] *= rng.uniform(3, 5, 4)
    pressure[bad[8:]] -= rng.uniform(40, 60, 4)
    return pd.DataFrame(
        {
            "reading_id": [f"{line}-{i:05d}" for i in range(n)],
            "timestamp": t.astype(str),
            "machine_id": machine,
            "temperature_c": temp.round(2),
            "vibration_mm_s": vib.round(3),
            "pressure_kpa": pressure.round(1),
            "rpm": rpm,
        }
    )


def transactions(rng: np.random.Generator, n: int = 3000) -> pd.DataFrame:
    amount = np.round(rng.lognormal(3.3, 0.8, n), 2)
    hour = rng.choice(24, n, p=np.r_[np.full(7, 0.01), np.full(17, (1 - 0.07) / 17)])
    dist = np.round(rng.exponential(8, n), 1)
    count24 = rng.poisson(2, n)
    odd = rng.choice(n, size=25, replace=False)
    amount[odd] = np.round(rng.uniform(2500, 9000, 25), 2)
    dist[odd] = np.round(rng.uniform(300, 4000, 25), 1)
    hour[odd] = rng.choice([1, 2, 3, 4], 25)
    count24[odd] = rng.integers(8, 20, 25)
    return pd.DataFrame(
        {
            "txn_id": [f"TX{900000 + i}" for i in range(n)],
            "card_id": [f"card_{k:03d}" for k in rng.integers(0, 400, n)],
            "amount_eur": amount,
            "merchant_category": rng.choice(
                ["grocery", "fuel", "restaurant", "online_retail", "travel", "electronics"], n
            ),
            "hour_of_day": hour,
            "distance_from_home_km": dist,
            "n_txn_last_24h": count24,
            "card_present": rng.random(n) < 0.7,
        }
    )


GENES = [
    "ALB",
    "APOA1",
    "CYP3A4",
    "TTR",
    "SERPINA1",
    "UMOD",
    "SLC34A1",
    "NPHS1",
    "PAX8",
    "CDH16",
    "SFTPC",
    "SFTPB",
    "AGER",
    "NKX2-1",
    "SCGB1A1",
    "GAPDH",
    "ACTB",
    "B2M",
    "TUBB",
    "RPLP0",
    "MKI67",
    "TOP2A",
    "VIM",
    "COL1A1",
    "PTPRC",
]


def expression(rng: np.random.Generator, n: int = 360) -> pd.DataFrame:
    tissue = rng.choice(["liver", "kidney", "lung"], n, p=[0.4, 0.35, 0.25])
    base = rng.normal(5, 1, (n, len(GENES)))
    markers = {"liver": range(0, 5), "kidney": range(5, 10), "lung": range(10, 15)}
    for t, idx in markers.items():
        base[np.ix_(tissue == t, list(idx))] += rng.normal(4, 0.8, ((tissue == t).sum(), 5))
    base[:, 15:20] += 6  # housekeeping genes, high everywhere
    frame = pd.DataFrame(np.round(base, 3), columns=GENES)
    frame.insert(0, "sample_id", [f"S{i:03d}" for i in range(n)])
    frame.insert(1, "batch", rng.choice(["run_A", "run_B", "run_C"], n))
    frame["tissue"] = tissue
    return frame


# ---------------------------------------------------------------- documents
GUIDE = """# Tally onboarding guide

Welcome to Tally, the invoicing and expense app for small teams. This guide walks a new
administrator through the first week: creating the workspace, inviting people, connecting a
bank account and sending the first invoice.

## 1. Create your workspace

Sign up at app.tally.example with your work email. The first person to sign up becomes the
workspace owner. The owner can rename the workspace under Settings > General and pick the
default currency; the currency cannot be changed after the first invoice is sent, so choose it
carefully. Workspaces on the Starter plan hold up to 5 users; the Team plan holds up to 50.

## 2. Invite your team

Go to Settings > Members and press Invite. Each invitation link is valid for 72 hours. There
are three roles: Owner, Admin and Member. Admins can approve expenses and edit invoice
templates; Members can only submit expenses and view invoices assigned to them. If an invited
person does not receive the email, ask them to check the spam folder, then resend the invite
from the Members page.

## 3. Connect a bank account

Tally reads transactions through Open Banking. Under Banking > Connections choose your bank
and sign in on the bank's own page; Tally never sees your bank password. The first import
pulls the last 90 days of transactions, and new transactions arrive every 4 hours. A
connection has to be renewed every 180 days because of PSD2 rules; Tally emails the owner
7 days before it expires.

## 4. Send your first invoice

Open Invoices > New. Pick a customer (or create one), add line items and choose the payment
terms; Net 30 is the default. Press Send to email a PDF with a payment link. Customers can pay
by card or bank transfer. When a payment arrives Tally matches it to the invoice automatically
if the amount and reference agree; otherwise it shows up under Banking > Unmatched.

## 5. Expenses and receipts

Members photograph receipts in the mobile app. Tally reads the merchant, date and amount with
OCR and suggests a category. Expenses above 500 EUR need an Admin's approval. Approved expenses
are exported to your accounting software every night at 02:00 UTC.

## Troubleshooting

If the dashboard shows stale numbers, press Refresh in the top right corner or sign out and
back in. Export problems are usually caused by an expired accounting connection: reconnect it
under Settings > Integrations. For anything else write to support@tally.example; the support
team answers within one business day.
"""

FAQ = """# Tally FAQ

## How much does Tally cost?

The Starter plan costs 9 EUR per month for up to 5 users. The Team plan costs 29 EUR per month
for up to 50 users and adds approval workflows and multi-currency invoices. Annual billing saves
two months.

## Can I try it for free?

Yes. Every new workspace gets a 30-day free trial of the Team plan. No credit card is needed to
start the trial; at the end of the trial the workspace falls back to the Starter plan unless
you upgrade.

## How do I cancel my subscription?

The workspace owner can cancel under Settings > Billing > Cancel plan. The workspace stays
active until the end of the paid period, after which it becomes read-only for 12 months. You
can export all invoices and expenses as CSV at any time.

## Is my data safe?

Data is stored in data centres in Frankfurt and encrypted at rest with AES-256. All
connections use TLS 1.3. Tally is ISO 27001 certified and never sells customer data.

## Which banks are supported?

Tally supports over 2,400 banks in the EU and the UK through Open Banking. Banks outside Europe
can be added by uploading a CSV or OFX statement.

## Why was my card declined?

Most declines come from the card issuer's fraud check on a first payment abroad. Ask your bank
to allow payments to Tally Ltd, or pay by SEPA direct debit instead.

## Can I change the currency of my workspace?

Only before the first invoice is sent. After that, create invoices in other currencies with the
Team plan's multi-currency feature; the reports still use the workspace's default currency.

## How do I get a copy of an old invoice?

Open Invoices, filter by customer or date and press Download PDF. Invoices are kept for
10 years to meet tax rules.
"""

NOTES = """Product sync - meeting notes - 2026-11-18

Attendees: Priya (PM), Jonas (eng lead), Aiko (support), Marco (design), Lena (data)

1. Q4 release status
Jonas: multi-currency invoices are code complete; QA found two rounding bugs in the JPY
formatting. Fix is expected by Friday. The release moves from 25 November to 2 December.
Decision: no new features go into the Q4 release after 20 November.

2. Support load
Aiko: ticket volume went up 18 percent in October, mostly billing questions about the new
pricing. Median first response time is 6.5 hours, the goal is 4 hours. Aiko asked for an
automatic router that sends tickets to billing, technical, account or shipping queues.
Lena will prototype a classifier on the ticket archive; first results by 4 December.

3. Churn
Lena: monthly churn is 3.1 percent; month-to-month customers with fiber plans churn the most.
Priya wants a churn score in the admin dashboard. Action: Lena to train a model on the churn
table and share precision at the top decile.

4. Design
Marco showed the new expense approval screen. Feedback: the approve button is too close to
reject; Marco will add a confirmation for rejections over 1,000 EUR.

Action items
- Jonas: fix JPY rounding, ship release on 2 December.
- Lena: ticket router prototype (4 December), churn model (11 December).
- Aiko: label 200 archived tickets by hand for the router's test set.
- Marco: confirmation dialog for large rejections.
Next meeting: 25 November, 10:00.
"""

SOP = """# SOP-014: Handling and disposal of biological samples (BSL-2)

## Scope

This procedure applies to all staff handling human tissue, blood and cell lines in the BSL-2
suite (rooms 3.12 to 3.16). Everyone must complete the biosafety training before their first
shift and refresh it every 12 months.

## Personal protective equipment

Wear a buttoned lab coat, nitrile gloves and safety glasses at all times in the suite. Change
gloves immediately after contact with a sample and never touch door handles or keyboards with
gloves on. Work that can create aerosols (vortexing open tubes, sonication, pipetting larger
volumes) must be done in the class II biosafety cabinet.

## Sample reception

Samples arrive in triple packaging. Open the outer package in the cabinet, check the sample
against the manifest and record the sample ID, time of arrival and condition in the LIMS within
one hour. Samples that arrive leaking or above 8 degrees Celsius are quarantined and the
principal investigator is informed the same day.

## Storage

RNA extracts are stored at -80 degrees Celsius in the freezers labelled F1 to F3; tissue blocks
at room temperature in cabinet C2. Every box carries the project code and the date. Freezer
alarms go to the on-call phone; if a freezer fails, move the boxes to the backup freezer F4
within 30 minutes.

## Spills

For a spill inside the cabinet, cover it with paper towels, pour 10 percent bleach over it, wait
20 minutes and wipe it up. For a spill outside the cabinet, leave the room for 30 minutes so
aerosols settle, then clean it the same way wearing a fresh set of PPE. Report every spill to the
biosafety officer on the incident form.

## Waste

Solid waste goes into the orange autoclave bags, which are autoclaved at 121 degrees Celsius for
60 minutes before disposal. Liquid waste is treated with bleach to a final concentration of
10 percent for at least 30 minutes. Sharps go into the yellow sharps bins, which are closed when
three quarters full.
"""

KB = [
    (
        "Resetting your password",
        "If you forgot your password, open the sign-in page and press Forgot password. Enter your work email and Tally sends a reset link that is valid for 30 minutes. If the email does not arrive within 5 minutes, check the spam folder and make sure your company does not block tally.example. Admins can also send a reset link from Settings > Members.",
    ),
    (
        "Setting up two-factor authentication",
        "Two-factor authentication protects your account with a code from an authenticator app. Go to Profile > Security, press Enable 2FA and scan the QR code with an app such as Google Authenticator. Save the ten backup codes somewhere safe: each works once if you lose your phone. Workspace owners can require 2FA for all members.",
    ),
    (
        "Why did my invoice not match a payment?",
        "Tally matches a payment to an invoice when the amount and the payment reference agree. Partial payments, payments without a reference and payments that combine several invoices land under Banking > Unmatched. Open the payment there and pick the invoices it pays; Tally remembers the customer's pattern for the next time.",
    ),
    (
        "Exporting data to your accountant",
        "Approved expenses and paid invoices are exported every night at 02:00 UTC to the connected accounting software (Xero, QuickBooks, DATEV). To export by hand, open Reports > Export, choose the period and the format (CSV or DATEV) and press Export. Exports older than 90 days can be downloaded again from the export history.",
    ),
    (
        "Changing your plan",
        "Owners change the plan under Settings > Billing. Upgrades take effect immediately and are charged pro rata for the rest of the billing period. Downgrades take effect at the end of the period; if the workspace has more users than the smaller plan allows, the owner has to remove users first.",
    ),
    (
        "Adding a receipt by email",
        "Every workspace has a receipts address like receipts+acme@tally.example. Forward a receipt email or send a photo as an attachment and Tally creates a draft expense for the sender. Attachments larger than 15 MB are rejected; PDF, JPG, PNG and HEIC files are supported.",
    ),
    (
        "Shipping times for hardware card readers",
        "Card readers ship from our warehouse in Rotterdam within two business days. Delivery takes 2 to 4 business days inside the EU and 5 to 8 days to the UK and Switzerland. A tracking number is emailed when the parcel leaves the warehouse. Damaged readers are replaced free of charge within 30 days.",
    ),
    (
        "Closing a workspace",
        "Only the owner can close a workspace, under Settings > General > Close workspace. Cancel the subscription first. After closing, the data is kept read-only for 12 months and then deleted for good. Download a full export before you close the workspace if you need the records for tax purposes.",
    ),
]


# ---------------------------------------------------------------- write
def main(out: Path) -> None:
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)

    reviews(rng).to_csv(out / "reviews.csv", index=False)

    archive = tickets(rng, 900, start=1)
    archive.to_csv(out / "tickets_archive.csv", index=False)
    fresh = tickets(rng, 400, start=2001)
    hand = fresh.sample(n=90, random_state=2).sort_values("ticket_id")[["ticket_id", "queue"]]
    hand.to_csv(out / "agent_labels.csv", index=False)
    fresh.drop(columns=["queue"]).to_csv(out / "tickets.csv", index=False)

    mails, gold = emails(rng)
    mails.to_csv(out / "emails.csv", index=False)
    gold.to_csv(out / "spam_gold.csv", index=False)

    table = churn(rng)
    train, rest = train_test_split(table, test_size=0.3, random_state=0, stratify=table["churned"])
    test, new = train_test_split(rest, test_size=0.3, random_state=0)
    train.to_csv(out / "churn_train.csv", index=False)
    test.to_csv(out / "churn_test.csv", index=False)
    new.drop(columns=["churned"]).to_csv(out / "churn_new_customers.csv", index=False)

    employees(rng).to_csv(out / "employees.csv", index=False)
    sensors(rng, 2000, 1).to_csv(out / "sensor_readings_line1.csv", index=False)
    sensors(rng, 2000, 2).to_csv(out / "sensor_readings_line2.csv", index=False)
    transactions(rng).to_csv(out / "transactions.csv", index=False)
    expression(rng).to_csv(out / "expression.csv", index=False)

    # wine: cultivar names, train/test split
    wine = skd.load_wine(as_frame=True)
    wf = wine.frame.rename(
        columns={"od280/od315_of_diluted_wines": "od280_od315", "target": "cultivar"}
    )
    wf["cultivar"] = wf["cultivar"].map({0: "barolo", 1: "grignolino", 2: "barbera"})
    wf.insert(0, "wine_id", range(1, len(wf) + 1))
    wtr, wte = train_test_split(wf, test_size=0.3, random_state=7, stratify=wf["cultivar"])
    wtr.to_csv(out / "wine_train.csv", index=False)
    wte.to_csv(out / "wine_test.csv", index=False)

    # iris: flowers.csv, plus a blind holdout (features) and its answers keyed by flower_id
    iris = skd.load_iris(as_frame=True)
    fl = iris.frame.copy()
    fl.columns = [
        "sepal_length_cm",
        "sepal_width_cm",
        "petal_length_cm",
        "petal_width_cm",
        "species",
    ]
    fl["species"] = fl["species"].map(dict(enumerate(iris.target_names)))
    fl.insert(0, "flower_id", [f"F{i:03d}" for i in range(len(fl))])
    fmain, fhold = train_test_split(fl, test_size=30, random_state=3, stratify=fl["species"])
    fmain.to_csv(out / "flowers.csv", index=False)
    fhold.drop(columns=["species"]).to_csv(out / "flowers_holdout_features.csv", index=False)
    fhold[["flower_id", "species"]].sample(frac=1, random_state=4).to_csv(
        out / "flowers_holdout_answers.csv", index=False
    )

    # digits: column `digit`, train/test
    dg = skd.load_digits(as_frame=True)
    df = dg.frame.rename(columns={"target": "digit"})
    df.columns = [c.replace("pixel_", "px_") for c in df.columns]
    df.insert(0, "image_id", range(len(df)))
    dtr, dte = train_test_split(df, test_size=0.25, random_state=11, stratify=df["digit"])
    dtr.to_csv(out / "digits_train.csv", index=False)
    dte.to_csv(out / "digits_test.csv", index=False)

    # breast cancer: a pool with only 60 hand labels in `diagnosis`, and a labelled test split
    bc = skd.load_breast_cancer(as_frame=True)
    bf = bc.frame.rename(columns={"target": "diagnosis"})
    bf.columns = [c.replace(" ", "_") for c in bf.columns]
    bf["diagnosis"] = bf["diagnosis"].map({0: "malignant", 1: "benign"})
    bf.insert(0, "biopsy_id", [f"B{i:04d}" for i in range(len(bf))])
    pool, btest = train_test_split(bf, test_size=0.3, random_state=5, stratify=bf["diagnosis"])
    pool = pool.copy()
    hide = pool.sample(n=len(pool) - 60, random_state=6).index
    pool.loc[hide, "diagnosis"] = None
    pool.to_csv(out / "biopsy_pool.csv", index=False)
    btest.to_csv(out / "biopsy_test.csv", index=False)

    # diabetes: a regression target (disease progression after one year)
    db = skd.load_diabetes(as_frame=True, scaled=False)
    dbf = db.frame.rename(
        columns={
            "target": "progression",
            "s1": "tc",
            "s2": "ldl",
            "s3": "hdl",
            "s4": "tch",
            "s5": "ltg",
            "s6": "glucose",
        }
    )
    dbf.insert(0, "patient_id", [f"P{i:03d}" for i in range(len(dbf))])
    dbf.to_csv(out / "patients_progression.csv", index=False)

    # documents
    (out / "docs" / "onboarding_guide.md").write_text(GUIDE, encoding="utf-8")
    (out / "docs" / "faq.md").write_text(FAQ, encoding="utf-8")
    (out / "docs" / "meeting_notes_2026-11-18.txt").write_text(NOTES, encoding="utf-8")
    (out / "docs" / "lab_safety_sop.md").write_text(SOP, encoding="utf-8")
    with open(out / "kb_articles.jsonl", "w", encoding="utf-8") as fh:
        for k, (title, body) in enumerate(KB):
            fh.write(
                json.dumps(
                    {
                        "article_id": 101 + k,
                        "title": title,
                        "body": body,
                        "updated": f"2026-0{1 + k % 9}-15",
                    }
                )
                + "\n"
            )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
