"""Write the fresh4 corpus's data files into DIR (python make_data.py DIR).

Deterministic (fixed seeds), offline, small. Everything is invented here:

- orders_train.csv / orders_test.csv / orders_new.csv: e-commerce orders with a `returned`
  flag (yes/no; orders_new has none). Delivery time is `dlv_days`, customer age in months is
  `cust_tenure_mo`; some `dlv_days`, `payment` and `cust_tenure_mo` cells are missing.
- return_reasons.csv: returned orders with the customer's comment and the `reason`.
- meter_readings.csv / meter_readings_feb.csv: half-hourly smart-meter reads; consumption is
  `imp_kwh` (imported kWh), the class is `usage_band` (low/normal/high); the January file has
  a few broken reads (dead or spiking voltage, impossible kWh); some temperatures are missing.
- boardgame_reviews.csv: 600 board-game reviews (`review_body`); `sentiment`
  (positive/negative) is filled in for 60 rows only.
- bg_handlabels.csv: 90 more hand labels for those reviews, keyed by `rev_id` (the reviews
  call it `review_id`).
- boardgame_reviews_test.csv: 150 other reviews, every one labeled.
- tickets.csv: 900 SaaS support tickets (`subject`, `body`); the routing team is `queue`
  (billing, bug, how_to, account_access, feature_request), filled in for about 15%.
- tickets_tagged.csv: 250 other tickets, every one with its queue.
- tickets_inbox.jsonl: 120 new tickets, no queue.
- docs/warranty_faq.md, docs/onboarding_manual.txt: two documents for QA generation.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

# ---------------------------------------------------------------- orders


def _orders(rng: np.random.Generator, n: int, start_id: int, with_label: bool) -> pd.DataFrame:
    cats = np.array(["apparel", "shoes", "electronics", "home", "beauty", "toys"])
    cat_p = [0.3, 0.15, 0.15, 0.2, 0.12, 0.08]
    cat_risk = {
        "apparel": 0.9,
        "shoes": 1.1,
        "electronics": 0.2,
        "home": -0.3,
        "beauty": -0.6,
        "toys": -0.2,
    }
    cat_price = {
        "apparel": 35,
        "shoes": 70,
        "electronics": 180,
        "home": 55,
        "beauty": 22,
        "toys": 28,
    }
    category = rng.choice(cats, size=n, p=cat_p)
    price = np.array([cat_price[c] for c in category]) * rng.lognormal(0, 0.45, n)
    qty = rng.choice([1, 1, 1, 1, 2, 2, 3, 4], size=n)
    discount = rng.choice([0, 0, 0, 5, 10, 15, 20, 30, 40], size=n).astype(float)
    dlv = np.clip(np.round(rng.gamma(2.2, 1.8, n)), 1, 21)
    tenure = np.round(rng.exponential(20, n))
    channel = rng.choice(["app", "web", "marketplace"], size=n, p=[0.45, 0.4, 0.15])
    payment = rng.choice(["card", "paypal", "cod", "klarna"], size=n, p=[0.5, 0.25, 0.1, 0.15])
    prior = rng.poisson(0.6, n)
    logit = (
        -2.4
        + np.array([cat_risk[c] for c in category])
        + 0.03 * discount
        + 0.12 * (dlv - 4)
        - 0.02 * tenure
        + 0.55 * prior
        + np.where(payment == "cod", 0.7, 0.0)
        + np.where(payment == "klarna", 0.4, 0.0)
        + np.where(channel == "marketplace", 0.35, 0.0)
        + 0.15 * (qty - 1)
    )
    p = 1 / (1 + np.exp(-logit))
    returned = np.where(rng.random(n) < p, "yes", "no")
    df = pd.DataFrame(
        {
            "order_id": [f"ORD-{start_id + i:06d}" for i in range(n)],
            "category": category,
            "unit_price": np.round(price, 2),
            "qty": qty,
            "discount_pct": discount,
            "dlv_days": dlv,
            "cust_tenure_mo": tenure,
            "channel": channel,
            "payment": payment,
            "prior_returns": prior,
        }
    )
    df.loc[rng.random(n) < 0.06, "dlv_days"] = np.nan
    df.loc[rng.random(n) < 0.03, "payment"] = None
    df.loc[rng.random(n) < 0.02, "cust_tenure_mo"] = np.nan
    if with_label:
        df["returned"] = returned
    return df


REASON_COMMENTS = {
    "damaged": [
        "box arrived crushed and the item inside was cracked",
        "there was a dent on the side and a scratch across the front",
        "broken on arrival, one part snapped off",
        "the glass was shattered when I opened the parcel",
        "packaging torn and the product was damaged",
    ],
    "wrong_size": [
        "too small, runs at least a size under",
        "way too big even though I ordered my usual size",
        "the fit was off, sleeves too long",
        "size chart was misleading, did not fit",
        "tight around the toes, need half a size up",
    ],
    "not_as_described": [
        "colour looks nothing like the photos",
        "material feels cheap, not the leather described",
        "listing said stainless steel but it is plastic",
        "features in the description are missing",
        "it is a different model from the one advertised",
    ],
    "changed_mind": [
        "found it cheaper elsewhere",
        "no longer need it, ordered by mistake",
        "changed my mind after ordering",
        "bought a different one in store instead",
        "gift was not wanted, returning unused",
    ],
    "arrived_late": [
        "arrived two weeks after the event I needed it for",
        "delivery took far too long, no longer needed",
        "courier kept postponing, came too late",
        "missed the birthday, parcel was late",
        "shipping delay meant I had already bought another",
    ],
}
FILLERS = [
    "",
    "",
    "please refund.",
    "would like my money back.",
    "disappointed.",
    "first time this happens.",
    "otherwise good shop.",
    "sent it back today.",
]


def _return_reasons(rng: np.random.Generator, n: int) -> pd.DataFrame:
    reasons = list(REASON_COMMENTS)
    chosen = rng.choice(reasons, size=n, p=[0.2, 0.3, 0.2, 0.18, 0.12])
    comments = []
    for r in chosen:
        text = str(rng.choice(REASON_COMMENTS[r]))
        if rng.random() < 0.15:  # noise: a phrase from another reason
            other = str(rng.choice(reasons))
            text += " and " + str(rng.choice(REASON_COMMENTS[other]))
        filler = str(rng.choice(FILLERS))
        comments.append((text + (". " + filler if filler else "")).strip().capitalize())
    refund = np.round(rng.lognormal(3.6, 0.6, n), 2)
    df = pd.DataFrame(
        {
            "order_id": [f"ORD-{800000 + i:06d}" for i in range(n)],
            "days_after_delivery": rng.integers(0, 30, n),
            "customer_comment": comments,
            "refund_amount": refund,
            "reason": chosen,
        }
    )
    df.loc[rng.random(n) < 0.05, "refund_amount"] = np.nan
    return df


# ---------------------------------------------------------------- smart meters


def _meter(
    rng: np.random.Generator, n: int, start_id: int, month: int, anomalies: int
) -> pd.DataFrame:
    meters = [f"MTR-{k:04d}" for k in range(1, 41)]
    meter_occ = {m: int(rng.integers(1, 7)) for m in meters}
    meter_ev = {m: ("yes" if rng.random() < 0.25 else "no") for m in meters}
    meter_heat = {
        m: str(rng.choice(["gas", "heat_pump", "electric"], p=[0.55, 0.3, 0.15])) for m in meters
    }
    meter = rng.choice(meters, size=n)
    day = rng.integers(1, 29, n)
    hour = rng.integers(0, 24, n)
    minute = rng.choice([0, 30], size=n)
    weekday = (
        pd.to_datetime([f"2026-{month:02d}-{d:02d}" for d in day]).day_name().str[:3].to_numpy()
    )
    temp = np.round(
        rng.normal(3.5 if month == 1 else 5.0, 4.5, n) - 2 * np.cos(hour / 24 * 6.28), 1
    )
    occ = np.array([meter_occ[m] for m in meter])
    ev = np.array([meter_ev[m] for m in meter])
    heat = np.array([meter_heat[m] for m in meter])
    evening = ((hour >= 17) & (hour <= 21)).astype(float)
    night = ((hour >= 0) & (hour <= 5)).astype(float)
    kwh = (
        0.08
        + 0.05 * occ
        + 0.18 * evening
        + np.where(heat == "electric", 0.06 * np.clip(15 - temp, 0, None), 0.0)
        + np.where(heat == "heat_pump", 0.025 * np.clip(15 - temp, 0, None), 0.0)
        + np.where((ev == "yes") & (night > 0), rng.uniform(0.8, 3.2, n), 0.0)
        + rng.gamma(1.5, 0.05, n)
    )
    score = np.log(kwh) + rng.normal(0, 0.25, n)
    band = np.where(
        score < np.quantile(score, 0.35),
        "low",
        np.where(score < np.quantile(score, 0.8), "normal", "high"),
    )
    volt = np.round(rng.normal(231, 2.5, n), 1)
    df = pd.DataFrame(
        {
            "reading_id": np.arange(start_id, start_id + n),
            "meter_id": meter,
            "read_at": [
                f"2026-{month:02d}-{d:02d} {h:02d}:{mi:02d}"
                for d, h, mi in zip(day, hour, minute, strict=False)
            ],
            "hour": hour,
            "weekday": weekday,
            "outdoor_temp_c": temp,
            "occupants": occ,
            "ev_charger": ev,
            "heating": heat,
            "imp_kwh": np.round(kwh, 3),
            "voltage": volt,
            "usage_band": band,
        }
    )
    df.loc[rng.random(n) < 0.04, "outdoor_temp_c"] = np.nan
    if anomalies:
        rows = rng.choice(n, size=anomalies, replace=False)
        for k, r in enumerate(rows):
            kind = k % 5
            if kind == 0:
                df.loc[r, "imp_kwh"] = round(float(rng.uniform(25, 60)), 3)
            elif kind == 1:
                df.loc[r, "voltage"] = 0.0
            elif kind == 2:
                df.loc[r, "imp_kwh"] = round(float(-rng.uniform(1, 5)), 3)
            elif kind == 3:
                df.loc[r, "voltage"] = round(float(rng.uniform(285, 310)), 1)
            else:
                df.loc[r, "outdoor_temp_c"] = round(float(rng.uniform(48, 60)), 1)
                df.loc[r, "imp_kwh"] = round(float(rng.uniform(12, 20)), 3)
    return df


# ---------------------------------------------------------------- board-game reviews

GAMES = [
    "Harbor Lights",
    "Copper & Coal",
    "Moonfall Keep",
    "Tidepool Tactics",
    "Saffron Road",
    "Glacier Drift",
    "Clockwork Orchard",
    "Nine Lanterns",
    "Dustbowl Derby",
    "Fjord Traders",
    "Velvet Heist",
    "Quarry Kings",
]
POS = [
    "an absolute masterpiece of a design",
    "it hits the table every single week",
    "the components are gorgeous and sturdy",
    "turns are quick and there is almost no downtime",
    "replayability is through the roof",
    "my group begged to play it again",
    "the rulebook is clear and well organised",
    "easily a keeper in my collection",
    "elegant engine building that rewards planning",
    "solo mode is brilliant",
    "teaching it took ten minutes and everyone loved it",
    "the art is stunning",
    "tense and clever until the final round",
]
NEG = [
    "the rulebook is a confusing mess",
    "far too fiddly with endless upkeep",
    "it overstays its welcome by an hour",
    "runaway leader problem ruins the ending",
    "the cards warped after two plays",
    "boring and repetitive after the first game",
    "analysis paralysis killed the evening",
    "overpriced for what is in the box",
    "it went straight to the trade pile",
    "player elimination left two of us bored",
    "way too much luck for the length",
    "the insert is useless and pieces go everywhere",
    "cheap cardboard and faded colours",
]
NEUTRAL = [
    "we played it with four players",
    "a typical game took us about ninety minutes",
    "it is a worker placement game with some dice",
    "I bought it after watching a playthrough",
    "my copy is the second printing",
    "we tried the expansion as well",
    "setup takes a while",
    "there is a cooperative variant in the back of the book",
]


def _reviews(rng: np.random.Generator, n: int, start_id: int) -> pd.DataFrame:
    sent = np.where(rng.random(n) < 0.58, "positive", "negative")
    bodies = []
    for s in sent:
        own = POS if s == "positive" else NEG
        other = NEG if s == "positive" else POS
        parts = list(rng.choice(own, size=int(rng.integers(1, 3)), replace=False))
        parts += list(rng.choice(NEUTRAL, size=int(rng.integers(1, 3)), replace=False))
        if rng.random() < 0.2:
            parts.append("although " + str(rng.choice(other)))
        rng.shuffle(parts)
        bodies.append(". ".join(p[0].upper() + p[1:] for p in parts) + ".")
    players = rng.choice(["1-4", "2-4", "2-5", "3-6", "2-2", "1-5"], size=n)
    time = rng.choice([30, 45, 60, 90, 120, 180], size=n)
    return pd.DataFrame(
        {
            "review_id": np.arange(start_id, start_id + n),
            "game": rng.choice(GAMES, size=n),
            "players": players,
            "play_time_min": time,
            "review_body": bodies,
            "sentiment": sent,
        }
    )


# ---------------------------------------------------------------- support tickets

TICKET_TEXT = {
    "billing": (
        [
            "Charged twice this month",
            "Invoice shows wrong amount",
            "Refund for annual plan",
            "VAT number missing on invoice",
            "Card declined on renewal",
        ],
        [
            "we were billed twice for the same seat count",
            "the invoice total does not match the quote we signed",
            "please refund the unused months after we downgraded",
            "our finance team needs the VAT id printed on every invoice",
            "the renewal charge failed and now the workspace shows a payment warning",
            "can you switch us from monthly to yearly billing and prorate it",
        ],
    ),
    "bug": (
        [
            "Export crashes",
            "Dashboard blank after update",
            "Error 500 when saving",
            "Sync stopped working",
            "Charts show wrong dates",
        ],
        [
            "the csv export spins forever and then throws an error",
            "since the last release the dashboard loads as a blank page in Chrome",
            "saving a report returns error 500 every time",
            "the calendar sync stopped pulling events yesterday",
            "timestamps on the charts are shifted by one day",
            "the app freezes when I drag a widget",
        ],
    ),
    "how_to": (
        [
            "How do I add a teammate?",
            "Question about filters",
            "Where is the API key?",
            "Setting up recurring reports",
            "Custom fields help",
        ],
        [
            "how can I invite a colleague to our workspace",
            "is there a way to filter the report by region",
            "where do I find the API key in settings",
            "I would like a report emailed every Monday, how do I set that up",
            "what is the best way to create a custom field for projects",
            "can you explain how permissions work for guests",
        ],
    ),
    "account_access": (
        [
            "Locked out",
            "2FA device lost",
            "Password reset email never arrives",
            "SSO login loop",
            "Cannot log in",
        ],
        [
            "I am locked out after too many attempts",
            "I lost the phone with my two factor codes",
            "the password reset email never arrives in my inbox",
            "single sign-on keeps redirecting back to the login page",
            "my login says the account is deactivated",
            "please unlock the admin account for our owner who left",
        ],
    ),
    "feature_request": (
        [
            "Dark mode please",
            "Suggestion: Gantt view",
            "Would love a Slack integration",
            "Idea for bulk edit",
            "Feature request: audit log",
        ],
        [
            "it would be great to have a dark mode",
            "please consider adding a gantt timeline view",
            "a slack integration would save us a lot of time",
            "we would love to bulk edit tasks",
            "an audit log export is a must for our compliance team",
            "could you add more chart types in a future release",
        ],
    ),
}
GREET = ["Hi team,", "Hello,", "Hey support,", "Good morning,", "", ""]
SIGN = ["Thanks!", "Regards, Sam", "Cheers", "Thank you in advance.", "", "Best, Priya"]


def _tickets(rng: np.random.Generator, n: int, prefix: str, start: int) -> pd.DataFrame:
    queues = list(TICKET_TEXT)
    chosen = rng.choice(queues, size=n, p=[0.24, 0.26, 0.22, 0.14, 0.14])
    subjects, bodies = [], []
    for q in chosen:
        subs, sentences = TICKET_TEXT[q]
        subject = str(rng.choice(subs))
        picked = list(rng.choice(sentences, size=int(rng.integers(1, 3)), replace=False))
        if rng.random() < 0.12:  # noise from another queue
            other = str(rng.choice(queues))
            picked.append(str(rng.choice(TICKET_TEXT[other][1])))
        body = " ".join(
            x
            for x in [
                str(rng.choice(GREET)),
                ". ".join(p.capitalize() for p in picked) + ".",
                str(rng.choice(SIGN)),
            ]
            if x
        )
        subjects.append(subject)
        bodies.append(body)
    days = rng.integers(0, 90, n)
    opened = (pd.Timestamp("2026-08-01") + pd.to_timedelta(days, unit="D")).strftime("%Y-%m-%d")
    return pd.DataFrame(
        {
            "ticket_id": [f"{prefix}-{start + i}" for i in range(n)],
            "opened_on": opened,
            "plan": rng.choice(["free", "pro", "enterprise"], size=n, p=[0.4, 0.45, 0.15]),
            "subject": subjects,
            "body": bodies,
            "queue": chosen,
        }
    )


# ---------------------------------------------------------------- documents

WARRANTY_FAQ = """# Brightline Home Appliances: Warranty FAQ

