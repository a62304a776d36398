"""Write the fresh43 corpus's files into a folder: python make_data.py DIR.

Four groups of people and their own files, invented with a fixed seed (offline, deterministic):
a chain of laundromats, a summer music festival, a hospital cardiology ward and a small fishing
fleet. Tables (train/test/new splits, partly filled label columns, hand-label files, odd rows),
labeling-rule files and a few documents for QA.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 4343


def pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


def sentence(rng: np.random.Generator, parts: list[list[str]]) -> str:
    return " ".join(pick(rng, p) for p in parts).strip()


def partly(rng: np.random.Generator, values: list[str], share: float) -> list[str]:
    """Keep about `share` of the values, blank the rest."""
    return [v if rng.random() < share else "" for v in values]


def write_csv(df: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


# --------------------------------------------------------------------------- laundromats
STORES = ["Riverside", "Mill Lane", "Station Rd", "Northgate", "Elm Park", "Harbour St"]

TICKET_TEXT = {
    "drum": [
        ["drum", "bearing", "drum bearing", "spider arm"],
        ["grinding loud on spin,", "rumbling like gravel,", "wobbles badly at full spin,"],
        ["drum has play when rocked", "bearing noise confirmed", "seal leaking behind drum"],
    ],
    "heater": [
        ["heater", "element", "heating element", "thermostat"],
        ["not getting hot,", "dryer stays cold,", "washes coming out cold,"],
        ["element open circuit", "thermal fuse blown", "NTC sensor reading wrong"],
    ],
    "coin_mech": [
        ["coin slot", "coin mech", "card reader", "payment unit"],
        ["swallowed coins,", "card tap not registering,", "customer paid no start,"],
        ["jammed with foreign coin", "reader firmware reset", "coin validator dirty"],
    ],
    "door": [
        ["door lock", "door seal", "door catch", "porthole"],
        ["won't lock so cycle won't start,", "door stuck shut after cycle,", "gasket torn,"],
        ["lock solenoid replaced", "hinge realigned", "gasket ordered"],
    ],
    "drain": [
        ["drain pump", "filter", "drain hose", "outlet"],
        ["water left in drum,", "E21 drain error,", "slow to empty,"],
        ["sock in pump filter", "hose kinked behind unit", "pump impeller broken"],
    ],
}

COMMENT_TEXT = {
    "machines": [
        ["Machine 4", "The big washer", "Two of the dryers", "The washer by the window"],
        [
            "was out of order again",
            "ate my money and never started",
            "left clothes soaking wet",
            "smelled burnt",
        ],
        ["", "- please fix it.", "for the third week running.", "which is annoying."],
    ],
    "cleanliness": [
        ["The floor", "The folding tables", "The toilets", "The lint traps"],
        ["were filthy", "were covered in detergent goo", "had not been cleaned", "smelled of damp"],
        ["", "on Sunday.", "when I came in.", "- gross."],
    ],
    "payment": [
        ["The card reader", "The app", "The change machine", "Paying by card"],
        ["charged me twice", "did not accept my card", "was out of coins", "refused contactless"],
        ["", "and nobody could refund me.", "so I had to leave.", "again."],
    ],
    "staff": [
        ["The attendant", "The lady at the desk", "Staff", "The guy on the evening shift"],
        ["was really rude", "was super helpful", "ignored me", "sorted my problem quickly"],
        ["", "- thank you!", "today.", "which I appreciated."],
    ],
    "other": [
        ["Parking", "Opening hours", "The wifi", "The music"],
        ["is a nightmare", "should be longer on weekends", "never works", "is far too loud"],
        ["", "at this branch.", "tbh.", "in the evenings."],
    ],
}


def laundromats(rng: np.random.Generator, out: Path) -> None:
    faults = list(TICKET_TEXT)
    n = 360
    fault = [pick(rng, faults) for _ in range(n)]
    notes = [sentence(rng, TICKET_TEXT[f]) for f in fault]
    mtype = [
        "dryer"
        if f == "heater" and rng.random() < 0.6
        else pick(rng, ["washer", "washer", "dryer"])
        for f in fault
    ]
    base_cost = {"drum": 180, "heater": 95, "coin_mech": 40, "door": 55, "drain": 60}
    tickets = pd.DataFrame(
        {
            "ticket_no": [f"TK-{5100 + i}" for i in range(n)],
            "store": [pick(rng, STORES) for _ in range(n)],
            "machine_id": [f"{m[0].upper()}{int(rng.integers(1, 19)):02d}" for m in mtype],
            "machine_type": mtype,
            "opened": [
                str(pd.Timestamp("2024-01-02") + pd.Timedelta(days=int(rng.integers(0, 300))))[:10]
                for _ in range(n)
            ],
            "tech_notes": notes,
            "fault_type": partly(rng, fault, 0.22),
            "parts_cost_eur": [round(base_cost[f] * rng.uniform(0.5, 1.6), 2) for f in fault],
            "hours_down": [
                round(float(rng.gamma(2.0, 6.0 if f == "drum" else 3.0)), 1) for f in fault
            ],
            "fixed_first_visit": [
                "N" if rng.random() < (0.55 if f in ("drum", "heater") else 0.2) else "Y"
                for f in fault
            ],
        }
    )
    write_csv(tickets, out / "service_tickets.csv")
    blank = tickets.index[tickets["fault_type"] == ""].to_numpy()
    chosen = np.sort(rng.choice(blank, size=70, replace=False))
    write_csv(
        pd.DataFrame(
            {"ticket_no": tickets.loc[chosen, "ticket_no"], "fault": [fault[i] for i in chosen]}
        ),
        out / "tickets_handlabels.csv",
    )

    def cycles(m: int, start: int, outcome: bool) -> pd.DataFrame:
        mt = [pick(rng, ["washer", "washer", "dryer"]) for _ in range(m)]
        load = rng.uniform(3, 18, m).round(1)
        vib = rng.gamma(3.0, 1.4, m).round(2)
        temp = np.array([rng.normal(58, 8) if t == "dryer" else rng.normal(40, 12) for t in mt])
        age = rng.integers(1, 14, m)
        kwh = (0.08 * load + (1.2 * (np.array(mt) == "dryer")) + rng.normal(0, 0.15, m)).round(2)
        df = pd.DataFrame(
            {
                "cycle_id": [f"C{start + i}" for i in range(m)],
                "store": [pick(rng, STORES) for _ in range(m)],
                "machine_id": [f"{t[0].upper()}{int(rng.integers(1, 19)):02d}" for t in mt],
                "machine_type": mt,
                "machine_age_yrs": age,
                "load_kg": load,
                "cycle_min": (rng.normal(38, 6, m) + 0.6 * load).round(0),
                "kWh": kwh,
                "water_L": [
                    0.0 if t == "dryer" else round(float(rng.normal(55, 9)), 1) for t in mt
                ],
                "drum_rpm": [
                    int(rng.normal(50, 5)) if t == "dryer" else int(rng.normal(1150, 120))
                    for t in mt
                ],
                "vibration_mm_s": vib,
                "temp_C": temp.round(1),
                "coins_eur": rng.choice([3.5, 4.0, 4.5, 5.0, 6.0], m),
            }
        )
        if outcome:
            risk = -3.2 + 0.55 * vib + 0.18 * age + 0.05 * (load - 10)
            df["broke_down_7d"] = np.where(rng.random(m) < sigmoid(risk), "yes", "no")
            over = -6 + 0.09 * temp + 0.3 * (np.array(mt) == "dryer")
            df["overheated"] = (rng.random(m) < sigmoid(over)).astype(int)
        return df

    write_csv(cycles(600, 10000, True), out / "cycles_train.csv")
    write_csv(cycles(200, 20000, True), out / "cycles_test.csv")
    new = cycles(90, 30000, False)
    odd = [3, 17, 41, 58, 77]
    new.loc[odd[0], ["vibration_mm_s", "drum_rpm"]] = [38.5, 2900]
    new.loc[odd[1], ["temp_C", "kWh"]] = [131.0, 9.8]
    new.loc[odd[2], ["cycle_min", "load_kg"]] = [412, 0.2]
    new.loc[odd[3], ["water_L"]] = [640.0]
    new.loc[odd[4], ["coins_eur", "cycle_min"]] = [0.0, 3]
    write_csv(new, out / "cycles_new.csv")

    areas = list(COMMENT_TEXT)
    k = 300
    area = [pick(rng, areas) for _ in range(k)]
    text = [sentence(rng, COMMENT_TEXT[a]) for a in area]
    stars = [
        int(np.clip(rng.normal(4.3 if "helpful" in t or "quickly" in t else 2.0, 0.8), 1, 5))
        for t in text
    ]
    write_csv(
        pd.DataFrame(
            {
                "comment_id": range(1, k + 1),
                "store": [pick(rng, STORES) for _ in range(k)],
                "date": [
                    str(pd.Timestamp("2024-03-01") + pd.Timedelta(days=int(rng.integers(0, 200))))[
                        :10
                    ]
                    for _ in range(k)
                ],
                "channel": [pick(rng, ["google", "app", "feedback card"]) for _ in range(k)],
                "comment": text,
                "stars": stars,
                "complaint_area": partly(rng, area, 0.25),
            }
        ),
        out / "customer_comments.csv",
    )
    rules = [
        {
            "name": "broken_machine",
            "label": "machines",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["out of order", "never started", "soaking wet", "burnt"],
        },
        {
            "name": "dirty",
            "label": "cleanliness",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["filthy", "goo", "not been cleaned", "damp", "gross"],
        },
        {
            "name": "money",
            "label": "payment",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["charged", "card", "coins", "contactless", "refund"],
        },
        {
            "name": "people",
            "label": "staff",
            "kind": "regex",
            "column": "comment",
            "pattern": r"\b(attendant|staff|desk|shift)\b",
            "ignore_case": True,
        },
        {
            "name": "misc",
            "label": "other",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["parking", "opening hours", "wifi", "music"],
        },
    ]
    (out / "comment_rules.json").write_text(json.dumps(rules, indent=2) + "\n")

    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "laundry_staff_handbook.md").write_text(LAUNDRY_HANDBOOK)
    (docs / "machine_error_codes.md").write_text(ERROR_CODES)


LAUNDRY_HANDBOOK = """# BrightSpin Laundromats: staff handbook (2024 edition)

