"""Write heldout12's invented data (a ski resort, a dairy farm, a help desk) into a folder."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 1212


def pick(rng: np.random.Generator, options: list[str]) -> str:
    """One of the options, uniformly."""
    return options[int(rng.integers(len(options)))]


# --------------------------------------------------------------------------- ski resort

LIFTS = ["Summit Gondola", "Eagle Chair", "Ridge Quad", "Nursery T-bar", "Valley Six"]


def lift_sensors(rng: np.random.Generator) -> pd.DataFrame:
    """Lift telemetry every 15 minutes, with sensor glitches and a few reported faults."""
    n = 720
    start = pd.Timestamp("2026-01-10 08:30")
    rows = []
    for i in range(n):
        lift = LIFTS[i % len(LIFTS)]
        wind = float(np.clip(rng.gamma(3.0, 5.0), 0, 95))
        motor = float(rng.normal(58 if "Gondola" in lift else 52, 4))
        vib = float(abs(rng.normal(2.1, 0.5)))
        speed = float(rng.normal(5.0 if "Gondola" in lift else 2.3, 0.15))
        tension = float(rng.normal(142 if "Gondola" in lift else 96, 5))
        brake = float(rng.normal(118, 4))
        fault = "no"
        if rng.random() < 0.035:
            fault = "yes"
            motor += float(rng.normal(18, 4))
            vib += float(rng.normal(4.5, 1.0))
            speed *= 0.6
            brake -= float(rng.normal(20, 4))
        rows.append(
            {
                "reading_id": f"LS-{i + 1:06d}",
                "lift": lift,
                "recorded_at": (start + pd.Timedelta(minutes=15 * (i // len(LIFTS)))).strftime(
                    "%Y-%m-%d %H:%M"
                ),
                "wind_kmh": round(wind, 1),
                "motor_temp_c": round(motor, 1),
                "gearbox_vibration_mm_s": round(vib, 2),
                "rope_speed_m_s": round(speed, 2),
                "rope_tension_kn": round(tension, 1),
                "brake_pressure_bar": round(brake, 1),
                "fault_reported": fault,
            }
        )
    frame = pd.DataFrame(rows)
    glitches = rng.choice(n, size=14, replace=False)
    for k, idx in enumerate(glitches):
        if k % 3 == 0:
            frame.loc[idx, "motor_temp_c"] = 850.0
        elif k % 3 == 1:
            frame.loc[idx, "wind_kmh"] = -40.0
        else:
            frame.loc[idx, "rope_tension_kn"] = 0.0
    return frame


FEEDBACK = {
    "lifts": {
        "positive": [
            "The new {lift} is so quick, we never queued more than five minutes.",
            "Loved the heated seats on the {lift}, made the cold morning bearable.",
            "Lift staff kept the {lift} line moving really well on Saturday.",
        ],
        "negative": [
            "The {lift} stopped three times and we sat swinging in the wind for ages.",
            "Queue at the {lift} was over forty minutes at 10am, ridiculous.",
            "{lift} was closed all afternoon with no announcement, we walked down.",
            "Chair on the {lift} had a broken safety bar, please fix it.",
        ],
    },
    "grooming": {
        "positive": [
            "Corduroy on {slope} first thing was perfect, best groomed runs in the area.",
            "The pistes were beautifully prepared, {slope} was a dream.",
        ],
        "negative": [
            "{slope} was sheet ice by eleven, nobody groomed it overnight.",
            "Huge moguls and bare patches on {slope}, the snow cats must have skipped it.",
            "Piste markers on {slope} were missing and the run was full of rocks.",
        ],
    },
    "food": {
        "positive": [
            "The goulash soup at {hut} was fantastic and fairly priced.",
            "Great apple strudel at {hut}, friendly service too.",
        ],
        "negative": [
            "Paid 19 euros for a cold burger at {hut}, never again.",
            "{hut} ran out of vegetarian options by noon and the toilets were filthy.",
            "Waited 35 minutes for chips at {hut}, the kitchen was chaos.",
        ],
    },
    "staff": {
        "positive": [
            "Our instructor {name} was patient and the kids loved the ski school.",
            "{name} at the rental desk sorted my boots in two minutes, thank you!",
            "Ski patrol helped my daughter after a fall, very kind and professional.",
        ],
        "negative": [
            "The woman at the ticket desk was rude when I asked about the family discount.",
            "Instructor {name} was on his phone half the lesson.",
            "Nobody at the info point could tell us which runs were open.",
        ],
    },
    "prices": {
        "positive": [
            "The online early-bird day pass was a real bargain.",
            "Good value family ticket, cheaper than the resorts nearby.",
        ],
        "negative": [
            "A day pass at 72 euros is too expensive for half the runs being closed.",
            "Parking charge on top of the lift ticket feels like a rip-off.",
            "No refund when the upper mountain closed for wind, that's not fair.",
        ],
    },
}
SLOPES = ["the Black Ridge run", "Schuss 7", "the blue Meadow run", "Fox Trail", "the red Kanzel"]
HUTS = ["the Summit Hut", "Almstube", "the base lodge cafe", "Gipfelrestaurant"]
NAMES = ["Jonas", "Marta", "Luca", "Anneke", "Tom", "Sofie"]
EXTRAS = [
    "",
    "",
    "",
    " Otherwise a nice day.",
    " We come every year.",
    " First visit for us.",
    " Will tell friends.",
    " Weather was great though.",
]


def guest_feedback(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Guest comments with a partly filled topic, and a small hand-labelled sentiment file."""
    n = 650
    topics = list(FEEDBACK)
    rows, sentiments = [], []
    start = pd.Timestamp("2026-01-02")
    for i in range(n):
        topic = topics[int(rng.choice(len(topics), p=[0.3, 0.2, 0.18, 0.17, 0.15]))]
        sentiment = "negative" if rng.random() < 0.58 else "positive"
        text = pick(rng, FEEDBACK[topic][sentiment]).format(
            lift=pick(rng, LIFTS),
            slope=pick(rng, SLOPES),
            hut=pick(rng, HUTS),
            name=pick(rng, NAMES),
        )
        text = text[0].upper() + text[1:] + pick(rng, EXTRAS)
        rows.append(
            {
                "feedback_id": 5001 + i,
                "submitted_on": (start + pd.Timedelta(days=int(rng.integers(0, 70)))).strftime(
                    "%Y-%m-%d"
                ),
                "channel": pick(rng, ["app", "email", "front desk", "survey card"]),
                "guest_type": pick(
                    rng, ["day visitor", "season pass", "hotel guest", "ski school parent"]
                ),
                "comment": text,
                "topic": topic if rng.random() < 0.15 else None,
            }
        )
        sentiments.append(sentiment)
    frame = pd.DataFrame(rows)
    chosen = np.sort(rng.choice(n, size=70, replace=False))
    labelled = pd.DataFrame(
        {
            "feedback_id": frame.loc[chosen, "feedback_id"].to_numpy(),
            "sentiment": [sentiments[i] for i in chosen],
        }
    )
    return frame, labelled