This page answers the questions our customers ask most often about the Brightline limited
warranty. It covers kettles, toasters, blenders and the Brightline Aero air fryer.

## What does the warranty cover?

The Brightline limited warranty is a promise that your appliance will be free from defects in
materials and workmanship for the warranty period. A defect is a fault that was present when the
appliance left the factory, such as a heating element that stops working or a switch that breaks
under normal use. The warranty covers repair or replacement of the faulty appliance at no cost
to you.

The warranty does not cover damage caused by accidents, misuse, limescale build-up, commercial
use or repairs made by anyone other than an authorised Brightline service centre. Cosmetic wear
such as scratches and faded paint is not covered either.

## How long is the warranty period?

Kettles, toasters and blenders have a warranty period of 2 years from the date of purchase. The
Brightline Aero air fryer has a warranty period of 3 years. If you register your appliance
online within 30 days of purchase, the warranty period is extended by 12 months.

## What do I need to make a claim?

To make a claim you need proof of purchase, the model number and the serial number. The model
number and the serial number are printed on the rating label under the base of the appliance.
A proof of purchase is a receipt or an order confirmation that shows the date and the retailer.

If you cannot find your receipt, contact the retailer first, because most retailers can reprint
an order confirmation.

## How do I start a claim?

Claims are started through the support portal at support.brightline.example or by phone on
0800 555 0142. A support agent will ask you to describe the fault and may ask for a short video.
When the fault is confirmed, you receive a prepaid shipping label within 2 working days.

