"""Write the fresh11 corpus's data files into a folder: python make_data.py DIR.

Everything is invented here (fixed seeds, numpy/pandas only, no network): clinical-trial adverse
events, card transactions, news headlines, soil samples, game player sessions, contract clauses,
air-quality station readings, two markdown documents, and one earlier labeling output folder
(labeling/clauses-run1/) so that label-review goals have something to review.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd


def _pick(
    rng: np.random.Generator, items: list[str], n: int, p: list[float] | None = None
) -> np.ndarray:
    return rng.choice(np.array(items, dtype=object), size=n, p=p)


# ----- clinical-trial adverse events -------------------------------------------------------------
RELATED_TERMS = [
    "injection site reaction with erythema",
    "nausea within hours of dosing",
    "rash after second dose",
    "elevated ALT three times ULN",
    "infusion related chills",
    "fatigue starting day after infusion",
    "neutropenia grade 3 after cycle 2",
    "headache resolved on dechallenge",
    "pruritus at injection site",
    "QT prolongation on ECG post dose",
    "diarrhoea recurring with each dose",
    "hypersensitivity reaction",
]
UNRELATED_TERMS = [
    "fractured wrist after fall on ice",
    "seasonal influenza",
    "road traffic accident",
    "dental abscess",
    "sprained ankle playing football",
    "common cold",
    "appendicitis",
    "worsening of pre-existing osteoarthritis",
    "sunburn on holiday",
    "covid-19 infection from household contact",
    "back pain after lifting furniture",
    "insect bite",
]
SOC = {
    "injection": "General disorders",
    "nausea": "Gastrointestinal",
    "rash": "Skin",
    "ALT": "Hepatobiliary",
    "chills": "General disorders",
    "fatigue": "General disorders",
    "neutropenia": "Blood and lymphatic",
    "headache": "Nervous system",
    "pruritus": "Skin",
    "QT": "Cardiac",
    "diarrhoea": "Gastrointestinal",
    "hypersensitivity": "Immune system",
}


def adverse_events(
    rng: np.random.Generator, n: int, start: int, labeled_share: float
) -> pd.DataFrame:
    related = rng.random(n) < 0.45
    terms = np.where(
        related,
        _pick(rng, RELATED_TERMS, n),
        _pick(rng, UNRELATED_TERMS, n),
    )
    soc = [
        next(
            (v for k, v in SOC.items() if k in t),
            "Injury and procedural"
            if any(w in t for w in ("fall", "accident", "sprained", "fractured", "lifting"))
            else "Infections"
            if any(w in t for w in ("influenza", "cold", "covid", "abscess", "appendicitis"))
            else "Other",
        )
        for t in terms
    ]
    arm = np.where(
        related,
        _pick(rng, ["active 10 mg", "active 20 mg", "placebo"], n, [0.4, 0.45, 0.15]),
        _pick(rng, ["active 10 mg", "active 20 mg", "placebo"], n),
    )
    grade = np.clip(np.where(related, rng.integers(1, 5, n), rng.integers(1, 4, n)), 1, 5)
    serious = np.where((grade >= 3) & (rng.random(n) < 0.7), "yes", "no")
    dechallenge = np.where(
        related,
        _pick(rng, ["positive", "negative", "not done"], n, [0.6, 0.1, 0.3]),
        _pick(rng, ["positive", "negative", "not done"], n, [0.1, 0.3, 0.6]),
    )
    onset = np.where(related, rng.integers(1, 15, n), rng.integers(1, 180, n))
    frame = pd.DataFrame(
        {
            "event_id": [f"AE{start + i:05d}" for i in range(n)],
            "subject_id": [f"S{x:04d}" for x in rng.integers(1, 240, n)],
            "site": _pick(rng, ["Leeds", "Lyon", "Krakow", "Porto", "Graz", "Utrecht"], n),
            "arm": arm,
            "age": rng.integers(19, 81, n),
            "sex": _pick(rng, ["F", "M"], n),
            "ae_term": terms,
            "soc": soc,
            "ctcae_grade": grade,
            "serious": serious,
            "onset_day": onset,
            "duration_days": np.round(rng.gamma(2.0, 4.0, n), 1),
            "dechallenge": dechallenge,
            "outcome": _pick(
                rng,
                ["recovered", "recovering", "not recovered", "recovered with sequelae"],
                n,
                [0.6, 0.2, 0.15, 0.05],
            ),
            "causality": np.where(related, "related", "not related"),
        }
    )
    frame.loc[
        frame.sample(frac=0.04, random_state=int(rng.integers(1e6))).index, "duration_days"
    ] = np.nan
    if labeled_share < 1:
        keep = rng.random(n) < labeled_share
        frame["causality"] = frame["causality"].where(keep, "")
    return frame


# ----- card transactions ---------------------------------------------------------------------------
def card_txns(
    rng: np.random.Generator, n: int, start: int, with_label: bool, anomalies: int
) -> pd.DataFrame:
    fraud = rng.random(n) < 0.05
    mcc = np.where(
        fraud,
        _pick(rng, ["electronics", "jewelry", "gaming", "travel", "online_services"], n),
        _pick(
            rng,
            [
                "grocery",
                "fuel",
                "restaurants",
                "travel",
                "electronics",
                "online_services",
                "pharmacy",
                "gaming",
            ],
            n,
            [0.3, 0.15, 0.2, 0.05, 0.08, 0.12, 0.07, 0.03],
        ),
    )
    channel = np.where(
        fraud,
        _pick(rng, ["ecom", "contactless", "chip", "atm"], n, [0.6, 0.1, 0.1, 0.2]),
        _pick(rng, ["ecom", "contactless", "chip", "atm"], n, [0.25, 0.4, 0.3, 0.05]),
    )
    amount = np.where(fraud, rng.lognormal(5.3, 0.9, n), rng.lognormal(3.4, 0.9, n))
    hour = np.where(fraud, rng.choice([0, 1, 2, 3, 4, 23, 22, 13], n), rng.integers(7, 23, n))
    frame = pd.DataFrame(
        {
            "txn_id": [f"T{start + i:06d}" for i in range(n)],
            "card_id": [f"C{x:05d}" for x in rng.integers(1, 900, n)],
            "hour": hour,
            "amount_eur": np.round(amount, 2),
            "mcc_group": mcc,
            "channel": channel,
            "country_match": np.where(
                fraud & (rng.random(n) < 0.6), "no", np.where(rng.random(n) < 0.05, "no", "yes")
            ),
            "distance_home_km": np.round(
                np.where(fraud, rng.exponential(600, n), rng.exponential(12, n)), 1
            ),
            "txns_last_24h": np.where(fraud, rng.poisson(7, n), rng.poisson(2, n)),
            "avg_amount_30d": np.round(rng.lognormal(3.5, 0.5, n), 2),
            "card_age_months": rng.integers(1, 120, n),
        }
    )
    if anomalies:
        idx = rng.choice(n, anomalies, replace=False)
        frame.loc[idx[: anomalies // 2], "amount_eur"] = np.round(
            rng.uniform(15000, 60000, anomalies // 2), 2
        )
        frame.loc[idx[anomalies // 2 :], "distance_home_km"] = np.round(
            rng.uniform(9000, 16000, anomalies - anomalies // 2), 1
        )
        frame.loc[idx[anomalies // 2 :], "txns_last_24h"] = rng.integers(
            40, 90, anomalies - anomalies // 2
        )
    if with_label:
        frame["is_fraud"] = fraud.astype(int)
    return frame


# ----- news headlines -----------------------------------------------------------------------------
HEADLINE_PARTS = {
    "markets": (
        [
            "Shares in",
            "Bond yields at",
            "Investors dump",
            "Central bank signals rate cut as",
            "Profit warning hits",
            "Quarterly earnings lift",
            "Oil price slide drags",
        ],
        [
            "Lufthansa",
            "Siemens",
            "the FTSE 100",
            "regional lenders",
            "Unilever",
            "eurozone banks",
            "mining stocks",
        ],
        [
            "after dividend cut",
            "as inflation cools",
            "on merger talk",
            "amid currency swings",
            "ahead of IPO",
            "as revenue misses forecasts",
        ],
    ),
    "sport": (
        [
            "Late goal sends",
            "Coach sacked after",
            "Record crowd watches",
            "Injury rules",
            "Title race tightens as",
            "Doping ban for",
        ],
        ["Ajax", "the Lions", "Serena's successor", "the Springboks", "Celtic", "Ferrari's driver"],
        [
            "into the cup final",
            "after derby defeat",
            "in season opener",
            "before the play-offs",
            "at the Grand Prix",
            "in extra time",
        ],
    ),
    "politics": (
        [
            "Parliament votes on",
            "Minister resigns over",
            "Opposition demands inquiry into",
            "Coalition talks stall on",
            "Senate blocks",
            "Election watchdog probes",
        ],
        [
            "pension reform",
            "the budget bill",
            "border policy",
            "campaign donations",
            "the defence treaty",
            "voter registration",
        ],
        [
            "after heated debate",
            "as polls tighten",
            "ahead of the summit",
            "in late-night session",
            "despite protests",
            "before the recess",
        ],
    ),
    "science": (
        [
            "Astronomers detect",
            "Researchers sequence",
            "New study links",
            "Telescope images reveal",
            "Clinical trial shows",
            "Fossil find rewrites",
        ],
        [
            "an exoplanet atmosphere",
            "the wheat genome",
            "gut bacteria",
            "a distant galaxy cluster",
            "a malaria vaccine",
            "early mammals",
        ],
        [
            "with water vapour",
            "to sleep quality",
            "in peer-reviewed paper",
            "using gene editing",
            "in Antarctic ice",
            "published in Nature",
        ],
    ),
    "tech": (
        [
            "Startup unveils",
            "Chipmaker delays",
            "App store fines",
            "Cyberattack disrupts",
            "Smartphone maker recalls",
            "Cloud outage hits",
        ],
        [
            "an AI coding assistant",
            "its 2nm processor",
            "a messaging app",
            "hospital networks",
            "a foldable phone",
            "thousands of websites",
        ],
        [
            "after software bug",
            "citing supply issues",
            "over privacy breach",
            "in beta launch",
            "with open-source model",
            "amid ransomware demands",
        ],
    ),
}
OUTLETS = ["Daily Ledger", "Morning Wire", "Northern Post", "Global Desk", "City Herald"]


def headlines(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    topics = _pick(rng, list(HEADLINE_PARTS), n, [0.25, 0.2, 0.2, 0.15, 0.2])
    text = []
    for t in topics:
        a, b, c = HEADLINE_PARTS[t]
        text.append(f"{rng.choice(a)} {rng.choice(b)} {rng.choice(c)}")
    days = rng.integers(0, 300, n)
    return pd.DataFrame(
        {
            "headline_id": np.arange(start, start + n),
            "headline": text,
            "outlet": _pick(rng, OUTLETS, n),
            "published": (pd.Timestamp("2026-01-01") + pd.to_timedelta(days, unit="D")).strftime(
                "%Y-%m-%d"
            ),
            "topic": topics,
        }
    )


# ----- soil samples -------------------------------------------------------------------------------
def soil(rng: np.random.Generator, n: int, start: int, with_label: bool) -> pd.DataFrame:
    land = _pick(rng, ["forest", "pasture", "cropland", "wetland", "orchard"], n)
    sand = np.clip(rng.normal(45, 20, n), 3, 95)
    clay = np.clip(rng.normal(22, 10, n) + (land == "wetland") * 10, 2, 70)
    clay = np.minimum(clay, 98 - sand)
    silt = 100 - sand - clay
    oc = np.clip(rng.gamma(2, 1.0, n) + (land == "forest") * 2 + (land == "wetland") * 4, 0.1, 20)
    texture = np.where(
        sand > 70, "sandy", np.where(clay > 35, "clay", np.where(silt > 50, "silty", "loam"))
    )
    frame = pd.DataFrame(
        {
            "sample_id": [f"SS-{start + i:04d}" for i in range(n)],
            "plot": [f"P{x:02d}" for x in rng.integers(1, 40, n)],
            "land_use": land,
            "depth_cm": _pick(rng, ["0-10", "10-30", "30-60"], n),
            "ph_h2o": np.round(
                np.clip(rng.normal(6.2, 0.9, n) - (land == "forest") * 0.8, 3.5, 9), 2
            ),
            "organic_c_pct": np.round(oc, 2),
            "total_n_pct": np.round(oc / rng.uniform(9, 14, n), 3),
            "olsen_p_mg_kg": np.round(rng.gamma(2, 8, n) + (land == "cropland") * 15, 1),
            "exch_k_cmol_kg": np.round(rng.gamma(2, 0.2, n), 2),
            "sand_pct": np.round(sand, 1),
            "silt_pct": np.round(silt, 1),
            "clay_pct": np.round(clay, 1),
            "bulk_density_g_cm3": np.round(
                np.clip(1.6 - oc * 0.04 + rng.normal(0, 0.08, n), 0.6, 1.9), 2
            ),
            "moisture_pct": np.round(np.clip(rng.normal(22, 8, n) + clay * 0.2, 2, 70), 1),
            "earthworms_per_m2": rng.poisson(40, n) + (land == "pasture") * rng.poisson(60, n),
        }
    )
    for col, frac in (("olsen_p_mg_kg", 0.12), ("moisture_pct", 0.07), ("exch_k_cmol_kg", 0.03)):
        frame.loc[frame.sample(frac=frac, random_state=int(rng.integers(1e6))).index, col] = np.nan
    if with_label:
        frame["texture_class"] = texture
    return frame


# ----- game player sessions -----------------------------------------------------------------------
def sessions(rng: np.random.Generator, n: int, start: int, with_label: bool) -> pd.DataFrame:
    days = rng.integers(0, 400, n)
    minutes = np.round(rng.gamma(2, 25, n), 1)
    matches = np.maximum(1, (minutes / rng.uniform(8, 20, n)).astype(int))
    wins = rng.binomial(matches, 0.45)
    spend = np.round(np.where(rng.random(n) < 0.2, rng.gamma(1.5, 8, n), 0.0), 2)
    friends = rng.poisson(3, n)
    ping = np.round(rng.gamma(3, 18, n), 0)
    logit = -0.6 - 0.02 * minutes - 0.3 * friends + 0.015 * ping - 0.08 * spend + 0.003 * days
    churn = rng.random(n) < 1 / (1 + np.exp(-logit))
    frame = pd.DataFrame(
        {
            "session_id": [f"G{start + i:06d}" for i in range(n)],
            "player_id": [f"p{x:05d}" for x in rng.integers(1, 3000, n)],
            "platform": _pick(rng, ["pc", "console", "mobile"], n, [0.35, 0.25, 0.4]),
            "region": _pick(rng, ["EU", "NA", "SEA", "LATAM", "OCE"], n),
            "game_mode": _pick(rng, ["ranked", "casual", "battle_royale", "co-op"], n),
            "session_min": minutes,
            "matches": matches,
            "wins": wins,
            "kd_ratio": np.round(rng.lognormal(0, 0.4, n), 2),
            "ping_ms": ping,
            "store_visits": rng.poisson(1.2, n),
            "spend_usd": spend,
            "days_since_install": days,
            "friends_online": friends,
            "player_level": np.clip((days / 4 + rng.normal(10, 8, n)).astype(int), 1, 120),
        }
    )
    if with_label:
        frame["churned_30d"] = np.where(churn, "yes", "no")
    return frame


# ----- contract clauses ---------------------------------------------------------------------------
CLAUSES = {
    "indemnification": [
        "The Supplier shall indemnify and hold harmless the Customer against all claims, losses and damages arising from {x}.",
        "Each party agrees to defend and indemnify the other from third-party claims relating to {x}.",
        "Licensee will indemnify Licensor for any liabilities resulting from {x}.",
    ],
    "termination": [
        "Either party may terminate this Agreement upon {n} days written notice if the other party {y}.",
        "This Agreement shall terminate automatically if {y}, without prejudice to accrued rights.",
        "The Customer may terminate for convenience on {n} days notice, subject to payment of fees for services rendered.",
    ],
    "confidentiality": [
        "The Receiving Party shall keep confidential all Confidential Information disclosed in connection with {x} and shall not disclose it to any third party.",
        "Confidential Information shall not include information that is or becomes publicly available through no fault of the Receiving Party.",
        "The obligations of confidentiality shall survive for {n} years after expiry or termination of this Agreement.",
    ],
    "limitation_of_liability": [
        "In no event shall either party be liable for indirect, incidental or consequential damages, including loss of profits, arising from {x}.",
        "The aggregate liability of the Supplier shall not exceed the fees paid in the {n} months preceding the claim.",
        "Nothing in this Agreement limits liability for death or personal injury caused by negligence or for fraud.",
    ],
    "governing_law": [
        "This Agreement shall be governed by and construed in accordance with the laws of {z}.",
        "The courts of {z} shall have exclusive jurisdiction over any dispute arising out of this Agreement.",
        "Any dispute shall be finally resolved by arbitration seated in {z} under the ICC Rules.",
    ],
    "payment_terms": [
        "The Customer shall pay each invoice within {n} days of receipt; late payments accrue interest at 4% above the base rate.",
        "Fees are exclusive of VAT, which shall be payable by the Customer at the prevailing rate.",
        "The Supplier may suspend the services if any undisputed invoice remains unpaid {n} days after the due date.",
    ],
}
FILL_X = [
    "infringement of intellectual property rights",
    "breach of data protection law",
    "the Services",
    "negligent acts of its personnel",
    "the supply of Goods",
    "the Project",
]
FILL_Y = [
    "commits a material breach which is not remedied within 30 days",
    "becomes insolvent",
    "undergoes a change of control",
    "fails to obtain the required permits",
]
FILL_Z = [
    "England and Wales",
    "the State of New York",
    "Singapore",
    "the Netherlands",
    "Switzerland",
]


def clauses(rng: np.random.Generator, n: int, start: int, labeled_share: float) -> pd.DataFrame:
    kinds = _pick(rng, list(CLAUSES), n)
    texts = []
    for k in kinds:
        tpl = str(rng.choice(CLAUSES[k]))
        texts.append(
            tpl.format(
                x=rng.choice(FILL_X),
                y=rng.choice(FILL_Y),
                z=rng.choice(FILL_Z),
                n=int(rng.choice([10, 14, 30, 45, 60, 90, 12, 24, 3, 5])),
            )
        )
    frame = pd.DataFrame(
        {
            "clause_id": [f"CL-{start + i:04d}" for i in range(n)],
            "contract_id": [f"K{x:03d}" for x in rng.integers(1, 60, n)],
            "contract_type": _pick(
                rng, ["MSA", "NDA", "SaaS subscription", "supply agreement", "licence"], n
            ),
            "section": [
                f"{a}.{b}"
                for a, b in zip(rng.integers(1, 20, n), rng.integers(1, 9, n), strict=False)
            ],
            "clause_text": texts,
            "clause_type": kinds,
        }
    )
    if labeled_share < 1:
        frame["clause_type"] = frame["clause_type"].where(rng.random(n) < labeled_share, None)
    return frame


# ----- air-quality stations -----------------------------------------------------------------------
def air_quality(
    rng: np.random.Generator, n: int, start: int, with_label: bool, faults: int
) -> pd.DataFrame:
    stype = _pick(rng, ["urban_traffic", "urban_background", "suburban", "rural", "industrial"], n)
    base = {
        "urban_traffic": 22,
        "urban_background": 14,
        "suburban": 10,
        "rural": 6,
        "industrial": 18,
    }
    pm25 = np.array([rng.gamma(2.2, base[s] / 2.2) for s in stype])
    wind = np.round(rng.gamma(2, 1.8, n), 1)
    pm25 = pm25 * np.exp(-0.08 * wind)
    no2 = np.clip(pm25 * rng.uniform(0.8, 2.2, n) + (stype == "urban_traffic") * 15, 1, None)
    frame = pd.DataFrame(
        {
            "reading_id": np.arange(start, start + n),
            "station_id": [f"AQ{x:03d}" for x in rng.integers(1, 35, n)],
            "station_type": stype,
            "date": (
                pd.Timestamp("2026-03-01") + pd.to_timedelta(rng.integers(0, 120, n), unit="D")
            ).strftime("%Y-%m-%d"),
            "hour": rng.integers(0, 24, n),
            "pm25_ugm3": np.round(pm25, 1),
            "pm10_ugm3": np.round(pm25 * rng.uniform(1.3, 2.0, n), 1),
            "no2_ugm3": np.round(no2, 1),
            "o3_ugm3": np.round(np.clip(rng.normal(55, 18, n) - no2 * 0.3, 2, None), 1),
            "co_mgm3": np.round(rng.gamma(2, 0.2, n), 2),
            "so2_ugm3": np.round(rng.gamma(1.5, 3, n) + (stype == "industrial") * 8, 1),
            "temp_c": np.round(rng.normal(13, 7, n), 1),
            "rel_humidity": np.round(np.clip(rng.normal(68, 14, n), 15, 100), 0),
            "wind_ms": wind,
        }
    )
    if faults:
        idx = rng.choice(n, faults, replace=False)
        third = faults // 3
        frame.loc[idx[:third], "pm25_ugm3"] = -999.0
        frame.loc[idx[third : 2 * third], "pm10_ugm3"] = (
            frame.loc[idx[third : 2 * third], "pm25_ugm3"] * 0.3
        )
        frame.loc[idx[2 * third :], "no2_ugm3"] = np.round(
            rng.uniform(600, 900, faults - 2 * third), 1
        )
    for col, frac in (("o3_ugm3", 0.05), ("so2_ugm3", 0.09), ("rel_humidity", 0.02)):
        frame.loc[frame.sample(frac=frac, random_state=int(rng.integers(1e6))).index, col] = np.nan
    if with_label:
        band = np.where(pm25 > 35, "unhealthy", np.where(pm25 > 12, "moderate", "good"))
        frame["aqi_band"] = band
    return frame


# ----- documents ----------------------------------------------------------------------------------
SAFETY_MANUAL = """# Study ZX-204: Safety Reporting Manual for Investigator Sites

