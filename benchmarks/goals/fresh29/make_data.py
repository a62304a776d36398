"""Write the files the fresh29 goals talk about into DIR.

Run: python make_data.py DIR

Four invented organisations: an open-pit mining company (haul-truck telemetry, safety incident
reports), a fitness app (workouts, app-store reviews, subscriber churn), a symphony orchestra
(ticket buyers, donor letters, concert programmes in markdown) and a port's container terminal
(quay-crane moves, customs holds, container damage reports). Deterministic and offline.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 2929


def pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


def sentence_mix(rng: np.random.Generator, own: list[str], shared: list[str], k: int) -> str:
    parts = [pick(rng, own) for _ in range(k)]
    if rng.random() < 0.7:
        parts.insert(int(rng.integers(len(parts) + 1)), pick(rng, shared))
    text = " ".join(parts)
    if rng.random() < 0.08:
        text = text.lower()
    return text


# ----- mining ---------------------------------------------------------------------------------
def haul_trucks(rng: np.random.Generator, n: int, with_status: bool) -> pd.DataFrame:
    trucks = [f"HT-{i}" for i in range(201, 229)]
    status = rng.choice(["normal", "overload", "fault"], size=n, p=[0.72, 0.16, 0.12])
    payload = rng.normal(218, 14, n)
    payload[status == "overload"] += rng.normal(38, 8, (status == "overload").sum())
    engine = rng.normal(88, 4, n)
    engine[status == "fault"] += rng.normal(17, 5, (status == "fault").sum())
    brake = rng.normal(210, 30, n) + 0.9 * np.clip(payload - 218, 0, None)
    brake[status == "fault"] += rng.normal(60, 20, (status == "fault").sum())
    tyre = rng.normal(102, 3.5, n)
    tyre[status == "fault"] -= rng.exponential(6, (status == "fault").sum())
    speed = np.clip(rng.normal(34, 7, n) - 0.08 * (payload - 218), 3, 65)
    grade = rng.choice([0, 2, 4, 6, 8, 10], size=n)
    fuel = 140 + 0.9 * payload - 140 * 0.9 + 6.5 * grade + rng.normal(0, 12, n)
    frame = pd.DataFrame(
        {
            "reading_id": [f"R{700000 + i}" for i in range(n)],
            "truck_id": rng.choice(trucks, size=n),
            "pit": rng.choice(["North Pit", "South Pit", "Pit 3"], size=n, p=[0.4, 0.35, 0.25]),
            "shift": rng.choice(["day", "night"], size=n),
            "operator_id": [f"OP{int(x):03d}" for x in rng.integers(1, 61, n)],
            "payload_t": payload.round(1),
            "speed_kmh": speed.round(1),
            "grade_pct": grade,
            "engine_temp_c": engine.round(1),
            "brake_temp_c": brake.round(0),
            "tyre_pressure_psi": tyre.round(1),
            "fuel_rate_lph": fuel.round(1),
            "idle_minutes": rng.gamma(2, 4, n).round(1),
        }
    )
    # sensor glitches a real feed has
    glitch = rng.choice(n, size=9, replace=False)
    frame.loc[glitch[:3], "engine_temp_c"] = [412.0, -40.0, 399.9]
    frame.loc[glitch[3:6], "payload_t"] = [0.0, 611.4, 587.0]
    frame.loc[glitch[6:], "tyre_pressure_psi"] = np.nan
    if with_status:
        frame["status"] = status
    return frame


INCIDENT_TEXT = {
    "vehicle_interaction": [
        "Light vehicle entered the haul road without radio call and came within 15 m of a loaded truck.",
        "Haul truck reversed at the dump without spotter and nearly contacted the dozer.",
        "Two haul trucks passed on the ramp with less than the required separation.",
        "Water cart failed to give way at the intersection and a truck had to brake hard.",
        "Grader operator reported a near miss with a light vehicle in the blind spot.",
        "Truck collided with the windrow after swerving to avoid an LV on the ramp.",
    ],
    "equipment_failure": [
        "Hydraulic hose burst on the excavator boom, oil sprayed over the cab glass.",
        "Truck lost brake pressure on the decline, retarder engaged and unit stopped safely.",
        "Conveyor belt tore at the transfer chute and tripped the emergency pull wire.",
        "Tyre blowout on the rear left of the truck while hauling from the bench.",
        "Engine fire suppression activated after a turbo failure on the loader.",
        "Crusher jammed and the hydraulic relief valve failed during clearing.",
    ],
    "slip_trip_fall": [
        "Fitter slipped on the wet ladder when climbing down from the truck deck.",
        "Operator tripped over a loose cable in the workshop and twisted an ankle.",
        "Worker fell from the second rung of the access ladder, minor bruising.",
        "Apprentice slipped on grease on the workshop floor near the wash bay.",
        "Contractor stumbled on uneven ground at the laydown yard in the dark.",
        "Fall from height avoided when harness arrested a slip on the stockpile.",
    ],
    "ground_control": [
        "Crack observed along the crest of the bench above the active loading area.",
        "Rockfall from the highwall landed on the catch berm near the drill rig.",
        "Slope monitoring radar alarm triggered for accelerating movement on the east wall.",
        "Material slumped onto the haul road after heavy rain undercut the toe.",
        "Loose rock dislodged during scaling fell close to the bench edge.",
        "Tension cracks widened overnight behind the south wall crest.",
    ],
}
INCIDENT_SHARED = [
    "Area was barricaded and the supervisor was notified.",
    "Shift boss attended and the area was made safe.",
    "No injuries reported.",
    "Reported at the pre-start meeting.",
    "Photos attached to the report.",
    "Investigation to follow by the HSE team.",
]


def incidents(rng: np.random.Generator, n: int, prefix: str, start: int) -> pd.DataFrame:
    classes = list(INCIDENT_TEXT)
    cat = rng.choice(classes, size=n, p=[0.33, 0.3, 0.22, 0.15])
    text = [
        sentence_mix(rng, INCIDENT_TEXT[c], INCIDENT_SHARED, 1 + int(rng.random() < 0.4))
        for c in cat
    ]
    severity = rng.choice(["low", "medium", "high"], size=n, p=[0.5, 0.35, 0.15])
    days = rng.integers(0, 330, n)
    frame = pd.DataFrame(
        {
            "incident_no": [f"{prefix}-{start + i:04d}" for i in range(n)],
            "reported_on": (pd.Timestamp("2026-01-01") + pd.to_timedelta(days, unit="D")).strftime(
                "%Y-%m-%d"
            ),
            "site": rng.choice(
                ["North Pit", "South Pit", "Pit 3", "Workshop", "ROM pad", "Crusher"], size=n
            ),
            "reported_by": rng.choice(
                ["operator", "supervisor", "contractor", "fitter", "HSE"], size=n
            ),
            "description": text,
            "severity": severity,
            "lost_time": rng.choice(["Y", "N"], size=n, p=[0.08, 0.92]),
        }
    )
    frame["category"] = cat
    return frame


MINE_RULES = [
    {
        "name": "lv_or_spotter",
        "label": "vehicle_interaction",
        "kind": "keyword",
        "column": "description",
        "keywords": ["light vehicle", "LV", "spotter", "give way", "separation"],
    },
    {
        "name": "brakes_hoses",
        "label": "equipment_failure",
        "kind": "keyword",
        "column": "description",
        "keywords": ["hose", "brake", "blowout", "fire suppression", "jammed", "belt"],
    },
    {
        "name": "slips",
        "label": "slip_trip_fall",
        "kind": "regex",
        "column": "description",
        "pattern": r"\b(slip|slipped|trip|tripped|fell|stumbled)\b",
        "ignore_case": True,
    },
    {
        "name": "walls_and_cracks",
        "label": "ground_control",
        "kind": "keyword",
        "column": "description",
        "keywords": ["crest", "highwall", "rockfall", "tension cracks", "slope", "scaling"],
    },
]

MINE_DOCS = {
    "docs/mine/haul_road_standard.md": """# Haul Road Design and Traffic Standard (HSE-STD-014)