def ticket_sales(rng: np.random.Generator) -> pd.DataFrame:
    """Last season's ticket sales and whether the guest came back this season."""
    n = 1100
    types = {
        "half day": 41,
        "day pass": 64,
        "3-day pass": 168,
        "week pass": 310,
        "season pass": 590,
    }
    rows = []
    for i in range(n):
        ticket = pick(rng, list(types))
        channel = pick(rng, ["online", "ticket office", "hotel partner"])
        school = "yes" if rng.random() < 0.25 else "no"
        rental = "yes" if rng.random() < 0.4 else "no"
        days = (
            int(rng.integers(1, 4))
            if ticket in ("half day", "day pass")
            else int(rng.integers(3, 30))
        )
        distance = float(np.round(rng.gamma(2.0, 60.0), 1))
        logit = (
            -0.6
            + (1.6 if ticket == "season pass" else 0.0)
            + 0.05 * days
            - 0.006 * distance
            + (0.5 if school == "yes" else 0.0)
            + (0.3 if channel == "online" else 0.0)
        )
        returned = "yes" if rng.random() < 1 / (1 + np.exp(-logit)) else "no"
        rows.append(
            {
                "sale_id": 80001 + i,
                "guest_id": f"G{int(rng.integers(10000, 99999))}",
                "purchase_date": (
                    pd.Timestamp("2024-12-01") + pd.Timedelta(days=int(rng.integers(0, 120)))
                ).strftime("%Y-%m-%d"),
                "ticket_type": ticket,
                "price_eur": types[ticket] + int(rng.integers(-5, 6)),
                "channel": channel,
                "age_group": pick(rng, ["child", "youth", "adult", "senior"]),
                "party_size": int(rng.integers(1, 7)),
                "ski_school": school,
                "rental": rental,
                "days_on_slope": days,
                "home_distance_km": distance,
                "returned": returned,
            }
        )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- dairy farm