Version 3.1, effective 15 September 2026. This manual applies to every site enrolling subjects in
study ZX-204, a randomised, double-blind, placebo-controlled phase II trial of zenoxabant in
moderate plaque psoriasis.

## 1. Definitions

An adverse event (AE) is any untoward medical occurrence in a subject who received study drug,
whether or not it is considered related to the drug. A serious adverse event (SAE) is an AE that
results in death, is life-threatening, requires inpatient hospitalisation or prolongs an existing
hospitalisation, results in persistent disability, or is a congenital anomaly.

A suspected unexpected serious adverse reaction (SUSAR) is a serious reaction whose nature or
severity is not consistent with the reference safety information in the Investigator's Brochure.

## 2. Reporting timelines

The investigator must report every SAE to the sponsor's pharmacovigilance desk within 24 hours of
becoming aware of it. Follow-up information is sent within 5 calendar days. Fatal or
life-threatening SUSARs are reported by the sponsor to the competent authority within 7 days;
other SUSARs within 15 days.

Non-serious AEs are entered in the electronic case report form within 10 working days of the
visit at which they were identified.

## 3. Grading severity

Severity is graded with CTCAE version 5.0. Grade 1 is mild, grade 2 is moderate, grade 3 is
severe or medically significant, grade 4 is life-threatening and grade 5 is death related to the
AE. Severity and seriousness are different things: a grade 3 headache is severe but is not
serious unless it meets a seriousness criterion.

