"""Write the fresh27 corpus's files into a folder: `python make_data.py DIR`.

The people: a zoo (animal health logs, visitor feedback, keeper notes), a wind-farm operator
(turbine SCADA readings, maintenance tickets), a law firm's document team (contracts, client
emails, matters) and a dog-grooming chain (bookings, customer messages, no-shows).
Deterministic (fixed seeds), offline, invented text; well under 2 MB in all.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd


def pick(rng: np.random.Generator, items: list[str], n: int, p: list[float] | None = None):
    return [items[i] for i in rng.choice(len(items), size=n, p=p)]


def blank_most(values: list[str], keep: int, rng: np.random.Generator) -> list[str | None]:
    """Keep `keep` values (at random positions), blank the rest: a partly filled label column."""
    kept = set(rng.choice(len(values), size=keep, replace=False).tolist())
    return [v if i in kept else None for i, v in enumerate(values)]


# ----------------------------------------------------------------------------------- zoo
SPECIES = {
    "Asian elephant": (3200, 36.1),
    "Sumatran tiger": (110, 38.6),
    "Red panda": (5.2, 38.2),
    "Chimpanzee": (48, 37.0),
    "Humboldt penguin": (4.3, 39.1),
    "Reticulated giraffe": (950, 38.4),
    "Meerkat": (0.75, 37.0),
    "Komodo dragon": (70, 30.5),
}
ENCLOSURES = {
    "Asian elephant": "Elephant House",
    "Sumatran tiger": "Big Cat Ridge",
    "Red panda": "Himalaya Trail",
    "Chimpanzee": "Primate Forest",
    "Humboldt penguin": "Penguin Cove",
    "Reticulated giraffe": "Savannah",
    "Meerkat": "Savannah",
    "Komodo dragon": "Reptile House",
}
OK_NOTES = [
    "ate all of the morning feed, bright and alert",
    "normal behaviour, engaged with enrichment puzzle",
    "good appetite, stool normal, no concerns",
    "active on exhibit most of the day, interacting with group",
    "weighed without fuss, coat looks good",
    "took meds hidden in fruit, settled afternoon",
    "swimming a lot today, vocal at feeding",
    "target training went well, calm during crate practice",
]
VET_NOTES = [
    "limping on left hind leg, reluctant to walk to the feed station",
    "left half of the diet untouched, lethargic, keep an eye",
    "discharge from right eye, rubbing face on branches",
    "loose stool twice this morning, drank less than usual",
    "isolated from group, hunched posture, breathing a bit fast",
    "small wound on flank, probably from sparring, cleaned",
    "refused food completely, lying down most of the day",
    "coughing after feed, nasal discharge noticed by second keeper",
]
KEEPERS = ["Amara O.", "Tom B.", "Lucia R.", "Ken W.", "Priya S.", "Jonas F."]


def zoo(out: Path, rng: np.random.Generator) -> None:
    n = 520
    names = list(SPECIES)
    species = pick(rng, names, n)
    flag = np.where(rng.random(n) < 0.22, "needs_vet", "ok")
    rows = []
    for i in range(n):
        sp = species[i]
        base_w, base_t = SPECIES[sp]
        sick = flag[i] == "needs_vet"
        weight = base_w * rng.normal(0.97 if sick else 1.0, 0.05)
        temp = base_t + rng.normal(0.7 if sick else 0.0, 0.35)
        appetite = (
            pick(rng, ["good", "reduced", "none"], 1, [0.2, 0.5, 0.3])[0]
            if sick
            else pick(rng, ["good", "reduced", "none"], 1, [0.88, 0.1, 0.02])[0]
        )
        note = (VET_NOTES if sick else OK_NOTES)[rng.integers(8)]
        if rng.random() < 0.15:  # keepers' notes cross over sometimes
            note = (OK_NOTES if sick else VET_NOTES)[rng.integers(8)]
        rows.append(
            {
                "log_id": f"HL-{2400 + i}",
                "date": (pd.Timestamp("2026-06-01") + pd.Timedelta(days=int(i // 6))).date(),
                "animal_id": f"{sp.split()[-1][:3].upper()}-{rng.integers(1, 7):02d}",
                "species": sp,
                "enclosure": ENCLOSURES[sp],
                "age_years": int(rng.integers(1, 40 if sp == "Asian elephant" else 18)),
                "weight_kg": round(float(weight), 2),
                "body_temp_c": round(float(temp), 1),
                "appetite": appetite,
                "activity_level": int(np.clip(rng.normal(2.5 if sick else 4, 1), 1, 5)),
                "keeper": KEEPERS[rng.integers(len(KEEPERS))],
                "keeper_note": note,
                "vet_flag": str(flag[i]),
            }
        )
    health = pd.DataFrame(rows)
    # data-entry slips: a weight in grams, a temp in Fahrenheit, a missing temp
    health.loc[17, "weight_kg"] = health.loc[17, "weight_kg"] * 1000
    health.loc[203, "body_temp_c"] = 101.3
    health.loc[377, "weight_kg"] = 0.0
    health.loc[[45, 46, 300], "body_temp_c"] = np.nan
    health["vet_flag"] = blank_most(health["vet_flag"].tolist(), 75, rng)
    health.to_csv(out / "animal_health_log.csv", index=False)

    # keeper notes: free text with a topic hand-labelled on some, more hand labels in a file
    topics = {
        "feeding": [
            "scatter feed in the morning, {a} ate most of the browse",
            "changed the diet sheet, {a} now gets extra fish at 3pm",
            "{a} ignored the new pellets, went back to old ones",
            "frozen fruit treats used up, order more for {a}",
        ],
        "behaviour": [
            "{a} pacing along the back fence again before opening",
            "group tension, {a} chased off twice by the dominant one",
            "{a} very playful with the younger ones today",
            "stereotypic swaying from {a} during the thunderstorm",
        ],
        "medical": [
            "vet checked {a}, antibiotics for 5 days, record doses",
            "{a} had dental exam under anaesthetic, recovering ok",
            "weight down again for {a}, vet wants weekly weighing",
            "{a} vaccinated, slight swelling at injection site",
        ],
        "enrichment": [
            "new hanging feeder for {a}, used it within minutes",
            "scent trail with spices, {a} followed it the whole way",
            "ice block with fish for {a}, lasted 40 minutes",
            "puzzle box rebuilt, {a} opened it faster than last week",
        ],
    }
    animals = ["Kamala", "Raja", "Pip", "Momo", "Zuri", "Bruno", "Tika", "Ola", "Nyx", "Sahib"]
    rows = []
    for i in range(360):
        topic = list(topics)[rng.integers(4)]
        text = topics[topic][rng.integers(4)].format(a=animals[rng.integers(len(animals))])
        if rng.random() < 0.3:
            text += ". " + pick(rng, ["rain all day", "busy visitor day", "short staffed"], 1)[0]
        rows.append(
            {
                "note_id": 9000 + i,
                "written_on": str(pd.Timestamp("2026-07-01") + pd.Timedelta(hours=int(i * 5))),
                "keeper": KEEPERS[rng.integers(len(KEEPERS))],
                "section": pick(rng, ["Mammals", "Birds", "Reptiles", "Primates"], 1)[0],
                "note": text,
                "_topic": topic,
            }
        )
    notes = pd.DataFrame(rows)
    gold_idx = rng.choice(len(notes), size=60, replace=False)
    notes.loc[gold_idx, ["note_id", "_topic"]].rename(columns={"_topic": "topic"}).to_csv(
        out / "keeper_notes_labels.csv", index=False
    )
    notes.drop(columns="_topic").to_csv(out / "keeper_notes.csv", index=False)

    # visitor feedback (sentiment partly filled) + a labelled test set
    pos = [
        "the penguin feeding talk was brilliant, kids loved it",
        "clean paths and friendly staff, great day out",
        "saw the tigers up close, worth every penny",
        "lovely cafe by the giraffes and lots of shade",
        "keeper at the elephant house answered all our questions",
    ]
    neg = [
        "queue for tickets was over an hour and no shade",
        "half the enclosures were empty or closed",
        "overpriced food and the toilets were dirty",
        "could not see the red pandas at all, very disappointing",
        "parking was a nightmare and staff were rude at the gate",
    ]
    neu = [
        "visited on a weekday, it was ok",
        "came for the reptile house, average visit",
        "map could be clearer, otherwise fine",
        "went with school group, nothing special to report",
    ]

    def feedback(n: int, start: int) -> pd.DataFrame:
        out_rows = []
        for i in range(n):
            s = pick(rng, ["positive", "negative", "neutral"], 1, [0.5, 0.3, 0.2])[0]
            bank = {"positive": pos, "negative": neg, "neutral": neu}[s]
            text = bank[rng.integers(len(bank))]
            if rng.random() < 0.4:
                text = text + " " + bank[rng.integers(len(bank))]
            rating = {"positive": [4, 5], "negative": [1, 2], "neutral": [3, 3, 4, 2]}[s]
            out_rows.append(
                {
                    "feedback_id": f"VF{start + i:05d}",
                    "visit_date": str(
                        (pd.Timestamp("2026-04-01") + pd.Timedelta(days=int(i % 180))).date()
                    ),
                    "ticket_type": pick(rng, ["adult", "family", "member", "school"], 1)[0],
                    "stars": int(rating[rng.integers(len(rating))]),
                    "comment": text,
                    "sentiment": s,
                }
            )
        return pd.DataFrame(out_rows)

    fb = feedback(600, 1)
    fb["sentiment"] = blank_most(fb["sentiment"].tolist(), 90, rng)
    fb.to_csv(out / "visitor_feedback.csv", index=False)
    feedback(150, 5001).to_csv(out / "visitor_feedback_test.csv", index=False)

    docs = out / "zoo_docs"
    docs.mkdir(exist_ok=True)
    (docs / "animal_care_handbook.md").write_text(ZOO_HANDBOOK, encoding="utf-8")
    (docs / "visitor_faq.md").write_text(ZOO_FAQ, encoding="utf-8")


ZOO_HANDBOOK = """# Animal Care Handbook (keepers' edition)

