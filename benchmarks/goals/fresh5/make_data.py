"""Write the fresh5 corpus's data files into a folder: `python make_data.py DIR`.

Deterministic (fixed seeds), offline, small (well under 1 MB). Every row is invented here:

- card_txns_train.csv / card_txns_test.csv: bank card transactions with a fraud flag
  (`fraud_ind`, Y/N, about 5% Y); card_txns_incoming.csv: new ones without the flag.
- course_feedback.csv: student course comments (`free_text`), `sentiment`
  (positive/negative/mixed) filled on about 15% of rows; feedback_handlabels.csv: hand labels
  whose id column is spelled `CommentID` (the data's is `comment_id`), with an annotator column;
  course_feedback_test.csv: fully labeled comments; rules/feedback_rules.json: a small
  hand-written set of declarative labeling functions.
- greenhouse_readings.csv: hourly climate sensor readings of three zones, with a few broken
  readings and missing cells.
- job_postings.csv / job_postings_test.csv: job ads with a seniority label (`seniority_lvl`:
  junior/mid/senior); postings_march.csv: new ads without it.
- docs/course_handbook.md, docs/lab_safety_guide.txt: two documents for QA generation.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

# ----------------------------------------------------------------------------- card transactions
MCC_GROUPS = [
    "grocery",
    "fuel",
    "restaurants",
    "online_retail",
    "travel",
    "electronics",
    "pharmacy",
]
MCC_BASE = [0.28, 0.14, 0.18, 0.2, 0.06, 0.07, 0.07]
COUNTRIES = ["NL", "DE", "BE", "FR", "US", "GB", "NG", "BR"]
HOME_P = [0.78, 0.07, 0.05, 0.04, 0.02, 0.02, 0.01, 0.01]
FRAUD_P = [0.25, 0.08, 0.05, 0.07, 0.2, 0.12, 0.13, 0.1]


def card_transactions(rng: np.random.Generator, n: int, start_id: int) -> pd.DataFrame:
    fraud = rng.random(n) < 0.05
    rows = []
    for i in range(n):
        f = bool(fraud[i])
        mcc_p = np.array(MCC_BASE)
        if f:
            mcc_p = mcc_p * np.array([0.3, 0.5, 0.4, 2.5, 2.0, 3.0, 0.3])
        mcc = rng.choice(MCC_GROUPS, p=mcc_p / mcc_p.sum())
        base = {
            "grocery": 35,
            "fuel": 55,
            "restaurants": 40,
            "online_retail": 70,
            "travel": 260,
            "electronics": 320,
            "pharmacy": 22,
        }[mcc]
        amount = base * rng.lognormal(0.0, 0.6) * (rng.uniform(1.5, 4.0) if f else 1.0)
        hour = int(rng.choice(24, p=_hour_p(f)))
        country = rng.choice(COUNTRIES, p=FRAUD_P if f else HOME_P)
        present = int(rng.random() < (0.25 if f else 0.7))
        dist = rng.gamma(1.2, 8.0) if country == "NL" else rng.gamma(3.0, 300.0)
        if f and country == "NL":
            dist *= rng.uniform(1.0, 6.0)
        velocity = int(rng.poisson(6.0 if f else 2.0))
        rows.append(
            {
                "txn_id": f"T{start_id + i:06d}",
                "amt_eur": round(float(amount), 2),
                "mcc_grp": mcc,
                "hour": hour,
                "country": country,
                "card_present": present,
                "dist_home_km": round(float(dist), 1),
                "txn_count_24h": velocity,
                "fraud_ind": "Y" if f else "N",
            }
        )
    frame = pd.DataFrame(rows)
    # some missing values: the distance is unknown for card-not-present rows now and then
    gone = rng.random(n) < 0.06
    frame.loc[gone, "dist_home_km"] = np.nan
    frame.loc[rng.random(n) < 0.02, "mcc_grp"] = np.nan
    return frame


def _hour_p(fraud: bool) -> np.ndarray:
    hours = np.arange(24)
    day = np.exp(-((hours - 14) ** 2) / 30.0) + 0.05
    night = np.exp(-((np.minimum(hours, 24 - hours)) ** 2) / 10.0) + 0.15
    p = 0.4 * day + 0.6 * night if fraud else day
    return p / p.sum()


# ----------------------------------------------------------------------------- student feedback
COURSES = ["STAT101", "CHEM210", "HIST150", "CS230", "BIO120", "ECON201"]
POSITIVE = [
    "the lectures were clear and well organised",
    "the tutor explained every concept patiently",
    "I loved the weekly lab sessions",
    "the assignments really helped me understand the material",
    "feedback on my essays was quick and genuinely useful",
    "the reading list was excellent",
    "office hours were friendly and helpful",
    "the examples in class made hard topics easy to follow",
    "this was the most engaging module I took this year",
    "the online quizzes were a great way to revise",
]
NEGATIVE = [
    "the workload was completely overwhelming",
    "marks for assignments came back far too late",
    "the slides were unreadable and full of errors",
    "lectures felt rushed and disorganised",
    "nobody answered questions on the forum",
    "the exam had almost nothing to do with what we covered",
    "the lab equipment was broken most weeks",
    "it was boring and felt like a waste of time",
    "instructions for the project were confusing and kept changing",
    "the room was too small and we could not hear the lecturer",
]
OPENERS = ["", "", "Honestly, ", "Overall ", "To be fair, ", "In general ", "Tbh ", "I think "]
CLOSERS = ["", "", ".", "!", " overall.", ", would recommend.", " this term.", "..."]


def comment(rng: np.random.Generator, kind: str) -> str:
    pos = POSITIVE[rng.integers(len(POSITIVE))]
    neg = NEGATIVE[rng.integers(len(NEGATIVE))]
    opener = OPENERS[rng.integers(len(OPENERS))]
    closer = CLOSERS[rng.integers(len(CLOSERS))]
    if kind == "positive":
        text = pos
        if rng.random() < 0.4:
            text += " and " + POSITIVE[rng.integers(len(POSITIVE))]
    elif kind == "negative":
        text = neg
        if rng.random() < 0.4:
            text += " and " + NEGATIVE[rng.integers(len(NEGATIVE))]
        closer = closer.replace("would recommend", "would not recommend")
    else:
        joiner = [" but ", ", however ", " although ", ", on the other hand "][rng.integers(4)]
        text = pos + joiner + neg if rng.random() < 0.5 else neg + joiner + pos
    text = (opener + text + closer).strip()
    if rng.random() < 0.08:  # a typo now and then
        i = int(rng.integers(1, len(text) - 1))
        text = text[:i] + text[i + 1 :]
    return text[0].upper() + text[1:]


def feedback(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    kinds = rng.choice(["positive", "negative", "mixed"], size=n, p=[0.45, 0.35, 0.2])
    return pd.DataFrame(
        {
            "comment_id": [f"FB{start + i}" for i in range(n)],
            "course": rng.choice(COURSES, size=n),
            "semester": rng.choice(["2025-autumn", "2026-spring"], size=n),
            "free_text": [comment(rng, k) for k in kinds],
            "sentiment": kinds,
        }
    )


FEEDBACK_RULES = [
    {
        "name": "kw_loved",
        "label": "positive",
        "kind": "keyword",
        "column": "free_text",
        "keywords": ["loved", "excellent", "engaging"],
    },
    {
        "name": "kw_helpful",
        "label": "positive",
        "kind": "keyword",
        "column": "free_text",
        "keywords": ["helpful", "useful", "patiently"],
    },
    {
        "name": "kw_boring",
        "label": "negative",
        "kind": "keyword",
        "column": "free_text",
        "keywords": ["boring", "waste of time", "unreadable"],
    },
    {
        "name": "kw_late",
        "label": "negative",
        "kind": "keyword",
        "column": "free_text",
        "keywords": ["too late", "overwhelming", "broken"],
    },
    {
        "name": "re_but",
        "label": "mixed",
        "kind": "regex",
        "column": "free_text",
        "pattern": r"\b(but|however|although)\b",
        "ignore_case": True,
    },
]


# ----------------------------------------------------------------------------- greenhouse
def greenhouse(rng: np.random.Generator) -> pd.DataFrame:
    hours = pd.date_range("2026-03-01 00:00", periods=20 * 24, freq="h")
    rows = []
    rid = 1
    for ts in hours:
        h = ts.hour
        sun = max(0.0, np.sin((h - 6) / 12 * np.pi))
        for zone, offset in (("A", 0.0), ("B", 1.2), ("C", -0.8)):
            t_air = 18 + 8 * sun + offset + rng.normal(0, 0.6)
            rh = 82 - 25 * sun + rng.normal(0, 3)
            par = 1200 * sun * rng.uniform(0.7, 1.0)
            co2 = 900 - 350 * sun + rng.normal(0, 30)
            vent = float(np.clip((t_air - 24) * 12, 0, 100))
            vwc = 38 - 0.1 * ((ts.day * 24 + h) % 72) + rng.normal(0, 0.8)  # irrigated every 3 days
            rows.append(
                {
                    "reading_id": rid,
                    "ts": ts.strftime("%Y-%m-%d %H:%M"),
                    "zone": zone,
                    "t_air": round(t_air, 2),
                    "rh": round(float(np.clip(rh, 20, 100)), 1),
                    "co2_ppm": round(co2, 0),
                    "par": round(par, 0),
                    "vwc": round(vwc, 2),
                    "vent_pct": round(vent, 1),
                }
            )
            rid += 1
    frame = pd.DataFrame(rows)
    # broken readings: a stuck humidity sensor, a heater fault, a CO2 dosing spike, a flooded
    # bed, a vent open at night in the cold, and light at midnight
    broken = {
        101: {"rh": 0.0},
        402: {"t_air": 41.5, "vent_pct": 0.0},
        655: {"co2_ppm": 3900.0},
        830: {"vwc": 61.0},
        977: {"vent_pct": 100.0, "t_air": 12.1},
        1150: {"par": 1450.0},
        1301: {"t_air": -3.0, "rh": 99.0},
    }
    for rid, values in broken.items():
        for col, value in values.items():
            frame.loc[frame["reading_id"] == rid, col] = value
    for col, share in (("rh", 0.02), ("co2_ppm", 0.015), ("vwc", 0.03)):
        frame.loc[rng.random(len(frame)) < share, col] = np.nan
    return frame


# ----------------------------------------------------------------------------- job postings
ROLES = [
    ("Data Analyst", "Analytics", "dashboards in Power BI, SQL reporting and ad-hoc analysis"),
    ("Backend Engineer", "Engineering", "REST services in Go and PostgreSQL"),
    ("Marketing Specialist", "Marketing", "campaigns, newsletters and social media content"),
    ("Financial Controller", "Finance", "month-end close, budgeting and audits"),
    ("Logistics Planner", "Operations", "route planning and warehouse scheduling"),
    ("UX Designer", "Product", "user research, wireframes and usability testing"),
    ("Frontend Developer", "Engineering", "React interfaces and accessibility"),
    ("HR Advisor", "People", "recruitment, onboarding and employee relations"),
]
LEVEL_TITLE = {
    "junior": ["Junior", "Graduate", "Trainee", "Associate"],
    "mid": ["", "", "Medior"],
    "senior": ["Senior", "Lead", "Principal", "Staff"],
}
LEVEL_PHRASES = {
    "junior": [
        "no prior experience required",
        "ideal first job after your studies",
        "you will be trained by experienced colleagues",
        "0-2 years of experience",
        "a structured learning programme",
        "recent graduates are welcome to apply",
        "you learn the basics of the job",
        "you support the team with daily tasks",
    ],
    "mid": [
        "3-5 years of relevant experience",
        "you work independently on your own projects",
        "you own features from design to release",
        "solid hands-on experience with the tools we use",
        "you are comfortable presenting to stakeholders",
        "you help onboard new colleagues",
        "you take responsibility for your own deliverables",
        "a few years in a similar role",
    ],
    "senior": [
        "8+ years of experience",
        "you lead a small team",
        "you set the technical direction",
        "you mentor junior and medior colleagues",
        "you shape the strategy of the department",
        "you are accountable for a large budget",
        "extensive track record in similar roles",
        "you report directly to the director",
    ],
}
COMMON = [
    "We offer a hybrid working policy.",
    "Competitive salary and 27 holidays.",
    "You join a friendly, international team.",
    "Travel allowance included.",
    "We value diversity and inclusion.",
    "Training budget available.",
]


def posting(rng: np.random.Generator, level: str) -> tuple[str, str, str]:
    title, dept, work = ROLES[rng.integers(len(ROLES))]
    prefix = LEVEL_TITLE[level][rng.integers(len(LEVEL_TITLE[level]))]
    # some titles carry no level, and a few phrases leak from the neighbouring level
    if rng.random() < 0.35:
        prefix = ""
    job_title = f"{prefix} {title}".strip()
    own = list(rng.choice(LEVEL_PHRASES[level], size=2, replace=False))
    neighbour = {"junior": "mid", "mid": rng.choice(["junior", "senior"]), "senior": "mid"}[level]
    if rng.random() < 0.3:
        own[1] = LEVEL_PHRASES[neighbour][rng.integers(8)]
    text = (
        f"As {job_title.lower()} you work on {work}. "
        f"{own[0][0].upper() + own[0][1:]}, and {own[1]}. "
        + " ".join(rng.choice(COMMON, size=2, replace=False))
    )
    return job_title, dept, text


def postings(rng: np.random.Generator, n: int, start: int, labeled: bool = True) -> pd.DataFrame:
    levels = rng.choice(["junior", "mid", "senior"], size=n, p=[0.3, 0.42, 0.28])
    rows = []
    for i, level in enumerate(levels):
        title, dept, text = posting(rng, str(level))
        row = {
            "posting_id": start + i,
            "job_title": title,
            "ad_text": text,
            "dept": dept if rng.random() > 0.05 else None,
            "remote_ok": rng.choice(["yes", "no", "partly"]),
        }
        if labeled:
            row["seniority_lvl"] = level
        rows.append(row)
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- documents
HANDBOOK = """# Course Handbook: BSc Environmental Data Science, Year 2

