"""Write the fresh14 corpus's invented data into a folder: python make_data.py DIR.

Deterministic (fixed seeds), offline, numpy/pandas only. Files:
baggage_claims.csv, claims_inbox.csv, machine_logs.csv, machine_logs_march.csv,
brand_posts.csv, mentions_week48.jsonl, staff_roster.csv, river_samples.csv,
river_samples_2026.csv, patents.csv, patent_labels.csv, docs/baggage_policy.md,
docs/sampling_protocol.md, and two earlier labeling runs under labeling/.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

# ---------------------------------------------------------------- baggage claims
HUBS = ["FRA", "MAD", "LHR", "DXB", "JFK", "SIN", "IST"]
CABINS = ["economy", "premium", "business"]
CLAIM_TYPES = ["damaged", "delayed", "lost", "pilfered"]
BAGS = [
    "suitcase",
    "hard-shell case",
    "duffel bag",
    "backpack",
    "garment bag",
    "golf bag",
    "pram",
    "ski bag",
    "wheeled carry-on",
    "guitar case",
]
CLAIM_PHRASES = {
    "damaged": [
        "the wheel was snapped off",
        "the handle is broken",
        "a big crack along the shell",
        "arrived torn open at the seam",
        "zip ripped and frame bent",
        "came out of the belt soaking wet and dented",
        "the corner was crushed",
    ],
    "delayed": [
        "arrived two days after me",
        "was delivered to my hotel the next evening",
        "did not come on my flight but turned up later",
        "missed the connection and came on the next plane",
        "was sent to the wrong city and returned after three days",
        "courier brought it late at night",
    ],
    "lost": [
        "never arrived",
        "still missing after three weeks",
        "the tracer found nothing",
        "nobody can tell me where it is",
        "no trace in the system at all",
        "declared lost by the ground agent",
        "has not been located",
    ],
    "pilfered": [
        "items were stolen from inside",
        "the lock was cut and my camera is gone",
        "someone opened it and took the jewellery",
        "perfume and a laptop charger missing from inside",
        "contents rummaged, cash taken",
        "the padlock was removed and a watch is missing",
    ],
}
OPENERS = [
    "My {bag}",
    "Our {bag}",
    "The {bag} I checked in",
    "Checked {bag}",
    "My wife's {bag}",
    "One {bag} of two",
    "The {bag} with the red tag",
]
CLOSERS = [
    "",
    " Please refund.",
    " I want compensation.",
    " Very disappointed.",
    " Reference attached.",
    " Flight was otherwise fine.",
    " Second time this year!",
]


def claims(rng: np.random.Generator, n: int, start: int, labeled: bool) -> pd.DataFrame:
    rows = []
    for i in range(n):
        kind = CLAIM_TYPES[rng.choice(4, p=[0.3, 0.35, 0.15, 0.2])]
        bag = BAGS[rng.integers(len(BAGS))]
        text = (
            OPENERS[rng.integers(len(OPENERS))].format(bag=bag)
            + " "
            + CLAIM_PHRASES[kind][rng.integers(len(CLAIM_PHRASES[kind]))]
        )
        if rng.random() < 0.35:  # a second, sometimes misleading, sentence
            other = CLAIM_TYPES[rng.integers(4)] if rng.random() < 0.3 else kind
            text += ", and " + CLAIM_PHRASES[other][rng.integers(len(CLAIM_PHRASES[other]))]
        text += "." + CLOSERS[rng.integers(len(CLOSERS))]
        hours = {"damaged": 3, "delayed": 20, "lost": 60, "pilfered": 30}[kind]
        row = {
            "claim_id": f"BC-{start + i}",
            "hub": HUBS[rng.integers(len(HUBS))],
            "cabin": CABINS[rng.choice(3, p=[0.7, 0.15, 0.15])],
            "connections": int(rng.choice([0, 1, 2], p=[0.5, 0.35, 0.15])),
            "bag_weight_kg": round(float(rng.normal(18, 4)), 1),
            "hours_to_report": round(float(rng.gamma(2.0, hours / 2)), 1),
            "claim_amount_eur": round(float(rng.lognormal(5.2 + (kind == "lost") * 0.8, 0.6)), 2),
            "description": text,
        }
        if labeled:
            row["claim_type"] = kind
        rows.append(row)
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- machine logs
def machine_logs(rng: np.random.Generator, n: int, start: int, month: str) -> pd.DataFrame:
    status = rng.choice(["normal", "warning", "fault"], size=n, p=[0.72, 0.19, 0.09])
    sev = np.select([status == "warning", status == "fault"], [1.0, 2.0], 0.0)
    df = pd.DataFrame(
        {
            "log_id": [f"L{start + i:05d}" for i in range(n)],
            "machine_id": [f"M{k:02d}" for k in rng.integers(1, 13, n)],
            "line": rng.choice(["A", "B", "C"], n),
            "shift": rng.choice(["early", "late", "night"], n),
            "logged_at": [
                f"2026-{month}-{d:02d} {h:02d}:00"
                for d, h in zip(rng.integers(1, 29, n), rng.integers(0, 24, n), strict=False)
            ],
            "temperature_c": np.round(rng.normal(62 + 6 * sev, 4), 1),
            "vibration_mm_s": np.round(np.abs(rng.normal(2.2 + 1.5 * sev, 0.7)), 2),
            "spindle_rpm": np.round(rng.normal(3000 - 150 * sev, 120)).astype(int),
            "pressure_bar": np.round(rng.normal(6.0 - 0.4 * sev, 0.35), 2),
            "runtime_hours": np.round(rng.uniform(100, 9000, n)).astype(int),
            "coolant_level_pct": np.round(rng.normal(80 - 8 * sev, 7), 1),
            "status": status,
        }
    )
    df.loc[rng.random(n) < 0.06, "coolant_level_pct"] = np.nan
    if month == "02":  # a few sensor glitches to find
        for j, k in enumerate(rng.choice(n, 6, replace=False)):
            df.loc[k, ["temperature_c", "vibration_mm_s", "spindle_rpm"]] = [
                140.0 + j,
                19.5 + j,
                600 + 10 * j,
            ]
    return df


# ---------------------------------------------------------------- brand posts
BRAND = "Lumora"
POS = [
    "love my new {p} from {b}",
    "{b} customer service sorted it in five minutes, brilliant",
    "honestly the best {p} I have owned",
    "{b} just keeps getting better",
    "so happy with the {p}, battery lasts forever",
    "shoutout to {b} for the quick refund",
    "the {p} looks gorgeous in person",
    "ten out of ten, would buy from {b} again",
]
NEG = [
    "my {p} broke after a week, thanks {b}",
    "{b} support has ignored me for 9 days",
    "worst {p} ever, total waste of money",
    "never buying {b} again",
    "the {p} overheats and {b} won't replace it",
    "scam prices for a cheap {p}",
    "delivery from {b} lost AGAIN",
    "the app keeps crashing since the {b} update",
]
NEU = [
    "anyone tried the new {p} from {b}?",
    "{b} store opening on Friday in Leeds",
    "comparing the {p} with the older model",
    "does {b} ship to Portugal",
    "{b} announced a {p} in green",
    "what time does the {b} sale start",
    "just saw a {b} ad on the bus",
    "is the {p} waterproof or not",
]
PRODUCTS = ["earbuds", "smartwatch", "speaker", "charger", "headphones", "fitness band"]
EXTRAS = ["", " #lumora", " 😍", " 🙄", " lol", " !!", " @LumoraHelp", " #tech", " (day 3)"]


def brand_posts(rng: np.random.Generator, n: int, start: int, hand: int | None) -> pd.DataFrame:
    rows = []
    for i in range(n):
        s = ["positive", "negative", "neutral"][rng.choice(3, p=[0.4, 0.35, 0.25])]
        bank = {"positive": POS, "negative": NEG, "neutral": NEU}[s]
        text = bank[rng.integers(len(bank))].format(
            p=PRODUCTS[rng.integers(len(PRODUCTS))], b=BRAND
        )
        text += EXTRAS[rng.integers(len(EXTRAS))]
        rows.append(
            {
                "post_id": start + i,
                "platform": ["x", "instagram", "tiktok", "facebook", "reddit"][rng.integers(5)],
                "posted_on": f"2026-11-{rng.integers(1, 29):02d}",
                "followers": int(rng.lognormal(6, 1.5)),
                "likes": int(rng.poisson(12)),
                "text": text,
                "sentiment": s,
            }
        )
    df = pd.DataFrame(rows)
    if hand is None:
        return df.drop(columns="sentiment")
    keep = np.zeros(n, bool)
    keep[rng.choice(n, hand, replace=False)] = True
    df.loc[~keep, "sentiment"] = None
    return df


# ---------------------------------------------------------------- hospital roster
def roster(rng: np.random.Generator, n: int) -> pd.DataFrame:
    role = rng.choice(
        ["staff nurse", "junior doctor", "consultant", "healthcare assistant", "midwife"],
        n,
        p=[0.4, 0.2, 0.1, 0.2, 0.1],
    )
    nights = rng.poisson(5, n)
    overtime = np.round(rng.gamma(2, 3, n), 1)
    sick = rng.poisson(4, n)
    score = 0.25 * nights + 0.3 * overtime + 0.4 * sick + rng.normal(0, 1.5, n)
    risk = np.where(score > 6.8, "high", np.where(score > 4.2, "medium", "low"))
    df = pd.DataFrame(
        {
            "staff_id": [f"S{1000 + i}" for i in range(n)],
            "ward": rng.choice(
                ["ICU", "A&E", "maternity", "oncology", "paediatrics", "surgery"], n
            ),
            "role": role,
            "contract": rng.choice(["full-time", "part-time", "bank"], n, p=[0.6, 0.25, 0.15]),
            "shift_pattern": rng.choice(["days", "nights", "rotating"], n, p=[0.45, 0.2, 0.35]),
            "hours_per_week": rng.choice([22.5, 30.0, 37.5, 48.0], n, p=[0.15, 0.2, 0.5, 0.15]),
            "overtime_hours": overtime,
            "night_shifts_month": nights,
            "years_experience": np.round(rng.uniform(0, 30, n), 1),
            "sick_days_12m": sick,
            "annual_leave_left": rng.integers(0, 28, n).astype(float),
            "burnout_risk": risk,
        }
    )
    df.loc[rng.random(n) < 0.08, "years_experience"] = np.nan
    df.loc[rng.random(n) < 0.12, "annual_leave_left"] = np.nan
    df.loc[rng.random(n) < 0.03, "ward"] = None
    return df


# ---------------------------------------------------------------- river samples
RIVERS = {
    "Severn": ["SEV01", "SEV02", "SEV03"],
    "Thames": ["THA01", "THA02", "THA04"],
    "Trent": ["TRE01", "TRE03"],
    "Wye": ["WYE01", "WYE02"],
    "Ouse": ["OUS01", "OUS02"],
}


def river(rng: np.random.Generator, n: int, year: int) -> pd.DataFrame:
    status = rng.choice(["good", "moderate", "poor"], n, p=[0.45, 0.35, 0.2])
    bad = np.select([status == "moderate", status == "poor"], [1.0, 2.0], 0.0)
    names = list(RIVERS)
    rv = rng.choice(names, n)
    month = rng.integers(1, 13, n)
    df = pd.DataFrame(
        {
            "sample_id": [f"W{year % 100}-{i:04d}" for i in range(n)],
            "river": rv,
            "site_code": [RIVERS[r][rng.integers(len(RIVERS[r]))] for r in rv],
            "sampled_on": [
                f"{year}-{m:02d}-{d:02d}"
                for m, d in zip(month, rng.integers(1, 29, n), strict=False)
            ],
            "season": np.array(
                [
                    "winter",
                    "winter",
                    "spring",
                    "spring",
                    "spring",
                    "summer",
                    "summer",
                    "summer",
                    "autumn",
                    "autumn",
                    "autumn",
                    "winter",
                ]
            )[month - 1],
            "ph": np.round(rng.normal(7.6 - 0.3 * bad, 0.35), 2),
            "water_temp_c": np.round(rng.normal(12, 5, n), 1),
            "dissolved_oxygen_mg_l": np.round(rng.normal(9.5 - 1.8 * bad, 1.1), 2),
            "nitrate_mg_l": np.round(np.abs(rng.normal(18 + 9 * bad, 6)), 1),
            "phosphate_mg_l": np.round(np.abs(rng.normal(0.08 + 0.12 * bad, 0.05)), 3),
            "turbidity_ntu": np.round(np.abs(rng.normal(6 + 8 * bad, 4)), 1),
            "ecoli_cfu_100ml": np.round(rng.lognormal(5 + 0.9 * bad, 0.8)).astype(int),
            "conductivity_us_cm": np.round(rng.normal(450 + 60 * bad, 80)).astype(int),
            "status": status,
        }
    )
    df.loc[rng.random(n) < 0.07, "phosphate_mg_l"] = np.nan
    df.loc[rng.random(n) < 0.05, "turbidity_ntu"] = np.nan
    return df


# ---------------------------------------------------------------- patents
AREAS = {
    "medical devices": [
        "a catheter",
        "an implantable stent",
        "a wearable insulin pump",
        "a surgical stapler",
        "a blood glucose sensor",
        "an endoscope tip",
    ],
    "energy": [
        "a lithium-sulphur battery cell",
        "a wind turbine blade",
        "a perovskite solar module",
        "a hydrogen electrolyser",
        "a heat pump compressor",
        "a grid storage inverter",
    ],
    "computing": [
        "a cache coherence protocol",
        "a neural network accelerator",
        "a distributed database index",
        "a compiler optimisation pass",
        "a secure enclave",
        "a speech recognition pipeline",
    ],
    "materials": [
        "a biodegradable polymer film",
        "a ceramic matrix composite",
        "a graphene coating",
        "a self-healing concrete",
        "a corrosion resistant alloy",
        "a recycled carbon fibre",
    ],
}
PURPOSE = {
    "medical devices": [
        "reducing infection risk for patients",
        "improving dosing accuracy",
        "shortening recovery after surgery",
        "allowing clinicians to monitor remotely",
    ],
    "energy": [
        "increasing energy density",
        "lowering the levelised cost of electricity",
        "improving round-trip efficiency",
        "extending the service life of the cell",
    ],
    "computing": [
        "reducing memory latency",
        "lowering inference power consumption",
        "improving query throughput",
        "protecting data from side-channel attacks",
    ],
    "materials": [
        "increasing tensile strength",
        "reducing weight",
        "improving recyclability",
        "resisting moisture and heat",
    ],
}
HOW = [
    "The invention comprises {x} wherein a layer is arranged between two supports.",
    "In one embodiment, {x} is controlled by a processor that receives sensor signals.",
    "A method of manufacturing {x} includes heating, pressing and cooling steps.",
    "The system further comprises {x} coupled to a housing.",
    "Experimental results show an improvement of {k} percent over known solutions.",
]


def patents(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, gold = [], []
    names = list(AREAS)
    for i in range(n):
        area = names[rng.integers(4)]
        x = AREAS[area][rng.integers(6)]
        other = AREAS[names[rng.integers(4)]][rng.integers(6)]
        abstract = (
            f"Disclosed is {x} for {PURPOSE[area][rng.integers(4)]}. "
            + HOW[rng.integers(len(HOW))].format(
                x=x if rng.random() < 0.8 else other, k=rng.integers(5, 40)
            )
            + " "
            + HOW[rng.integers(len(HOW))].format(x="the device", k=rng.integers(5, 40))
        )
        pid = f"EP{3900000 + i * 37}"
        rows.append(
            {
                "patent_id": pid,
                "title": x[2:].capitalize() if x.startswith("a ") else x[3:].capitalize(),
                "abstract": abstract,
                "filing_year": int(rng.integers(2015, 2027)),
                "applicant_country": ["DE", "US", "JP", "CN", "KR", "FR", "GB"][rng.integers(7)],
            }
        )
        gold.append((pid, area))
    df = pd.DataFrame(rows)
    pick = rng.choice(n, 80, replace=False)
    labels = pd.DataFrame([gold[k] for k in sorted(pick)], columns=["patent_id", "tech_area"])
    return df, labels


# ---------------------------------------------------------------- documents
BAGGAGE_POLICY = """# Baggage Irregularity Handling Policy

