"""Write the fresh28 corpus's files into a folder: `python make_data.py DIR`.

Four groups of people and their own files (invented, deterministic, offline):
a nursing home, a flower shop, a railway ticket office and an IT security team.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

RNG_SEED = 28


def _blank_most(values: pd.Series, keep: float, rng: np.random.Generator) -> pd.Series:
    """Keep a share of the labels (a person labelled only some rows), blank the rest."""
    mask = rng.random(len(values)) < keep
    return values.where(mask, "")


# ----- nursing home ---------------------------------------------------------------------------
CONCERN_PHRASES = {
    "pain": [
        "complained of pain in left hip during transfer, paracetamol given as prescribed",
        "grimacing when turned, says her back is sore again, GP informed",
        "reports knee pain walking to the lounge, refused the frame at first",
        "pain score 6/10 this morning, PRN analgesia offered and accepted",
        "wincing when dressing, says shoulder hurts since yesterday",
    ],
    "nutrition": [
        "ate less than a quarter of lunch, fluids encouraged, food chart started",
        "refused breakfast and supper, weight down 1.8 kg since last month",
        "poor appetite, only had soup, fortified drink offered",
        "struggling to swallow bread, SALT referral discussed with nurse in charge",
        "fluid intake low today (600 ml), prompted every hour",
    ],
    "mood": [
        "tearful after phone call with daughter, sat with her for twenty minutes",
        "agitated in the evening, shouting for his wife, calmed with music",
        "withdrawn and would not join the activity, says she feels low",
        "very anxious about the move to room 14, reassured several times",
        "restless and confused at night, trying to leave the unit",
    ],
    "skin": [
        "redness noted on sacrum, repositioned two hourly, barrier cream applied",
        "small skin tear on right forearm, dressing applied, incident form done",
        "grade 2 pressure area on heel, tissue viability nurse contacted",
        "bruising on shins checked, no new marks, moisturiser applied",
        "dry flaky skin on both legs, emollient applied after wash",
    ],
    "none": [
        "settled night, slept well, no concerns",
        "enjoyed the bingo session and chatted with staff, good day",
        "personal care given, independent with washing face, no issues",
        "visited by son in the afternoon, in good spirits",
        "took medication without problems, walked to dining room with frame",
    ],
}


def nursing_home(out: Path, rng: np.random.Generator) -> None:
    residents = [f"R{n:03d}" for n in range(101, 161)]
    rows = []
    for i in range(520):
        concern = rng.choice(list(CONCERN_PHRASES), p=[0.2, 0.18, 0.2, 0.14, 0.28])
        text = str(rng.choice(CONCERN_PHRASES[concern]))
        if rng.random() < 0.3:
            text = text.capitalize() + ". " + str(rng.choice(CONCERN_PHRASES["none"]))
        escalated = "yes" if concern in ("skin", "pain") and rng.random() < 0.5 else "no"
        rows.append(
            {
                "note_id": f"CN-{5000 + i}",
                "resident_id": str(rng.choice(residents)),
                "date": str(
                    pd.Timestamp("2026-09-01") + pd.Timedelta(days=int(rng.integers(0, 90)))
                ),
                "shift": str(rng.choice(["early", "late", "night"])),
                "author_role": str(rng.choice(["carer", "senior carer", "nurse", "agency carer"])),
                "note_text": text,
                "concern": concern,
                "escalated": escalated,
            }
        )
    notes = pd.DataFrame(rows)
    notes["date"] = notes["date"].str[:10]
    gold = notes.loc[rng.random(len(notes)) < 0.12, ["note_id", "concern"]]
    notes["concern"] = _blank_most(notes["concern"], 0.15, rng)
    notes["escalated"] = _blank_most(notes["escalated"], 0.4, rng)
    notes.to_csv(out / "care_notes.csv", index=False)
    gold.rename(columns={"concern": "reviewed_concern"}).to_csv(
        out / "care_notes_reviewed.csv", index=False
    )

    # falls: one row per fall, two outcomes
    n = 420
    age = rng.integers(68, 101, n)
    mobility = rng.integers(1, 6, n)  # 1 = bedbound .. 5 = independent
    meds = rng.integers(2, 16, n)
    sedative = rng.random(n) < 0.35
    hour = rng.integers(0, 24, n)
    night = (hour < 7) | (hour >= 22)
    location = rng.choice(["bedroom", "bathroom", "corridor", "lounge", "dining room"], n)
    risk = (
        -3.0
        + 0.04 * (age - 80)
        + 0.12 * meds
        + 0.9 * sedative
        + 0.6 * night
        + 0.5 * (location == "bathroom")
        - 0.25 * mobility
    )
    injury = rng.random(n) < 1 / (1 + np.exp(-risk))
    transfer = injury & (rng.random(n) < 0.45)
    falls = pd.DataFrame(
        {
            "fall_id": [f"F{2300 + i}" for i in range(n)],
            "resident_id": rng.choice(residents, n),
            "wing": rng.choice(["Oak", "Birch", "Willow"], n),
            "age": age,
            "mobility_score": mobility,
            "medications": meds,
            "on_sedative": np.where(sedative, "yes", "no"),
            "hour": hour,
            "location": location,
            "call_bell_in_reach": np.where(rng.random(n) < 0.8, "yes", "no"),
            "witnessed": np.where(rng.random(n) < 0.3, "yes", "no"),
            "injury": np.where(injury, "yes", "no"),
            "hospital_transfer": np.where(transfer, "yes", "no"),
        }
    )
    falls.iloc[:340].to_csv(out / "falls.csv", index=False)
    test = falls.iloc[340:].drop(columns=["hospital_transfer"])
    test.to_csv(out / "falls_q4.csv", index=False)
    new = falls.iloc[360:].drop(columns=["injury", "hospital_transfer"]).copy()
    new["fall_id"] = [f"F{3000 + i}" for i in range(len(new))]
    new.to_csv(out / "falls_new.csv", index=False)

    # staff rota with a few impossible shifts
    staff = [f"S{n:02d}" for n in range(1, 46)]
    m = 900
    hours = rng.choice([7.5, 8.0, 10.0, 12.0], m, p=[0.4, 0.3, 0.1, 0.2])
    rota = pd.DataFrame(
        {
            "rota_line": range(1, m + 1),
            "staff_id": rng.choice(staff, m),
            "role": rng.choice(["carer", "senior carer", "nurse", "cook", "domestic"], m),
            "week": rng.integers(36, 49, m),
            "day": rng.choice(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], m),
            "shift": rng.choice(["early", "late", "night", "long day"], m),
            "wing": rng.choice(["Oak", "Birch", "Willow"], m),
            "hours": hours,
            "overtime_hours": np.round(rng.exponential(0.6, m), 1),
            "agency": np.where(rng.random(m) < 0.12, "yes", "no"),
        }
    )
    odd = rng.choice(m, 9, replace=False)
    rota.loc[odd[:4], "hours"] = [23.5, 19.0, 26.0, 0.5]
    rota.loc[odd[4:7], "overtime_hours"] = [14.0, 11.5, 16.0]
    rota.loc[odd[7:], "role"] = "cook"
    rota.loc[odd[7:], "shift"] = "night"
    rota.to_csv(out / "staff_rota.csv", index=False)


# ----- flower shop ----------------------------------------------------------------------------
MESSAGES = {
    "complaint": [
        "the roses arrived wilted and half the heads were brown, not happy at all",
        "bouquet looked nothing like the photo on your website, very disappointed",
        "driver left the flowers on the doorstep in the rain, they were ruined",
        "I paid for next day and they came three days late for the funeral",
        "lilies were already dropping petals when they came, for 45 pounds!",
    ],
    "order_change": [
        "can I change the delivery address to my mum's house please, order 8812",
        "please swap the card message to Happy Anniversary instead of birthday",
        "could you move my delivery from Friday to Saturday morning",
        "I'd like to add a vase and chocolates to my order if not too late",
        "please cancel the second bouquet on my order, only need one",
    ],
    "delivery_query": [
        "where is my order? it said out for delivery this morning",
        "do you deliver to the hospital on Station Road and what time",
        "has the wedding order for Saturday been confirmed, we have not heard",
        "what time will the flowers get there, she leaves work at 4",
        "tracking link is not working, can you tell me if it was delivered",
    ],
    "praise": [
        "absolutely gorgeous arrangement, my wife cried, thank you so much",
        "the sympathy wreath was beautiful and arrived on time, thank you",
        "best florist in town, the peonies lasted nearly two weeks",
        "lovely service on the phone and the bouquet was stunning",
        "thank you for squeezing in my last minute order, it was perfect",
    ],
}


def flower_shop(out: Path, rng: np.random.Generator) -> None:
    rows = []
    for i in range(460):
        topic = str(rng.choice(list(MESSAGES), p=[0.3, 0.25, 0.3, 0.15]))
        text = str(rng.choice(MESSAGES[topic]))
        if rng.random() < 0.25:
            text = text.upper() if topic == "complaint" else text + " x"
        sentiment = {"complaint": "negative", "praise": "positive"}.get(topic, "neutral")
        rows.append(
            {
                "msg_id": 70000 + i,
                "received": str(pd.Timestamp("2026-10-01") + pd.Timedelta(hours=int(i * 3.7))),
                "channel": str(rng.choice(["email", "website form", "instagram", "phone note"])),
                "customer_name": str(
                    rng.choice(["J. Patel", "Mrs Owen", "Tom B", "K. Nowak", "Ade", "Sue", "anon"])
                ),
                "message": text,
                "topic": topic,
                "sentiment": sentiment,
            }
        )
    msgs = pd.DataFrame(rows)
    msgs["topic"] = _blank_most(msgs["topic"], 0.14, rng)
    msgs["sentiment"] = _blank_most(msgs["sentiment"], 0.2, rng)
    msgs.to_csv(out / "customer_messages.csv", index=False)

    # orders: was it delivered late?
    n = 600
    zone = rng.choice(["town centre", "north", "south", "villages", "out of area"], n)
    stems = rng.integers(5, 61, n)
    occasion = rng.choice(["birthday", "anniversary", "funeral", "wedding", "just because"], n)
    channel = rng.choice(["shop", "phone", "website", "marketplace app"], n)
    lead_days = rng.integers(0, 15, n)
    busy = rng.random(n) < 0.2  # valentines / mothers day week
    logit = (
        -2.2
        + 1.2 * (zone == "villages")
        + 1.8 * (zone == "out of area")
        + 1.0 * busy
        - 0.15 * lead_days
        + 0.6 * (channel == "marketplace app")
    )
    late = rng.random(n) < 1 / (1 + np.exp(-logit))
    orders = pd.DataFrame(
        {
            "order_id": [f"ORD-{8000 + i}" for i in range(n)],
            "order_date": pd.date_range("2026-01-05", periods=n, freq="13h").strftime("%Y-%m-%d"),
            "product": rng.choice(
                ["hand-tied bouquet", "rose box", "wreath", "bridal bouquet", "plant pot"], n
            ),
            "stems": stems,
            "price_gbp": np.round(stems * rng.uniform(1.4, 3.2, n) + 8, 2),
            "occasion": occasion,
            "channel": channel,
            "delivery_zone": zone,
            "lead_days": lead_days,
            "peak_week": np.where(busy, "yes", "no"),
            "late": np.where(late, "late", "on time"),
        }
    )
    orders.iloc[:480].to_csv(out / "orders.csv", index=False)
    orders.iloc[480:].to_csv(out / "orders_test.csv", index=False)
    upcoming = orders.iloc[480:560].drop(columns=["late"]).copy()
    upcoming["order_id"] = [f"ORD-{9500 + i}" for i in range(len(upcoming))]
    upcoming["order_date"] = rng.choice(
        pd.date_range("2026-12-07", periods=7).strftime("%Y-%m-%d"), 80
    )
    upcoming.to_csv(out / "orders_next_week.csv", index=False)

    # weekly wastage per flower, as the till system exports it (jsonl)
    flowers = ["red rose", "white lily", "tulip", "chrysanthemum", "peony", "gerbera", "eucalyptus"]
    recs = []
    for week in range(1, 41):
        for f in flowers:
            bought = int(rng.integers(60, 400))
            binned = int(bought * rng.beta(2, 12))
            recs.append(
                {
                    "week": week,
                    "flower": f,
                    "supplier": "Dutch auction" if f in ("tulip", "peony") else "Kent grower",
                    "stems_bought": bought,
                    "stems_sold": bought - binned - int(rng.integers(0, 10)),
                    "stems_binned": binned,
                    "cooler_temp_c": round(float(rng.normal(4.0, 0.6)), 1),
                }
            )
    waste = pd.DataFrame(recs)
    bad = rng.choice(len(waste), 6, replace=False)
    waste.loc[bad[:3], "stems_binned"] = waste.loc[bad[:3], "stems_bought"] - 2
    waste.loc[bad[3:], "cooler_temp_c"] = [13.5, 11.2, -3.0]
    waste.to_json(out / "wastage.jsonl", orient="records", lines=True)


# ----- railway ticket office ------------------------------------------------------------------
COMPLAINTS = {
    "delay": [
        "the 07:42 was cancelled again and no announcement was made on the platform",
        "train held outside the station for forty minutes, missed my connection",
        "third delay this week on the coast line, I will be late for work",
        "replacement bus came an hour late and the driver did not know the route",
    ],
    "staff": [
        "the man at window 2 was rude and told me to read the board myself",
        "guard refused to help my mother with her suitcase",
        "ticket inspector shouted at a teenager in front of everyone",
        "staff at the barrier ignored me when I asked for help with the lift",
    ],
    "ticket_machine": [
        "ticket machine ate my card and gave no ticket",
        "the machine on platform 1 charged me twice for one single",
        "could not buy a railcard discount at the machine, screen froze",
        "machine only takes cash and I was fined for not having a ticket",
    ],
    "facilities": [
        "toilets at the station were locked all afternoon",
        "no seats in the waiting room and the heating was off",
        "the lift to platform 3 has been broken for two weeks",
        "bins overflowing and the shelter roof leaks",
    ],
}


def railway(out: Path, rng: np.random.Generator) -> None:
    rows = []
    for i in range(380):
        cat = str(rng.choice(list(COMPLAINTS)))
        text = str(rng.choice(COMPLAINTS[cat]))
        if rng.random() < 0.3:
            text += ". " + str(rng.choice(["Disgraceful.", "Please reply.", "Not good enough", ""]))
        rows.append(
            {
                "complaint_id": f"C{26000 + i}",
                "date": (pd.Timestamp("2026-06-01") + pd.Timedelta(days=int(i // 4))).strftime(
                    "%Y-%m-%d"
                ),
                "station": str(rng.choice(["Central", "Northgate", "Harbour", "Millbrook"])),
                "text": text,
                "category": cat,
            }
        )
    comp = pd.DataFrame(rows)
    handlabels = comp.sample(60, random_state=3)[["complaint_id", "category"]]
    comp = comp.drop(columns=["category"])
    comp.to_csv(out / "complaints.csv", index=False)
    rules = [
        {"name": "late_words", "label": "delay", "kind": "keyword", "column": "text",
         "keywords": ["cancelled", "delay", "late", "held"]},
        {"name": "rude_staff", "label": "staff", "kind": "keyword", "column": "text",
         "keywords": ["rude", "guard", "inspector", "staff"]},
        {"name": "machine", "label": "ticket_machine", "kind": "keyword", "column": "text",
         "keywords": ["machine"]},
        {"name": "station_kit", "label": "facilities", "kind": "regex", "column": "text",
         "pattern": "toilet|lift|waiting room|bins|shelter|heating"},
    ]  # fmt: skip
    (out / "complaint_rules.json").write_text(json.dumps(rules, indent=2), encoding="utf-8")
    handlabels.to_csv(out / "complaints_handlabels.csv", index=False)

    # refund requests: decision partly filled
    n = 500
    ticket_type = rng.choice(["anytime single", "off-peak return", "advance", "season", "flexi"], n)
    days = rng.integers(-5, 30, n)  # negative = asked after travel date
    amount = np.round(rng.gamma(2.5, 18, n), 2)
    reasons = [
        "train cancelled so did not travel",
        "bought wrong date by mistake",
        "illness, could not travel, doctor note attached",
        "delay over one hour, delay repay claim",
        "changed my plans",
        "charged twice at the machine",
    ]
    reason = rng.choice(reasons, n)
    ok = (
        (reason == "train cancelled so did not travel")
        | (reason == "delay over one hour, delay repay claim")
        | (reason == "charged twice at the machine")
        | ((ticket_type != "advance") & (days > 0))
    )
    ok = np.where(rng.random(n) < 0.08, ~ok, ok)
    refunds = pd.DataFrame(
        {
            "request_id": [f"RR{4100 + i}" for i in range(n)],
            "ticket_type": ticket_type,
            "days_before_travel": days,
            "amount_gbp": amount,
            "channel": rng.choice(["window", "online form", "post"], n),
            "reason": reason,
            "decision": np.where(ok, "approved", "rejected"),
        }
    )
    refunds.iloc[400:].to_csv(out / "refund_decisions_2025.csv", index=False)
    pool = refunds.iloc[:400].copy()
    pool["decision"] = _blank_most(pool["decision"], 0.2, rng)
    pool.to_csv(out / "refund_requests.csv", index=False)

    # ticket sales at the windows and machines
    m = 1500
    sale_type = rng.choice(["anytime single", "off-peak return", "advance", "season", "flexi"], m)
    base = {
        "anytime single": 24.0,
        "off-peak return": 31.0,
        "advance": 14.0,
        "season": 410.0,
        "flexi": 150.0,
    }
    fare = np.array([base[t] for t in sale_type]) * rng.uniform(0.7, 1.3, m)
    railcard = rng.random(m) < 0.25
    fare = np.where(railcard & (sale_type != "season"), fare * 0.66, fare)
    sales = pd.DataFrame(
        {
            "sale_id": range(900001, 900001 + m),
            "date": (
                pd.Timestamp("2026-10-01") + pd.to_timedelta(rng.integers(0, 60, m), "D")
            ).strftime("%Y-%m-%d"),
            "hour": rng.integers(5, 23, m),
            "station": rng.choice(["Central", "Northgate", "Harbour", "Millbrook"], m),
            "sold_at": rng.choice(["window 1", "window 2", "machine", "app"], m),
            "ticket_type": sale_type,
            "railcard": np.where(railcard, "yes", "no"),
            "payment": rng.choice(["card", "cash", "contactless"], m),
            "fare_gbp": np.round(fare, 2),
        }
    )
    odd = rng.choice(m, 8, replace=False)
    sales.loc[odd[:3], "fare_gbp"] = [0.01, 2950.0, 1880.0]
    sales.loc[odd[3:6], "hour"] = [3, 2, 4]
    sales.loc[odd[6:], "ticket_type"] = "season"
    sales.loc[odd[6:], "fare_gbp"] = 3.2
    sales.to_csv(out / "ticket_sales.csv", index=False)

    docs = out / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "refund_policy.md").write_text(
        "# Refund policy for tickets bought at our stations\n\n"
        "## Who can get a refund\n\n"
        "A refund is a return of the fare paid for a ticket that was not used. "
        "Anytime and off-peak tickets are refundable when the request is made before the "
        "travel date. Advance tickets are not refundable, but they can be changed before "
        "departure for a fee of 10 pounds. If the train is cancelled, the customer gets a full "
        "refund whatever the ticket type.\n\n"
        "## Delay Repay\n\n"
        "Delay Repay is compensation for a late arrival. When a journey is delayed by 15 to 29 "
        "minutes, the customer receives 25 percent of the single fare. When the delay is 60 "
        "minutes or more, the customer receives 100 percent of the single fare. Claims must be "
        "made within 28 days of travel.\n\n"
        "## Season tickets\n\n"
        "A season ticket refund is calculated from the date the ticket is handed in. An admin "
        "fee of 10 pounds is deducted because the ticket has to be cancelled by the office. "
        "Lost season tickets can be replaced once in twelve months.\n\n"
        "## How refunds are paid\n\n"
        "Refunds are paid to the card used for the purchase. Cash purchases are refunded in "
        "cash at the ticket office window. The office refers any disputed claim to the "
        "customer relations team, which answers within 20 working days.\n",
        encoding="utf-8",
    )
    (docs / "luggage_policy.md").write_text(
        "# Luggage, bicycles and animals\n\n"
        "Each passenger may take two large items of luggage and one small bag free of charge. "
        "Folding bicycles are carried on all trains. A full-size bicycle needs a reservation on "
        "the coast line at peak times, because space is limited to four bicycles per train.\n\n"
        "Dogs and small pets travel free, up to two per passenger. Pets must be kept on a lead "
        "or in a basket and are not allowed on seats. Assistance dogs are always welcome.\n\n"
        "Lost property is kept at Central station for 30 days. Items are sent to a charity "
        "when nobody collects them within that time.\n",
        encoding="utf-8",
    )


# ----- IT security team -----------------------------------------------------------------------
PHISH = {
    "phishing": [
        ("Urgent: your mailbox is full", "click here to verify your password within 24 hours"),
        ("Invoice overdue - action required", "open the attached invoice.zip and enable macros"),
        ("HR: salary review", "log in at hr-portal-update.info to see your new salary"),
        ("CEO request", "I need you to buy gift cards today, keep this confidential"),
        ("Microsoft 365 alert", "unusual sign-in, confirm your account at m365-secure-login.net"),
    ],
    "spam": [
        ("Win a free iPhone", "you are our lucky visitor, claim your prize now"),
        ("Best SEO services", "we can put your site on page one of google, cheap rates"),
        ("Conference 2027 early bird", "register now for the marketing summit in Vegas"),
        ("Crypto opportunity", "double your investment in 30 days guaranteed"),
    ],
    "legitimate": [
        ("Team lunch Friday", "please reply with your sandwich choice by Thursday"),
        ("IT maintenance window", "the VPN will be down on Sunday 02:00-04:00 for patching"),
        ("Payslip available", "your October payslip is in the usual payroll system"),
        ("Shared folder access", "I've given you access to the Q3 budget folder on the drive"),
    ],
}


def it_security(out: Path, rng: np.random.Generator) -> None:
    rows = []
    domains = {
        "phishing": [
            "hr-portal-update.info",
            "m365-secure-login.net",
            "invoices-pay.co",
            "gmail.com",
        ],
        "spam": ["promo-deals.biz", "seo-rank.top", "events-mail.com"],
        "legitimate": ["ourcompany.co.uk", "ourcompany.co.uk", "payroll-provider.com"],
    }
    for i in range(360):
        verdict = str(rng.choice(list(PHISH), p=[0.4, 0.25, 0.35]))
        subject, body = PHISH[verdict][int(rng.integers(0, len(PHISH[verdict])))]
        rows.append(
            {
                "report_id": f"PR-{1200 + i}",
                "reported_at": (
                    pd.Timestamp("2026-11-01 08:00") + pd.Timedelta(minutes=int(i * 97))
                ).strftime("%Y-%m-%d %H:%M"),
                "reported_by": str(
                    rng.choice(["finance", "sales", "hr", "warehouse", "exec office"])
                ),
                "sender_domain": str(rng.choice(domains[verdict])),
                "subject": subject,
                "body_snippet": body,
                "has_attachment": "yes" if "attached" in body or rng.random() < 0.1 else "no",
                "verdict": verdict,
            }
        )
    reports = pd.DataFrame(rows)
    gold = reports.sample(70, random_state=5)[["report_id", "verdict"]]
    reports["verdict"] = _blank_most(reports["verdict"], 0.1, rng)
    reports.to_csv(out / "phishing_reports.csv", index=False)
    gold.rename(columns={"verdict": "analyst_verdict"}).to_csv(
        out / "phishing_triaged.csv", index=False
    )
    rules = [
        {"name": "password_bait", "label": "phishing", "kind": "keyword",
         "column": "body_snippet", "keywords": ["password", "verify", "log in", "confirm your account"]},
        {"name": "gift_cards", "label": "phishing", "kind": "keyword",
         "column": "body_snippet", "keywords": ["gift cards"]},
        {"name": "lookalike_domain", "label": "phishing", "kind": "regex",
         "column": "sender_domain", "pattern": "(update|secure|login|pay)\\W"},
        {"name": "prize", "label": "spam", "kind": "keyword",
         "column": "subject", "keywords": ["win", "free", "crypto", "seo"]},
        {"name": "own_domain", "label": "legitimate", "kind": "category",
         "column": "sender_domain", "values": ["ourcompany.co.uk"]},
    ]  # fmt: skip
    (out / "phishing_rules.json").write_text(json.dumps(rules, indent=2), encoding="utf-8")

    # login events: a few odd ones
    n = 2000
    users = [f"u{n:04d}" for n in range(1, 181)]
    hour = np.clip(rng.normal(11, 3, n).round(), 0, 23).astype(int)
    country = rng.choice(["GB", "GB", "GB", "GB", "IE", "NL", "US"], n)
    failed = rng.poisson(0.3, n)
    new_device = rng.random(n) < 0.08
    mfa = rng.random(n) < 0.85
    risk = -4 + 0.9 * failed + 1.5 * new_device + 1.2 * (~mfa) + 1.0 * ((hour < 6) | (hour > 21))
    suspicious = rng.random(n) < 1 / (1 + np.exp(-risk))
    logins = pd.DataFrame(
        {
            "event_id": [f"EV{700000 + i}" for i in range(n)],
            "user": rng.choice(users, n),
            "hour": hour,
            "country": country,
            "app": rng.choice(["vpn", "email", "crm", "payroll", "sharepoint"], n),
            "failed_attempts": failed,
            "new_device": np.where(new_device, "yes", "no"),
            "mfa_passed": np.where(mfa, "yes", "no"),
            "session_minutes": np.round(rng.gamma(2, 20, n), 1),
            "mb_downloaded": np.round(rng.gamma(1.5, 12, n), 1),
            "flagged_suspicious": np.where(suspicious, "yes", "no"),
            "account_locked": np.where(failed >= 3, "yes", "no"),
        }
    )
    odd = rng.choice(n, 10, replace=False)
    logins.loc[odd[:4], "mb_downloaded"] = [4800.0, 9200.5, 3100.0, 7600.0]
    logins.loc[odd[4:7], "failed_attempts"] = [41, 27, 55]
    logins.loc[odd[7:], "country"] = "KP"
    logins.loc[odd[7:], "hour"] = 3
    logins.to_csv(out / "login_events.csv", index=False)

    # incident tickets, team and root cause partly filled
    kinds = {
        "service desk": ["user locked out of account after password change",
                         "laptop will not connect to wifi in meeting room",
                         "new starter needs access to the crm"],
        "network": ["firewall blocking traffic to the payroll provider",
                    "vpn drops every ten minutes for the north office",
                    "dns not resolving internal sites from the warehouse"],
        "security ops": ["malware alert on finance laptop, quarantined by EDR",
                         "user entered credentials on a phishing page",
                         "impossible travel alert for a sales account"],
        "identity": ["MFA device lost, needs re-enrolment",
                     "service account password expired and jobs failing",
                     "group membership wrong after role change"],
    }  # fmt: skip
    causes = {
        "service desk": "user error",
        "network": "configuration",
        "security ops": "attack",
        "identity": "configuration",
    }
    rows = []
    for i in range(440):
        team = str(rng.choice(list(kinds)))
        desc = str(rng.choice(kinds[team]))
        rows.append(
            {
                "ticket_no": f"INC{60400 + i}",
                "opened": (pd.Timestamp("2026-08-01") + pd.Timedelta(hours=int(i * 5))).strftime(
                    "%Y-%m-%d %H:%M"
                ),
                "severity": str(rng.choice(["P1", "P2", "P3", "P4"], p=[0.05, 0.2, 0.45, 0.3])),
                "reporter_dept": str(rng.choice(["finance", "sales", "hr", "warehouse", "it"])),
                "description": desc,
                "assigned_team": team,
                "root_cause": causes[team] if rng.random() > 0.2 else "unknown",
            }
        )
    tickets = pd.DataFrame(rows)
    tickets["assigned_team"] = _blank_most(tickets["assigned_team"], 0.18, rng)
    tickets["root_cause"] = _blank_most(tickets["root_cause"], 0.25, rng)
    tickets.to_csv(out / "incident_tickets.csv", index=False)

    docs = out / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "incident_runbook.md").write_text(
        "# Security incident runbook\n\n"
        "## Severity levels\n\n"
        "A P1 incident is an active attack or a data breach affecting customer data. A P2 "
        "incident is a confirmed compromise of one account or device. P3 and P4 are suspected "
        "issues and requests. The on-call analyst must acknowledge a P1 within 15 minutes.\n\n"
        "## Phishing reports\n\n"
        "When a user reports a phishing email, the analyst checks the sender domain and the "
        "links. If the user entered a password, the account password is reset and all sessions "
        "are revoked. The message is then purged from every mailbox with the search-and-purge "
        "tool.\n\n"
        "## Compromised accounts\n\n"
        "A compromised account is disabled first, because an attacker may still hold a valid "
        "session. MFA devices are re-enrolled by the identity team. The incident ticket stays "
        "open for 7 days of monitoring.\n\n"
        "## Malware\n\n"
        "EDR quarantines the file automatically. The laptop is isolated from the network "
        "and re-imaged when the malware ran with admin rights.\n",
        encoding="utf-8",
    )
    (docs / "password_policy.html").write_text(
        "<html><head><title>Password policy</title><style>p{margin:0}</style></head><body>"
        "<h1>Password policy</h1>"
        "<p>Passwords must be at least 14 characters long. A passphrase of four random words is "
        "recommended because it is long and easy to remember.</p>"
        "<h2>MFA</h2><p>MFA is required for every remote login, including the VPN and email. "
        "If a phone is lost, the identity team issues a temporary code valid for 24 hours.</p>"
        "<h2>Lockout</h2><p>An account is locked after 5 failed attempts within 10 minutes. "
        "The lock is released automatically after 30 minutes or by the service desk.</p>"
        "<script>console.log('x')</script></body></html>",
        encoding="utf-8",
    )
    care = out / "docs"
    (care / "falls_prevention.md").write_text(
        "# Falls prevention procedure (Oak, Birch and Willow wings)\n\n"
        "## After a fall\n\n"
        "When a resident falls, staff must not lift the resident until a nurse has checked for "
        "injury. A head injury means neurological observations every 30 minutes for 4 hours, "
        "then hourly for 24 hours. An unwitnessed fall is treated as a possible head injury.\n\n"
        "## Risk assessment\n\n"
        "Every resident has a falls risk assessment on admission and monthly after that. A "
        "resident on more than 8 regular medications is referred to the GP for a medication "
        "review, because sedatives and blood pressure tablets increase the risk of falling.\n\n"
        "## Equipment\n\n"
        "Sensor mats are used for residents who fall at night. The call bell must be within "
        "reach before staff leave the room. Hip protectors are offered to residents with "
        "osteoporosis.\n\n"
        "## Reporting\n\n"
        "Each fall is recorded on the incident form within the shift. The family is informed "
        "the same day. Three falls in 30 days trigger a multidisciplinary review.\n",
        encoding="utf-8",
    )
    (care / "flower_care_guide.txt").write_text(
        "Flower care guide for our shop staff\n\n"
        "Roses are conditioned by cutting 2 cm off each stem at an angle and placing them in "
        "cool water with flower food for at least two hours. Leaves below the water line are "
        "removed because they rot and feed bacteria.\n\n"
        "Tulips keep growing after they are cut, so they are arranged last. Daffodils release a "
        "sap that harms other flowers; they must stand alone in water for 12 hours first.\n\n"
        "The cooler is kept between 3 and 5 degrees. If the cooler rises above 8 degrees, the "
        "manager is called and stock is moved to the back room.\n\n"
        "Lilies have their pollen removed when the buds open, because pollen stains clothes and "
        "is toxic to cats. Wastage is recorded every Saturday on the till system.\n",
        encoding="utf-8",
    )


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(RNG_SEED)
    nursing_home(out, rng)
    flower_shop(out, rng)
    railway(out, rng)
    it_security(out, rng)


if __name__ == "__main__":
    main()
