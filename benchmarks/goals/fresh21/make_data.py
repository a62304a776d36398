"""Write the fresh21 corpus data (shelter, solar installer, theatre, garage) into a folder."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd


def pick(rng: np.random.Generator, items: list[str], n: int = 1) -> list[str]:
    """n distinct items, in a random order."""
    return [items[i] for i in rng.choice(len(items), size=n, replace=False)]


# ----------------------------------------------------------------------------- animal shelter
def intake(rng: np.random.Generator, n: int, start: int, with_outcome: bool) -> pd.DataFrame:
    species = rng.choice(["dog", "cat", "rabbit"], size=n, p=[0.5, 0.4, 0.1])
    groups = {
        "dog": ["terrier", "staffie", "collie", "lurcher", "labrador_x", "husky"],
        "cat": ["domestic_short", "domestic_long", "siamese_x", "maine_coon_x"],
        "rabbit": ["lop", "dwarf", "rex"],
    }
    breed = [rng.choice(groups[s]) for s in species]
    age = np.clip(rng.gamma(2.0, 22.0, size=n), 2, 190).round().astype(int)
    base_w = {"dog": 18.0, "cat": 4.2, "rabbit": 2.0}
    weight = np.array([max(0.4, rng.normal(base_w[s], base_w[s] * 0.3)) for s in species])
    intake_type = rng.choice(
        ["stray", "owner_surrender", "transfer_in", "seized"], size=n, p=[0.45, 0.35, 0.15, 0.05]
    )
    condition = rng.choice(
        ["healthy", "minor_injury", "sick", "underweight"], size=n, p=[0.6, 0.15, 0.15, 0.1]
    )
    vaccinated = rng.choice(["yes", "no"], size=n, p=[0.55, 0.45])
    neutered = rng.choice(["yes", "no"], size=n, p=[0.5, 0.5])
    microchip = rng.choice(["yes", "no"], size=n, p=[0.35, 0.65])
    month = rng.integers(1, 13, size=n)
    frame = pd.DataFrame(
        {
            "animal_id": [f"A{start + i:05d}" for i in range(n)],
            "species": species,
            "breed_group": breed,
            "age_months": age,
            "weight_kg": weight.round(1),
            "intake_type": intake_type,
            "condition": condition,
            "vaccinated": vaccinated,
            "neutered": neutered,
            "microchipped": microchip,
            "intake_month": month,
        }
    )
    if with_outcome:
        outcomes = []
        for i in range(n):
            if microchip[i] == "yes" and intake_type[i] == "stray" and rng.random() < 0.75:
                outcomes.append("returned_to_owner")
                continue
            score = 1.2 - age[i] / 70 + (0.6 if vaccinated[i] == "yes" else 0)
            score += 0.4 if neutered[i] == "yes" else 0
            score -= 1.0 if condition[i] == "sick" else 0
            score -= 0.8 if breed[i] in ("staffie", "husky") else 0
            score += rng.normal(0, 0.7)
            outcomes.append("adopted" if score > 0.3 else "transferred")
        frame["outcome"] = outcomes
    return frame


NOTE_BITS = {
    "calm": [
        "sat quietly for the whole grooming session",
        "very relaxed on the lead, walked nicely",
        "happy to be handled, lay down for belly rubs",
        "settled in the kennel and slept most of the shift",
        "gentle taking treats, easy going with strangers",
        "purring on my lap, totally chilled",
        "no fuss at the vet check, calm as anything",
    ],
    "nervous": [
        "hid at the back of the kennel and shook",
        "flinches when you lift a hand, very timid",
        "would not come out of the cat bed, trembling",
        "cowered when the door banged, needs slow intro",
        "scared of men with hats, tail tucked",
        "wont eat while people watch, anxious",
        "panting and pacing, startled by the hoover",
    ],
    "reactive": [
        "lunged at another dog on the walk",
        "growled when i reached for the bowl, resource guarding",
        "snapped at volunteer during nail clip",
        "barking and lunging at the fence line",
        "swiped and hissed when picked up",
        "bit the lead and tried to nip, careful",
        "guarding toys, stiff body and growling",
    ],
}
FILLER = [
    "",
    "",
    "fed at 5.",
    "walked 20 min.",
    "Kennel cleaned.",
    "weighed today.",
    "new bedding given.",
    "(shift: sat am)",
    "seen by vet tech.",
    "needs more enrichment.",
]


def volunteer_notes(rng: np.random.Generator, n: int) -> pd.DataFrame:
    classes = list(NOTE_BITS)
    rows = []
    for i in range(n):
        cls = rng.choice(classes, p=[0.45, 0.33, 0.22])
        bits = pick(rng, NOTE_BITS[cls], 2 if rng.random() < 0.5 else 1)
        if rng.random() < 0.2:  # some noise from another class
            bits.append(pick(rng, NOTE_BITS[rng.choice(classes)])[0])
        text = ". ".join(bits) + ". " + rng.choice(FILLER)
        rows.append(
            {
                "note_id": 5000 + i,
                "animal_id": f"A{int(rng.integers(1, 700)):05d}",
                "volunteer": rng.choice(["Jo", "Priya", "Marek", "Sam", "Ines", "Tomasz", "Beth"]),
                "note": text.strip(),
                "temperament": cls if rng.random() < 0.12 else "",
            }
        )
    return pd.DataFrame(rows)


CARE_GUIDE = """# Shelter care guide for volunteers