## Daily checks

Every animal is seen by its keeper before 9:00. The morning check covers posture, breathing,
appetite and droppings. A keeper who sees lameness, discharge or refusal of food flags the
animal for the vet in the health log before the end of the shift.

Body weight is recorded weekly for primates and big cats and monthly for elephants. A weight
loss of more than 5 percent in a month is reported to the curator.

## Feeding

Diet sheets are set by the nutritionist and reviewed every six months. Keepers never change
a diet without a signed diet sheet. Scatter feeding is used for meerkats and primates because
it encourages natural foraging.

Penguins are fed twice a day, at 10:30 and 15:00, and each bird's fish intake is counted.
Vitamin tablets are hidden in the first fish of the day.

## Enrichment

Enrichment is scheduled on a rolling calendar so that no item repeats within five days. Every
new enrichment item is safety-checked by two keepers before it goes in. Ice blocks are used
in summer when the temperature is above 25 degrees.

## Veterinary procedures

Anaesthesia requires fasting of 12 hours for most mammals and 24 hours for elephants. The vet
team keeps the controlled drugs register, which is audited monthly. If an animal dies, a
post-mortem is arranged within 24 hours and the studbook keeper is informed.

## Quarantine

New arrivals stay in quarantine for at least 30 days. Quarantine keepers change boots and
overalls between the quarantine unit and the main collection.
"""

ZOO_FAQ = """# Visitor FAQ

