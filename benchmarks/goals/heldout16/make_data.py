"""Write the heldout16 corpus's files into DIR: a hearing-aid clinic chain, a municipal road
department (potholes and snow clearing) and an independent board-game publisher.

Run: python make_data.py DIR   (deterministic, offline, about 1 MB)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 1616


def _pick(rng: np.random.Generator, items: list[str], n: int, p: list[float] | None = None):
    return rng.choice(np.array(items, dtype=object), size=n, p=p)


def _sentence(rng: np.random.Generator, parts: list[list[str]]) -> str:
    """One pick from each part, no phrase twice, punctuation tidied."""
    picked: list[str] = []
    for options in parts:
        fresh = [o for o in options if o not in picked or len(o) < 3] or list(options)
        picked.append(str(rng.choice(fresh)))
    text = re.sub(r"\s+([.,;!])", r"\1", " ".join(picked))
    return re.sub(r"\s{2,}", " ", text).strip()


def _yes_no(rng: np.random.Generator, logit: np.ndarray) -> np.ndarray:
    prob = 1.0 / (1.0 + np.exp(-logit))
    return np.where(rng.random(len(logit)) < prob, "yes", "no")


def _write_csv(df: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")


# --------------------------------------------------------------------------- hearing clinics

CLINICS = ["Northgate", "Riverside", "Old Town", "Harbourside", "Millbrook"]
AUDIOLOGISTS = ["J. Okafor", "M. Lindqvist", "S. Patel", "R. Duarte", "K. Brennan", "A. Novak"]

FIT_NOTE_OPEN = [
    "Patient",
    "Pt",
    "Client",
    "Patient (accompanied by daughter)",
    "Patient (accompanied by spouse)",
]
FIT_NOTE_BODY = {
    "good": [
        "happy with clarity in quiet room",
        "reports speech much clearer on the phone",
        "liked the sound straight away",
        "comfortable with domes, no occlusion",
        "managed battery door without help",
    ],
    "bad": [
        "finds own voice boomy",
        "complains of whistling when hugging",
        "struggles to insert receiver",
        "says restaurants still too noisy",
        "unsure about the cost, wants to think",
        "dexterity issues with the small battery",
    ],
}
FIT_NOTE_END = [
    "Booked 2 wk follow-up.",
    "Gain reduced 3 dB at 2k.",
    "Showed cleaning routine.",
    "Gave written aftercare sheet.",
    "Will try program 2 in cafe.",
    "",
]


def fittings(rng: np.random.Generator, n: int) -> pd.DataFrame:
    age = rng.integers(48, 94, n)
    pta_l = np.clip(rng.normal(47, 13, n), 20, 90).round(0)
    pta_r = np.clip(pta_l + rng.normal(0, 7, n), 20, 90).round(0)
    style = _pick(rng, ["RIC", "BTE", "ITE", "CIC"], n, [0.5, 0.25, 0.15, 0.1])
    tech = _pick(rng, ["essential", "advanced", "premium"], n, [0.4, 0.4, 0.2])
    base_price = {"essential": 1400, "advanced": 2300, "premium": 3400}
    price = np.array([base_price[t] for t in tech]) + rng.integers(-150, 250, n)
    first_time = _pick(rng, ["yes", "no"], n, [0.55, 0.45])
    followups = rng.poisson(1.6, n)
    wear = np.clip(rng.normal(9, 3.5, n), 0, 16).round(1)
    logit = (
        -1.2
        - 0.28 * (wear - 9)
        + 0.7 * (first_time == "yes")
        + 0.0004 * (price - 2300)
        - 0.35 * (followups - 1.6)
        + 0.5 * (style == "CIC")
    )
    returned = _yes_no(rng, logit)
    notes = []
    for r in returned:
        mood = "bad" if (r == "yes") == (rng.random() < 0.78) else "good"
        notes.append(
            _sentence(
                rng,
                [
                    FIT_NOTE_OPEN,
                    FIT_NOTE_BODY[mood],
                    [";", ",", "."],
                    FIT_NOTE_BODY["good" if rng.random() < 0.5 else "bad"],
                    ["."],
                    FIT_NOTE_END,
                ],
            )
        )
    sat_score = 0.25 * (wear - 9) - 1.2 * (returned == "yes") + rng.normal(0, 0.8, n)
    satisfaction = np.where(sat_score > 0.6, "high", np.where(sat_score < -0.8, "low", "medium"))
    return pd.DataFrame(
        {
            "fitting_id": [f"F-{10000 + i}" for i in range(n)],
            "clinic": _pick(rng, CLINICS, n),
            "audiologist": _pick(rng, AUDIOLOGISTS, n),
            "patient_age": age,
            "pta_left_db": pta_l,
            "pta_right_db": pta_r,
            "loss_type": _pick(rng, ["sensorineural", "conductive", "mixed"], n, [0.8, 0.08, 0.12]),
            "device_style": style,
            "tech_level": tech,
            "price_eur": price,
            "first_time_user": first_time,
            "followup_visits": followups,
            "avg_daily_wear_h": wear,
            "fitting_notes": notes,
            "returned_in_trial": returned,
            "satisfaction_3m": satisfaction,
        }
    )


FEEDBACK = {
    "sound": [
        "voices sound tinny and a bit metallic",
        "I can finally hear my grandchildren clearly",
        "too much background noise in the supermarket",
        "music sounds flat with the new aids",
        "my own voice echoes, like talking in a barrel",
        "the TV is much clearer now, turned volume down",
        "whistling feedback when I put on my hat",
    ],
    "comfort": [
        "the left one hurts behind my ear after a few hours",
        "dome keeps falling out when I chew",
        "ear feels blocked and itchy",
        "they are so light I forget I am wearing them",
        "sore spot in the canal from the mould",
        "glasses and the aid fight for space behind the ear",
    ],
    "battery": [
        "battery dies before dinner",
        "the charger light blinks red all night",
        "rechargeable lasts barely a day now",
        "I go through a pack of size 312 every week",
        "forgot to charge and was deaf all morning",
    ],
    "cost": [
        "far too expensive for what they are",
        "the insurance paid less than you said",
        "why does a replacement dome cost that much",
        "the payment plan made it affordable, thank you",
        "price went up since my last pair",
        "invoice was confusing, charged twice for the service",
    ],
    "service": [
        "the audiologist was patient and explained everything",
        "waited 40 minutes past my appointment time",
        "nobody called back about my repair",
        "receptionist at Riverside was lovely",
        "the follow up visit fixed the problem in five minutes",
        "could not get an appointment for three weeks",
    ],
}
OPENERS = ["", "Honestly,", "Well,", "Just to say", "Hi,", "Feedback:", "To whom it may concern -"]
CLOSERS = [
    "",
    "",
    "Thanks.",
    "Regards, M.",
    "Not happy.",
    "Very pleased overall.",
    "Please advise.",
]


def feedback(rng: np.random.Generator, n: int) -> pd.DataFrame:
    topics = _pick(rng, list(FEEDBACK), n, [0.27, 0.2, 0.15, 0.16, 0.22])
    text = []
    for t in topics:
        second = t if rng.random() < 0.6 else str(rng.choice(list(FEEDBACK)))
        text.append(
            _sentence(
                rng,
                [OPENERS, FEEDBACK[t], [".", ",", " and", "!"], FEEDBACK[second], ["."], CLOSERS],
            )
            .replace(" .", ".")
            .replace(" ,", ",")
            .replace(" !", "!")
        )
    df = pd.DataFrame(
        {
            "comment_id": [f"C{5000 + i}" for i in range(n)],
            "clinic": _pick(rng, CLINICS, n),
            "channel": _pick(rng, ["survey", "email", "phone note", "google review"], n),
            "received": pd.date_range("2024-01-03", periods=n, freq="17h").strftime("%Y-%m-%d"),
            "comment": text,
            "topic": topics,
        }
    )
    return df


def repairs(rng: np.random.Generator, n: int) -> pd.DataFrame:
    style = _pick(rng, ["RIC", "BTE", "ITE", "CIC"], n, [0.5, 0.25, 0.15, 0.1])
    months = rng.integers(1, 60, n)
    fault = _pick(rng, ["receiver", "microphone", "battery", "shell crack", "wax guard"], n)
    cost = np.clip(rng.normal(120, 35, n) + 2 * months, 20, None).round(2)
    cost[fault == "wax guard"] = rng.normal(18, 4, (fault == "wax guard").sum()).round(2)
    df = pd.DataFrame(
        {
            "repair_id": [f"R-{3000 + i}" for i in range(n)],
            "clinic": _pick(rng, CLINICS, n),
            "device_style": style,
            "months_since_fit": months,
            "fault": fault,
            "repair_cost_eur": cost,
            "battery_hours_reported": np.clip(rng.normal(19, 3, n), 6, 30).round(1),
            "moisture_index": np.clip(rng.normal(2.2, 0.8, n), 0, 10).round(2),
            "days_in_lab": rng.integers(2, 12, n),
        }
    )
    odd = rng.choice(n, 9, replace=False)
    df.loc[odd[0], "repair_cost_eur"] = 2890.0
    df.loc[odd[1], "battery_hours_reported"] = 0.4
    df.loc[odd[2], "moisture_index"] = 9.7
    df.loc[odd[3], "days_in_lab"] = 94
    df.loc[odd[4], "months_since_fit"] = 0
    df.loc[odd[4], "repair_cost_eur"] = 1460.0
    df.loc[odd[5], ["device_style", "fault"]] = ["CIC", "battery"]
    df.loc[odd[5], "battery_hours_reported"] = 61.0
    df.loc[odd[6], "repair_cost_eur"] = -45.0
    df.loc[odd[7], ["moisture_index", "days_in_lab"]] = [8.8, 60]
    df.loc[odd[8], "months_since_fit"] = 212
    return df


CLINIC_DOCS = {
    "docs/clinic/aftercare_guide.md": """# Looking after your hearing aids

