"""Write heldout8's invented data (a vet clinic, a home-care agency, a small insurer) into DIR."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 8008


def _pick(rng: np.random.Generator, options: list[str], n: int, p: list[float] | None = None):
    return rng.choice(options, size=n, p=p)


def _dates(rng: np.random.Generator, start: str, days: int, n: int) -> pd.Series:
    base = pd.Timestamp(start)
    return pd.Series([base + pd.Timedelta(days=int(d)) for d in rng.integers(0, days, n)])


# ----- vet clinic ----------------------------------------------------------------------------
def appointments(rng: np.random.Generator, start: str, first_ref: int, n: int) -> pd.DataFrame:
    """Bookings with whether the client turned up (one half-year per file)."""
    appt_date = _dates(rng, start, 181, n)
    lead = rng.integers(0, 60, n)
    booked = appt_date - pd.to_timedelta(lead, unit="D")
    species = _pick(
        rng, ["dog", "cat", "rabbit", "guinea pig", "bird"], n, [0.5, 0.35, 0.08, 0.04, 0.03]
    )
    visit = _pick(
        rng,
        ["vaccination", "check-up", "dental", "nail clip", "post-op", "consult"],
        n,
        [0.25, 0.2, 0.1, 0.15, 0.1, 0.2],
    )
    years = np.round(rng.gamma(2.0, 2.0, n), 1)
    prev = rng.poisson(0.4, n)
    sms = _pick(rng, ["Y", "N"], n, [0.7, 0.3])
    vet = _pick(rng, ["Dr Okafor", "Dr Lindqvist", "Dr Patel", "Nurse Reyes"], n)
    logit = (
        -2.3
        + 0.035 * lead
        + 0.8 * prev
        - 0.9 * (sms == "Y")
        - 0.12 * years
        + 0.6 * (visit == "nail clip")
        - 0.9 * (visit == "post-op")
    )
    no_show = rng.random(n) < 1 / (1 + np.exp(-logit))
    return pd.DataFrame(
        {
            "appt_ref": [f"A{first_ref + i}" for i in range(n)],
            "booked_date": booked.dt.strftime("%Y-%m-%d"),
            "appt_date": appt_date.dt.strftime("%Y-%m-%d"),
            "species": species,
            "visit_type": visit,
            "lead_time_days": lead,
            "client_since_yrs": years,
            "prev_no_shows": prev,
            "sms_reminder": sms,
            "vet": vet,
            "attended": np.where(no_show, "No", "Yes"),
        }
    )


PRAISE = [
    "Nurse was so gentle with {pet}, thank you",
    "really lovely reception staff, we felt welcome",
    "Dr explained everything clearly and didn't rush us",
    "{pet} came home happy and the wound is healing well",
    "quick appointment, on time, great with nervous animals",
    "thank you for squeezing us in on a saturday",
    "fair price and the follow-up call was a nice touch",
    "best vets we have had, {pet} actually likes coming here",
]
COMPLAINT = [
    "waited 45 minutes past our slot with no apology",
    "bill was much higher than the estimate we were given",
    "nobody called back about {pet}'s blood results",
    "receptionist was rude on the phone when I rang to cancel",
    "parking is impossible and the waiting room was filthy",
    "charged twice for the same vaccine, still waiting for a refund",
    "{pet} was sent home still groggy and nobody warned us",
    "booking system lost our appointment again",
]
NEUTRAL = [
    "can you add more evening slots",
    "is the clinic open on bank holidays",
    "we moved house, please update the address",
    "{pet} had the booster today",
]


def feedback(rng: np.random.Generator, n: int = 540) -> pd.DataFrame:
    """Client comments; only some carry a praise/complaint tag."""
    pets = ["Biscuit", "Luna", "Max", "Pepper", "Mochi", "Bramble", "Otis", "Hazel"]
    kind = _pick(rng, ["praise", "complaint", "neutral"], n, [0.5, 0.4, 0.1])
    comments, tags = [], []
    for k in kind:
        pool = {"praise": PRAISE, "complaint": COMPLAINT, "neutral": NEUTRAL}[k]
        parts = rng.choice(pool, size=int(rng.integers(1, 3)), replace=False)
        text = ". ".join(p.format(pet=rng.choice(pets)) for p in parts)
        if rng.random() < 0.2:
            other = PRAISE if k == "complaint" else COMPLAINT
            text += " but " + rng.choice(other).format(pet=rng.choice(pets))
        comments.append(text)
        label = k if k != "neutral" else ("praise" if rng.random() < 0.5 else "complaint")
        tags.append(label if rng.random() < 0.14 else "")
    return pd.DataFrame(
        {
            "Feedback ID": [f"FB-{3000 + i}" for i in range(n)],
            "Received": _dates(rng, "2026-01-05", 300, n).dt.strftime("%d/%m/%Y"),
            "Branch": _pick(rng, ["Hillside", "Market St"], n),
            "Comment": comments,
            "Tag": tags,
        }
    )


def vaccinations(rng: np.random.Generator, n: int = 820) -> pd.DataFrame:
    """The pet vaccination register, with a few impossible entries planted."""
    species = _pick(rng, ["dog", "cat", "rabbit"], n, [0.55, 0.37, 0.08])
    breeds = {
        "dog": ["labrador", "cockapoo", "border collie", "staffie", "dachshund", "mixed"],
        "cat": ["domestic shorthair", "siamese", "maine coon", "ragdoll"],
        "rabbit": ["lop", "netherland dwarf", "rex"],
    }
    vaccines = {
        "dog": (["DHP", "Lepto L4", "Kennel cough", "Rabies"], 1.0),
        "cat": (["RCP", "FeLV"], 1.0),
        "rabbit": (["RHDV2", "Myxo-RHD"], 0.5),
    }
    base_weight = {"dog": (18, 9), "cat": (4.3, 1.0), "rabbit": (2.2, 0.6)}
    rows = []
    for i, sp in enumerate(species):
        mu, sd = base_weight[sp]
        names, dose = vaccines[sp]
        given = pd.Timestamp("2025-06-01") + pd.Timedelta(days=int(rng.integers(0, 400)))
        rows.append(
            {
                "pet_id": f"P{5100 + i}",
                "pet_name": str(rng.choice(["Rosie", "Bear", "Tilly", "Milo", "Nala", "Ziggy"])),
                "species": sp,
                "breed": str(rng.choice(breeds[sp])),
                "age_years": round(float(rng.uniform(0.2, 14 if sp != "rabbit" else 9)), 1),
                "weight_kg": round(max(0.4, float(rng.normal(mu, sd))), 1),
                "vaccine": str(rng.choice(names)),
                "dose_ml": dose,
                "date_given": given.strftime("%Y-%m-%d"),
                "next_due": (given + pd.Timedelta(days=365)).strftime("%Y-%m-%d"),
                "batch_no": f"B{int(rng.integers(1000, 1012))}",
                "given_by": str(rng.choice(["SR", "KL", "MO", "JP"])),
            }
        )
    frame = pd.DataFrame(rows)
    planted = {
        40: {"weight_kg": 412.0},
        133: {"dose_ml": 25.0},
        260: {"age_years": 47.0},
        377: {"species": "cat", "vaccine": "Lepto L4"},
        501: {"weight_kg": 0.05, "species": "dog"},
        644: {"dose_ml": 0.01},
        702: {"species": "rabbit", "breed": "border collie"},
        780: {"age_years": 31.5, "weight_kg": 96.0},
    }
    for row, values in planted.items():
        for column, value in values.items():
            frame.loc[row, column] = value
    return frame


# ----- home care -------------------------------------------------------------------------------
def visit_log(
    rng: np.random.Generator, month: str, first: int, n: int, plant: bool
) -> pd.DataFrame:
    """One month of scheduled home-care visits and what happened."""
    days = pd.Timestamp(month).days_in_month
    day = _dates(rng, month, days, n)
    slot = _pick(rng, ["07:30", "08:00", "09:00", "12:30", "13:00", "17:00", "19:30", "21:00"], n)
    area = _pick(rng, ["North", "Riverside", "Old Town", "Hilltop"], n, [0.3, 0.3, 0.25, 0.15])
    planned = _pick(rng, ["15", "30", "45", "60"], n, [0.15, 0.5, 0.2, 0.15]).astype(int)
    travel = np.round(rng.gamma(2.0, 3.0, n) + 2 * (area == "Hilltop"), 1)
    double_up = _pick(rng, ["Y", "N"], n, [0.2, 0.8])
    early = np.isin(slot, ["07:30", "08:00"])
    logit_missed = -3.6 + 0.12 * travel + 0.9 * early + 0.8 * (double_up == "Y")
    missed = rng.random(n) < 1 / (1 + np.exp(-logit_missed))
    late_mins = np.clip(rng.normal(4 + 1.1 * travel + 8 * early, 9, n), -10, 90).round()
    late_mins = np.where(missed, np.nan, late_mins)
    actual = np.where(missed, 0, np.clip(planned - rng.normal(3, 5, n), 5, None)).round()
    outcome = np.where(missed, "Missed", np.where(late_mins > 15, "Late", "On time"))
    frame = pd.DataFrame(
        {
            "Visit Ref": [f"V{first + i}" for i in range(n)],
            "Date": day.dt.strftime("%Y-%m-%d"),
            "Slot": slot,
            "Carer": _pick(rng, [f"C{c:02d}" for c in range(1, 23)], n),
            "Client ID": _pick(rng, [f"CL{c:03d}" for c in range(1, 90)], n),
            "Area": area,
            "Planned Mins": planned,
            "Actual Mins": actual,
            "Mins Late": late_mins,
            "Travel km": travel,
            "Double-up": double_up,
            "Outcome": outcome,
        }
    )
    if plant:
        for row, values in {
            55: {"Actual Mins": 540.0},
            190: {"Travel km": 310.0},
            333: {"Mins Late": -240.0},
            610: {"Actual Mins": 95.0, "Planned Mins": 15},
            888: {"Travel km": 0.0, "Area": "Hilltop", "Mins Late": 85.0, "Outcome": "On time"},
            1010: {"Actual Mins": 45.0, "Outcome": "Missed"},
        }.items():
            for column, value in values.items():
                frame.loc[row, column] = value
    return frame


CONCERN = [
    "Mrs {c} seemed confused about what day it was, more than usual",
    "found {c} on the floor by the bed, says she slipped, no obvious injury",
    "blister pack for tuesday still full, not sure meds were taken",
    "fridge nearly empty and out-of-date milk, {c} says family haven't visited",
    "bruise on left forearm, {c} couldn't say how it happened",
    "{c} refused personal care again and was tearful",
    "pressure area on heel looks red and sore",
    "key safe code not working, had to wait outside 20 mins",
    "smell of gas in the kitchen, told {c} to open window and reported it",
]
ROUTINE = [
    "personal care done, {c} in good spirits",
    "made breakfast, porridge and tea, meds prompted and taken",
    "helped {c} to shower, skin intact, creams applied",
    "chatted about the garden, {c} ate all his lunch",
    "tidied kitchen, emptied bins, {c} settled watching tv",
    "evening call, {c} in bed, commode emptied",
    "{c} had a good day, daughter visiting later",
]


def carer_notes(rng: np.random.Generator, visits: pd.DataFrame, n: int = 700) -> pd.DataFrame:
    """Free-text visit notes; only some carry the follow-up flag the coordinator added."""
    names = ["Jean", "Arthur", "Doreen", "Bill", "Mavis", "Stan", "Irene"]
    refs = rng.choice(visits["Visit Ref"].to_numpy(), size=n, replace=False)
    notes, flags = [], []
    for _ in range(n):
        worry = rng.random() < 0.28
        pool = CONCERN if worry else ROUTINE
        text = str(rng.choice(pool)).format(c=rng.choice(names))
        if rng.random() < 0.5:
            text += ". " + str(rng.choice(ROUTINE)).format(c=rng.choice(names))
        notes.append(text)
        flags.append(("yes" if worry else "no") if rng.random() < 0.13 else "")
    return pd.DataFrame(
        {
            "note_id": np.arange(1, n + 1),
            "visit_ref": refs,
            "written_by": _pick(rng, [f"C{c:02d}" for c in range(1, 23)], n),
            "note": notes,
            "needs_follow_up": flags,
        }
    )


INCIDENT = {
    "fall": (
        [
            "client fell in bathroom",
            "found on floor in lounge",
            "slid off the chair while standing",
        ],
        [
            "no injury, helped up with the hoist",
            "cut to forehead, ambulance called",
            "hip pain, taken to A&E",
        ],
    ),
    "medication": (
        [
            "evening tablets not given",
            "double dose of paracetamol prompted",
            "wrong blister pack opened",
        ],
        ["GP informed, no harm", "111 advised monitoring", "client unwell, paramedics attended"],
    ),
    "safeguarding": (
        [
            "money missing from purse",
            "unexplained bruising on arms",
            "neighbour shouting at client",
        ],
        ["reported to the local authority", "manager informed, logged", "police called"],
    ),
    "other": (
        [
            "carer car broke down",
            "door left unlocked by previous visit",
            "dog bit the carer's hand",
        ],
        ["no harm", "first aid given", "visit rescheduled"],
    ),
}


def incidents(rng: np.random.Generator, n: int = 320) -> pd.DataFrame:
    """Incident reports: type always filled, severity only where the quality lead graded it."""
    kinds = _pick(rng, list(INCIDENT), n, [0.4, 0.3, 0.15, 0.15])
    text, severity = [], []
    for k in kinds:
        what, after = INCIDENT[k]
        j = int(rng.integers(0, 3))
        text.append(f"{rng.choice(what)}, {after[j]}")
        sev = ["low", "medium", "high"][j]
        severity.append(sev if rng.random() < 0.55 else "")
    return pd.DataFrame(
        {
            "Incident No": [f"INC{7000 + i}" for i in range(n)],
            "Date": _dates(rng, "2025-10-01", 180, n).dt.strftime("%d/%m/%Y"),
            "Client ID": _pick(rng, [f"CL{c:03d}" for c in range(1, 90)], n),
            "Reported By": _pick(rng, [f"C{c:02d}" for c in range(1, 23)], n),
            "Type": kinds,
            "What Happened": text,
            "Severity": severity,
        }
    )


# ----- insurer ---------------------------------------------------------------------------------
MOTOR_HONEST = [
    "rear-ended at traffic lights on {road}, other driver admitted fault",
    "reversed into bollard in supermarket car park",
    "hit pothole on {road}, tyre and alloy damaged",
    "side-swiped by a van changing lanes, dashcam footage available",
    "windscreen cracked by stone on the motorway",
]
MOTOR_ODD = [
    "parked car hit overnight, no witnesses, no CCTV",
    "collision on {road} late at night, third party car full of passengers all claiming whiplash",
    "vehicle stolen and found burnt out, keys still with owner",
    "sudden braking by car in front, driver left before details exchanged",
    "policy started two weeks ago, car written off in single-vehicle accident",
]


def motor(rng: np.random.Generator, n: int = 1000) -> pd.DataFrame:
    """Motor claims with a fraud-suspicion column filled in on some rows only."""
    roads = ["the A38", "Mill Lane", "the ring road", "Station Rd", "the M5"]
    odd = rng.random(n) < 0.18
    days = np.where(odd, rng.integers(5, 90, n), rng.integers(0, 12, n))
    amount = np.where(odd, rng.lognormal(8.6, 0.6, n), rng.lognormal(7.6, 0.7, n)).round(2)
    text = [
        str(rng.choice(MOTOR_ODD if o and rng.random() < 0.8 else MOTOR_HONEST)).format(
            road=rng.choice(roads)
        )
        for o in odd
    ]
    loss = _dates(rng, "2025-04-01", 330, n)
    suspicion = [("suspicious" if o else "clear") if rng.random() < 0.12 else "" for o in odd]
    frame = pd.DataFrame(
        {
            "claim_no": [f"MC-{20400 + i}" for i in range(n)],
            "policy_no": [f"PM{int(x)}" for x in rng.integers(100000, 999999, n)],
            "date_of_loss": loss.dt.strftime("%Y-%m-%d"),
            "date_reported": (loss + pd.to_timedelta(days, unit="D")).dt.strftime("%Y-%m-%d"),
            "days_to_report": days,
            "claim_amount_gbp": amount,
            "vehicle_age_yrs": rng.integers(0, 18, n),
            "driver_age": rng.integers(17, 86, n),
            "prior_claims_3y": np.where(odd, rng.poisson(1.2, n), rng.poisson(0.3, n)),
            "third_party": _pick(rng, ["Y", "N"], n, [0.55, 0.45]),
            "police_ref_given": np.where(
                odd, _pick(rng, ["Y", "N"], n, [0.25, 0.75]), _pick(rng, ["Y", "N"], n, [0.6, 0.4])
            ),
            "circumstances": text,
            "fraud_suspicion": suspicion,
        }
    )
    for row, amt in {77: 184000.0, 402: 0.5, 913: 96500.0}.items():
        frame.loc[row, "claim_amount_gbp"] = amt
    frame["_odd"] = odd
    return frame


HOME_TEXT = {
    "escape of water": [
        "burst pipe under kitchen sink",
        "leak from upstairs bathroom through ceiling",
    ],
    "theft": ["break-in through back door, laptop and jewellery taken", "bike stolen from shed"],
    "storm": ["roof tiles blown off in storm", "fence panels down after high winds"],
    "fire": ["chip pan fire in kitchen", "electrical fire in garage"],
    "accidental damage": ["red wine on new carpet", "dropped TV while moving it"],
}


def home(rng: np.random.Generator, n: int = 780) -> pd.DataFrame:
    """Home claims: same kind of fraud column, different columns otherwise."""
    peril = _pick(rng, list(HOME_TEXT), n, [0.3, 0.2, 0.25, 0.08, 0.17])
    odd = rng.random(n) < 0.15
    months = np.where(odd, rng.integers(0, 4, n), rng.integers(1, 120, n))
    amount = np.where(odd, rng.lognormal(8.9, 0.5, n), rng.lognormal(7.9, 0.8, n)).round(2)
    text = [str(rng.choice(HOME_TEXT[p])) for p in peril]
    text = [
        t + (", receipts not available" if o and rng.random() < 0.6 else "")
        for t, o in zip(text, odd, strict=True)
    ]
    frame = pd.DataFrame(
        {
            "claim_no": [f"HC-{61000 + i}" for i in range(n)],
            "policy_no": [f"PH{int(x)}" for x in rng.integers(100000, 999999, n)],
            "peril": peril,
            "date_of_loss": _dates(rng, "2025-04-01", 330, n).dt.strftime("%Y-%m-%d"),
            "claim_amount_gbp": amount,
            "property_age_yrs": rng.integers(1, 150, n),
            "months_on_cover": months,
            "prior_claims_3y": np.where(odd, rng.poisson(1.0, n), rng.poisson(0.25, n)),
            "circumstances": text,
            "fraud_suspicion": [
                ("suspicious" if o else "clear") if rng.random() < 0.1 else "" for o in odd
            ],
        }
    )
    for row, values in {
        33: {"claim_amount_gbp": 950000.0, "peril": "accidental damage"},
        318: {"property_age_yrs": 640},
        555: {"claim_amount_gbp": 71000.0, "peril": "theft", "months_on_cover": 0},
    }.items():
        for column, value in values.items():
            frame.loc[row, column] = value
    return frame


def checked(rng: np.random.Generator, claims: pd.DataFrame, n: int = 160) -> pd.DataFrame:
    """The senior handler's hand-checked verdicts on some motor claims (joins on claim_no)."""
    rows = claims.sample(n=n, random_state=int(rng.integers(0, 10_000)))
    verdict = np.where(rows["_odd"], "suspicious", "clear")
    flip = rng.random(n) < 0.05
    verdict = np.where(flip, np.where(verdict == "clear", "suspicious", "clear"), verdict)
    return pd.DataFrame(
        {
            "claim_no": rows["claim_no"].to_numpy(),
            "verdict": verdict,
            "checked_by": "RW",
        }
    ).sort_values("claim_no")