## Repair or replacement?

Brightline decides whether a faulty appliance is repaired or replaced. A repair is usually
completed within 10 working days after the appliance reaches the service centre. If the same
fault appears three times within the warranty period, the appliance is replaced with a new one.
A replacement appliance is covered for the rest of the original warranty period or for 6
months, whichever is longer.

## Does the warranty transfer to a new owner?

Yes. The warranty belongs to the appliance, not to the buyer, so it transfers to a new owner
for the remainder of the warranty period. The new owner needs the original proof of purchase.

## Refunds

Brightline does not give cash refunds under the warranty. Refunds within 30 days of purchase are
handled by the retailer under its own returns policy.
"""

ONBOARDING_MANUAL = """Northwind Analytics: New Hire Onboarding Manual
===============================================

Welcome to Northwind Analytics. This manual explains how your first month works, which tools you
will use and who to ask for help. Read it before your first day and keep it at hand.

Your first week
---------------

Your first day starts at 9:30 in the Lisbon office or on a video call for remote staff. Your
manager meets you, introduces your onboarding buddy and walks you through the team's goals. An
onboarding buddy is an experienced colleague from another team who answers everyday questions
during your first 90 days.

On your first day the IT desk hands you a laptop and a hardware security key. The security key
is required to sign in to every internal system. If you lose your security key, report it to
the IT desk within 24 hours, because the key is blocked only after a report.