## Daily cleaning
Wipe the aids every evening with the dry cloth from your starter kit. Never use water,
alcohol or cleaning sprays. Brush the microphone openings gently with the small brush,
holding the aid upside down so loosened wax falls out rather than in.

## Wax guards
Receiver-in-canal (RIC) aids have a white wax guard at the tip. Change it every two to four
weeks, or as soon as the sound becomes weak or muffled. A pack of eight guards costs 9 euro at
every clinic and is free during the first year.

## Batteries and charging
Size 312 zinc-air batteries last five to seven days at twelve hours of daily wear. Remove the
sticker and wait two minutes before closing the door. Rechargeable models need three hours in
the charger for a full day; a blinking red light means the aid is not seated properly.

## Moisture
Store the aids in the drying box overnight from May to September or after sport. Moisture is
the most common cause of crackling sound and of microphone repairs.

## When to call us
Call your clinic if you hear whistling that does not stop when the aid is pushed in, if the
aid hurts for more than two days, or if one side is suddenly much quieter than the other.
""",
    "docs/clinic/trial_and_returns.md": """# The 45-day trial and returns

Every new hearing aid fitting starts a 45-day trial. During the trial the patient can return
the aids for a refund of the device price minus a fitting fee of 150 euro per ear. Returns must
be in the original case with all accessories; a lost dome or charger is charged at list price.

