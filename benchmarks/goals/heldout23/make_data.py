"""Write the heldout23 corpus's files into DIR: python make_data.py DIR.

Three invented workplaces: a regional household-waste recycling depot network, a small-town
physiotherapy practice and a community solar-panel co-operative. Deterministic (seed 2323),
offline, small.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 2323


def pick(rng: np.random.Generator, items: list[str], n: int, p: list[float] | None = None):
    return rng.choice(items, size=n, p=p)


def write_csv(df: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")


def write_json(obj: object, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def write_text(text: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.strip() + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- recycling depots

DEPOTS = ["Hallam Road", "Millbrook", "Kestrel Lane", "Upper Wickham", "Fordbridge"]
MATERIALS = ["garden waste", "cardboard", "rubble", "wood", "mixed bags", "electricals", "metal"]
NOTE_OK = [
    "sorted well, went straight to the bays",
    "all cardboard flattened, no issue",
    "garden waste only, clean load",
    "regular customer, knew where everything goes",
    "quick visit, metal to the scrap bay",
]
NOTE_BAD = [
    "black bags had food waste mixed in with the card",
    "plasterboard hidden under the rubble, sent back",
    "paint tins in with general waste, had to re-sort",
    "van looked like trade waste, asked for permit",
    "asbestos-looking sheets, refused and gave leaflet",
    "fridge in mixed bags, contaminated the skip",
]
NOTE_HELP = [
    "elderly resident, helped lift the sofa parts",
    "needed help with heavy telly",
    "asked staff to carry the mattress",
    "bad back, we unloaded for him",
]


def depot_visits(rng: np.random.Generator, n: int) -> pd.DataFrame:
    vehicle = pick(rng, ["car", "car+trailer", "small van", "pickup"], n, [0.6, 0.2, 0.15, 0.05])
    material = pick(rng, MATERIALS, n)
    load = np.round(rng.gamma(2.0, 60.0, n) + (vehicle != "car") * 80, 1)
    bags = rng.integers(0, 14, n)
    trade_like = (vehicle == "small van") & (load > 220)
    risk = (
        0.12 + 0.35 * (material == "mixed bags") + 0.25 * trade_like + 0.1 * (material == "rubble")
    )
    contaminated = rng.random(n) < risk
    refused = (trade_like & (rng.random(n) < 0.55)) | (contaminated & (rng.random(n) < 0.12))
    help_needed = (rng.random(n) < 0.1 + 0.2 * (load > 200)) & ~refused
    notes = []
    for c, r, h in zip(contaminated, refused, help_needed, strict=True):
        if h and rng.random() < 0.7:
            notes.append(str(rng.choice(NOTE_HELP)))
        elif (c or r) and rng.random() < 0.8:
            notes.append(str(rng.choice(NOTE_BAD)))
        else:
            notes.append(str(rng.choice(NOTE_OK)))
    days = pd.Timestamp("2026-03-01") + pd.to_timedelta(rng.integers(0, 240, n), unit="D")
    return pd.DataFrame(
        {
            "depot": pick(rng, DEPOTS, n),
            "visit_date": days.strftime("%Y-%m-%d"),
            "vehicle_type": vehicle,
            "main_material": material,
            "load_kg": load,
            "num_bags": bags,
            "minutes_on_site": np.round(rng.normal(14, 5, n).clip(3, 60), 0).astype(int),
            "attendant_note": notes,
            "contaminated": np.where(contaminated, "yes", "no"),
            "refused_entry": refused.astype(int),
            "needed_help": np.where(help_needed, "Y", "N"),
        }
    )


FEEDBACK = {
    "queues": [
        "queue out onto the main road again on saturday, waited 40 minutes",
        "why only one lane open on bank holiday, huge queue",
        "waited ages in the line of cars, please open earlier",
    ],
    "staff": [
        "the lad at the wood bay was really helpful, thanks",
        "staff member was rude when I asked where the batteries go",
        "attendants helped my mum unload, lovely people",
    ],
    "opening_hours": [
        "can you stay open till 8 in summer, I work until 6",
        "closed on tuesday without notice, wasted trip",
        "winter hours are too short, shut at 4pm",
    ],
    "booking": [
        "booking system would not let me pick a slot for the van",
        "do I need to book a slot for the trailer",
        "booking confirmation email never arrived, turned away at the gate",
    ],
    "fly_tipping": [
        "someone dumped mattresses outside the gate overnight",
        "bags left by the entrance when you were closed, smells awful",
        "fly tipping in the lay-by near the depot again",
    ],
}


def public_feedback(rng: np.random.Generator, n: int) -> pd.DataFrame:
    topics = pick(rng, list(FEEDBACK), n)
    extra = ["", " cheers", " not happy", " please sort it", " (posted on facebook)"]
    text = [str(rng.choice(FEEDBACK[t])) + str(rng.choice(extra)) for t in topics]
    known = rng.random(n) < 0.3
    return pd.DataFrame(
        {
            "feedback_no": [f"FB{2000 + i}" for i in range(n)],
            "depot": pick(rng, DEPOTS, n),
            "channel": pick(rng, ["web form", "email", "facebook", "phone"], n),
            "comment": text,
            "topic": np.where(known, topics, ""),
            "_true": topics,
        }
    )


def skip_weighings(rng: np.random.Generator, n: int) -> pd.DataFrame:
    material = pick(rng, ["cardboard", "garden", "wood", "rubble", "metal", "general"], n)
    dens = {
        "cardboard": 1.2,
        "garden": 2.5,
        "wood": 2.8,
        "rubble": 7.5,
        "metal": 3.5,
        "general": 2.2,
    }
    fill = np.round(rng.uniform(55, 100, n), 0)
    net = np.array([dens[m] for m in material]) * fill * 10 * rng.normal(1, 0.08, n)
    tare = np.round(rng.normal(2100, 60, n), 0)
    df = pd.DataFrame(
        {
            "skip_no": [f"SK-{5000 + i}" for i in range(n)],
            "depot": pick(rng, DEPOTS, n),
            "material": material,
            "fill_pct": fill,
            "tare_kg": tare,
            "net_kg": np.round(net, 0),
            "haulier": pick(rng, ["Greenline", "Barker & Sons", "CountyHaul"], n),
        }
    )
    odd = [7, 58, 131, 190, 244]
    df.loc[odd[0], "net_kg"] = 14800.0
    df.loc[odd[1], ["material", "net_kg"]] = ["cardboard", 6900.0]
    df.loc[odd[2], "tare_kg"] = 250.0
    df.loc[odd[3], ["fill_pct", "net_kg"]] = [12.0, 5200.0]
    df.loc[odd[4], "net_kg"] = -340.0
    df["gross_kg"] = df["tare_kg"] + df["net_kg"]
    return df


# --------------------------------------------------------------------------- physiotherapy

AREAS = ["knee", "lower back", "shoulder", "neck", "ankle", "hip"]
GP_OK = [
    "post-op knee, motivated, keen to return to walking group",
    "mechanical low back pain, no red flags, works from home",
    "rotator cuff strain from gardening, doing exercises",
    "ankle sprain playing netball, wants to get back to team",
]
GP_RISK = [
    "chronic pain, several previous courses, low mood noted",
    "carer for husband, struggles to get to appointments",
    "no transport, lives out in the villages",
    "night shifts, often cannot make daytime slots",
]


def episodes(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    age = rng.integers(18, 90, n)
    area = pick(rng, AREAS, n)
    pain = rng.integers(2, 11, n)
    booked = rng.integers(3, 10, n)
    adherence = pick(rng, ["good", "some", "poor"], n, [0.45, 0.35, 0.2])
    risk = rng.random(n) < 0.3
    note = [str(rng.choice(GP_RISK if r else GP_OK)) for r in risk]
    p_dna = 0.1 + 0.35 * risk + 0.15 * (adherence == "poor")
    dna = rng.random(n) < p_dna
    attended = np.where(dna, np.maximum(booked - rng.integers(1, 4, n), 0), booked)
    score = (
        1.2 * (adherence == "good")
        - 1.0 * (adherence == "poor")
        + 0.25 * attended
        - 0.08 * pain
        - 0.8 * risk
        + rng.normal(0, 0.8, n)
    )
    outcome = np.where(attended < 2, "dropped_out", np.where(score > 1.0, "improved", "no_change"))
    return pd.DataFrame(
        {
            "episode_id": [f"EP{start + i}" for i in range(n)],
            "age": age,
            "sex": pick(rng, ["F", "M"], n),
            "referral_source": pick(rng, ["GP", "self", "consultant", "insurer"], n),
            "body_area": area,
            "pain_start_0_10": pain,
            "sessions_booked": booked,
            "sessions_attended": attended,
            "home_ex_adherence": adherence,
            "gp_letter_summary": note,
            "discharge_outcome": outcome,
            "missed_any_appt": np.where(dna, "yes", "no"),
        }
    )


MESSAGES = {
    "reschedule": [
        "can I move my thursday appointment to next week",
        "need to change my slot, something came up at work",
        "is there anything later on friday instead of 9am",
    ],
    "cancel": [
        "please cancel my appointment tomorrow, I'm unwell",
        "won't be coming anymore, knee is much better, cancel the rest",
        "cancel wednesday please, car broke down",
    ],
    "new_booking": [
        "my GP said to book physio for my shoulder, do you have space",
        "hi, first time, would like an assessment for back pain",
        "can I book my son in for an ankle injury from rugby",
    ],
    "billing": [
        "was charged twice for last session, please refund",
        "need a receipt for my insurer with the invoice number",
        "how much is a follow up session if I pay myself",
    ],
    "exercise_question": [
        "the band exercise hurts my shoulder, should I keep going",
        "how many reps of the heel raises was it again",
        "lost the exercise sheet, can you email it",
    ],
}


def reception_messages(rng: np.random.Generator, n: int) -> pd.DataFrame:
    kinds = pick(rng, list(MESSAGES), n)
    tail = ["", " thanks", " - Sue", " many thanks, Dave", " sent from my iPhone"]
    text = [str(rng.choice(MESSAGES[k])) + str(rng.choice(tail)) for k in kinds]
    known = rng.random(n) < 0.25
    return pd.DataFrame(
        {
            "msg_id": [f"M{700 + i}" for i in range(n)],
            "received_via": pick(rng, ["voicemail", "email", "text", "website"], n),
            "message": text,
            "msg_type": np.where(known, kinds, ""),
            "_true": kinds,
        }
    )


# --------------------------------------------------------------------------- solar co-op

SITES = ["Village Hall", "Primary School", "Hartley Farm Barn", "Leisure Centre", "Church Rooms"]
MOTIVE = [
    "want to cut our bills and help the village",
    "interested in the dividend, retired",
    "climate reasons, kids pushed us into it",
    "neighbour joined, sounds like a good idea",
    "already have panels, want to invest in the community scheme",
]


def applications(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    orient = pick(rng, ["S", "SE", "SW", "E", "W", "N"], n, [0.3, 0.18, 0.18, 0.14, 0.14, 0.06])
    shading = pick(rng, ["none", "partial", "heavy"], n, [0.5, 0.35, 0.15])
    area = np.round(rng.uniform(8, 60, n), 1)
    pledge = np.round(rng.choice([100, 250, 500, 1000, 2500, 5000], n), 0)
    score = (
        1.0 * np.isin(orient, ["S", "SE", "SW"])
        - 1.3 * (shading == "heavy")
        - 0.4 * (shading == "partial")
        + 0.03 * area
        - 1.0 * (orient == "N")
        + rng.normal(0, 0.6, n)
    )
    suitable = score > 0.9
    approved = suitable | (pledge >= 2500) & (rng.random(n) < 0.5)
    return pd.DataFrame(
        {
            "application_no": [f"A{start + i}" for i in range(n)],
            "parish": pick(rng, ["Hartley", "Longmoor", "Eastcote", "Bramfield"], n),
            "roof_orientation": orient,
            "roof_area_m2": area,
            "shading": shading,
            "annual_use_kwh": np.round(rng.normal(3400, 900, n).clip(900, 8000), 0),
            "share_pledge_gbp": pledge,
            "why_joining": [str(rng.choice(MOTIVE)) for _ in range(n)],
            "roof_suitable": np.where(suitable, "yes", "no"),
            "membership_approved": approved.astype(int),
        }
    )


def generation_log(rng: np.random.Generator, n: int) -> pd.DataFrame:
    site = pick(rng, SITES, n)
    kwp = {
        "Village Hall": 30,
        "Primary School": 50,
        "Hartley Farm Barn": 120,
        "Leisure Centre": 80,
        "Church Rooms": 12,
    }
    cap = np.array([kwp[s] for s in site], dtype=float)
    sun = rng.uniform(0.5, 7.5, n)
    kwh = cap * sun * rng.normal(0.82, 0.05, n)
    df = pd.DataFrame(
        {
            "log_id": np.arange(1, n + 1),
            "site": site,
            "date": (
                pd.Timestamp("2026-04-01") + pd.to_timedelta(rng.integers(0, 200, n), unit="D")
            ).strftime("%Y-%m-%d"),
            "capacity_kwp": cap,
            "sun_hours": np.round(sun, 2),
            "kwh_generated": np.round(kwh, 1),
            "inverter_temp_c": np.round(rng.normal(38, 6, n), 1),
            "inverter_status": pick(rng, ["OK", "OK", "OK", "OK", "WARN"], n),
        }
    )
    df.loc[13, "kwh_generated"] = 0.0
    df.loc[87, ["sun_hours", "kwh_generated"]] = [7.1, 2.3]
    df.loc[160, "inverter_temp_c"] = 91.5
    df.loc[222, ["site", "kwh_generated"]] = ["Church Rooms", 640.0]
    df.loc[305, ["inverter_status", "kwh_generated"]] = ["FAULT", 410.0]
    return df


EMAILS = {
    "dividend": [
        "when is the interest on my shares paid this year",
        "haven't received my dividend statement",
        "what rate is the member interest for 2026",
    ],
    "share_transfer": [
        "my father passed away, how do we transfer his shares",
        "can I withdraw my share capital, moving abroad",
        "want to put my shares in my daughter's name",
    ],
    "agm": [
        "can I vote by proxy at the AGM",
        "what time does the annual general meeting start",
        "I'd like to stand for the board at the agm",
    ],
    "panel_fault": [
        "the display at the school panels says error 31",
        "noticed panels on the barn roof look cracked",
        "inverter at the village hall beeping all night",
    ],
}


def member_emails(rng: np.random.Generator, n: int) -> pd.DataFrame:
    kinds = pick(rng, list(EMAILS), n)
    sign = ["", " regards, Pat", " thanks in advance", " (member 0412)", " cheers"]
    text = [str(rng.choice(EMAILS[k])) + str(rng.choice(sign)) for k in kinds]
    known = rng.random(n) < 0.3
    return pd.DataFrame(
        {
            "email_ref": [f"E-{300 + i}" for i in range(n)],
            "from_member": rng.random(n) < 0.8,
            "body": text,
            "query_type": np.where(known, kinds, ""),
            "_true": kinds,
        }
    )


# --------------------------------------------------------------------------- documents

DOCS = {
    "depot_docs/site_rules_public.md": """
