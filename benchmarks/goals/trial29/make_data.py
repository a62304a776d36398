"""Trial 29 data: a veterinary clinic group and a community theatre.

Usage: python make_data.py OUT_DIR   (fixed seed; writes < 2 MB)
"""

import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 29
rng = random.Random(SEED)
nrng = np.random.default_rng(SEED)

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)

# ---------------------------------------------------------------- vet clinics
CLINICS = ["Northside", "Riverside", "Hillcrest"]
SPECIES = {
    "dog": (
        0.55,
        [
            "Labrador",
            "German Shepherd",
            "Beagle",
            "Mixed",
            "French Bulldog",
            "Border Collie",
            "Dachshund",
            "Golden Retriever",
        ],
        (2, 45),
    ),
    "cat": (0.33, ["Domestic Shorthair", "Maine Coon", "Siamese", "Persian", "Mixed"], (2.5, 8)),
    "rabbit": (0.06, ["Lop", "Netherland Dwarf", "Rex"], (1, 4)),
    "bird": (0.03, ["Budgie", "Cockatiel", "African Grey"], (0.03, 0.5)),
    "ferret": (0.03, ["Standard"], (0.6, 2)),
}
REASONS = {
    "dermatology": [
        "itching a lot, scratching ears",
        "hair loss on back, red skin",
        "hot spot on neck",
        "keeps licking paws, rash",
        "flea allergy flare up",
        "lump on skin owner worried",
        "scratchy skin and dandruff",
    ],
    "gastro": [
        "vomiting since yesterday",
        "diarrhea 3 days",
        "not eating, vomitted twice",
        "ate a sock??",
        "bloody stool",
        "stomach upset after eating garbage",
        "weight loss and vomiting",
    ],
    "dental": [
        "bad breath",
        "dental cleaning",
        "broken tooth",
        "drooling, wont chew",
        "teeth check + tartar",
        "gum bleeding",
    ],
    "orthopedic": [
        "limping on back leg",
        "lame front left",
        "stiff in the mornings",
        "cant jump on couch anymore",
        "hurt leg at dog park",
        "knee problem again",
    ],
    "respiratory": [
        "coughing at night",
        "sneezing and runny nose",
        "wheezing",
        "breathing fast",
        "kennel cough?",
        "nasal discharge",
    ],
    "wellness": [
        "annual vaccines",
        "yearly checkup",
        "booster shot",
        "puppy shots",
        "kitten check",
        "nail trim + checkup",
        "microchip and vaccines",
        "senior wellness exam",
    ],
}
GROUP_W = {
    "dermatology": 0.17,
    "gastro": 0.16,
    "dental": 0.12,
    "orthopedic": 0.13,
    "respiratory": 0.10,
    "wellness": 0.32,
}


def messy_species(s):
    r = rng.random()
    if r < 0.06:
        return s.capitalize()
    if r < 0.08:
        return s.upper()
    if r < 0.10:
        return s + " "
    return s


def vet_rows(n, start_id, start_day, with_outcome=True):
    rows = []
    sp_names = list(SPECIES)
    sp_w = [SPECIES[s][0] for s in sp_names]
    groups = list(GROUP_W)
    gw = [GROUP_W[g] for g in groups]
    for i in range(n):
        sp = rng.choices(sp_names, sp_w)[0]
        _, breeds, (wlo, whi) = SPECIES[sp]
        breed = rng.choice(breeds)
        age = round(min(18, max(0.2, rng.gammavariate(2.2, 2.6))), 1)
        weight = round(rng.uniform(wlo, whi) * (0.6 if age < 1 else 1.0), 1)
        g = rng.choices(groups, gw)[0]
        if age > 9 and rng.random() < 0.25:
            g = "orthopedic"
        reason = rng.choice(REASONS[g])
        if rng.random() < 0.3:
            reason = reason + rng.choice(
                [
                    " - owner v. worried",
                    ", 2nd visit",
                    " (urgent)",
                    ". Owner asks for dr Patel",
                    " pls call back",
                ]
            )
        if rng.random() < 0.15:
            reason = reason.upper() if rng.random() < 0.3 else reason.capitalize()
        booked = int(min(90, rng.expovariate(1 / 12)))
        reminder = rng.random() < 0.7
        first = rng.random() < 0.2
        day = start_day + timedelta(days=rng.randrange(0, 120))
        clinic = rng.choices(CLINICS, [0.45, 0.35, 0.20])[0]
        row = {
            "appt_id": f"A{start_id + i:05d}",
            "clinic": clinic,
            "appt_date": day.isoformat(),
            "species": messy_species(sp),
            "breed": breed,
            "age_years": age,
            "weight_kg": weight if rng.random() > 0.05 else None,
            "visit_reason": reason,
            "booked_days_ahead": booked,
            "reminder_sent": "yes" if reminder else "no",
            "first_visit": "yes" if first else "no",
            "diagnosis_group": g,
        }
        if with_outcome:
            logit = (
                -2.3
                + 0.045 * booked
                - 1.1 * reminder
                + 0.8 * first
                + (0.6 if g == "wellness" else 0)
            )
            p = 1 / (1 + np.exp(-logit))
            row["no_show"] = "yes" if rng.random() < p else "no"
        rows.append(row)
    return rows