Patients are offered at least two follow-up visits inside the trial: at about two weeks
(fine-tuning, datalogging review) and at about five weeks (real-ear check, decision). Data
logging below four hours of daily wear at the first follow-up is a warning sign; the
audiologist should discuss expectations and consider a lower gain starting program.

Exchanges to another style (for example from CIC to RIC) are free once within the trial and
restart the trial for 30 days. After the trial, the standard warranty is three years for
premium and advanced devices and two years for essential devices, covering manufacturing
faults but not loss, moisture damage or cracked shells from drops.
""",
    "docs/clinic/tinnitus_faq.txt": """Tinnitus - frequently asked questions (patient leaflet, Harbourside clinic)

What is tinnitus?
Tinnitus is hearing a sound, such as ringing, hissing or buzzing, that has no outside source.
About one adult in seven has it at some point; for most it is mild.

Can hearing aids help?
Yes, for many people with hearing loss. Amplifying outside sounds makes the tinnitus less
noticeable. Most of our advanced and premium aids also have a sound generator program that
plays soft rushing noise.

How long before it improves?
Most patients notice a difference within six to eight weeks of steady daily wear. We book a
tinnitus review at eight weeks with the questionnaire you filled in at the first visit.

When should I see a doctor?
If the tinnitus is in one ear only, pulses with your heartbeat, or started after a head
injury, see your GP before the fitting. Sudden hearing loss is an emergency: go to A&E within
24 hours.
""",
}


# --------------------------------------------------------------------------- roads and snow

WARDS = [f"Ward {i}" for i in range(1, 9)]
STREETS = ["arterial", "collector", "residential", "alley", "bus route"]

POTHOLE_TEXT = {
    "emergency": [
        "huge hole in the middle lane, a car lost a wheel",
        "sinkhole opening next to the water main, road collapsing",
        "cyclist fell into the pothole tonight, ambulance came",
        "hole is at least a foot deep right at the crosswalk",
        "bus had to swerve into oncoming traffic to avoid it",
        "pavement caved in over the storm drain, cones gone",
    ],
    "urgent": [
        "deep pothole in the bike lane, people swerve around it",
        "several holes near the school entrance getting bigger",
        "my tyre got damaged on this one, please fix soon",
        "edge of the road is crumbling away near the bend",
        "water filled pothole, cannot see how deep it is",
        "patch from last spring has broken up again",
    ],
    "routine": [
        "small crack in the asphalt outside number 14",
        "minor pothole near the curb, not in the driving line",
        "faded patch and some loose gravel in the alley",
        "bumpy surface by the parking lot entrance",
        "shallow dip at the end of the cul-de-sac",
        "a few little holes along the edge, nothing major",
    ],
}


def potholes(rng: np.random.Generator, n: int) -> pd.DataFrame:
    prio = _pick(rng, ["emergency", "urgent", "routine"], n, [0.15, 0.38, 0.47])
    depth = {"emergency": 14, "urgent": 8, "routine": 4}
    desc = []
    for p in prio:
        other = p if rng.random() < 0.7 else str(rng.choice(list(POTHOLE_TEXT)))
        d = _sentence(
            rng,
            [
                ["", "Hi,", "Reporting:", "URGENT", "Hello city,", "again!"],
                POTHOLE_TEXT[p],
                [".", ";", " -"],
                POTHOLE_TEXT[other] if rng.random() < 0.5 else [""],
            ],
        )
        desc.append(d.replace(" .", ".").replace(" ;", ";").strip())
    df = pd.DataFrame(
        {
            "report_id": [f"PH-24-{i:05d}" for i in range(1, n + 1)],
            "ward": _pick(rng, WARDS, n),
            "street_class": _pick(rng, STREETS, n, [0.2, 0.2, 0.4, 0.1, 0.1]),
            "reported_via": _pick(rng, ["311 app", "phone", "crew", "council member", "email"], n),
            "description": desc,
            "depth_cm": np.clip([rng.normal(depth[p], 3) for p in prio], 1, 40).round(1),
            "width_cm": np.clip(rng.normal(45, 20, n), 5, 200).round(0),
            "daily_traffic": rng.integers(150, 24000, n),
            "days_open": rng.integers(0, 60, n),
            "priority": prio,
        }
    )
    return df


def plow_shifts(rng: np.random.Generator, n: int, start: str, outcome: bool) -> pd.DataFrame:
    snow = np.clip(rng.gamma(2.0, 6.0, n), 0.5, 70).round(1)
    temp = np.clip(rng.normal(-6, 5, n), -28, 3).round(1)
    wind = np.clip(rng.normal(18, 10, n), 0, 70).round(0)
    km = np.clip(rng.normal(42, 12, n), 12, 90).round(1)
    hills = rng.integers(0, 9, n)
    truck_age = rng.integers(1, 19, n)
    operator = rng.integers(0, 25, n)
    start_hour = _pick(rng, ["02:00", "04:00", "06:00", "14:00", "22:00"], n)
    df = pd.DataFrame(
        {
            "shift_id": [f"SH-{start[:4]}-{i:04d}" for i in range(1, n + 1)],
            "shift_date": pd.date_range(start, periods=n, freq="9h").strftime("%Y-%m-%d"),
            "depot": _pick(rng, ["North Yard", "Eastgate", "Canal St", "Airport Rd"], n),
            "route": _pick(rng, [f"R{i:02d}" for i in range(1, 25)], n),
            "start_time": start_hour,
            "snowfall_cm": snow,
            "temp_min_c": temp,
            "wind_kmh": wind,
            "route_km": km,
            "hills": hills,
            "truck_age_yrs": truck_age,
            "operator_yrs": operator,
            "salt_tonnes": (km * rng.normal(0.21, 0.04, n) * (1 + snow / 40)).round(2),
        }
    )
    if outcome:
        late = (
            0.09 * (snow - 12)
            + 0.03 * (km - 42)
            + 0.25 * hills / 2
            + 0.09 * truck_age
            - 0.05 * operator
            - 1.0
        )
        late = late + 0.6 * (start_hour == "06:00")
        df["finished_on_time"] = np.where(_yes_no(rng, late) == "yes", "no", "yes")
        ot = (
            0.08 * (snow - 12)
            + 0.04 * (km - 42)
            - 0.04 * temp
            - 0.6
            + 0.7 * (df["finished_on_time"] == "no")
        )
        df["overtime"] = _yes_no(rng, ot)
    return df


def telemetry(rng: np.random.Generator, n: int) -> pd.DataFrame:
    speed = np.clip(rng.normal(32, 6, n), 8, 55).round(1)
    rate = np.clip(rng.normal(110, 20, n), 40, 200).round(0)
    km = np.clip(rng.normal(38, 10, n), 5, 80).round(1)
    salt = (rate * km * rng.normal(1, 0.05, n)).round(0)
    df = pd.DataFrame(
        {
            "reading_id": [f"T{i:05d}" for i in range(n)],
            "truck_id": _pick(rng, [f"PL-{i:03d}" for i in range(101, 131)], n),
            "avg_speed_kmh": speed,
            "spread_rate_kg_km": rate,
            "km_covered": km,
            "salt_used_kg": salt,
            "fuel_l": (km * rng.normal(0.62, 0.06, n)).round(1),
            "air_temp_c": np.clip(rng.normal(-7, 5, n), -30, 4).round(1),
            "blade_down_pct": np.clip(rng.normal(70, 12, n), 5, 100).round(0),
        }
    )
    odd = rng.choice(n, 8, replace=False)
    df.loc[odd[0], "salt_used_kg"] = 31000
    df.loc[odd[1], "avg_speed_kmh"] = 96.0
    df.loc[odd[2], ["km_covered", "salt_used_kg"]] = [2.1, 9800]
    df.loc[odd[3], "fuel_l"] = 190.0
    df.loc[odd[4], "spread_rate_kg_km"] = 610
    df.loc[odd[5], ["air_temp_c", "blade_down_pct"]] = [14.0, 100]
    df.loc[odd[6], "fuel_l"] = 0.0
    df.loc[odd[7], ["avg_speed_kmh", "km_covered"]] = [3.0, 77.0]
    return df


ROAD_DOCS = {
    "docs/roads/winter_maintenance_plan.md": """# Winter Maintenance Plan 2024-25

