"""Write fresh59's files (a craft brewery, a library ILL desk, an ambulance dispatch centre).

Run: python make_data.py DIR
Deterministic (seed 5959), offline, small.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 5959


def pick(rng: np.random.Generator, items: list[str], n: int, p: list[float] | None = None) -> list:
    return [items[i] for i in rng.choice(len(items), size=n, p=p)]


# ---------------------------------------------------------------- brewery
STYLES = ["pale ale", "IPA", "stout", "pilsner", "saison", "sour", "porter", "hazy IPA"]
YEASTS = ["US-05", "WLP001", "Kveik Voss", "S-189", "Belle Saison", "Lallemand Verdant"]
NOTE_GOOD = [
    "clean finish, bright citrus",
    "nice head retention, crisp",
    "roasty, smooth body",
    "on spec, hops popping",
    "dry and spritzy as planned",
    "good clarity after cold crash",
]
NOTE_BAD = {
    "diacetyl": ["buttery on the nose", "slick mouthfeel, butterscotch", "popcorn butter note"],
    "acetaldehyde": ["green apple note", "fresh cut pumpkin, green", "young tasting, apple skin"],
    "infection": ["sour where it shouldnt be", "pellicle on surface, funky", "gushing, phenolic"],
}


def brewery(rng: np.random.Generator, n: int) -> pd.DataFrame:
    style = pick(rng, STYLES, n)
    og = np.round(rng.normal(1.058, 0.009, n), 3)
    fg = np.round(og - rng.normal(0.046, 0.006, n), 3)
    abv = np.round((og - fg) * 131.25, 1)
    ferm_temp = np.round(rng.normal(19.5, 1.8, n), 1)
    ferm_days = rng.integers(6, 18, n)
    ph = np.round(rng.normal(4.3, 0.15, n), 2)
    dry_hop = np.round(np.clip(rng.normal(4, 3, n), 0, None), 1)
    risk = 0.9 * (ferm_temp - 19.5) - 0.3 * (ferm_days - 11) + 3 * (ph - 4.3) + rng.normal(0, 1, n)
    off = []
    for r in risk:
        if r > 2.0:
            off.append(pick(rng, ["diacetyl", "acetaldehyde", "infection"], 1)[0])
        elif r > 1.3:
            off.append(pick(rng, ["diacetyl", "acetaldehyde", "none"], 1)[0])
        else:
            off.append("none")
    notes = [
        pick(rng, NOTE_BAD[o], 1)[0] if o != "none" else pick(rng, NOTE_GOOD, 1)[0] for o in off
    ]
    qc = ["fail" if o != "none" or r > 1.0 else "pass" for o, r in zip(off, risk, strict=True)]
    score = np.round(np.clip(4.2 - 0.35 * risk + rng.normal(0, 0.3, n), 1, 5), 1)
    return pd.DataFrame(
        {
            "batch_id": [f"B{2400 + i}" for i in range(n)],
            "beer_style": style,
            "tank_no": rng.integers(1, 9, n),
            "yeast_strain": pick(rng, YEASTS, n),
            "og": og,
            "fg": fg,
            "abv": abv,
            "ibu": rng.integers(12, 75, n),
            "mash_temp_c": np.round(rng.normal(66, 1.2, n), 1),
            "ferm_temp_c": ferm_temp,
            "ferm_days": ferm_days,
            "dry_hop_g_per_l": dry_hop,
            "ph": ph,
            "brewer_notes": notes,
            "off_flavour": off,
            "qc_result": qc,
            "panel_score": score,
        }
    )


FEEDBACK = {
    "positive": [
        "loved the {b}, will be back",
        "the {b} was class, best in town",
        "great vibe and the {b} was spot on",
        "staff were lovely, {b} super fresh",
        "cheers for the tour, {b} was delicious",
    ],
    "negative": [
        "{b} tasted flat and warm",
        "waited 20 mins at the bar, {b} was off",
        "the {b} was sour and nobody cared",
        "overpriced {b}, rude staff",
        "glass was dirty, {b} smelled weird",
    ],
    "mixed": [
        "{b} was good but the music was way too loud",
        "nice {b}, shame about the queue",
        "food meh, {b} decent enough",
        "{b} ok, not as good as last time",
    ],
}


def feedback(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    sent = pick(rng, ["positive", "negative", "mixed"], n, [0.5, 0.3, 0.2])
    beers = pick(rng, STYLES, n)
    text = [pick(rng, FEEDBACK[s], 1)[0].format(b=b) for s, b in zip(sent, beers, strict=True)]
    stars = [
        int(rng.integers(4, 6))
        if s == "positive"
        else int(rng.integers(1, 3))
        if s == "negative"
        else 3
        for s in sent
    ]
    filled = rng.random(n) < 0.15
    df = pd.DataFrame(
        {
            "review_id": [f"TR{5000 + i}" for i in range(n)],
            "visit_date": pd.date_range("2026-03-01", periods=n, freq="11h").strftime("%Y-%m-%d"),
            "beer_ordered": beers,
            "comment": text,
            "stars": stars,
            "sentiment": [s if f else "" for s, f in zip(sent, filled, strict=True)],
        }
    )
    gold_idx = rng.choice(np.flatnonzero(~filled), size=60, replace=False)
    gold = pd.DataFrame(
        {"review_id": df["review_id"].iloc[gold_idx], "sentiment": [sent[i] for i in gold_idx]}
    ).sort_values("review_id")
    return df, gold


def ferment_log(rng: np.random.Generator, n: int) -> pd.DataFrame:
    hours = rng.integers(0, 240, n)
    gravity = np.round(1.060 - 0.045 * (1 - np.exp(-hours / 60)) + rng.normal(0, 0.001, n), 4)
    temp = np.round(rng.normal(19.5, 0.6, n), 1)
    pressure = np.round(rng.normal(3.0, 0.5, n), 2)
    odd = rng.choice(n, size=8, replace=False)
    temp[odd[:3]] = [31.5, 4.2, 28.9]
    pressure[odd[3:6]] = [14.8, 0.0, 12.1]
    gravity[odd[6:]] = [1.102, 0.981]
    return pd.DataFrame(
        {
            "reading_id": range(1, n + 1),
            "tank_no": rng.integers(1, 9, n),
            "hours_since_pitch": hours,
            "gravity": gravity,
            "temp_c": temp,
            "pressure_psi": pressure,
        }
    )


# ---------------------------------------------------------------- library ILL
NOTES = {
    "copyright": [
        "patron wants 3 chapters from same book, over the fair use limit?",
        "second article from this journal this year, CCG rule of five",
        "lender asks for copyright declaration form",
    ],
    "delay": [
        "lender still has not shipped after 10 days",
        "article not received, lender says sent last week",
        "patron chasing, says deadline is friday",
    ],
    "lost_damaged": [
        "book returned with water damage on cover",
        "item missing after courier handover",
        "spine broken when it came back from patron",
    ],
    "renewal": [
        "patron asks to keep it two more weeks",
        "renewal request for thesis research",
        "can we extend the due date, lender allows one renewal",
    ],
}


def ill_requests(rng: np.random.Generator, n: int) -> pd.DataFrame:
    patron = pick(rng, ["undergrad", "postgrad", "faculty", "staff", "external"], n)
    mat = pick(
        rng, ["book", "article", "chapter", "thesis", "dvd"], n, [0.35, 0.4, 0.15, 0.06, 0.04]
    )
    year = rng.integers(1955, 2027, n)
    region = pick(rng, ["domestic", "europe", "north america", "asia", "british library"], n)
    lender_type = pick(rng, ["academic", "national", "public", "commercial"], n)
    days = np.clip(
        np.round(
            rng.gamma(2.2, 3.0, n)
            + np.isin(region, ["asia", "north america"]) * 6
            + (np.array(mat) == "thesis") * 9
        ),
        0,
        None,
    ).astype(int)
    fail = (
        (np.array(mat) == "dvd") * 1.4
        + (year < 1975) * 0.8
        + (np.array(region) == "asia") * 0.6
        + rng.normal(0, 0.7, n)
    )
    outcome = np.where(fail > 1.4, "unfilled", np.where(fail > 1.0, "cancelled", "filled"))
    note = pick(
        rng,
        [
            "needed for dissertation chapter",
            "any edition ok",
            "scan only, no physical",
            "urgent - grant deadline",
            "supervisor recommended",
            "",
            "prefer PDF if possible",
            "older edition fine",
        ],
        n,
    )
    return pd.DataFrame(
        {
            "request_id": [f"ILL-{26000 + i}" for i in range(n)],
            "patron_type": patron,
            "material_type": mat,
            "pub_year": year,
            "pages_requested": np.where(
                np.isin(mat, ["article", "chapter"]), rng.integers(4, 60, n), 0
            ),
            "lender_region": region,
            "lender_type": lender_type,
            "times_requested_before": rng.poisson(0.6, n),
            "patron_note": note,
            "days_to_supply": days,
            "outcome": outcome,
        }
    )


def ill_notes(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    cats = pick(rng, list(NOTES), n)
    text = [pick(rng, NOTES[c], 1)[0] for c in cats]
    filled = rng.random(n) < 0.2
    df = pd.DataFrame(
        {
            "note_id": range(1, n + 1),
            "logged_by": pick(rng, ["AK", "MJ", "RT", "SL"], n),
            "note_text": text,
            "issue_type": [c if f else "" for c, f in zip(cats, filled, strict=True)],
        }
    )
    gold_idx = rng.choice(np.flatnonzero(~filled), size=50, replace=False)
    gold = pd.DataFrame(
        {"note_id": df["note_id"].iloc[gold_idx], "issue_type": [cats[i] for i in gold_idx]}
    ).sort_values("note_id")
    return df, gold


# ---------------------------------------------------------------- ambulance dispatch
COMPLAINTS = {
    "red": [
        "not breathing, CPR in progress",
        "unconscious male, agonal breathing",
        "chest pain, grey and sweaty",
        "severe bleeding from leg, rta",
        "choking child turning blue",
        "fitting for over 5 mins",
    ],
    "amber": [
        "fall from ladder, conscious, arm deformed",
        "diabetic, confused, sugar low",
        "abdo pain severe, vomiting",
        "stroke symptoms, face droop 1hr",
        "breathing difficulty, asthma known",
    ],
    "green": [
        "fall at home, no injury, cant get up",
        "minor cut to hand",
        "back pain chronic, wants assessment",
        "sore throat 3 days",
        "med query, missed tablets",
    ],
}


def calls(rng: np.random.Generator, n: int, start: int, month0: int, fill: float) -> pd.DataFrame:
    code = pick(rng, ["red", "amber", "green"], n, [0.2, 0.45, 0.35])
    text = [pick(rng, COMPLAINTS[c], 1)[0] for c in code]
    age = np.clip(rng.normal(58, 22, n), 0, 101).astype(int)
    district = pick(rng, ["North Vale", "Harbourside", "Kestrel Moor", "Old Town", "Brackley"], n)
    rural = np.isin(district, ["Kestrel Moor", "Brackley"])
    base = np.array([{"red": 7.0, "amber": 16.0, "green": 45.0}[c] for c in code])
    resp = np.round(base * rng.lognormal(0, 0.3, n) + rural * 6, 1)
    conveyed = [
        "Y" if rng.random() < {"red": 0.85, "amber": 0.7, "green": 0.25}[c] else "N" for c in code
    ]
    hh = rng.integers(0, 24, n)
    filled = rng.random(n) < fill
    return pd.DataFrame(
        {
            "call_id": [f"C{start + i}" for i in range(n)],
            "call_date": [
                f"2026-{month0 + int(m):02d}-{int(d):02d}"
                for m, d in zip(rng.integers(0, 3, n), rng.integers(1, 29, n), strict=True)
            ],
            "call_hour": hh,
            "district": district,
            "patient_age": age,
            "caller_relation": pick(rng, ["self", "family", "bystander", "care home", "police"], n),
            "chief_complaint": text,
            "units_sent": [1 if c != "red" else int(rng.integers(1, 3)) for c in code],
            "response_min": resp,
            "on_scene_min": np.round(rng.normal(35, 10, n), 0).astype(int),
            "triage_cat": [c if f else "" for c, f in zip(code, filled, strict=True)],
            "conveyed": conveyed,
        }
    ), code


def unit_pings(rng: np.random.Generator, n: int) -> pd.DataFrame:
    speed = np.round(np.abs(rng.normal(45, 20, n)), 1)
    eng = np.round(rng.normal(88, 4, n), 1)
    fuel = np.round(rng.uniform(15, 100, n), 0)
    batt = np.round(rng.normal(13.8, 0.2, n), 2)
    odd = rng.choice(n, size=7, replace=False)
    speed[odd[0]] = 212.0
    eng[odd[1:3]] = [131.0, 19.0]
    batt[odd[3:5]] = [9.1, 17.9]
    fuel[odd[5:]] = [-4, 160]
    return pd.DataFrame(
        {
            "ping_id": range(1, n + 1),
            "unit_id": pick(rng, [f"AMB{k:02d}" for k in range(1, 15)], n),
            "speed_kmh": speed,
            "engine_temp_c": eng,
            "fuel_pct": fuel,
            "battery_v": batt,
        }
    )


RULES_FEEDBACK = [
    {
        "name": "loved",
        "label": "positive",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["loved", "class", "delicious", "lovely", "spot on"],
    },
    {
        "name": "complaint",
        "label": "negative",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["flat", "rude", "dirty", "overpriced", "weird"],
    },
    {
        "name": "but_shame",
        "label": "mixed",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["but", "shame", "meh", "not as good"],
    },
    {
        "name": "low_stars",
        "label": "negative",
        "kind": "threshold",
        "column": "stars",
        "op": "<=",
        "value": 2,
    },
    {
        "name": "high_stars",
        "label": "positive",
        "kind": "threshold",
        "column": "stars",
        "op": ">=",
        "value": 4,
    },
]
RULES_ILL = [
    {
        "name": "fair_use",
        "label": "copyright",
        "kind": "keyword",
        "column": "note_text",
        "keywords": ["copyright", "fair use", "rule of five"],
    },
    {
        "name": "late",
        "label": "delay",
        "kind": "keyword",
        "column": "note_text",
        "keywords": ["not shipped", "not received", "chasing"],
    },
    {
        "name": "broken",
        "label": "lost_damaged",
        "kind": "regex",
        "column": "note_text",
        "pattern": "damage|missing|broken",
        "ignore_case": True,
    },
    {
        "name": "extend",
        "label": "renewal",
        "kind": "keyword",
        "column": "note_text",
        "keywords": ["renewal", "extend", "two more weeks"],
    },
]
RULES_TRIAGE = [
    {
        "name": "arrest",
        "label": "red",
        "kind": "keyword",
        "column": "chief_complaint",
        "keywords": ["not breathing", "CPR", "unconscious", "choking", "fitting"],
    },
    {
        "name": "cardiac",
        "label": "red",
        "kind": "regex",
        "column": "chief_complaint",
        "pattern": "chest pain.*(grey|sweaty)",
        "ignore_case": True,
    },
    {
        "name": "urgent_not_life",
        "label": "amber",
        "kind": "keyword",
        "column": "chief_complaint",
        "keywords": ["stroke", "deformed", "confused", "asthma", "abdo"],
    },
    {
        "name": "minor",
        "label": "green",
        "kind": "keyword",
        "column": "chief_complaint",
        "keywords": ["minor", "chronic", "sore throat", "med query", "no injury"],
    },
]

DOCS = {
    "brewery/cellar_sop.md": """# Cellar SOP - Hopfield Lane Brewing

