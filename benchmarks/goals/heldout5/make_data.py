"""Write heldout5's invented data into DIR: `python make_data.py DIR`.

Deterministic (fixed seeds), offline, numpy + pandas only, about 0.8 MB in all. Domains: a
municipal water utility (meter readings, leak reports), hotel guest feedback, a school's exam
results, a fishing fleet's catch logs, call-centre transcripts, e-bike battery telemetry, a
museum visitor survey, and two documents (a meter fitting manual, a complaints policy).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd


def _pick(rng: np.random.Generator, options: list[str], p: list[float] | None = None) -> str:
    return str(rng.choice(options, p=p))


# ---------------------------------------------------------------- water utility: meter readings
def meter_readings(rng: np.random.Generator) -> pd.DataFrame:
    n = 1000
    districts = ["Northgate", "Riverside", "Old Town", "Hillcrest", "Docklands"]
    ptype = rng.choice(["residential", "commercial", "industrial"], n, p=[0.75, 0.2, 0.05])
    base = np.where(ptype == "residential", 11.0, np.where(ptype == "commercial", 55.0, 240.0))
    prev = np.round(base * rng.lognormal(0, 0.25, n), 1)
    cons = np.round(prev * rng.normal(1.0, 0.08, n), 1)
    night = np.round(np.clip(base / 30 * rng.lognormal(0, 0.4, n), 0.2, None), 2)
    frame = pd.DataFrame(
        {
            "meter_id": [f"MTR-{i:05d}" for i in rng.permutation(np.arange(10000, 10000 + n))],
            "district": rng.choice(districts, n),
            "property_type": ptype,
            "meter_age_years": rng.integers(0, 26, n),
            "reading_month": rng.choice(["2026-07", "2026-08", "2026-09"], n),
            "consumption_m3": cons,
            "prev_consumption_m3": prev,
            "night_flow_lph": night,
            "pressure_bar": np.round(rng.normal(3.2, 0.35, n), 2),
        }
    )
    # 20 odd rows marked nowhere: leaks (night flow huge while the bill barely moves), a reading
    # ten times the last one on a house, negative-looking pressure drops with zero use.
    odd = rng.choice(n, 20, replace=False)
    for k, i in enumerate(odd):
        if k % 3 == 0:
            frame.loc[i, "night_flow_lph"] = round(float(rng.uniform(40, 90)), 2)
        elif k % 3 == 1:
            frame.loc[i, "property_type"] = "residential"
            frame.loc[i, "consumption_m3"] = round(float(rng.uniform(120, 200)), 1)
            frame.loc[i, "prev_consumption_m3"] = round(float(rng.uniform(9, 13)), 1)
        else:
            frame.loc[i, "consumption_m3"] = 0.0
            frame.loc[i, "pressure_bar"] = round(float(rng.uniform(0.2, 0.6)), 2)
            frame.loc[i, "night_flow_lph"] = round(float(rng.uniform(25, 50)), 2)
    return frame


# ---------------------------------------------------------------- water utility: leak reports
LEAK_TEXT = {
    "burst": [
        "water gushing out of the pavement outside number {n}",
        "burst main on {s}, road flooding and traffic backing up",
        "huge jet of water from the verge, flooding the gardens",
        "customer says the road is flooding, water bubbling up through the tarmac",
        "crew found a fractured main, heavy flow, valve needs shutting",
        "water pouring down {s} like a river since this morning",
    ],
    "seep": [
        "damp patch on the footpath near the stop tap that never dries",
        "slow drip from the meter chamber lid",
        "small seeping puddle by the hydrant on {s}",
        "green moss and a wet patch spreading on the verge for weeks",
        "meter box always has a bit of water in it, slow trickle",
        "ground stays soggy near the boundary box, seeping slowly",
    ],
    "no_leak": [
        "reported puddle turned out to be rainwater, no water found",
        "condensation on the pipe in the cellar, no leak",
        "meter reader error, consumption was estimated twice",
        "neighbour's garden hose left running, not our asset",
        "crew attended, dry excavation, no water found",
        "customer thought the bill was high, meter reading was wrong",
    ],
}
STREETS = ["Mill Lane", "Station Road", "Elm Grove", "Quay Street", "Church Walk", "Kings Way"]
FILLER = [
    "",
    " Caller sounded worried.",
    " Please send someone.",
    " Reported twice already.",
    " Near the school gate.",
    " Photo attached in the app.",
]


def leak_reports(rng: np.random.Generator) -> pd.DataFrame:
    n = 700
    sev = rng.choice(["burst", "seep", "no_leak"], n, p=[0.25, 0.45, 0.30])
    texts = []
    for s in sev:
        # some reports borrow a phrase from another class, so keywords alone are not enough
        src = s if rng.random() > 0.15 else _pick(rng, ["burst", "seep", "no_leak"])
        t = _pick(rng, LEAK_TEXT[src]).format(n=int(rng.integers(1, 200)), s=_pick(rng, STREETS))
        texts.append(t + "." + _pick(rng, FILLER))
    material = np.where(
        sev == "burst",
        rng.choice(["cast iron", "asbestos cement", "PVC", "MDPE"], n, p=[0.5, 0.3, 0.1, 0.1]),
        rng.choice(["cast iron", "asbestos cement", "PVC", "MDPE"], n, p=[0.25, 0.2, 0.25, 0.3]),
    )
    frame = pd.DataFrame(
        {
            "report_id": [f"LR-{i:04d}" for i in range(1, n + 1)],
            "district": rng.choice(
                ["Northgate", "Riverside", "Old Town", "Hillcrest", "Docklands"], n
            ),
            "channel": rng.choice(["phone", "app", "crew"], n, p=[0.5, 0.35, 0.15]),
            "pipe_material": material,
            "pipe_age_years": np.where(
                sev == "burst", rng.integers(40, 110, n), rng.integers(3, 90, n)
            ),
            "report_text": texts,
            "severity": sev,
        }
    )
    keep = np.zeros(n, dtype=bool)
    keep[rng.choice(n, 80, replace=False)] = True
    frame.loc[~keep, "severity"] = None
    return frame


LEAK_LFS = [
    {
        "name": "gushing",
        "label": "burst",
        "kind": "keyword",
        "column": "report_text",
        "keywords": ["gushing", "burst main", "flooding", "pouring"],
    },
    {
        "name": "slow",
        "label": "seep",
        "kind": "keyword",
        "column": "report_text",
        "keywords": ["slow drip", "damp patch", "seeping", "trickle"],
    },
    {
        "name": "nothing_found",
        "label": "no_leak",
        "kind": "keyword",
        "column": "report_text",
        "keywords": ["no water found", "no leak", "meter reader error", "rainwater"],
    },
    {
        "name": "old_iron",
        "label": "burst",
        "kind": "and",
        "conditions": [
            {"kind": "category", "column": "pipe_material", "values": ["cast iron"]},
            {"kind": "threshold", "column": "pipe_age_years", "op": ">=", "value": 80},
        ],
    },
]


# ---------------------------------------------------------------- hotel guest feedback
HOTEL_TEXT = {
    "cleanliness": [
        "hair in the shower and the carpet had stains",
        "room was spotless, fresh towels every day",
        "dusty skirting boards and a sticky bathroom floor",
        "bedding smelled fresh and the bathroom sparkled",
        "found crumbs under the bed, housekeeping missed our room",
    ],
    "staff": [
        "the receptionist upgraded us without being asked, lovely team",
        "night porter was rude when we asked for an extra pillow",
        "concierge booked us a great restaurant, very helpful",
        "waited twenty minutes at check-in, the desk clerk ignored us",
        "Marta at the front desk went above and beyond",
    ],
    "noise": [
        "could hear the lift all night, barely slept",
        "thin walls, the neighbours' TV kept us awake",
        "quiet room at the back, slept like a log",
        "building works started at 7am right outside the window",
        "street noise from the bars until 3am",
    ],
    "breakfast": [
        "breakfast buffet ran out of eggs by 8.30",
        "great pastries and proper coffee at breakfast",
        "cold toast and the juice machine was broken",
        "loved the cooked breakfast, the omelette station was a treat",
        "breakfast room too small, queued for a table every morning",
    ],
    "value": [
        "overpriced for what you get, parking extra on top",
        "good value for the location, would book again at this rate",
        "charged a resort fee nobody mentioned when booking",
        "the price was fair compared with nearby hotels",
        "minibar prices are daylight robbery",
    ],
}
OPENERS = ["", "Stayed for a conference. ", "Weekend break. ", "Family trip. ", "Business stay. "]


def hotel_feedback(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    n = 650
    topics = list(HOTEL_TEXT)
    topic = rng.choice(topics, n, p=[0.22, 0.22, 0.2, 0.18, 0.18])
    comments = []
    for t in topic:
        text = _pick(rng, OPENERS) + _pick(rng, HOTEL_TEXT[t])
        if rng.random() < 0.3:
            text += ". Also " + _pick(rng, HOTEL_TEXT[_pick(rng, topics)])
        comments.append(text)
    ids = [f"FB-{i}" for i in range(1001, 1001 + n)]
    frame = pd.DataFrame(
        {
            "feedback_id": ids,
            "hotel": rng.choice(["Harbour", "Central", "Airport"], n),
            "room_type": rng.choice(
                ["single", "double", "twin", "suite"], n, p=[0.2, 0.5, 0.2, 0.1]
            ),
            "nights": rng.integers(1, 8, n),
            "stay_month": rng.choice(["2026-06", "2026-07", "2026-08", "2026-09"], n),
            "score": np.clip(np.round(rng.normal(7.2, 1.9, n)), 1, 10).astype(int),
            "comment": comments,
        }
    )
    gold_rows = sorted(rng.choice(n, 100, replace=False).tolist())
    gold = pd.DataFrame(
        {"ref": [ids[i] for i in gold_rows], "topic": [topic[i] for i in gold_rows]}
    )
    return frame, gold


# ---------------------------------------------------------------- school exam results
def exam_results(rng: np.random.Generator, n: int, labeled: bool, start: int) -> pd.DataFrame:
    cw = np.clip(rng.normal(62, 15, n), 5, 100)
    mock = np.clip(cw * 0.6 + rng.normal(20, 12, n), 0, 100)
    att = np.clip(rng.normal(91, 6, n), 55, 100)
    hw = np.clip(rng.beta(5, 2, n), 0, 1)
    rev = rng.poisson(3, n)
    fsm = rng.choice(["yes", "no"], n, p=[0.22, 0.78])
    logit = (
        0.05 * (cw - 60)
        + 0.06 * (mock - 55)
        + 0.12 * (att - 90)
        + 2.0 * (hw - 0.7)
        + 0.15 * (rev - 3)
        - 0.3 * (fsm == "yes")
        + rng.normal(0, 0.8, n)
    )
    frame = pd.DataFrame(
        {
            "student_id": [f"S{start + i:05d}" for i in range(n)],
            "year_group": rng.choice([10, 11], n),
            "subject": rng.choice(["maths", "english", "biology", "history", "french"], n),
            "tutor_group": rng.choice(["11A", "11B", "11C", "10A", "10B"], n),
            "coursework_pct": np.round(cw, 1),
            "mock_score": np.round(mock, 1),
            "attendance_pct": np.round(att, 1),
            "homework_rate": np.round(hw, 2),
            "revision_sessions": rev,
            "free_school_meals": fsm,
        }
    )
    if labeled:
        frame["result"] = np.where(logit > -0.9, "pass", "fail")
    return frame


# ---------------------------------------------------------------- fishing fleet catch logs
def catch_logs(rng: np.random.Generator) -> pd.DataFrame:
    n = 900
    species = rng.choice(["cod", "haddock", "mackerel", "crab"], n, p=[0.3, 0.25, 0.3, 0.15])
    gear_for = {
        "cod": ["trawl", "longline"],
        "haddock": ["trawl", "longline"],
        "mackerel": ["trawl", "gillnet"],
        "crab": ["pot"],
    }
    gear = np.array([_pick(rng, gear_for[s]) for s in species])
    depth = np.where(
        species == "crab",
        rng.normal(30, 8, n),
        np.where(species == "mackerel", rng.normal(60, 15, n), rng.normal(140, 35, n)),
    )
    temp = np.where(species == "mackerel", rng.normal(12, 1.5, n), rng.normal(8.5, 1.5, n))
    days = np.where(gear == "pot", rng.integers(1, 3, n), rng.integers(2, 9, n))
    crew = np.where(gear == "pot", rng.integers(2, 4, n), rng.integers(4, 12, n))
    catch = np.round(
        days
        * np.where(species == "mackerel", 2200, np.where(species == "crab", 350, 900))
        * rng.lognormal(0, 0.3, n)
    )
    undersize = np.where(rng.random(n) < np.where(gear == "gillnet", 0.08, 0.22), "yes", "no")
    frame = pd.DataFrame(
        {
            "trip_id": [f"T{i:04d}" for i in range(1, n + 1)],
            "vessel": rng.choice(
                [
                    "Morning Star",
                    "Sea Breeze",
                    "Kittiwake",
                    "Northern Light",
                    "Guiding Hand",
                    "Bonny Lass",
                ],
                n,
            ),
            "home_port": rng.choice(["Peterhead", "Fraserburgh", "Lerwick", "Ullapool"], n),
            "gear": gear,
            "days_at_sea": days,
            "crew": crew,
            "fuel_l": np.round(
                days * np.where(gear == "pot", 180, 1400) * rng.lognormal(0, 0.15, n)
            ),
            "sea_state": rng.choice(["calm", "moderate", "rough"], n, p=[0.35, 0.45, 0.2]),
            "water_temp_c": np.round(temp, 1),
            "depth_m": np.round(np.clip(depth, 5, None)),
            "catch_kg": catch,
            "bycatch_kg": np.round(catch * rng.uniform(0.02, 0.12, n)),
            "target_species": species,
            "undersize_flag": undersize,
        }
    )
    # 18 odd trips marked nowhere: pots landing tonnes of mackerel, 10 days at sea on no fuel,
    # a trawl at 5 m depth, zero crew.
    for k, i in enumerate(rng.choice(n, 18, replace=False)):
        if k % 4 == 0:
            frame.loc[i, ["gear", "target_species", "catch_kg"]] = ["pot", "mackerel", 9500.0]
        elif k % 4 == 1:
            frame.loc[i, ["days_at_sea", "fuel_l"]] = [10, 0.0]
        elif k % 4 == 2:
            frame.loc[i, ["gear", "depth_m", "catch_kg"]] = ["trawl", 5.0, 12000.0]
        else:
            frame.loc[i, "crew"] = 0
    return frame


# ---------------------------------------------------------------- call-centre transcripts
CALL_LINES = {
    "billing": [
        "I've been charged twice this month and I want a refund",
        "my bill went up by twenty pounds and nobody told me why",
        "can you explain this direct debit, the amount looks wrong",
        "there's a late payment fee on my bill but I paid on time",
    ],
    "outage": [
        "the internet is down again, no signal since last night",
        "my broadband keeps dropping every few minutes",
        "there's an outage on our street, the router light is red",
        "I can't get online at all, is there a fault in my area",
    ],
    "cancellation": [
        "I want to cancel my contract, I've found a cheaper deal",
        "how much is the early termination fee if I leave now",
        "please close my account at the end of the month",
        "I'm thinking of leaving unless you can match this offer",
    ],
    "moving": [
        "we're moving house next month, can I take my service with me",
        "I need to update my address, we've moved to a new flat",
        "can you set up the line at the new address from the 14th",
        "moving home, what happens to my router and contract",
    ],
}
AGENT_OPEN = [
    "Thanks for calling, you're through to {a}, how can I help?",
    "Good morning, {a} speaking, what can I do for you today?",
    "Hello, this is {a}, can I take your account number first?",
]
AGENT_REPLY = {
    "billing": "I can see the duplicate payment, I'll raise a credit to your account.",
    "outage": "I'm running a line test now, there is a known fault being repaired.",
    "cancellation": "I'm sorry to hear that, let me pass you to our retentions team.",
    "moving": "No problem, I'll book the move and send the new router to the new address.",
}
AGENTS = ["Priya", "Tom", "Aisha", "Gareth", "Lena", "Dev"]


def call_transcripts(rng: np.random.Generator, n: int, n_labels: int, start: int) -> list[dict]:
    reasons = list(CALL_LINES)
    rows = []
    labeled = set(rng.choice(n, n_labels, replace=False).tolist())
    for i in range(n):
        reason = _pick(rng, reasons, [0.35, 0.3, 0.15, 0.2])
        agent = _pick(rng, AGENTS)
        parts = [
            "AGENT: " + _pick(rng, AGENT_OPEN).format(a=agent),
            "CUSTOMER: " + _pick(rng, CALL_LINES[reason]) + ".",
            "AGENT: " + AGENT_REPLY[reason],
        ]
        if rng.random() < 0.25:  # a second, smaller issue in the same call
            parts.append(
                "CUSTOMER: oh and also " + _pick(rng, CALL_LINES[_pick(rng, reasons)]) + "."
            )
        parts.append("AGENT: Is there anything else? CUSTOMER: No, that's all, thanks.")
        rows.append(
            {
                "call_id": f"C{start + i:06d}",
                "queue": _pick(rng, ["general", "technical", "accounts"]),
                "agent": agent,
                "duration_s": int(rng.integers(90, 1500)),
                "hold_s": int(rng.integers(0, 400)),
                "transcript": " ".join(parts),
                "call_reason": reason if i in labeled else None,
            }
        )
    return rows


# ---------------------------------------------------------------- e-bike battery telemetry
def battery(
    rng: np.random.Generator, n: int, labeled: bool, shift: float, start: int
) -> pd.DataFrame:
    model = rng.choice(["CityS", "Trail", "Cargo"], n, p=[0.5, 0.3, 0.2])
    cycles = rng.integers(20, 1400, n)
    age = np.clip(np.round(cycles / 35 + rng.normal(6, 4, n)), 1, 72)
    avg_t = rng.normal(24 + shift, 4, n)
    fast = np.round(rng.beta(2, 5 - shift, n), 2)
    ir = np.round(60 + 0.045 * cycles + 40 * fast + rng.normal(0, 12, n) + 3 * shift, 1)
    cap = np.round(
        np.clip(
            100 - 0.018 * cycles - 9 * fast - 0.25 * (avg_t - 24) + rng.normal(0, 4, n), 40, 101
        ),
        1,
    )
    frame = pd.DataFrame(
        {
            "pack_id": [f"PK{start + i:05d}" for i in range(n)],
            "bike_model": model,
            "firmware": rng.choice(["v2.1", "v2.3", "v3.0"], n, p=[0.3, 0.4, 0.3]),
            "cycles": cycles,
            "age_months": age.astype(int),
            "avg_temp_c": np.round(avg_t, 1),
            "max_temp_c": np.round(avg_t + rng.gamma(3, 4, n), 1),
            "fast_charge_share": fast,
            "internal_resistance_mohm": ir,
            "voltage_sag_v": np.round(0.8 + ir / 120 + rng.normal(0, 0.15, n), 2),
            "capacity_pct": cap,
            "avg_load_w": np.round(np.where(model == "Cargo", 380, 250) * rng.lognormal(0, 0.2, n)),
        }
    )
    if labeled:
        risk = (100 - cap) / 10 + (ir - 100) / 40 + rng.normal(0, 0.7, n)
        frame["health"] = np.where(risk > 2.3, "degraded", "ok")
    return frame


# ---------------------------------------------------------------- museum visitor survey
MUSEUM_COMMENTS = [
    "the queue for the dinosaur hall was far too long",
    "so crowded on Saturday we couldn't see the exhibits",
    "the cafe sandwiches were lovely and fairly priced",
    "coffee was cold and the cafe ran out of cake",
    "the lift to the second floor was out of order, hard with a wheelchair",
    "not enough toilets, long wait at the ladies",
    "the gift shop had great books for the kids",
    "souvenir prices were a bit steep",
    "fascinating Egyptian gallery, the audio guide was excellent",
    "the staff on the door were friendly and helpful",
    "busy but worth it, the kids loved the interactive room",
    "packed at lunchtime, the lunch area had no free tables",
    "beautiful building, the new lighting shows off the paintings",
    "signage was confusing, we got lost looking for the exit",
    "",
]


def museum_survey(rng: np.random.Generator) -> pd.DataFrame:
    n = 600
    party = rng.choice(
        ["solo", "couple", "family", "school", "friends"], n, p=[0.2, 0.25, 0.3, 0.1, 0.15]
    )
    minutes = np.round(rng.gamma(6, 18, n) * np.where(party == "family", 1.2, 1.0))
    comments = []
    for _ in range(n):
        c = _pick(rng, MUSEUM_COMMENTS)
        if c and rng.random() < 0.25:
            c += "; " + _pick(rng, [m for m in MUSEUM_COMMENTS[:-1] if m != c])
        comments.append(c)
    frame = pd.DataFrame(
        {
            "response_id": [f"MV{i:04d}" for i in range(1, n + 1)],
            "visit_date": pd.to_datetime("2026-05-01")
            + pd.to_timedelta(rng.integers(0, 150, n), unit="D"),
            "age_band": rng.choice(["under 18", "18-34", "35-54", "55-74", "75+"], n),
            "party_type": party,
            "member": rng.choice(["yes", "no"], n, p=[0.28, 0.72]),
            "galleries_visited": rng.integers(1, 12, n),
            "minutes_spent": minutes,
            "shop_spend_gbp": np.round(np.where(rng.random(n) < 0.45, rng.gamma(2, 9, n), 0.0), 2),
            "recommend_score": np.clip(np.round(rng.normal(8, 1.8, n)), 0, 10).astype(int),
            "comment": comments,
        }
    )
    frame["visit_date"] = frame["visit_date"].dt.strftime("%Y-%m-%d")
    frame.loc[rng.choice(n, 25, replace=False), "age_band"] = None
    frame.loc[rng.choice(n, 40, replace=False), "shop_spend_gbp"] = np.nan
    return frame


# ---------------------------------------------------------------- documents
MANUAL = """# Domestic Water Meter Fitting Manual

