"""Write the heldout4 corpus's data files into a folder: `python make_data.py DIR`.

Invented data (fixed seeds, numpy + pandas, no network), about 1 MB in all:

- vet_visits.csv            700 veterinary visits (visit_id, species, vitals, free-text notes),
                            no label column
- vet_triage_labels.csv     90 hand labels for them: record_no (= visit_id), verdict
                            (urgent / routine)
- exit_interviews.csv       900 HR exit interviews; leave_reason (pay / manager / career /
                            relocation) filled for 72 rows only
- recipes.jsonl             480 recipes; diet (vegetarian / vegan / contains_meat) filled for
                            48 rows only
- trips_train.csv           1,600 bike-share trips with rider_type (member / casual)
- trips_test.csv            400 more, labeled
- trips_april.csv           300 trips without rider_type
- instrument_runs_train.csv 900 lab instrument runs with qc_result (pass / fail)
- instrument_runs_test.csv  250 more, labeled
- instrument_runs_siteb.csv 300 runs from a second site (slightly shifted), labeled
- instrument_runs_new.csv   200 runs without qc_result
- insurance_claims.csv      1,200 motor claims with claim_outcome; 24 of them are odd
                            (impossible value combinations) and marked nowhere
- library_loans.csv         800 library loans with two yes/no columns that could each be the
                            label: overdue and item_lost
- docs/clinic_handbook.md, docs/calibration_sop.md, docs/rider_faq.txt   documents for QA
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd


def _pick(rng: np.random.Generator, items: list[str], k: int = 1) -> list[str]:
    idx = rng.choice(len(items), size=k, replace=False)
    return [items[i] for i in idx]


# ----------------------------------------------------------------------------- vet visits
VET_URGENT = [
    "collapsed twice this morning",
    "seizure lasting two minutes at home",
    "bleeding from the mouth",
    "abdomen distended and retching without producing anything",
    "laboured breathing, gums pale",
    "hit by a car, non weight bearing on hind leg",
    "ate rat bait yesterday evening",
    "not urinated for 36 hours, straining in the litter box",
    "very lethargic, will not stand",
    "vomiting blood since last night",
    "suspected toxin ingestion (lilies)",
    "deep laceration on the flank, still oozing",
]
VET_ROUTINE = [
    "annual vaccination booster due",
    "nail trim and ear check",
    "owner wants a weight check after diet change",
    "mild itching around the ears for a week",
    "dental scale and polish consult",
    "routine health check before travel",
    "microchip scan and update details",
    "flea and worming treatment",
    "small lump on the shoulder, owner curious",
    "follow-up after spay, wound healing well",
    "occasional soft stool, eating normally",
    "behaviour consult, scratching furniture",
]
VET_FILLER = [
    "Owner reports",
    "Presented with",
    "History:",
    "Client states",
    "Seen today for",
]
VET_TAIL = [
    "Bright and alert otherwise.",
    "Appetite reduced.",
    "Indoor only.",
    "Lives with two other pets.",
    "Last visit 8 months ago.",
    "Owner anxious.",
    "",
    "",
]


def vet(out: Path) -> None:
    rng = np.random.default_rng(4101)
    n = 700
    species = rng.choice(["dog", "cat", "rabbit", "ferret"], size=n, p=[0.5, 0.35, 0.1, 0.05])
    urgent = rng.random(n) < 0.3
    rows = []
    for i in range(n):
        sp = species[i]
        base_w = {"dog": 22.0, "cat": 4.3, "rabbit": 2.0, "ferret": 1.2}[sp]
        base_hr = {"dog": 95, "cat": 170, "rabbit": 200, "ferret": 220}[sp]
        temp = rng.normal(38.6, 0.4) + (rng.normal(1.1, 0.6) if urgent[i] else 0.0)
        hr = rng.normal(base_hr, 12) * (1.25 if urgent[i] and rng.random() < 0.7 else 1.0)
        # Notes mostly follow the hidden class, with some noise both ways.
        bank = VET_URGENT if urgent[i] ^ (rng.random() < 0.1) else VET_ROUTINE
        phrase = _pick(rng, bank)[0]
        note = f"{_pick(rng, VET_FILLER)[0]} {phrase}. {_pick(rng, VET_TAIL)[0]}".strip()
        rows.append(
            {
                "visit_id": f"VV-{10001 + i}",
                "species": sp,
                "age_years": round(float(rng.gamma(2.5, 2.2)), 1),
                "weight_kg": round(float(max(0.3, rng.normal(base_w, base_w * 0.25))), 1),
                "temp_c": round(float(temp), 1),
                "heart_rate": int(round(hr)),
                "notes": note,
            }
        )
    frame = pd.DataFrame(rows)
    frame.to_csv(out / "vet_visits.csv", index=False)
    chosen = np.sort(rng.choice(n, size=90, replace=False))
    gold = pd.DataFrame(
        {
            "record_no": frame["visit_id"].to_numpy()[chosen],
            "verdict": np.where(urgent[chosen], "urgent", "routine"),
        }
    )
    gold.to_csv(out / "vet_triage_labels.csv", index=False)


# ----------------------------------------------------------------------------- exit interviews
EXIT_PHRASES = {
    "pay": [
        "the salary was well below market",
        "I got an offer with thirty percent more money",
        "no raise in three years despite good reviews",
        "the bonus scheme was cut",
        "I could not afford rent on what they paid",
        "compensation never kept up with inflation",
    ],
    "manager": [
        "my line manager micromanaged everything",
        "my supervisor took credit for my work",
        "I never got feedback from my boss",
        "the new team lead was dismissive in meetings",
        "my manager cancelled every one-to-one",
        "there was favouritism from the manager",
    ],
    "career": [
        "there was no path to promotion",
        "I wanted to learn new skills and there was no training budget",
        "the role stopped challenging me",
        "I was stuck doing the same tasks for years",
        "I want to move into a senior position",
        "no mentoring or development plan",
    ],
    "relocation": [
        "my partner got a job in another city",
        "we are moving abroad for family reasons",
        "the commute became impossible after we moved",
        "I am relocating to be closer to my parents",
        "the office closure meant a two hour drive",
        "we bought a house in another region",
    ],
}
EXIT_FILLER = [
    "Overall I liked my colleagues.",
    "The team was friendly.",
    "Hard decision to leave.",
    "I would consider coming back one day.",
    "The onboarding was fine.",
    "Workload was okay most months.",
    "Thanks for the opportunity.",
]


def exit_interviews(out: Path) -> None:
    rng = np.random.default_rng(4102)
    n = 900
    reasons = list(EXIT_PHRASES)
    truth = rng.choice(reasons, size=n, p=[0.32, 0.26, 0.27, 0.15])
    rows = []
    for i in range(n):
        main = _pick(rng, EXIT_PHRASES[str(truth[i])])[0]
        extra = ""
        if rng.random() < 0.25:  # a second, weaker reason
            other = str(rng.choice([r for r in reasons if r != truth[i]]))
            extra = f" Also, {_pick(rng, EXIT_PHRASES[other])[0]}."
        filler = " ".join(_pick(rng, EXIT_FILLER, 2))
        text = f"Honestly {main}.{extra} {filler}"
        rows.append(
            {
                "employee_id": f"E{40000 + i * 7}",
                "department": str(
                    rng.choice(["warehouse", "finance", "sales", "engineering", "support"])
                ),
                "tenure_years": round(float(rng.gamma(2.0, 1.8)), 1),
                "grade": str(rng.choice(["G2", "G3", "G4", "G5", "G6"])),
                "interview_text": text,
                "leave_reason": "",
            }
        )
    frame = pd.DataFrame(rows)
    labeled = []
    for reason in reasons:
        idx = np.flatnonzero(truth == reason)
        labeled += list(rng.choice(idx, size=18, replace=False))
    frame.loc[sorted(labeled), "leave_reason"] = truth[sorted(labeled)]
    frame.to_csv(out / "exit_interviews.csv", index=False)


# ----------------------------------------------------------------------------- recipes
RECIPE_BASE = {
    "vegan": ["chickpeas", "tofu", "lentils", "coconut milk", "spinach", "oat milk", "tempeh"],
    "vegetarian": ["paneer", "feta", "eggs", "butter", "cheddar", "greek yoghurt", "ricotta"],
    "contains_meat": ["chicken thighs", "beef mince", "bacon", "lamb shoulder", "chorizo", "pork"],
}
RECIPE_COMMON = [
    "onion",
    "garlic",
    "tomatoes",
    "olive oil",
    "rice",
    "cumin",
    "paprika",
    "lemon",
    "parsley",
    "potatoes",
    "flour",
    "salt",
    "black pepper",
]
RECIPE_DISH = ["stew", "curry", "bake", "salad", "pie", "stir fry", "soup", "tray bake", "wrap"]
RECIPE_METHOD = [
    "Soften the onion and garlic in oil, add the rest and simmer for {m} minutes.",
    "Roast everything at 200C for {m} minutes, turning once.",
    "Fry the main ingredient until golden, then stir through the sauce for {m} minutes.",
    "Mix, pour into a dish and bake for {m} minutes until set.",
    "Toss everything together and rest for {m} minutes before serving.",
]


def recipes(out: Path) -> None:
    rng = np.random.default_rng(4103)
    n = 480
    diets = rng.choice(list(RECIPE_BASE), size=n, p=[0.3, 0.3, 0.4])
    lines = []
    for i in range(n):
        diet = str(diets[i])
        mains = _pick(rng, RECIPE_BASE[diet], 2)
        common = _pick(rng, RECIPE_COMMON, 4)
        minutes = int(rng.integers(10, 75))
        lines.append(
            {
                "recipe_id": 7000 + i,
                "title": f"{mains[0].title()} {RECIPE_DISH[int(rng.integers(len(RECIPE_DISH)))]}",
                "ingredients": ", ".join(mains + common),
                "method": RECIPE_METHOD[int(rng.integers(len(RECIPE_METHOD)))].format(m=minutes),
                "prep_minutes": minutes + int(rng.integers(5, 20)),
                "servings": int(rng.choice([2, 4, 6])),
                "diet": None,
            }
        )
    for diet in RECIPE_BASE:
        idx = np.flatnonzero(diets == diet)
        for j in rng.choice(idx, size=16, replace=False):
            lines[int(j)]["diet"] = diet
    with (out / "recipes.jsonl").open("w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(json.dumps(line) + "\n")


# ----------------------------------------------------------------------------- bike trips
ZONES = ["riverside", "old_town", "university", "business_park", "central_station", "lakeside"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def _trips(rng: np.random.Generator, n: int, start: int, labeled: bool) -> pd.DataFrame:
    casual = rng.random(n) < 0.38
    rows = []
    for i in range(n):
        c = bool(casual[i])
        weekend = rng.random() < (0.55 if c else 0.18)
        day = str(rng.choice(WEEKDAYS[5:] if weekend else WEEKDAYS[:5]))
        if c:
            hour = int(np.clip(rng.normal(14, 3), 6, 23))
            duration = float(rng.gamma(4.0, 7.0))
            zone = str(rng.choice(ZONES, p=[0.3, 0.25, 0.05, 0.05, 0.1, 0.25]))
        else:
            hour = (
                int(rng.choice([8, 9, 17, 18])) if rng.random() < 0.6 else int(rng.integers(6, 23))
            )
            duration = float(rng.gamma(3.0, 4.0))
            zone = str(rng.choice(ZONES, p=[0.1, 0.15, 0.2, 0.25, 0.25, 0.05]))
        round_trip = int(rng.random() < (0.35 if c else 0.04))
        speed = rng.normal(12.5 if not c else 9.0, 2.0)
        distance = max(0.2, duration / 60 * speed * (0.5 if round_trip else 1.0))
        row = {
            "trip_id": f"T{start + i}",
            "weekday": day,
            "start_hour": hour,
            "duration_min": round(duration, 1),
            "distance_km": round(float(distance), 2),
            "start_zone": zone,
            "bike_type": str(rng.choice(["classic", "electric"], p=[0.65, 0.35])),
            "temp_c": round(float(rng.normal(16, 6)), 1),
            "rain_mm": round(float(max(0.0, rng.normal(0.3, 1.2))), 1),
            "round_trip": round_trip,
        }
        if labeled:
            row["rider_type"] = "casual" if c else "member"
        rows.append(row)
    return pd.DataFrame(rows)


def trips(out: Path) -> None:
    rng = np.random.default_rng(4104)
    _trips(rng, 1600, 100000, True).to_csv(out / "trips_train.csv", index=False)
    _trips(rng, 400, 200000, True).to_csv(out / "trips_test.csv", index=False)
    _trips(rng, 300, 300000, False).to_csv(out / "trips_april.csv", index=False)


# ----------------------------------------------------------------------------- instrument runs
def _runs(
    rng: np.random.Generator, n: int, start: int, labeled: bool, shift: float = 0.0
) -> pd.DataFrame:
    rows = []
    for i in range(n):
        days = int(rng.integers(0, 120))
        drift = rng.normal(0.02 + 0.0009 * days + shift, 0.03)
        noise = abs(rng.normal(0.8 + shift * 5, 0.35))
        width = rng.normal(4.2, 0.5)
        temp = rng.normal(35.0, 1.2)
        pressure = rng.normal(210 + 30 * shift, 14)
        instrument = str(rng.choice(["HPLC-1", "HPLC-2", "GC-1", "LCMS-1"]))
        shift_name = str(rng.choice(["day", "evening", "night"], p=[0.5, 0.3, 0.2]))
        risk = (
            3.0 * (drift - 0.08)
            + 1.6 * (noise - 1.0)
            + 0.9 * (width - 4.6)
            + 0.35 * abs(temp - 35.0)
            + (0.5 if shift_name == "night" else 0.0)
            + (0.4 if instrument == "HPLC-2" else 0.0)
        )
        fail = rng.random() < 1 / (1 + np.exp(-3.0 * risk))
        row = {
            "run_id": f"R{start + i}",
            "instrument": instrument,
            "operator_shift": shift_name,
            "days_since_calibration": days,
            "column_temp_c": round(float(temp), 2),
            "pressure_bar": round(float(pressure), 1),
            "baseline_drift": round(float(drift), 4),
            "peak_width_s": round(float(width), 2),
            "noise_rms": round(float(noise), 3),
        }
        if labeled:
            row["qc_result"] = "fail" if fail else "pass"
        rows.append(row)
    return pd.DataFrame(rows)


def runs(out: Path) -> None:
    rng = np.random.default_rng(4105)
    _runs(rng, 900, 50000, True).to_csv(out / "instrument_runs_train.csv", index=False)
    _runs(rng, 250, 60000, True).to_csv(out / "instrument_runs_test.csv", index=False)
    _runs(rng, 300, 70000, True, shift=0.03).to_csv(out / "instrument_runs_siteb.csv", index=False)
    _runs(rng, 200, 80000, False).to_csv(out / "instrument_runs_new.csv", index=False)


# ----------------------------------------------------------------------------- insurance claims
def claims(out: Path) -> None:
    rng = np.random.default_rng(4106)
    n = 1200
    kinds = ["collision", "theft", "glass", "hail", "vandalism"]
    amount_scale = {"collision": 4200, "theft": 9000, "glass": 450, "hail": 2600, "vandalism": 1300}
    days_scale = {"collision": 12, "theft": 0, "glass": 1, "hail": 7, "vandalism": 4}
    rows = []
    for i in range(n):
        kind = str(rng.choice(kinds, p=[0.42, 0.1, 0.22, 0.11, 0.15]))
        amount = float(rng.lognormal(np.log(amount_scale[kind]), 0.35))
        repair = 0 if kind == "theft" else int(max(1, rng.normal(days_scale[kind], 2.5)))
        reported = int(abs(rng.normal(2, 3)))
        police = "yes" if kind in ("theft", "vandalism") or rng.random() < 0.3 else "no"
        tenure = int(rng.integers(1, 180))
        denied = rng.random() < (0.05 + (0.25 if reported > 7 else 0) + (0.1 if tenure < 6 else 0))
        rows.append(
            {
                "claim_id": f"CL-{900000 + i}",
                "policy_tenure_months": tenure,
                "vehicle_age_years": int(rng.integers(0, 18)),
                "region": str(rng.choice(["north", "south", "east", "west", "capital"])),
                "incident_type": kind,
                "claim_amount": round(amount, 2),
                "repair_days": repair,
                "reported_after_days": reported,
                "police_report": police,
                "claim_outcome": "denied" if denied else "approved",
            }
        )
    frame = pd.DataFrame(rows)
    # 24 odd rows: values each plausible alone, impossible together (or just extreme).
    odd = rng.choice(n, size=24, replace=False)
    for k, j in enumerate(odd):
        if k % 3 == 0:  # a windscreen claim priced like a write-off, months in the shop
            frame.loc[j, ["incident_type", "claim_amount", "repair_days"]] = ["glass", 38500.0, 64]
        elif k % 3 == 1:  # a theft with weeks of repairs and no police report
            frame.loc[j, ["incident_type", "repair_days", "police_report"]] = ["theft", 45, "no"]
        else:  # reported a year late on a brand-new policy
            frame.loc[j, ["reported_after_days", "policy_tenure_months"]] = [
                int(rng.integers(300, 420)),
                1,
            ]
    frame.to_csv(out / "insurance_claims.csv", index=False)


# ----------------------------------------------------------------------------- library loans
def loans(out: Path) -> None:
    rng = np.random.default_rng(4107)
    n = 800
    rows = []
    for i in range(n):
        item = str(rng.choice(["book", "dvd", "audiobook", "magazine", "board_game"]))
        age = str(rng.choice(["under_18", "18_30", "31_50", "51_70", "over_70"]))
        length = int(rng.choice([7, 14, 21, 28]))
        renewals = int(rng.poisson(0.8))
        prior_late = int(rng.poisson(1.1))
        years = round(float(rng.gamma(2.0, 3.0)), 1)
        p_over = 1 / (1 + np.exp(-(-1.2 + 0.6 * prior_late - 0.08 * years + 0.4 * (item == "dvd"))))
        p_lost = 1 / (1 + np.exp(-(-3.2 + 0.5 * (item == "board_game") + 0.3 * prior_late)))
        rows.append(
            {
                "loan_id": 300000 + i,
                "branch": str(rng.choice(["central", "harbour", "northgate", "mobile_van"])),
                "item_type": item,
                "patron_age_band": age,
                "membership_years": years,
                "loan_length_days": length,
                "times_renewed": renewals,
                "prior_late_returns": prior_late,
                "overdue": "yes" if rng.random() < p_over else "no",
                "item_lost": "yes" if rng.random() < p_lost else "no",
            }
        )
    pd.DataFrame(rows).to_csv(out / "library_loans.csv", index=False)


# ----------------------------------------------------------------------------- documents
CLINIC_HANDBOOK = """\
# Harbourside Veterinary Clinic: Staff Handbook