## Opening times

The zoo is open every day except 25 December. Summer opening is 9:30 to 18:00 and winter
opening is 10:00 to 16:00. Last entry is one hour before closing.

## Tickets and membership

Children under 3 enter free. A family ticket covers two adults and up to three children.
Annual members get free entry and a 10 percent discount in the cafe and shop.

## Keeper talks

The penguin feeding talk is at 10:30 and 15:00. The elephant talk is at 12:00 on weekends.
Talks are cancelled when the weather is unsafe for keepers.

## Accessibility

All main paths are step-free. Wheelchairs can be borrowed free of charge from the main gate
and must be booked a day in advance at weekends. Assistance dogs are welcome except in the
walk-through aviary and the Himalaya Trail.

## Picnics and food

Visitors may bring their own picnic. Feeding the animals is not allowed because their diets
are set by the nutritionist.
"""


# ------------------------------------------------------------------------------- wind farm
def windfarm(out: Path, rng: np.random.Generator) -> None:
    def scada(n: int, start: int, labelled: bool) -> pd.DataFrame:
        turbine = [f"WTG-{k:02d}" for k in rng.integers(1, 25, size=n)]
        wind = np.clip(rng.weibull(2.0, n) * 8.5, 0, 28)
        status = np.array(pick(rng, ["normal", "derated", "fault"], n, [0.78, 0.15, 0.07]))
        rated = 3600.0
        power = np.clip(rated / (1 + np.exp(-(wind - 9.5) / 1.4)), 0, rated)
        power[wind < 3.2] = 0
        power[wind > 25] = 0
        power = np.where(status == "derated", power * rng.uniform(0.4, 0.7, n), power)
        power = np.where(status == "fault", power * rng.uniform(0, 0.15, n), power)
        power = power + rng.normal(0, 40, n)
        rpm = np.clip(wind * 1.45 + rng.normal(0, 0.6, n), 0, 16)
        rpm = np.where(status == "fault", rpm * rng.uniform(0, 0.5, n), rpm)
        gear = 48 + power / 120 + rng.normal(0, 3, n) + np.where(status == "fault", 14, 0)
        bearing = 38 + power / 180 + rng.normal(0, 2.5, n) + np.where(status != "normal", 6, 0)
        vib = np.abs(rng.normal(2.2, 0.6, n)) + np.where(status == "fault", 3.5, 0)
        frame = pd.DataFrame(
            {
                "reading_id": [f"R{start + i:06d}" for i in range(n)],
                "timestamp": [
                    str(pd.Timestamp("2026-09-01") + pd.Timedelta(minutes=10 * i)) for i in range(n)
                ],
                "turbine_id": turbine,
                "wind_speed_ms": wind.round(2),
                "rotor_rpm": rpm.round(2),
                "active_power_kw": power.round(1),
                "pitch_angle_deg": np.clip(rng.normal(2, 4, n) + (wind > 12) * 8, -2, 90).round(1),
                "yaw_error_deg": rng.normal(0, 4, n).round(1),
                "gearbox_oil_temp_c": gear.round(1),
                "main_bearing_temp_c": bearing.round(1),
                "nacelle_temp_c": (18 + rng.normal(0, 3, n)).round(1),
                "vibration_mm_s": vib.round(2),
                "status": status,
            }
        )
        if not labelled:
            frame = frame.drop(columns="status")
        return frame

    main = scada(900, 1, True)
    # sensor glitches: a stuck sensor, a negative power spike, an impossible rpm
    main.loc[88, "gearbox_oil_temp_c"] = 999.0
    main.loc[412, "active_power_kw"] = -2500.0
    main.loc[640, "rotor_rpm"] = 85.0
    main.loc[[5, 6, 7], "vibration_mm_s"] = np.nan
    main.to_csv(out / "scada_readings.csv", index=False)
    scada(250, 5001, True).to_csv(out / "scada_holdout.csv", index=False)
    scada(300, 8001, False).to_csv(out / "scada_new_week.csv", index=False)

    cats = {
        "gearbox": [
            "gearbox oil temp alarm again, oil sample taken",
            "metal particles on the gearbox magnetic plug",
            "grinding noise from gearbox at high load",
            "gearbox oil cooler fan not running",
        ],
        "blade": [
            "leading edge erosion on blade B, photos from drone",
            "lightning receptor damaged on blade A",
            "crack in blade root bolt area, stop and inspect",
            "ice build up on blades, turbine paused",
        ],
        "electrical": [
            "converter trip, IGBT fault code 4021",
            "transformer temp high, check cooling",
            "main breaker tripped during storm, reset remotely",
            "cable twist sensor fault in tower",
        ],
        "pitch_system": [
            "pitch motor axis 2 overcurrent",
            "pitch battery test failed on blade C",
            "hydraulic pitch pressure low, top up",
            "pitch encoder mismatch between axes",
        ],
        "yaw": [
            "yaw brake squeal, pads worn",
            "yaw misalignment more than 10 degrees for hours",
            "yaw motor 3 tripped, grease ring dry",
        ],
    }

    def tickets(n: int, start: int) -> pd.DataFrame:
        out_rows = []
        for i in range(n):
            cat = list(cats)[rng.integers(len(cats))]
            text = cats[cat][rng.integers(len(cats[cat]))]
            if rng.random() < 0.35:
                text += pick(
                    rng, [", tech on site tomorrow", ", waiting on parts", " (repeat)"], 1
                )[0]
            out_rows.append(
                {
                    "ticket_no": f"MT-{start + i}",
                    "opened": str(
                        (pd.Timestamp("2026-01-05") + pd.Timedelta(days=int(i * 0.7))).date()
                    ),
                    "turbine_id": f"WTG-{rng.integers(1, 25):02d}",
                    "reported_by": pick(rng, ["SCADA alarm", "technician", "drone survey"], 1)[0],
                    "priority": pick(rng, ["P1", "P2", "P3"], 1, [0.2, 0.5, 0.3])[0],
                    "downtime_hours": float(round(rng.gamma(2, 6), 1)),
                    "description": text,
                    "component": cat,
                }
            )
        return pd.DataFrame(out_rows)

    tk = tickets(420, 3000)
    tk["component"] = blank_most(tk["component"].tolist(), 55, rng)
    tk.to_csv(out / "maintenance_tickets.csv", index=False)
    tickets(120, 7000).to_csv(out / "maintenance_tickets_test.csv", index=False)

    rules = [
        {"name": "gearbox_words", "label": "gearbox", "kind": "keyword",
         "column": "description", "keywords": ["gearbox", "oil"]},
        {"name": "blade_words", "label": "blade", "kind": "keyword",
         "column": "description", "keywords": ["blade", "erosion", "lightning"]},
        {"name": "electrical_words", "label": "electrical", "kind": "keyword",
         "column": "description", "keywords": ["converter", "breaker", "transformer", "cable"]},
        {"name": "pitch_words", "label": "pitch_system", "kind": "keyword",
         "column": "description", "keywords": ["pitch"]},
        {"name": "yaw_words", "label": "yaw", "kind": "keyword",
         "column": "description", "keywords": ["yaw"]},
    ]  # fmt: skip
    (out / "ticket_rules.json").write_text(json.dumps(rules, indent=2), encoding="utf-8")

    docs = out / "windfarm_docs"
    docs.mkdir(exist_ok=True)
    (docs / "turbine_om_manual.md").write_text(OM_MANUAL, encoding="utf-8")


OM_MANUAL = """# Turbine Operations and Maintenance Manual (3.6 MW fleet)