## Cold side hygiene
All fermenters are CIP'd with caustic at 2% and 70C for 20 minutes, rinsed, then acid rinsed
and sanitised with peracetic acid at 200 ppm. Swab tank valves weekly and log the ATP reading.

## Pitching
Pitch ale yeast at 18C, lager yeast at 10C. Target pitch rate is 0.75 million cells per ml per
degree Plato for ales and 1.5 for lagers. Record the yeast generation; we do not repitch past
generation 8.

## Diacetyl rest
When gravity is within 2 points of terminal, raise to 21C for 48 hours. Do a forced diacetyl
test (warm sample to 60C for 15 min, cool, smell). Only crash when the test is clean.

## Dry hopping
Dry hop at 2-4 g/L for pales, up to 15 g/L for hazies. Purge with CO2 after every addition.
Keep contact time under 72 hours to avoid grassy notes.

## Packaging
Cans are filled at 0C and 2.5 volumes CO2. Dissolved oxygen must be under 50 ppb in the can.
Hold every batch 48 hours for QC before release to the taproom or distributors.
""",
    "brewery/allergen_faq.md": """# Taproom allergen FAQ

**Is any of the beer gluten free?** No. All our beers are brewed with barley and some with
wheat or oats. The pilsner is NOT gluten-reduced.

