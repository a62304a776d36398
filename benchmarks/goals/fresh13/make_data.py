"""Write the fresh13 corpus's invented data into a folder: `python make_data.py DIR`.

Deterministic (fixed seeds), offline, numpy/pandas only, well under 1 MB in all:

- viewing_sessions.csv, viewing_sessions_new.csv, watch_events_feb.jsonl  (streaming service)
- inspections_2025.csv, inspections_2026_q3.csv, inspector_review.csv     (restaurant health)
- accidents.csv, accidents_2026.csv                                       (road traffic)
- support_chats.csv, labeling/support_chats-20261128-141502/              (support chat logs)
- crop_yields.csv, field_trials.parquet                                   (crop yields per field)
- abstracts.jsonl, abstracts_new.csv                                      (paper abstracts)
- docs/inspector_handbook.md, docs/playback_troubleshooting.md, docs/road_safety_brief.txt
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd


def _pick(rng: np.random.Generator, options: list, n: int, p: list[float] | None = None) -> list:
    return [options[i] for i in rng.choice(len(options), size=n, p=p)]


# --------------------------------------------------------------------------- streaming sessions
def viewing_sessions(rng: np.random.Generator, n: int, labeled: bool) -> pd.DataFrame:
    device = _pick(
        rng, ["smart_tv", "mobile", "web", "console", "tablet"], n, [0.38, 0.3, 0.16, 0.08, 0.08]
    )
    tier = _pick(rng, ["basic", "standard", "premium"], n, [0.4, 0.4, 0.2])
    genre = _pick(
        rng, ["drama", "comedy", "documentary", "kids", "thriller", "reality", "anime"], n
    )
    country = _pick(rng, ["US", "UK", "DE", "BR", "IN", "FR", "MX"], n)
    hour = rng.integers(0, 24, n)
    minutes = np.round(rng.gamma(2.2, 28, n), 1)
    episodes = np.maximum(0, np.round(minutes / rng.uniform(22, 55, n))).astype(int)
    buffering = rng.poisson(np.where(np.array(device) == "mobile", 2.5, 0.9))
    bitrate = np.round(rng.normal(4200, 1300, n)).clip(400, 9000)
    tenure = rng.integers(1, 60, n)
    frame = pd.DataFrame(
        {
            "session_id": [f"S{100000 + i}" for i in range(n)]
            if labeled
            else [f"S{300000 + i}" for i in range(n)],
            "user_id": [f"U{x}" for x in rng.integers(1000, 4000, n)],
            "device": device,
            "country": country,
            "subscription_tier": tier,
            "tenure_months": tenure,
            "genre": genre,
            "start_hour": hour,
            "minutes_watched": minutes,
            "episodes_watched": episodes,
            "buffering_events": buffering,
            "avg_bitrate_kbps": bitrate,
        }
    )
    # some bitrate readings are lost on old clients
    frame.loc[rng.random(n) < 0.07, "avg_bitrate_kbps"] = np.nan
    frame.loc[rng.random(n) < 0.03, "country"] = None
    if labeled:
        logit = (
            -1.0
            + 0.45 * buffering
            - 0.02 * minutes
            - 0.04 * tenure
            + np.where(np.array(tier) == "basic", 0.7, 0.0)
        )
        frame["churned_30d"] = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
        fin = 0.3 + 0.006 * minutes - 0.15 * buffering
        frame["finished_title"] = np.where(rng.random(n) < fin.clip(0.05, 0.95), "yes", "no")
    return frame


def watch_events(rng: np.random.Generator, n: int) -> list[dict]:
    rows = []
    for i in range(n):
        rows.append(
            {
                "event_id": f"E{i:05d}",
                "session_id": f"S{100000 + int(rng.integers(0, 1200))}",
                "ts": f"2026-02-{1 + i % 28:02d}T{int(rng.integers(0, 24)):02d}:{int(rng.integers(0, 60)):02d}:00Z",
                "event": str(
                    rng.choice(["play", "pause", "seek", "stop", "rebuffer", "quality_change"])
                ),
                "position_s": int(rng.integers(0, 5400)),
            }
        )
    return rows


# --------------------------------------------------------------------------- inspections
NOTE_BAD = [
    "Live cockroaches observed near the dish station.",
    "Raw chicken stored above ready-to-eat salad in the walk-in cooler.",
    "Hand sink blocked with crates, no soap at the prep line.",
    "Walk-in cooler at 52F, potentially hazardous food discarded.",
    "Rodent droppings found behind the dry storage shelving.",
    "Food handler with no hairnet and bare-hand contact with cooked rice.",
    "Sanitizer bucket reading 0 ppm, cutting boards heavily scored.",
    "Hot holding of soup measured at 110F, below the 135F requirement.",
    "No certified food protection manager on duty.",
    "Evidence of flies in the kitchen, door propped open with no screen.",
]
NOTE_OK = [
    "Kitchen clean and well organised, temperature logs up to date.",
    "All cold holding units at or below 41F.",
    "Staff trained, food safety certificate posted at the entrance.",
    "Minor: light shield missing over the prep table.",
    "Minor: wiping cloths not stored in sanitizer between uses.",
    "Dumpster lid left open, otherwise no issues.",
    "Date labels present on all prepared items in the reach-in.",
    "Floors and walls in good repair, grease trap recently serviced.",
    "Minor: thermometer missing in one reach-in cooler.",
    "Handwashing sinks stocked with soap and paper towels.",
]
CUISINES = [
    "pizza",
    "chinese",
    "mexican",
    "cafe",
    "indian",
    "thai",
    "burgers",
    "sushi",
    "bakery",
    "deli",
]
DISTRICTS = ["north", "south", "east", "west", "central", "harbor"]
NAME_A = [
    "Golden",
    "Lucky",
    "Blue",
    "Corner",
    "Happy",
    "Old Town",
    "Sunset",
    "Little",
    "Royal",
    "Green",
]
NAME_B = [
    "Dragon",
    "Fork",
    "Spoon",
    "Kitchen",
    "Grill",
    "Bistro",
    "Garden",
    "Express",
    "House",
    "Diner",
]


def inspections(rng: np.random.Generator, n: int, start_id: int, year: int) -> pd.DataFrame:
    crit = rng.poisson(1.1, n)
    noncrit = rng.poisson(2.5, n)
    notes = []
    for c in crit:
        k_bad = min(int(c), 3)
        parts = list(rng.choice(NOTE_BAD, size=k_bad, replace=False)) if k_bad else []
        parts += list(rng.choice(NOTE_OK, size=int(rng.integers(1, 3)), replace=False))
        rng.shuffle(parts)
        notes.append(" ".join(parts))
    score = (crit * 9 + noncrit * 2 + rng.normal(0, 3, n)).clip(0, 80).round().astype(int)
    frame = pd.DataFrame(
        {
            "inspection_id": np.arange(start_id, start_id + n),
            "restaurant": [
                f"{a} {b}"
                for a, b in zip(_pick(rng, NAME_A, n), _pick(rng, NAME_B, n), strict=False)
            ],
            "cuisine": _pick(rng, CUISINES, n),
            "district": _pick(rng, DISTRICTS, n),
            "inspection_date": [
                f"{year}-{int(m):02d}-{int(d):02d}"
                for m, d in zip(rng.integers(1, 13, n), rng.integers(1, 29, n), strict=False)
            ],
            "inspector_id": [f"INS-{x}" for x in rng.integers(10, 40, n)],
            "inspection_type": _pick(
                rng, ["routine", "follow_up", "complaint"], n, [0.7, 0.2, 0.1]
            ),
            "critical_violations": crit,
            "noncritical_violations": noncrit,
            "score": score,
            "inspector_notes": notes,
        }
    )
    return frame


def grade_of(score: np.ndarray) -> np.ndarray:
    return np.where(score <= 13, "A", np.where(score <= 27, "B", "C"))


# --------------------------------------------------------------------------- accidents
def accidents(
    rng: np.random.Generator, n: int, start_id: int, year: int, spoil: bool
) -> pd.DataFrame:
    road = _pick(
        rng,
        ["motorway", "a_road", "b_road", "urban_street", "rural_lane"],
        n,
        [0.15, 0.3, 0.2, 0.25, 0.1],
    )
    speed_map = {"motorway": 70, "a_road": 60, "b_road": 50, "urban_street": 30, "rural_lane": 40}
    speed = np.array([speed_map[r] for r in road]) + rng.choice([-10, 0, 0, 0, 10], n)
    weather = _pick(rng, ["clear", "rain", "fog", "snow", "wind"], n, [0.6, 0.25, 0.06, 0.04, 0.05])
    light = _pick(rng, ["daylight", "dark_lit", "dark_unlit"], n, [0.65, 0.22, 0.13])
    surface = [
        ("wet" if w == "rain" else "icy" if w == "snow" else str(rng.choice(["dry", "dry", "wet"])))
        for w in weather
    ]
    vehicles = rng.integers(1, 5, n)
    hour = rng.integers(0, 24, n)
    risk = (
        -3.0
        + 0.035 * speed
        + np.where(np.array(light) == "dark_unlit", 0.9, 0.0)
        + np.where(np.array(surface) == "icy", 0.6, 0.0)
        + 0.2 * vehicles
    )
    u = rng.random(n)
    p_serious = 1 / (1 + np.exp(-risk))
    severity = np.where(u < p_serious * 0.18, "fatal", np.where(u < p_serious, "serious", "slight"))
    casualties = np.maximum(1, rng.poisson(vehicles * 0.7)).astype(int)
    frame = pd.DataFrame(
        {
            "accident_id": [f"RTA{year}-{i:05d}" for i in range(start_id, start_id + n)],
            "date": [
                f"{year}-{int(m):02d}-{int(d):02d}"
                for m, d in zip(rng.integers(1, 13, n), rng.integers(1, 29, n), strict=False)
            ],
            "hour": hour,
            "weekday": _pick(rng, ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], n),
            "road_type": road,
            "speed_limit": speed,
            "urban_rural": [
                "urban"
                if r == "urban_street" or (r == "b_road" and rng.random() < 0.5)
                else "rural"
                for r in road
            ],
            "weather": weather,
            "light_conditions": light,
            "road_surface": surface,
            "vehicles_involved": vehicles,
            "casualties": casualties,
            "driver_age_band": _pick(rng, ["17-24", "25-34", "35-44", "45-54", "55-64", "65+"], n),
            "severity": severity,
        }
    )
    frame.loc[rng.random(n) < 0.05, "driver_age_band"] = None
    if spoil:  # a handful of data-entry errors for anomaly goals
        idx = rng.choice(n, size=8, replace=False)
        frame.loc[idx[0], "speed_limit"] = 300
        frame.loc[idx[1], "casualties"] = 46
        frame.loc[idx[2], "hour"] = 27
        frame.loc[idx[3], ["road_type", "speed_limit"]] = ["urban_street", 70]
        frame.loc[idx[4], ["weather", "road_surface"]] = ["clear", "icy"]
        frame.loc[idx[5], "vehicles_involved"] = 31
        frame.loc[idx[6], ["road_type", "urban_rural"]] = ["motorway", "urban"]
        frame.loc[idx[7], "speed_limit"] = 5
    return frame


# --------------------------------------------------------------------------- support chats
CHAT = {
    "billing": [
        "I was charged twice this month for my plan, can you refund the duplicate payment?",
        "why is my invoice higher than last month, I did not add anything",
        "the card on file expired and now the payment failed, how do I update it",
        "I need a receipt for the annual subscription for my expense report",
        "there is a charge I do not recognise on my statement from you",
    ],
    "technical": [
        "the app keeps crashing when I open the settings page on android",
        "video freezes every few seconds even though my wifi is fine",
        "I get error code 503 when I try to log in from the browser",
        "sync stopped working after the last update, my files are not uploading",
        "the export button does nothing, nothing downloads",
    ],
    "cancellation": [
        "please cancel my subscription at the end of the billing period",
        "I want to close my account, how do I stop the renewal",
        "not using the service anymore, cancel and do not charge me again",
        "thinking of leaving, is there a way to pause instead of cancelling",
        "cancel my plan today and confirm by email",
    ],
    "account": [
        "I forgot my password and the reset email never arrives",
        "how can I change the email address on my account",
        "someone else logged into my account, please lock it",
        "can I add my partner as a second user on the family plan",
        "my two factor codes are not accepted anymore",
    ],
}
AGENT_LINES = [
    "Agent: thanks for reaching out, let me check that for you.",
    "Agent: I understand, one moment while I look at your account.",
    "Agent: sorry about the trouble, I can help with that.",
    "Agent: could you confirm the email on the account?",
]
CLOSERS = [
    "Customer: ok thanks",
    "Customer: that works",
    "Customer: still not fixed",
    "Customer: fine.",
    "",
]


def support_chats(rng: np.random.Generator, n: int) -> pd.DataFrame:
    intents = _pick(rng, list(CHAT), n, [0.3, 0.35, 0.15, 0.2])
    transcripts = []
    for intent in intents:
        first = str(rng.choice(CHAT[intent]))
        lines = [f"Customer: {first}", str(rng.choice(AGENT_LINES))]
        if rng.random() < 0.5:
            lines.append("Customer: " + str(rng.choice(CHAT[intent])))
        closer = str(rng.choice(CLOSERS))
        if closer:
            lines.append(closer)
        transcripts.append(" | ".join(lines))
    csat = rng.integers(1, 6, n).astype(float)
    csat[rng.random(n) < 0.25] = np.nan
    frame = pd.DataFrame(
        {
            "chat_id": [f"C{50000 + i}" for i in range(n)],
            "channel": _pick(rng, ["web_widget", "in_app", "whatsapp", "email_bridge"], n),
            "language": _pick(rng, ["en", "en", "en", "es", "de"], n),
            "agent_id": [f"A{x:03d}" for x in rng.integers(1, 60, n)],
            "duration_s": rng.integers(40, 1800, n),
            "messages": rng.integers(2, 30, n),
            "csat": csat,
            "transcript": transcripts,
        }
    )
    hand = np.full(n, None, dtype=object)
    known = rng.choice(n, size=72, replace=False)
    hand[known] = np.array(intents, dtype=object)[known]
    frame["intent"] = hand
    frame.attrs["true_intent"] = intents
    return frame


def labeling_run(folder: Path, chats: pd.DataFrame, rng: np.random.Generator) -> None:
    """A finished weak-supervision run on support_chats.csv, as label_dataset leaves it."""
    classes = sorted(CHAT)
    truth = chats.attrs["true_intent"]
    n = len(chats)
    probs = np.full((n, len(classes)), 0.05)
    for i, t in enumerate(truth):
        guess = t if rng.random() < 0.86 else classes[int(rng.integers(0, len(classes)))]
        probs[i, classes.index(guess)] = 0.8
    probs = probs / probs.sum(axis=1, keepdims=True)
    label = [classes[i] for i in probs.argmax(axis=1)]
    covered = rng.random(n) < 0.82
    labeled = pd.DataFrame({"id": chats["chat_id"], "label": label})
    for j, c in enumerate(classes):
        labeled[f"prob_{c}"] = probs[:, j].round(4)
    labeled["covered"] = covered
    labeled["label_source"] = np.where(covered, "label_model", "end_model")
    for col in chats.columns:
        labeled[col if col != "chat_id" else "chat_id"] = chats[col].to_numpy()
    folder.mkdir(parents=True, exist_ok=True)
    labeled.to_parquet(folder / "labeled.parquet", index=False)
    lfs = [
        {
            "name": "kw_refund",
            "label": "billing",
            "kind": "keyword",
            "column": "transcript",
            "keywords": ["refund", "charged", "invoice", "receipt"],
        },
        {
            "name": "kw_crash",
            "label": "technical",
            "kind": "keyword",
            "column": "transcript",
            "keywords": ["crash", "crashing", "error", "freezes", "sync"],
        },
        {
            "name": "kw_cancel",
            "label": "cancellation",
            "kind": "keyword",
            "column": "transcript",
            "keywords": ["cancel", "close my account", "renewal"],
        },
        {
            "name": "kw_password",
            "label": "account",
            "kind": "keyword",
            "column": "transcript",
            "keywords": ["password", "email address", "two factor", "lock"],
        },
        {
            "name": "kw_payment",
            "label": "billing",
            "kind": "keyword",
            "column": "transcript",
            "keywords": ["payment", "card"],
        },
    ]
    (folder / "labeling_functions.json").write_text(json.dumps(lfs, indent=2), encoding="utf-8")
    metrics = {
        "classes": classes,
        "text_column": "transcript",
        "id_column": "chat_id",
        "gold": {"source": "data column 'intent'", "n_labels": 72},
        "metrics": {"auc": 0.91, "accuracy": 0.83, "f1_macro": 0.8, "coverage": 0.82},
    }
    (folder / "metrics.json").write_text(json.dumps(metrics, indent=2), encoding="utf-8")
    pd.DataFrame(
        {
            "lf": [x["name"] for x in lfs],
            "coverage": [0.31, 0.29, 0.14, 0.2, 0.12],
            "dev_accuracy": [0.9, 0.88, 0.95, 0.86, 0.61],
        }
    ).to_csv(folder / "lf_summary.csv", index=False)


# --------------------------------------------------------------------------- crops
def crop_yields(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    crop = _pick(rng, ["wheat", "maize", "barley", "soy", "canola"], n)
    soil = _pick(rng, ["clay", "loam", "sandy", "silt", "peat"], n)
    rain = rng.normal(520, 140, n).clip(150, 1100).round()
    temp = rng.normal(16, 3, n).round(1)
    nfert = rng.uniform(0, 220, n).round()
    irrig = _pick(rng, ["yes", "no"], n, [0.35, 0.65])
    pest = _pick(rng, ["low", "moderate", "high"], n, [0.5, 0.35, 0.15])
    base = {"wheat": 7.5, "maize": 9.5, "barley": 6.2, "soy": 3.1, "canola": 3.4}
    y = np.array([base[c] for c in crop]) * (
        0.6
        + 0.0004 * rain
        + 0.0012 * nfert
        + np.where(np.array(irrig) == "yes", 0.12, 0.0)
        - np.where(np.array(pest) == "high", 0.2, 0.0)
        + np.where(np.array(soil) == "sandy", -0.1, 0.0)
    ) + rng.normal(0, 0.6, n)
    y = y.clip(0.5).round(2)
    rel = y / np.array([base[c] for c in crop])
    cls = np.where(rel < 0.95, "low", np.where(rel < 1.15, "medium", "high"))
    frame = pd.DataFrame(
        {
            "field_id": [f"F{start + i:04d}" for i in range(n)],
            "farm": _pick(
                rng, ["Hillcrest", "Meadowbank", "Riverside", "Oakfield", "Stonebridge"], n
            ),
            "season": _pick(rng, [2023, 2024, 2025], n),
            "crop": crop,
            "soil_type": soil,
            "area_ha": rng.uniform(2, 80, n).round(1),
            "rainfall_mm": rain,
            "avg_temp_c": temp,
            "n_fertilizer_kg_ha": nfert,
            "irrigated": irrig,
            "sowing_week": rng.integers(8, 20, n),
            "pest_pressure": pest,
            "yield_t_ha": y,
            "yield_class": cls,
        }
    )
    frame.loc[rng.random(n) < 0.04, "rainfall_mm"] = np.nan
    frame.loc[rng.random(n) < 0.06, "n_fertilizer_kg_ha"] = np.nan
    return frame


# --------------------------------------------------------------------------- abstracts
TOPICS = {
    "biology": [
        "gene expression",
        "protein folding",
        "cell signalling",
        "microbiome diversity",
        "CRISPR knockouts",
    ],
    "physics": [
        "quantum entanglement",
        "dark matter halos",
        "superconducting qubits",
        "neutrino oscillations",
        "plasma turbulence",
    ],
    "computer_science": [
        "graph neural networks",
        "transformer language models",
        "distributed consensus",
        "program synthesis",
        "federated learning",
    ],
    "medicine": [
        "randomised controlled trials",
        "sepsis mortality",
        "statin therapy",
        "paediatric asthma",
        "vaccine efficacy",
    ],
}
METHODS = {
    "biology": ["single-cell RNA sequencing", "mouse models", "mass spectrometry"],
    "physics": ["Monte Carlo simulation", "lattice calculations", "interferometry"],
    "computer_science": ["a benchmark of twelve datasets", "ablation studies", "a formal proof"],
    "medicine": [
        "a cohort of 4,812 patients",
        "a double-blind trial",
        "a meta-analysis of 37 studies",
    ],
}


def abstracts(rng: np.random.Generator, n: int, start: int, with_label: bool) -> pd.DataFrame:
    fields = _pick(rng, list(TOPICS), n)
    rows = []
    for i, f in enumerate(fields):
        topic = str(rng.choice(TOPICS[f]))
        method = str(rng.choice(METHODS[f]))
        other = str(rng.choice(TOPICS[f]))
        pct = int(rng.integers(3, 40))
        text = (
            f"We study {topic} and its relation to {other}. Using {method}, we show that the proposed "
            f"approach improves on prior work by {pct}%. These results suggest that {topic} "
            f"should be reconsidered in future work on {other}."
        )
        rows.append(
            {
                "paper_id": f"P{start + i:05d}",
                "title": f"On {topic} and {other}".title(),
                "year": int(rng.integers(2015, 2027)),
                "venue_type": str(rng.choice(["journal", "conference", "preprint"])),
                "n_authors": int(rng.integers(1, 14)),
                "abstract": text,
                **({"field": f} if with_label else {}),
            }
        )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- documents
HANDBOOK = """# Food Establishment Inspector Handbook

