"""Write the heldout21 corpus's files into a folder: `python make_data.py DIR`.

Three groups of people: a community lending library, a vineyard irrigation co-operative and a
small island ferry operator. Deterministic (seed 2121), offline, well under 3 MB.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 2121


def pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n")


def write_text(text: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.strip() + "\n", encoding="utf-8")


def write_json(obj: object, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=2) + "\n", encoding="utf-8")


# ----- the lending library ----------------------------------------------------------------------
BRANCHES = ["Harbour Road", "Millbrook", "Old School House", "Mobile Van"]
ITEM_TYPES = ["book", "dvd", "audiobook", "magazine", "board game", "tool"]
GENRES = ["fiction", "crime", "children", "history", "cookery", "travel", "sci-fi", "diy"]
AGE_BANDS = ["under 12", "12-17", "18-34", "35-54", "55-74", "75+"]


def loans(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        item = pick(rng, ITEM_TYPES)
        age = pick(rng, AGE_BANDS)
        loan_days = int(rng.choice([7, 14, 21, 28]))
        renewals = int(rng.poisson(0.6))
        prior_late = int(rng.poisson(0.8))
        distance = round(float(rng.gamma(2.0, 2.2)), 1)
        items_out = int(rng.integers(1, 9))
        score = (
            -1.6
            + 0.55 * prior_late
            + 0.12 * distance
            + 0.18 * items_out
            - 0.03 * loan_days
            + (0.7 if item in ("dvd", "board game", "tool") else 0.0)
            + (0.5 if age in ("12-17", "18-34") else 0.0)
            - 0.3 * renewals
            + rng.normal(0, 0.8)
        )
        late = "yes" if score > 0.3 else "no"
        rows.append(
            {
                "loan_id": f"LN{start + i:05d}",
                "member_id": f"M{int(rng.integers(1000, 4999))}",
                "branch": pick(rng, BRANCHES),
                "item_type": item,
                "genre": pick(rng, GENRES),
                "member_age_band": age,
                "loan_days": loan_days,
                "renewals": renewals,
                "items_out_at_once": items_out,
                "prior_late_returns": prior_late,
                "distance_km": distance,
                "reminder_emailed": pick(rng, ["Y", "N"]),
                "returned_late": late,
                "days_overdue": int(max(0, round(score * 4 + rng.normal(0, 2))))
                if late == "yes"
                else 0,
            }
        )
    return pd.DataFrame(rows)


FEEDBACK_TOPICS = {
    "opening_hours": [
        "the library shuts far too early on thursdays",
        "could you open on sunday afternoons please",
        "i work till six so i never get there before it closes",
        "saturday hours got cut and it is a pain",
        "the van never turns up at the time on the timetable",
    ],
    "staff": [
        "the lady at the desk was so helpful finding the large print",
        "volunteer on the counter was quite rude when i asked about my fine",
        "staff always remember my name, lovely people",
        "nobody at the desk knew how to reset my pin",
        "the young man helped me with the e-reader app, very patient",
    ],
    "catalogue": [
        "please get more graphic novels for teens",
        "the online catalogue says available but the shelf is empty",
        "waiting list for the new crime novel is months long",
        "would love more audiobooks in polish",
        "the tool library needs a second hedge trimmer",
    ],
    "facilities": [
        "the toilets at millbrook have been broken for weeks",
        "too cold in the reading room in the mornings",
        "the wifi drops every ten minutes",
        "no step free access at the old school house is a problem for my wheelchair",
        "the photocopier ate my money again",
    ],
    "noise": [
        "the toddler session is so loud you cannot read upstairs",
        "teenagers on phones in the quiet area every afternoon",
        "the building works next door make it impossible to study",
        "please make the study room actually quiet",
    ],
}
POSITIVE = ["thanks so much", "keep it up", "love this place", "great job everyone", ""]
NEGATIVE = ["really not happy", "please sort this out", "very disappointed", "fix it", ""]


def feedback(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = []
    topics = list(FEEDBACK_TOPICS)
    for i in range(n):
        topic = pick(rng, topics)
        positive = bool(rng.random() < (0.7 if topic == "staff" else 0.3))
        body = pick(rng, FEEDBACK_TOPICS[topic])
        tail = pick(rng, POSITIVE if positive else NEGATIVE)
        text = body + (", " + tail if tail else "")
        if rng.random() < 0.3:
            text = text.capitalize() + "."
        rows.append(
            {
                "feedback_id": f"FB-{2400 + i}",
                "branch": pick(rng, BRANCHES),
                "submitted": f"2026-{int(rng.integers(1, 11)):02d}-{int(rng.integers(1, 28)):02d}",
                "how_received": pick(rng, ["comment card", "website form", "email", "in person"]),
                "comment": text,
                "topic": topic,
                "mood": "positive" if positive else "negative",
                "stars": int(np.clip(round((4.2 if positive else 2.0) + rng.normal(0, 0.8)), 1, 5)),
            }
        )
    frame = pd.DataFrame(rows)
    truth = frame[["feedback_id", "topic"]].copy()
    # Only some cards were sorted by the volunteers; topic and mood filled on different rows.
    frame["topic"] = frame["topic"].where(rng.random(n) < 0.18, "")
    frame["mood"] = frame["mood"].where(rng.random(n) < 0.15, "")
    gold = truth.sample(60, random_state=SEED).sort_values("feedback_id")
    return frame, gold.rename(columns={"topic": "topic_checked"})


def events(rng: np.random.Generator, n: int) -> pd.DataFrame:
    names = {
        "author talk": ["Local Authors Evening", "Crime Writers Q&A", "Poetry Open Mic"],
        "children": ["Rhyme Time", "Lego Club", "Summer Reading Kickoff"],
        "skills": ["Digital Drop-in", "Family History Workshop", "Repair Cafe"],
        "social": ["Knit and Natter", "Book Club", "Games Night"],
    }
    rows = []
    for i in range(n):
        kind = pick(rng, list(names))
        days_before = int(rng.integers(0, 40))
        reminder = pick(rng, ["sms", "email", "none"])
        free = bool(rng.random() < 0.75)
        score = (
            0.9
            - 0.035 * days_before
            + (0.6 if reminder == "sms" else 0.2 if reminder == "email" else -0.4)
            + (0.4 if kind == "children" else 0.0)
            - (0.5 if free else 0.0)
            + rng.normal(0, 0.7)
        )
        rows.append(
            {
                "signup_id": f"EV{7000 + i}",
                "event_name": pick(rng, names[kind]),
                "event_type": kind,
                "branch": pick(rng, BRANCHES[:3]),
                "member_age_band": pick(rng, AGE_BANDS),
                "signed_up_days_before": days_before,
                "reminder": reminder,
                "free_event": "yes" if free else "no",
                "party_size": int(rng.integers(1, 5)),
                "showed_up": "yes" if score > 0 else "no",
            }
        )
    return pd.DataFrame(rows)


LENDING_POLICY = """
# Harbourside Community Library: Lending Policy

