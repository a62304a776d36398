"""Write the heldout7 corpus's invented files (school, council, food bank) into a folder."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

FORMS = ["11A", "11B", "11C", "11D", "11E"]


def maths_tracker(rng: np.random.Generator, n: int, start: int, with_result: bool) -> pd.DataFrame:
    """A Year 11 maths tracker export; last year's has the final result."""
    attendance = np.clip(rng.normal(92, 6, n), 55, 100).round(1)
    mock1 = np.clip(rng.normal(5, 1.8, n) + (attendance - 92) / 6, 1, 9).round()
    mock2 = np.clip(mock1 + rng.normal(0.3, 1.0, n), 1, 9).round()
    homework = np.clip(rng.normal(68, 18, n) + (attendance - 92), 0, 100).round()
    premium = rng.choice(["Y", "N"], n, p=[0.3, 0.7])
    sen = rng.choice(["none", "SEN support", "EHCP"], n, p=[0.8, 0.15, 0.05])
    frame = pd.DataFrame(
        {
            "UPN": [f"P{start + i:05d}" for i in range(n)],
            "Form": rng.choice(FORMS, n),
            "Att %": attendance,
            "Mock 1": mock1.astype(int),
            "Mock 2": mock2.astype(int),
            "HW completion": homework.astype(int),
            "PP": premium,
            "SEN status": sen,
            "Teacher": rng.choice(["Ms Okafor", "Mr Lindqvist", "Mrs Patel", "Mr Doyle"], n),
        }
    )
    if with_result:
        score = mock2 + rng.normal(0, 0.9, n) + (homework - 68) / 40
        frame["GCSE result"] = np.where(score >= 4, "pass", "fail")
    return frame


PARENT_TOPICS = {
    "absence": [
        "{name} has a temperature and won't be in today, sorry",
        "We are away for a family funeral Thursday and Friday, {name} will miss school",
        "{name} has a dentist appointment at 10 so will be late",
        "Please authorise {name}'s absence, she was sick all night",
    ],
    "bullying": [
        "{name} came home upset again, some boys in 11C keep taking his bag",
        "I am worried, {name} is getting nasty messages on the group chat from classmates",
        "My son says he is pushed around at lunch every day, nobody does anything",
        "{name} doesn't want to come to school because of the girls in her form",
    ],
    "homework": [
        "{name} says the maths homework on the portal won't load",
        "Is the science coursework due this Friday or next? {name} is confused",
        "Can {name} have an extension on the English essay, he was ill",
        "We can't find the revision booklet that was meant to come home",
    ],
    "exams": [
        "When are the mock results coming out for {name}?",
        "Does {name} need a calculator for the maths paper 2?",
        "{name} has extra time in exams, is that set up for the summer?",
        "Clash on the timetable: {name} has two exams on the Tuesday morning",
    ],
    "uniform": [
        "{name}'s blazer was lost in PE, can we buy one from the office?",
        "Are black trainers allowed? The shop has no school shoes in his size",
        "{name} was put in isolation for wearing the wrong jumper, is that fair?",
        "Where do we get the new tie with the house colours?",
    ],
}
NAMES = ["Amara", "Jack", "Zofia", "Mohammed", "Ella", "Tomasz", "Priya", "Callum", "Aisha", "Noah"]
EXTRAS = ["", " Thanks.", " Kind regards", " Many thanks, Mum", " - Dad", " Please call me back."]


def parent_messages(rng: np.random.Generator) -> pd.DataFrame:
    """Parent emails to the school office; a few have the topic filled in by the office."""
    rows = []
    topics = list(PARENT_TOPICS)
    for i in range(420):
        topic = topics[rng.integers(len(topics))]
        text = rng.choice(PARENT_TOPICS[topic]).format(name=rng.choice(NAMES))
        rows.append(
            {
                "msg_id": 5000 + i,
                "received": str(pd.Timestamp("2026-01-05") + pd.Timedelta(hours=int(i * 7))),
                "message": text + rng.choice(EXTRAS),
                "topic": topic if rng.random() < 0.12 else "",
            }
        )
    return pd.DataFrame(rows)


COMPLAINTS = {
    "waste": [
        "bins not collected on {street} again, third week running",
        "fly tipping behind the shops on {street}, mattress and bags",
        "recycling lorry smashed glass all over {street}",
        "missed brown bin collection {street}",
    ],
    "highways": [
        "huge pothole outside {n} {street}, damaged my tyre",
        "street light out on {street} for a fortnight, very dark",
        "pavement cracked and lifting near {street} bus stop",
        "road markings worn away at the {street} junction",
    ],
    "housing": [
        "damp and black mould in council flat {n} {street}, kids coughing",
        "boiler broken in my tenancy at {n} {street}, no heating",
        "leak from the flat above coming through ceiling, {street}",
        "repair was booked for {street} but no one turned up",
    ],
    "parks": [
        "broken glass in the playground at {street} park",
        "grass not cut on {street} green, dog mess everywhere",
        "tree branch hanging over the path in {street} rec",
        "park toilets locked all weekend, {street}",
    ],
    "noise": [
        "loud music every night from {n} {street} till 3am",
        "building work starting at 6am on {street}",
        "dog barking all day at {n} {street}",
        "party house at {street}, shouting and music every weekend",
    ],
}
STREETS = ["Mill Lane", "Victoria Rd", "Ashby St", "Canal Walk", "Hawthorn Ave", "Kings Parade"]