Version 4.2, approved by the Ground Operations Board on 3 March 2026.

## 1. Scope

This policy applies to all checked baggage carried on flights operated by Aerolinea Norte and its
regional partners. It does not cover cabin baggage that stays with the passenger, nor cargo.

A baggage irregularity is any case where a checked bag is delayed, damaged, lost or pilfered between
check-in and delivery at the final destination.

## 2. Reporting deadlines

Passengers must report damage within 7 days of receiving the bag. A delayed bag must be reported
within 21 days of the date it was delivered. If a bag has not been found after 21 days, it is
declared lost and the claim is handled under section 5.

A Property Irregularity Report (PIR) is the form the agent completes at the airport. Every PIR
receives a file reference made of the station code, the airline code and five digits.

## 3. Delayed baggage

When a bag is delayed, the station traces it through the WorldTracer system. Interim expenses for
toiletries and essential clothing are refunded up to 60 euros per day for a maximum of 5 days.
Receipts are required for every item above 10 euros.

Delivery to the passenger's address is free of charge. If the passenger collects the bag in person,
taxi costs are refunded up to 40 euros.

## 4. Damaged baggage

Damage is assessed by the station's baggage service office. Normal wear and tear, such as scuffs,
small cuts and dirt, is not compensated. Broken wheels, handles and zips are repaired by a contracted
repair partner. A bag is replaced when the repair would cost more than 70 percent of its
depreciated value.