## Opening and closing

Every branch opens at 7:00 and closes at 22:00, seven days a week. The opening attendant
switches on the water softener first, because the washers draw hard water without it and the
heating elements scale up within weeks. The closing attendant empties the lint traps of every
dryer, since a full lint trap is the most common cause of dryers overheating.

If a customer is still inside at closing time, the attendant waits until their cycle ends.
Nobody is ever locked in and no cycle is cut short.

## Refunds

A refund is given when a machine takes payment and does not start. The attendant records the
machine number, the amount and the time in the refund book. Refunds above 20 euros need the
area manager's approval. Card refunds are made through the payment terminal, never in cash.

## Out-of-order machines

When a machine shows an error code, the attendant reads the code from the display and looks it
up in the error code sheet. If the code means a drain problem, the attendant checks the pump
filter first, because socks and coins cause most drain faults. A machine that cannot be
cleared is marked with a red out-of-order tag and a service ticket is opened the same day.

## Detergent and chemicals

Only the detergent supplied by head office is used in the dosing pumps. Bleach is stored in the
locked cupboard and is never poured into a dosing pump. Spills are wiped up at once, because
detergent on the tiled floor is slippery.

## Safety

The attendant never opens the back panel of a machine; only the service technician does.
The fire extinguisher is checked monthly and the check is signed on the tag.
"""

ERROR_CODES = """# Machine error codes (washers and dryers)