## Before your shift
Every volunteer signs in at the front desk and reads the whiteboard. The whiteboard is the list
of animals with special instructions for the day. If an animal has a red dot on its kennel card,
only staff may take it out. Hand gel is kept by every door and must be used between kennels.

## Feeding
Adult dogs are fed twice a day, at 8am and at 5pm. Puppies under six months are fed four small
meals a day. Cats have dry food available all day and a wet meal in the evening. Rabbits need
fresh hay at all times because their teeth never stop growing. If an animal refuses food for more
than one day, tell the duty manager. Never feed food from home, since many animals are on a
prescription diet.

## Walking dogs
A dog is walked only on a slip lead and a harness together. Walks last twenty minutes unless the
kennel card says otherwise. When two dogs meet on the path, keep at least three metres apart.
If a dog pulls hard or lunges, stop walking and wait for it to settle before going on.

## Handling nervous animals
A nervous animal is one that hides, trembles or will not take food while people are near. Sit
side-on at the kennel door and let the animal come to you. Speak quietly and avoid eye contact.
Nervous cats are given a hiding box, because a cat that can hide settles faster.

## Cleaning
Kennels are spot cleaned every morning and deep cleaned on Sundays. The disinfectant is diluted
one part to forty parts water. Bedding goes in the red bag when it is soiled and in the blue bag
when it is only dusty. Isolation kennels are always cleaned last, with fresh gloves.

## Signs of illness
Sneezing, runny eyes, diarrhoea and a dull coat are early signs of illness. If you see blood in
a litter tray, tell staff straight away. Kennel cough spreads quickly between dogs, so a dog that
coughs is moved to isolation the same day.