def herd_records(rng: np.random.Generator) -> pd.DataFrame:
    """Weekly milk recording and health readings per cow, health_flag partly filled."""
    n = 840
    cows = [f"C-{k:03d}" for k in range(101, 221)]
    breeds = {c: pick(rng, ["Holstein", "Holstein", "Jersey", "Brown Swiss"]) for c in cows}
    rows = []
    for i in range(n):
        cow = cows[i % len(cows)]
        week = i // len(cows)
        status = str(rng.choice(["healthy", "mastitis", "lame"], p=[0.74, 0.14, 0.12]))
        dim = int(rng.integers(5, 320))
        base = {"Holstein": 31.0, "Jersey": 22.0, "Brown Swiss": 27.0}[breeds[cow]]
        milk = base - 0.03 * max(dim - 60, 0) + rng.normal(0, 2.5)
        scc = float(rng.lognormal(4.6, 0.5))
        temp = float(rng.normal(38.6, 0.25))
        rum = float(rng.normal(510, 40))
        steps = float(rng.normal(2400, 350))
        if status == "mastitis":
            milk -= rng.normal(5, 1.5)
            scc = float(rng.lognormal(6.4, 0.5))
            temp += float(rng.normal(0.9, 0.3))
        elif status == "lame":
            milk -= rng.normal(2.5, 1.0)
            steps -= float(rng.normal(1100, 250))
            rum -= float(rng.normal(70, 25))
        rows.append(
            {
                "record_id": 30001 + i,
                "cow_id": cow,
                "record_date": (
                    pd.Timestamp("2026-09-07") + pd.Timedelta(weeks=week) + pd.Timedelta(days=0)
                ).strftime("%Y-%m-%d"),
                "breed": breeds[cow],
                "lactation": int(rng.integers(1, 7)),
                "days_in_milk": dim,
                "milk_kg": round(float(max(milk, 3.0)), 1),
                "fat_pct": round(
                    float(rng.normal(4.9 if breeds[cow] == "Jersey" else 4.0, 0.3)), 2
                ),
                "protein_pct": round(float(rng.normal(3.4, 0.2)), 2),
                "scc_thousand": int(round(scc)),
                "rumination_min": int(round(rum)),
                "body_temp_c": round(temp, 1),
                "steps": int(round(max(steps, 150))),
                "health_flag": status if rng.random() < 0.22 else None,
            }
        )
    return pd.DataFrame(rows)