E10 means the machine is not filling with water. Check that the water tap behind the machine
is open and that the inlet hose is not kinked.

E21 means the machine is not draining. The drain pump filter is usually blocked by a sock,
a coin or a hair clip. Clean the filter before calling the technician.

E32 means the drum is unbalanced. The load is usually a single heavy item such as a duvet.
Redistribute the load and restart the cycle.

E45 means the door lock did not engage. The cycle cannot start while the door is unlocked.
Close the door firmly; if the code returns, tag the machine out of order.

H01 is a heater fault on a dryer. The dryer runs but stays cold. The heating element or the
thermal fuse has failed, and only the technician may replace it.

H05 means the dryer exhaust is too hot. The lint trap or the exhaust duct is blocked. Empty the
lint trap and let the dryer cool for 30 minutes before restarting it.

P03 means the payment unit lost its connection. The card reader restarts itself within five
minutes. Coins still work while the card reader is offline.
"""


# --------------------------------------------------------------------------- festival
REGIONS = ["Bristol", "Cardiff", "Bath", "Swindon", "London", "Exeter", "Gloucester"]

SURVEY_TEXT = {
    "toilets": [
        [
            "The toilets",
            "Loos near the main stage",
            "Portaloos in the campsite",
            "The toilet block",
        ],
        [
            "were disgusting by Saturday",
            "ran out of paper",
            "had huge queues",
            "were never cleaned",
        ],
        ["", "honestly.", "all weekend.", "!!"],
    ],
    "queues": [
        ["The entry queue", "Queue for the bar", "Getting wristbands", "The shuttle bus queue"],
        ["took over two hours", "was painfully slow", "was chaos", "barely moved"],
        ["", "on Friday.", "in the sun.", "- need more gates."],
    ],
    "sound": [
        ["Sound at the main stage", "The headliner's sound", "Bass in the dance tent", "The PA"],
        ["was way too quiet", "kept cutting out", "was muddy", "was distorted at the back"],
        ["", "during the best set.", "for the whole night.", "sadly."],
    ],
    "food": [
        ["Food stalls", "The vegan options", "Burgers", "Coffee"],
        ["were overpriced", "ran out early", "were amazing", "were cold"],
        ["", "for what you got.", "by 8pm.", "though."],
    ],
    "safety": [
        ["Crowd at the front", "Security", "The crush at the exit", "Lighting on the paths"],
        ["felt dangerous", "was too rough", "was scary", "was far too dark"],
        ["", "after the fireworks.", "at night.", "- someone will get hurt."],
    ],
}


def festival(rng: np.random.Generator, out: Path) -> None:
    def buyers(m: int, start: int, outcome: bool, prefix: str) -> pd.DataFrame:
        ttype = rng.choice(["weekend", "weekend", "day", "camping", "VIP"], m)
        past = rng.poisson(1.2, m)
        opens = rng.poisson(4, m)
        days = rng.integers(1, 240, m)
        app = rng.random(m) < 0.45
        df = pd.DataFrame(
            {
                "buyer_id": [f"{prefix}{start + i}" for i in range(m)],
                "age": np.clip(rng.normal(31, 9, m), 18, 70).astype(int),
                "home_region": [pick(rng, REGIONS) for _ in range(m)],
                "ticket_type": ttype,
                "n_tickets": rng.choice([1, 1, 2, 2, 2, 3, 4], m),
                "days_before_event": days,
                "email_opens": opens,
                "app_installed": np.where(app, "yes", "no"),
                "past_editions": past,
                "bar_spend_gbp": rng.gamma(2.5, 28, m).round(2),
            }
        )
        if outcome:
            x = -1.4 + 0.7 * past + 0.12 * opens + 0.5 * app + 0.004 * days
            x = x + 0.6 * (ttype == "camping")
            df["came_back_2024"] = np.where(rng.random(m) < sigmoid(x), "yes", "no")
            v = -2.5 + 0.01 * df["bar_spend_gbp"].to_numpy() + 0.4 * (ttype == "weekend")
            df["upgraded_vip"] = np.where(rng.random(m) < sigmoid(v), "Y", "N")
        return df

    write_csv(buyers(700, 1000, True, "B23-"), out / "buyers_2023.csv")
    write_csv(buyers(250, 2000, True, "B23-"), out / "buyers_2023_holdout.csv")
    write_csv(buyers(150, 100, False, "B24-"), out / "buyers_2024.csv")

    topics = list(SURVEY_TEXT)
    k = 320
    topic = [pick(rng, topics) for _ in range(k)]
    text = [sentence(rng, SURVEY_TEXT[t]) for t in topic]
    nps = [int(np.clip(rng.normal(8 if "amazing" in t else 4.5, 2), 0, 10)) for t in text]
    survey = pd.DataFrame(
        {
            "resp_id": [f"R{700 + i}" for i in range(k)],
            "festival_day": [pick(rng, ["Fri", "Sat", "Sun"]) for _ in range(k)],
            "area": [
                pick(rng, ["main stage", "dance tent", "campsite", "food court", "gate"])
                for _ in range(k)
            ],
            "what_could_be_better": text,
            "NPS": nps,
            "topic": partly(rng, topic, 0.2),
            "would_return": np.where(np.array(nps) + rng.normal(0, 2, k) > 5, "Y", "N"),
        }
    )
    write_csv(survey, out / "survey_responses.csv")
    blank = survey.index[survey["topic"] == ""].to_numpy()
    chosen = np.sort(rng.choice(blank, size=60, replace=False))
    write_csv(
        pd.DataFrame(
            {"resp_id": survey.loc[chosen, "resp_id"], "topic": [topic[i] for i in chosen]}
        ),
        out / "survey_topics_checked.csv",
    )

    rows = []
    for day in ["Fri", "Sat", "Sun"]:
        for gate in ["North", "South", "Campsite", "VIP"]:
            for hour in range(10, 23):
                staff = int(rng.integers(3, 9))
                spm = max(0.0, rng.normal(14 * staff / 6, 3))
                rows.append(
                    {
                        "gate": gate,
                        "day": day,
                        "hour": hour,
                        "staff_on_gate": staff,
                        "scans_per_min": round(spm, 1),
                        "avg_wait_min": round(max(0.5, rng.normal(60 / max(spm, 1) * 3, 2)), 1),
                        "rejected_pct": round(abs(rng.normal(1.5, 0.8)), 2),
                        "wristband": "VIP"
                        if gate == "VIP"
                        else pick(rng, ["weekend", "day", "camping"]),
                    }
                )
    gates = pd.DataFrame(rows)
    gates.insert(0, "block_id", [f"G{i:03d}" for i in range(len(gates))])
    gates.loc[12, ["scans_per_min", "avg_wait_min"]] = [0.0, 95.0]
    gates.loc[57, ["rejected_pct"]] = [38.0]
    gates.loc[101, ["staff_on_gate", "scans_per_min"]] = [1, 61.0]
    gates.loc[140, ["avg_wait_min", "rejected_pct"]] = [140.0, 22.5]
    write_csv(gates, out / "gate_scans.csv")

    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "artist_hospitality_guide.md").write_text(HOSPITALITY)
    (docs / "site_safety_plan.txt").write_text(SAFETY_PLAN)


HOSPITALITY = """# Harbourlight Festival: artist hospitality guide

