"""Write heldout10's invented files (dental clinics, language school, brewery) into a folder."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

CLINICS = ["Northside", "Harbour", "Elm Street"]


def _pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


def _sentence(
    rng: np.random.Generator, openers: list[str], cores: list[str], tails: list[str]
) -> str:
    text = f"{_pick(rng, openers)} {_pick(rng, cores)} {_pick(rng, tails)}".strip()
    return " ".join(text.split())


def _day(start: str, offset: int) -> str:
    return (pd.Timestamp(start) + pd.Timedelta(days=int(offset))).strftime("%Y-%m-%d")


# ---------------------------------------------------------------- dental clinics
def appointments(rng: np.random.Generator, n: int, with_label: bool, start: int) -> pd.DataFrame:
    """Appointment rows; no_show depends on lead time, reminders, past no-shows and age."""
    lead = rng.integers(0, 60, n)
    age = rng.integers(6, 85, n)
    prior = rng.poisson(0.5, n)
    reminder = rng.choice(["yes", "no"], n, p=[0.7, 0.3])
    hour = rng.integers(8, 18, n)
    weekday = rng.choice(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat"], n)
    treatment = rng.choice(
        ["check-up", "cleaning", "filling", "root canal", "extraction", "whitening"], n
    )
    logit = -2.0 + 0.035 * lead + 0.8 * prior + 0.9 * (reminder == "no") - 0.015 * (age - 40)
    logit += 0.4 * (weekday == "Mon") + 0.3 * (treatment == "cleaning")
    frame = pd.DataFrame(
        {
            "appointment_id": [f"AP{start + i:05d}" for i in range(n)],
            "clinic": rng.choice(CLINICS, n),
            "weekday": weekday,
            "hour": hour,
            "days_booked_ahead": lead,
            "patient_age": age,
            "previous_no_shows": prior,
            "reminder_sent": reminder,
            "treatment": treatment,
            "insurance": rng.choice(["private", "public", "none"], n, p=[0.4, 0.45, 0.15]),
        }
    )
    if with_label:
        p = 1 / (1 + np.exp(-logit))
        frame["no_show"] = np.where(rng.random(n) < p, "yes", "no")
    return frame


FEEDBACK = {
    "waiting": (
        ["I waited", "We sat in the waiting room for", "Had to wait", "The wait was"],
        [
            "almost an hour past my slot",
            "40 minutes before anyone called me",
            "far too long again",
            "over half an hour even though I was on time",
            "ages, the schedule was running late",
        ],
        [
            "which is annoying with kids.",
            "and nobody said sorry.",
            "- please fix the delays.",
            "",
            "again.",
        ],
    ),
    "staff": (
        ["The hygienist", "Dr Patel", "The receptionist", "The nurse", "Everyone at the desk"],
        [
            "was so kind and patient with me",
            "explained everything really clearly",
            "was rude when I asked a question",
            "made my son feel calm",
            "was friendly and warm",
        ],
        ["- thank you!", "and I felt listened to.", "", "which made a difference.", "honestly."],
    ),
    "billing": (
        ["My invoice", "The bill", "I was charged", "The payment", "The insurance claim"],
        [
            "was higher than the quote I got",
            "had a fee I did not understand",
            "was charged twice on my card",
            "was not sent to my insurer",
            "listed a treatment I never had",
        ],
        [
            "- please call me back.",
            "and I need a refund.",
            "",
            "can someone check?",
            "very confusing.",
        ],
    ),
    "comfort": (
        [
            "The filling",
            "The injection",
            "After the extraction",
            "The cleaning",
            "During the root canal",
        ],
        [
            "hurt a lot more than expected",
            "was painless, I barely felt it",
            "left my jaw sore for days",
            "was gentle and quick",
            "was uncomfortable, the numbing wore off",
        ],
        ["", "to be honest.", "- good job.", "and I was nervous.", "thanks for the care."],
    ),
}


def patient_feedback(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    themes = list(FEEDBACK)
    for i in range(420):
        theme = themes[int(rng.integers(len(themes)))]
        text = _sentence(rng, *FEEDBACK[theme])
        if rng.random() < 0.3:  # a second, unrelated remark
            other = themes[int(rng.integers(len(themes)))]
            text += " Also " + _pick(rng, FEEDBACK[other][1]) + "."
        rows.append(
            {
                "note_id": 5000 + i,
                "clinic": _pick(rng, CLINICS),
                "visit_month": _pick(rng, ["2024-01", "2024-02", "2024-03", "2024-04"]),
                "note": text,
                "theme": theme if rng.random() < 0.16 else None,
            }
        )
    return pd.DataFrame(rows)


def treatment_costs(rng: np.random.Generator) -> pd.DataFrame:
    base = {
        "check-up": (20, 15, 60),
        "cleaning": (35, 25, 90),
        "filling": (45, 60, 160),
        "root canal": (90, 180, 650),
        "extraction": (40, 50, 180),
        "crown": (70, 320, 900),
    }
    rows = []
    for i in range(320):
        proc = _pick(rng, list(base))
        minutes, materials, billed = base[proc]
        m = max(10, rng.normal(minutes, minutes * 0.15))
        mat = max(5, rng.normal(materials, materials * 0.12))
        lab = rng.normal(200, 30) if proc == "crown" else 0.0
        rows.append(
            {
                "record_id": f"TC{i + 1:04d}",
                "clinic": _pick(rng, CLINICS),
                "procedure": proc,
                "chair_minutes": round(m),
                "materials_cost": round(mat, 2),
                "lab_fee": round(max(lab, 0.0), 2),
                "billed_amount": round(rng.normal(billed, billed * 0.08) + 0.3 * lab, 2),
                "dentist_grade": _pick(rng, ["junior", "senior", "specialist"]),
            }
        )
    frame = pd.DataFrame(rows)
    odd = [
        (17, "billed_amount", 9450.0),
        (88, "chair_minutes", 610),
        (141, "materials_cost", 0.01),
        (203, "lab_fee", 2400.0),
        (260, "billed_amount", 4.5),
    ]
    for row, col, value in odd:
        frame.loc[row, col] = value
    frame.loc[305, "procedure"] = "check-up"
    frame.loc[305, "lab_fee"] = 310.0
    return frame


LEAFLET = """# Looking after your teeth and gums