## 4. Causality assessment

The investigator assesses whether each AE is related to study drug. An event is considered
related when there is a plausible time relationship to dosing, a positive dechallenge (the event
improves when the drug is stopped), or a positive rechallenge. An event is considered not related
when another cause clearly explains it, for example trauma, an intercurrent infection or a
pre-existing condition. When in doubt, the event is recorded as related.

## 5. Unblinding

Emergency unblinding is done through the interactive response system only when knowledge of the
treatment is needed to treat the subject. The investigator records the reason and informs the
medical monitor within 24 hours. Unblinding for a SUSAR report is done by the sponsor's safety
team, never by the site.

## 6. Pregnancy

A pregnancy in a subject or the partner of a male subject is reported within 24 hours on the
pregnancy form, even though pregnancy itself is not an AE. The pregnancy is followed until
outcome.

## 7. Data monitoring committee

An independent data monitoring committee reviews unblinded safety data every 6 months. If the
rate of grade 3 or higher hepatic events in either active arm exceeds 5%, the committee meets
within 14 days and may recommend pausing enrolment.
"""

AQ_HANDBOOK = """# Metro Air Quality Network: Station Operations Handbook

This handbook describes how the 34 stations of the metropolitan air quality network are run,
checked and reported. It is maintained by the network's data quality team.