## Service levels
Priority 1 roads (arterials and bus routes) are plowed and salted within 4 hours after
snowfall ends once accumulation reaches 5 cm. Priority 2 roads (collectors) follow within
12 hours. Residential streets are plowed within 24 hours after accumulation of 10 cm or more;
below that they are sanded at intersections and hills only.

## Salt and brine
Anti-icing brine is applied up to 24 hours before a forecast event when pavement temperature
is above -10 C. Rock salt is not effective below -12 C; crews switch to a sand and salt mix
(7:1) below that temperature. The target spread rate on arterials is 100 to 130 kg per lane
kilometre.

## Depots and fleet
The city operates four depots (North Yard, Eastgate, Canal St and Airport Rd) with 30 plow
trucks and 12 sidewalk machines. Trucks older than 15 years are kept as spares. Each depot
keeps at least 1,200 tonnes of salt on 1 December.

## Shifts
During an event, operators work 12-hour shifts starting at 06:00 and 18:00. No operator may
drive more than 14 hours in a 24-hour period; the supervisor logs overtime for any shift
that runs past 12 hours.
""",
    "docs/roads/pothole_repair_standard.md": """# Pothole Repair Standard (Public Works, rev. 3)

## Classification
- **Emergency**: depth over 10 cm in a travel lane, or any hole causing a collapse, injury or
  vehicle damage. Made safe (cones or plate) within 2 hours, repaired within 24 hours.