## Purpose

This standard sets the minimum requirements for haul roads, ramps and intersections at all
open-pit operations. It applies to every employee and contractor who drives on the mine site.

## Road width and berms

A two-way haul road is at least 3.5 times the width of the widest truck that uses it. Windrows
(safety berms) on the open edge are at least half the height of the largest tyre in use. The
windrow is inspected every shift by the pit supervisor, and damage is repaired before the next
shift starts.

## Ramps and grades

The maximum sustained grade on a ramp is 10 percent. Loaded trucks always travel down the ramp
in a retarder gear that holds the speed below 25 km/h. If the retarder warning light comes on,
the operator stops in a safe place and calls the maintenance supervisor on channel 4.

## Light vehicles

Light vehicles (LVs) must carry a flag, a flashing beacon and a two-way radio. An LV driver
calls on the haul road channel before entering any haul road. A light vehicle never overtakes a
haul truck. Positive communication means the truck operator has acknowledged the LV by radio.

## Separation distances

Trucks travelling in the same direction keep a separation of at least 50 metres on flat roads
and 100 metres on ramps. When visibility drops below 100 metres because of dust or fog, the pit
supervisor reduces the speed limit to 20 km/h or stops haulage.

## Intersections

Right of way at intersections is given to loaded trucks. Water carts give way to all trucks.
Intersections are lit at night and have stop signs on the minor road.
""",
    "docs/mine/fatigue_policy.md": """# Fatigue Management Policy