## Adoption days
Adoption days run on the first Saturday of each month from 10am to 3pm. Adopters must bring
photo ID and proof of address. A home visit is arranged for every dog over 20 kg. The adoption
fee is 120 pounds for dogs, 80 pounds for cats and 40 pounds for rabbits, and it covers
vaccination, microchip and neutering.
"""


# ----------------------------------------------------------------------------- solar installer
def site_surveys(rng: np.random.Generator, n: int) -> pd.DataFrame:
    roof = rng.choice(["tile", "slate", "metal", "flat_felt"], size=n, p=[0.5, 0.2, 0.15, 0.15])
    orient = rng.choice(
        ["S", "SE", "SW", "E", "W", "N"], size=n, p=[0.3, 0.15, 0.15, 0.15, 0.15, 0.1]
    )
    shading = rng.choice(["none", "light", "heavy"], size=n, p=[0.5, 0.35, 0.15])
    pitch = np.where(roof == "flat_felt", rng.uniform(0, 8, n), rng.uniform(15, 50, n)).round(0)
    area = rng.uniform(8, 60, n).round(1)
    age = rng.integers(0, 45, size=n)
    region = rng.choice(["north", "midlands", "south_west", "south_east"], size=n)
    o_score = {"S": 1.0, "SE": 0.8, "SW": 0.8, "E": 0.4, "W": 0.4, "N": -0.8}
    s_score = {"none": 0.6, "light": 0.1, "heavy": -1.0}
    score = (
        np.array([o_score[o] for o in orient])
        + np.array([s_score[s] for s in shading])
        + (area - 20) / 25
        - (age > 30) * 0.6
        + rng.normal(0, 0.45, n)
    )
    return pd.DataFrame(
        {
            "survey_id": [f"SV-{2300 + i}" for i in range(n)],
            "region": region,
            "roof_type": roof,
            "roof_pitch_deg": pitch,
            "orientation": orient,
            "shading": shading,
            "usable_area_m2": area,
            "roof_age_yrs": age,
            "surveyor": rng.choice(["DK", "LM", "RA"], size=n),
            "suitable": np.where(score > 0.5, "yes", "no"),
        }
    )


def panel_readings(rng: np.random.Generator, n: int) -> pd.DataFrame:
    hour = rng.integers(7, 19, size=n)
    irr = np.clip(900 * np.sin((hour - 6) / 13 * np.pi) + rng.normal(0, 80, n), 20, 1100)
    temp = 12 + irr / 40 + rng.normal(0, 2.5, n)
    voltage = 36 + rng.normal(0, 0.8, n) - (temp - 25) * 0.12
    current = irr / 1000 * 9.5 * rng.normal(1, 0.03, n)
    output = voltage * current
    frame = pd.DataFrame(
        {
            "reading_id": np.arange(1, n + 1),
            "site_id": rng.choice(["S-104", "S-117", "S-122", "S-130", "S-141"], size=n),
            "panel_no": rng.integers(1, 17, size=n),
            "hour": hour,
            "irradiance_wm2": irr.round(0),
            "module_temp_c": temp.round(1),
            "voltage_v": voltage.round(2),
            "current_a": current.round(2),
            "output_w": output.round(1),
        }
    )
    bad = rng.choice(n, size=18, replace=False)
    for k, i in enumerate(bad):
        kind = k % 3
        if kind == 0:  # dead string: no current in full sun
            frame.loc[i, ["irradiance_wm2", "current_a", "output_w"]] = [950.0, 0.05, 1.8]
        elif kind == 1:  # hot spot
            frame.loc[i, "module_temp_c"] = float(rng.uniform(85, 98))
            frame.loc[i, "output_w"] = round(float(frame.loc[i, "output_w"]) * 0.4, 1)
        else:  # bypass diode: voltage collapses
            frame.loc[i, "voltage_v"] = round(float(rng.uniform(11, 14)), 2)
            frame.loc[i, "output_w"] = round(
                float(frame.loc[i, "voltage_v"] * frame.loc[i, "current_a"]), 1
            )
    return frame


ENQ_BITS = {
    "quote": [
        "how much would it cost for panels on a 3 bed semi",
        "can i get a price for 10 panels and a battery",
        "looking for a quotation, roof faces south",
        "what is the price with the battery storage option",
        "interested in solar, please send estimate",
        "need a quote for my barn roof",
    ],
    "fault": [
        "inverter showing red light and error 32",
        "panels producing nothing since tuesday",
        "the app says string fault, output is zero",
        "inverter beeping and screen blank",
        "generation dropped by half, something broken?",
        "isolator switch tripped again, no power from panels",
    ],
    "billing": [
        "invoice has the wrong amount on it",
        "i was charged twice for the deposit",
        "when will the refund arrive, still not paid back",
        "need a copy of my invoice for the export tariff",
        "direct debit taken on wrong date",
        "payment plan question, can i pay monthly",
    ],
    "booking": [
        "can you move my install date to next week",
        "what time will the engineer arrive on friday",
        "need to rebook the survey appointment",
        "scaffolding booked for monday? please confirm",
        "the installer didnt turn up for the appointment",
        "can the survey be done on a saturday",
    ],
}


def enquiries(rng: np.random.Generator, n: int) -> pd.DataFrame:
    topics = list(ENQ_BITS)
    greet = ["Hi,", "Hello", "Dear team,", "", "hiya", "Good morning,"]
    sign = ["Thanks", "Regards, Mike", "cheers", "", "thank you - Anne", "sent from my phone"]
    rows = []
    for i in range(n):
        topic = rng.choice(topics, p=[0.3, 0.3, 0.2, 0.2])
        body = ". ".join(pick(rng, ENQ_BITS[topic], 1 if rng.random() < 0.6 else 2))
        rows.append(
            {
                "enquiry_id": f"E{8100 + i}",
                "channel": rng.choice(["email", "web_form", "phone_log"]),
                "message": f"{rng.choice(greet)} {body}. {rng.choice(sign)}".strip(),
                "topic": topic if rng.random() < 0.15 else "",
            }
        )
    return pd.DataFrame(rows)


MANUAL = """# Installation manual: roof-mounted PV systems