**Are the beers vegan?** Yes, except the honey saison (honey) and the milk stout (lactose).
We do not use isinglass finings.

**What snacks contain nuts?** The spiced nut mix and the satay crisps. Pretzels are nut free
but made in a factory that handles nuts.

**Can kids come in?** Under-18s are welcome with an adult until 8pm.

**Do you do tours?** Saturdays at 2pm, 12 people max, booked online. Closed-toe shoes only.
""",
    "ill/borrowing_policy.md": """# Interlibrary Loan policy (Carrow University Library)

## Who can request
Current students, academic staff and professional staff. External members and alumni cannot
place ILL requests. Undergraduates are limited to 10 active requests per term; postgraduates
and staff 30.

## Charges
Requests are free to patrons. The library absorbs lender fees up to 25 GBP per item; anything
more needs approval from the subject librarian.

## Loan periods
Loan periods are set by the lending library, usually 4 weeks. One renewal may be requested at
least 3 working days before the due date. Overdue ILL items block all borrowing.

## Articles and chapters
Articles are delivered as secure PDFs that expire after 30 days. Under UK copyright law one
article per journal issue, or one chapter or 10% of a book, may be supplied per person.

## Lost or damaged items
Patrons are charged the lender's replacement cost plus a 15 GBP admin fee.
""",
    "ill/copyright_guidelines.txt": """Copyright guidance for the ILL desk