## Scope

This policy covers all operators working 12-hour day and night shifts in the pit, at the
crusher and in the workshop.

## Hours of work

No person works more than 14 consecutive days. The minimum break between two shifts is 10
hours. A swing from night shift to day shift requires at least 48 hours off.

## Fatigue detection

Every haul truck is fitted with an in-cab fatigue camera. When the camera detects a microsleep,
the seat vibrates and the dispatch controller is alerted. After two alerts in one shift, the
operator is stood down and takes a 30 minute rest in the crib room before a supervisor decides
whether the operator may continue.

## Reporting

An operator who feels unfit for work reports it to the shift supervisor before the pre-start
meeting. Reporting fatigue never leads to disciplinary action. Fatigue events are recorded in
the incident system under the category "fitness for work".

## Night shift controls

Night shift operators take a 20 minute break every 4 hours. Caffeinated drinks are available in
the crib room. The dispatch system rotates operators between hauling and loading tasks after
midnight to reduce monotony.
""",
}


# ----- fitness app ----------------------------------------------------------------------------
def workouts(rng: np.random.Generator, n: int) -> pd.DataFrame:
    acts = rng.choice(
        ["run", "cycle", "strength", "yoga", "hiit", "swim"],
        size=n,
        p=[0.3, 0.2, 0.2, 0.1, 0.12, 0.08],
    )
    dur = np.clip(rng.gamma(4, 11, n), 8, 180)
    base_hr = {"run": 152, "cycle": 138, "strength": 118, "yoga": 96, "hiit": 160, "swim": 135}
    avg_hr = np.array([base_hr[a] for a in acts]) + rng.normal(0, 9, n)
    max_hr = avg_hr + rng.gamma(3, 8, n)
    dist = np.where(
        np.isin(acts, ["run", "cycle", "swim"]),
        dur
        * np.select([acts == "run", acts == "cycle"], [0.17, 0.42], 0.04)
        * rng.normal(1, 0.12, n),
        np.nan,
    )
    kcal = dur * (avg_hr - 60) * 0.11 + rng.normal(0, 20, n)
    frame = pd.DataFrame(
        {
            "workout_id": [f"w_{i:06d}" for i in range(n)],
            "user_id": [f"u{int(x):05d}" for x in rng.integers(1, 900, n)],
            "started_at": (
                pd.Timestamp("2026-09-01")
                + pd.to_timedelta(rng.integers(0, 86400 * 60, n), unit="s")
            ).strftime("%Y-%m-%d %H:%M"),
            "activity": acts,
            "device": rng.choice(["watch", "phone", "chest_strap"], size=n, p=[0.55, 0.35, 0.1]),
            "duration_min": dur.round(1),
            "avg_hr": avg_hr.round(0),
            "max_hr": max_hr.round(0),
            "distance_km": np.round(dist, 2),
            "calories": kcal.round(0),
        }
    )
    bad = rng.choice(n, size=10, replace=False)
    frame.loc[bad[:3], "avg_hr"] = [251, 24, 238]
    frame.loc[bad[3:6], "calories"] = [9120, 8800, -50]
    frame.loc[bad[6:8], "distance_km"] = [212.0, 180.5]
    frame.loc[bad[8:], "duration_min"] = [1440.0, 0.2]
    return frame


REVIEW_TEXT = {
    "bug": [
        "The app crashes every time I finish a run and the workout is lost.",
        "Since the last update my watch won't sync and the GPS map is blank.",
        "Heart rate shows zero halfway through, clearly a bug.",
        "Keeps logging me out and the streak reset to zero for no reason.",
        "Freezes on the loading screen after the update, had to reinstall.",
    ],
    "pricing": [
        "Way too expensive for what it is, the subscription doubled this year.",
        "They charged me after I cancelled the free trial, want a refund.",
        "Premium costs more than my actual gym membership.",
        "Every useful feature is behind the paywall now.",
        "Annual plan price went up without any notice, not renewing.",
    ],
    "feature_request": [
        "Please add a rowing machine mode and a way to export to a spreadsheet.",
        "Would love dark mode and custom interval timers.",
        "Wish I could share plans with my partner, please add family accounts.",
        "Could you add support for the new chest strap models?",
        "Need an option to plan rest days in the training calendar.",
    ],
    "praise": [
        "Love the guided runs, the coaches keep me motivated every morning.",
        "Best fitness app I've used, the plans actually work.",
        "Lost 8 kg in four months thanks to the workouts, brilliant.",
        "Great community challenges and the yoga sessions are lovely.",
        "Clean design and the progress charts are really motivating.",
    ],
}
REVIEW_SHARED = [
    "Overall",
    "Honestly,",
    "Been using it for a year.",
    "5 weeks in.",
    "Hmm.",
    "Just my two cents.",
]


def reviews(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    topics = rng.choice(list(REVIEW_TEXT), size=n, p=[0.32, 0.22, 0.2, 0.26])
    stars_by = {
        "bug": [1, 2, 3],
        "pricing": [1, 2, 3],
        "feature_request": [3, 4, 5],
        "praise": [4, 5, 5],
    }
    frame = pd.DataFrame(
        {
            "review_id": [f"rv-{10000 + i}" for i in range(n)],
            "store": rng.choice(["app_store", "google_play"], size=n),
            "app_version": rng.choice(["7.2.0", "7.3.1", "7.4.0", "7.4.2"], size=n),
            "country": rng.choice(["GB", "US", "DE", "AU", "IE"], size=n),
            "stars": [int(pick(rng, [str(s) for s in stars_by[t]])) for t in topics],
            "review_text": [
                sentence_mix(rng, REVIEW_TEXT[t], REVIEW_SHARED, 1 + int(rng.random() < 0.5))
                for t in topics
            ],
        }
    )
    idx = rng.choice(n, size=90, replace=False)
    gold = pd.DataFrame({"review_id": frame.loc[idx, "review_id"].to_numpy(), "topic": topics[idx]})
    return frame, gold


def subscribers(rng: np.random.Generator, n: int, start: int, with_label: bool) -> pd.DataFrame:
    plan = rng.choice(["monthly", "annual", "trial"], size=n, p=[0.5, 0.3, 0.2])
    tenure = np.where(plan == "trial", 0, rng.integers(1, 48, n))
    w30 = rng.poisson(9, n)
    last = rng.exponential(6, n).round(0)
    tickets = rng.poisson(0.4, n)
    logit = (
        -1.0
        + 0.9 * (plan == "trial")
        - 0.6 * (plan == "annual")
        - 0.16 * w30
        + 0.12 * last
        + 0.5 * tickets
        - 0.02 * tenure
    )
    churn = rng.random(n) < 1 / (1 + np.exp(-logit))
    frame = pd.DataFrame(
        {
            "user_id": [f"u{start + i:05d}" for i in range(n)],
            "plan": plan,
            "country": rng.choice(["GB", "US", "DE", "AU", "IE"], size=n),
            "platform": rng.choice(["ios", "android"], size=n),
            "tenure_months": tenure,
            "workouts_last_30d": w30,
            "avg_session_min": rng.normal(34, 9, n).round(1),
            "friends_count": rng.poisson(3, n),
            "push_opt_in": rng.choice([True, False], size=n),
            "days_since_last_login": last,
            "support_tickets_90d": tickets,
        }
    )
    if with_label:
        frame["churned"] = np.where(churn, "yes", "no")
    return frame


# ----- orchestra ------------------------------------------------------------------------------
def ticket_buyers(rng: np.random.Generator, n: int) -> pd.DataFrame:
    attended = rng.poisson(4, n)
    price = rng.gamma(5, 9, n).round(2)
    section = rng.choice(["stalls", "circle", "balcony", "box"], size=n, p=[0.45, 0.3, 0.2, 0.05])
    logit = -1.2 + 0.28 * attended + 0.01 * price + 0.8 * (section == "box")
    renewed = rng.random(n) < 1 / (1 + np.exp(-logit))
    donated = rng.random(n) < 1 / (1 + np.exp(-(-2.2 + 0.2 * attended + 0.02 * price)))
    return pd.DataFrame(
        {
            "buyer_id": [f"B{50000 + i}" for i in range(n)],
            "postcode_area": rng.choice(["M", "SK", "OL", "WA", "BL", "CH", "LS"], size=n),
            "age_band": rng.choice(
                ["under 30", "30-44", "45-59", "60-74", "75+"],
                size=n,
                p=[0.1, 0.15, 0.25, 0.32, 0.18],
            ),
            "concerts_last_3y": attended,
            "avg_ticket_price": price,
            "seat_section": section,
            "first_purchase_year": rng.integers(1998, 2026, n),
            "email_opt_in": rng.choice(["yes", "no"], size=n, p=[0.7, 0.3]),
            "renewed_subscription": np.where(renewed, "yes", "no"),
            "donated_this_season": np.where(donated, "yes", "no"),
        }
    )


LETTER_TEXT = {
    "pledge": [
        "I would like to pledge a gift of five hundred pounds towards the new youth programme.",
        "Please accept this cheque as my annual donation to the orchestra.",
        "My husband and I wish to set up a monthly standing order to support your work.",
        "Enclosed is a contribution towards the education fund, with best wishes.",
    ],
    "complaint": [
        "I was very disappointed that the Mahler was cancelled at such short notice.",
        "The seats in the balcony were uncomfortable and the interval queue was dreadful.",
        "I wrote twice about my refund and have had no reply, which is unacceptable.",
        "The programme notes were full of errors and the start was delayed by forty minutes.",
    ],
    "thanks": [
        "Thank you for the wonderful evening of Sibelius, the brass were magnificent.",
        "We so enjoyed the family matinee, the children talked about it all week.",
        "Just a note of gratitude for the lovely reception after the gala.",
        "Many thanks for the personal tour of the hall, it was a privilege.",
    ],
    "cancellation": [
        "Please cancel my direct debit from next month as I am moving abroad.",
        "I regret that I must stop my membership of the Friends scheme.",
        "Kindly remove me from the mailing list and end my season subscription.",
        "I am no longer able to continue my regular gift and wish to cancel it.",
    ],
    "legacy": [
        "I am considering leaving a legacy to the orchestra in my will and would like information.",
        "My solicitor has asked how the orchestra should be named in a bequest.",
        "Could someone explain how a gift in my will would be used?",
        "I have included the orchestra in my will and wanted you to know.",
    ],
}
LETTER_SHARED = [
    "Dear Sir or Madam,",
    "To the Development Office,",
    "Yours sincerely.",
    "With kind regards.",
    "Dear friends,",
]


def donor_letters(rng: np.random.Generator, n: int) -> pd.DataFrame:
    intents = rng.choice(list(LETTER_TEXT), size=n, p=[0.3, 0.2, 0.25, 0.15, 0.1])
    amount = np.where(
        intents == "pledge", rng.choice([25, 50, 100, 250, 500, 1000], size=n), np.nan
    )
    frame = pd.DataFrame(
        {
            "letter_id": [f"L-{2026}-{i:04d}" for i in range(1, n + 1)],
            "received": (
                pd.Timestamp("2026-02-01") + pd.to_timedelta(rng.integers(0, 280, n), unit="D")
            ).strftime("%d/%m/%Y"),
            "donor_ref": [f"D{int(x):05d}" for x in rng.integers(100, 9000, n)],
            "channel": rng.choice(["post", "email", "box office"], size=n, p=[0.5, 0.4, 0.1]),
            "amount_gbp": amount,
            "letter_text": [
                sentence_mix(rng, LETTER_TEXT[t], LETTER_SHARED, 1 + int(rng.random() < 0.5))
                for t in intents
            ],
        }
    )
    intent_col = pd.Series(intents, dtype=object)
    keep = rng.random(n) < 0.16
    intent_col[~keep] = None
    frame["intent"] = intent_col
    return frame


PROGRAMMES = {
    "programmes/autumn_gala.md": """# Autumn Gala: Beethoven and Brahms