## Safety first
Every roof job starts with a risk assessment. Scaffolding is required on any roof higher than a
single storey. Panels produce voltage whenever light falls on them, so a string is treated as
live even when the inverter is off. Installers wear insulated gloves when connecting strings.

## Mounting
Roof hooks are fixed to the rafters, never to the battens alone. On a tile roof each hook sits in
a groove ground into the tile below so that the tile lies flat. Rails are fixed to the hooks and
must be level within 3 mm over their length. On slate roofs flashing plates are used instead of
hooks.

## Panel layout
Panels are mounted in portrait unless the roof is too shallow. A gap of 20 mm is left between
panels for thermal movement. If part of the roof is shaded in the afternoon, the shaded panels are
put on their own string or fitted with optimisers.

## Wiring
Strings are made of panels in series; the string voltage must stay under the inverter's maximum
input voltage on the coldest day. MC4 connectors are crimped with the matching tool and are never
mixed between brands. The DC isolator is fitted next to the inverter. Cable runs through the loft
are clipped every 300 mm.

## Inverter commissioning
The inverter is commissioned after the AC and DC isolators are tested. When the inverter starts,
it checks the grid for five minutes before exporting. Error 32 means the insulation resistance is
too low, which usually points to a damaged cable or a wet connector. A blank screen with a beep
means the DC input is below the start voltage.