POLICY = """# Claims Handling Policy

Version 4.2, owned by the Claims Manager. Applies to every motor and home claim handled by the
claims team, whether notified by phone, email or the online form.

## 1. First notification of loss

A claim is registered on the day it is notified. The handler records the claim number, the
policy number, the date of loss and a short description of what happened in the customer's own
words. The customer must be told the claim number before the call ends. If the policy was
incepted less than 30 days before the date of loss, the claim is marked as an early claim and
passed to a senior handler before any payment is agreed.

## 2. Acknowledgement and contact

Every new claim is acknowledged in writing within 2 working days. The handler makes contact
with the customer at least every 10 working days until the claim is settled, even when there is
nothing new to report. A customer who asks for a call back must be called back on the same
working day.

## 3. Reserves

An initial reserve is set within 5 working days of notification. Motor claims with a third
party involved are reserved at no less than £2,500 until liability is clear. Any single reserve
above £25,000 requires the Claims Manager's approval, and a reserve above £100,000 is reported
to the reinsurer within 10 working days.

## 4. Fraud indicators

Handlers look for the indicators listed below and record a fraud suspicion of suspicious or
clear on the claim. An indicator is not proof of fraud, and a customer is never told that their
claim is under suspicion. Indicators include: late notification (more than 30 days after the
loss), a loss soon after the policy started, several recent prior claims, no police reference
for a theft or hit-and-run, receipts that cannot be produced, and passengers who all report the
same injury. When two or more indicators are present, the claim is referred to the Special
Investigations Unit (SIU). The SIU replies within 15 working days.

## 5. Authority limits

Claims handlers may settle claims up to £5,000. Senior handlers may settle up to £25,000. Any
settlement above £25,000 needs the Claims Manager's signature. Ex gratia payments of any size
need the Claims Manager's approval and a written reason on the file.

## 6. Settlement and payment

Once liability and quantum are agreed, payment is made within 5 working days by bank transfer.
Cheques are issued only when the customer has no bank account. For a vehicle written off, the
settlement is the market value on the day before the loss less the policy excess and any
salvage retained by the customer.

## 7. Complaints

A complaint is any expression of dissatisfaction, spoken or written. It is logged on the day it
is received and acknowledged within 3 working days. A final response is sent within 8 weeks; if
it takes longer, the customer is told they may refer the complaint to the Financial Ombudsman
Service.

## 8. Records and data protection

Claim files are kept for 7 years after the claim closes. Medical reports are stored only in
the secure document store and are never attached to email. A handler who shares claim data
outside the company without approval commits a disciplinary offence.
"""

