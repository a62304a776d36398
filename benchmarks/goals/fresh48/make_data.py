"""Write the fresh48 corpus's files into DIR: a credit union, a youth football academy, a garden centre.

Run: python make_data.py DIR. Deterministic (seed 4848), offline, invented data only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 4848


def pick(rng: np.random.Generator, items: list[str], size: int, p: list[float] | None = None):
    return rng.choice(np.array(items, dtype=object), size=size, p=p)


def sentence(rng: np.random.Generator, parts: list[list[str]]) -> str:
    return " ".join(str(rng.choice(part)) for part in parts).strip()


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n")


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.strip() + "\n", encoding="utf-8")


def blank_out(rng: np.random.Generator, values: pd.Series, keep: float) -> pd.Series:
    mask = rng.random(len(values)) < keep
    return values.where(mask, "")


# ----- credit union -------------------------------------------------------------------------
OFFICER_GOOD = [
    "steady employment history, same employer for years",
    "member has saved regularly with us since joining",
    "clean repayment record on previous car loan",
    "low existing commitments, budget checks out",
    "income verified with payslips, comfortable affordability",
]
OFFICER_RISK = [
    "recent change of job, probation period not finished",
    "several payday loans showing on the credit file",
    "overdraft used heavily in the last three months",
    "income is irregular, mostly cash work",
    "asked to consolidate existing card debts",
    "previous arrears on a phone contract",
]


def loans(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    product = pick(
        rng,
        ["car", "personal", "home_improvement", "credit_builder", "debt_consolidation"],
        n,
        [0.3, 0.25, 0.2, 0.1, 0.15],
    )
    income = np.round(rng.lognormal(10.2, 0.4, n), -2)
    amount = np.round(np.clip(rng.lognormal(8.6, 0.7, n), 300, 35000), -1)
    term = rng.choice([12, 24, 36, 48, 60], n)
    score = np.clip(rng.normal(640, 80, n), 350, 850).round().astype(int)
    dti = np.round(np.clip(rng.normal(0.32, 0.12, n), 0.02, 0.85), 3)
    years = np.clip(rng.exponential(5, n), 0, 40).round(1)
    age = np.clip(rng.normal(41, 13, n), 18, 82).round().astype(int)
    employment = pick(
        rng,
        ["salaried", "self_employed", "part_time", "retired", "zero_hours"],
        n,
        [0.55, 0.15, 0.12, 0.1, 0.08],
    )
    risk = (
        -2.2
        + (640 - score) / 60
        + (dti - 0.32) * 5
        - years * 0.08
        + (employment == "zero_hours") * 1.0
        + (product == "debt_consolidation") * 0.6
        + rng.normal(0, 0.7, n)
    )
    arrears = risk > -0.7
    defaulted = (risk > 0.0) & (rng.random(n) < 0.8)
    early = (~arrears) & (rng.random(n) < 0.18 + (income > 40000) * 0.15)
    comments = []
    for r in risk:
        pool = OFFICER_RISK if (r + rng.normal(0, 0.8)) > 0 else OFFICER_GOOD
        comments.append(
            str(rng.choice(pool)) + ("; " + str(rng.choice(pool)) if rng.random() < 0.4 else "")
        )
    return pd.DataFrame(
        {
            "loan_id": [f"LN{start + i:05d}" for i in range(n)],
            "member_no": rng.integers(100000, 199999, n),
            "product": product,
            "amount": amount,
            "term_months": term,
            "apr_pct": np.round(rng.uniform(4.9, 26.9, n), 1),
            "member_age": age,
            "annual_income": income,
            "dti_ratio": dti,
            "credit_score": score,
            "years_as_member": years,
            "branch": pick(rng, ["High Street", "Northgate", "Riverside", "online"], n),
            "employment": employment,
            "officer_comment": comments,
            "went_into_arrears": np.where(arrears, "yes", "no"),
            "defaulted": np.where(defaulted, "yes", "no"),
            "paid_off_early": np.where(early, "yes", "no"),
        }
    )


COLLECTOR = {
    "cured": [
        "member paid the missed amount in full after our call",
        "caught up once wages came in, account now up to date",
        "paid arrears by card over the phone, no further action",
    ],
    "payment_plan": [
        "agreed reduced payments for six months, income and expenditure done",
        "member lost hours at work, set up an arrangement of 50 a month",
        "hardship form returned, plan agreed with review in three months",
    ],
    "written_off": [
        "no contact despite letters and calls, debt passed to recovery",
        "member moved away, address unknown, balance unrecoverable",
        "bankruptcy notice received, balance written off",
    ],
}


def arrears_cases(rng: np.random.Generator) -> pd.DataFrame:
    n = 420
    outcome = pick(rng, ["cured", "payment_plan", "written_off"], n, [0.5, 0.32, 0.18])
    days = np.where(outcome == "written_off", rng.integers(90, 400, n), rng.integers(5, 150, n))
    notes = [
        str(rng.choice(COLLECTOR[o]))
        if rng.random() < 0.85
        else str(rng.choice(sum(COLLECTOR.values(), [])))
        for o in outcome
    ]
    frame = pd.DataFrame(
        {
            "case_ref": [f"ARR-{2300 + i}" for i in range(n)],
            "loan_id": [f"LN{int(x):05d}" for x in rng.integers(1, 900, n)],
            "days_past_due": days,
            "balance_outstanding": np.round(rng.lognormal(7.8, 0.8, n), 2),
            "missed_payments": np.clip(days // 30 + rng.integers(0, 2, n), 1, 14),
            "contact_attempts": rng.integers(1, 12, n),
            "promise_to_pay": pick(rng, ["Y", "N"], n),
            "hardship_declared": np.where(
                (outcome == "payment_plan") & (rng.random(n) < 0.7),
                "Y",
                pick(rng, ["Y", "N"], n, [0.15, 0.85]),
            ),
            "collector_notes": notes,
            "resolution": outcome,
        }
    )
    frame["resolution"] = blank_out(rng, frame["resolution"], 0.35)
    return frame


EMAIL_TOPICS = {
    "card_problem": (
        ["Card declined", "Lost my debit card", "Card not working abroad", "PIN blocked"],
        [
            "my card was declined at the supermarket today even though there is money in the account",
            "I think I left my card in a cash machine, can you cancel it and send a new one",
            "the card keeps getting refused online, is it blocked",
            "I typed the wrong PIN three times and now it is locked",
        ],
    ),
    "loan_enquiry": (
        ["Loan question", "Borrowing for a car", "Top up my loan", "Loan rates"],
        [
            "I would like to borrow about 6000 for a car, what would the monthly payment be",
            "can I top up my existing loan to pay for a new kitchen",
            "what rate would I get on a personal loan over three years",
            "is there an early repayment fee if I clear my loan next month",
        ],
    ),
    "complaint": (
        ["Complaint", "Very unhappy", "Poor service", "Formal complaint"],
        [
            "I have waited two weeks for a reply and nobody has called me back, this is not good enough",
            "the staff member at the branch was rude and I want to make a formal complaint",
            "you charged me a fee I was never told about and I want it refunded",
            "I am disappointed with how my application was handled",
        ],
    ),
    "account_access": (
        ["Can't log in", "App problem", "Password reset", "Locked out"],
        [
            "I cannot log in to the app since the update, it says my details are wrong",
            "how do I reset my online banking password",
            "the one time code never arrives on my phone",
            "I changed my phone and now the app will not let me in",
        ],
    ),
    "arrears_help": (
        ["Struggling with payments", "Missed payment", "Need help", "Can't pay this month"],
        [
            "I lost my job and will not be able to make this month's loan payment",
            "I missed my payment last week, what happens now",
            "can I pay less for a few months while I am off sick",
            "I am behind on my loan and worried, please can someone call me",
        ],
    ),
}


def member_emails(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    n = 600
    topics = pick(rng, list(EMAIL_TOPICS), n, [0.24, 0.22, 0.16, 0.22, 0.16])
    openers = ["Hi,", "Hello there,", "Dear team,", "Good morning,", ""]
    closers = ["Thanks", "Regards", "Cheers", "Many thanks", ""]
    subjects, bodies = [], []
    for t in topics:
        subj, texts = EMAIL_TOPICS[t]
        subjects.append(str(rng.choice(subj)))
        other = EMAIL_TOPICS[str(rng.choice(list(EMAIL_TOPICS)))][1]
        body = f"{rng.choice(openers)} {rng.choice(texts)}."
        if rng.random() < 0.25:
            body += f" Also {rng.choice(other)}."
        bodies.append(f"{body} {rng.choice(closers)}".strip())
    callback = np.where(
        np.isin(topics, ["complaint", "arrears_help"]) & (rng.random(n) < 0.8), "yes", "no"
    )
    frame = pd.DataFrame(
        {
            "email_id": [f"E{5000 + i}" for i in range(n)],
            "member_no": rng.integers(100000, 199999, n),
            "received": pd.date_range("2025-01-06", periods=n, freq="7h").strftime(
                "%Y-%m-%d %H:%M"
            ),
            "mailbox": pick(rng, ["general", "lending", "cards"], n),
            "subject": subjects,
            "body": bodies,
            "topic": topics,
            "needs_callback": callback,
        }
    )
    frame["topic"] = blank_out(rng, frame["topic"], 0.12)
    frame["needs_callback"] = blank_out(rng, frame["needs_callback"], 0.3)
    gold_rows = rng.choice(n, 90, replace=False)
    gold = pd.DataFrame(
        {"email_id": frame["email_id"].iloc[gold_rows].values, "topic": topics[gold_rows]}
    )
    return frame, gold


def email_rules() -> list[dict]:
    return [
        {
            "name": "declined_or_pin",
            "label": "card_problem",
            "kind": "keyword",
            "column": "body",
            "keywords": ["declined", "PIN", "refused", "cash machine"],
        },
        {
            "name": "borrow_words",
            "label": "loan_enquiry",
            "kind": "keyword",
            "column": "body",
            "keywords": ["borrow", "top up", "rate", "early repayment"],
        },
        {
            "name": "complaint_subject",
            "label": "complaint",
            "kind": "keyword",
            "column": "subject",
            "keywords": ["complaint", "unhappy", "poor service"],
        },
        {
            "name": "login_trouble",
            "label": "account_access",
            "kind": "regex",
            "column": "body",
            "pattern": r"log ?in|password|one time code|app",
            "ignore_case": True,
        },
        {
            "name": "cannot_pay",
            "label": "arrears_help",
            "kind": "keyword",
            "column": "body",
            "keywords": ["missed my payment", "lost my job", "behind on my loan", "pay less"],
        },
    ]


def card_transactions(rng: np.random.Generator) -> pd.DataFrame:
    n = 700
    merchant = pick(
        rng,
        ["grocery", "fuel", "restaurant", "online_retail", "utilities", "travel", "cash"],
        n,
        [0.3, 0.15, 0.15, 0.18, 0.1, 0.04, 0.08],
    )
    amount = np.round(rng.lognormal(3.3, 0.8, n), 2)
    hour = np.clip(rng.normal(14, 4, n), 6, 23).round().astype(int)
    frame = pd.DataFrame(
        {
            "txn_id": [f"T{900000 + i}" for i in range(n)],
            "member_no": rng.integers(100000, 199999, n),
            "amount": amount,
            "merchant_type": merchant,
            "hour": hour,
            "country": pick(rng, ["GB", "GB", "GB", "GB", "ES", "FR", "IE"], n),
            "channel": pick(
                rng, ["chip", "contactless", "online", "atm"], n, [0.3, 0.4, 0.22, 0.08]
            ),
            "txns_last_24h": rng.poisson(2, n) + 1,
            "days_since_last_txn": np.round(rng.exponential(1.5, n), 1),
        }
    )
    odd = rng.choice(n, 12, replace=False)
    frame.loc[odd[:4], "amount"] = [4890.0, 7250.5, 3999.99, 6120.0]
    frame.loc[odd[4:8], "hour"] = [3, 4, 2, 3]
    frame.loc[odd[4:8], "country"] = ["NG", "BR", "RU", "VN"]
    frame.loc[odd[8:], "txns_last_24h"] = [41, 37, 55, 48]
    frame.loc[odd[8:], "channel"] = "online"
    return frame


CU_DOCS = {
    "docs/credit_union/lending_policy.md": """