## Handover
The customer gets the commissioning certificate, the MCS certificate and the warranty documents.
The installer shows the customer how to read the generation meter and how to switch the system off
safely. A follow-up call is made after two weeks to check the first readings.
"""


# ----------------------------------------------------------------------------- theatre
SHOWS = ["Hamlet", "The Wind in the Willows", "Blood Brothers", "An Inspector Calls"]


def ticket_sales(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    show = rng.choice(SHOWS, size=n)
    perf = rng.choice(["matinee", "evening"], size=n, p=[0.35, 0.65])
    day = rng.choice(["Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], size=n)
    ahead = np.clip(rng.exponential(18, n), 0, 120).round().astype(int)
    seats = rng.choice([1, 2, 2, 2, 3, 4, 4, 6], size=n)
    band = rng.choice(["A", "B", "C"], size=n, p=[0.3, 0.45, 0.25])
    channel = rng.choice(
        ["online", "phone", "box_office", "agent"], size=n, p=[0.6, 0.15, 0.15, 0.1]
    )
    member = rng.choice(["yes", "no"], size=n, p=[0.25, 0.75])
    comp = rng.choice(["no", "yes"], size=n, p=[0.92, 0.08])
    price = {"A": 42.0, "B": 31.0, "C": 19.5}
    total = np.array([price[b] * s for b, s in zip(band, seats, strict=True)])
    total = np.where(comp == "yes", 0.0, total * np.where(member == "yes", 0.85, 1.0)).round(2)
    p_show = (
        0.9
        - 0.25 * (comp == "yes")
        - 0.15 * (channel == "agent")
        + 0.05 * (member == "yes")
        - 0.004 * ahead
        + 0.05 * (perf == "evening")
    )
    attended = np.where(rng.random(n) < np.clip(p_show, 0.05, 0.98), "yes", "no")
    refunded = np.where((attended == "no") & (rng.random(n) < 0.35), "yes", "no")
    return pd.DataFrame(
        {
            "booking_id": [f"BK{start + i}" for i in range(n)],
            "show": show,
            "performance": perf,
            "weekday": day,
            "days_booked_ahead": ahead,
            "seats": seats,
            "price_band": band,
            "channel": channel,
            "member": member,
            "comp_ticket": comp,
            "total_paid": total,
            "attended": attended,
            "refunded": refunded,
        }
    )


COMMENT_BITS = {
    "praise": [
        "absolutely loved the cast, brilliant night",
        "the lead actor was outstanding",
        "stunning set and lighting, well done",
        "best show i have seen here in years",
        "kids were gripped from start to finish, wonderful",
        "moving performance, we were in tears",
    ],
    "complaint": [
        "the bar queue was awful and we missed the start",
        "seats were cramped and the view was blocked by a pillar",
        "too cold in the auditorium, freezing",
        "staff were rude at the door",
        "could not hear the actors at the back, terrible sound",
        "overpriced drinks and the toilets were dirty",
    ],
    "suggestion": [
        "would be nice to have a pre-order interval drinks option",
        "please add more matinees for families",
        "maybe offer booster cushions for children",
        "it would help to put the running time on the website",
        "could you consider a relaxed performance",
        "suggest adding captions on one night",
    ],
}


def survey_comments(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    classes = list(COMMENT_BITS)
    rows, gold = [], []
    for i in range(n):
        cls = rng.choice(classes, p=[0.45, 0.35, 0.2])
        text = ". ".join(pick(rng, COMMENT_BITS[cls], 1 if rng.random() < 0.55 else 2))
        if rng.random() < 0.15:
            text += ". " + pick(rng, COMMENT_BITS[rng.choice(classes)])[0]
        rid = 70000 + i
        rows.append(
            {
                "response_id": rid,
                "show": rng.choice(SHOWS),
                "seat_area": rng.choice(["stalls", "circle", "balcony", "box"]),
                "rating_1to5": int(
                    np.clip(
                        rng.normal({"praise": 4.5, "complaint": 2.2, "suggestion": 3.6}[cls], 0.7),
                        1,
                        5,
                    ).round()
                ),
                "comment": text,
            }
        )
        if rng.random() < 0.14:
            gold.append({"response_id": rid, "kind": cls})
    return pd.DataFrame(rows), pd.DataFrame(gold)


FAQ = """# Box office FAQ

## Booking
Tickets can be booked online, by phone or at the box office. The box office is open from 10am to
6pm Monday to Saturday, and until the interval on performance evenings. Phone bookings carry a
booking fee of 2 pounds per order. Members get 15 percent off every ticket in price bands A and B.

## Exchanges and refunds
Tickets can be exchanged for another performance of the same show up to 48 hours before the
performance. An exchange costs 1.50 pounds per ticket. Refunds are given only when a performance is
cancelled. If a performance is cancelled, the money goes back to the card used within ten working
days.

## Access
The stalls have step-free access from the side entrance on Mill Lane. Wheelchair spaces are
booked through the box office by phone, because the online system cannot hold them. A companion
ticket is free for anyone who needs a carer. Relaxed performances are performances where the
house lights stay low and people may move about and make noise.

## Arriving late
Latecomers are admitted at a suitable break in the performance. If you arrive after the start, an
usher will take you to a seat at the back of the stalls until the interval.