# Household recycling depots: rules for residents

## Who can use the depots
The five depots (Hallam Road, Millbrook, Kestrel Lane, Upper Wickham and Fordbridge) are for
household waste from residents of the county only. Trade waste is not accepted. Vans, pickups
and trailers over 1.8 m need a free van permit, and a permit allows twelve visits a year.

## Booking
From April 2026 a booked slot is needed for vans and trailers. Cars can turn up without
booking except on bank holidays, when every vehicle needs a slot. Slots are 15 minutes long
and can be booked up to 14 days ahead on the council website.

## What we take
Cardboard must be flattened. Garden waste goes loose, not in bags. Rubble and soil are limited
to three sacks per visit. Plasterboard goes in its own container at Millbrook and Fordbridge
only. Fridges, freezers, televisions and small electricals go to the electricals bay.

## What we refuse
Asbestos, gas bottles over 15 kg, tyres from vans and commercial vehicles, clinical waste and
unidentified chemicals. Staff may refuse a load that looks like trade waste and ask for proof
of address.

## Opening hours
Summer (April to September): 8am to 7pm. Winter (October to March): 8am to 4pm. Every depot
closes on one weekday: Millbrook and Upper Wickham on Tuesday, the others on Wednesday.
""",
    "depot_docs/hazardous_waste_handbook.md": """
