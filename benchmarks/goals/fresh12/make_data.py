"""Write the fresh12 corpus's invented data into a folder: `python make_data.py DIR`.

Deterministic (fixed seeds), offline, invented text and numbers only (about 0.7 MB in all):

- returns.csv, returns_test.csv          retail product returns with free-text reasons
- container_moves.csv                    shipping-container movements (a few odd rows)
- readmissions.csv, readmissions_val.csv, readmissions_2026.csv   hospital readmissions
- app_reviews.csv, app_review_topics.csv app-store reviews and a hand-labelled topic file
- meter_readings.parquet, meter_feb.jsonl smart-meter energy readings
- interview_notes.jsonl, interview_holdout.jsonl   recruitment interview notes
- docs/returns_policy.md, docs/reefer_container_guide.md   documents for QA goals
- lfs/returns_rules.json                 a few hand-written labeling rules for returns.csv
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

# ---------------------------------------------------------------- returns

RETURN_REASONS = {
    "defective": [
        "stopped working after {n} days",
        "does not turn on anymore",
        "screen flickers and then goes black",
        "battery dies in an hour, clearly faulty",
        "the zip broke the first time i used it",
        "motor makes a grinding noise and stopped",
        "button is stuck, item is defective",
        "charging port is faulty, wont charge",
    ],
    "wrong_size": [
        "too small, need one size up",
        "runs large, ordered my usual size",
        "does not fit, sleeves too short",
        "size chart was wrong, way too tight",
        "too big around the waist",
        "fits small, returning for a larger size",
        "the length is wrong for me, too long",
    ],
    "not_as_described": [
        "colour is nothing like the photo",
        "material feels cheap, not leather as listed",
        "description said waterproof but it is not",
        "looks different from the picture on the site",
        "listing said {n} pieces, only got fewer",
        "not as described, fabric is polyester",
        "the product photo was misleading",
    ],
    "damaged_in_transit": [
        "box arrived crushed and the item is cracked",
        "glass was shattered when it arrived",
        "parcel was wet and the item damaged in delivery",
        "courier dropped it, dent on the side",
        "arrived broken, packaging torn open",
        "scratched and dented on arrival",
    ],
    "changed_mind": [
        "changed my mind",
        "found it cheaper elsewhere",
        "no longer needed, bought by mistake",
        "ordered two by accident",
        "gift was not wanted",
        "decided to keep my old one",
        "don't need it anymore",
    ],
}
RETURN_FILLERS = [
    "",
    "",
    "please refund.",
    "very disappointed.",
    "thanks",
    "want my money back",
    "second time this happened.",
    "ok otherwise.",
]
RETURN_CATEGORY = {
    "defective": ["electronics", "appliances", "electronics", "bags"],
    "wrong_size": ["clothing", "shoes", "clothing"],
    "not_as_described": ["clothing", "home", "bags", "electronics"],
    "damaged_in_transit": ["home", "appliances", "electronics", "home"],
    "changed_mind": ["clothing", "home", "electronics", "shoes", "bags"],
}


def returns(rng: np.random.Generator, n: int, start: int, labelled: int | None) -> pd.DataFrame:
    classes = list(RETURN_REASONS)
    weights = np.array([0.24, 0.26, 0.18, 0.12, 0.20])
    rows = []
    for i in range(n):
        label = classes[rng.choice(len(classes), p=weights)]
        text = str(rng.choice(RETURN_REASONS[label])).format(n=int(rng.integers(2, 30)))
        filler = str(rng.choice(RETURN_FILLERS))
        if filler:
            text = f"{text} {filler}"
        if rng.random() < 0.15:  # some noise: a second, unrelated phrase
            other = classes[rng.integers(len(classes))]
            text = f"{text}; also {str(rng.choice(RETURN_REASONS[other])).format(n=3)}"
        category = str(rng.choice(RETURN_CATEGORY[label]))
        price = round(float(rng.lognormal(3.6 if category != "appliances" else 4.6, 0.6)), 2)
        days = int(rng.integers(1, 8) if label == "damaged_in_transit" else rng.integers(1, 31))
        rows.append(
            {
                "return_id": f"R{start + i:05d}",
                "order_date": str(
                    pd.Timestamp("2026-01-01") + pd.Timedelta(days=int(rng.integers(0, 300)))
                )[:10],
                "category": category,
                "channel": str(rng.choice(["web", "app", "store"], p=[0.55, 0.3, 0.15])),
                "price": price,
                "days_to_return": days,
                "reason_text": text,
                "reason_code": label,
            }
        )
    df = pd.DataFrame(rows)
    if labelled is not None:
        keep = np.zeros(n, dtype=bool)
        keep[rng.choice(n, size=labelled, replace=False)] = True
        df.loc[~keep, "reason_code"] = None
    return df


# ---------------------------------------------------------------- containers

PORTS = [
    "Rotterdam",
    "Hamburg",
    "Antwerp",
    "Singapore",
    "Shanghai",
    "Busan",
    "Los Angeles",
    "Felixstowe",
    "Valencia",
    "Jebel Ali",
]
CARRIERS = ["Maersk", "MSC", "CMA CGM", "Hapag-Lloyd", "Evergreen", "ONE"]


def containers(rng: np.random.Generator, n: int) -> pd.DataFrame:
    kinds = rng.choice(["dry20", "dry40", "reefer40", "tank20"], size=n, p=[0.35, 0.4, 0.18, 0.07])
    origin = rng.choice(PORTS, size=n)
    dest = np.array([rng.choice([p for p in PORTS if p != o]) for o in origin])
    carrier = rng.choice(CARRIERS, size=n)
    weight = np.where(
        np.isin(kinds, ["dry20", "tank20"]), rng.normal(14000, 4000, n), rng.normal(21000, 5000, n)
    )
    weight = np.clip(weight, 2200, 30400).round(0)
    value = np.round(rng.lognormal(10.5, 0.8, n), -1)
    dwell = np.round(rng.gamma(2.0, 30.0, n), 1)
    transit = np.round(rng.normal(24, 8, n).clip(3, 55), 1)
    setpoint = np.where(kinds == "reefer40", rng.choice([-18.0, -2.0, 4.0, 13.0], size=n), np.nan)
    hold_score = (
        -2.6 + 0.9 * (value > 80000) + 0.8 * (carrier == "Evergreen") + rng.normal(0, 0.7, n)
    )
    customs_hold = np.where(hold_score > -1.2, "yes", "no")
    delay_score = (
        0.03 * dwell
        + 0.9 * (customs_hold == "yes")
        + 0.5 * (kinds == "reefer40")
        - 3.2
        + rng.normal(0, 0.8, n)
    )
    delayed = np.where(delay_score > -0.7, "yes", "no")
    df = pd.DataFrame(
        {
            "move_id": [f"MV{100000 + i}" for i in range(n)],
            "container_no": [
                f"{rng.choice(['MSKU', 'MSCU', 'CMAU', 'HLXU', 'EGHU', 'ONEU'])}{rng.integers(1000000, 9999999)}"
                for _ in range(n)
            ],
            "carrier": carrier,
            "origin_port": origin,
            "dest_port": dest,
            "container_type": kinds,
            "gross_weight_kg": weight,
            "declared_value_usd": value,
            "dwell_hours": dwell,
            "transit_days": transit,
            "reefer_setpoint_c": setpoint,
            "customs_hold": customs_hold,
            "delayed": delayed,
        }
    )
    # a handful of odd moves for the anomaly goals
    odd = rng.choice(n, size=9, replace=False)
    df.loc[odd[0], "gross_weight_kg"] = 61000.0
    df.loc[odd[1], "gross_weight_kg"] = 150.0
    df.loc[odd[2], "dwell_hours"] = 2150.0
    df.loc[odd[3], "transit_days"] = 190.0
    df.loc[odd[4], "declared_value_usd"] = 9800000.0
    df.loc[odd[5], ["container_type", "reefer_setpoint_c"]] = ["dry20", 25.0]
    df.loc[odd[6], "dest_port"] = df.loc[odd[6], "origin_port"]
    df.loc[odd[7], "dwell_hours"] = 0.0
    df.loc[odd[7], "transit_days"] = 0.5
    df.loc[odd[8], "gross_weight_kg"] = 29990.0
    df.loc[odd[8], "container_type"] = "tank20"
    df.loc[odd[8], "declared_value_usd"] = 10.0
    return df


# ---------------------------------------------------------------- readmissions


def readmissions(rng: np.random.Generator, n: int, start: int, with_label: bool) -> pd.DataFrame:
    age = rng.integers(18, 96, n)
    los = np.round(rng.gamma(2.0, 2.4, n) + 1).astype(int)
    dx = rng.integers(1, 16, n)
    meds = rng.integers(0, 28, n)
    prior = rng.poisson(0.8, n)
    discharge = rng.choice(
        ["home", "home_health", "skilled_nursing", "rehab", "against_advice"],
        size=n,
        p=[0.55, 0.18, 0.15, 0.09, 0.03],
    )
    hba1c = np.round(rng.normal(6.8, 1.4, n), 1)
    dept = rng.choice(
        ["cardiology", "general_medicine", "orthopedics", "oncology", "pulmonology"], size=n
    )
    score = (
        -3.0
        + 0.02 * (age - 60)
        + 0.08 * los
        + 0.05 * meds
        + 0.55 * prior
        + 0.9 * (discharge == "against_advice")
        + 0.4 * (discharge == "skilled_nursing")
        + 0.25 * (hba1c > 8)
        + rng.normal(0, 0.6, n)
    )
    df = pd.DataFrame(
        {
            "encounter_id": [f"E{start + i}" for i in range(n)],
            "age": age,
            "sex": rng.choice(["F", "M"], size=n),
            "department": dept,
            "length_of_stay": los,
            "num_diagnoses": dx,
            "num_medications": meds,
            "prior_admissions_12m": prior,
            "discharge_to": discharge,
            "hba1c": hba1c,
            "insurance": rng.choice(
                ["medicare", "medicaid", "private", "self_pay"], size=n, p=[0.42, 0.2, 0.33, 0.05]
            ),
        }
    )
    df.loc[rng.random(n) < 0.21, "hba1c"] = np.nan
    df.loc[rng.random(n) < 0.03, "discharge_to"] = None
    if with_label:
        df["readmitted_30d"] = np.where(score > -0.9, "yes", "no")
    return df


# ---------------------------------------------------------------- app reviews

APPS = ["PocketBudget", "TrailRunner", "SnapGrocer", "MediRemind"]
REVIEW_BITS = {
    "bug": [
        "app crashes every time i open {f}",
        "keeps freezing on the {f} screen",
        "since the last update {f} is broken",
        "login loop, cannot get past the splash screen",
        "sync fails with an error code",
        "notifications stopped working after update",
    ],
    "billing": [
        "charged twice for the subscription",
        "cancelled my trial but still got billed",
        "the premium price went up without notice",
        "refund request ignored for weeks",
        "in-app purchase did not unlock {f}",
        "too expensive for what it does",
    ],
    "ux": [
        "the new layout is confusing",
        "too many taps to reach {f}",
        "dark mode text is unreadable",
        "cannot find the settings anymore",
        "fonts are tiny on my tablet",
        "onboarding is way too long",
    ],
    "praise": [
        "love the {f} feature",
        "works perfectly, great job devs",
        "best app of its kind",
        "super smooth and fast",
        "the {f} view is really helpful",
        "clean design, easy to use",
    ],
}
FEATURES = ["export", "calendar", "map", "reminder", "dashboard", "search", "widget"]
TOPIC_STARS = {"bug": (1, 3), "billing": (1, 3), "ux": (2, 4), "praise": (4, 6)}


def app_reviews(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    topics = list(REVIEW_BITS)
    rows, gold = [], []
    for i in range(n):
        topic = topics[rng.choice(4, p=[0.3, 0.17, 0.2, 0.33])]
        parts = [str(rng.choice(REVIEW_BITS[topic])).format(f=rng.choice(FEATURES))]
        if rng.random() < 0.4:
            parts.append(str(rng.choice(REVIEW_BITS[topic])).format(f=rng.choice(FEATURES)))
        if rng.random() < 0.2:
            other = topics[rng.integers(4)]
            parts.append(str(rng.choice(REVIEW_BITS[other])).format(f=rng.choice(FEATURES)))
        if rng.random() < 0.3:
            parts.append(
                str(
                    rng.choice(
                        [
                            "pls fix",
                            "5 stars if fixed",
                            "meh",
                            "recommended!",
                            "uninstalling",
                            "using it daily",
                            "thanks",
                        ]
                    )
                )
            )
        lo, hi = TOPIC_STARS[topic]
        stars = int(rng.integers(lo, hi))
        if rng.random() < 0.08:
            stars = int(rng.integers(1, 6))
        sentiment = "positive" if stars >= 4 else "negative"
        rid = 5000 + i
        rows.append(
            {
                "review_id": rid,
                "app": str(rng.choice(APPS)),
                "app_version": f"{rng.integers(2, 5)}.{rng.integers(0, 10)}.{rng.integers(0, 4)}",
                "platform": str(rng.choice(["ios", "android"])),
                "review_date": str(
                    pd.Timestamp("2026-03-01") + pd.Timedelta(days=int(rng.integers(0, 200)))
                )[:10],
                "stars": stars,
                "review_text": ". ".join(parts),
                "sentiment": sentiment,
            }
        )
        gold.append({"review_id": rid, "topic": topic})
    df = pd.DataFrame(rows)
    keep = np.zeros(n, dtype=bool)
    keep[rng.choice(n, size=70, replace=False)] = True
    df.loc[~keep, "sentiment"] = None
    gold_df = (
        pd.DataFrame(gold).iloc[rng.choice(n, size=100, replace=False)].sort_values("review_id")
    )
    return df, gold_df.reset_index(drop=True)


# ---------------------------------------------------------------- smart meters


def meters(rng: np.random.Generator, n: int, labelled: bool, start: pd.Timestamp) -> pd.DataFrame:
    meter = rng.choice([f"SM-{k:04d}" for k in range(1, 61)], size=n)
    ts = [start + pd.Timedelta(minutes=30 * int(k)) for k in rng.integers(0, 48 * 28, n)]
    hour = np.array([t.hour for t in ts])
    household = rng.choice(["flat", "house", "shop"], size=n, p=[0.45, 0.4, 0.15])
    temp = np.round(rng.normal(6, 5, n), 1)
    base = np.where(household == "shop", 2.2, np.where(household == "house", 0.9, 0.55))
    kwh = (
        base * (1 + 0.6 * ((hour >= 17) & (hour <= 21))) * (1 + 0.02 * np.clip(12 - temp, 0, None))
    )
    kwh = kwh * rng.lognormal(0, 0.25, n)
    voltage = rng.normal(231, 2.5, n)
    pf = np.clip(rng.normal(0.95, 0.03, n), 0.6, 1.0)
    status = np.array(["normal"] * n, dtype=object)
    fault = rng.random(n) < 0.05
    tamper = (~fault) & (rng.random(n) < 0.03)
    voltage[fault] = rng.normal(212, 6, fault.sum())
    pf[fault] = np.clip(rng.normal(0.78, 0.06, fault.sum()), 0.5, 1.0)
    kwh[tamper] = kwh[tamper] * rng.uniform(0.02, 0.2, tamper.sum())
    status[fault] = "fault"
    status[tamper] = "tamper"
    df = pd.DataFrame(
        {
            "meter_id": meter,
            "timestamp": [t.strftime("%Y-%m-%d %H:%M") for t in ts],
            "hour": hour,
            "household_type": household,
            "tariff": rng.choice(
                ["flat_rate", "time_of_use", "prepay"], size=n, p=[0.5, 0.35, 0.15]
            ),
            "kwh": np.round(kwh, 3),
            "voltage_v": np.round(voltage, 1),
            "power_factor": np.round(pf, 3),
            "outdoor_temp_c": temp,
        }
    )
    if labelled:
        df["status"] = status
    return df.sort_values(["timestamp", "meter_id"]).reset_index(drop=True)


# ---------------------------------------------------------------- interview notes

NOTE_BITS = {
    "hire": [
        "strong system design answer, clear trade-offs",
        "communicates clearly and asks good questions",
        "solved the coding exercise quickly with tests",
        "great culture add, mentored juniors before",
        "deep knowledge of {s}",
        "references were excellent",
        "would be a strong hire for the team",
        "structured approach, handled follow-ups calmly",
    ],
    "no_hire": [
        "struggled with basic {s} questions",
        "could not finish the coding task",
        "vague answers, no concrete examples",
        "arrived late and seemed unprepared",
        "talked over the interviewer repeatedly",
        "red flag: blamed previous team for everything",
        "salary expectations far above band",
        "weak on fundamentals, needs lots of support",
    ],
}
NEUTRAL_BITS = [
    "asked about remote work",
    "notice period is {w} weeks",
    "prefers the hybrid setup",
    "has a competing offer",
    "relocating from abroad",
    "available to start in spring",
]
ROLES = {
    "backend engineer": "distributed systems",
    "data analyst": "SQL",
    "product designer": "user research",
    "support lead": "ticket triage",
    "ml engineer": "model evaluation",
}


def interviews(rng: np.random.Generator, n: int, start: int, labelled: int | None) -> list[dict]:
    rows = []
    roles = list(ROLES)
    for i in range(n):
        decision = "hire" if rng.random() < 0.38 else "no_hire"
        role = str(rng.choice(roles))
        k = int(rng.integers(2, 4))
        bits = [
            str(b).format(s=ROLES[role])
            for b in rng.choice(NOTE_BITS[decision], size=k, replace=False)
        ]
        if rng.random() < 0.25:
            other = "no_hire" if decision == "hire" else "hire"
            bits.append(str(rng.choice(NOTE_BITS[other])).format(s=ROLES[role]))
        if rng.random() < 0.6:
            bits.append(str(rng.choice(NEUTRAL_BITS)).format(w=int(rng.integers(2, 13))))
        rng.shuffle(bits)
        rows.append(
            {
                "candidate_id": f"C-{start + i}",
                "role": role,
                "stage": str(rng.choice(["phone screen", "technical", "onsite", "final"])),
                "interviewer": str(
                    rng.choice(["A. Okafor", "J. Lindqvist", "M. Tanaka", "P. Silva", "R. Haddad"])
                ),
                "years_experience": int(rng.integers(0, 16)),
                "notes": ". ".join(bits) + ".",
                "decision": decision,
            }
        )
    if labelled is not None:
        keep = set(rng.choice(n, size=labelled, replace=False).tolist())
        for i, row in enumerate(rows):
            if i not in keep:
                row["decision"] = None
    return rows


# ---------------------------------------------------------------- documents

RETURNS_POLICY = """# Northwind Outfitters returns policy