## Welcome

This handbook describes how the second year of the BSc Environmental Data Science is organised.
The programme director is Dr. Ingrid Vasquez, and the year coordinator is Mr. Tomas Berg.
Questions about timetables go to the student service desk in the Linnaeus Building, room 0.14.

## Structure of the Year

The academic year consists of two semesters of 30 ECTS each. Each semester is divided into two
blocks of ten weeks, and every block ends with an examination week. A full-time student takes
two modules of 7.5 ECTS per block. One ECTS credit corresponds to 28 hours of study, so a module
of 7.5 ECTS means about 210 hours of work.

## Modules

Spatial Statistics is a compulsory module in block 1. It covers kriging, variograms and spatial
autocorrelation. Field Methods is taught in block 2 and includes a five-day field trip to the
Wadden Sea coast. Machine Learning for Earth Observation is an elective in block 3; it requires
a pass in Programming for Scientists. The capstone module, Environmental Data Project, runs
through block 4 and is assessed by a group report and an individual oral defence.

## Assessment and Grading

Grades are given on a scale from 1 to 10, where 5.5 is the lowest passing grade. A module grade
is the weighted average of its components, and each component must be at least 5.0. If a
student fails an examination, the student may take one resit in the same academic year. A resit
grade replaces the original grade, even when it is lower. Late submission of coursework is
penalised by 0.5 grade points per day, up to a maximum of three days; after three days the work
is graded 1.