## Children
Children under two are not admitted, except to baby-friendly matinees. Booster cushions are
available from the cloakroom. Every child under 14 must sit with an adult.

## Food and drink
Interval drinks can be pre-ordered at the bar before the show. Hot drinks are not allowed in the
auditorium. The cafe serves light meals from 5pm on performance days.
"""


# ----------------------------------------------------------------------------- garage
JOB_TYPES = {
    "service": 1.5,
    "brakes": 2.0,
    "clutch": 5.5,
    "timing_belt": 4.0,
    "diagnostic": 1.0,
    "tyres": 0.7,
    "mot_repair": 2.5,
    "exhaust": 1.8,
}


def job_cards(rng: np.random.Generator, n: int, start: int, done: bool) -> pd.DataFrame:
    job = rng.choice(list(JOB_TYPES), size=n)
    make = rng.choice(["Ford", "Vauxhall", "VW", "Toyota", "BMW", "Peugeot", "Skoda"], size=n)
    age = rng.integers(1, 22, size=n)
    mileage = (age * rng.normal(13000, 3500, n)).clip(3000).round(-2).astype(int)
    mech = rng.choice(["GH", "RT", "PS", "AK"], size=n)
    est = np.array([JOB_TYPES[j] for j in job])
    frame = pd.DataFrame(
        {
            "job_id": [f"JC{start + i}" for i in range(n)],
            "make": make,
            "car_age_yrs": age,
            "mileage_km": mileage,
            "job_type": job,
            "mechanic": mech,
            "estimate_hours": est,
        }
    )
    if done:
        slow = 1 + 0.02 * age + 0.15 * (mech == "RT") + 0.25 * np.isin(make, ["BMW", "VW"])
        labour = (est * slow * rng.lognormal(0, 0.2, n)).round(1)
        parts = (est * rng.uniform(30, 140, n)).round(2)
        frame["labour_hours"] = labour
        frame["parts_cost"] = parts
        frame["overran"] = np.where(labour > est * 1.25, "yes", "no")
        p_back = 0.05 + 0.12 * (mech == "PS") + 0.08 * np.isin(job, ["clutch", "diagnostic"])
        frame["comeback"] = np.where(rng.random(n) < p_back, "yes", "no")
        odd = rng.choice(n, size=10, replace=False)
        frame.loc[odd[:5], "labour_hours"] = (frame.loc[odd[:5], "estimate_hours"] * 9).round(1)
        frame.loc[odd[5:], "parts_cost"] = 4999.0
    return frame


COMPLAINT_BITS = {
    "price": [
        "the bill was far more than the quote",
        "charged for parts i never saw",
        "labour rate is a rip off",
        "invoice higher than what was agreed on the phone",
    ],
    "delay": [
        "car was ready two days late",
        "nobody called to say it would not be done today",
        "waited three hours past the promised time",
        "still waiting for the part after a week",
    ],
    "workmanship": [
        "the noise came back the next day",
        "brake squeal is worse after the repair",
        "warning light is on again after the fix",
        "oil leak on my drive after the service",
    ],
    "staff": [
        "the man on reception was rude",
        "mechanic talked down to me",
        "no one explained what was done",
        "unfriendly and dismissive on the phone",
    ],
}


def complaints(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    classes = list(COMPLAINT_BITS)
    rows, gold = [], []
    for i in range(n):
        cls = rng.choice(classes, p=[0.3, 0.3, 0.25, 0.15])
        text = ". ".join(pick(rng, COMPLAINT_BITS[cls], 1 if rng.random() < 0.6 else 2))
        cid = 300 + i
        rows.append(
            {
                "complaint_id": cid,
                "job_id": f"JC{int(rng.integers(1000, 1700))}",
                "received_via": rng.choice(["email", "google_review", "phone"]),
                "text": text[0].upper() + text[1:] + ".",
            }
        )
        if rng.random() < 0.15:
            gold.append({"complaint_id": cid, "category": cls})
    return pd.DataFrame(rows), pd.DataFrame(gold)


def parts_orders(rng: np.random.Generator, n: int) -> list[dict[str, object]]:
    parts = {
        "brake pads": 38,
        "oil filter": 9,
        "clutch kit": 210,
        "timing belt kit": 145,
        "wiper blades": 14,
        "battery": 95,
        "exhaust back box": 120,
        "spark plugs": 22,
    }
    out = []
    for i in range(n):
        part = rng.choice(list(parts))
        supplier = rng.choice(["Autoparts Direct", "GSF", "Euro Car Parts", "LKQ"])
        days = int(max(0, rng.poisson(2 if supplier != "LKQ" else 4)))
        out.append(
            {
                "order_id": 9000 + i,
                "supplier": supplier,
                "part": part,
                "qty": int(rng.integers(1, 6)),
                "unit_price": round(float(parts[part] * rng.uniform(0.85, 1.2)), 2),
                "days_to_arrive": days,
                "status": "late" if days > 3 else "on_time",
            }
        )
    return out


GARAGE_TERMS = """Garage terms and warranty