# Staff handbook: hazardous items at the depots

## Paint
Water-based paint can be dried out and put with general waste. Solvent paint goes in the
hazardous locker; never pour it into the skip. Keep the locker locked outside opening hours.

## Batteries
Car batteries go on the pallet by the metal bay, terminals upwards. Household batteries go in
the drum at the kiosk. A lithium battery that is swollen or hot goes into the sand bin and the
duty supervisor is called.

## Suspected asbestos
Do not touch or break it. Refuse the load politely, give the resident the asbestos leaflet and
the number of the licensed collection service. Record the visit with the word "asbestos" in
the attendant note so the weekly report picks it up.

## Gas bottles
Small camping canisters go in the gas cage. Bottles over 15 kg are refused; the resident is
told to return them to the supplier.

## Spills
Use the spill kit in the kiosk, cone off the area and fill in an incident form within 24 hours.
""",
    "physio_docs/clinic_policies.md": """
# Riverside Physio: practice policies

## Appointments
Initial assessments last 45 minutes and follow-up sessions 30 minutes. Please arrive five
minutes early. We offer early slots from 7.30am on Mondays and Thursdays.

## Cancellations and missed appointments
Cancel at least 24 hours before your appointment. A late cancellation or missed appointment
is charged at the full session fee of 48 pounds. After two missed appointments without notice
the episode of care is closed and you are referred back to your GP.