During the first week you complete four mandatory courses: information security, data
protection, the code of conduct and health and safety. Each course takes about 45 minutes and
ends with a short quiz.

Tools and access
----------------

Northwind uses Relay for chat, Ledgerly for expenses and Atlas for project tracking. Access to
Relay and Atlas is granted on the first day. Access to Ledgerly is granted after your manager
approves your cost centre, which usually takes 3 working days.

Production databases are never accessed directly. Analysts query the warehouse through the
Harbor notebook service, which records every query for audit purposes. Access to customer data
requires the data protection course and a signed confidentiality agreement.

Working hours and leave
-----------------------

Core hours are 10:00 to 16:00, when everyone is expected to be reachable. Outside core hours
you organise your time with your team. Full-time employees receive 25 days of paid leave per
year plus public holidays. Leave is requested in the HR portal at least two weeks in advance
for absences longer than three days.

If you are ill, tell your manager before 10:00 and record the sick day in the HR portal. A
doctor's note is required when an illness lasts longer than three days.

Probation and reviews
---------------------

The probation period lasts 6 months. At the end of the first, third and sixth month you have a
check-in with your manager. A check-in is a 30-minute conversation about your progress, your
goals for the next period and any support you need. After probation, performance reviews take
place twice a year, in March and in September.

Expenses and travel
-------------------