## Who can join

Membership is free for anyone who lives, works or studies on the peninsula. A member needs a
proof of address to join. Children under 12 join with a parent or carer, who is responsible for
the items on the child's card.

## How many items and for how long

An adult member may borrow up to 12 items at once. Books and audiobooks are lent for 21 days.
DVDs and board games are lent for 7 days. Items from the tool library are lent for 14 days and
must be returned clean. A loan can be renewed twice, online or at the desk, unless another member
has reserved the item.

## Overdue items

The library does not charge fines on children's cards. An adult item that is overdue is charged
20p per day, up to a maximum of 5 pounds per item. Tools that are overdue are charged 1 pound per
day because other members are waiting for them. If an item is 6 weeks overdue, it is treated as
lost and the member is asked to pay the replacement cost.

## Reminders

When a member has given an email address, a reminder is sent 3 days before the due date. A
second reminder is sent when the item is 7 days overdue. The mobile van cannot send reminders, so
van members are told their due date on a printed slip.

## Damaged and lost items

Damage beyond normal wear is charged at the replacement cost. A member who loses an item can
replace it with a new copy of the same edition instead of paying.
"""

VOLUNTEER_HANDBOOK = """
# Volunteer Handbook

## Your first shift

Every new volunteer shadows a member of staff for two shifts. The desk supervisor signs off
the induction checklist before a volunteer works the counter alone.

## Issuing and returning items