- **Urgent**: depth 5 to 10 cm in a travel lane or bike lane, or any hole on a bus route.
  Repaired within 5 working days.
- **Routine**: shallow defects, edges and alleys. Repaired within 30 days or in the next
  scheduled resurfacing.

## Methods
Throw-and-roll cold patch is only a temporary repair in winter. The permanent repair is a
saw-cut, tack coat and hot-mix asphalt compacted in 5 cm lifts. Infrared repairs are used on
arterials where the surrounding pavement is in good condition.

## Claims
Residents who report vehicle damage are directed to the claims office. The city is liable only
when a pothole was reported and not made safe within the times above.
""",
    "docs/roads/sidewalk_snow_bylaw.txt": """Sidewalk Snow Clearing By-law No. 2019-114 (summary)

Owners and occupants must clear snow and ice from the public sidewalk next to their property
within 24 hours after a snowfall ends. Snow may not be pushed onto the roadway, a bike lane or
a fire hydrant.

The city clears sidewalks on priority pedestrian routes (schools, hospitals, transit stops)
within 12 hours after a snowfall of 5 cm or more, using sidewalk machines.

A first violation is a warning. After that, the city clears the sidewalk and charges the cost
to the owner, with a minimum charge of 150 dollars. Seniors over 70 and residents with a
disability may apply for the free Snow Angels clearing program before 15 November.
""",
}


# --------------------------------------------------------------------------- board games

GAMES = ["Harbor Lights", "Moss & Mortar", "Tiny Dragons Co-op", "Rail Barons of Vell"]
PLAYTEST = {
    "fun": [
        "table was laughing the whole time",
        "everyone wanted to play again right away",
        "the auction round is really tense in a good way",
        "loved the dragon hatching mechanic",
        "teaches in ten minutes, great flow",
        "clever combos, felt rewarding at the end",
    ],
    "needs_work": [
        "middle game drags, too much downtime",
        "the scoring track is confusing",
        "iconography on the cards is too small",
        "first player seems to have a big advantage",
        "rulebook example for trading contradicts the reference card",
        "fun but runs 40 minutes longer than the box says",
    ],
    "broken": [
        "found an infinite loop with the lighthouse card",
        "one strategy wins every time, we stopped counting",
        "game ended on turn three, nobody could do anything",
        "ran out of coins and the rules do not say what happens",
        "the co-op is unwinnable at four players",
        "deck runs out before the end trigger, game stalls",
    ],
}


def playtests(rng: np.random.Generator, n: int) -> pd.DataFrame:
    verdict = _pick(rng, ["fun", "needs_work", "broken"], n, [0.4, 0.42, 0.18])
    notes = []
    for v in verdict:
        other = v if rng.random() < 0.65 else str(rng.choice(list(PLAYTEST)))
        t = _sentence(
            rng,
            [
                [
                    "",
                    "Group of regulars:",
                    "Blind test -",
                    "Cafe night.",
                    "Note from Sam:",
                    "ok so",
                ],
                PLAYTEST[v],
                [".", ",", "!", " and"],
                PLAYTEST[other],
                [".", "", "!!"],
            ],
        )
        notes.append(t.replace(" .", ".").replace(" ,", ",").replace(" !", "!").strip())
    players = rng.integers(1, 6, n)
    df = pd.DataFrame(
        {
            "note_id": [f"PT{700 + i}" for i in range(n)],
            "game": _pick(rng, GAMES, n),
            "proto_version": _pick(rng, ["v0.7", "v0.8", "v0.9", "v1.0"], n),
            "players": players,
            "play_minutes": np.clip(rng.normal(75, 25, n) + 8 * players, 15, 240).round(0),
            "tester_group": _pick(
                rng, ["in-house", "game cafe", "convention", "blind mail-out"], n
            ),
            "tester_notes": notes,
            "verdict": verdict,
        }
    )
    return df


def pledges(rng: np.random.Generator, n: int, start: int, outcome: bool) -> pd.DataFrame:
    tier = _pick(rng, ["core box", "deluxe", "all-in", "retailer"], n, [0.45, 0.3, 0.2, 0.05])
    base = {"core box": 49, "deluxe": 89, "all-in": 149, "retailer": 420}
    addons = rng.poisson(1.1, n)
    pledge = np.array([base[t] for t in tier]) + 12 * addons
    days_before_end = rng.integers(0, 30, n)
    prev = rng.poisson(6, n)
    comments = rng.poisson(0.8, n)
    survey = _pick(rng, ["yes", "no"], n, [0.7, 0.3])
    df = pd.DataFrame(
        {
            "backer_id": [f"B{start + i}" for i in range(n)],
            "country": _pick(rng, ["US", "CA", "UK", "DE", "FR", "AU", "NL", "JP"], n),
            "tier": tier,
            "pledge_usd": pledge,
            "addons": addons,
            "days_before_deadline": days_before_end,
            "campaigns_backed_before": prev,
            "comments_posted": comments,
            "answered_survey": survey,
            "payment_method": _pick(rng, ["card", "paypal", "pledge manager"], n, [0.6, 0.3, 0.1]),
        }
    )
    if outcome:
        drop = (
            -1.6
            + 1.4 * (survey == "no")
            - 0.12 * (prev - 6)
            + 0.06 * (days_before_end - 15)
            - 0.5 * (comments > 0)
            + 0.6 * (tier == "all-in")
        )
        df["dropped_pledge"] = _yes_no(rng, drop)
        up = -1.5 + 0.5 * addons + 0.6 * (comments > 0) - 1.0 * (tier == "all-in")
        df["upgraded_tier"] = _yes_no(rng, up)
    return df


def print_batches(rng: np.random.Generator, n: int) -> pd.DataFrame:
    factory = _pick(rng, ["Panda Press", "Ludofabrik", "Northern Cardworks"], n, [0.5, 0.3, 0.2])
    gsm = np.clip(rng.normal(310, 8, n), 270, 350).round(0)
    delta_e = np.clip(rng.gamma(2, 0.9, n), 0.2, 12).round(2)
    offset = np.clip(np.abs(rng.normal(0.25, 0.15, n)), 0, 2).round(2)
    misprints = rng.poisson(3, n) + (factory == "Panda Press") * rng.poisson(1, n)
    bad = (delta_e > 3.5) | (offset > 0.55) | (misprints > 7) | (rng.random(n) < 0.04)
    df = pd.DataFrame(
        {
            "batch_id": [f"PB-{2300 + i}" for i in range(n)],
            "factory": factory,
            "product": _pick(rng, GAMES, n),
            "card_gsm": gsm,
            "board_thickness_mm": np.clip(rng.normal(2.0, 0.08, n), 1.6, 2.5).round(2),
            "box_weight_g": np.clip(rng.normal(1450, 60, n), 1200, 1700).round(0),
            "color_delta_e": delta_e,
            "cut_offset_mm": offset,
            "misprints_per_1000": misprints,
            "qc_result": np.where(bad, "fail", "pass"),
        }
    )
    odd = rng.choice(n, 6, replace=False)
    df.loc[odd[0], "box_weight_g"] = 3900
    df.loc[odd[1], "card_gsm"] = 120
    df.loc[odd[2], ["color_delta_e", "qc_result"]] = [11.5, "pass"]
    df.loc[odd[3], "board_thickness_mm"] = 0.4
    df.loc[odd[4], ["misprints_per_1000", "qc_result"]] = [64, "pass"]
    df.loc[odd[5], "cut_offset_mm"] = 4.8
    return df


GAME_DOCS = {
    "docs/games/harbor_lights_rules.md": """# Harbor Lights - Rulebook (v1.0 draft)

