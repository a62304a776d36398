"""Write the heldout3 corpus's data files into DIR (python make_data.py DIR).

Deterministic (fixed seeds), offline, standard library only, well under a few MB. All data is
invented:

- field_trials_train.csv / field_trials_test.csv   wheat variety trials (cultivar_name, yield)
- contract_clauses.csv                              contract clauses to label risky/standard
- clause_review.csv                                 hand labels (ref_no, assessment)
- clauses_test.csv                                  fully labeled clauses for testing
- clause_rules.json                                 a small declarative labeling-function set
- listener_sessions.csv / listener_sessions_test.csv  streaming listeners, lapsed_next_month
- cs_messages.csv                                   airline customer messages, intent partly filled
- cs_messages_test.csv                              fully labeled airline messages
- ward_sensor_log.csv                               hospital ward equipment readings (anomalies)
- pump_events.jsonl                                 infusion pump events (jsonl)
- docs/farm_safety_handbook.md, docs/baggage_policy.md, docs/ward_equipment_manual.txt
"""

from __future__ import annotations

import csv
import json
import random
import sys
from pathlib import Path


def write_csv(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])


# ------------------------------------------------------------------ crop-yield field trials
CULTIVARS = {
    # name: (height cm, days to heading, protein %, yield potential t/ha)
    "Ardent": (78.0, 212.0, 11.2, 8.9),
    "Brigadier": (92.0, 205.0, 12.6, 8.1),
    "Copperhead": (85.0, 219.0, 13.4, 7.4),
    "Dunmore": (101.0, 209.0, 10.6, 9.3),
}
SITES = ["Harlow North", "Ridgeway", "Fenmoor", "Castle Brook", "Elm Levels"]
SOILS = ["clay", "loam", "sandy_loam", "silt"]


def field_trials(rng: random.Random, n: int, start: int) -> list[list]:
    rows = []
    for i in range(n):
        cultivar = rng.choice(list(CULTIVARS))
        height, heading, protein, potential = CULTIVARS[cultivar]
        site = rng.choice(SITES)
        soil = rng.choice(SOILS)
        week = rng.randint(38, 46)
        rain = round(rng.gauss(620, 110), 1)
        nitrogen = round(rng.uniform(120, 260), 1)
        seed_rate = round(rng.uniform(140, 210), 0)
        irrigated = "yes" if rng.random() < 0.3 else "no"
        h = round(rng.gauss(height, 4.5), 1)
        d = int(round(rng.gauss(heading, 3.0)))
        p = round(rng.gauss(protein, 0.45), 2)
        y = (
            potential
            - 0.12 * abs(week - 41)
            + 0.004 * (nitrogen - 190)
            - 0.0015 * abs(rain - 620)
            + (0.5 if irrigated == "yes" else 0.0)
            + {"clay": 0.2, "loam": 0.35, "sandy_loam": -0.4, "silt": 0.1}[soil]
            + rng.gauss(0, 0.55)
        )
        rows.append(
            [
                f"FT-{start + i:04d}",
                site,
                cultivar,
                soil,
                week,
                rain,
                nitrogen,
                seed_rate,
                irrigated,
                h,
                d,
                p,
                round(y, 2),
            ]
        )
    return rows


def band(rows: list[list]) -> None:
    for row in rows:
        y = row[12]
        row.append("low" if y < 7.6 else ("high" if y >= 8.8 else "medium"))


FIELD_HEADER = [
    "plot_id",
    "trial_site",
    "cultivar_name",
    "soil_type",
    "sowing_week",
    "rainfall_mm",
    "nitrogen_kg_ha",
    "seed_rate_kg_ha",
    "irrigated",
    "plant_height_cm",
    "days_to_heading",
    "grain_protein_pct",
    "yield_t_ha",
    "yield_band",
]