## Safe access

No technician climbs a turbine when the 10-minute mean wind speed is above 15 m/s. The rotor is
locked with the rotor lock pin before anyone enters the hub. Two technicians are always on
site and each carries a personal gas monitor and a fall-arrest harness.

## Alarms and resets

A gearbox oil temperature above 80 degrees raises a warning and above 90 degrees stops the
turbine. A remote reset is allowed once per alarm in 24 hours; a second trip requires a site
visit. Converter faults are reset remotely only after the control room has checked the grid
status.

## Scheduled maintenance

Each turbine gets a full service every 12 months and a half service at 6 months. Gearbox oil
is sampled every 6 months and changed when the particle count exceeds the limit in the oil
report. Pitch batteries are tested every 3 months because a failed battery prevents an
emergency feathering of the blade.

## Blade inspections

Blades are inspected by drone once a year and after every lightning strike recorded by the
lightning counter. Leading edge erosion of category 3 or worse is repaired within the next
low-wind window.

## Curtailment

The turbine is derated when the grid operator asks for curtailment or when the bat protection
rules apply: between sunset and sunrise from April to October, when wind speed is below 6 m/s
and the temperature is above 10 degrees.
"""


# ----------------------------------------------------------------------------------- law firm
def lawfirm(out: Path, rng: np.random.Generator) -> None:
    clauses = {
        "high": [
            "Supplier's liability shall be unlimited for all losses, direct or indirect.",
            "Client indemnifies the counterparty against any and all claims without cap.",
            "This agreement renews automatically for successive five-year terms without notice.",
            "Termination is only possible for cause and requires a 24-month notice period.",
        ],
        "medium": [
            "Liability is capped at twice the annual fees except for gross negligence.",
            "Either party may terminate on 6 months' notice after the initial term.",
            "Exclusivity applies within the DACH region for the first three years.",
            "Price adjustments follow the consumer price index once a year.",
        ],
        "low": [
            "Liability is capped at the fees paid in the preceding 12 months.",
            "Either party may terminate for convenience on 30 days' written notice.",
            "Standard confidentiality obligations survive for two years.",
            "The governing law is that of England and Wales and courts of London.",
        ],
    }
    n = 380
    rows = []
    for i in range(n):
        risk = pick(rng, ["high", "medium", "low"], 1, [0.2, 0.35, 0.45])[0]
        text = clauses[risk][rng.integers(4)]
        if rng.random() < 0.5:
            other = pick(rng, ["high", "medium", "low"], 1)[0]
            text += " " + clauses[other][rng.integers(4)]
        rows.append(
            {
                "contract_id": f"C-{2026}-{i + 1:04d}",
                "client": pick(
                    rng,
                    ["Norrland Timber AB", "Vesta Biotech GmbH", "Harbour Foods Ltd", "Kite Labs"],
                    1,
                )[0],
                "contract_type": pick(rng, ["MSA", "NDA", "SaaS", "supply", "lease", "JV"], 1)[0],
                "governing_law": pick(rng, ["England", "Germany", "Sweden", "New York"], 1)[0],
                "pages": int(rng.integers(3, 120)),
                "value_eur": int(rng.lognormal(11, 1.2)),
                "key_clause": text,
                "risk_level": risk,
            }
        )
    contracts = pd.DataFrame(rows)
    contracts["risk_level"] = blank_most(contracts["risk_level"].tolist(), 60, rng)
    contracts.to_csv(out / "contracts.csv", index=False)

    intents = {
        "new_matter": [
            "We would like to instruct you on a new acquisition, can we set up a call?",
            "A supplier is threatening to sue us, we need advice on a new dispute.",
            "Could your firm act for us in an employment tribunal claim?",
        ],
        "billing": [
            "Your invoice 4471 seems to double count the hours from March.",
            "Can you send the fee estimate broken down by phase?",
            "Please confirm the retainer balance on our account.",
        ],
        "document_request": [
            "Please send the signed copy of the share purchase agreement.",
            "Can we get the latest draft of the lease with your comments?",
            "We need certified copies of the board minutes by Friday.",
        ],
        "scheduling": [
            "Can we move Thursday's meeting with the partner to next week?",
            "Is the associate available for a call at 2pm tomorrow?",
            "Please book the boardroom for the signing on the 14th.",
        ],
        "complaint": [
            "We are unhappy that nobody answered our emails for two weeks.",
            "The advice we received contradicted what we were told before, this is not acceptable.",
            "I want to raise a formal complaint about how our file was handled.",
        ],
    }
    rows = []
    for i in range(320):
        intent = list(intents)[rng.integers(5)]
        body = intents[intent][rng.integers(3)]
        greet = pick(rng, ["Dear team,", "Hi,", "Hello Ms Patel,", "Good morning,"], 1)[0]
        rows.append(
            {
                "email_id": f"E{70000 + i}",
                "received": str(pd.Timestamp("2026-10-01") + pd.Timedelta(minutes=int(i * 97))),
                "sender_domain": pick(
                    rng, ["vesta-bio.de", "harbourfoods.co.uk", "kitelabs.io", "gmail.com"], 1
                )[0],
                "subject": body[:40].rstrip(),
                "body": f"{greet} {body} Kind regards",
                "_intent": intent,
            }
        )
    emails = pd.DataFrame(rows)
    gold_idx = rng.choice(len(emails), size=50, replace=False)
    emails.loc[gold_idx, ["email_id", "_intent"]].rename(columns={"_intent": "intent"}).to_csv(
        out / "email_intent_handlabels.csv", index=False
    )
    with (out / "client_emails.jsonl").open("w", encoding="utf-8") as f:
        for rec in emails.drop(columns="_intent").to_dict(orient="records"):
            f.write(json.dumps(rec) + "\n")

    # closed matters: practice area, hours, fees, outcome
    m = 450
    area = np.array(pick(rng, ["M&A", "employment", "litigation", "real_estate", "IP"], m))
    hours = rng.gamma(3, 40, m).round(1)
    rate = np.array([{"M&A": 520, "litigation": 480, "IP": 450}.get(a, 380) for a in area])
    fee = (hours * rate * rng.normal(1, 0.08, m)).round(0)
    outcome = np.where(
        area == "litigation",
        pick(rng, ["won", "settled", "lost"], m, [0.35, 0.45, 0.2]),
        pick(rng, ["completed", "settled", "abandoned"], m, [0.75, 0.1, 0.15]),
    )
    matters = pd.DataFrame(
        {
            "matter_id": [f"MAT-{11000 + i}" for i in range(m)],
            "matter_type": area,
            "client_industry": pick(rng, ["biotech", "retail", "forestry", "software", "food"], m),
            "partner": pick(rng, ["R. Patel", "S. Lind", "M. Okafor", "J. Weber"], m),
            "hours_billed": hours,
            "fee_eur": fee,
            "duration_days": rng.integers(10, 700, m),
            "write_off_pct": np.clip(rng.normal(4, 3, m), 0, 40).round(1),
            "outcome": outcome,
        }
    )
    matters.loc[33, "hours_billed"] = 9800.0
    matters.loc[210, "fee_eur"] = 12.0
    matters.to_csv(out / "matters.csv", index=False)

    docs = out / "legal_docs"
    docs.mkdir(exist_ok=True)
    (docs / "engagement_terms.md").write_text(ENGAGEMENT, encoding="utf-8")
    (docs / "document_retention_policy.md").write_text(RETENTION, encoding="utf-8")


ENGAGEMENT = """# Standard Terms of Engagement