## Triage at the front desk

Triage is the sorting of arriving patients by how quickly they need a vet. Every patient is
triaged by a registered veterinary nurse within five minutes of arrival. A patient is urgent
when it shows collapse, seizures, breathing difficulty, uncontrolled bleeding, a distended
abdomen or a known toxin ingestion. Urgent patients go straight to the treatment room and the
duty vet is paged on extension 214.

If the owner reports that a male cat has not urinated for more than 24 hours, the cat is
treated as urgent because a urethral obstruction can be fatal within two days. Routine
patients wait in the quiet waiting area, and cats are kept on the raised shelves away from
dogs.

## Vaccination schedule

The core vaccines for dogs are distemper, hepatitis, parvovirus and leptospirosis. Puppies
receive their first dose at 8 weeks and their second dose at 10 to 12 weeks. The booster for
leptospirosis is given every year because its protection fades within twelve months. Cats
receive a core vaccine against enteritis and cat flu, first at 9 weeks and again at 12 weeks.

Rabbits are vaccinated against myxomatosis and both strains of viral haemorrhagic disease with
a single combined vaccine once a year. A vaccine card is issued at every vaccination and the
batch number is recorded in the patient record.

## Anaesthesia and fasting

Dogs and cats are fasted from midnight before a general anaesthetic, but water is allowed
until 7 am. Rabbits are never fasted, because a rabbit's gut must keep moving and fasting can
cause gut stasis. Every anaesthetised patient is monitored with a pulse oximeter and a
capnograph, and the readings are written on the anaesthetic chart every five minutes.