## Fees
Self-paying patients pay 62 pounds for an assessment and 48 pounds for a follow-up. Insured
patients must bring their authorisation code; we invoice the insurer directly. Receipts are
emailed within two working days.

## Home exercise programmes
Every patient receives a written or app-based home programme. Doing the exercises most days is
the strongest predictor of a good outcome in our own audit.

## Discharge
We discharge when goals are met, when progress has stopped for three sessions, or when a
patient stops attending. The discharge letter goes to the GP within a week.
""",
    "physio_docs/knee_replacement_rehab.md": """
# After your knee replacement: a guide from Riverside Physio

## Weeks 0-2
Walk little and often with your frames or crutches. Do the ankle pumps, static quads and heel
slides three times a day. Ice for 15 minutes after exercise to control swelling.

## Weeks 2-6
Aim to bend the knee to 90 degrees by week six. Start step-ups on a low step and sit-to-stand
from a firm chair. Most people move to one stick around week four.

## Weeks 6-12
Build up walking distance by about 10 percent a week. Stationary cycling is encouraged once you
reach 100 degrees of bend. Driving is usually possible after six weeks if you can do an
emergency stop.

## When to call us
Call if the calf is hot, red or swollen, if the wound leaks, or if pain suddenly increases.
""",
    "coop_docs/share_offer_2026.md": """