Saturday 10 October 2026, 7.30pm, Bridgewater Hall

## Programme

- Beethoven: Overture, *Egmont*, Op. 84
- Brahms: Violin Concerto in D major, Op. 77
- Beethoven: Symphony No. 7 in A major, Op. 92

Conductor: Elena Varga. Soloist: Tomasz Wierzbicki, violin.

## About the music

The *Egmont* overture was written in 1810 as part of incidental music for Goethe's play. It
moves from a heavy F minor introduction to a triumphant F major coda that celebrates the hero's
sacrifice.

Brahms wrote his Violin Concerto in 1878 for his friend Joseph Joachim, who advised him on the
solo part and wrote the first-movement cadenza most violinists still play. The finale is a
Hungarian-flavoured rondo, a tribute to Joachim's roots.

Beethoven's Seventh Symphony was first performed in Vienna in 1813 at a concert for soldiers
wounded at the Battle of Hanau. Wagner called it "the apotheosis of the dance" because of the
rhythms that drive every movement. The second movement, an Allegretto, was encored at the
premiere.

## Interval

The interval lasts 20 minutes. Drinks pre-ordered at the Circle Bar are ready at the start of the
interval.
""",
    "programmes/mahler_5.md": """# Mahler's Fifth

Thursday 12 November 2026, 7.30pm