# Lending policy (members' summary)

## Who can borrow
Any member aged 18 or over who has held a savings account with the credit union for at least
8 weeks can apply for a loan. Members on benefits and zero-hours contracts are welcome to apply.

## How much
Personal loans run from 300 to 25,000. Car loans go up to 35,000 over at most 60 months.
The credit builder loan is fixed at 500 over 12 months and is meant to repair a thin credit file.

## Affordability
We check that loan repayments leave the member at least 150 a month after essential bills.
A debt-to-income ratio above 0.45 is referred to the lending committee, which meets every Tuesday.

## Rates
The APR depends on the product and the member's history with us: 4.9% for car loans secured
against savings, up to 26.9% for small unsecured loans. There is never a fee for repaying early.
""",
    "docs/credit_union/hardship_support.md": """
# Help if you are struggling to repay

## Tell us early
If you think you will miss a payment, contact the collections team before the due date. Members
who call before missing a payment are three times more likely to clear their arrears.

## Payment plans
We can agree reduced payments for up to six months after an income and expenditure review.
Interest is frozen during an agreed plan when the member has declared hardship.

## Breathing space
Members in a Breathing Space scheme get 60 days in which no interest, fees or collection calls
are added. We pause all letters during this time.

## Write-off
A balance is written off only after 180 days of no contact, a bankruptcy or a debt relief order.
""",
    "docs/credit_union/member_faq.txt": """