Version 3.2, issued by the Municipal Environmental Health Division.

## 1. Purpose of an inspection

A routine inspection is an unannounced visit that checks whether a food establishment follows the
food code. The inspector scores every violation; a higher score means more problems. Scores of 0 to
13 earn grade A, 14 to 27 earn grade B, and 28 or more earn grade C.

## 2. Critical and non-critical violations

A critical violation is a condition that is likely to cause foodborne illness, such as cold holding
above 41F, hot holding below 135F, bare-hand contact with ready-to-eat food, or evidence of rodents.
Each critical violation adds at least 7 points to the score. A non-critical violation is a
maintenance or record-keeping problem, such as a missing light shield or a cracked floor tile, and
adds 2 points.

## 3. Temperature checks

The inspector measures the internal temperature of foods with a calibrated probe thermometer. Cold
foods must be held at 41F or below. Hot foods must be held at 135F or above. Cooked poultry must
reach 165F for 15 seconds. If a walk-in cooler reads above 45F, the inspector asks the operator to
discard potentially hazardous food that has been above 41F for more than four hours.

## 4. Pest control

Evidence of pests includes live insects, droppings, gnaw marks and nesting material. When live
roaches or rodents are seen in a food area, the inspector may order an immediate closure. The
establishment can reopen only after a follow-up inspection finds no active infestation.