## Station types

Stations are classified as urban traffic, urban background, suburban, rural or industrial.
Urban traffic stations sit within 10 metres of a major road and measure the highest nitrogen
dioxide levels. Rural stations are background sites at least 20 km from any large emission
source and are used to estimate regional transport of pollution.

## Instruments

Fine particulate matter (PM2.5) and PM10 are measured with beta attenuation monitors that
report hourly means. Nitrogen dioxide is measured by chemiluminescence and ozone by UV
photometry. Each analyser is calibrated every 14 days with a zero and span check. A span drift
above 5% triggers a recalibration and the hours since the last good check are flagged.

## Data validation

Raw hourly values pass automatic checks before publication. A value of -999 means the
analyser reported no data and is never published. An hour in which PM10 is lower than PM2.5 is
physically impossible and is flagged as suspect, because PM10 includes every PM2.5 particle.
Nitrogen dioxide above 400 ug/m3 at a non-industrial station is held for manual review.
Ratified data are released quarterly after the data quality team has reviewed every flag.

## Air quality index bands

The public index uses PM2.5 daily means. Up to 12 ug/m3 is good, above 12 and up to 35 ug/m3 is
moderate, and above 35 ug/m3 is unhealthy. When any station reaches the unhealthy band for
two consecutive days, the network issues a public alert through the city website and the
transport authority.