How long does a loan decision take?
Most decisions are made within two working days. Car loans can be same day if you apply before noon.

Can I pay my loan off early?
Yes. There is no early repayment fee; you only pay interest up to the day you clear it.

What do I do if my card is lost?
Call the 24-hour card line straight away. A new card arrives within five working days.

How do I reset my online banking password?
Use "forgotten password" on the login page. A one-time code is sent to your registered mobile.

Who owns the credit union?
The members do. Every member has one vote at the annual general meeting in June.
""",
}


# ----- youth football academy ---------------------------------------------------------------
COACH_GOOD = [
    "excellent attitude in training, first to arrive",
    "reads the game well beyond his age group",
    "strong on both feet and brave on the ball",
    "leader in the dressing room, coachable",
    "consistent performer, rarely has an off day",
]
COACH_WEAK = [
    "struggles with the physical side against older lads",
    "effort drops when things go against him",
    "technically neat but slow to make decisions",
    "missed a lot of sessions this season",
    "needs to improve his first touch under pressure",
]


def players(
    rng: np.random.Generator, n: int, start: int, with_outcomes: bool = True
) -> pd.DataFrame:
    age_group = pick(rng, ["U12", "U13", "U14", "U15", "U16", "U18"], n)
    age = np.array([int(a[1:]) for a in age_group])
    position = pick(
        rng, ["GK", "CB", "FB", "CM", "WM", "ST"], n, [0.1, 0.2, 0.18, 0.22, 0.15, 0.15]
    )
    height = np.round(120 + age * 3.6 + rng.normal(0, 7, n), 1)
    sprint = np.round(4.3 - age * 0.06 + rng.normal(0, 0.18, n), 2)
    yoyo = np.round(np.clip(12 + age * 0.4 + rng.normal(0, 1.6, n), 10, 23), 1)
    minutes = rng.integers(120, 2600, n)
    grade = pick(rng, ["A", "B", "C", "D"], n, [0.18, 0.37, 0.3, 0.15])
    quality = (
        np.vectorize({"A": 1.6, "B": 0.6, "C": -0.4, "D": -1.4}.get)(grade)
        - (sprint - (4.3 - age * 0.06)) * 4
        + (yoyo - (12 + age * 0.4)) * 0.3
        + minutes / 1500
        + rng.normal(0, 0.7, n)
    )
    summaries = [
        str(rng.choice(COACH_GOOD if q + rng.normal(0, 0.7) > 0.6 else COACH_WEAK)) for q in quality
    ]
    frame = pd.DataFrame(
        {
            "player_id": [f"P{start + i:04d}" for i in range(n)],
            "age_group": age_group,
            "position": position,
            "dominant_foot": pick(rng, ["right", "left", "both"], n, [0.7, 0.25, 0.05]),
            "height_cm": height,
            "weight_kg": np.round(height * 0.36 + rng.normal(0, 4, n) - 10, 1),
            "sprint_20m_s": sprint,
            "yoyo_level": yoyo,
            "cmj_cm": np.round(rng.normal(30, 5, n) + age * 0.5, 1),
            "minutes_played": minutes,
            "goals": rng.poisson(np.where(position == "ST", 6, 1.2)),
            "assists": rng.poisson(1.8, n),
            "coach_grade": grade,
            "school_attendance_pct": np.round(np.clip(rng.normal(93, 5, n), 60, 100), 1),
            "injuries_last_season": rng.poisson(0.8, n),
            "coach_summary": summaries,
        }
    )
    if with_outcomes:
        frame["retained"] = np.where(quality > 0.55, "kept", "released")
        frame["pro_contract"] = np.where((quality > 1.7) & (age >= 16), "yes", "no")
        frame["moved_up_a_group"] = np.where(quality + rng.normal(0, 0.6, n) > 1.2, "yes", "no")
    return frame


PHYSIO = {
    "minor": [
        "tight hamstring after sprint work, iced and stretched",
        "knock to the ankle in a tackle, some swelling, walking fine",
        "mild groin soreness, rest for a couple of days",
    ],
    "moderate": [
        "grade 1 hamstring strain, pain on resisted testing",
        "ankle sprain with bruising, limping, needs strapping",
        "quad strain while shooting, off for a couple of weeks",
    ],
    "severe": [
        "suspected ACL, knee gave way on landing, referred for scan",
        "fracture of the fifth metatarsal confirmed on x-ray",
        "shoulder dislocation in a fall, reduced at hospital",
    ],
}


def injuries(rng: np.random.Generator) -> pd.DataFrame:
    n = 460
    severity = pick(rng, ["minor", "moderate", "severe"], n, [0.55, 0.33, 0.12])
    days_out = np.where(
        severity == "minor",
        rng.integers(1, 8, n),
        np.where(severity == "moderate", rng.integers(8, 35, n), rng.integers(35, 240, n)),
    )
    notes = [str(rng.choice(PHYSIO[s])) for s in severity]
    frame = pd.DataFrame(
        {
            "injury_id": [f"INJ{700 + i}" for i in range(n)],
            "player_id": [f"P{int(x):04d}" for x in rng.integers(1, 500, n)],
            "date": pd.date_range("2023-08-01", periods=n, freq="41h").strftime("%Y-%m-%d"),
            "age_group": pick(rng, ["U12", "U13", "U14", "U15", "U16", "U18"], n),
            "body_part": pick(
                rng, ["hamstring", "ankle", "knee", "groin", "quad", "foot", "shoulder"], n
            ),
            "mechanism": pick(rng, ["contact", "non_contact", "overuse"], n, [0.4, 0.4, 0.2]),
            "surface": pick(rng, ["grass", "3G", "indoor"], n, [0.5, 0.4, 0.1]),
            "weekly_load_au": np.round(rng.normal(1800, 450, n) + (severity != "minor") * 250),
            "sessions_last_7d": rng.integers(2, 8, n),
            "previous_same_injury": pick(rng, ["yes", "no"], n, [0.25, 0.75]),
            "physio_note": notes,
            "severity": severity,
            "days_out": days_out,
            "reinjured_within_90d": np.where(
                rng.random(n) < 0.12 + (severity == "severe") * 0.1, "yes", "no"
            ),
        }
    )
    frame["severity"] = blank_out(rng, frame["severity"], 0.3)
    return frame


SCOUT = {
    "sign": [
        "outstanding in possession, glides past players, we should move quickly",
        "best player on the pitch by a distance, clubs will be circling",
        "natural finisher, two goals and hit the bar, invite him in immediately",
    ],
    "watch_again": [
        "some good moments but went missing in the second half, worth another look",
        "raw but quick, hard to judge on one game, see him again",
        "played out of position today, need to watch him in midfield",
    ],
    "not_for_us": [
        "lacks pace and was bypassed all afternoon, not at our level",
        "poor body language, argued with his own coach, not for us",
        "physically early developer, will be caught up, pass",
    ],
}


def scouting(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    n = 520
    verdict = pick(rng, list(SCOUT), n, [0.2, 0.45, 0.35])
    text = []
    for v in verdict:
        s = str(rng.choice(SCOUT[v]))
        if rng.random() < 0.3:
            s += ". " + str(rng.choice(SCOUT[str(rng.choice(list(SCOUT)))]))
        text.append(s)
    score = (
        np.clip(
            np.vectorize({"sign": 8, "watch_again": 6, "not_for_us": 4}.get)(verdict)
            + rng.normal(0, 1.1, n),
            1,
            10,
        )
        .round()
        .astype(int)
    )
    frame = pd.DataFrame(
        {
            "report_id": [f"SR{3100 + i}" for i in range(n)],
            "scout": pick(rng, ["Dave M", "Sue K", "Rafa", "Tom B", "Kwame"], n),
            "fixture_date": pd.date_range("2024-09-01", periods=n, freq="13h").strftime("%Y-%m-%d"),
            "competition": pick(
                rng, ["Sunday league", "county cup", "school final", "grassroots festival"], n
            ),
            "position_seen": pick(rng, ["GK", "CB", "FB", "CM", "WM", "ST"], n),
            "approx_age": rng.integers(10, 17, n),
            "report": text,
            "scout_score": score,
            "verdict": verdict,
        }
    )
    frame["verdict"] = blank_out(rng, frame["verdict"], 0.14)
    rows = rng.choice(n, 75, replace=False)
    gold = pd.DataFrame(
        {"report_id": frame["report_id"].iloc[rows].values, "verdict": verdict[rows]}
    )
    return frame, gold


def scout_rules() -> list[dict]:
    return [
        {
            "name": "move_quickly",
            "label": "sign",
            "kind": "keyword",
            "column": "report",
            "keywords": ["move quickly", "invite him in", "best player", "outstanding"],
        },
        {
            "name": "look_again",
            "label": "watch_again",
            "kind": "keyword",
            "column": "report",
            "keywords": ["another look", "see him again", "hard to judge", "watch him"],
        },
        {
            "name": "pass_words",
            "label": "not_for_us",
            "kind": "keyword",
            "column": "report",
            "keywords": ["not for us", "pass", "not at our level", "lacks pace"],
        },
        {
            "name": "high_score",
            "label": "sign",
            "kind": "threshold",
            "column": "scout_score",
            "op": ">=",
            "value": 9,
        },
        {
            "name": "low_score",
            "label": "not_for_us",
            "kind": "threshold",
            "column": "scout_score",
            "op": "<=",
            "value": 3,
        },
    ]


def gps_sessions(rng: np.random.Generator) -> pd.DataFrame:
    n = 640
    duration = rng.integers(45, 100, n)
    distance = np.round(duration * rng.normal(85, 10, n))
    frame = pd.DataFrame(
        {
            "session_id": [f"GPS{10000 + i}" for i in range(n)],
            "player_id": [f"P{int(x):04d}" for x in rng.integers(1, 500, n)],
            "session_type": pick(rng, ["training", "match", "recovery"], n, [0.6, 0.3, 0.1]),
            "duration_min": duration,
            "total_distance_m": distance,
            "high_speed_m": np.round(distance * rng.uniform(0.03, 0.09, n)),
            "sprints": rng.poisson(9, n),
            "max_speed_kmh": np.round(rng.normal(27, 2.2, n), 1),
            "avg_heart_rate": np.round(rng.normal(148, 9, n)),
        }
    )
    odd = rng.choice(n, 10, replace=False)
    frame.loc[odd[:3], "max_speed_kmh"] = [58.4, 61.0, 49.9]
    frame.loc[odd[3:6], "total_distance_m"] = [31000, 150, 27800]
    frame.loc[odd[6:8], "avg_heart_rate"] = [232, 41]
    frame.loc[odd[8:], "session_type"] = "recovery"
    frame.loc[odd[8:], "sprints"] = [38, 44]
    return frame


ACADEMY_DOCS = {
    "docs/academy/player_handbook.md": """