The anaesthetic risk score is a number from 1 to 5 given by the vet before surgery. A patient
with a score of 4 or 5 needs a second nurse in theatre and a signed consent form that mentions
the higher risk.

## Controlled drugs

Controlled drugs are kept in the locked cabinet in the pharmacy. The controlled drugs register
is checked by two staff members every Friday at 6 pm. A discrepancy in the register is
reported to the clinical director on the same day.

## Discharge

At discharge the nurse explains the medication, the feeding plan and the date of the next
check. Patients that had surgery go home with a buster collar and a written wound care sheet.
Owners are called by the clinic the day after any general anaesthetic to check that the
patient is eating.
"""

CALIBRATION_SOP = """\
# SOP-LAB-017: Calibration of chromatography instruments

## Scope

This procedure applies to the HPLC-1, HPLC-2, GC-1 and LCMS-1 instruments in the analytical
laboratory. It describes the routine calibration, the system suitability test and what to do
when a run fails quality control.

## Calibration interval

Each instrument is calibrated every 90 days, and after any repair that opens the pump, the
injector or the detector. The calibration date is written on the green label on the front of
the instrument. An instrument past its calibration date must not be used for release testing.

## System suitability test

The system suitability test is a short series of injections of a reference standard that
shows the instrument works before samples are run. Six replicate injections of the reference
standard are made. The test passes when the relative standard deviation of the peak areas is
at most 2.0 percent, the tailing factor is at most 1.8 and the resolution between the two
critical peaks is at least 2.0.