All repairs carry a 12 month or 12,000 mile warranty on parts and labour, whichever comes first.
The warranty does not cover wear items such as brake pads, tyres and wiper blades. If a fault
returns within the warranty period, the car is inspected free of charge. A written estimate is
given before any work starts, and no extra work is done without the customer's consent.

Labour is charged at 68 pounds per hour plus VAT. Diagnostic time is charged in half hours. When a
job takes longer than the estimate because of seized bolts or corroded parts, the customer is
phoned before the extra time is used. Cars left more than seven days after completion are charged
storage at 10 pounds per day.

Complaints are answered within five working days. A complaint about workmanship is handled by
the workshop manager, who may ask to see the car again. If a complaint cannot be settled, the
customer can go to the Motor Ombudsman, which is an independent body for the motor trade.
"""


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(2121)
    intake(rng, 700, 1, True).to_csv(out / "intake.csv", index=False)
    intake(rng, 160, 1001, True).to_csv(out / "intake_test.csv", index=False)
    intake(rng, 35, 2001, False).to_csv(out / "new_arrivals.csv", index=False)
    volunteer_notes(rng, 480).to_csv(out / "volunteer_notes.csv", index=False)
    (out / "care_guide.md").write_text(CARE_GUIDE, encoding="utf-8")

    site_surveys(rng, 420).to_csv(out / "site_surveys.csv", index=False)
    panel_readings(rng, 1200).to_csv(out / "panel_readings.csv", index=False)
    enquiries(rng, 520).to_csv(out / "enquiries.csv", index=False)
    (out / "manuals").mkdir(exist_ok=True)
    (out / "manuals" / "installation_manual.md").write_text(MANUAL, encoding="utf-8")

    ticket_sales(rng, 900, 40001).to_csv(out / "ticket_sales.csv", index=False)
    ticket_sales(rng, 220, 50001).to_csv(out / "ticket_sales_autumn.csv", index=False)
    comments, comment_gold = survey_comments(rng, 450)
    comments.to_csv(out / "survey_comments.csv", index=False)
    comment_gold.to_csv(out / "survey_labels.csv", index=False)
    (out / "boxoffice_faq.md").write_text(FAQ, encoding="utf-8")

    job_cards(rng, 700, 1000, True).to_csv(out / "job_cards.csv", index=False)
    job_cards(rng, 30, 1700, False).to_csv(out / "jobs_booked.csv", index=False)
    text, gold = complaints(rng, 360)
    text.to_csv(out / "complaints.csv", index=False)
    gold.to_csv(out / "complaint_categories.csv", index=False)
    with (out / "parts_orders.jsonl").open("w", encoding="utf-8") as handle:
        for row in parts_orders(rng, 300):
            handle.write(json.dumps(row) + "\n")
    (out / "garage_terms.txt").write_text(GARAGE_TERMS, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