# Academy player handbook

## Training week
Foundation phase (U9-U11) trains three evenings a week. Youth development phase (U12-U16)
trains four evenings plus a Saturday fixture. Professional development phase (U18) trains full
time alongside a college programme.

## Kit and boots
Players wear the academy training kit at every session. Moulded boots only on the 3G pitch;
screw-ins are not allowed on artificial surfaces.

## Education
School attendance below 90% triggers a meeting with the education officer. Players in the U18
group must stay enrolled on their BTEC or A-level programme to remain in the academy.

## Retention decisions
Retain and release decisions are made in March each year by the head of coaching, the phase lead
and the head of medical. Families are told face to face before anything is written down.
""",
    "docs/academy/return_to_play.md": """
# Return to play protocol

## Concussion
Any suspected concussion means the player stops immediately and does not return that day.
Under-18s follow a graduated return over at least 21 days, with no contact training before day 14.

## Muscle injuries
A grade 1 hamstring strain usually means 10 to 20 days out. The player must complete a full
sprint session at 95% of top speed before returning to matches.

## Load after injury
In the first week back, weekly load is capped at 70% of the player's pre-injury average, rising
by no more than 10% a week.

## Sign-off
Only the head physiotherapist can sign a player back to full training.
""",
    "docs/academy/scouting_guidelines.txt": """