## 5. Follow-up inspections

A follow-up inspection is scheduled within 14 days when a routine inspection scores 28 or more.
If the follow-up also scores 28 or more, the case is referred to the administrative tribunal,
which can impose fines of up to 2,000 dollars per critical violation.

## 6. Writing inspector notes

Notes must describe what was observed, where, and the measured value when one exists, because the
notes are the evidence in any appeal. Inspectors avoid opinions and write in full sentences.
"""

PLAYBACK = """# Playback troubleshooting guide (support team)

## Buffering

Buffering happens when the player downloads video more slowly than it plays it. The player first
lowers the bitrate; if the connection still cannot keep up, playback pauses and a spinner appears.
Customers on mobile networks see buffering about three times as often as customers on home wifi.

## Adaptive bitrate

Adaptive bitrate streaming means the player switches between renditions of the same title every
few seconds. The lowest rendition is 400 kbps and the highest 4K rendition needs 16,000 kbps. A
session whose average bitrate stays under 1,500 kbps is reported as a poor-quality session.

## Error codes

Error 1002 means the licence server refused the device, usually because the account reached its
limit of four simultaneous streams. Error 2301 means the app version is too old and must be
updated. Error 503 means the service is temporarily unavailable; the customer should retry after
five minutes.

## Smart TV apps