## Attendance

Attendance at practicals and tutorials is mandatory. A student who misses more than two
practical sessions of a module without a valid reason is excluded from that module's exam.
Absence because of illness must be reported to the study adviser within five working days.

## Academic Integrity

Plagiarism is the presentation of another person's work or ideas as your own. All written
coursework is checked with a similarity scanner. Generative AI tools may be used for
brainstorming only when the module guide allows it, and their use must be declared in an
appendix. Suspected fraud is reported to the Board of Examiners, which decides on sanctions.

## Study Advice and Progression

At the end of year 2 every student receives a binding study advice. A student who has earned
fewer than 45 of the 60 ECTS of year 2 must meet the study adviser before the summer break.
Students with a disability can apply for extra examination time through the student service
desk; the request should be made at least six weeks before the exam.
"""

SAFETY = """LABORATORY SAFETY GUIDE - Faculty of Science, Wet Chemistry and Biology Labs
Version 4.2, approved by the Faculty Safety Committee

1. General rules

Every person who works in the laboratory must complete the online safety induction before the
first session. The induction certificate is valid for two years. Eating, drinking and storing
food in the laboratory are forbidden at all times. Lab coats, safety glasses and closed shoes
must be worn whenever chemicals are handled. Long hair must be tied back.

2. Working alone