Scouts must watch a player at least twice before recommending a trial.
Reports are due within 48 hours of the fixture and must include position, approximate age and a score out of 10.
Never approach a player or parent at a match; contact goes through the academy secretary.
Players registered with another academy cannot be approached at all under league rules.
A score of 8 or more with two positive reports means the player is invited to a six-week trial.
""",
}


# ----- garden centre ------------------------------------------------------------------------
DEPTS = ["houseplants", "perennials", "shrubs", "trees", "bedding", "seeds_bulbs", "compost"]


def plant_sales(
    rng: np.random.Generator, n: int, start: int, with_outcomes: bool = True
) -> pd.DataFrame:
    dept = pick(rng, DEPTS, n, [0.22, 0.18, 0.14, 0.06, 0.2, 0.1, 0.1])
    base = {
        "houseplants": 14,
        "perennials": 9,
        "shrubs": 22,
        "trees": 55,
        "bedding": 6,
        "seeds_bulbs": 4,
        "compost": 8,
    }
    price = np.round(np.vectorize(base.get)(dept) * rng.lognormal(0, 0.35, n), 2)
    month = rng.integers(1, 13, n)
    frost = (np.isin(month, [11, 12, 1, 2])) & (rng.random(n) < 0.5)
    advice = pick(rng, ["yes", "no"], n, [0.35, 0.65])
    risk = (
        -2.4
        + np.isin(dept, ["houseplants", "trees"]) * 0.8
        + frost * 1.0
        + (advice == "no") * 0.7
        + np.log(price) * 0.2
        + rng.normal(0, 0.6, n)
    )
    frame = pd.DataFrame(
        {
            "sale_id": [f"S{start + i:06d}" for i in range(n)],
            "month": month,
            "department": dept,
            "pot_size_l": np.where(
                np.isin(dept, ["seeds_bulbs", "compost"]),
                0,
                rng.choice([0.5, 1, 2, 3, 5, 10, 20], n),
            ),
            "unit_price": price,
            "qty": rng.integers(1, 6, n),
            "discount_pct": rng.choice([0, 0, 0, 10, 20, 25], n),
            "loyalty_card": pick(rng, ["yes", "no"], n, [0.45, 0.55]),
            "paid_by": pick(rng, ["card", "cash", "gift_card"], n, [0.75, 0.2, 0.05]),
            "weather_that_day": np.where(frost, "frost", pick(rng, ["sunny", "cloudy", "rain"], n)),
            "staff_advice": advice,
        }
    )
    if with_outcomes:
        frame["returned_30d"] = np.where(risk > 0, "yes", "no")
        frame["left_review"] = np.where(
            rng.random(n) < 0.12 + (frame["loyalty_card"] == "yes") * 0.1, "yes", "no"
        )
        frame["bought_again_90d"] = np.where(
            rng.random(n) < 0.3 + (frame["loyalty_card"] == "yes") * 0.25, "yes", "no"
        )
    return frame


RETURN_TEXT = {
    "died": [
        "it was dead within a fortnight even though I watered it",
        "leaves went brown and dropped off, the whole thing died",
        "bought it for the patio and it never recovered after a week",
    ],
    "pests_disease": [
        "covered in greenfly when I got it home",
        "found vine weevil grubs in the pot",
        "white powdery mildew all over the leaves",
    ],
    "damaged": [
        "stem snapped in the car park trolley",
        "pot was cracked and half the compost fell out",
        "branches broken when it was delivered",
    ],
    "wrong_plant": [
        "label said white flowers but it came out bright pink",
        "ordered a dwarf variety and it is already two metres tall",
        "this is not the variety on the receipt",
    ],
    "changed_mind": [
        "too big for the space after all",
        "my partner already bought one, don't need two",
        "changed my mind about the colour",
    ],
}


def plant_returns(rng: np.random.Generator) -> pd.DataFrame:
    n = 360
    reason = pick(rng, list(RETURN_TEXT), n, [0.35, 0.15, 0.15, 0.15, 0.2])
    frame = pd.DataFrame(
        {
            "return_no": np.arange(1, n + 1),
            "sale_id": [f"S{int(x):06d}" for x in rng.integers(1, 1200, n)],
            "department": pick(rng, DEPTS[:5], n),
            "days_after_purchase": np.where(
                reason == "died", rng.integers(5, 60, n), rng.integers(0, 14, n)
            ),
            "price_paid": np.round(rng.lognormal(2.6, 0.6, n), 2),
            "customer_said": [str(rng.choice(RETURN_TEXT[r])) for r in reason],
            "reason": reason,
            "refund_method": np.where(
                reason == "changed_mind",
                "store_credit",
                pick(
                    rng, ["card", "cash", "replacement", "store_credit"], n, [0.4, 0.15, 0.35, 0.1]
                ),
            ),
        }
    )
    frame["reason"] = blank_out(rng, frame["reason"], 0.25)
    return frame


QUESTIONS = {
    "houseplants": [
        "my peace lily is drooping even though I water it weekly, what am I doing wrong",
        "which houseplants are safe for cats",
        "how often should I repot a monstera",
        "the leaves on my fiddle leaf fig have brown spots",
    ],
    "outdoor_plants": [
        "what can I plant in a shady north facing border",
        "when is the best time to prune my roses",
        "will lavender survive the winter in a pot outside",
        "which hedge grows fastest for privacy",
    ],
    "pests_diseases": [
        "something is eating holes in my hostas overnight",
        "how do I get rid of aphids without spraying chemicals",
        "there are small white flies on my tomatoes in the greenhouse",
        "my box hedge has gone brown, is it blight or caterpillar",
    ],
    "orders_delivery": [
        "my online order has not arrived and it has been ten days",
        "can you deliver a bulk order of compost to a village outside town",
        "I was charged twice for my click and collect order",
        "can I change the delivery date on my order",
    ],
    "aquatics": [
        "the water in my pond has turned green, what pump do I need",
        "do you sell oxygenating plants for a wildlife pond",
        "how many goldfish can I keep in a small pond",
        "my pond filter keeps clogging",
    ],
}


def customer_questions(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    n = 560
    dept = pick(rng, list(QUESTIONS), n, [0.25, 0.25, 0.2, 0.18, 0.12])
    pre = ["", "hi ", "quick question - ", "hello, ", "please help, "]
    text = [f"{rng.choice(pre)}{rng.choice(QUESTIONS[d])}" for d in dept]
    frame = pd.DataFrame(
        {
            "question_id": [f"Q{8000 + i}" for i in range(n)],
            "channel": pick(rng, ["web_chat", "email", "phone_log", "in_store_card"], n),
            "asked_on": pd.date_range("2025-03-01", periods=n, freq="9h").strftime("%Y-%m-%d"),
            "question": text,
            "dept": dept,
            "answered_same_day": pick(rng, ["yes", "no"], n, [0.7, 0.3]),
        }
    )
    frame["dept"] = blank_out(rng, frame["dept"], 0.15)
    rows = rng.choice(n, 80, replace=False)
    gold = pd.DataFrame({"question_id": frame["question_id"].iloc[rows].values, "dept": dept[rows]})
    return frame, gold


def question_rules() -> list[dict]:
    return [
        {
            "name": "indoor_words",
            "label": "houseplants",
            "kind": "keyword",
            "column": "question",
            "keywords": ["peace lily", "monstera", "fiddle leaf", "houseplants", "repot"],
        },
        {
            "name": "border_words",
            "label": "outdoor_plants",
            "kind": "keyword",
            "column": "question",
            "keywords": ["border", "prune", "hedge", "lavender"],
        },
        {
            "name": "bugs",
            "label": "pests_diseases",
            "kind": "keyword",
            "column": "question",
            "keywords": ["aphids", "eating", "white flies", "blight", "caterpillar"],
        },
        {
            "name": "order_words",
            "label": "orders_delivery",
            "kind": "regex",
            "column": "question",
            "pattern": r"\b(order|deliver|delivery|charged)\b",
            "ignore_case": True,
        },
        {
            "name": "pond_words",
            "label": "aquatics",
            "kind": "keyword",
            "column": "question",
            "keywords": ["pond", "goldfish", "pump", "filter"],
        },
    ]


def till_takings(rng: np.random.Generator) -> pd.DataFrame:
    days = pd.date_range("2024-03-01", periods=330, freq="D")
    tills = ["till_1", "till_2", "cafe"]
    rows = []
    for d in days:
        for t in tills:
            busy = 1.6 if d.day_of_week >= 5 else 1.0
            season = 1.4 if d.month in (4, 5, 6) else 1.0
            n_tx = int(rng.poisson(60 * busy * season * (0.5 if t == "cafe" else 1)))
            card = round(float(n_tx * rng.normal(18, 2.5) * 0.8), 2)
            cash = round(float(n_tx * rng.normal(18, 2.5) * 0.2), 2)
            rows.append(
                {
                    "day": d.strftime("%Y-%m-%d"),
                    "till": t,
                    "transactions": n_tx,
                    "card_total": card,
                    "cash_total": cash,
                    "refunds_total": round(float(rng.exponential(15)), 2),
                    "voids": int(rng.poisson(1.2)),
                    "staff_on_till": int(rng.integers(1, 4)),
                }
            )
    frame = pd.DataFrame(rows)
    odd = rng.choice(len(frame), 10, replace=False)
    frame.loc[odd[:3], "refunds_total"] = [640.0, 910.5, 1205.0]
    frame.loc[odd[3:6], "voids"] = [27, 34, 22]
    frame.loc[odd[6:8], "cash_total"] = [0.0, 0.0]
    frame.loc[odd[6:8], "transactions"] = [140, 151]
    frame.loc[odd[8:], "card_total"] = [9850.0, 11200.0]
    return frame


GARDEN_DOCS = {
    "docs/garden_centre/plant_care_basics.md": """