# ------------------------------------------------------------------ legal contract clauses
RISKY = [
    "The {p} shall indemnify the {q} against any and all losses, howsoever arising, without limit.",
    "This agreement renews automatically for successive {n}-year terms unless terminated, and no reminder of renewal will be sent.",
    "The {q} may terminate this agreement at any time, for any reason or no reason, without notice and without compensation.",
    "Liability of the {p} under this agreement is unlimited and includes indirect and consequential loss.",
    "The {p} grants the {q} an exclusive, perpetual and irrevocable licence to all present and future intellectual property.",
    "The {q} may change the fees at its sole discretion and the revised fees apply immediately without notice.",
    "Any delay in delivery entitles the {q} to liquidated damages of {pct}% of the contract value per day, without cap.",
    "The {p} waives all rights to bring any claim against the {q}, including claims for gross negligence.",
    "The {q} may assign or transfer this agreement to any third party without the consent of the {p}.",
    "Confidentiality obligations of the {p} survive indefinitely and apply to all information whether or not marked confidential.",
    "The {p} shall not work for any competitor worldwide for {n} years after termination.",
    "All disputes shall be resolved exclusively in the courts chosen by the {q}, at its sole discretion, and the {p} bears all costs.",
]
STANDARD = [
    "Either party may terminate this agreement by giving {n} months' written notice to the other party.",
    "Each party's total liability under this agreement is capped at the fees paid in the preceding twelve months.",
    "Invoices are payable within {d} days of receipt of a valid invoice.",
    "This agreement is governed by the laws of {law} and the parties submit to the non-exclusive jurisdiction of its courts.",
    "Each party shall keep the other party's confidential information confidential for {n} years after termination.",
    "Neither party is liable for any failure to perform caused by events beyond its reasonable control.",
    "The {p} shall maintain insurance with a reputable insurer covering its obligations under this agreement.",
    "Any amendment to this agreement must be in writing and signed by both parties.",
    "Notices shall be sent by email and by recorded post to the addresses set out in the schedule.",
    "The {p} may assign this agreement only with the prior written consent of the {q}, not to be unreasonably withheld.",
    "The parties shall first attempt to resolve any dispute through good-faith negotiation within {d} days.",
    "The {q} shall pay the fees set out in the schedule, which may be reviewed once a year by mutual agreement.",
]
PARTIES = [
    ("Supplier", "Customer"),
    ("Licensee", "Licensor"),
    ("Tenant", "Landlord"),
    ("Contractor", "Client"),
    ("Recipient", "Discloser"),
]
CONTRACT_TYPES = ["supply", "licence", "lease", "services", "nda"]
LAWS = ["England and Wales", "Ireland", "Scotland", "the Netherlands", "Singapore"]
HEADINGS = {
    "risky": [
        "Indemnity",
        "Renewal",
        "Termination",
        "Liability",
        "Licence",
        "Fees",
        "Delivery",
        "Waiver",
        "Assignment",
        "Confidentiality",
        "Restrictive covenant",
        "Disputes",
    ],
    "standard": [
        "Termination",
        "Liability",
        "Payment",
        "Governing law",
        "Confidentiality",
        "Force majeure",
        "Insurance",
        "Amendments",
        "Notices",
        "Assignment",
        "Disputes",
        "Fees",
    ],
}
EXTRAS = [
    "",
    "",
    " This clause applies to each order placed under the agreement.",
    " For the avoidance of doubt, this includes affiliates.",
    " This clause survives expiry of the agreement.",
    "",
]


def clause(rng: random.Random) -> tuple[str, str, str, str]:
    kind = "risky" if rng.random() < 0.38 else "standard"
    pool = RISKY if kind == "risky" else STANDARD
    k = rng.randrange(len(pool))
    contract = rng.choice(CONTRACT_TYPES)
    p, q = PARTIES[CONTRACT_TYPES.index(contract)]
    text = pool[k].format(
        p=p,
        q=q,
        n=rng.choice([1, 2, 3, 5]),
        d=rng.choice([14, 30, 45, 60]),
        pct=rng.choice([1, 2, 5]),
        law=rng.choice(LAWS),
    )
    text += rng.choice(EXTRAS)
    return kind, contract, HEADINGS[kind][k], text