def milking_machine(rng: np.random.Generator) -> pd.DataFrame:
    """Parlour readings per milking, with a few broken sensor values and real failures."""
    n = 960
    rows = []
    for i in range(n):
        session = "morning" if (i // 24) % 2 == 0 else "evening"
        day = i // 48
        hour = 5 if session == "morning" else 16
        rows.append(
            {
                "reading_id": 700001 + i,
                "stall": i % 24 + 1,
                "session": session,
                "recorded_at": (
                    pd.Timestamp("2026-10-01")
                    + pd.Timedelta(days=day, hours=hour, minutes=2 * (i % 24))
                ).strftime("%Y-%m-%d %H:%M"),
                "vacuum_kpa": round(float(rng.normal(42.0, 0.6)), 1),
                "pulsation_per_min": int(round(rng.normal(60, 1.5))),
                "flow_kg_min": round(float(rng.normal(2.6, 0.35)), 2),
                "duration_min": round(float(rng.normal(6.5, 0.9)), 1),
                "conductivity_ms": round(float(rng.normal(5.1, 0.3)), 2),
                "milk_temp_c": round(float(rng.normal(37.4, 0.3)), 1),
                "liner_milkings": int(rng.integers(50, 2500)),
            }
        )
    frame = pd.DataFrame(rows)
    bad = rng.choice(n, size=22, replace=False)
    for k, idx in enumerate(bad):
        kind = k % 5
        if kind == 0:
            frame.loc[idx, "vacuum_kpa"] = round(float(rng.normal(31, 1.5)), 1)
        elif kind == 1:
            frame.loc[idx, "pulsation_per_min"] = int(rng.integers(95, 130))
        elif kind == 2:
            frame.loc[idx, "conductivity_ms"] = round(float(rng.normal(8.6, 0.4)), 2)
            frame.loc[idx, "flow_kg_min"] = round(float(rng.normal(1.1, 0.2)), 2)
        elif kind == 3:
            frame.loc[idx, "milk_temp_c"] = 0.0
        else:
            frame.loc[idx, "duration_min"] = round(float(rng.normal(19, 2)), 1)
            frame.loc[idx, "liner_milkings"] = int(rng.integers(4200, 6000))
    return frame


VET_NOTES = """# Vet notes for Brookside Farm

Dr. Ingrid Vos, Dairy Herd Health Practice. Notes from the quarterly herd visits, kept for the
farm team and the relief milkers.

## Mastitis

Mastitis is an inflammation of the udder, usually caused by bacteria entering through the teat
canal. Clinical mastitis shows as clots or watery milk, a swollen or hot quarter and sometimes a
fever above 39.5 degrees. Subclinical mastitis has no visible signs, which is why the somatic
cell count matters.

If a cow's individual somatic cell count stays above 200,000 cells per millilitre for two
recordings in a row, she should be checked with the California Mastitis Test before the next
milking. A rising conductivity reading in the parlour is often the first sign of a problem in
one quarter.

Treated cows are marked with red tape on both hind legs. Their milk must be kept out of the
bulk tank for the full withdrawal period printed on the tube, which is usually 84 hours for the
intramammary product we use on this farm.

## Lameness

Lameness is the second most costly health problem on the farm after mastitis. Most lame cows on
Brookside have sole ulcers or digital dermatitis, also called Mortellaro. A cow with a locomotion
score of 3 or more walks with an arched back and takes short strides.

Cows with low step counts on the pedometer and falling rumination time should be locomotion
scored within a day. The foot bath is filled with 4 percent formalin solution and should be
changed after every 200 cow passes. The hoof trimmer visits every eight weeks; cows scoring 3
go on the list for the next visit, cows scoring 4 are trimmed the same week.

## Ketosis and transition cows

Ketosis is a metabolic disorder in early lactation, when a cow uses body fat faster than her
liver can process it. It is most common in the first three weeks after calving. A fat to
protein ratio above 1.5 in the milk recording is a warning sign.

Fresh cows are tested with a blood ketone meter on days 5 and 10 after calving. A reading above
1.2 millimoles per litre is treated with 300 ml of propylene glycol by mouth for three days.

## Dry-off and calving

Cows are dried off about 60 days before the expected calving date. At dry-off every quarter
receives an internal teat sealant; cows with a high cell count also get dry cow antibiotic
after a culture result. The dry cow group is moved to the straw yard, which is bedded twice a
week.

Calving cows are checked every two hours at night. If no progress is seen 30 minutes after the
water bag appears, the vet on call should be phoned. Calves receive 4 litres of colostrum within
the first six hours of life.

## Vaccinations and records

The herd is vaccinated against BVD and leptospirosis every spring, and calves receive the
pneumonia vaccine at three weeks of age. Every treatment is written in the medicine book with
the cow number, product, dose, date and withdrawal time, because the dairy inspector checks the
book at every audit.
"""


# --------------------------------------------------------------------------- help desk

CLIENTS = [
    "Hartley Logistics",
    "Mosaic Health",
    "Fennwick Bank",
    "Quayside Retail",
    "Orbis Insurance",
    "Tandem Foods",
    "Kestrel Energy",
]
COMPONENTS = [
    "billing module",
    "REST API",
    "reporting dashboard",
    "mobile app",
    "SSO login",
    "data import",
]
TICKETS = {
    "urgent": [
        (
            "Production down",
            "Our production instance of the {comp} is down since {time}, none of our {n} users can work. Please call us immediately.",
        ),
        (
            "Outage - all users affected",
            "Complete outage of the {comp}. Every request returns a 503 and our customers are complaining. This is critical.",
        ),
        (
            "Data loss after release",
            "After last night's deployment records are missing from the {comp}. We may have lost data for {n} accounts, urgent.",
        ),
        (
            "Security issue",
            "We think the {comp} exposes other tenants' data. A user saw invoices of another company. Escalate now please.",
        ),
    ],
    "high": [
        (
            "{comp} failing for finance team",
            "The {comp} fails with a timeout for the whole finance team since the update. No workaround, month-end close is on Friday.",
        ),
        (
            "Payments not processed",
            "Batch payments in the {comp} are stuck in pending state. About {n} invoices affected, deadline tomorrow.",
        ),
        (
            "Broken after upgrade",
            "Since the upgrade the {comp} throws an error 500 when saving. Blocking our team, please prioritise.",
        ),
    ],
    "medium": [
        (
            "Export sometimes fails",
            "Exporting from the {comp} fails now and then, retrying usually works. Could you look into it this week?",
        ),
        (
            "Wrong totals in report",
            "The {comp} shows wrong totals when filtering by region. We use a spreadsheet as a workaround for now.",
        ),
        (
            "Slow loading",
            "The {comp} has become slow, pages take {n} seconds to load. It still works but it is annoying.",
        ),
    ],
    "low": [
        (
            "Typo on screen",
            "Small typo on the {comp} settings page: 'recieve' should be 'receive'. No rush.",
        ),
        (
            "Feature request",
            "Would be nice if the {comp} could remember the last used filter. Just an idea for a future release.",
        ),
        (
            "Question about docs",
            "Quick question: where do I find the documentation for the {comp}? Not urgent.",
        ),
        (
            "Cosmetic issue",
            "The logo in the {comp} looks blurry on large screens. Cosmetic only, whenever you have time.",
        ),
    ],
}
PRIORITY_P = [0.12, 0.23, 0.38, 0.27]
GREETINGS = ["", "", "Hi team, ", "Hello, ", "Good morning, ", "Hi support, "]
SIGN_OFFS = [
    "",
    " Thanks.",
    " Regards, Dana",
    " Best, Mark (IT)",
    " Cheers, Olu",
    " Thank you, Ines",
]


def tickets(
    rng: np.random.Generator, n: int, first: int, start: str, fill: float | None
) -> pd.DataFrame:
    """Support tickets; `fill` is the share with a priority (None: no priority column)."""
    levels = list(TICKETS)
    rows = []
    t0 = pd.Timestamp(start)
    for i in range(n):
        level = levels[int(rng.choice(len(levels), p=PRIORITY_P))]
        subject, body = TICKETS[level][int(rng.integers(len(TICKETS[level])))]
        comp = pick(rng, COMPONENTS)
        fields = {
            "comp": comp,
            "time": pick(rng, ["8:40", "this morning", "02:00 UTC", "lunch"]),
            "n": int(rng.integers(3, 400)),
        }
        row = {
            "ticket_id": f"HD-{first + i}",
            "opened_at": (t0 + pd.Timedelta(minutes=int(rng.integers(0, 60 * 24 * 6)))).strftime(
                "%Y-%m-%d %H:%M"
            ),
            "client": pick(rng, CLIENTS),
            "component": comp,
            "channel": pick(rng, ["email", "phone", "portal"]),
            "subject": subject.format(**fields),
            "description": pick(rng, GREETINGS) + body.format(**fields) + pick(rng, SIGN_OFFS),
        }
        if fill is not None:
            row["priority"] = level if rng.random() < fill else None
        rows.append(row)
    return pd.DataFrame(rows)


PRIORITY_RULES = [
    {
        "name": "production_down",
        "label": "urgent",
        "kind": "keyword",
        "column": "description",
        "keywords": ["production", "outage", "data loss", "lost data", "critical"],
    },
    {
        "name": "security",
        "label": "urgent",
        "kind": "regex",
        "column": "description",
        "pattern": "(other tenants|exposes|security)",
        "ignore_case": True,
    },
    {
        "name": "blocking_deadline",
        "label": "high",
        "kind": "keyword",
        "column": "description",
        "keywords": ["no workaround", "blocking", "deadline", "stuck"],
    },
    {
        "name": "has_workaround",
        "label": "medium",
        "kind": "keyword",
        "column": "description",
        "keywords": ["workaround", "sometimes", "slow", "retrying"],
    },
    {
        "name": "no_rush",
        "label": "low",
        "kind": "keyword",
        "column": "description",
        "keywords": ["no rush", "not urgent", "cosmetic", "typo", "just an idea"],
    },
]

HANDBOOK = """# Brightlane Consulting: help desk onboarding handbook

Welcome to the support team. This handbook explains how we handle client tickets, who to call
and what we promise our clients. Read it in your first week and keep it open during your first
shifts.

## Ticket priorities

Every ticket gets one of four priorities when it is triaged. Urgent means a production system is
down, data is lost or there is a security incident; urgent tickets are answered within 30
minutes, day and night. High means a feature is broken for a whole team with no workaround; high
tickets are answered within 4 business hours. Medium means something is broken but a workaround
exists, and the answer is due within 2 business days. Low covers questions, typos, cosmetic
problems and feature requests, answered within 5 business days.

If you are unsure between two priorities, choose the higher one and tell the shift lead. The
client may ask for a higher priority, but the shift lead decides.

## Triage routine

Triage is the first look at a new ticket, done within 15 minutes of its arrival. During triage
you set the priority, the component and the client's contract tier, and you check whether a
known issue already covers the problem. A duplicate ticket is linked to the original and closed
with a polite note.

Tickets from phone calls are written up by the person who took the call, in the client's words,
before the end of the call.

## Escalation

An urgent ticket is escalated to the on-call engineer at once by phone, not by chat. If the
on-call engineer does not answer within 10 minutes, call the engineering manager. Security
incidents are also reported to the security officer, Priya Raman, who decides whether clients
must be informed.

A high ticket that has had no progress for one business day is escalated to the shift lead.

## Tools we use

Tickets live in the help desk portal. The status page is updated by the shift lead during any
outage that affects more than one client. Internal discussion happens in the support channel;
never paste client data into chat.

## Working hours and on-call

The desk is staffed from 7:00 to 19:00 on weekdays. Outside those hours one engineer is on call
for urgent tickets only. On-call shifts last one week and rotate every Monday at 9:00. The
on-call allowance is paid with the next month's salary.

## Your first month

In your first two weeks you shadow an experienced colleague and triage tickets only with a
buddy. From week three you handle low and medium tickets on your own. After the first month
your shift lead reviews ten of your tickets with you.
"""


def main(out: Path) -> None:
    """Write every file of the corpus into `out`."""
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)
    lift_sensors(rng).to_csv(out / "lift_sensors.csv", index=False)
    feedback, labelled = guest_feedback(rng)
    feedback.to_csv(out / "guest_feedback.csv", index=False)
    labelled.to_csv(out / "feedback_labelled.csv", index=False)
    ticket_sales(rng).to_csv(out / "ticket_sales.csv", index=False)
    herd_records(rng).to_csv(out / "herd_records.csv", index=False)
    milking_machine(rng).to_csv(out / "milking_machine.csv", index=False)
    (out / "vet_notes.md").write_text(VET_NOTES, encoding="utf-8")
    tickets(rng, 900, 24001, "2026-10-05", 0.2).to_csv(out / "support_tickets.csv", index=False)
    tickets(rng, 160, 25001, "2026-11-02", 1.0).to_csv(out / "tickets_test.csv", index=False)
    tickets(rng, 45, 25401, "2026-11-30", None).to_csv(out / "tickets_this_week.csv", index=False)
    (out / "onboarding_handbook.md").write_text(HANDBOOK, encoding="utf-8")
    (out / "priority_rules.json").write_text(
        json.dumps(PRIORITY_RULES, indent=2) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