## Scope of work

The scope of each matter is set out in the engagement letter. Work outside that scope is
billed separately and only after the client has agreed a written estimate.

## Fees and billing

Time is recorded in six-minute units. Invoices are issued monthly and are payable within 30
days. If an invoice is disputed, the client must raise the dispute within 14 days of the
invoice date. A retainer is held on the client account and applied to the final invoice.

## Conflicts of interest

A conflict check is run before any new matter is opened. If a conflict arises during a matter,
the responsible partner informs the client and the general counsel within two working days.

## Complaints

A complaint is handled by the complaints partner, who acknowledges it within 5 working days
and sends a full response within 8 weeks. If the client is not satisfied, the complaint can be
taken to the Legal Ombudsman.

## Termination

The client may end the engagement at any time by written notice. The firm may stop acting if
fees are not paid or if continuing would breach professional rules.
"""

RETENTION = """# Document Retention Policy

## Retention periods

Client files are kept for 7 years after the matter is closed. Wills and deeds are kept
indefinitely unless the client asks for their return. Anti-money-laundering records are kept
for 5 years after the end of the business relationship.

## Storage

Original signed documents are stored in the fireproof strongroom. Electronic files are kept
in the document management system, which is backed up every night to a second data centre.

## Destruction

Files are destroyed by confidential shredding after the retention period ends. The records
team keeps a destruction log naming the matter, the date and who authorised it. A file under
a litigation hold is never destroyed.