# Plant care basics

## Watering
Most houseplants die from too much water, not too little. Water when the top 2 cm of compost is
dry, and never leave a pot standing in water. Peace lilies droop when thirsty and recover within
hours of a drink.

## Light
Fiddle leaf figs and monsteras want bright light but no direct midday sun. North-facing borders
suit ferns, hostas and hellebores.

## Feeding
Feed houseplants every two weeks from March to September with a half-strength liquid feed.
Do not feed in winter.

## Repotting
Repot in spring, one pot size up at most, when roots come out of the drainage holes.
""",
    "docs/garden_centre/returns_policy.md": """
# Returns and our plant guarantee

## Hardy plants
Trees, shrubs and perennials are guaranteed for 12 months if planted and cared for as on the label.
Bring the plant (or a photo of it) and your receipt or loyalty card.

## Houseplants and bedding
Houseplants are guaranteed for 30 days. Bedding plants and seasonal stock are not covered once
they leave the store, except when they were faulty at purchase.

## How refunds are paid
Refunds go back to the original payment method. Without a receipt we offer store credit.
Changed-your-mind returns are accepted within 14 days for store credit only.

## Deliveries
Plants damaged in delivery must be reported within 48 hours with a photograph.
""",
    "docs/garden_centre/winter_protection.txt": """