Volunteers issue items with the self-service scanner when it works and with the desk terminal
when it does not. Returned items go on the sorting trolley, never straight back on the shelf,
because reserved items must be caught first.

## Events

Events are booked through the events calendar. A children's event needs two adults with a
safeguarding check in the room. Rhyme Time is capped at 25 families because of the fire limit in
the children's corner. If fewer than five people sign up 48 hours before a talk, the events
coordinator may cancel it and message everyone who signed up.

## Feedback from members

Comment cards are emptied every Friday. Volunteers sort each card by topic and by mood and type it
into the feedback spreadsheet. A complaint about a member of staff goes to the branch manager the
same week and is never discussed at the desk.

## Closing up

The last volunteer checks the toilets and the reading room, switches off the photocopier and
sets the alarm. The alarm code changes every quarter.
"""


# ----- the vineyard irrigation co-operative -------------------------------------------------------
BLOCKS = [f"B{i:02d}" for i in range(1, 19)]
VARIETIES = ["Pinot Noir", "Chardonnay", "Sauvignon Blanc", "Riesling", "Syrah"]


def soil_readings(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        depth = int(rng.choice([20, 40, 60]))
        temp = round(float(rng.normal(17, 4)), 1)
        moisture = round(
            float(np.clip(rng.normal(28 - 0.3 * (temp - 17) + depth / 20, 4), 8, 45)), 1
        )
        ec = round(float(abs(rng.normal(0.9 + moisture / 100, 0.15))), 2)
        rows.append(
            {
                "reading_id": f"SM{100000 + i}",
                "block": pick(rng, BLOCKS),
                "sensor_id": f"probe-{int(rng.integers(1, 37)):02d}",
                "logged_at": f"2026-{int(rng.integers(1, 4)):02d}-{int(rng.integers(1, 28)):02d}"
                f" {int(rng.integers(0, 24)):02d}:{int(rng.choice([0, 15, 30, 45])):02d}",
                "depth_cm": depth,
                "vwc_pct": moisture,
                "soil_temp_c": temp,
                "ec_ds_m": ec,
                "battery_v": round(float(rng.normal(3.6, 0.08)), 2),
            }
        )
    frame = pd.DataFrame(rows)
    # A few faulty probes: a flat battery, a probe out of the ground, a stuck sensor.
    odd = rng.choice(n, 12, replace=False)
    for k, j in enumerate(odd):
        if k % 4 == 0:
            frame.loc[j, ["vwc_pct", "battery_v"]] = [0.0, 2.1]
        elif k % 4 == 1:
            frame.loc[j, ["soil_temp_c", "vwc_pct"]] = [-39.9, 61.5]
        elif k % 4 == 2:
            frame.loc[j, ["ec_ds_m", "vwc_pct"]] = [7.85, 9.0]
        else:
            frame.loc[j, ["soil_temp_c", "vwc_pct", "ec_ds_m"]] = [44.0, 44.5, 0.02]
    return frame


PUMP_NOTES = {
    "none": [
        "ran fine",
        "normal cycle",
        "all good, checked filters",
        "no issues",
        "ran to schedule",
    ],
    "clog": [
        "pressure climbing, filter looks blocked",
        "flow dropped halfway, cleaned screen",
        "sand in the filter again",
        "dripper line blocked at the far end",
    ],
    "leak": [
        "water pooling by the valve box",
        "split in the mainline near row 12",
        "pressure dropped and lost water at the joint",
        "wet patch under the manifold",
    ],
    "electrical": [
        "tripped the breaker twice",
        "controller rebooted mid cycle",
        "motor humming but not starting",
        "fuse blown after the storm",
    ],
}


def pump_logs(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        fault = str(rng.choice(list(PUMP_NOTES), p=[0.64, 0.14, 0.12, 0.10]))
        hours = round(float(rng.uniform(1.5, 9)), 1)
        flow = rng.normal(220, 18)
        pressure = rng.normal(2.4, 0.15)
        if fault == "clog":
            flow, pressure = flow - 55, pressure + 0.7
        elif fault == "leak":
            flow, pressure = flow + 30, pressure - 0.6
        elif fault == "electrical":
            hours = round(hours * 0.4, 1)
        rows.append(
            {
                "log_id": f"P{5000 + i}",
                "pump": pick(rng, ["north bore", "creek pump", "dam pump 1", "dam pump 2"]),
                "block": pick(rng, BLOCKS),
                "date": f"2026-{int(rng.integers(1, 4)):02d}-{int(rng.integers(1, 28)):02d}",
                "run_hours": hours,
                "flow_l_min": round(float(flow), 1),
                "pressure_bar": round(float(pressure), 2),
                "energy_kwh": round(float(hours * rng.normal(7.5, 0.6)), 1),
                "operator_note": pick(rng, PUMP_NOTES[fault]),
                "fault": fault,
            }
        )
    frame = pd.DataFrame(rows)
    frame["fault"] = frame["fault"].where(rng.random(n) < 0.3, "")
    odd = rng.choice(n, 6, replace=False)
    frame.loc[odd[:3], "energy_kwh"] = [412.0, 388.5, 0.0]
    frame.loc[odd[3:], "pressure_bar"] = [11.8, -0.4, 9.9]
    return frame


def harvest(rng: np.random.Generator, n: int, season: int | None) -> pd.DataFrame:
    rows = []
    for _ in range(n):
        variety = pick(rng, VARIETIES)
        age = int(rng.integers(3, 41))
        irrig = int(rng.normal(180, 45))
        rain = int(rng.normal(420, 90))
        gdd = int(rng.normal(1350, 120))
        slope = round(float(rng.uniform(0, 18)), 1)
        yield_t = float(
            np.clip(
                6
                + 0.012 * irrig
                - 0.05 * abs(age - 18)
                + 0.002 * (gdd - 1350)
                + rng.normal(0, 1.1),
                1.5,
                14,
            )
        )
        q = 0.04 * slope - 0.15 * (yield_t - 8) + 0.003 * (gdd - 1350) + rng.normal(0, 0.5)
        grade = "A" if q > 0.45 else ("B" if q > -0.25 else "C")
        rows.append(
            {
                "block_id": pick(rng, BLOCKS),
                "season": season if season is not None else int(rng.integers(2019, 2025)),
                "variety": variety,
                "vine_age_yrs": age,
                "rootstock": pick(rng, ["101-14", "3309C", "Schwarzmann", "own roots"]),
                "irrigation_mm": irrig,
                "rainfall_mm": rain,
                "growing_degree_days": gdd,
                "slope_pct": slope,
                "row_aspect": pick(rng, ["N", "NE", "E", "NW", "W"]),
                "yield_t_ha": round(yield_t, 2),
                "yield_band": "low" if yield_t < 6.5 else ("high" if yield_t > 8.5 else "medium"),
                "quality_grade": grade,
            }
        )
    return pd.DataFrame(rows)


EMAIL_KINDS = {
    "roster_change": [
        (
            "swap my tuesday slot",
            "Could I swap my Tuesday night watering slot with the Dunns? "
            "We are picking on Wednesday.",
        ),
        (
            "irrigation time",
            "Hi, can we move our turn to early morning, the afternoon is too hot "
            "for the young vines.",
        ),
        (
            "next week roster",
            "We won't need our slot next week, rain forecast. Give it to someone else.",
        ),
    ],
    "leak_report": [
        (
            "water everywhere",
            "There is a big leak on the shared main by the gate to block 7, "
            "water running down the track.",
        ),
        (
            "burst pipe?",
            "Looks like a burst pipe near our boundary, ground is soaked and pressure is low.",
        ),
        ("valve dripping", "The valve at the top of our rows has been dripping all week."),
    ],
    "billing": [
        (
            "invoice query",
            "Our invoice for February looks double what we used, can you check the meter reading?",
        ),
        ("levy", "When is the annual levy due and can we pay it in two halves?"),
        ("wrong account", "The water bill came addressed to the old owners of the block."),
    ],
    "allocation": [
        (
            "more water",
            "We are replanting two rows and need extra allocation this season, is that possible?",
        ),
        (
            "allocation transfer",
            "Can we transfer part of our water share to my brother's block for the summer?",
        ),
        ("allocation cut", "Heard the allocation is being cut 20 percent, is that true?"),
    ],
}


def grower_emails(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = []
    growers = ["Dunn", "Okafor", "Maric", "Te Awa", "Lindqvist", "Papadakis", "Moretti", "Singh"]
    openers = ["Hi all,", "Hello,", "", "Morning team,", "Kia ora,", "Dear committee,"]
    closers = ["Thanks", "Cheers", "Regards", "", "Ta"]
    for i in range(n):
        kind = pick(rng, list(EMAIL_KINDS))
        subject, body = EMAIL_KINDS[kind][int(rng.integers(3))]
        grower = pick(rng, growers)
        urgent = kind == "leak_report" or rng.random() < 0.1
        text = " ".join(
            part for part in [pick(rng, openers), body, pick(rng, closers), grower] if part
        )
        rows.append(
            {
                "email_id": f"GE{300 + i}",
                "received": f"2026-{int(rng.integers(1, 11)):02d}-{int(rng.integers(1, 28)):02d}",
                "from_grower": grower,
                "block": pick(rng, BLOCKS),
                "subject": subject,
                "body": text,
                "request_type": kind,
                "urgent": "yes" if urgent else "no",
            }
        )
    frame = pd.DataFrame(rows)
    truth = frame[["email_id", "request_type"]].copy()
    frame["request_type"] = frame["request_type"].where(rng.random(n) < 0.2, "")
    gold = truth.sample(50, random_state=SEED + 1).sort_values("email_id")
    return frame, gold


ROSTER_RULES = """
# Hillside Irrigation Co-operative: Roster Rules