# ------------------------------------------------------------------ listener sessions
def listeners(rng: random.Random, n: int, start: int) -> list[list]:
    rows = []
    for i in range(n):
        tier = rng.choices(["free", "premium", "family", "student"], [0.45, 0.3, 0.15, 0.1])[0]
        country = rng.choice(["UK", "DE", "FR", "ES", "SE", "PL", "NL"])
        months = rng.randint(1, 60)
        sessions = max(0, int(rng.gauss(22, 9)))
        avg_min = round(max(1.0, rng.gauss(34, 12)), 1)
        skips = round(max(0.0, rng.gauss(4.5, 2.2)), 2)
        playlists = max(0, int(rng.gauss(3, 2.5)))
        days_since = max(0, int(rng.expovariate(1 / 6)))
        device = rng.choice(["android", "ios", "desktop", "smart_speaker", "web"])
        tickets = rng.choices([0, 1, 2, 3, 4], [0.6, 0.2, 0.1, 0.06, 0.04])[0]
        risk = (
            -0.6
            + (0.9 if tier == "free" else -0.4 if tier == "family" else 0.0)
            - 0.07 * (sessions - 22)
            + 0.12 * (days_since - 6)
            + 0.25 * (skips - 4.5)
            - 0.2 * playlists
            + 0.35 * tickets
            - 0.015 * months
            + rng.gauss(0, 0.8)
        )
        lapsed = "yes" if risk > 0 else "no"
        if rng.random() < 0.08:
            avg_min = None
        if rng.random() < 0.05:
            days_since = None
        if rng.random() < 0.04:
            country = None
        rows.append(
            [
                f"L{start + i:05d}",
                tier,
                country,
                months,
                sessions,
                avg_min,
                skips,
                playlists,
                days_since,
                device,
                tickets,
                lapsed,
            ]
        )
    return rows


LISTENER_HEADER = [
    "listener_id",
    "plan_tier",
    "country",
    "months_subscribed",
    "sessions_last_30d",
    "avg_session_min",
    "skips_per_session",
    "playlists_created",
    "days_since_last_login",
    "primary_device",
    "support_tickets",
    "lapsed_next_month",
]


# ------------------------------------------------------------------ airline messages
INTENTS = {
    "baggage": [
        "my {bag} never arrived in {city}, flight {fl}, what do I do",
        "hi, the {bag} came off the belt with a broken wheel, who pays for repair?",
        "still no news about my delayed {bag} after {n} days, tag number {tag}",
        "can I bring a second {bag} on the {city} flight and how much is it",
        "my {bag} was left in {city}, please send it to my hotel",
    ],
    "refund": [
        "flight {fl} was cancelled and I want my money back, not a voucher",
        "please refund the unused return leg of booking {ref}",
        "I was charged twice for booking {ref}, need a refund asap",
        "how long does a refund take? applied {n} days ago for {ref}",
        "the seat I paid for was not given to me, I want the fee refunded",
    ],
    "rebooking": [
        "can I move my {city} flight to next {day}? booking {ref}",
        "missed my connection in {city}, please put me on the next flight",
        "I need to change the date of {ref}, is there a fee",
        "flight {fl} is delayed {n} hours, can you rebook me onto an earlier one",
        "want to switch my return to {day} evening instead",
    ],
    "seating": [
        "can I choose a window seat on {fl} for free",
        "we are travelling with a baby, can we get seats together on {ref}",
        "how much is an upgrade to business on the {city} route",
        "is there extra legroom available on flight {fl}",
        "my family got split across the plane on {ref}, please seat us together",
    ],
    "loyalty": [
        "my miles from flight {fl} were never credited to my account",
        "how many points do I need for a free ticket to {city}",
        "my status was downgraded although I flew {n} times this year",
        "can I transfer my points to my partner's account",
        "the lounge refused my gold card in {city}, why",
    ],
}
CITIES = ["Lisbon", "Oslo", "Dubai", "Toronto", "Nairobi", "Manila", "Lima", "Krakow"]
DAYS = ["monday", "tuesday", "friday", "saturday", "sunday"]
OPENERS = ["", "", "Hello, ", "hi there ", "URGENT: ", "Good morning. ", "@airline "]
CLOSERS = ["", "", " thanks", " Thank you.", " !!", " pls help", " regards, J."]