## Maintenance

Inlets are cleaned monthly and filters changed every 30 days. Stations lose power most often
during summer storms; each station has a battery that keeps the loggers running for 6 hours.
A station with less than 75% valid hours in a month does not count towards annual compliance.

## Contacts

Fault reports go to the network operations desk, which is staffed from 07:00 to 19:00 on
working days. Out of hours, the on-call engineer is reached through the duty phone.
"""


def labeling_output(folder: Path, pool: pd.DataFrame) -> None:
    """An earlier label_dataset-shaped run on clauses.csv (keyword LFs), for review goals."""
    classes = sorted(CLAUSES)
    lfs = [
        {
            "name": "kw_indemn",
            "label": "indemnification",
            "kind": "keyword",
            "column": "clause_text",
            "keywords": ["indemnify", "hold harmless", "indemnification"],
        },
        {
            "name": "kw_terminate",
            "label": "termination",
            "kind": "keyword",
            "column": "clause_text",
            "keywords": ["terminate", "termination"],
        },
        {
            "name": "kw_confidential",
            "label": "confidentiality",
            "kind": "keyword",
            "column": "clause_text",
            "keywords": ["confidential", "confidentiality"],
        },
        {
            "name": "kw_liability",
            "label": "limitation_of_liability",
            "kind": "keyword",
            "column": "clause_text",
            "keywords": ["liable", "liability", "consequential"],
        },
        {
            "name": "kw_law",
            "label": "governing_law",
            "kind": "keyword",
            "column": "clause_text",
            "keywords": ["governed", "jurisdiction", "arbitration"],
        },
        {
            "name": "kw_invoice",
            "label": "payment_terms",
            "kind": "keyword",
            "column": "clause_text",
            "keywords": ["invoice", "VAT", "payable"],
        },
    ]
    text = pool["clause_text"].str.lower()
    votes = np.zeros((len(pool), len(classes)))
    for lf in lfs:
        hit = np.zeros(len(pool), dtype=bool)
        for kw in lf["keywords"]:
            hit |= text.str.contains(kw.lower(), regex=False).to_numpy()
        votes[hit, classes.index(lf["label"])] += 1
    covered = votes.sum(axis=1) > 0
    probs = (votes + 0.15) / (votes + 0.15).sum(axis=1, keepdims=True)
    out = pd.DataFrame({"id": pool["clause_id"].to_numpy()})
    out["label"] = np.asarray(classes, dtype=object)[probs.argmax(axis=1)]
    for i, c in enumerate(classes):
        out[f"prob_{c}"] = np.round(probs[:, i], 4)
    out["covered"] = covered
    out["label_source"] = np.where(covered, "label_model", "prior")
    for col in pool.columns:
        if col != "clause_id":
            out[col] = pool[col].to_numpy()
    folder.mkdir(parents=True, exist_ok=True)
    out.to_parquet(folder / "labeled.parquet", index=False)
    (folder / "labeling_functions.json").write_text(
        json.dumps(lfs, indent=2) + "\n", encoding="utf-8"
    )
    metrics = {
        "classes": classes,
        "text_column": "clause_text",
        "id_column": "clause_id",
        "gold": {"source": "data column 'clause_type'"},
        "label_name": "clause_type",
    }
    (folder / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(1111)

    adverse_events(rng, 520, 1, labeled_share=0.15).to_csv(out / "ae_events.csv", index=False)
    adverse_events(rng, 160, 5001, labeled_share=1.0).to_csv(
        out / "ae_events_test.csv", index=False
    )

    card_txns(rng, 1500, 1, with_label=True, anomalies=10).to_csv(
        out / "card_txns.csv", index=False
    )
    card_txns(rng, 400, 500001, with_label=True, anomalies=0).to_csv(
        out / "card_txns_test.csv", index=False
    )
    card_txns(rng, 250, 900001, with_label=False, anomalies=4).to_csv(
        out / "card_txns_new.csv", index=False
    )

    pool = headlines(rng, 600, 1)
    pool[["headline_id", "topic"]].sample(90, random_state=11).sort_values("headline_id").to_csv(
        out / "headline_gold.csv", index=False
    )
    pool.drop(columns="topic").to_csv(out / "headlines.csv", index=False)
    headlines(rng, 150, 10001).to_csv(out / "headlines_test.csv", index=False)

    soil(rng, 380, 1, with_label=True).to_csv(out / "soil_samples.csv", index=False)
    soil(rng, 90, 2001, with_label=False).to_json(
        out / "soil_new_cores.jsonl", orient="records", lines=True
    )

    sessions(rng, 1100, 1, with_label=True).to_csv(out / "player_sessions.csv", index=False)
    sessions(rng, 260, 700001, with_label=True).to_csv(
        out / "player_sessions_holdout.csv", index=False
    )
    sessions(rng, 200, 900001, with_label=False).to_json(
        out / "sessions_week49.jsonl", orient="records", lines=True
    )

    cl = clauses(rng, 420, 1, labeled_share=0.14)
    cl.to_csv(out / "clauses.csv", index=False)
    clauses(rng, 120, 5001, labeled_share=1.0).to_csv(out / "clauses_test.csv", index=False)
    labeling_output(out / "labeling" / "clauses-run1", cl)

    air_quality(rng, 1200, 1, with_label=True, faults=18).to_csv(
        out / "aq_stations.csv", index=False
    )
    air_quality(rng, 240, 50001, with_label=False, faults=0).to_csv(
        out / "aq_readings_dec.csv", index=False
    )

    docs = out / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "zx204_safety_manual.md").write_text(SAFETY_MANUAL, encoding="utf-8")
    (docs / "aq_station_handbook.md").write_text(AQ_HANDBOOK, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