## Watering slots

Each member block gets one watering slot per week between November and April. A slot is 8 hours
on the shared main. Slots run from 6 pm to 2 am so that evaporation is lowest. The roster is set
by the water committee on the first Monday of each month.

## Swapping slots

Members may swap slots with each other by emailing the roster officer at least 48 hours before
the earlier slot. A swap that the roster officer has not confirmed does not count, and the pump
controller will not open the block's valve.

## Water allocation

Every block has a share of the co-operative's consented take, measured in megalitres per season.
If the river flow at the gauge falls below 400 litres per second, all allocations are cut by 20
percent until the flow recovers. Unused allocation cannot be carried over to the next season.

## Leaks

A member who finds a leak on the shared main must report it the same day. The co-operative repairs
leaks on the shared main at its own cost. Leaks on a member's own lines are the member's
responsibility, and water lost from them is charged to that member's block.

## Levies and billing

The annual levy is due on 30 June and may be paid in two instalments. Water use is billed monthly
from the block meter. A disputed meter reading is re-read by the field officer within 10 working
days.
"""

PUMP_GUIDE = """
Pump station maintenance guide (field officer copy)

The creek pump and the two dam pumps are inspected every two weeks during the season. The north
bore pump is inspected monthly because its water is clean.

Filters. The disc filters are backflushed automatically when the pressure difference across them
reaches 0.5 bar. If the pressure keeps climbing after a backflush, the filter discs are removed and
cleaned by hand. Sand in the creek pump filter usually means the intake screen has sunk into the
creek bed.