## Programme

- Mahler: Symphony No. 5 in C sharp minor

Conductor: Sir David Okonjo. There is no interval; the concert lasts about 75 minutes.

## About the music

Mahler composed the Fifth Symphony in 1901 and 1902, during summers at his lakeside villa in
Maiernigg. It opens with a solo trumpet fanfare and a funeral march.

The Adagietto, the fourth movement, is scored for strings and harp alone. It is often described
as a love letter to Alma Schindler, whom Mahler married in 1902. The Adagietto became famous
when Visconti used it in the film *Death in Venice* in 1971.

The symphony ends with a Rondo-Finale full of counterpoint, in which themes from the Adagietto
return at a quicker tempo.

## Pre-concert talk

A free talk with the conductor starts at 6.30pm in the Stalls Foyer. Ticket holders need no
booking.
""",
    "programmes/family_matinee.md": """# Family Matinee: The Carnival of the Animals

Sunday 6 December 2026, 2.00pm

## Programme

- Saint-Saëns: *The Carnival of the Animals*
- Prokofiev: *Peter and the Wolf*, narrated by Amara Bell

## For families

The concert lasts about one hour and is suitable for children aged 4 and over. Children under 16
go free with every full-price adult ticket. Ear defenders can be borrowed from the cloakroom.

## About the music