Version 4.2, effective 1 March 2026. This policy applies to orders placed on the web shop,
the mobile app and in our stores.

## Return window

The standard return window is 30 days from the delivery date. Members of the Outfitters Club
get an extended return window of 60 days. Items bought during the winter sale can be returned
until 31 January. If the return window has passed, the customer can still ask for a repair under
warranty.

## Condition of returned items

A returnable item is an item that is unworn, unwashed and has its original tags attached.
Footwear must be returned in the original shoe box. Opened software, gift cards and pierced
jewellery are not returnable because they cannot be resold hygienically or safely.

## Refunds

Refunds are issued to the original payment method within 5 business days after the warehouse
inspects the item. A restocking fee of 10 percent applies to opened electronics. When the item
was damaged in transit, the shipping cost is refunded as well. Store credit is offered instead
of a refund when the customer has no receipt.

## Damaged or defective items

A defective item is a product that fails in normal use within the warranty period. The warranty
period is 12 months for electronics and 6 months for bags and shoes. If an item arrives damaged,
the customer must report it within 48 hours and keep the packaging. Photos of the damage are
required because the carrier asks for evidence before paying a claim.

## Exchanges for size

Exchanges for a different size are free of charge. When the requested size is out of stock, the
customer receives a full refund instead. Clothing is exchanged only once per order because
repeated exchanges caused high shipping costs in 2025.