Pressure. Normal operating pressure on the shared main is between 2.2 and 2.6 bar. A sudden drop in
pressure with a rise in flow usually means a burst or a split in the main. A rise in pressure with
a fall in flow usually means a blockage.

Electrical faults. After a thunderstorm, the field officer checks the surge protector and the
fuses before restarting any pump. A motor that hums but does not start has a failed start
capacitor, which is replaced, never bypassed.

Records. Every run is logged with run hours, flow, pressure and energy use. An energy reading
above 100 kWh for a single run is a meter fault and must be reported to the power company.
"""


# ----- the island ferry operator --------------------------------------------------------------
ROUTES = ["Port Ellis - Skerra", "Skerra - Hallow Isle", "Port Ellis - Hallow Isle"]
VESSELS = ["MV Gannet", "MV Puffin", "MV Kittiwake"]


def sailings(
    rng: np.random.Generator, n: int, start: int, with_outcome: bool, year: int = 2026
) -> pd.DataFrame:
    rows = []
    for i in range(n):
        wind = int(np.clip(rng.gamma(3.0, 6.0), 0, 60))
        wave = round(float(np.clip(0.1 + wind * 0.07 + rng.normal(0, 0.4), 0.1, 6)), 1)
        vis = round(float(np.clip(rng.normal(12, 5), 0.2, 25)), 1)
        vessel = pick(rng, VESSELS)
        booked = int(rng.integers(8, 220))
        hour = int(rng.choice([7, 9, 11, 13, 15, 17, 19]))
        risk = (
            -3.2
            + 0.09 * wind
            + 0.5 * wave
            - 0.08 * vis
            + (0.6 if vessel == "MV Kittiwake" else 0.0)
            + 0.004 * booked
            + rng.normal(0, 0.8)
        )
        status = "cancelled" if risk > 2.2 else ("delayed" if risk > 0.4 else "on time")
        row = {
            "sailing_id": f"S{start + i:05d}",
            "route": pick(rng, ROUTES),
            "vessel": vessel,
            "sail_date": f"{year}-{int(rng.integers(1, 11)):02d}-{int(rng.integers(1, 28)):02d}",
            "dep_hour": hour,
            "wind_kn": wind,
            "swell_m": wave,
            "visibility_km": vis,
            "pax_booked": booked,
            "cars_booked": int(rng.integers(0, 24)),
            "crew": int(rng.choice([4, 5, 6])),
        }
        if with_outcome:
            row["status"] = status
            row["delay_mins"] = (
                0 if status == "on time" else (int(15 + risk * 20) if status == "delayed" else "")
            )
        rows.append(row)
    return pd.DataFrame(rows)


COMPLAINTS = {
    "delay": [
        "the 9am boat left fifty minutes late and nobody told us why",
        "missed my connection on the mainland because the ferry was late again",
        "sat in the queue for an hour, the sailing was delayed with no announcement",
    ],
    "cancellation": [
        "my sailing was cancelled and the text came after we had driven to the pier",
        "cancelled for weather but the sea was flat calm",
        "second cancellation this week, we could not get the kids to school",
    ],
    "refund": [
        "still waiting for my refund after the cancelled crossing three weeks ago",
        "charged twice for the same ticket online, want my money back",
        "the refund form on the website does not work",
    ],
    "staff": [
        "the deckhand shouted at my elderly mother",
        "crew member was very kind and helped with my bags",
        "the ticket office woman was rude when i asked about the timetable",
    ],
    "facilities": [
        "the toilets on the gannet were filthy",
        "no hot drinks on board again, the cafe was shut",
        "lift to the passenger deck broken, could not get up with my wheelchair",
    ],
}


def complaints(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = []
    leads = ["", "Hello, ", "To whom it may concern, ", "Not happy. ", "Hi there - "]
    for i in range(n):
        cat = str(rng.choice(list(COMPLAINTS), p=[0.28, 0.22, 0.18, 0.16, 0.16]))
        text = pick(rng, leads) + pick(rng, COMPLAINTS[cat])
        if rng.random() < 0.25:
            text += ". " + pick(rng, COMPLAINTS[pick(rng, list(COMPLAINTS))])
        refund = (cat in ("refund", "cancellation") and rng.random() < 0.8) or rng.random() < 0.08
        rows.append(
            {
                "complaint_ref": f"CMP{8800 + i}",
                "received": f"2026-{int(rng.integers(1, 11)):02d}-{int(rng.integers(1, 28)):02d}",
                "route": pick(rng, ROUTES),
                "channel": pick(rng, ["email", "phone", "facebook", "ticket office"]),
                "complaint_text": text,
                "category": cat,
                "refund_requested": "yes" if refund else "no",
            }
        )
    frame = pd.DataFrame(rows)
    truth = frame[["complaint_ref", "category"]].copy()
    frame["category"] = frame["category"].where(rng.random(n) < 0.2, "")
    frame["refund_requested"] = frame["refund_requested"].where(rng.random(n) < 0.25, "")
    gold = truth.sample(70, random_state=SEED + 2).sort_values("complaint_ref")
    return frame, gold.rename(columns={"category": "agreed_category"})


def ticket_sales(rng: np.random.Generator, n: int) -> pd.DataFrame:
    fares = {
        "adult single": 6.4,
        "adult return": 11.2,
        "child": 3.2,
        "islander": 2.5,
        "car + driver": 28.0,
    }
    rows = []
    for i in range(n):
        kind = pick(rng, list(fares))
        pax = int(rng.integers(1, 6))
        rows.append(
            {
                "sale_id": f"T{60000 + i}",
                "sold_on": f"2026-{int(rng.integers(1, 11)):02d}-{int(rng.integers(1, 28)):02d}",
                "route": pick(rng, ROUTES),
                "ticket_type": kind,
                "sales_channel": pick(rng, ["online", "kiosk", "on board", "office"]),
                "passengers": pax,
                "amount_gbp": round(fares[kind] * pax * float(rng.uniform(0.95, 1.05)), 2),
                "discount_code": pick(rng, ["", "", "", "ISLAND10", "SCHOOL"]),
            }
        )
    frame = pd.DataFrame(rows)
    odd = rng.choice(n, 8, replace=False)
    frame.loc[odd[0], ["amount_gbp"]] = [-64.0]
    frame.loc[odd[1], ["passengers", "amount_gbp"]] = [58, 12.8]
    frame.loc[odd[2], ["amount_gbp"]] = [980.0]
    frame.loc[odd[3], ["ticket_type", "amount_gbp"]] = ["child", 140.0]
    frame.loc[odd[4], ["passengers"]] = [0]
    frame.loc[odd[5], ["amount_gbp", "sales_channel"]] = [0.01, "on board"]
    frame.loc[odd[6], ["ticket_type", "passengers", "amount_gbp"]] = ["islander", 1, 311.0]
    frame.loc[odd[7], ["amount_gbp"]] = [7777.0]
    return frame


CONDITIONS = """
# Skerra Sound Ferries: Conditions of Carriage