Issued by the Metering Services team, revision 4 (March 2026). This manual is for field
technicians fitting, exchanging and testing domestic water meters up to 25 mm.

## 1. Before you go

Every job is booked through the work scheduler. The job card lists the property address, the
meter serial number on record, the boundary box type and any access notes. A technician must
read the access notes before leaving the depot because some properties have dogs, locked
gates or vulnerable customers on the priority services register.

Check the van stock. A standard exchange kit contains two 15 mm meters, one 22 mm meter, a set
of fibre washers, a chamber key, a pressure gauge and tamper seals. If the kit is short, refill
it from the stores cage and record the items in the stock log.

## 2. Arriving on site

Knock and introduce yourself even when the meter is outside. Show your identity card to the
customer. If nobody answers, leave a calling card stating that the water may be off for up to
45 minutes.

Before opening the chamber, photograph the lid and the surrounding footpath. The photograph is
evidence if a trip hazard is later reported.

## 3. Isolating the supply

Close the boundary stop tap with the chamber key. When the stop tap will not close fully, do
not force it: a seized stop tap is raised as a separate job with the code ST-SEIZED and the
exchange is postponed.

Open the nearest outside tap to relieve the pressure. Wait until the flow stops before
removing the old meter.

## 4. Fitting the meter

The arrow on the meter body must point in the direction of flow, away from the main. A meter
fitted backwards records negative consumption and triggers an alarm at the next reading.