Depreciation is 10 percent per year of age, up to a maximum of 50 percent.

## 5. Lost baggage

A lost bag claim requires a contents list with approximate values. Compensation is limited to
1,288 Special Drawing Rights per passenger under the Montreal Convention, unless a special
declaration of interest was made at check-in.

Because valuables such as jewellery, cash and electronics should travel in cabin baggage, they are
compensated only when the passenger can show they were checked in on instruction from staff.

## 6. Pilferage

Pilferage means that items were removed from a bag that was delivered. The passenger must report
pilferage within 7 days. The station photographs the bag, records the condition of locks and seals,
and informs airport security. If a TSA lock was opened by security, a notice of inspection is
usually found inside the bag.

## 7. Escalation

Claims above 1,000 euros are reviewed by the Central Baggage Claims team within 30 days. A passenger
who disagrees with the decision may ask for a second review, which is carried out by a manager who
was not involved in the first decision.
"""

SAMPLING_PROTOCOL = """# River Water-Quality Sampling Protocol

Prepared for the Five Rivers Monitoring Programme, field season 2026.

## Purpose

The programme measures the chemical and microbiological condition of the Severn, Thames, Trent,
Wye and Ouse at fixed sites. Results feed the quarterly status report and the public bathing-water
advisories.

## Site selection