## Arrival

Artists arrive through the backstage gate on Quarry Lane. The artist liaison team checks each
name against the day sheet and hands out backstage wristbands. A wristband is valid for one day
only, because the day sheets change every day.

## Dressing rooms

Headliners get a private cabin with a shower. Other acts share the green room tents behind the
main stage. Riders are delivered to the dressing rooms two hours before the set time. Glass
bottles are not allowed backstage, so drinks are decanted into plastic cups.

## Changeovers

A changeover on the main stage lasts 30 minutes. The stage manager gives a 10 minute and a
5 minute call. If an act overruns, the sound engineer cuts the power at the curfew, which is
23:00 on Friday and Saturday and 22:30 on Sunday.

## Catering

The artist catering tent serves hot food from 12:00 to 21:00. Vegan and gluten-free meals are
always available. Crew eat in the same tent as artists, since the festival treats crew and
artists alike.

## Departure

Artists leave by the same backstage gate. Drivers wait in the artist car park, which is closed
to the public.
"""

SAFETY_PLAN = """HARBOURLIGHT FESTIVAL - SITE SAFETY PLAN (SUMMARY)

Capacity. The site holds 18,000 people. The main arena holds 11,000. When the arena reaches
capacity the stewards close the arena gates and open the overflow screen field.

Crowd management. The front of stage barrier is staffed by at least twelve security staff
during headline sets. If the crowd pushes forward dangerously, the stage manager stops the show
and the artist asks the crowd to step back.