## Overview
2 to 5 players, ages 10+, 45 to 75 minutes. Each player runs a lighthouse keeping family on a
stormy coast. Guide ships into harbor by placing light beams, earn coins from grateful
captains and build up your keeper's cottage. The player with the most renown after the
seventh storm wins.

## Setup
Shuffle the storm deck and place seven storm cards face down. Each player takes a lighthouse
board, three keeper meeples and 5 coins. The youngest player is the first player and takes
the brass lantern token.

## A round
1. Reveal a storm card; it moves the fog markers.
2. In turn order, each player places one keeper on an action space: trim the wick (+1 beam),
   trade at the market, repair the tower, or rescue a ship.
3. Ships in a beam sail one space toward harbor. A ship reaching harbor pays its captain's
   reward to every player whose beam touched it this round.

## Running out of coins
If the bank runs out of coins, use the 5-coin tokens to make change; if those are also gone,
players note coins on the score pad. The bank is never limited.

## End of the game
The game ends after the seventh storm. Add renown from ships rescued, cottage rooms and
unused lantern oil (1 renown per 2 oil). Ties are won by the player with more coins.
""",
    "docs/games/retailer_faq.md": """# Retailer FAQ (Little Lantern Games)

**What discount do stores get?** Friendly local game stores receive 50% off MSRP on orders of
six copies or more, 45% on smaller orders. Distributors follow their own terms.