This leaflet is for patients of our clinics. It explains what to do before and after common
treatments and when to call us.

## Brushing and flossing

Brush twice a day for two minutes with a fluoride toothpaste. A soft-bristled brush is best
because hard bristles can wear down enamel and irritate the gums. Replace your toothbrush every
three months, or sooner if the bristles are frayed. Flossing once a day removes plaque between
the teeth where a brush cannot reach. If your gums bleed when you floss, keep flossing gently:
bleeding usually stops within two weeks as the gums become healthier.

## After a filling

A numbing injection is used for most fillings. The numbness lasts two to four hours, so avoid
hot drinks and chewing until the feeling comes back. If the bite feels high after the numbness
wears off, call the clinic, because a high filling can make the tooth sore. Mild sensitivity to
cold is normal for a week or two.

## After an extraction

Bite firmly on the gauze pad for thirty minutes to help a clot form. Do not rinse, spit or drink
through a straw for twenty-four hours, because this can dislodge the clot and cause a dry socket.
Swelling is normal and usually peaks on the second day. A cold pack on the cheek for ten minutes
at a time reduces swelling. If bleeding continues after several hours, or the pain gets worse
after three days, contact the clinic.

## Children's teeth

Children should see a dentist by their first birthday. Fissure sealants are a thin coating
painted on the back teeth to protect the grooves from decay. Parents should help children brush
until they are about seven years old.

## Missed appointments and cancellations

Please give us at least twenty-four hours' notice if you cannot attend. Appointments missed
without notice may be charged a fee of 25 euros. Text message reminders are sent two days
before each appointment; reply C to cancel.

## Emergencies