## Requests from clients

A client may request a copy of their file at any time. Copies are sent within 20 working days
and the firm may charge for copying paper files.
"""


# ------------------------------------------------------------------------------ dog grooming
def grooming(out: Path, rng: np.random.Generator) -> None:
    breeds = {
        "Cockapoo": "medium",
        "Shih Tzu": "small",
        "Labrador": "large",
        "Golden Retriever": "large",
        "Miniature Schnauzer": "small",
        "Bichon Frise": "small",
        "Spaniel": "medium",
        "Newfoundland": "giant",
        "Poodle": "medium",
    }
    prices = {"full_groom": 55, "bath_and_brush": 35, "nail_trim": 12, "puppy_intro": 25,
              "deshedding": 48, "hand_strip": 70}  # fmt: skip

    def bookings(n: int, start: int, labelled: bool) -> pd.DataFrame:
        breed = pick(rng, list(breeds), n)
        service = pick(rng, list(prices), n, [0.4, 0.2, 0.15, 0.07, 0.1, 0.08])
        ahead = rng.integers(0, 60, n)
        prev = rng.poisson(0.4, n)
        deposit = rng.random(n) < 0.45
        reminder = rng.random(n) < 0.7
        hour = rng.integers(8, 18, n)
        logit = -2.3 + 0.03 * ahead + 0.9 * prev - 1.2 * deposit - 0.8 * reminder
        logit = logit + 0.4 * (hour < 9)
        no_show = rng.random(n) < 1 / (1 + np.exp(-logit))
        size = [breeds[b] for b in breed]
        frame = pd.DataFrame(
            {
                "booking_id": [f"BK{start + i}" for i in range(n)],
                "customer_id": [f"CUS-{k}" for k in rng.integers(100, 700, n)],
                "salon": pick(rng, ["Leeds Central", "Harrogate", "York", "Wakefield"], n),
                "dog_name": pick(rng, ["Bella", "Alfie", "Luna", "Milo", "Daisy", "Teddy"], n),
                "breed": breed,
                "dog_size": size,
                "service": service,
                "price_gbp": [
                    prices[s] + (15 if z in ("large", "giant") else 0)
                    for s, z in zip(service, size, strict=True)
                ],
                "days_booked_ahead": ahead,
                "day_of_week": pick(rng, ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat"], n),
                "start_hour": hour,
                "previous_no_shows": prev,
                "deposit_paid": np.where(deposit, "yes", "no"),
                "sms_reminder": np.where(reminder, "yes", "no"),
                "no_show": np.where(no_show, "yes", "no"),
            }
        )
        if not labelled:
            frame = frame.drop(columns="no_show")
        return frame

    bk = bookings(950, 40000, True)
    bk.loc[12, "price_gbp"] = 5500
    bk.loc[600, "days_booked_ahead"] = 400
    bk.to_csv(out / "bookings.csv", index=False)
    bookings(220, 60000, True).to_csv(out / "bookings_holdout.csv", index=False)
    bookings(260, 70000, False).to_csv(out / "bookings_next_month.csv", index=False)

    topics = {
        "reschedule": [
            "hi can i move {d}'s groom to saturday instead?",
            "running late, can we push to 11?",
            "need to cancel tomorrow, {d} is poorly, can we rebook",
        ],
        "complaint": [
            "{d} came home with a nick on her ear, not happy",
            "you cut {d} far too short, that's not what I asked for",
            "waited 40 mins past pick up time and nobody called",
        ],
        "price_question": [
            "how much is a full groom for a large dog?",
            "do you charge extra for matted coats?",
            "is there a discount if I book every 6 weeks?",
        ],
        "compliment": [
            "{d} looks gorgeous, thank you so much!!",
            "best groom yet, the bandana was a lovely touch",
            "Sophie was so patient with {d}, will be back",
        ],
    }
    rows = []
    for i in range(400):
        t = list(topics)[rng.integers(4)]
        msg = topics[t][rng.integers(3)].format(
            d=pick(rng, ["Bella", "Alfie", "Luna", "Milo"], 1)[0]
        )
        if rng.random() < 0.2:
            msg = msg.lower().replace("you", "u")
        rows.append(
            {
                "message_id": 500 + i,
                "sent_at": str(pd.Timestamp("2026-08-01") + pd.Timedelta(minutes=int(i * 211))),
                "channel": pick(rng, ["whatsapp", "sms", "instagram", "email"], 1)[0],
                "salon": pick(rng, ["Leeds Central", "Harrogate", "York", "Wakefield"], 1)[0],
                "message": msg,
                "topic": t,
            }
        )
    msgs = pd.DataFrame(rows)
    msgs["topic"] = blank_most(msgs["topic"].tolist(), 48, rng)
    msgs.to_csv(out / "customer_messages.csv", index=False)

    docs = out / "grooming_docs"
    docs.mkdir(exist_ok=True)
    (docs / "salon_policies.md").write_text(SALON_POLICIES, encoding="utf-8")


SALON_POLICIES = """# Salon Policies

## Bookings and deposits

New customers pay a deposit of 10 pounds when booking online. The deposit is taken off the
final price. Bookings can be made up to 8 weeks ahead.

## Cancellations and no-shows

A booking cancelled with less than 24 hours' notice loses the deposit. After two no-shows a
customer must pay the full price in advance for every future booking. An SMS reminder is sent
48 hours before each appointment.

## Matted coats

If a coat is badly matted, the groomer will shave it short rather than de-mat it, because
de-matting is painful for the dog. A matting charge of 10 pounds applies.

## Health and safety

Dogs must be vaccinated to be groomed. Puppies can have a puppy intro session from 12 weeks
after their second vaccination. A groomer who finds a lump, a wound or signs of fleas tells
the owner at pick-up and notes it on the dog's card.

## Collection

Dogs should be collected within 15 minutes of the call. After 30 minutes a late collection fee
of 5 pounds per quarter hour applies.
"""


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    zoo(out, np.random.default_rng(2701))
    windfarm(out, np.random.default_rng(2702))
    lawfirm(out, np.random.default_rng(2703))
    grooming(out, np.random.default_rng(2704))


if __name__ == "__main__":
    main()