## Return fraud

Return fraud means returning an item that was used, stolen or bought elsewhere. Accounts with
more than 8 returns in 90 days are reviewed by the loss prevention team. If fraud is confirmed,
the account is closed and open refunds are cancelled.
"""

REEFER_GUIDE = """# Reefer container handling guide

Internal guide for terminal operators and planners. Owner: Cold Chain Operations, Port of
Valencia terminal. Last reviewed in October 2026.

## What a reefer is

A reefer is a refrigerated shipping container with its own cooling unit that keeps cargo at a
set temperature. A reefer40 is the 40-foot high-cube version and holds about 67 cubic metres of
cargo. The setpoint is the temperature the cooling unit tries to hold, set by the shipper in the
booking.

## Typical setpoints

Frozen cargo such as fish and meat travels at minus 18 degrees Celsius. Chilled cargo such as
dairy travels at 2 to 4 degrees Celsius. Bananas are carried at 13 degrees Celsius because
colder air damages the fruit skin. Pharmaceuticals usually require between 2 and 8 degrees
Celsius and a temperature log for the whole voyage.

## Plugging in at the terminal

Every reefer must be plugged in within 30 minutes of being landed on the yard. If a reefer stays
unplugged for more than 2 hours, the duty planner informs the shipping line. Plug checks are done
every 6 hours and the readings are recorded in the terminal system. A reefer with an alarm code
is moved to the repair area when the cooling unit cannot be reset on site.