A knocked-out adult tooth should be put back in its socket or kept in milk, and you should come
to the clinic within one hour. Severe swelling of the face or difficulty swallowing is an
emergency: go to the hospital.
"""


# ---------------------------------------------------------------- language school
def learner_progress(
    rng: np.random.Generator, n: int, start: int, with_labels: bool
) -> pd.DataFrame:
    weeks = rng.integers(2, 30, n)
    attend = np.clip(rng.beta(5, 2, n), 0, 1)
    homework = np.clip(rng.beta(4, 3, n), 0, 1)
    quiz = np.clip(rng.normal(68, 14, n), 10, 100)
    speaking = rng.integers(0, 400, n)
    frame = pd.DataFrame(
        {
            "learner_id": [f"L{start + i:05d}" for i in range(n)],
            "language": rng.choice(["Spanish", "German", "Japanese", "French", "English"], n),
            "level": rng.choice(["A1", "A2", "B1", "B2", "C1"], n, p=[0.3, 0.25, 0.2, 0.15, 0.1]),
            "weeks_enrolled": weeks,
            "attendance_rate": attend.round(2),
            "homework_done_rate": homework.round(2),
            "avg_quiz_score": quiz.round(1),
            "speaking_minutes": speaking,
            "tutor_changes": rng.poisson(0.6, n),
            "plan": rng.choice(["monthly", "quarterly", "yearly"], n, p=[0.55, 0.3, 0.15]),
        }
    )
    if with_labels:
        z1 = -3 + 3 * attend + 2.5 * homework + 0.02 * (quiz - 60) - 0.5 * frame["tutor_changes"]
        z2 = -1 + 2 * attend + 0.004 * speaking + 1.0 * (frame["plan"] == "yearly")
        frame["finished_course"] = np.where(rng.random(n) < 1 / (1 + np.exp(-z1)), "yes", "no")
        frame["renewed"] = np.where(rng.random(n) < 1 / (1 + np.exp(-z2)), "yes", "no")
    return frame


TUTOR = {
    "yes": (
        [
            "Student struggled with",
            "Learner was lost on",
            "Hard session -",
            "Not much progress on",
            "Learner seemed frustrated by",
        ],
        [
            "the past tense again",
            "listening exercises",
            "pronunciation of vowels",
            "the homework",
            "basic greetings",
            "the subjunctive",
        ],
        [
            "needs a follow-up call.",
            "might drop out, please check in.",
            "suggest extra session.",
            "missed the last two classes.",
            "asked to change tutor.",
        ],
    ),
    "no": (
        [
            "Great session on",
            "Learner did well with",
            "Good progress with",
            "Smooth lesson on",
            "Confident today with",
        ],
        [
            "the past tense",
            "listening exercises",
            "pronunciation",
            "the homework",
            "conversation practice",
            "reading a short article",
        ],
        [
            "keep going.",
            "ready for the next unit.",
            "homework done on time.",
            "very motivated.",
            "",
        ],
    ),
}


def tutor_notes(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, gold = [], []
    for i in range(320):
        flag = "yes" if rng.random() < 0.35 else "no"
        rows.append(
            {
                "session_id": 9100 + i,
                "tutor": _pick(rng, ["Ana", "Kenji", "Marie", "Tom", "Lukas", "Sofia"]),
                "language": _pick(rng, ["Spanish", "German", "Japanese", "French"]),
                "minutes": int(rng.choice([30, 45, 60])),
                "note": _sentence(rng, *TUTOR[flag]),
            }
        )
        if i % 5 == 0:
            gold.append({"session_id": 9100 + i, "needs_follow_up": flag})
    return pd.DataFrame(rows), pd.DataFrame(gold)


TICKETS = {
    "billing": (
        ["Hi,", "Hello,", "", "Urgent:"],
        [
            "I was charged twice for my monthly plan",
            "my card payment failed but money left my account",
            "please refund the yearly subscription",
            "the invoice shows the wrong price",
            "how do I cancel my subscription and get my money back",
        ],
        ["thanks", "please help", "", "asap"],
    ),
    "login": (
        ["Hi,", "Hello team,", "", "Help!"],
        [
            "I cannot log in to the app",
            "the password reset email never arrives",
            "my account is locked after too many attempts",
            "it says my email is not registered",
            "two-factor code is not accepted",
        ],
        ["thanks", "please help", "", "since yesterday"],
    ),
    "scheduling": (
        ["Hi,", "Hello,", "", "Quick question:"],
        [
            "I need to move my lesson to Thursday",
            "my tutor did not show up for the booked session",
            "the calendar shows the wrong time zone for my classes",
            "can I book two lessons in one day",
            "I cancelled a lesson but it still counts",
        ],
        ["thanks", "please", "", "cheers"],
    ),
    "audio_video": (
        ["Hi,", "Hello,", "", "Problem:"],
        [
            "the video freezes during the lesson",
            "my tutor cannot hear me, microphone not working",
            "the camera is black in the classroom page",
            "sound keeps cutting out",
            "screen sharing does not work in the browser",
        ],
        ["thanks", "please fix", "", "every time"],
    ),
}


def support_tickets(rng: np.random.Generator, n: int, start: int, fill: float) -> pd.DataFrame:
    rows = []
    issues = list(TICKETS)
    for i in range(n):
        issue = issues[int(rng.integers(len(issues)))]
        rows.append(
            {
                "ticket_id": start + i,
                "channel": _pick(rng, ["email", "chat", "app"]),
                "learner_plan": _pick(rng, ["monthly", "quarterly", "yearly"]),
                "message": _sentence(rng, *TICKETS[issue]),
                "issue": issue if rng.random() < fill else None,
            }
        )
    return pd.DataFrame(rows)


HANDBOOK = """# Course handbook