Always use new fibre washers. Tighten the unions by hand and then a quarter turn with the
spanner; over-tightening cracks the brass threads. Fit the tamper seal through both unions and
record the seal number on the job card.

## 5. Testing

Open the stop tap slowly. Run the outside tap for two minutes to flush air from the pipe. The
dial must turn steadily while water runs and stop completely when the tap is closed. If the
dial keeps creeping with every tap closed, there is a leak on the customer side and the
customer is given leaflet L7 about private supply pipe leaks.

Measure the static pressure with the gauge. A reading below 1.0 bar is reported to the network
team with code LOW-PRESS.

## 6. Records and handover

The old meter's final reading and the new meter's opening reading are both entered in the
handheld before leaving site. A job without both readings is rejected by the billing system.
Old meters are bagged, labelled with the property reference and returned to the depot for
recycling.

## 7. Safety

Chambers deeper than 1.2 metres are confined spaces and need a second person. Wear gloves
when handling old lead pipework and wash hands before eating. Report any asbestos cement pipe
to the supervisor and do not cut it.
"""

POLICY = """HARBOUR HOTELS GROUP - GUEST COMPLAINTS POLICY
Version 2.2, effective 1 September 2026

1. PURPOSE

This policy explains how staff at every Harbour Hotels property receive, record and resolve
guest complaints. A complaint is any expression of dissatisfaction by a guest, whether made in
person, by phone, by email or through an online review.