## Tickets

A ticket is valid only for the route shown on it. Return tickets are valid for one month from the
date of the outward journey. Islander fares are available to residents of Skerra and Hallow Isle
who hold a valid islander card. Children under 5 travel free; children from 5 to 15 pay the child
fare.

## Check-in

Foot passengers must be at the pier 10 minutes before departure. Vehicles must check in 30 minutes
before departure, or the space may be given to a vehicle on the standby list.

## Delays and cancellations

Sailings may be delayed or cancelled because of weather, tides or technical faults. The master of
the vessel decides whether it is safe to sail, and that decision is final. When a sailing is
cancelled, passengers are moved to the next available sailing at no cost, or may ask for a full
refund. A refund request must be made within 28 days of the cancelled sailing. The company does
not pay for missed connections, hotels or taxis caused by weather.

## Refunds for other reasons

A single ticket bought online can be refunded up to 24 hours before departure, less a 2 pound
admin fee. Kiosk and on-board tickets are not refundable unless the sailing is cancelled.

## Animals and luggage

Dogs travel free on a lead on the open deck. Each passenger may bring two bags and one bicycle.
"""

WEATHER_PROCEDURE = """
# Bad Weather Procedure

## Decision times

The duty master checks the forecast at 5 am and again two hours before each sailing. If the mean
wind is forecast above 35 knots, or the swell in the sound above 2.5 metres, the Kittiwake does not
sail. The Gannet and the Puffin may sail in up to 40 knots at the master's judgement.