def complaints(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """311 complaints with a partly filled department; a separate hand-checked sample."""
    rows = []
    depts = list(COMPLAINTS)
    truth = []
    for i in range(600):
        dept = depts[rng.integers(len(depts))]
        text = rng.choice(COMPLAINTS[dept]).format(
            street=rng.choice(STREETS), n=int(rng.integers(1, 120))
        )
        if rng.random() < 0.3:
            text = text.upper()
        truth.append(dept)
        rows.append(
            {
                "case_no": f"SR-{26000 + i}",
                "date_logged": str(pd.Timestamp("2026-02-01") + pd.Timedelta(hours=int(i * 3))),
                "channel": rng.choice(["phone", "web form", "app", "email"]),
                "ward": rng.choice(["North", "Riverside", "Central", "Eastfield"]),
                "what_happened": text,
                "dept": dept if rng.random() < 0.1 else "",
            }
        )
    frame = pd.DataFrame(rows)
    picks = rng.choice(len(frame), 80, replace=False)
    gold = pd.DataFrame(
        {"case_no": frame["case_no"].iloc[picks].values, "checked_dept": [truth[p] for p in picks]}
    )
    return frame, gold


def permits(rng: np.random.Generator) -> list[dict]:
    """Planning/permit applications with the decision made."""
    kinds = ["rear extension", "loft conversion", "change of use", "dropped kerb", "shop sign"]
    rows = []
    for i in range(700):
        kind = str(rng.choice(kinds))
        area = float(np.round(rng.gamma(3, 12), 1))
        objections = int(rng.poisson(1.5))
        conservation = bool(rng.random() < 0.2)
        score = -0.02 * area - 0.5 * objections - 1.2 * conservation + rng.normal(2.0, 1.0)
        rows.append(
            {
                "ref": f"PA/26/{1000 + i}",
                "application_type": kind,
                "ward": str(rng.choice(["North", "Riverside", "Central", "Eastfield"])),
                "floor_area_m2": area,
                "neighbour_objections": objections,
                "conservation_area": "yes" if conservation else "no",
                "agent_used": "yes" if rng.random() < 0.55 else "no",
                "days_to_decide": int(rng.integers(20, 110)),
                "decision": "granted" if score > 0 else "refused",
            }
        )
    return rows


def donations(rng: np.random.Generator) -> pd.DataFrame:
    """Food bank donations log, with a few odd entries."""
    n = 900
    frame = pd.DataFrame(
        {
            "donation_id": np.arange(1, n + 1),
            "date": [
                str(pd.Timestamp("2025-09-01") + pd.Timedelta(days=int(d)))
                for d in rng.integers(0, 180, n)
            ],
            "site": rng.choice(["St Barnabas Hall", "Northgate Church", "Community Hub"], n),
            "donor_type": rng.choice(
                ["individual", "supermarket", "school", "business"], n, p=[0.6, 0.2, 0.1, 0.1]
            ),
            "category": rng.choice(
                ["tins", "pasta/rice", "toiletries", "baby", "fresh", "cash"], n
            ),
            "weight_kg": np.round(rng.gamma(2, 4, n), 1),
            "value_gbp": np.round(rng.gamma(2, 10, n), 2),
        }
    )
    odd = rng.choice(n, 12, replace=False)
    frame.loc[odd[:6], "weight_kg"] = [950.0, 1200.0, 0.0, 780.0, 640.5, 1010.0]
    frame.loc[odd[6:], "value_gbp"] = [9999.0, 5000.0, 0.01, 7500.0, 12000.0, 8800.0]
    return frame


def shifts(rng: np.random.Generator) -> pd.DataFrame:
    """Volunteer shift sign-ups and whether the person turned up."""
    n = 800
    months = rng.integers(0, 60, n)
    reminder = rng.choice(["text", "email", "none"], n)
    weekend = rng.random(n) < 0.4
    logit = (
        -1.2 - 0.03 * months + 0.9 * (reminder == "none") + 0.5 * weekend + rng.normal(0, 0.8, n)
    )
    return pd.DataFrame(
        {
            "shift_id": np.arange(10001, 10001 + n),
            "volunteer": [f"V{v:04d}" for v in rng.integers(1, 260, n)],
            "site": rng.choice(["St Barnabas Hall", "Northgate Church", "Community Hub"], n),
            "role": rng.choice(["warehouse", "driver", "front desk", "packing"], n),
            "weekend": np.where(weekend, "yes", "no"),
            "months_volunteering": months,
            "reminder_sent": reminder,
            "signed_up_days_ahead": rng.integers(0, 30, n),
            "showed_up": np.where(logit > 0, "no", "yes"),
        }
    )


HANDBOOK = """# Hollins Park Academy: Staff Policy Handbook (extract)

## 1. Attendance and punctuality
Registers close at 08:50. A pupil arriving after 08:50 but before 09:20 receives a late mark (L).
After 09:20 the session is marked U (late after registers closed) and counts as an unauthorised
absence. Parents must report absence by 08:30 on each day of absence. Attendance below 90% makes
a pupil persistently absent; the attendance officer writes to the family and a meeting follows
after four further weeks without improvement.

## 2. Exams and access arrangements
The exam officer keeps the list of access arrangements. Extra time (25%) requires evidence from
the SENCo by 1 March. Candidates with a clash of more than three hours on one day sit the later
paper under supervision. Mobile phones found in the exam room are reported to the awarding body.

## 3. Behaviour and sanctions
Sanctions follow the ladder: warning, C2 detention (20 minutes), after-school detention (1 hour),
internal isolation, suspension. Uniform breaches are first dealt with by the form tutor; isolation
for uniform alone needs a head of year's approval.

## 4. Safeguarding
Any concern about a pupil's safety is logged on the same day with the Designated Safeguarding
Lead (DSL). Staff never promise confidentiality to a pupil. Bullying reports are logged within
24 hours and parents are contacted within two school days.

## 5. Homework and coursework
Homework is set on the portal. A coursework extension of up to five school days may be granted by
the subject teacher; longer extensions need the head of department and the exam officer, because
of awarding body deadlines.

## 6. Trips and charging
Voluntary contributions are asked for trips in school hours. Pupils eligible for pupil premium
may have up to 100% of a residential trip cost covered by the school fund.
"""

FAQ = """Riverside Community Food Bank - Volunteer FAQ

Q: How do I sign up for a shift?
A: Use the rota link in the volunteer WhatsApp group or ring the coordinator on Tuesdays 10-2.
Shifts are 3 hours. Please sign up at least two days ahead.

Q: What if I can't make my shift?
A: Let the coordinator know at least 24 hours before. Two no-shows without notice in a month
and we will have a chat about whether the rota still suits you.

Q: Who can get a food parcel?
A: Anyone with a referral voucher from a partner agency (GP, Citizens Advice, school, housing
officer). We can give three parcels in six months; more need a note from the referrer.

Q: What food do you accept?
A: Tins, dried pasta and rice, cereal, UHT milk, toiletries and baby items. We do not take
home-cooked food or anything out of date. Fresh food only from supermarkets on the collection
rota.

Q: Do drivers need anything special?
A: A full licence held for two years, your own insurance that covers charity use, and a DBS
check if you deliver to homes.

Q: Can under-18s volunteer?
A: From 16 with a parent's consent form, in the warehouse only, never on their own.

Q: Where do cash donations go?
A: Into the charity account; the treasurer buys items we run short of, usually tinned meat,
coffee and sanitary products.
"""


def main(out: Path) -> None:
    """Write every file under `out`."""
    rng = np.random.default_rng(20267)
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)
    maths_tracker(rng, 180, 10000, True).to_csv(out / "y11_maths_2024-25.csv", index=False)
    maths_tracker(rng, 170, 20000, False).to_csv(out / "y11_maths_2025-26.csv", index=False)
    for term, offset in (("autumn", 0), ("spring", 1)):
        n = 500
        att = pd.DataFrame(
            {
                "UPN": [f"P{20000 + i % 170:05d}" for i in range(n)],
                "week_beginning": [
                    str(
                        pd.Timestamp("2025-09-01") + pd.Timedelta(weeks=int(i // 170 + offset * 16))
                    )
                    for i in range(n)
                ],
                "sessions_possible": 10,
                "present": rng.integers(5, 11, n),
                "late_L": rng.poisson(0.5, n),
                "unauth_U": rng.poisson(0.3, n),
            }
        )
        att.to_csv(out / f"attendance_{term}.csv", index=False)
    parent_messages(rng).to_csv(out / "parent_emails.csv", index=False)
    frame, gold = complaints(rng)
    frame.to_csv(out / "311_complaints_feb.csv", index=False)
    gold.to_csv(out / "complaints_checked_by_sam.csv", index=False)
    with (out / "permit_applications.jsonl").open("w", encoding="utf-8") as fh:
        for row in permits(rng):
            fh.write(json.dumps(row) + "\n")
    donations(rng).to_csv(out / "donations_log.csv", index=False)
    shifts(rng).to_csv(out / "volunteer_shifts.csv", index=False)
    (out / "docs" / "staff_handbook.md").write_text(HANDBOOK, encoding="utf-8")
    (out / "docs" / "volunteer_faq.txt").write_text(FAQ, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