## Baseline drift and noise

Baseline drift is the slow movement of the detector signal when no compound elutes. Drift
above 0.15 absorbance units per hour usually means the lamp is ageing or the column is not at
temperature. Noise is measured as the root mean square of the baseline over two minutes. If
the noise is above 1.5 times the value recorded at the last calibration, the flow cell is
flushed with isopropanol before any further runs.

## Column temperature

The column oven is set to 35.0 C for all reversed-phase methods. A deviation of more than 1.5 C
from the set point invalidates the run, because retention times shift with temperature.

## Failed quality control

When a run fails quality control, the analyst stops the sequence, records the failure in the
instrument logbook and informs the laboratory supervisor. The samples of a failed run are
re-injected only after the cause has been found and fixed. Two failed runs on the same
instrument within a week trigger an unscheduled calibration.

## Records

Calibration certificates are kept for seven years. The instrument logbook is reviewed by the
quality assurance team every month.
"""

RIDER_FAQ = """\
CityWheels bike share: rider questions and answers

How do I unlock a bike?
Open the app, scan the QR code on the handlebar and wait for the click of the lock. If the lock
does not open within 30 seconds, the ride is cancelled automatically and you are not charged.

What is the difference between a member and a casual rider?
A member pays an annual fee of 79 euros and gets the first 45 minutes of every ride free. A
casual rider pays 1 euro to unlock and 0.20 euros per minute. Members can also reserve a bike
for up to 10 minutes before a ride.