Saint-Saëns wrote *The Carnival of the Animals* in 1886 as a musical joke for friends and
refused to publish it during his lifetime, except for *The Swan*. Each movement portrays an
animal: the lion's roar is played by the pianos and low strings, and the elephant dances on the
double bass.

In *Peter and the Wolf* (1936) every character is played by an instrument: the bird by the
flute, the duck by the oboe, the cat by the clarinet, the grandfather by the bassoon and the
wolf by three French horns. Peter himself is the string section.
""",
}


# ----- port container terminal ----------------------------------------------------------------
def crane_moves(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    kind = rng.choice(["discharge", "load", "restow"], size=n, p=[0.48, 0.46, 0.06])
    size = rng.choice([20, 40, 45], size=n, p=[0.35, 0.58, 0.07])
    weight = np.clip(rng.normal(np.where(size == 20, 14, 22), 6), 2.2, 32.5)
    wind = np.clip(rng.gamma(3, 6, n), 0, 70)
    cycle = 95 + 1.1 * weight + 0.9 * wind + 25 * (kind == "restow") + rng.normal(0, 12, n)
    frame = pd.DataFrame(
        {
            "move_id": [f"MV{start + i}" for i in range(n)],
            "crane_id": rng.choice([f"QC{i:02d}" for i in range(1, 9)], size=n),
            "vessel": rng.choice(
                [
                    "MSC Aurora",
                    "Maersk Kendal",
                    "CMA CGM Tage",
                    "Evergreen Ever Lotus",
                    "ONE Harmony",
                ],
                size=n,
            ),
            "berth": rng.choice(["B1", "B2", "B3"], size=n),
            "shift": rng.choice(["06-14", "14-22", "22-06"], size=n),
            "move_type": kind,
            "container_size_ft": size,
            "gross_weight_t": weight.round(2),
            "wind_kmh": wind.round(1),
            "cycle_time_s": cycle.round(0),
            "twistlock_faults": rng.poisson(0.05, n),
            "operator": [f"CR{int(x):02d}" for x in rng.integers(1, 31, n)],
        }
    )
    bad = rng.choice(n, size=8, replace=False)
    frame.loc[bad[:3], "cycle_time_s"] = [1460, 2210, 9]
    frame.loc[bad[3:5], "gross_weight_t"] = [61.0, 0.1]
    frame.loc[bad[5:7], "twistlock_faults"] = [7, 9]
    frame.loc[bad[7], "container_size_ft"] = 53
    return frame


def container_no(rng: np.random.Generator) -> str:
    owner = pick(rng, ["MSCU", "MAEU", "CMAU", "EGHU", "ONEU", "TGHU", "HLXU"])
    return f"{owner}{int(rng.integers(1000000, 9999999))}"


def customs(rng: np.random.Generator, n: int) -> pd.DataFrame:
    origin = rng.choice(["CN", "VN", "TR", "IN", "US", "BR", "NG", "AE"], size=n)
    hs = rng.choice(["61", "84", "85", "39", "94", "22", "24", "87", "30"], size=n)
    declared_w = rng.gamma(6, 2500, n)
    measured_w = declared_w * rng.normal(1, 0.03, n)
    docs = rng.choice(["complete", "missing_invoice", "missing_coo"], size=n, p=[0.82, 0.1, 0.08])
    prior = rng.poisson(0.3, n)
    gap = (measured_w - declared_w) / declared_w
    logit = (
        -2.6
        + 10 * np.abs(gap)
        + 1.4 * (docs != "complete")
        + 0.8 * prior
        + 0.9 * np.isin(hs, ["24", "22", "30"])
        + 0.5 * (origin == "AE")
    )
    hold = rng.random(n) < 1 / (1 + np.exp(-logit))
    exam = hold & (rng.random(n) < 0.45)
    return pd.DataFrame(
        {
            "container_no": [container_no(rng) for _ in range(n)],
            "arrival_date": (
                pd.Timestamp("2026-07-01") + pd.to_timedelta(rng.integers(0, 120, n), unit="D")
            ).strftime("%Y-%m-%d"),
            "origin_country": origin,
            "hs_chapter": hs,
            "declared_value_usd": rng.lognormal(10.2, 0.9, n).round(0),
            "declared_weight_kg": declared_w.round(0),
            "vgm_weight_kg": measured_w.round(0),
            "documents": docs,
            "prior_holds_12m": prior,
            "consignee_type": rng.choice(
                ["importer", "freight_forwarder", "private"], size=n, p=[0.6, 0.35, 0.05]
            ),
            "dwell_hours": rng.gamma(2, 30, n).round(1),
            "customs_hold": np.where(hold, "held", "released"),
            "physical_exam": np.where(exam, "yes", "no"),
        }
    )


DAMAGE_TEXT = {
    "dent": [
        "Dent on the left side panel about 30 cm wide, no breach.",
        "Top rail bent and dented near the rear corner post.",
        "Side wall pushed in after contact with the spreader.",
        "Corrugation flattened with a deep dent at door end.",
    ],
    "hole": [
        "Puncture in the roof panel, daylight visible from inside.",
        "Hole in the floor boards near the front wall, cargo exposed.",
        "Forklift tine pierced the side panel, open hole 5 cm.",
        "Roof holed, water ingress suspected, contents wet.",
    ],
    "corrosion": [
        "Heavy rust on the bottom side rail, scaling paint.",
        "Corroded cross members under the floor, rust holes forming.",
        "Rust patches along the roof bows, needs treatment.",
        "Severe corrosion at the corner castings.",
    ],
    "door_seal": [
        "Door gasket torn and the right door does not close fully.",
        "Locking bar bent, seal number does not match the manifest.",
        "Door hinge broken, customs seal intact but door sagging.",
        "Rubber seal missing on the left door, light leaks in.",
    ],
}
DAMAGE_SHARED = [
    "Photographed by surveyor.",
    "Reefer unit OK.",
    "Reported to line agent.",
    "Found at gate-in.",
    "Checked at quayside.",
]


def damage_reports(rng: np.random.Generator, n: int) -> pd.DataFrame:
    types = rng.choice(list(DAMAGE_TEXT), size=n, p=[0.38, 0.2, 0.24, 0.18])
    frame = pd.DataFrame(
        {
            "report_id": [f"DR{88000 + i}" for i in range(n)],
            "container_no": [container_no(rng) for _ in range(n)],
            "surveyed_at": rng.choice(["gate-in", "quayside", "yard", "gate-out"], size=n),
            "surveyor": rng.choice(["J. Okafor", "M. Lindqvist", "R. Patel", "S. Moreau"], size=n),
            "iso_type": rng.choice(["22G1", "42G1", "45G1", "45R1"], size=n),
            "surveyor_note": [
                sentence_mix(rng, DAMAGE_TEXT[t], DAMAGE_SHARED, 1 + int(rng.random() < 0.3))
                for t in types
            ],
        }
    )
    return frame, types


DAMAGE_LFS = [
    {
        "name": "dent_words",
        "label": "dent",
        "kind": "keyword",
        "column": "surveyor_note",
        "keywords": ["dent", "dented", "bent", "pushed in"],
    },
    {
        "name": "hole_words",
        "label": "hole",
        "kind": "keyword",
        "column": "surveyor_note",
        "keywords": ["hole", "holed", "puncture", "pierced"],
    },
    {
        "name": "rust_words",
        "label": "corrosion",
        "kind": "regex",
        "column": "surveyor_note",
        "pattern": r"rust|corro",
        "ignore_case": True,
    },
    {
        "name": "door_words",
        "label": "door_seal",
        "kind": "keyword",
        "column": "surveyor_note",
        "keywords": ["door", "gasket", "seal", "locking bar", "hinge"],
    },
]

TERMINAL_DOC = """# Terminal Operations Handbook (extract)