Welcome to the school. This handbook explains how courses, lessons and levels work.

## Levels and placement

Our courses follow the CEFR scale from A1 (beginner) to C1 (advanced). Every new learner takes a
twenty-minute placement test before the first lesson. The placement test decides the starting
level; a learner can ask for a second test after four weeks if the level feels wrong.

## Booking and cancelling lessons

Lessons are booked in the app calendar and last 30, 45 or 60 minutes. A lesson cancelled at
least twelve hours before it starts is returned to the learner's balance. A lesson cancelled
later, or missed, counts as taken. If a tutor misses a lesson, the learner gets a free extra
lesson.

## Homework and progress

Tutors set homework after every lesson. Homework is due before the next lesson and is marked
within forty-eight hours. A learner moves up a level after passing the end-of-unit test with at
least seventy percent. Progress reports are sent every four weeks.

## Changing tutor

A learner can change tutor twice per course at no cost. A third change needs approval from the
learner support team, because frequent changes usually slow progress.

## Certificates

A certificate is issued when a learner completes all units of a level and attends at least
eighty percent of the booked lessons. Certificates are sent as PDF files within five working
days.

## Refunds

Monthly plans can be cancelled at any time and stop at the end of the month. Quarterly and yearly
plans are refunded pro rata within the first thirty days only.
"""


# ---------------------------------------------------------------- brewery
def batch_measurements(rng: np.random.Generator) -> pd.DataFrame:
    styles = {
        "IPA": (1.062, 1.012, 55, 19),
        "Stout": (1.070, 1.018, 40, 18),
        "Lager": (1.048, 1.009, 22, 11),
        "Pale Ale": (1.052, 1.011, 35, 19),
    }
    rows = []
    for i in range(260):
        style = _pick(rng, list(styles))
        og, fg, ibu, temp = styles[style]
        og_v = rng.normal(og, 0.003)
        fg_v = rng.normal(fg, 0.002)
        rows.append(
            {
                "batch_id": f"B{24001 + i}",
                "style": style,
                "brew_date": _day("2023-01-02", i * 2),
                "original_gravity": round(og_v, 4),
                "final_gravity": round(fg_v, 4),
                "abv": round((og_v - fg_v) * 131.25, 2),
                "ferment_temp_c": round(rng.normal(temp, 0.8), 1),
                "ferment_days": int(rng.normal(14 if style == "Lager" else 8, 1.2)),
                "ph": round(rng.normal(4.3, 0.08), 2),
                "ibu": int(rng.normal(ibu, 4)),
                "volume_litres": int(rng.choice([1000, 1000, 2000])),
            }
        )
    frame = pd.DataFrame(rows)
    frame.loc[31, ["final_gravity", "abv"]] = [1.031, 3.9]  # stuck fermentation
    frame.loc[77, "ferment_temp_c"] = 29.5  # temperature control failed
    frame.loc[118, "ph"] = 5.4  # infection
    frame.loc[164, ["style", "ibu"]] = ["Lager", 88]
    frame.loc[222, ["ferment_days", "abv"]] = [2, 1.1]
    return frame


def distributor_orders(rng: np.random.Generator) -> pd.DataFrame:
    n = 520
    kegs = rng.integers(0, 30, n)
    late = rng.poisson(2, n)
    complaints = rng.poisson(0.3, n)
    distributor = rng.choice(
        ["HopLine", "Valley Drinks", "CityCask", "North Taps", "Barrel & Co"], n
    )
    z = -0.2 + 0.06 * kegs - 0.35 * late - 0.9 * complaints + 0.6 * (distributor == "CityCask")
    return pd.DataFrame(
        {
            "order_id": [f"O{70000 + i}" for i in range(n)],
            "distributor": distributor,
            "region": rng.choice(["north", "south", "coast", "city"], n),
            "month": rng.choice(
                ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"], n
            ),
            "beer": rng.choice(["IPA", "Stout", "Lager", "Pale Ale"], n),
            "kegs": kegs,
            "can_cases": rng.integers(0, 120, n),
            "days_delivered_late": late,
            "complaints": complaints,
            "reordered_within_30d": np.where(rng.random(n) < 1 / (1 + np.exp(-z)), "yes", "no"),
        }
    )


TAPROOM = {
    "positive": (
        ["Loved", "Really enjoyed", "Great", "Fantastic", "Best"],
        [
            "the hazy IPA, so juicy",
            "the stout, rich and smooth",
            "vibe on a Friday night",
            "staff, super friendly bartender",
            "flight of four, good value",
            "the new lager, crisp",
        ],
        ["will be back!", "", "cheers", "10/10", "thanks!"],
    ),
    "negative": (
        ["Disappointed,", "Not great:", "Sadly", "Meh -", "Complaint:"],
        [
            "the lager was flat and warm",
            "waited 25 minutes for a pint",
            "way too loud to talk",
            "the IPA tasted sour",
            "overpriced for a small glass",
            "the bartender was rude",
        ],
        ["won't come back.", "", "please fix.", "expected better.", "shame."],
    ),
}


def taproom_comments(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for i in range(380):
        mood = "positive" if rng.random() < 0.6 else "negative"
        rows.append(
            {
                "comment_id": i + 1,
                "date": _day("2024-03-01", i // 6),
                "source": _pick(rng, ["comment card", "google review", "instagram"]),
                "comment": _sentence(rng, *TAPROOM[mood]),
                "sentiment": mood if rng.random() < 0.1 else None,
            }
        )
    return pd.DataFrame(rows)


SOP = """# Brewing standard operating procedure