2. FIRST RESPONSE

The member of staff who receives a complaint owns it until it is handed over. Staff should
listen without interrupting, apologise for the experience and repeat the problem back to the
guest to confirm it. A complaint made in person must be acknowledged within 10 minutes; an
email or online review must be answered within 24 hours.

3. RECORDING

Every complaint is logged in the guest relations system with the room number, the time, the
category (cleanliness, staff, noise, breakfast, value or other) and what was done. A
complaint that is not logged cannot be compensated later, because head office audits
compensation against the log.

4. RESOLUTION AND COMPENSATION

Duty managers may offer compensation up to 50 pounds per stay without approval, for example a
free breakfast, a room move or a late check-out. Refunds above 50 pounds need the general
manager's approval. A room move is offered first when the complaint is about noise, because it
fixes the problem during the stay.

If a guest is still unhappy after the duty manager has responded, the complaint is escalated
to the general manager, who must contact the guest within 48 hours.

5. SERIOUS COMPLAINTS

Complaints about safety, discrimination, theft or injury are serious complaints. They are
reported to the group's guest relations director on the same day and are never settled with
compensation at the desk.

6. LEARNING FROM COMPLAINTS

Each hotel reviews its complaint log at the monthly operations meeting. When the same
category appears more than five times in a month, the department head prepares an action plan
with a named owner and a deadline.