HANDBOOK = """Reception handbook - Hillside & Market St Veterinary Clinic

Opening hours
The clinic is open 8am to 7pm on weekdays and 9am to 1pm on Saturdays. Out of hours calls are
diverted to the emergency partner practice, whose number is on the answerphone message.

Booking appointments
Standard consultations are 15 minutes. Vaccinations are booked as 10 minute nurse appointments
unless the pet is new to the clinic, in which case a 15 minute vet consultation is booked.
Dental and surgical procedures are admitted between 8am and 8.30am and the owner is asked not to
feed the pet after 8pm the evening before.

Reminders and no-shows
Every client with a mobile number gets an SMS reminder 48 hours before the appointment. If a
client does not attend, reception marks the booking as a no-show and calls the client the same
day. After three no-shows in a year, the client is asked to pay a deposit of 20 pounds when
booking, which is taken off the bill on the day.

Vaccinations
Puppies and kittens have their first vaccination from 8 weeks of age and a second dose 2 to 4
weeks later. Adult dogs and cats have a yearly booster. Rabbits are vaccinated against myxomatosis
and RHD2 once a year. If a booster is more than 3 months overdue, the pet restarts the primary
course. The batch number of every vaccine given is recorded in the vaccination register.

Payments and estimates
Payment is taken at the end of every appointment. An estimate is given in writing for any
procedure expected to cost more than 150 pounds. If the final bill is more than 10 percent above
the estimate, the vet must phone the owner before going ahead.

Complaints and feedback
Feedback forms are given to every client after surgery. A complaint is passed to the practice
manager the same day, and the client receives a reply within 5 working days.
"""