How much do electric bikes cost?
Electric bikes cost an extra 0.10 euros per minute for everyone, members included. The battery
level is shown in the app before you unlock. An electric bike with less than 15 percent battery
cannot be unlocked.

Where can I leave the bike?
Bikes must be returned to a docking station. A ride ends when the dock light turns green. If a
station is full, the app gives you 15 extra minutes free to reach the next station.

What happens if I return a bike late?
A ride longer than 3 hours is charged a late fee of 25 euros because the bike is taken out of
circulation. A bike not returned within 24 hours is reported as stolen and the rider is charged
a replacement fee of 600 euros.

What should I do if a bike is damaged?
Press the spanner button on the dock within 5 minutes of ending the ride, or report it in the
app. Damaged bikes are collected by the maintenance van every evening.

Can children ride?
Riders must be at least 16 years old. Child seats are not allowed on shared bikes.

How do I cancel my membership?
You can cancel in the app under Account. The membership stays active until the end of the paid
year and the fee is not refunded.
"""


def documents(out: Path) -> None:
    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "clinic_handbook.md").write_text(CLINIC_HANDBOOK, encoding="utf-8")
    (docs / "calibration_sop.md").write_text(CALIBRATION_SOP, encoding="utf-8")
    (docs / "rider_faq.txt").write_text(RIDER_FAQ, encoding="utf-8")


def main(target: str) -> None:
    out = Path(target)
    out.mkdir(parents=True, exist_ok=True)
    vet(out)
    exit_interviews(out)
    recipes(out)
    trips(out)
    runs(out)
    claims(out)
    loans(out)
    documents(out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(sys.argv[1])