appts = pd.DataFrame(vet_rows(640, 1, date(2025, 1, 6)))
# diagnosis_group only partly filled by the vets (about 22%)
mask = [rng.random() > 0.22 for _ in range(len(appts))]
appts.loc[mask, "diagnosis_group"] = None
appts.loc[appts["no_show"] == "yes", "diagnosis_group"] = None  # no visit, no diagnosis
appts.to_csv(out / "vet_appointments.csv", index=False)

new = pd.DataFrame(vet_rows(75, 5001, date(2025, 6, 2), with_outcome=False))
new = new.drop(columns=["diagnosis_group"])
new.to_csv(out / "vet_new_appointments.csv", index=False)

POLICY = """# Pawsitive Care Veterinary Group: Clinic Policies

These policies apply to all three of our clinics (Northside, Riverside and Hillcrest). They were last reviewed by the practice managers in March 2025.

## Appointments and booking

Appointments can be booked online, by phone or at the front desk. Routine appointments are 20 minutes long. Longer consults of 40 minutes are required for new patients, senior wellness exams and behaviour consults. A reminder text is sent 48 hours before every appointment; owners who do not want text reminders can ask for a phone call instead.

Emergency cases are seen the same day whenever a vet is available. If no vet is available, the front desk refers the owner to the City Animal Emergency Hospital, which is open 24 hours.

## Cancellations and no-shows

Owners are asked to cancel at least 24 hours in advance. A missed appointment without notice is recorded as a no-show. After two no-shows in twelve months, the owner must pay a deposit of $30 when booking the next appointment. The deposit is refunded when the pet attends. No-show fees are waived for emergencies, bereavement and severe weather days declared by the clinic manager.

## Payment

Payment is due at the end of each visit. We accept cash, debit and credit cards. Payment plans are available for treatments over $500 and must be approved by the practice manager before treatment starts. Pet insurance claims are submitted by the owner; our staff will fill in the vet section of the claim form free of charge within five working days.

## Vaccinations

Dogs receive the core vaccines (distemper, parvovirus, adenovirus and rabies) as puppies, a booster at one year and then every three years. Cats receive the core vaccines (panleukopenia, calicivirus, herpesvirus and rabies) on the same schedule. Rabbits are vaccinated against myxomatosis and RHD every twelve months. Kennel cough vaccination is recommended for dogs that visit boarding kennels, daycare or dog parks, and is given yearly.

A vaccination certificate is printed at every vaccine visit. Lost certificates can be reprinted at the front desk for a fee of $5.

## Dental care

Dental cleaning is done under general anaesthetic. Pets must fast for twelve hours before a dental procedure; water is allowed until two hours before admission. Admission for dental procedures is between 7:30 and 8:30 in the morning, and most pets go home the same afternoon. Owners receive a dental chart showing every tooth that was treated or removed.

## Surgery

Before any surgery under anaesthetic, pets older than seven years need a pre-anaesthetic blood test. The blood test can be done on the morning of surgery or up to two weeks before. Owners sign a consent form at admission. A vet calls the owner after the surgery to report how it went. Stitches are removed ten to fourteen days after surgery, at no extra charge.

Spaying and neutering are recommended at six months of age for cats and between six and twelve months for dogs, depending on breed size. Large breeds may be neutered later on the vet's advice.

## Medication and prescriptions

Prescription medication is only dispensed for animals that a vet at our group has examined in the last twelve months. Repeat prescriptions take two working days to prepare. Controlled drugs are dispensed for at most thirty days at a time. Unused medication can be returned to any clinic for safe disposal; it cannot be resold or reused.

## Weight management

Pets whose weight is more than 15% above their ideal weight are offered a free weight clinic with a veterinary nurse. Weight clinics are held every two weeks. The nurse weighs the pet, checks the diet plan and adjusts the food amount. Owners are encouraged to weigh food with kitchen scales rather than cups.

## Exotic animals

Birds, ferrets and rabbits are seen at the Riverside clinic only, by Dr. Okafor and Dr. Lindqvist, who have extra training in exotic animals. Birds should be brought in their own cage with the floor paper unchanged, so the vet can check the droppings. Ferrets need a yearly distemper vaccine.

## Euthanasia and aftercare

Euthanasia appointments are booked at the end of the day in a quiet room, and owners may stay with their pet. Home euthanasia is available within fifteen kilometres of a clinic. We offer communal cremation, individual cremation with the ashes returned within ten days, or home burial. A sympathy card is sent to the family by the treating vet.

## Complaints

Complaints are handled by the practice manager of the clinic concerned. A written complaint receives an answer within ten working days. If the owner is not satisfied with the answer, the complaint is passed to the group's clinical director, Dr. Amara Patel. Staff never discuss complaints on social media.

## Boarding and hospital stays

Pets kept in hospital overnight are checked by a nurse every four hours. Owners may visit hospitalised pets between 4 pm and 6 pm, for at most thirty minutes, unless the vet says the visit would stress the animal. Food from home is welcome if it is labelled with the pet's name. Our clinics do not offer holiday boarding; the front desk keeps a list of kennels and catteries that we trust.

## Records and privacy

Clinical records are kept for seven years after the last visit. Owners may ask for a copy of their pet's records at any time, and copies are sent by email within three working days. Records are only shared with another practice, an insurer or a breeder when the owner has given written permission. A microchip number is updated on the national register by the owner, not by the clinic.

## Staff safety

Aggressive animals may be muzzled or sedated for the safety of the staff and the animal. Owners of a dog with a history of biting must say so when booking. Staff may refuse to handle an animal without sedation if they judge it unsafe.
"""
(out / "clinic_policies.md").write_text(POLICY)