Medical. The medical tent sits next to the food court and is open 24 hours. Two ambulances are
on site from Friday noon to Monday morning. Welfare staff patrol the campsite at night because
most incidents after midnight happen there.

Lighting. Every path between the arena and the campsite is lit from dusk until 03:00.

Weather. If wind speed exceeds 40 mph, the main stage roof is evacuated and the performance
stops. If lightning is seen within 10 km, all stages stop and the crowd is directed to the
tents.

Lost children. A lost child is taken to the welfare tent, never to the gate. The child's
wristband carries a phone number written by the parent.
"""


# --------------------------------------------------------------------------- cardiology ward
NOTE_TEXT = {
    "routine": [
        ["Pt comfortable,", "Settled overnight,", "Mobilising with frame,", "Eating and drinking,"],
        ["obs stable", "NEWS 0", "pain free", "no chest pain reported"],
        ["- continue plan.", "- awaiting echo.", "- for discharge tomorrow.", ""],
    ],
    "monitor": [
        [
            "Mild SOB on exertion,",
            "HR irregular 110s,",
            "Ankles more swollen,",
            "BP soft 95 systolic,",
        ],
        ["repeat obs in 2h", "fluid balance chart started", "daily weights requested", "BNP sent"],
        ["- keep an eye.", "- informed nurse in charge.", "", "- review on ward round."],
    ],
    "escalate": [
        [
            "Crushing central chest pain,",
            "SpO2 dropped to 86% on air,",
            "New VT runs on telemetry,",
            "Pt clammy and grey,",
        ],
        ["NEWS 7", "ECG shows new ST elevation", "BP 78/40", "RR 30"],
        [
            "- registrar bleeped urgently.",
            "- outreach called.",
            "- crash team alerted.",
            "- cardiology SpR attending.",
        ],
    ],
}


def cardiology(rng: np.random.Generator, out: Path) -> None:
    def admissions(m: int, start: int, outcome: bool) -> pd.DataFrame:
        age = np.clip(rng.normal(71, 11, m), 32, 98).astype(int)
        ef = np.clip(rng.normal(45, 12, m), 10, 70).round(0)
        bnp = np.exp(rng.normal(6.2, 1.0, m)).round(0)
        trop = np.exp(rng.normal(3.0, 1.3, m)).round(0)
        creat = np.clip(rng.normal(105, 35, m), 45, 400).round(0)
        nyha = rng.choice(["I", "II", "III", "IV"], m, p=[0.15, 0.35, 0.35, 0.15])
        afib = rng.random(m) < 0.3
        df = pd.DataFrame(
            {
                "adm_id": [f"A{start + i}" for i in range(m)],
                "age": age,
                "sex": rng.choice(["F", "M"], m),
                "EF_pct": ef,
                "BNP_pg_mL": bnp,
                "trop_ng_L": trop,
                "creat_umol_L": creat,
                "SBP_mmHg": np.clip(rng.normal(128, 22, m), 70, 210).round(0),
                "HR_bpm": np.clip(rng.normal(82, 16, m), 38, 170).round(0),
                "NYHA": nyha,
                "diabetic": np.where(rng.random(m) < 0.28, "Y", "N"),
                "afib": np.where(afib, "Y", "N"),
                "admit_reason": rng.choice(
                    [
                        "HF decompensation",
                        "NSTEMI",
                        "STEMI",
                        "AF fast",
                        "syncope",
                        "chest pain ?cause",
                    ],
                    m,
                ),
            }
        )
        if outcome:
            nyha_n = pd.Series(nyha).map({"I": 1, "II": 2, "III": 3, "IV": 4}).to_numpy()
            x = -3.0 + 0.03 * (age - 70) - 0.04 * (ef - 45) + 0.5 * (np.log(bnp) - 6.2)
            x = x + 0.35 * nyha_n + 0.004 * (creat - 100)
            df["LOS_days"] = np.clip(rng.gamma(2, 2.5, m) + nyha_n, 1, 40).round(0)
            df["readmit_30d"] = np.where(rng.random(m) < sigmoid(x), "yes", "no")
            d = 0.04 * (age - 75) + 0.5 * (nyha_n - 2)
            df["discharge_to"] = np.where(
                d + rng.normal(0, 1, m) > 1.2,
                "care home",
                np.where(d + rng.normal(0, 1, m) > 0.3, "rehab", "home"),
            )
            df["died_inpatient"] = (rng.random(m) < sigmoid(x - 2.2)).astype(int)
        return df

    write_csv(admissions(520, 4000, True), out / "cardio_admissions_train.csv")
    write_csv(admissions(180, 6000, True), out / "cardio_admissions_test.csv")
    write_csv(admissions(60, 8000, False), out / "cardio_admissions_new.csv")

    levels = list(NOTE_TEXT)
    k = 360
    lvl = [levels[int(i)] for i in rng.choice(3, k, p=[0.5, 0.33, 0.17])]
    notes = pd.DataFrame(
        {
            "note_id": range(9001, 9001 + k),
            "bed": [f"CCU-{int(rng.integers(1, 25))}" for _ in range(k)],
            "shift": [pick(rng, ["early", "late", "night"]) for _ in range(k)],
            "note": [sentence(rng, NOTE_TEXT[v]) for v in lvl],
            "concern": partly(rng, lvl, 0.2),
        }
    )
    write_csv(notes, out / "nursing_notes.csv")
    blank = notes.index[notes["concern"] == ""].to_numpy()
    chosen = np.sort(rng.choice(blank, size=75, replace=False))
    write_csv(
        pd.DataFrame(
            {"note_id": notes.loc[chosen, "note_id"], "concern_level": [lvl[i] for i in chosen]}
        ),
        out / "nursing_notes_gold.csv",
    )
    rules = [
        {
            "name": "crash_words",
            "label": "escalate",
            "kind": "keyword",
            "column": "note",
            "keywords": ["crash team", "outreach", "bleeped", "ST elevation", "clammy"],
        },
        {
            "name": "low_sats",
            "label": "escalate",
            "kind": "regex",
            "column": "note",
            "pattern": r"SpO2 dropped|BP 7\d/|NEWS [5-9]",
        },
        {
            "name": "watch_words",
            "label": "monitor",
            "kind": "keyword",
            "column": "note",
            "keywords": ["repeat obs", "fluid balance", "daily weights", "keep an eye", "swollen"],
        },
        {
            "name": "settled",
            "label": "routine",
            "kind": "keyword",
            "column": "note",
            "keywords": ["comfortable", "settled", "NEWS 0", "pain free", "for discharge"],
        },
    ]
    (out / "notes_rules.json").write_text(json.dumps(rules, indent=2) + "\n")

    m = 400
    vitals = pd.DataFrame(
        {
            "obs_id": range(1, m + 1),
            "bed": [f"CCU-{int(rng.integers(1, 25))}" for _ in range(m)],
            "taken_at": [
                str(pd.Timestamp("2024-05-06 06:00") + pd.Timedelta(minutes=int(30 * i)))
                for i in range(m)
            ],
            "HR": rng.normal(78, 10, m).round(0),
            "SBP": rng.normal(126, 14, m).round(0),
            "DBP": rng.normal(74, 9, m).round(0),
            "SpO2": np.clip(rng.normal(96, 1.5, m), 88, 100).round(0),
            "RR": rng.normal(16, 2.5, m).round(0),
            "temp_C": rng.normal(36.8, 0.35, m).round(1),
        }
    )
    for row, cols, vals in [
        (33, ["HR", "SBP"], [188, 72]),
        (97, ["SpO2", "RR"], [79, 34]),
        (150, ["temp_C"], [40.6]),
        (233, ["SBP", "DBP"], [62, 140]),
        (301, ["HR", "RR"], [31, 6]),
        (377, ["temp_C", "SpO2"], [33.9, 100]),
    ]:
        vitals.loc[row, cols] = vals
    write_csv(vitals, out / "bedside_vitals.csv")

    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "chest_pain_pathway.md").write_text(CHEST_PAIN)
    (docs / "hf_discharge_advice.md").write_text(HF_ADVICE)


CHEST_PAIN = """# Ward 7B cardiology: chest pain pathway