# Brightfields Community Energy: share offer 2026

## What the money is for
The co-operative is raising 180,000 pounds to put 120 kWp of panels on Hartley Farm Barn and a
battery at the Village Hall. The offer opens on 1 March and closes on 31 May 2026.

## Who can invest
Anyone over 16 can buy shares. The minimum holding is 100 pounds and the maximum is 20,000
pounds. Every member has one vote at general meetings, whatever the size of their holding.

## Interest
The board aims to pay member interest of 4 percent a year from the third year, paid each
November. Interest is not guaranteed and depends on generation and the electricity price.

## Withdrawing shares
Shares cannot be sold to another person. They can be withdrawn at face value after three years,
with three months' notice, at the board's discretion. Shares of a member who dies can be
withdrawn by their estate or transferred to a family member.

## Risks
You could lose some or all of your money. Shares are not covered by the Financial Services
Compensation Scheme.
""",
    "coop_docs/agm_minutes_2026.md": """
# Minutes of the annual general meeting, 14 October 2026

Present: 63 members in the Village Hall and 18 online. The chair opened the meeting at 7.05pm.

## Generation report
The five sites generated 212 MWh in the year to August, 6 percent above forecast. The Church
Rooms inverter failed in June and was replaced under warranty after nine days.

## Finance
Member interest of 3.5 percent was approved, to be paid in November. The community fund will
receive 4,200 pounds for the school's energy-saving projects.