Working alone in the laboratory is not allowed outside office hours (08:00 to 18:00). When work
outside office hours is unavoidable, a buddy must be present in the building and the work must
be registered with the building manager at least one day in advance.

3. Chemical handling

A fume hood is a ventilated enclosure that removes hazardous vapours from the work area. Volatile
or toxic substances must always be handled in a fume hood with the sash below the marked line.
Acids are diluted by adding the acid to water, never water to acid, because the reaction releases
heat and can make the liquid boil and splash. Every container must carry a label with the name of
the substance, the concentration, the date and the owner's initials.

4. Waste disposal

Chemical waste is collected in separate containers for halogenated solvents, non-halogenated
solvents, acids, bases and heavy metals. Biological waste is autoclaved at 121 degrees Celsius
for at least 20 minutes before it leaves the laboratory. Sharps such as needles and broken glass
go into the yellow sharps container, which is replaced when it is three quarters full.

5. Emergencies

If a chemical splashes into the eyes, rinse them at the eyewash station for at least 15 minutes
and then seek medical help. If clothing catches fire, use the safety shower or the fire blanket.
The emergency number on campus is 2222. After any incident, the lab supervisor must file an
incident report within 24 hours, even when nobody was injured.

6. Biosafety levels

Biosafety level 1 (BSL-1) applies to microorganisms that do not cause disease in healthy adults.
Biosafety level 2 (BSL-2) applies to agents of moderate hazard and requires a biosafety cabinet
for procedures that can create aerosols. Access to BSL-2 rooms is restricted to trained staff
whose names are on the door list.
"""


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit("usage: python make_data.py DIR")
    out = Path(sys.argv[1])
    (out / "docs").mkdir(parents=True, exist_ok=True)
    (out / "rules").mkdir(parents=True, exist_ok=True)

    rng = np.random.default_rng(20261201)
    card_transactions(rng, 1500, 1).to_csv(out / "card_txns_train.csv", index=False)
    card_transactions(rng, 500, 500001).to_csv(out / "card_txns_test.csv", index=False)
    incoming = card_transactions(rng, 200, 900001).drop(columns=["fraud_ind"])
    incoming.to_csv(out / "card_txns_incoming.csv", index=False)

    rng = np.random.default_rng(7)
    pool = feedback(rng, 600, 1001)
    truth = pool["sentiment"].copy()
    keep = rng.random(len(pool)) < 0.15
    pool.loc[~keep, "sentiment"] = None
    pool.to_csv(out / "course_feedback.csv", index=False)
    # the TA's hand labels: 80 rows not labeled in the pool, plus 10 that are
    unlabeled = pool.index[~keep].to_numpy()
    labeled = pool.index[keep].to_numpy()
    picked = np.concatenate(
        [rng.choice(unlabeled, size=80, replace=False), rng.choice(labeled, size=10, replace=False)]
    )
    picked.sort()
    pd.DataFrame(
        {
            "CommentID": pool.loc[picked, "comment_id"].to_numpy(),
            "sentiment": truth.loc[picked].to_numpy(),
            "annotator": rng.choice(["JK", "MP", "AS"], size=len(picked)),
        }
    ).to_csv(out / "feedback_handlabels.csv", index=False)
    feedback(rng, 150, 5001).to_csv(out / "course_feedback_test.csv", index=False)
    (out / "rules" / "feedback_rules.json").write_text(json.dumps(FEEDBACK_RULES, indent=2) + "\n")

    rng = np.random.default_rng(11)
    greenhouse(rng).to_csv(out / "greenhouse_readings.csv", index=False)

    rng = np.random.default_rng(23)
    postings(rng, 500, 20001).to_csv(out / "job_postings.csv", index=False)
    postings(rng, 150, 30001).to_csv(out / "job_postings_test.csv", index=False)
    postings(rng, 60, 40001, labeled=False).to_csv(out / "postings_march.csv", index=False)

    (out / "docs" / "course_handbook.md").write_text(HANDBOOK)
    (out / "docs" / "lab_safety_guide.txt").write_text(SAFETY)


if __name__ == "__main__":
    main()