**When does Harbor Lights ship to stores?** Retail copies arrive about eight weeks after
Kickstarter backers receive theirs; the current estimate is March.

**Do you have demo copies?** Yes. Stores that run at least two demo nights per month receive
one free demo copy per title, plus a promo tile pack to give away.

**Damaged copies?** Send a photo of the box and the shipping label within 14 days; we ship
replacement components, or a full copy when the box is crushed.

**Can stores sell the Kickstarter exclusives?** No. The all-in tier's metal coins and the
dragon egg miniatures stay exclusive to backers for two years.
""",
    "docs/games/convention_demo_script.txt": """Convention demo script - Tiny Dragons Co-op (15-minute demo)

Greet people at the table and ask how many are playing together. The demo uses the short
setup: three dragon eggs, the meadow board and only the green event deck.

Minute 0-3: explain the goal. Everyone together must hatch all three eggs before the storm
track reaches the red space. Nobody wins alone.

Minute 3-10: play two rounds openly. Show how to warm an egg (spend two fire cards), how
helpers move between nests, and how a storm card is resolved.

Minute 10-15: let them finish, then point to the full game: six eggs, four boards and the
solo mode. Hand out the discount card for the booth (10% off, today only) and collect emails
for the newsletter if they want.
""",
}


RULES = {
    "feedback_topic_rules.json": [
        {
            "name": "battery_words",
            "label": "battery",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["battery", "charger", "charge", "rechargeable", "312"],
        },
        {
            "name": "cost_words",
            "label": "cost",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["expensive", "price", "insurance", "invoice", "cost", "payment plan"],
        },
        {
            "name": "comfort_words",
            "label": "comfort",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["hurts", "sore", "itchy", "dome", "mould", "behind my ear"],
        },
        {
            "name": "sound_words",
            "label": "sound",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["tinny", "echoes", "whistling", "background noise", "music", "clearer"],
        },
        {
            "name": "service_words",
            "label": "service",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["appointment", "receptionist", "audiologist", "called back", "waited"],
        },
    ],
    "pothole_rules.json": [
        {
            "name": "deep_hole",
            "label": "emergency",
            "kind": "threshold",
            "column": "depth_cm",
            "op": ">",
            "value": 10,
        },
        {
            "name": "injury_or_damage",
            "label": "emergency",
            "kind": "regex",
            "column": "description",
            "pattern": "ambulance|lost a wheel|collaps|caved in|sinkhole",
            "ignore_case": True,
        },
        {
            "name": "mid_depth",
            "label": "urgent",
            "kind": "threshold",
            "column": "depth_cm",
            "op": "between",
            "value": 5,
            "high": 10,
        },
        {
            "name": "bike_or_school",
            "label": "urgent",
            "kind": "keyword",
            "column": "description",
            "keywords": ["bike lane", "school", "tyre", "crumbling"],
        },
        {
            "name": "small_stuff",
            "label": "routine",
            "kind": "keyword",
            "column": "description",
            "keywords": ["small", "minor", "shallow", "nothing major", "faded"],
        },
        {
            "name": "alley",
            "label": "routine",
            "kind": "category",
            "column": "street_class",
            "values": ["alley"],
        },
    ],
    "playtest_rules.json": {
        "labeling_functions": [
            {
                "name": "loop_or_stall",
                "label": "broken",
                "kind": "keyword",
                "column": "tester_notes",
                "keywords": ["infinite loop", "unwinnable", "stalls", "wins every time"],
            },
            {
                "name": "ended_early",
                "label": "broken",
                "kind": "regex",
                "column": "tester_notes",
                "pattern": "turn (one|two|three)|ran out of",
                "ignore_case": True,
            },
            {
                "name": "confusing",
                "label": "needs_work",
                "kind": "keyword",
                "column": "tester_notes",
                "keywords": ["confusing", "drags", "downtime", "too small", "contradicts"],
            },
            {
                "name": "play_again",
                "label": "fun",
                "kind": "keyword",
                "column": "tester_notes",
                "keywords": ["laughing", "play again", "loved", "great flow", "rewarding"],
            },
        ]
    },
}


def main(out: Path) -> None:
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)

    # hearing clinics
    fit = fittings(rng, 620)
    _write_csv(fit.iloc[:440], out / "fittings_train.csv")
    _write_csv(fit.iloc[440:580], out / "fittings_test.csv")
    new = fit.iloc[580:].drop(columns=["returned_in_trial", "satisfaction_3m"])
    _write_csv(new, out / "fittings_jan2025.csv")

    fb = feedback(rng, 520)
    hand = fb.sample(90, random_state=SEED)
    gold_rows = fb.drop(hand.index).sample(110, random_state=SEED + 1)
    fb_out = fb.copy()
    fb_out.loc[~fb_out.index.isin(hand.index), "topic"] = ""
    _write_csv(fb_out, out / "patient_feedback.csv")
    _write_csv(
        gold_rows[["comment_id", "topic"]].rename(columns={"topic": "topic_checked"}),
        out / "feedback_checked_by_maria.csv",
    )
    _write_csv(repairs(rng, 340), out / "repair_log_2024.csv")
    for name, text in CLINIC_DOCS.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")

    # roads
    ph = potholes(rng, 560)
    known = ph.sample(100, random_state=SEED + 2)
    inspected = ph.drop(known.index).sample(120, random_state=SEED + 3)
    ph_out = ph.copy()
    ph_out.loc[~ph_out.index.isin(known.index), "priority"] = ""
    _write_csv(ph_out, out / "pothole_reports.csv")
    _write_csv(inspected[["report_id", "priority"]], out / "pothole_inspections.csv")
    _write_csv(plow_shifts(rng, 380, "2023-11-20", True), out / "plow_shifts_2023.csv")
    _write_csv(plow_shifts(rng, 130, "2024-11-18", True), out / "plow_shifts_2024.csv")
    _write_csv(plow_shifts(rng, 36, "2025-01-13", False), out / "plow_plan_next_storm.csv")
    _write_csv(telemetry(rng, 420), out / "spreader_telemetry.csv")
    for name, text in ROAD_DOCS.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")

    # board games
    pt = playtests(rng, 480)
    tagged = pt.sample(95, random_state=SEED + 4)
    hand_pt = pt.drop(tagged.index).sample(100, random_state=SEED + 5)
    pt_out = pt.copy()
    pt_out.loc[~pt_out.index.isin(tagged.index), "verdict"] = ""
    _write_csv(pt_out, out / "playtest_notes.csv")
    _write_csv(hand_pt[["note_id", "verdict"]], out / "playtest_verdicts_gold.csv")
    _write_csv(pledges(rng, 700, 40000, True), out / "pledges_campaign2.csv")
    _write_csv(pledges(rng, 220, 50000, True), out / "pledges_campaign3.csv")
    _write_csv(pledges(rng, 80, 60000, False), out / "late_pledges.csv")
    _write_csv(print_batches(rng, 300), out / "print_batches_qc.csv")
    for name, text in GAME_DOCS.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")

    for name, rules in RULES.items():
        (out / name).write_text(json.dumps(rules, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