# ---------------------------------------------------------------- theatre
SHOWS = {
    "Our Town": (date(2025, 2, 6), 10, 24.0),
    "Into the Woods": (date(2025, 4, 10), 12, 32.0),
    "The Crucible": (date(2025, 9, 18), 9, 26.0),
    "A Christmas Carol": (date(2025, 12, 4), 14, 28.0),
}
SECTIONS = {"Orchestra": 1.0, "Mezzanine": 0.85, "Balcony": 0.65}
orders = []
oid = 70001
for show, (first, nperf, base) in SHOWS.items():
    perfs = [first + timedelta(days=d) for d in range(0, nperf * 2, 2)]
    for _ in range(
        {"Our Town": 170, "Into the Woods": 260, "The Crucible": 150, "A Christmas Carol": 300}[
            show
        ]
    ):
        perf = rng.choice(perfs)
        sec = rng.choices(list(SECTIONS), [0.5, 0.3, 0.2])[0]
        tickets = rng.choices([1, 2, 3, 4, 5, 6, 8], [0.18, 0.45, 0.1, 0.15, 0.05, 0.04, 0.03])[0]
        disc = rng.choices(
            [None, "SENIOR10", "STUDENT", "GROUP15", "VOLUNTEER"], [0.7, 0.12, 0.08, 0.06, 0.04]
        )[0]
        price = (
            base
            * SECTIONS[sec]
            * {None: 1, "SENIOR10": 0.9, "STUDENT": 0.5, "GROUP15": 0.85, "VOLUNTEER": 0.0}[disc]
        )
        price = round(price, 2)
        orders.append(
            {
                "order_id": oid,
                "show": show,
                "performance_date": perf.isoformat(),
                "matinee": perf.weekday() >= 5 and rng.random() < 0.5,
                "section": sec,
                "tickets": tickets,
                "price_each": price,
                "total": round(price * tickets, 2),
                "channel": rng.choices(["online", "box office", "phone"], [0.62, 0.28, 0.10])[0],
                "discount_code": disc,
                "member": rng.random() < 0.3,
                "days_before_show": int(rng.expovariate(1 / 10)),
            }
        )
        oid += 1