This SOP applies to every batch brewed on the 10 hl system.

## Sanitation

All fermenters, hoses and heat exchangers are cleaned with caustic at 70 degrees Celsius for
twenty minutes, rinsed, then sanitised with peracetic acid. Nothing touches cooled wort unless
it has been sanitised. The sanitation log is signed by the brewer on shift.

## Mashing

The mash is held at 66 degrees Celsius for sixty minutes for most ales. Lagers use a step mash
with a rest at 63 degrees and a rest at 72 degrees. The mash pH should be between 5.2 and 5.4;
if it is higher, lactic acid is added in 10 ml steps.

## Boil and hops

The boil lasts sixty minutes. Bittering hops are added at the start of the boil and aroma hops in
the last ten minutes. Whirlpool hops for IPAs are added when the wort has cooled to 80 degrees.

## Fermentation

Ales ferment at 18 to 20 degrees Celsius and lagers at 10 to 12 degrees. The brewer records
gravity every day. A batch is ready for conditioning when the gravity is stable for three days in
a row. If gravity has not dropped after forty-eight hours, the head brewer must be told, because a
stuck fermentation may need fresh yeast.

## Quality control

Every batch is tasted by two people before packaging. A batch with a pH above 4.6, a sour or
buttery off-flavour, or an ABV more than 0.5 percent off the recipe is held back and reported in
the quality log. Held batches are never sold in the taproom.

## Packaging

Kegs are purged with CO2 before filling. Cans are seamed and checked every thirty minutes with a
seam gauge. Each keg and case is labelled with the batch number and the best-before date.
"""


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)
    rng = np.random.default_rng(1010)
    appointments(rng, 700, True, 1).to_csv(out / "appointments.csv", index=False)
    appointments(rng, 90, False, 801).to_csv(out / "appointments_next_week.csv", index=False)
    patient_feedback(rng).to_csv(out / "patient_feedback.csv", index=False)
    treatment_costs(rng).to_csv(out / "treatment_costs.csv", index=False)
    (out / "docs" / "patient_care_leaflet.md").write_text(LEAFLET, encoding="utf-8")

    learner_progress(rng, 540, 1, True).to_csv(out / "learner_progress.csv", index=False)
    learner_progress(rng, 60, 901, False).to_csv(out / "new_learners.csv", index=False)
    notes, gold = tutor_notes(rng)
    notes.to_csv(out / "tutor_notes.csv", index=False)
    gold.to_csv(out / "tutor_notes_flags.csv", index=False)
    support_tickets(rng, 480, 30001, 0.15).to_csv(out / "support_tickets.csv", index=False)
    support_tickets(rng, 120, 31001, 1.0).to_csv(out / "tickets_checked.csv", index=False)
    (out / "docs" / "course_handbook.md").write_text(HANDBOOK, encoding="utf-8")

    batch_measurements(rng).to_csv(out / "batch_measurements.csv", index=False)
    distributor_orders(rng).to_csv(out / "distributor_orders.csv", index=False)
    taproom_comments(rng).to_csv(out / "taproom_comments.csv", index=False)
    (out / "docs" / "brewing_sop.md").write_text(SOP, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