Move tender plants such as citrus, cannas and pelargoniums under cover before the first frost, usually late October.
Wrap pots of lavender and olive trees in fleece or bubble wrap so the roots do not freeze.
Raise containers on pot feet so they do not sit in cold water.
Tree ferns need their crowns packed with straw and wrapped when temperatures drop below minus 5.
Stop feeding outdoor plants from September so soft new growth is not damaged by frost.
""",
}


def main(out: Path) -> None:
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)

    # credit union
    write_csv(loans(rng, 520, 1), out / "loans_2023_24.csv")
    write_csv(loans(rng, 160, 600), out / "loans_2025_holdout.csv")
    fresh = loans(rng, 60, 900).drop(columns=["went_into_arrears", "defaulted", "paid_off_early"])
    write_csv(fresh, out / "loan_applications_pending.csv")
    write_csv(arrears_cases(rng), out / "arrears_cases.csv")
    emails, email_gold = member_emails(rng)
    write_csv(emails, out / "member_emails.csv")
    write_csv(email_gold, out / "email_topics_checked.csv")
    write_text(out / "email_rules.json", json.dumps(email_rules(), indent=2))
    write_csv(card_transactions(rng), out / "card_transactions.csv")
    for name, text in CU_DOCS.items():
        write_text(out / name, text)

    # youth academy
    write_csv(players(rng, 380, 1), out / "academy_players.csv")
    write_csv(players(rng, 110, 400), out / "academy_players_holdout.csv")
    write_csv(players(rng, 40, 600, with_outcomes=False), out / "summer_trialists.csv")
    write_csv(injuries(rng), out / "injury_log.csv")
    reports, verdicts = scouting(rng)
    write_csv(reports, out / "scouting_reports.csv")
    write_csv(verdicts, out / "scout_verdicts_handchecked.csv")
    write_text(out / "scout_rules.json", json.dumps(scout_rules(), indent=2))
    write_csv(gps_sessions(rng), out / "gps_sessions.csv")
    for name, text in ACADEMY_DOCS.items():
        write_text(out / name, text)

    # garden centre
    write_csv(plant_sales(rng, 700, 1), out / "plant_sales_2024.csv")
    write_csv(plant_sales(rng, 200, 800), out / "plant_sales_2025_q1.csv")
    write_csv(plant_sales(rng, 50, 1100, with_outcomes=False), out / "sales_this_week.csv")
    write_csv(plant_returns(rng), out / "plant_returns.csv")
    questions, q_gold = customer_questions(rng)
    write_csv(questions, out / "customer_questions.csv")
    write_csv(q_gold, out / "questions_sorted_by_hand.csv")
    write_text(out / "question_rules.json", json.dumps(question_rules(), indent=2))
    write_csv(till_takings(rng), out / "till_takings.csv")
    for name, text in GARDEN_DOCS.items():
        write_text(out / name, text)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