Fair dealing for non-commercial research allows a single copy of one article from a journal
issue or one chapter (or up to 10 percent) of a book. Every copy request needs a signed
copyright declaration from the patron before we pass it to the British Library.

Theses: many UK theses are open access in EThOS or the institutional repository; check before
requesting. Pre-1990 theses may need a microfilm loan.

Repeat requests: if the same person asks for a second article from the same issue, refuse and
explain. Keep declarations for six years.
""",
    "dispatch/protocol_handbook.md": """# Dispatch protocol handbook - Northmoor Ambulance Control

## Call categories
- **Red (category 1):** life-threatening, e.g. cardiac arrest, not breathing, major bleeding.
  Mean response target 7 minutes, 90th centile 15 minutes.
- **Amber (category 2):** emergency, e.g. stroke, chest pain, serious injury. Mean target 18
  minutes, 90th centile 40 minutes.
- **Green (category 3/4):** urgent or less urgent; may be referred to clinical hub for a call
  back within 60 minutes.

## Dual dispatch
Send two resources to any red call where CPR is in progress. Always alert the fire service for
entrapment at road traffic collisions.

## Welfare calls
If a green call has waited more than 60 minutes, call the patient back and re-triage. Upgrade
to amber if the condition has worsened.

## Handover delays
Crews held at hospital over 30 minutes must be reported to the duty manager.
""",
    "dispatch/shift_handover_notes.txt": """Shift handover - night to day, 14 Nov 2026