def message(rng: random.Random) -> tuple[str, str]:
    intent = rng.choices(list(INTENTS), [0.27, 0.22, 0.23, 0.15, 0.13])[0]
    text = rng.choice(INTENTS[intent]).format(
        bag=rng.choice(["bag", "suitcase", "luggage", "case", "backpack"]),
        city=rng.choice(CITIES),
        fl=f"FL{rng.randint(100, 999)}",
        n=rng.randint(2, 9),
        tag=f"TG{rng.randint(10000, 99999)}",
        ref="".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(6)),
        day=rng.choice(DAYS),
    )
    return intent, rng.choice(OPENERS) + text + rng.choice(CLOSERS)


# ------------------------------------------------------------------ ward equipment sensors
DEVICES = {
    # type: (temperature C, vibration mm/s, power W, battery %)
    "infusion_pump": (31.0, 0.8, 12.0, 78.0),
    "ventilator": (38.0, 2.4, 95.0, 88.0),
    "patient_monitor": (34.0, 0.3, 28.0, 83.0),
    "defibrillator": (27.0, 0.2, 6.0, 96.0),
}
WARDS = ["ICU", "Cardiology", "Oncology", "Maternity", "Paediatrics"]


def ward_readings(rng: random.Random, n: int) -> list[list]:
    rows = []
    anomalies = set(rng.sample(range(n), 18))
    for i in range(n):
        dtype = rng.choice(list(DEVICES))
        t, v, p, b = DEVICES[dtype]
        ward = rng.choice(WARDS)
        temp = rng.gauss(t, 1.2)
        vib = abs(rng.gauss(v, v * 0.15))
        power = rng.gauss(p, p * 0.06)
        battery = min(100.0, rng.gauss(b, 5.0))
        errors = rng.choices([0, 1, 2], [0.88, 0.1, 0.02])[0]
        if i in anomalies:
            kind = rng.choice(["overheat", "vibration", "power", "battery"])
            if kind == "overheat":
                temp += rng.uniform(12, 20)
            elif kind == "vibration":
                vib *= rng.uniform(5, 9)
            elif kind == "power":
                power *= rng.uniform(2.2, 3.5)
            else:
                battery = rng.uniform(2, 9)
                power *= 0.4
            errors += rng.randint(3, 9)
        rows.append(
            [
                f"R{i + 1:05d}",
                ward,
                dtype,
                f"{dtype[:3].upper()}-{rng.randint(100, 160)}",
                rng.randint(0, 23),
                round(temp, 2),
                round(vib, 3),
                round(power, 2),
                round(battery, 1),
                errors,
            ]
        )
    return rows


def pump_events(rng: random.Random, n: int) -> list[dict]:
    out = []
    for i in range(n):
        out.append(
            {
                "event_id": f"PE-{i + 1:04d}",
                "pump_serial": f"INF-{rng.randint(100, 140)}",
                "ward": rng.choice(WARDS),
                "event": rng.choices(
                    ["start", "rate_change", "occlusion_alarm", "stop", "air_in_line"],
                    [0.35, 0.3, 0.1, 0.2, 0.05],
                )[0],
                "flow_rate_ml_h": round(max(0.5, rng.gauss(60, 25)), 1),
                "occlusion_pressure_kpa": round(max(1.0, rng.gauss(35, 8)), 1),
            }
        )
    return out