Business travel is booked through the travel desk, never privately. Expenses are submitted in
Ledgerly within 30 days together with a photo of the receipt. Meals during business travel are
reimbursed up to 45 euros per day. If an expense is submitted late, it is reimbursed only after
approval by the finance team.

Getting help
------------

Questions about pay and contracts go to HR at people@northwind.example. Technical problems go
to the IT desk through the Relay channel #it-help. Everything else starts with your onboarding
buddy, who knows who to ask.
"""


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20261201)

    _orders(rng, 1200, 100001, True).to_csv(out / "orders_train.csv", index=False)
    _orders(rng, 400, 200001, True).to_csv(out / "orders_test.csv", index=False)
    _orders(rng, 200, 300001, False).to_csv(out / "orders_new.csv", index=False)
    _return_reasons(rng, 380).to_csv(out / "return_reasons.csv", index=False)

    _meter(rng, 1400, 1, 1, 15).to_csv(out / "meter_readings.csv", index=False)
    _meter(rng, 300, 5001, 2, 0).to_csv(out / "meter_readings_feb.csv", index=False)

    reviews = _reviews(rng, 600, 1001)
    order = rng.permutation(len(reviews))
    seed_rows, gold_rows = order[:60], order[60:150]
    gold = pd.DataFrame(
        {
            "rev_id": reviews.loc[gold_rows, "review_id"].to_numpy(),
            "sentiment": reviews.loc[gold_rows, "sentiment"].to_numpy(),
        }
    ).sort_values("rev_id")
    keep = np.zeros(len(reviews), dtype=bool)
    keep[seed_rows] = True
    reviews["sentiment"] = reviews["sentiment"].where(keep, None)
    reviews.to_csv(out / "boardgame_reviews.csv", index=False)
    gold.to_csv(out / "bg_handlabels.csv", index=False)
    _reviews(rng, 150, 5001).to_csv(out / "boardgame_reviews_test.csv", index=False)

    tickets = _tickets(rng, 900, "T", 10001)
    tickets["queue"] = tickets["queue"].where(rng.random(len(tickets)) < 0.15, None)
    tickets.to_csv(out / "tickets.csv", index=False)
    _tickets(rng, 250, "T", 20001).to_csv(out / "tickets_tagged.csv", index=False)
    inbox = _tickets(rng, 120, "T", 30001).drop(columns=["queue"])
    with open(out / "tickets_inbox.jsonl", "w", encoding="utf-8") as fh:
        for row in inbox.to_dict(orient="records"):
            fh.write(json.dumps(row) + "\n")

    docs = out / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "warranty_faq.md").write_text(WARRANTY_FAQ, encoding="utf-8")
    (docs / "onboarding_manual.txt").write_text(ONBOARDING_MANUAL, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