Each site has a code made of three letters for the river and two digits, for example SEV02.
Sites are located at least 50 metres downstream of any outfall so that the sample reflects mixed
river water. A site is moved only with the approval of the programme lead.

## Sampling frequency

Core sites are sampled every two weeks. During the bathing season, from 15 May to 30 September,
designated bathing sites are sampled weekly. An extra sample is taken within 24 hours after a
storm overflow alert.

## Field measurements

Dissolved oxygen, pH, water temperature and conductivity are measured in the river with a
calibrated multiparameter probe. The probe is calibrated every morning against two pH buffers,
pH 7 and pH 10. Turbidity is read with a handheld turbidimeter in nephelometric turbidity units.

Dissolved oxygen below 6 milligrams per litre is reported to the duty officer the same day,
because fish become stressed at lower concentrations.

## Laboratory analysis

Nitrate and phosphate samples are filtered on site, kept at 4 degrees Celsius and delivered to the
laboratory within 24 hours. E. coli is counted by membrane filtration and reported as colony
forming units per 100 millilitres.

A sample that arrives later than 24 hours is flagged as compromised and excluded from the status
calculation.

## Status classes

Each sample is classed as good, moderate or poor. A sample is poor when dissolved oxygen is below
6 mg/l or E. coli exceeds 1,000 cfu per 100 ml. It is moderate when nitrate exceeds 30 mg/l or
phosphate exceeds 0.1 mg/l, and good otherwise.