## On arrival

Every patient with chest pain has a 12-lead ECG within 10 minutes of arrival on the ward. The
ECG is shown to the cardiology registrar at once if it shows new ST elevation, because ST
elevation means the patient may need the catheter lab immediately.

## Troponin

High-sensitivity troponin is taken on arrival and again at 3 hours. A rise of more than 5 ng/L
between the two samples is treated as a possible heart attack. A single troponin below 5 ng/L
taken more than 3 hours after the pain started rules out a heart attack in most patients.

## Treatment

Patients with a confirmed NSTEMI receive aspirin and a second antiplatelet drug unless they are
bleeding. Glyceryl trinitrate spray is given for ongoing pain if the systolic blood pressure is
above 90 mmHg. Morphine is used sparingly because it delays the absorption of oral antiplatelet
drugs.

## Escalation

If the pain returns with new ECG changes, the nurse calls the registrar and repeats the ECG.
A patient whose NEWS score reaches 5 or more is reviewed by the outreach team within 30 minutes.

## Discharge

Low-risk patients go home with an outpatient stress test booked within two weeks.
"""

HF_ADVICE = """# Going home after heart failure: advice for patients

## Weigh yourself every day

Weigh yourself every morning after you pass urine and before breakfast. If your weight goes up
by more than 2 kg in three days, call the heart failure nurse, because sudden weight gain means
fluid is building up.

## Fluids and salt

Your doctor may ask you to drink no more than 1.5 litres a day. Avoid adding salt to food, since
salt makes your body hold on to water.

## Medicines

Take your water tablets (diuretics) in the morning so that you are not up at night. Do not stop
any heart medicine without talking to your doctor. If you feel dizzy when you stand up, sit down
and tell your GP at your next visit.

## When to get help

Call 999 if you have chest pain that lasts more than 15 minutes, or if you are suddenly very
short of breath at rest. Call the heart failure nurse if your ankles swell more than usual or if
you need more pillows to sleep.