7. RECORDS RETENTION

Complaint records are kept for three years and then deleted, unless a legal claim is open.
"""


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)

    meter_readings(np.random.default_rng(501)).to_csv(out / "meter_readings.csv", index=False)
    leak_reports(np.random.default_rng(502)).to_csv(out / "leak_reports.csv", index=False)
    (out / "leak_lfs_v0.json").write_text(json.dumps(LEAK_LFS, indent=2) + "\n", encoding="utf-8")

    feedback, gold = hotel_feedback(np.random.default_rng(503))
    feedback.to_csv(out / "hotel_feedback.csv", index=False)
    gold.to_csv(out / "feedback_topics_gold.csv", index=False)

    rng = np.random.default_rng(504)
    exam_results(rng, 1000, True, 20000).to_csv(out / "exam_results_train.csv", index=False)
    exam_results(rng, 300, True, 21000).to_csv(out / "exam_results_test.csv", index=False)
    exam_results(rng, 200, False, 27000).to_csv(out / "exam_candidates_2027.csv", index=False)

    catch_logs(np.random.default_rng(505)).to_csv(out / "catch_logs.csv", index=False)

    rng = np.random.default_rng(506)
    for name, n, n_labels, start in (
        ("call_transcripts.jsonl", 480, 60, 100000),
        ("call_transcripts_week2.jsonl", 200, 30, 200000),
    ):
        with (out / name).open("w", encoding="utf-8") as fh:
            for row in call_transcripts(rng, n, n_labels, start):
                fh.write(json.dumps(row) + "\n")

    rng = np.random.default_rng(507)
    battery(rng, 1400, True, 0.0, 10000).to_csv(out / "battery_telemetry_train.csv", index=False)
    battery(rng, 400, True, 0.0, 20000).to_csv(out / "battery_telemetry_test.csv", index=False)
    battery(rng, 300, True, 2.0, 30000).to_csv(out / "battery_telemetry_fleetb.csv", index=False)
    battery(rng, 250, False, 0.0, 40000).to_csv(out / "battery_telemetry_new.csv", index=False)

    museum_survey(np.random.default_rng(508)).to_csv(out / "museum_survey.csv", index=False)

    (out / "docs" / "meter_fitting_manual.md").write_text(MANUAL, encoding="utf-8")
    (out / "docs" / "guest_complaints_policy.txt").write_text(POLICY, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