## Board elections
Two directors stood down. Anita Roy and Gareth Hughes were elected unopposed. Proxy votes were
received from 21 members.

## Any other business
Members asked for a monthly generation newsletter and for battery storage at the school. The
board will report on both at the spring members' meeting.
""",
    "coop_docs/site_maintenance.txt": """
Brightfields Community Energy - maintenance notes for volunteer site wardens

Panels are cleaned twice a year, in April and September, by the contractor. Wardens must not go
on roofs. Each warden checks the inverter display once a week and writes the reading in the
log.

Error 31 on the school inverter means grid voltage out of range; note the time and report it
to the operations director by email. A WARN status for more than two days is also reported.

If generation is zero on a sunny day, check the isolator switch in the plant room first. If the
isolator is on, report a fault. Never open the inverter cover.

Bird nesting under the barn panels is checked in March before the nesting season. Any cracked
panel is photographed from the ground and reported.
""",
}


# --------------------------------------------------------------------------- rules files

FEEDBACK_RULES = [
    {
        "name": "queue_words",
        "label": "queues",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["queue", "waited", "line of cars"],
    },
    {
        "name": "rude_or_helpful",
        "label": "staff",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["rude", "helpful", "attendants", "lad"],
    },
    {
        "name": "hours_words",
        "label": "opening_hours",
        "kind": "regex",
        "column": "comment",
        "pattern": r"\b(closed|open|hours|shut)\b",
        "ignore_case": True,
    },
    {
        "name": "booking_words",
        "label": "booking",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["booking", "book", "slot"],
    },
    {
        "name": "dumped",
        "label": "fly_tipping",
        "kind": "keyword",
        "column": "comment",
        "keywords": ["dumped", "fly tipping", "left by the entrance"],
    },
]

RECEPTION_RULES = [
    {
        "name": "move_slot",
        "label": "reschedule",
        "kind": "keyword",
        "column": "message",
        "keywords": ["move", "change my slot", "later on"],
    },
    {
        "name": "cancel_word",
        "label": "cancel",
        "kind": "keyword",
        "column": "message",
        "keywords": ["cancel"],
    },
    {
        "name": "first_time",
        "label": "new_booking",
        "kind": "keyword",
        "column": "message",
        "keywords": ["book", "assessment", "first time"],
    },
    {
        "name": "money",
        "label": "billing",
        "kind": "regex",
        "column": "message",
        "pattern": r"(charged|receipt|invoice|how much|refund)",
        "ignore_case": True,
    },
    {
        "name": "exercise",
        "label": "exercise_question",
        "kind": "keyword",
        "column": "message",
        "keywords": ["exercise", "reps", "band"],
    },
]

EMAIL_RULES = [
    {
        "name": "interest_mentions",
        "label": "dividend",
        "kind": "keyword",
        "column": "body",
        "keywords": ["dividend", "interest"],
    },
    {
        "name": "transfer_or_withdraw",
        "label": "share_transfer",
        "kind": "keyword",
        "column": "body",
        "keywords": ["transfer", "withdraw", "name"],
    },
    {
        "name": "meeting",
        "label": "agm",
        "kind": "regex",
        "column": "body",
        "pattern": r"\b(agm|annual general meeting|proxy)\b",
        "ignore_case": True,
    },
    {
        "name": "kit_problem",
        "label": "panel_fault",
        "kind": "keyword",
        "column": "body",
        "keywords": ["error", "cracked", "beeping", "inverter"],
    },
]


def main(out: Path) -> None:
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)

    visits = depot_visits(rng, 900)
    visits.insert(0, "visit_ref", [f"V{26000 + i}" for i in range(len(visits))])
    write_csv(visits.iloc[:560], out / "depot_visits.csv")
    write_csv(visits.iloc[560:760], out / "depot_visits_test.csv")
    new = visits.iloc[760:].drop(columns=["contaminated", "refused_entry", "needed_help"])
    write_csv(new, out / "depot_visits_this_week.csv")

    fb = public_feedback(rng, 420)
    gold_rows = fb[fb["topic"] == ""].sample(90, random_state=SEED)
    write_csv(
        gold_rows[["feedback_no", "_true"]].rename(columns={"_true": "topic"}),
        out / "feedback_checked_by_sam.csv",
    )
    write_csv(fb.drop(columns=["_true"]), out / "public_feedback.csv")
    write_json(FEEDBACK_RULES, out / "feedback_topic_rules.json")
    write_csv(skip_weighings(rng, 300), out / "skip_weighbridge.csv")

    eps = episodes(rng, 820, 41000)
    write_csv(eps.iloc[:520], out / "episodes_2025.csv")
    write_csv(eps.iloc[520:700], out / "episodes_2026_jan_jun.csv")
    write_csv(
        eps.iloc[700:].drop(columns=["discharge_outcome", "missed_any_appt", "sessions_attended"]),
        out / "waiting_list.csv",
    )
    msgs = reception_messages(rng, 360)
    gold_m = msgs[msgs["msg_type"] == ""].sample(80, random_state=SEED)
    write_csv(
        gold_m[["msg_id", "_true"]].rename(columns={"_true": "correct_type"}),
        out / "reception_gold.csv",
    )
    write_csv(msgs.drop(columns=["_true"]), out / "reception_inbox.csv")
    write_json(RECEPTION_RULES, out / "reception_rules.json")

    apps = applications(rng, 700, 1000)
    write_csv(apps.iloc[:450], out / "member_applications.csv")
    write_csv(apps.iloc[450:600], out / "applications_holdout.csv")
    write_csv(
        apps.iloc[600:].drop(columns=["roof_suitable", "membership_approved"]),
        out / "applications_pending.csv",
    )
    write_csv(generation_log(rng, 360), out / "generation_log.csv")
    mail = member_emails(rng, 300)
    gold_e = mail[mail["query_type"] == ""].sample(70, random_state=SEED)
    write_csv(
        gold_e[["email_ref", "_true"]].rename(columns={"_true": "query_type"}),
        out / "emails_handlabelled.csv",
    )
    write_csv(mail.drop(columns=["_true"]), out / "member_emails.csv")
    write_json(EMAIL_RULES, out / "email_rules.json")

    for rel, text in DOCS.items():
        write_text(text, out / rel)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