## Quality assurance

One in every twenty samples is a field duplicate. If a duplicate differs from its original by more
than 15 percent, both results are reviewed by the laboratory manager. Blanks are carried on every
field day to detect contamination during transport.
"""


# ---------------------------------------------------------------- earlier labeling runs
def labeling_run(
    folder: Path,
    data: pd.DataFrame,
    id_col: str,
    classes: list[str],
    truth: list[str],
    rng: np.random.Generator,
    lfs: list[dict],
    metrics: dict,
) -> None:
    """A label_dataset output folder (labeled.parquet, labeling_functions.json, metrics.json)."""
    folder.mkdir(parents=True, exist_ok=True)
    n = len(data)
    probs = rng.dirichlet(np.ones(len(classes)) * 0.6, n)
    right = rng.random(n) < 0.82
    for k, t in enumerate(truth):
        if right[k]:
            j = classes.index(t)
            probs[k] = probs[k] * 0.3
            probs[k, j] += 0.7
    out = pd.DataFrame({"id": data[id_col].astype(str)})
    out["label"] = [classes[j] for j in probs.argmax(1)]
    for j, c in enumerate(classes):
        out[f"prob_{c}"] = np.round(probs[:, j], 4)
    out["covered"] = rng.random(n) < 0.8
    out["label_source"] = np.where(out["covered"], "label_model", "end_model")
    out = pd.concat([out, data.reset_index(drop=True)], axis=1)
    out.to_parquet(folder / "labeled.parquet", index=False)
    (folder / "labeling_functions.json").write_text(
        json.dumps(lfs, indent=2) + "\n", encoding="utf-8"
    )
    (folder / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)

    claims(np.random.default_rng(1401), 520, 10001, True).to_csv(
        out / "baggage_claims.csv", index=False
    )
    claims(np.random.default_rng(1402), 120, 20001, False).to_csv(
        out / "claims_inbox.csv", index=False
    )

    machine_logs(np.random.default_rng(1403), 900, 1, "02").to_csv(
        out / "machine_logs.csv", index=False
    )
    machine_logs(np.random.default_rng(1404), 220, 5001, "03").to_csv(
        out / "machine_logs_march.csv", index=False
    )

    posts = brand_posts(np.random.default_rng(1405), 600, 700001, hand=90)
    posts.to_csv(out / "brand_posts.csv", index=False)
    mentions = brand_posts(np.random.default_rng(1406), 150, 900001, hand=None)
    mentions.to_json(out / "mentions_week48.jsonl", orient="records", lines=True, force_ascii=False)

    roster(np.random.default_rng(1407), 430).to_csv(out / "staff_roster.csv", index=False)

    river(np.random.default_rng(1408), 720, 2025).to_csv(out / "river_samples.csv", index=False)
    river(np.random.default_rng(1409), 160, 2026).to_csv(
        out / "river_samples_2026.csv", index=False
    )

    pats, labels = patents(np.random.default_rng(1410), 460)
    pats.to_csv(out / "patents.csv", index=False)
    labels.to_csv(out / "patent_labels.csv", index=False)

    (out / "docs" / "baggage_policy.md").write_text(BAGGAGE_POLICY, encoding="utf-8")
    (out / "docs" / "sampling_protocol.md").write_text(SAMPLING_PROTOCOL, encoding="utf-8")

    # An earlier weak-supervision run on the brand posts (hand labels: the sentiment column).
    truth_posts = brand_posts(np.random.default_rng(1405), 600, 700001, hand=600)[
        "sentiment"
    ].tolist()
    sent_lfs = [
        {
            "name": "kw_love",
            "label": "positive",
            "kind": "keyword",
            "column": "text",
            "keywords": ["love", "brilliant", "best", "happy"],
        },
        {
            "name": "kw_broke",
            "label": "negative",
            "kind": "keyword",
            "column": "text",
            "keywords": ["broke", "worst", "never buying", "scam", "crashing"],
        },
        {
            "name": "question_mark",
            "label": "neutral",
            "kind": "regex",
            "column": "text",
            "pattern": r"\?",
        },
        {
            "name": "kw_refund",
            "label": "positive",
            "kind": "keyword",
            "column": "text",
            "keywords": ["refund"],
        },
    ]
    labeling_run(
        out / "labeling" / "brand_posts-20261120-101500",
        posts,
        "post_id",
        ["negative", "neutral", "positive"],
        truth_posts,
        np.random.default_rng(1411),
        sent_lfs,
        {
            "classes": ["negative", "neutral", "positive"],
            "text_column": "text",
            "gold": {"source": "data column 'sentiment'"},
            "target": {"metric": "auc", "value": 0.9},
        },
    )
    # An earlier run on the patents (hand labels: patent_labels.csv).
    truth_pats = [None] * len(pats)
    areas = list(AREAS)
    for k, row in pats.iterrows():
        truth_pats[k] = next(a for a in areas if any(x in row["abstract"][:80] for x in AREAS[a]))
    pat_lfs = [
        {
            "name": "kw_battery",
            "label": "energy",
            "kind": "keyword",
            "column": "abstract",
            "keywords": ["battery", "solar", "turbine", "electrolyser"],
        },
        {
            "name": "kw_patient",
            "label": "medical devices",
            "kind": "keyword",
            "column": "abstract",
            "keywords": ["patients", "clinicians", "surgery", "catheter"],
        },
        {
            "name": "kw_processor",
            "label": "computing",
            "kind": "keyword",
            "column": "abstract",
            "keywords": ["memory", "database", "compiler", "neural"],
        },
        {
            "name": "kw_polymer",
            "label": "materials",
            "kind": "keyword",
            "column": "abstract",
            "keywords": ["polymer", "alloy", "concrete", "composite"],
        },
    ]
    labeling_run(
        out / "labeling" / "patents-20261125-143000",
        pats,
        "patent_id",
        ["computing", "energy", "materials", "medical devices"],
        truth_pats,
        np.random.default_rng(1412),
        pat_lfs,
        {
            "classes": ["computing", "energy", "materials", "medical devices"],
            "text_column": "abstract",
            "gold": {"source": "patent_labels.csv"},
            "target": {"metric": "accuracy", "value": 0.85},
        },
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