# ------------------------------------------------------------------ documents
FARM_HANDBOOK = """# Farm Safety Handbook

## Purpose of this handbook

This handbook sets out the safety rules for everyone who works on the trial farm, including
seasonal staff, contractors and visiting researchers. A safe system of work is a written set of
steps that removes or controls the hazards of a task. Every supervisor is responsible for
explaining the safe system of work before a task begins.

## Tractors and self-propelled machines

Only trained and authorised staff may drive a tractor on the farm. The Safe Stop procedure
means applying the handbrake, putting the controls in neutral, switching off the engine and
removing the key before anyone leaves the cab. If a machine blocks or jams, the operator must
carry out Safe Stop before trying to clear it. Passengers are not allowed on a tractor unless
it has a fitted passenger seat. Roll-over protective structures are fitted to every tractor
because most fatal tractor accidents involve an overturn on a slope. Seat belts must be worn
whenever the roll-over frame is up.

## Power take-off shafts

A power take-off (PTO) shaft is the rotating shaft that transfers power from the tractor to an
implement. PTO guards must be checked every day before use. If a guard is damaged, the shaft
must not be used until the guard is replaced. Loose clothing, long hair and drawstrings can be
caught by a rotating shaft in less than a second.

## Chemicals and pesticides

Pesticides are stored in a locked, bunded store that can hold 110 percent of the largest
container. Only staff holding a current spraying certificate may mix or apply pesticides. The
personal protective equipment listed on the product label must be worn during mixing. If a
chemical is splashed into the eyes, rinse them with clean water for at least 15 minutes and
seek medical advice. Empty containers are triple rinsed and returned to the chemical store.

## Grain stores and confined spaces

A confined space is an enclosed area where there is a risk of serious injury from hazardous
gases, lack of oxygen or engulfment. Grain bins are confined spaces. Nobody may enter a grain
bin alone, and a second person must stay outside with a rescue line. Entry is forbidden while
grain is being loaded or unloaded, because flowing grain can bury a person within seconds.

## Livestock

Bulls are handled by at least two experienced people. Cows with newborn calves are more likely
to attack, so walkers should keep dogs on a lead and keep their distance. Handling pens must
have an escape route for the handler.

## Reporting accidents and near misses

Every accident and near miss is recorded in the farm incident book within 24 hours. A near
miss is an event that did not cause injury but could have done. The farm manager reviews the
incident book every month and shares the lessons at the team meeting. Serious injuries must be
reported to the regulator by the farm manager without delay.

## First aid

First aid kits are kept in the workshop, the grain store office and every tractor cab. The
names of the trained first aiders are displayed on the notice board in the workshop. If
someone is seriously injured, call the emergency services first and then the farm manager.
"""

BAGGAGE_POLICY = """# Baggage Policy

## Cabin baggage

Every passenger may bring one cabin bag and one small personal item on board. The cabin bag
must not exceed 56 x 45 x 25 cm and 10 kg, including handles and wheels. The personal item,
such as a handbag or laptop bag, must fit under the seat in front. If the overhead lockers are
full, cabin bags may be placed in the hold at the gate free of charge. Liquids in cabin baggage
are limited to containers of 100 ml or less, carried in one clear resealable bag.

## Checked baggage allowance

The checked baggage allowance depends on the fare. Light fares include no checked bag.
Standard fares include one checked bag of up to 23 kg. Flex and Business fares include two
checked bags of up to 32 kg each. Gold members of the loyalty programme receive one extra
checked bag on every flight. Bags heavier than 32 kg are not accepted as checked baggage
because they exceed the safe lifting limit for ground staff; they must be sent as cargo.

## Excess and oversized baggage

An extra checked bag costs 45 EUR when bought online and 70 EUR at the airport. A bag weighing
between 23 kg and 32 kg on a Standard fare is charged an overweight fee of 60 EUR. Sports
equipment such as bicycles, golf bags and skis is carried as checked baggage if it is declared
at least 48 hours before departure.

## Delayed baggage

A bag is treated as delayed when it does not arrive on the same flight as its owner. If your
bag is delayed, report it at the baggage service desk before leaving the arrivals hall and keep
your Property Irregularity Report reference. Delayed bags are delivered to the address you give
free of charge, normally within 48 hours. While your bag is delayed you may claim reasonable
expenses for essential items up to 50 EUR per day for a maximum of five days, with receipts.

## Damaged and lost baggage

Damage to checked baggage must be reported within 7 days of receiving the bag. A bag is
declared lost when it has not been found 21 days after the flight. Compensation for lost or
damaged baggage is limited to about 1,600 EUR per passenger under the Montreal Convention,
unless a higher value was declared at check-in. Fragile items, cash, jewellery and electronic
devices should be carried in the cabin, because the airline's liability for them in checked
baggage is limited.

## Prohibited items

Lithium batteries over 160 Wh, flammable liquids and compressed gases are not accepted in any
baggage. Spare lithium batteries and power banks must be carried in the cabin and never in
checked baggage. Passengers who are unsure whether an item is allowed should contact the
customer service team before travelling.
"""