sales = pd.DataFrame(orders)
sales.to_parquet(out / "ticket_sales.parquet", index=False)

POS = [
    "Loved it! The cast was amazing",
    "wonderful evening, the singing gave me chills",
    "Best show you've done in years",
    "great sets and costumes, bravo",
    "the kids enjoyed every minute",
    "brilliant acting, especially the lead",
    "so moving, I cried at the end",
    "fantastic, we will be back next season",
    "really well directed, tight pacing",
    "what a talented group of volunteers",
]
NEG = [
    "couldn't hear half the lines from the balcony",
    "seats were uncomfortable and cramped",
    "too long, second act dragged",
    "the sound system kept crackling",
    "started 25 minutes late, no explanation",
    "parking was a nightmare",
    "overpriced for community theatre",
    "the lighting was too dark to see faces",
    "rude usher at the door",
    "concessions ran out of everything at intermission",
]
NEU = [
    "it was ok",
    "came with my sister",
    "first time attending",
    "parking info would help",
    "saw it on saturday",
    "fine, nothing special",
    "average show",
    "the programme had a typo",
    "we sat in the mezzanine",
    "intermission was 20 mins",
]
survey = []
for i in range(340):
    show = rng.choice(list(SHOWS))
    s = rng.choices(["positive", "negative", "neutral"], [0.5, 0.3, 0.2])[0]
    pool = {"positive": POS, "negative": NEG, "neutral": NEU}[s]
    txt = rng.choice(pool)
    if rng.random() < 0.4:
        other = rng.choice({"positive": POS + NEU, "negative": NEG + NEU, "neutral": NEU}[s])
        txt = txt + ". " + other
    if rng.random() < 0.1:
        txt = txt.lower().replace("the ", "teh ", 1)
    rating = {
        "positive": rng.choice([4, 5, 5]),
        "negative": rng.choice([1, 2, 2, 3]),
        "neutral": rng.choice([3, 3, 4]),
    }[s]
    survey.append(
        {
            "response_id": f"S{i + 1:04d}",
            "show": show,
            "rating": rating if rng.random() > 0.08 else None,
            "comment": txt,
            "sentiment": s if rng.random() < 0.25 else None,
        }
    )
pd.DataFrame(survey).to_csv(out / "audience_survey.csv", index=False)

VOLS = [
    "Maria G.",
    "Tom Becker",
    "Aisha",
    "Li Wei",
    "Dorothy",
    "Sam O'Neil",
    "Priya",
    "Jonas",
    "Beth K.",
    "Carlos",
    "Hannah",
    "Ibrahim",
]
ROLES = {
    "usher": (3.0, 0.5),
    "box office": (3.5, 0.7),
    "concessions": (3.0, 0.5),
    "set build": (5.0, 1.5),
    "lighting": (4.5, 1.0),
    "costumes": (4.0, 1.2),
}
shifts = []
for i in range(260):
    role = rng.choice(list(ROLES))
    mu, sd = ROLES[role]
    show = rng.choice(list(SHOWS))
    d = SHOWS[show][0] + timedelta(days=rng.randrange(-30, 20))
    shifts.append(
        {
            "shift_id": i + 1,
            "volunteer": rng.choice(VOLS),
            "role": role,
            "show": show,
            "date": d.isoformat(),
            "start": f"{rng.choice([9, 10, 13, 17, 18, 18, 19])}:{rng.choice(['00', '30'])}",
            "hours": round(max(1.0, rng.gauss(mu, sd)) * 2) / 2,
            "notes": rng.choice(
                [
                    "",
                    "",
                    "",
                    "covered for Jonas",
                    "left early",
                    "trained new usher",
                    "brought snacks",
                ]
            ),
        }
    )
# planted impossible rows
shifts[17]["hours"] = -3.0
shifts[58]["hours"] = 30.0
shifts[101]["hours"] = -1.5
shifts[144]["hours"] = 26.5
shifts[199]["date"] = "1925-04-12"
shifts[230]["hours"] = 0.0
with open(out / "volunteer_shifts.jsonl", "w") as f:
    for s in shifts:
        f.write(json.dumps(s) + "\n")

print("wrote", sorted(p.name for p in out.iterdir()))