Smart TV apps cache the catalogue for 24 hours. When a new title does not appear, the agent asks
the customer to restart the TV, which clears the cache. Older TVs from before 2017 do not support
HDR, so HDR titles play in standard range on them.

## Escalation

If a customer reports the same playback error three times within a week, the agent escalates the
ticket to the video engineering queue with the device model, app version and the session id.
"""

ROAD_BRIEF = """Road safety brief: what the accident records contain

Every police-reported road traffic accident produces one record. Severity is the worst injury in
the accident: slight, serious or fatal. A fatal accident is one where a person died within 30 days
of the collision.

Speed limits are recorded in miles per hour. Urban streets usually have a limit of 30 mph, while
motorways have a limit of 70 mph. Light conditions distinguish daylight, darkness with street
lighting, and darkness without lighting.

Accidents in darkness without street lighting are about twice as likely to be serious or fatal as
accidents in daylight, because drivers see hazards later. Icy road surfaces increase stopping
distances by up to ten times compared with dry roads.

When a record has an impossible value, such as an hour above 23 or a speed limit above 70, the
analyst flags it for the data team rather than deleting it, because the original paper form can
often be checked.
"""


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)

    rng = np.random.default_rng(1301)
    viewing_sessions(rng, 1200, labeled=True).to_csv(out / "viewing_sessions.csv", index=False)
    viewing_sessions(np.random.default_rng(1302), 200, labeled=False).to_csv(
        out / "viewing_sessions_new.csv", index=False
    )
    with (out / "watch_events_feb.jsonl").open("w", encoding="utf-8") as fh:
        for row in watch_events(np.random.default_rng(1303), 500):
            fh.write(json.dumps(row) + "\n")

    rng = np.random.default_rng(1304)
    done = inspections(rng, 520, 250001, 2025)
    done["grade"] = grade_of(done["score"].to_numpy())
    done.to_csv(out / "inspections_2025.csv", index=False)
    pool = inspections(np.random.default_rng(1305), 480, 260001, 2026)
    truth = np.where(pool["critical_violations"] >= 2, "fail", "pass")
    pool = pool.drop(columns=["score"])  # scores are filled in after review
    pool.to_csv(out / "inspections_2026_q3.csv", index=False)
    rng = np.random.default_rng(1306)
    pick = np.sort(rng.choice(len(pool), size=80, replace=False))
    pd.DataFrame(
        {"insp_id": pool["inspection_id"].to_numpy()[pick], "verdict": truth[pick]}
    ).to_csv(out / "inspector_review.csv", index=False)

    accidents(np.random.default_rng(1307), 1500, 1, 2025, spoil=True).to_csv(
        out / "accidents.csv", index=False
    )
    accidents(np.random.default_rng(1308), 350, 1, 2026, spoil=False).to_csv(
        out / "accidents_2026.csv", index=False
    )

    chats = support_chats(np.random.default_rng(1309), 600)
    chats.to_csv(out / "support_chats.csv", index=False)
    labeling_run(
        out / "labeling" / "support_chats-20261128-141502", chats, np.random.default_rng(1310)
    )

    crop_yields(np.random.default_rng(1311), 1100, 1).to_csv(out / "crop_yields.csv", index=False)
    crop_yields(np.random.default_rng(1312), 240, 5001).drop(
        columns=["yield_t_ha", "yield_class"]
    ).to_parquet(out / "field_trials.parquet", index=False)

    frame = abstracts(np.random.default_rng(1313), 380, 1, with_label=True)
    with (out / "abstracts.jsonl").open("w", encoding="utf-8") as fh:
        for row in frame.to_dict(orient="records"):
            fh.write(json.dumps(row) + "\n")
    abstracts(np.random.default_rng(1314), 90, 9001, with_label=False).to_csv(
        out / "abstracts_new.csv", index=False
    )

    (out / "docs" / "inspector_handbook.md").write_text(HANDBOOK, encoding="utf-8")
    (out / "docs" / "playback_troubleshooting.md").write_text(PLAYBACK, encoding="utf-8")
    (out / "docs" / "road_safety_brief.txt").write_text(ROAD_BRIEF, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