## Quay cranes

The terminal operates eight ship-to-shore quay cranes (QC01 to QC08) on berths B1 to B3. Crane
operations stop when the sustained wind speed at the boom tip exceeds 72 km/h. Between 55 and
72 km/h, only empty containers may be handled, at the supervisor's discretion.

A twistlock fault is logged when the spreader reports that one of its four twistlocks did not
lock or unlock. After three twistlock faults in one shift, the crane is handed to the
maintenance team for a spreader inspection.

## Productivity

Gross crane productivity is measured in moves per hour, including restows and hatch cover
moves. The terminal target is 28 moves per hour per crane. A restow is a move of a container
from one position on the vessel to another, usually because of a planning error.

## Customs holds

A container under customs hold cannot leave the terminal. Customs may release it after a
document check or order a physical examination at the inspection shed. Examined containers are
moved by straddle carrier to the shed and back, and the consignee pays the handling charge.

## Damage surveys

Containers are surveyed at gate-in and at the quayside. The surveyor records the damage type,
photographs the damage and informs the shipping line's agent. A container with a hole or a
broken door seal is not loaded until it has been repaired or the line accepts it in writing.
"""


def main() -> None:
    out = Path(sys.argv[1])
    rng = np.random.default_rng(SEED)
    (out / "docs" / "mine").mkdir(parents=True, exist_ok=True)
    (out / "docs" / "port").mkdir(parents=True, exist_ok=True)
    (out / "programmes").mkdir(parents=True, exist_ok=True)

    # mining
    haul_trucks(rng, 1400, True).to_csv(out / "haul_trucks.csv", index=False)
    haul_trucks(rng, 300, False).to_csv(out / "truck_readings_new_shift.csv", index=False)
    inc = incidents(rng, 640, "INC", 1)
    keep = rng.random(len(inc)) < 0.12
    inc.loc[~keep, "category"] = None
    inc.to_csv(out / "incident_reports.csv", index=False)
    incidents(rng, 150, "INC-T", 1).to_csv(out / "incidents_checked.csv", index=False)
    (out / "mine_rules.json").write_text(json.dumps(MINE_RULES, indent=2), encoding="utf-8")
    for name, text in MINE_DOCS.items():
        (out / name).write_text(text, encoding="utf-8")

    # fitness app
    workouts(rng, 2400).to_csv(out / "workouts.csv", index=False)
    rev, gold = reviews(rng, 720)
    rev.to_csv(out / "app_reviews.csv", index=False)
    gold.to_csv(out / "review_topics_handlabelled.csv", index=False)
    rev.sample(200, random_state=1).to_json(
        out / "reviews_export_oct.jsonl", orient="records", lines=True
    )
    subscribers(rng, 1800, 1, True).to_csv(out / "subscribers.csv", index=False)
    subscribers(rng, 400, 3001, True).to_csv(out / "subscribers_holdout.csv", index=False)
    subscribers(rng, 350, 5001, False).to_csv(out / "active_users_dec.csv", index=False)

    # orchestra
    ticket_buyers(rng, 960).to_csv(out / "ticket_buyers.csv", index=False)
    new = ticket_buyers(rng, 240).drop(columns=["renewed_subscription", "donated_this_season"])
    new["buyer_id"] = [f"B{61000 + i}" for i in range(len(new))]
    new.to_csv(out / "new_patrons_2026.csv", index=False)
    donor_letters(rng, 420).to_csv(out / "donor_letters.csv", index=False)
    for name, text in PROGRAMMES.items():
        (out / name).write_text(text, encoding="utf-8")

    # port
    crane_moves(rng, 2600, 410000).to_csv(out / "crane_moves.csv", index=False)
    crane_moves(rng, 900, 520000).to_csv(out / "crane_moves_nov.csv", index=False)
    customs(rng, 1500).to_csv(out / "customs_holds.csv", index=False)
    dmg, types = damage_reports(rng, 560)
    dmg.to_csv(out / "damage_reports.csv", index=False)
    idx = rng.choice(len(dmg), size=64, replace=False)
    pd.DataFrame(
        {"report_id": dmg.loc[idx, "report_id"].to_numpy(), "damage_type": types[idx]}
    ).to_csv(out / "damage_gold.csv", index=False)
    (out / "damage_lfs.json").write_text(json.dumps(DAMAGE_LFS, indent=2), encoding="utf-8")
    (out / "docs" / "port" / "terminal_handbook.md").write_text(TERMINAL_DOC, encoding="utf-8")


if __name__ == "__main__":
    main()