## Pre-trip inspection

A pre-trip inspection (PTI) is a full check of the cooling unit before the container is released
to a shipper. The PTI takes about 3 hours and tests the compressor, the sensors and the
defrost cycle. A container that fails the PTI is tagged red and cannot be loaded.

## Dwell time and demurrage

Dwell time is the number of hours a container spends on the terminal between discharge and gate
out. Reefers have 3 free days of dwell; after that the terminal charges demurrage of 95 euros per
day. Long dwell times increase energy costs because each plugged reefer uses about 4 kilowatts.
When customs places a hold on a container, the dwell clock keeps running but the shipper can ask
for a waiver.

## Incidents

A temperature excursion is any reading more than 3 degrees away from the setpoint for longer than
1 hour. Excursions must be reported to the shipper within 12 hours. If the cargo is
pharmaceutical, the quality officer decides whether the cargo can still be delivered.
"""


RETURN_RULES = [
    {
        "name": "size_words",
        "label": "wrong_size",
        "kind": "keyword",
        "column": "reason_text",
        "keywords": ["too small", "too big", "size", "too tight", "runs large", "fits small"],
    },
    {
        "name": "broken_on_arrival",
        "label": "damaged_in_transit",
        "kind": "keyword",
        "column": "reason_text",
        "keywords": ["crushed", "shattered", "dent", "arrived broken", "on arrival"],
    },
    {
        "name": "faulty",
        "label": "defective",
        "kind": "regex",
        "column": "reason_text",
        "pattern": "stopped|faulty|defective|does not turn on",
        "ignore_case": True,
    },
    {
        "name": "mind_changed",
        "label": "changed_mind",
        "kind": "keyword",
        "column": "reason_text",
        "keywords": ["changed my mind", "by mistake", "cheaper elsewhere", "not wanted"],
    },
    {
        "name": "photo_mismatch",
        "label": "not_as_described",
        "kind": "keyword",
        "column": "reason_text",
        "keywords": ["photo", "picture", "as described", "as listed", "misleading"],
    },
]


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)
    (out / "lfs").mkdir(exist_ok=True)
    (out / "lfs" / "returns_rules.json").write_text(
        json.dumps(RETURN_RULES, indent=2) + "\n", encoding="utf-8"
    )

    rng = np.random.default_rng(1201)
    returns(rng, 700, 1, labelled=90).to_csv(out / "returns.csv", index=False)
    returns(np.random.default_rng(1202), 160, 801, labelled=None).to_csv(
        out / "returns_test.csv", index=False
    )

    containers(np.random.default_rng(1203), 900).to_csv(out / "container_moves.csv", index=False)

    readmissions(np.random.default_rng(1204), 1200, 40001, True).to_csv(
        out / "readmissions.csv", index=False
    )
    readmissions(np.random.default_rng(1205), 300, 50001, True).to_csv(
        out / "readmissions_val.csv", index=False
    )
    readmissions(np.random.default_rng(1206), 250, 60001, False).to_csv(
        out / "readmissions_2026.csv", index=False
    )

    reviews, topics = app_reviews(np.random.default_rng(1207), 800)
    reviews.to_csv(out / "app_reviews.csv", index=False)
    topics.to_csv(out / "app_review_topics.csv", index=False)

    meters(np.random.default_rng(1208), 2400, True, pd.Timestamp("2026-01-01")).to_parquet(
        out / "meter_readings.parquet", index=False
    )
    feb = meters(np.random.default_rng(1209), 300, False, pd.Timestamp("2026-02-01"))
    with open(out / "meter_feb.jsonl", "w", encoding="utf-8") as fh:
        for row in feb.to_dict(orient="records"):
            fh.write(json.dumps(row) + "\n")

    for name, rows in (
        ("interview_notes.jsonl", interviews(np.random.default_rng(1210), 360, 1000, labelled=70)),
        (
            "interview_holdout.jsonl",
            interviews(np.random.default_rng(1211), 90, 2000, labelled=None),
        ),
    ):
        with open(out / name, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row) + "\n")

    (out / "docs" / "returns_policy.md").write_text(RETURNS_POLICY, encoding="utf-8")
    (out / "docs" / "reefer_container_guide.md").write_text(REEFER_GUIDE, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