def main(out: Path) -> None:
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)
    appointments(rng, "2026-01-01", 10001, 1100).to_csv(
        out / "appointments_jan_jun.csv", index=False
    )
    appointments(rng, "2026-07-01", 12001, 1050).to_csv(
        out / "appointments_jul_dec.csv", index=False
    )
    feedback(rng).to_csv(out / "client_feedback.csv", index=False)
    vaccinations(rng).to_csv(out / "vaccination_register.csv", index=False)
    february = visit_log(rng, "2026-02-01", 40001, 1300, plant=False)
    march = visit_log(rng, "2026-03-01", 50001, 1400, plant=True)
    february.to_csv(out / "visit_log_feb.csv", index=False)
    march.to_csv(out / "visit_log_march.csv", index=False)
    carer_notes(rng, march).to_csv(out / "carer_notes.csv", index=False)
    incidents(rng).to_csv(out / "incident_reports.csv", index=False)
    claims = motor(rng)
    checked(rng, claims).to_csv(out / "senior_handler_checked.csv", index=False)
    claims.drop(columns="_odd").to_csv(out / "motor_claims.csv", index=False)
    home(rng).to_csv(out / "home_claims.csv", index=False)
    (out / "docs" / "claims_handling_policy.md").write_text(POLICY, encoding="utf-8")
    (out / "docs" / "reception_handbook.txt").write_text(HANDBOOK, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