## Telling passengers

A cancellation is posted on the website and the company's Facebook page, and a text message goes to
every passenger with a booking, at least 90 minutes before departure where possible. The ticket
office phones passengers who booked by phone and gave no mobile number.

## Disruption sailings

When two or more sailings in a row are cancelled, an extra sailing is added as soon as conditions
allow. Islanders with medical appointments on the mainland are given priority on the extra
sailing, then vehicles carrying perishable goods.

## Records

Every delay over 15 minutes and every cancellation is logged with its reason, the wind and swell at
the time, and the number of passengers affected.
"""

FAQ_TXT = """
Frequently asked questions at the ticket office

Can I take my car to Hallow Isle? Yes, but only on the Gannet, because the Puffin and the Kittiwake
carry foot passengers only on that route.

What happens if I miss my sailing? An open return can be used on a later sailing the same day. A
single ticket for a missed sailing is not refunded.

Is there parking at Port Ellis? The pier car park has 60 spaces and is free for up to 72 hours.

Do islander cards expire? Islander cards are renewed every two years at the ticket office with a
proof of address.
"""


# ----- rules files (labeling functions) ------------------------------------------------------------
FEEDBACK_RULES = [
    {
        "name": "hours_words",
        "label": "opening_hours",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["shuts", "open", "closes", "hours", "timetable"],
    },
    {
        "name": "staff_words",
        "label": "staff",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["staff", "volunteer", "desk", "lady", "young man", "rude", "helpful"],
    },
    {
        "name": "catalogue_words",
        "label": "catalogue",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["catalogue", "more", "waiting list", "shelf", "audiobooks"],
    },
    {
        "name": "facilities_words",
        "label": "facilities",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["toilets", "wifi", "cold", "photocopier", "access"],
    },
    {
        "name": "noise_words",
        "label": "noise",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["loud", "quiet", "noise", "phones", "building works"],
    },
]

COMPLAINT_RULES = [
    {
        "name": "late",
        "label": "delay",
        "kind": "regex",
        "column": "complaint_text",
        "pattern": r"\b(late|delayed|minutes)\b",
        "ignore_case": True,
    },
    {
        "name": "cancelled",
        "label": "cancellation",
        "kind": "keyword",
        "column": "complaint_text",
        "keywords": ["cancelled", "cancellation"],
    },
    {
        "name": "money_back",
        "label": "refund",
        "kind": "keyword",
        "column": "complaint_text",
        "keywords": ["refund", "money back", "charged twice"],
    },
    {
        "name": "people",
        "label": "staff",
        "kind": "keyword",
        "column": "complaint_text",
        "keywords": ["deckhand", "crew", "rude", "ticket office woman"],
    },
    {
        "name": "onboard",
        "label": "facilities",
        "kind": "keyword",
        "column": "complaint_text",
        "keywords": ["toilets", "cafe", "hot drinks", "lift"],
    },
]


def main(out: Path) -> None:
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)

    # library
    write_csv(loans(rng, 700, 1), out / "loans.csv")
    write_csv(loans(rng, 200, 1001), out / "loans_test.csv")
    new_loans = loans(rng, 60, 2001).drop(columns=["returned_late", "days_overdue"])
    write_csv(new_loans, out / "loans_current.csv")
    fb, fb_gold = feedback(rng, 420)
    write_csv(fb, out / "member_feedback.csv")
    write_csv(fb_gold, out / "feedback_checked.csv")
    write_json(FEEDBACK_RULES, out / "feedback_rules.json")
    write_csv(events(rng, 480), out / "event_signups.csv")
    write_text(LENDING_POLICY, out / "library_docs" / "lending_policy.md")
    write_text(VOLUNTEER_HANDBOOK, out / "library_docs" / "volunteer_handbook.md")

    # vineyard co-operative
    write_csv(soil_readings(rng, 900), out / "soil_moisture.csv")
    write_csv(pump_logs(rng, 360), out / "pump_logs.csv")
    write_csv(harvest(rng, 420, None), out / "harvest_history.csv")
    write_csv(harvest(rng, 90, 2025), out / "harvest_2025.csv")
    blocks_2026 = harvest(rng, 18, 2026).drop(columns=["yield_t_ha", "yield_band", "quality_grade"])
    blocks_2026["block_id"] = BLOCKS
    write_csv(blocks_2026, out / "blocks_2026.csv")
    mails, mail_gold = grower_emails(rng, 300)
    write_csv(mails, out / "grower_emails.csv")
    write_csv(mail_gold, out / "emails_sorted_by_hand.csv")
    write_text(ROSTER_RULES, out / "coop_docs" / "roster_rules.md")
    write_text(PUMP_GUIDE, out / "coop_docs" / "pump_maintenance.txt")

    # ferry operator
    write_csv(sailings(rng, 800, 1, True, 2025), out / "sailings_2025.csv")
    write_csv(sailings(rng, 220, 3001, True), out / "sailings_2026.csv")
    write_csv(sailings(rng, 40, 9001, False), out / "sailings_next_week.csv")
    comp, comp_gold = complaints(rng, 500)
    write_csv(comp, out / "passenger_complaints.csv")
    write_csv(comp_gold, out / "complaints_reviewed.csv")
    write_json({"labeling_functions": COMPLAINT_RULES}, out / "complaint_rules.json")
    write_csv(ticket_sales(rng, 600), out / "ticket_sales.csv")
    write_text(CONDITIONS, out / "ferry_docs" / "conditions_of_carriage.md")
    write_text(WEATHER_PROCEDURE, out / "ferry_docs" / "bad_weather_procedure.md")
    write_text(FAQ_TXT, out / "ferry_docs" / "ticket_office_faq.txt")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