## Activity

Gentle walking every day helps your heart. The cardiac rehabilitation team will contact you
within four weeks of discharge.
"""


# --------------------------------------------------------------------------- fishing fleet
VESSELS = ["Morning Star", "Kittiwake", "Sea Harvest II", "Bonny Lass", "Orcadia"]
SKIPPERS = ["Alasdair", "Jimmy R", "Fraser", "Magnus", "Ewan"]

RADIO_TEXT = {
    "engine": [
        ["Main engine", "Aux genny", "Gearbox", "Hydraulic pump"],
        ["running hot", "overheating alarm", "lost oil pressure", "making a knocking noise"],
        ["- heading in slow.", "- Ewan having a look.", "- throttled back.", ""],
    ],
    "gear": [
        ["Net", "Trawl doors", "Winch", "Longline"],
        ["snagged on wreck", "torn on hard ground", "wire parted", "fouled prop"],
        ["- lost half the gear.", "- mending on deck.", "", "- recovered most of it."],
    ],
    "weather": [
        ["Wind", "Swell", "Forecast", "Fog"],
        ["gusting force 8", "building to 4 m", "turned nasty", "thick, visibility 200 m"],
        ["- running for shelter.", "- hove to.", "- laying off till morning.", ""],
    ],
    "crew": [
        ["Deckhand", "Cook", "New lad", "Mate"],
        [
            "cut his hand on the winch",
            "seasick all day",
            "slipped on deck, sore back",
            "not turned up at the quay",
        ],
        ["- first aid done.", "- will need a relief.", "", "- coastguard advised."],
    ],
    "catch": [
        ["Haul", "Catch", "Hold", "Boxes"],
        ["full of haddock", "poor, mostly dogfish", "good cod this tow", "mackerel shoal found"],
        ["- 40 boxes so far.", "- steaming to next mark.", "", "- landing Peterhead."],
    ],
}


def fishing(rng: np.random.Generator, out: Path) -> None:
    species = ["cod", "haddock", "mackerel", "crab", "langoustine"]
    gear_for = {
        "cod": "trawl",
        "haddock": "trawl",
        "mackerel": "pelagic",
        "crab": "pots",
        "langoustine": "trawl",
    }

    def trips(m: int, start: int, outcome: bool) -> pd.DataFrame:
        sp = [pick(rng, species) for _ in range(m)]
        gear = [
            gear_for[s]
            if rng.random() < 0.8
            else pick(rng, ["trawl", "pots", "pelagic", "longline"])
            for s in sp
        ]
        days = rng.integers(1, 9, m)
        wind = np.clip(rng.normal(16, 7, m), 0, 45).round(0)
        swell = np.clip(rng.normal(1.8, 0.9, m), 0.2, 6).round(1)
        fuel = (days * rng.normal(900, 150, m)).round(0)
        month = rng.integers(1, 13, m)
        ground = [
            {
                "cod": "NS-4",
                "haddock": "NS-3",
                "mackerel": "WoS-6",
                "crab": "Inshore-1",
                "langoustine": "Minch",
            }[s]
            if rng.random() < 0.7
            else pick(rng, ["NS-3", "NS-4", "WoS-6", "Inshore-1", "Minch"])
            for s in sp
        ]
        df = pd.DataFrame(
            {
                "trip_id": [f"T{start + i}" for i in range(m)],
                "vessel": [pick(rng, VESSELS) for _ in range(m)],
                "skipper": [pick(rng, SKIPPERS) for _ in range(m)],
                "month": month,
                "gear": gear,
                "ground": ground,
                "days_at_sea": days,
                "crew": rng.integers(3, 8, m),
                "fuel_L": fuel,
                "wind_kn": wind,
                "swell_m": swell,
            }
        )
        if outcome:
            price = {"cod": 3.1, "haddock": 2.4, "mackerel": 1.1, "crab": 4.0, "langoustine": 7.5}
            catch = (days * rng.gamma(4, 450, m) * (1 - 0.012 * wind)).clip(50).round(0)
            value = catch * np.array([price[s] for s in sp])
            cost = fuel * 0.95 + 250 * days * df["crew"].to_numpy()
            df["catch_kg"] = catch
            df["main_species"] = sp
            df["profitable"] = np.where(value - cost > 0, "Y", "N")
        return df

    write_csv(trips(450, 23000, True), out / "trips_2023.csv")
    write_csv(trips(150, 24000, True), out / "trips_2024_q1.csv")
    write_csv(trips(40, 24500, False), out / "trips_planned.csv")

    issues = list(RADIO_TEXT)
    k = 300
    issue = [pick(rng, issues) for _ in range(k)]
    radio = pd.DataFrame(
        {
            "entry_id": [f"RL{3000 + i}" for i in range(k)],
            "vessel": [pick(rng, VESSELS) for _ in range(k)],
            "logged": [
                str(
                    pd.Timestamp("2024-01-05 04:00")
                    + pd.Timedelta(hours=int(rng.integers(0, 6000)))
                )
                for _ in range(k)
            ],
            "message": [sentence(rng, RADIO_TEXT[i]) for i in issue],
            "issue_type": partly(rng, issue, 0.24),
        }
    )
    write_csv(radio, out / "radio_log.csv")
    blank = radio.index[radio["issue_type"] == ""].to_numpy()
    chosen = np.sort(rng.choice(blank, size=60, replace=False))
    write_csv(
        pd.DataFrame(
            {"entry_id": radio.loc[chosen, "entry_id"], "issue_type": [issue[i] for i in chosen]}
        ),
        out / "radio_log_checked.csv",
    )
    rules = [
        {
            "name": "engine_words",
            "label": "engine",
            "kind": "keyword",
            "column": "message",
            "keywords": ["engine", "genny", "gearbox", "oil pressure", "overheating"],
        },
        {
            "name": "gear_words",
            "label": "gear",
            "kind": "keyword",
            "column": "message",
            "keywords": ["net", "trawl doors", "winch", "snagged", "torn", "wire parted"],
        },
        {
            "name": "weather_words",
            "label": "weather",
            "kind": "regex",
            "column": "message",
            "pattern": r"(?i)\b(wind|swell|forecast|fog|force \d)\b",
        },
        {
            "name": "crew_words",
            "label": "crew",
            "kind": "keyword",
            "column": "message",
            "keywords": ["deckhand", "cook", "new lad", "mate", "seasick", "first aid"],
        },
        {
            "name": "catch_words",
            "label": "catch",
            "kind": "keyword",
            "column": "message",
            "keywords": ["haul", "boxes", "haddock", "cod", "mackerel", "dogfish"],
        },
    ]
    (out / "radio_rules.json").write_text(json.dumps(rules, indent=2) + "\n")

    m = 400
    eng = pd.DataFrame(
        {
            "reading_id": range(1, m + 1),
            "vessel": [pick(rng, VESSELS) for _ in range(m)],
            "rpm": rng.normal(1500, 120, m).round(0),
            "oil_temp_C": rng.normal(88, 4, m).round(1),
            "coolant_C": rng.normal(82, 3, m).round(1),
            "oil_bar": rng.normal(4.2, 0.3, m).round(2),
            "fuel_lph": rng.normal(95, 10, m).round(1),
            "exhaust_C": rng.normal(410, 25, m).round(0),
        }
    )
    for row, cols, vals in [
        (21, ["oil_bar", "oil_temp_C"], [0.9, 118.0]),
        (88, ["coolant_C"], [109.5]),
        (164, ["rpm", "fuel_lph"], [2350, 41.0]),
        (250, ["exhaust_C"], [655]),
        (342, ["rpm", "oil_bar"], [610, 6.8]),
    ]:
        eng.loc[row, cols] = vals
    write_csv(eng, out / "engine_readings.csv")

    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "vessel_safety_manual.md").write_text(VESSEL_SAFETY)
    (docs / "quota_notes_2024.txt").write_text(QUOTA_NOTES)


VESSEL_SAFETY = """# North Isles Fishing Co.: vessel safety manual