WARD_MANUAL = """Ward Equipment Manual - Medical Devices Unit

1. Scope

This manual covers the infusion pumps, ventilators, patient monitors and defibrillators used
on the general and critical care wards. The Medical Devices Unit is the team that maintains,
calibrates and records every device in the asset register. Each device carries an asset label
with a serial number and the date of its next planned preventive maintenance.

2. Daily checks

Nurses check every device at the start of each shift. A daily check means confirming that the
device powers on, passes its self-test, shows no error code and has an intact mains cable. If
a device fails its self-test, it must be labelled DO NOT USE and sent to the Medical Devices
Unit the same day. Defibrillators are checked every day even when they have not been used,
because a flat battery in an emergency can cost a life.

3. Infusion pumps

An infusion pump is a device that delivers fluids or medicines into a patient's body at a
controlled rate. Occlusion alarms sound when the pressure in the line rises above the set
limit, which usually means a kinked line or a closed clamp. If an air-in-line alarm sounds, the
nurse stops the infusion and removes the air before restarting. Flow rates above 999 ml per
hour cannot be programmed on the ward pumps.

4. Ventilators

Ventilators are serviced every six months by the Medical Devices Unit. The normal operating
temperature of a ventilator's internal electronics is between 35 and 41 degrees Celsius. If the
internal temperature exceeds 45 degrees Celsius, the ventilator raises a high-temperature alert
and the patient must be moved to a standby ventilator. Excessive vibration is a sign of a
failing fan or blower and must be reported at once.

5. Batteries and power

Every portable device has a rechargeable battery that must stay on charge when the device is not
in use. A battery that holds less than 20 percent after a full charge is replaced. Power draw
far above the normal range suggests a short circuit, and the device must be unplugged and
taken out of service.

6. Reporting faults

Faults are reported through the equipment helpdesk with the asset number, the ward, the error
code and a short description. Adverse incidents involving a device are also reported to the
national regulator by the Medical Devices Unit. Devices involved in an incident are kept, not
repaired, until the investigation is complete.

7. Cleaning

Devices are cleaned with the approved detergent wipes between patients. Alcohol must not be
used on touch screens because it damages the coating. A device leaving an isolation room is
cleaned twice and tagged with a green clean label.
"""


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)

    rng = random.Random(301)
    train = field_trials(rng, 360, 1)
    test = field_trials(rng, 120, 361)
    band(train)
    band(test)
    write_csv(out / "field_trials_train.csv", FIELD_HEADER, train)
    write_csv(out / "field_trials_test.csv", FIELD_HEADER, test)

    rng = random.Random(302)
    pool, truth = [], {}
    for i in range(520):
        kind, contract, heading, text = clause(rng)
        ref = f"CL-{i + 1:04d}"
        truth[ref] = kind
        pool.append([ref, contract, rng.choice(LAWS), heading, text])
    write_csv(
        out / "contract_clauses.csv",
        ["clause_ref", "contract_type", "governing_law", "clause_heading", "clause_text"],
        pool,
    )
    reviewed = sorted(rng.sample(sorted(truth), 80))
    reviewers = ["A. Okafor", "M. Lindqvist", "R. Patel"]
    write_csv(
        out / "clause_review.csv",
        ["ref_no", "assessment", "reviewer"],
        [[ref, truth[ref], rng.choice(reviewers)] for ref in reviewed],
    )
    test_rows = []
    for i in range(160):
        kind, contract, heading, text = clause(rng)
        test_rows.append([f"CT-{i + 1:04d}", contract, rng.choice(LAWS), heading, text, kind])
    write_csv(
        out / "clauses_test.csv",
        [
            "clause_ref",
            "contract_type",
            "governing_law",
            "clause_heading",
            "clause_text",
            "assessment",
        ],
        test_rows,
    )
    rules = [
        {
            "name": "unlimited",
            "label": "risky",
            "kind": "keyword",
            "column": "clause_text",
            "keywords": ["without limit", "unlimited", "without cap", "indefinitely"],
        },
        {
            "name": "sole_discretion",
            "label": "risky",
            "kind": "keyword",
            "column": "clause_text",
            "keywords": ["sole discretion", "without notice", "no reason"],
        },
        {
            "name": "capped",
            "label": "standard",
            "kind": "keyword",
            "column": "clause_text",
            "keywords": ["capped", "written notice", "mutual agreement", "reasonable control"],
        },
        {
            "name": "consent",
            "label": "standard",
            "kind": "regex",
            "column": "clause_text",
            "pattern": r"prior written consent|signed by both parties",
        },
    ]
    (out / "clause_rules.json").write_text(json.dumps(rules, indent=2) + "\n", encoding="utf-8")

    rng = random.Random(303)
    write_csv(out / "listener_sessions.csv", LISTENER_HEADER, listeners(rng, 640, 10001))
    write_csv(out / "listener_sessions_test.csv", LISTENER_HEADER, listeners(rng, 210, 20001))

    rng = random.Random(304)
    msgs = []
    for i in range(720):
        intent, text = message(rng)
        channel = rng.choice(["email", "chat", "social", "app"])
        tier = rng.choice(["economy", "economy", "premium", "business"])
        keep = rng.random() < 0.14
        msgs.append([f"M{i + 1:05d}", channel, tier, text, intent if keep else None])
    write_csv(out / "cs_messages.csv", ["msg_id", "channel", "cabin", "message", "intent"], msgs)
    test_msgs = []
    for i in range(200):
        intent, text = message(rng)
        test_msgs.append(
            [
                f"T{i + 1:05d}",
                rng.choice(["email", "chat", "social", "app"]),
                rng.choice(["economy", "premium", "business"]),
                text,
                intent,
            ]
        )
    write_csv(
        out / "cs_messages_test.csv", ["msg_id", "channel", "cabin", "message", "intent"], test_msgs
    )

    rng = random.Random(305)
    write_csv(
        out / "ward_sensor_log.csv",
        [
            "reading_id",
            "ward",
            "device_type",
            "asset_no",
            "hour",
            "temperature_c",
            "vibration_mm_s",
            "power_draw_w",
            "battery_pct",
            "error_count",
        ],
        ward_readings(rng, 1200),
    )
    with (out / "pump_events.jsonl").open("w", encoding="utf-8") as fh:
        for event in pump_events(rng, 300):
            fh.write(json.dumps(event) + "\n")

    docs = out / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "farm_safety_handbook.md").write_text(FARM_HANDBOOK, encoding="utf-8")
    (docs / "baggage_policy.md").write_text(BAGGAGE_POLICY, encoding="utf-8")
    (docs / "ward_equipment_manual.txt").write_text(WARD_MANUAL, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