North Vale station: AMB04 off road, clutch. Replacement vehicle due 10:00.
Kestrel Moor: snow on the B6270, expect longer response times, 4x4 available at Brackley.
Harbourside: festival in the park until Sunday, extra event cover on site with first aiders.
Hospital: St Aidan's ED handover delays averaging 45 min overnight, escalated to HALO.
Reminder: new stroke pathway live from Monday, thrombectomy calls go straight to Northmoor
General.
""",
}


def main(out: Path) -> None:
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)

    batches = brewery(rng, 560)
    batches.iloc[:380].to_csv(out / "brew_batches_2025.csv", index=False)
    batches.iloc[380:500].to_csv(out / "brew_batches_2026.csv", index=False)
    new = batches.iloc[500:].drop(columns=["off_flavour", "qc_result", "panel_score"])
    new.to_csv(out / "batches_in_tank.csv", index=False)
    fb, fb_gold = feedback(rng, 420)
    fb.to_csv(out / "taproom_feedback.csv", index=False)
    fb_gold.to_csv(out / "feedback_handlabelled.csv", index=False)
    ferment_log(rng, 600).to_csv(out / "fermentation_log.csv", index=False)
    (out / "taproom_rules.json").write_text(json.dumps(RULES_FEEDBACK, indent=2) + "\n")

    req = ill_requests(rng, 900)
    req.iloc[:620].to_csv(out / "ill_requests_2024_25.csv", index=False)
    req.iloc[620:820].to_csv(out / "ill_requests_2026.csv", index=False)
    req.iloc[820:].drop(columns=["days_to_supply", "outcome"]).to_csv(
        out / "ill_pending.csv", index=False
    )
    notes, notes_gold = ill_notes(rng, 360)
    notes.to_csv(out / "ill_desk_notes.csv", index=False)
    notes_gold.to_csv(out / "ill_notes_checked.csv", index=False)
    (out / "ill_note_rules.json").write_text(json.dumps(RULES_ILL, indent=2) + "\n")

    q1, _ = calls(rng, 700, 100000, 1, 0.6)
    q2, q2_code = calls(rng, 260, 200000, 4, 1.0)
    q1.to_csv(out / "calls_q1.csv", index=False)
    q2.to_csv(out / "calls_q2.csv", index=False)
    live, live_code = calls(rng, 80, 300000, 7, 0.0)
    live.drop(columns=["response_min", "on_scene_min", "conveyed", "triage_cat"]).to_csv(
        out / "calls_live.csv", index=False
    )
    audit, audit_code = calls(rng, 300, 400000, 7, 0.1)
    audit.to_csv(out / "calls_jul_unaudited.csv", index=False)
    idx = rng.choice(np.flatnonzero(audit["triage_cat"] == ""), size=55, replace=False)
    pd.DataFrame(
        {
            "call_id": audit["call_id"].iloc[np.sort(idx)],
            "triage_cat": [audit_code[i] for i in np.sort(idx)],
        }
    ).to_csv(out / "triage_audit_gold.csv", index=False)
    (out / "triage_rules.json").write_text(json.dumps(RULES_TRIAGE, indent=2) + "\n")
    unit_pings(rng, 500).to_csv(out / "unit_telemetry.csv", index=False)

    for rel, text in DOCS.items():
        path = out / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