## Before sailing

The skipper checks the weather forecast and the liferaft service date before every trip. A
vessel does not sail if the forecast is force 8 or above for its fishing ground. Every crew
member signs the crew list, which stays with the harbour office.

## Personal flotation

Every person on deck wears a personal flotation device with a light and a personal locator
beacon. The mate checks the lifejackets at the start of each trip, because a lifejacket with a
fired cylinder does not inflate.

## Man overboard

If someone falls overboard, the first person who sees it shouts "man overboard", points at the
casualty and keeps pointing. The skipper presses the MOB button on the plotter and turns the
vessel. The recovery sling is kept by the starboard rail.

## Winch and gear

Nobody stands in the bight of a warp while the winch is running. The winch man stops the winch
when anyone is between the drum and the block. Snagged gear is never freed by hand while the
wire is under load.

## Engine room

The engineer logs oil pressure and coolant temperature every watch. If oil pressure falls
below 2 bar, the engine is slowed at once and the skipper is told, since low oil pressure
destroys the bearings within minutes.

## Injuries

First aid is given on board. Serious injuries are reported to the coastguard on channel 16,
and the coastguard decides whether a helicopter is needed.
"""

QUOTA_NOTES = """QUOTA NOTES 2024 - NORTH ISLES FISHING CO.

Cod. The company holds 310 tonnes of North Sea cod for 2024. Cod landings are reported to the
producer organisation within 48 hours of landing. When 80 percent of the cod quota is used, the
skippers switch to haddock grounds.

Haddock. The haddock quota is 540 tonnes. Haddock caught as a bycatch on langoustine trips
counts against the same quota.

Mackerel. Mackerel is fished in the autumn by the pelagic vessel only. The mackerel quota is
leased from the producer organisation each September.

Langoustine. There is no tonnage quota for langoustine in the Minch, but a days-at-sea limit of
120 days per vessel applies.

Discards. Undersized fish are landed and recorded, not discarded, because the landing
obligation applies to every quota species.

Swaps. Quota swaps with other producer organisations are agreed by the office manager, never by
a skipper at sea.
"""


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    laundromats(rng, out)
    festival(rng, out)
    cardiology(rng, out)
    fishing(rng, out)


if __name__ == "__main__":
    main()
