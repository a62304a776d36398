"""Write the files the heldout2 goals talk about into DIR: python make_data.py DIR.

Deterministic (fixed seeds), offline, small (well under a few MB). Every data set here is
invented: a gym chain's members, a lender's loan book, an insurer's claims, app-store
reviews, a bakery's orders, a lab's assay plates, an HR survey, call-centre transcripts,
course-forum posts, a press line's sensor log, product manuals and company policies.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd


def pick(rng: np.random.Generator, items: list[str], size: int | None = None, p=None):
    return rng.choice(np.array(items, dtype=object), size=size, p=p)


def sentence(rng: np.random.Generator, parts: list[list[str]]) -> str:
    return " ".join(str(pick(rng, p)) for p in parts)


# ----- gym members: two plausible targets (churned, downgraded), a train/test pair ---------
def gym_members(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    plan = pick(rng, ["basic", "plus", "premium"], n, p=[0.5, 0.3, 0.2])
    fee = np.select([plan == "basic", plan == "plus"], [24.99, 39.99], 59.99)
    tenure = rng.integers(1, 72, n)
    visits = rng.poisson(np.where(plan == "premium", 10, 6), n)
    classes = rng.poisson(2, n)
    complaints = rng.poisson(0.3, n)
    age = rng.integers(17, 71, n)
    z = -0.6 - 0.25 * visits + 0.9 * complaints - 0.02 * tenure + 0.4 * (plan == "basic")
    churned = np.where(rng.random(n) < 1 / (1 + np.exp(-z)), "yes", "no")
    z2 = -1.8 + 0.05 * fee - 0.1 * classes + 0.5 * complaints - 0.05 * visits
    downgraded = np.where((rng.random(n) < 1 / (1 + np.exp(-z2))) & (plan != "basic"), "yes", "no")
    frame = pd.DataFrame(
        {
            "member_id": [f"M{start + i:05d}" for i in range(n)],
            "age": age,
            "home_club": pick(rng, ["Riverside", "Old Town", "Airport Park", "Northgate"], n),
            "plan": plan,
            "monthly_fee": fee,
            "tenure_months": tenure,
            "visits_last_30d": visits,
            "classes_booked": classes,
            "complaints": complaints,
            "churned": churned,
            "downgraded": downgraded,
        }
    )
    frame.loc[rng.random(n) < 0.03, "age"] = np.nan
    return frame


# ----- loans: train label `defaulted`, the newer file calls it `default_flag` -------------
def loans(rng: np.random.Generator, n: int, start: int, label: str) -> pd.DataFrame:
    amount = rng.integers(20, 400, n) * 100
    term = pick(rng, ["36", "60"], n).astype(int)
    income = np.round(rng.lognormal(10.8, 0.45, n), -2)
    grade = pick(rng, ["A", "B", "C", "D", "E"], n, p=[0.2, 0.3, 0.25, 0.15, 0.1])
    rate = np.round(5 + 3 * np.array(["ABCDE".index(g) for g in grade]) + rng.normal(0, 1, n), 2)
    emp = rng.integers(0, 25, n)
    z = -3 + 0.25 * (rate - 10) + 0.00002 * amount - 0.00001 * income + 0.3 * (term == 60)
    default = np.where(rng.random(n) < 1 / (1 + np.exp(-z)), 1, 0)
    return pd.DataFrame(
        {
            "loan_id": [f"LN-{start + i}" for i in range(n)],
            "amount": amount,
            "term_months": term,
            "interest_rate": rate,
            "annual_income": income,
            "employment_years": emp,
            "purpose": pick(
                rng,
                [
                    "car",
                    "debt_consolidation",
                    "home_improvement",
                    "medical",
                    "small_business",
                    "wedding",
                ],
                n,
            ),
            "grade": grade,
            label: default,
        }
    )


# ----- insurance claims: fraud_flag filled in for ~90 rows only -----------------------------
NOTES_FRAUD = [
    ["Claimant", "Policyholder", "Caller"],
    ["reported the loss", "phoned in the claim", "filed online"],
    [
        "three weeks after the incident,",
        "long after the date of loss,",
        "just after raising cover,",
    ],
    [
        "no police report was filed;",
        "receipts look altered;",
        "witness is a relative;",
        "story changed on second call;",
    ],
    ["vehicle", "jewellery", "laptop", "roof"],
    ["declared a total loss.", "valued well above market.", "bought two weeks before the policy."],
]
NOTES_LEGIT = [
    ["Claimant", "Policyholder", "Caller"],
    ["reported the loss", "phoned in the claim", "filed online"],
    ["the same day,", "within 24 hours,", "the next morning,"],
    [
        "police report attached;",
        "photos match the estimate;",
        "repair shop quote received;",
        "third party confirmed;",
    ],
    ["vehicle", "kitchen", "phone", "fence"],
    ["minor damage only.", "estimate in line with similar claims.", "paid excess on file."],
]


def claims(rng: np.random.Generator, n: int = 800) -> pd.DataFrame:
    fraud = rng.random(n) < 0.18
    notes = [sentence(rng, NOTES_FRAUD if f else NOTES_LEGIT) for f in fraud]
    # some notes are noisy: swap in the other class's phrasing
    for i in np.flatnonzero(rng.random(n) < 0.12):
        notes[i] = sentence(rng, NOTES_LEGIT if fraud[i] else NOTES_FRAUD)
    amount = np.round(np.where(fraud, rng.lognormal(8.6, 0.7, n), rng.lognormal(7.6, 0.8, n)), 2)
    days = np.where(fraud, rng.integers(10, 60, n), rng.integers(0, 12, n))
    flag = np.where(fraud, "fraud", "legit").astype(object)
    labelled = np.zeros(n, dtype=bool)
    labelled[rng.choice(n, 90, replace=False)] = True
    flag[~labelled] = None
    frame = pd.DataFrame(
        {
            "claim_id": [f"CLM-{10001 + i}" for i in range(n)],
            "policy_type": pick(rng, ["auto", "home", "travel", "pet"], n),
            "region": pick(rng, ["north", "south", "east", "west"], n),
            "claim_amount": amount,
            "days_to_report": days,
            "prior_claims": rng.poisson(np.where(fraud, 1.6, 0.5)),
            "adjuster_notes": notes,
            "fraud_flag": flag,
        }
    )
    frame.loc[rng.random(n) < 0.04, "claim_amount"] = np.nan
    return frame


CLAIM_RULES = [
    {
        "name": "late_report",
        "label": "fraud",
        "kind": "threshold",
        "column": "days_to_report",
        "op": ">=",
        "value": 14,
    },
    {
        "name": "no_police_report",
        "label": "fraud",
        "kind": "keyword",
        "column": "adjuster_notes",
        "keywords": ["no police report"],
    },
    {
        "name": "altered_receipts",
        "label": "fraud",
        "kind": "keyword",
        "column": "adjuster_notes",
        "keywords": ["altered", "relative", "story changed"],
    },
    {
        "name": "same_day",
        "label": "legit",
        "kind": "keyword",
        "column": "adjuster_notes",
        "keywords": ["same day", "within 24 hours", "next morning"],
    },
    {
        "name": "evidence_attached",
        "label": "legit",
        "kind": "keyword",
        "column": "adjuster_notes",
        "keywords": ["police report attached", "photos match", "quote received"],
    },
]


# ----- app reviews (no label) + hand tags in a separate file keyed by `rid` ----------------
APPS = ["FitTrack", "BudgetBee", "ParkPal", "RecipeRoll"]
REVIEW_BITS = {
    "bug": [
        "crashes every time I open",
        "freezes on the login screen",
        "lost all my data after",
        "the sync is broken since",
        "keeps logging me out after",
        "black screen when I tap",
    ],
    "billing": [
        "charged twice for",
        "cannot cancel my subscription to",
        "refund never came for",
        "price went up without notice on",
        "got billed after the trial of",
    ],
    "feature_request": [
        "please add dark mode to",
        "would love an export button in",
        "wish there was a widget for",
        "needs apple watch support in",
        "could you add shared lists to",
    ],
    "praise": [
        "absolutely love",
        "best app I have used, thank you for",
        "five stars for",
        "works perfectly, great job on",
        "so helpful every day,",
    ],
}


def app_reviews(rng: np.random.Generator, n: int = 1000) -> tuple[pd.DataFrame, pd.DataFrame]:
    topics = pick(rng, list(REVIEW_BITS), n, p=[0.35, 0.2, 0.2, 0.25])
    texts, stars, apps = [], [], []
    for t in topics:
        app = pick(rng, APPS)
        apps.append(app)
        bit = pick(rng, REVIEW_BITS[t])
        tail = pick(
            rng,
            [
                "",
                " the latest update.",
                " version 4.2",
                " on my pixel.",
                " lol",
                " please fix asap!!",
                " honestly.",
                " since monday",
            ],
        )
        texts.append(f"{bit} {app}{tail}".strip())
        base = {"bug": 1.6, "billing": 1.4, "feature_request": 3.6, "praise": 4.7}[t]
        stars.append(int(np.clip(round(rng.normal(base, 0.7)), 1, 5)))
    frame = pd.DataFrame(
        {
            "review_id": np.arange(50001, 50001 + n),
            "app": apps,
            "platform": pick(rng, ["ios", "android"], n),
            "stars": stars,
            "review_text": texts,
            "posted_at": pd.date_range("2026-03-01", periods=n, freq="37min").strftime(
                "%Y-%m-%d %H:%M"
            ),
        }
    )
    tagged = np.sort(rng.choice(n, 120, replace=False))
    tags = pd.DataFrame({"rid": frame["review_id"].to_numpy()[tagged], "topic": topics[tagged]})
    return frame, tags


# ----- bakery and catering orders (no label; a few keyed-in-wrong rows) --------------------
ITEMS = {
    "croissant": 2.4,
    "sourdough loaf": 5.5,
    "cinnamon bun": 3.1,
    "baguette": 2.9,
    "lemon tart": 4.2,
    "rye loaf": 4.8,
    "birthday cake": 32.0,
    "coffee": 2.7,
}


def orders(rng: np.random.Generator, n: int, prefix: str, catering: bool) -> pd.DataFrame:
    items = pick(rng, list(ITEMS), n)
    qty = rng.integers(10, 120, n) if catering else rng.integers(1, 8, n)
    price = np.array([ITEMS[i] for i in items])
    total = np.round(qty * price, 2)
    frame = pd.DataFrame(
        {
            "order_id": [f"{prefix}{i:06d}" for i in range(1, n + 1)],
            "order_date": pd.to_datetime("2026-09-01")
            + pd.to_timedelta(rng.integers(0, 60, n), unit="D"),
            "store": pick(rng, ["Main St", "Harbor", "Uptown"], n),
            "item": items,
            "qty": qty,
            "unit_price": price,
            "total": total,
            "channel": pick(rng, ["walk-in", "app", "phone"], n, p=[0.6, 0.3, 0.1]),
            "customer_type": pick(rng, ["regular", "new", "business"], n, p=[0.5, 0.35, 0.15]),
        }
    )
    frame["order_date"] = frame["order_date"].dt.strftime("%Y-%m-%d")
    if not catering:
        bad = rng.choice(n, 8, replace=False)
        frame.loc[bad[:3], "qty"] = [400, 250, 999]
        frame.loc[bad[:3], "total"] = frame.loc[bad[:3], "qty"] * frame.loc[bad[:3], "unit_price"]
        frame.loc[bad[3:5], "total"] = [-12.5, -88.0]
        frame.loc[bad[5:], "unit_price"] = [240.0, 0.01, 310.0]
        frame.loc[rng.random(n) < 0.03, "channel"] = None
        frame.loc[rng.random(n) < 0.02, "customer_type"] = None
    return frame


# ----- assay plates: two 384-well plates, a few broken wells ------------------------------
def assay_plates(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    compounds = [f"CMP-{i:04d}" for i in range(1, 121)]
    potent = set(rng.choice(compounds, 25, replace=False))
    for plate in ("PL-0417", "PL-0418"):
        for r in "ABCDEFGHIJKLMNOP":
            for c in range(1, 25):
                compound = str(pick(rng, compounds))
                conc = float(pick(rng, ["0.1", "0.3", "1", "3", "10", "30"]))
                bg = rng.normal(200, 15)
                active = compound in potent and conc >= 1 and rng.random() < 0.85
                signal = bg + (
                    rng.normal(2400, 400) * np.log10(conc * 10) / 2.5
                    if active
                    else rng.normal(300, 120)
                )
                rows.append(
                    {
                        "well_id": f"{plate}-{r}{c:02d}",
                        "plate_id": plate,
                        "row": r,
                        "col": c,
                        "compound": compound,
                        "conc_um": conc,
                        "signal": round(float(signal), 1),
                        "background": round(float(bg), 1),
                        "activity": "active" if active else "inactive",
                    }
                )
    frame = pd.DataFrame(rows)
    broken = rng.choice(len(frame), 6, replace=False)
    frame.loc[broken[:3], "signal"] = [48000.0, 51230.5, 39990.0]
    frame.loc[broken[3:], "background"] = [2900.0, -150.0, 3100.0]
    return frame


# ----- HR survey: two partly filled label columns --------------------------------------------
COMMENTS_RISK = [
    "I have been interviewing elsewhere",
    "no growth path here",
    "my manager ignores me",
    "workload is unsustainable",
    "pay is below market",
    "thinking about leaving",
]
COMMENTS_OK = [
    "I enjoy my team",
    "great flexibility with remote days",
    "learning a lot",
    "my manager supports me",
    "happy with the new project",
    "good benefits",
]


def hr_survey(rng: np.random.Generator, n: int = 600) -> pd.DataFrame:
    risk = rng.random(n) < 0.3
    sat = np.clip(np.where(risk, rng.normal(2.2, 0.9, n), rng.normal(3.9, 0.8, n)).round(), 1, 5)
    comment = [
        f"{pick(rng, COMMENTS_RISK if r else COMMENTS_OK)}"
        f"{pick(rng, ['.', ', honestly.', '. Also the coffee machine is broken.', ''])}"
        for r in risk
    ]
    frame = pd.DataFrame(
        {
            "resp_id": [f"R{i:04d}" for i in range(1, n + 1)],
            "department": pick(rng, ["Engineering", "Sales", "Support", "Finance", "Ops"], n),
            "tenure_years": np.round(rng.gamma(2.0, 2.0, n), 1),
            "remote_days": rng.integers(0, 6, n),
            "satisfaction": sat,
            "manager_score": np.clip(rng.normal(3.5, 1.0, n).round(), 1, 5),
            "comment": comment,
            "flight_risk": np.where(risk, "high", "low").astype(object),
            "promotion_ready": np.where(rng.random(n) < 0.25, "yes", "no").astype(object),
        }
    )
    keep = np.zeros(n, dtype=bool)
    keep[rng.choice(n, 70, replace=False)] = True
    frame.loc[~keep, "flight_risk"] = None
    keep2 = np.zeros(n, dtype=bool)
    keep2[rng.choice(n, 55, replace=False)] = True
    frame.loc[~keep2, "promotion_ready"] = None
    frame.loc[rng.random(n) < 0.05, "satisfaction"] = np.nan
    frame.loc[rng.random(n) < 0.08, "comment"] = None
    return frame


# ----- call-centre transcripts: jsonl train/test --------------------------------------------
CALL_BITS = {
    "resolved": [
        "reset the router and the line came back",
        "updated the billing address",
        "walked the customer through the app settings",
        "refund processed on the call",
        "password reset worked first time",
    ],
    "escalated": [
        "customer demanded a supervisor",
        "outage in the area needs a field engineer",
        "threatened to cancel and go to a competitor",
        "legal complaint mentioned",
        "second-level support needed for the fibre box",
    ],
    "callback": [
        "system was down so we will call back",
        "needs the account holder present",
        "waiting on a reply from the warehouse",
        "customer asked to be called tomorrow",
    ],
}


def calls(rng: np.random.Generator, n: int, start: int) -> list[dict]:
    out = []
    for i in range(n):
        outcome = str(pick(rng, list(CALL_BITS), p=[0.55, 0.25, 0.2]))
        opener = pick(
            rng,
            [
                "my internet is slow",
                "I was overcharged",
                "the app will not load",
                "I want to change my plan",
                "my modem keeps blinking red",
            ],
        )
        closer = pick(
            rng,
            ["Customer: ok thanks.", "Customer: fine.", "Customer: this is the third time.", ""],
        )
        action = pick(rng, CALL_BITS[outcome])
        text = (
            f"Agent: thanks for calling, how can I help? Customer: {opener}. "
            f"Agent: {action}. {closer}"
        ).strip()
        out.append(
            {
                "call_id": f"C{start + i}",
                "agent": str(pick(rng, ["amira", "ben", "chloe", "dev", "erik", "fatou"])),
                "queue": str(pick(rng, ["billing", "technical", "sales"])),
                "duration_s": int(rng.integers(60, 1800)),
                "hold_s": int(rng.integers(0, 600)),
                "transcript": text,
                "outcome": outcome,
            }
        )
    return out


# ----- course forum posts + TA hand codes keyed by `post` -----------------------------------
def forum(rng: np.random.Generator, n: int = 700) -> tuple[pd.DataFrame, pd.DataFrame]:
    needs = rng.random(n) < 0.35
    titles_yes = [
        "Extension request",
        "Grade looks wrong",
        "Autograder error on pset",
        "Deadline clash with exam",
        "Cannot access the quiz",
    ]
    titles_no = [
        "Study group?",
        "Nice explanation in lecture 4",
        "Solved: off by one",
        "Resource for recursion",
        "Thanks everyone",
    ]
    bodies_yes = [
        "Could I get an extension on the deadline? I was ill all week.",
        "My grade for problem set 3 seems to be missing 10 points.",
        "The autograder says my submission timed out but it runs locally.",
        "Two deadlines fall on the same day as the midterm, can this move?",
        "The quiz link says access denied for my account.",
    ]
    bodies_no = [
        "Anyone want to meet on Thursday to go through week 5?",
        "Thanks, the video on recursion really helped me.",
        "Solved it, I was starting my loop at 1 instead of 0.",
        "Here is a visual explanation of merge sort I found useful.",
        "Thanks all, great discussion this week!",
    ]
    frame = pd.DataFrame(
        {
            "post_id": np.arange(9001, 9001 + n),
            "course": pick(rng, ["STAT101", "CS50x", "ECON210", "BIO115"], n),
            "week": rng.integers(1, 13, n),
            "title": [str(pick(rng, titles_yes if y else titles_no)) for y in needs],
            "body": [str(pick(rng, bodies_yes if y else bodies_no)) for y in needs],
            "replies": rng.poisson(2, n),
        }
    )
    coded = np.sort(rng.choice(n, 80, replace=False))
    gold = pd.DataFrame(
        {
            "post": frame["post_id"].to_numpy()[coded],
            "needs_instructor": np.where(needs[coded], "yes", "no"),
        }
    )
    return frame, gold


# ----- press line sensor log ------------------------------------------------------------------
def press_log(rng: np.random.Generator, n: int = 2000) -> pd.DataFrame:
    fault = rng.random(n) < 0.08
    frame = pd.DataFrame(
        {
            "reading_id": np.arange(1, n + 1),
            "timestamp": pd.date_range("2026-10-01", periods=n, freq="7min").strftime(
                "%Y-%m-%dT%H:%M"
            ),
            "machine": pick(rng, ["P1", "P2", "P3", "P4"], n),
            "shift": pick(rng, ["early", "late", "night"], n),
            "temp_c": np.round(np.where(fault, rng.normal(88, 6, n), rng.normal(71, 3, n)), 1),
            "vibration_mm_s": np.round(
                np.where(fault, rng.normal(9, 2, n), rng.normal(4, 0.8, n)), 2
            ),
            "pressure_bar": np.round(rng.normal(180, 6, n) - 12 * fault, 1),
            "rpm": rng.integers(1180, 1220, n),
            "status": np.where(fault, "fault", "ok"),
        }
    )
    weird = rng.choice(n, 5, replace=False)
    frame.loc[weird, "pressure_bar"] = [12.0, 410.0, 0.0, 395.5, 7.7]
    return frame


# ----- documents for QA ------------------------------------------------------------------------
ESPRESSO = """# X200 Espresso Machine: Owner's Manual

## Safety

The X200 is a dual-boiler espresso machine for home and small office use. The steam wand reaches
temperatures above 120 °C, so never point it at people. If the power cord is damaged, stop using
the machine and contact service. Children must not operate the machine without supervision.

## Getting started

Fill the water tank with cold, filtered water up to the MAX line. The tank holds 2.5 litres.
Press the power button once; the display shows HEATING until the brew boiler reaches 93 °C, which
takes about eight minutes. When the display shows READY, run one empty shot to warm the group head.

## Brewing espresso

A double shot uses 18 grams of finely ground coffee. Distribute the grounds evenly and tamp with
about 15 kilograms of pressure. Lock the portafilter into the group head and press the two-cup
button. A good shot runs for 25 to 30 seconds and yields about 36 grams of espresso. If the shot
runs faster than 20 seconds, the grind is too coarse. If it runs slower than 35 seconds, the grind
is too fine.

## Steaming milk

Purge the steam wand for two seconds before use. Place the tip just below the surface of the milk
until it has grown by a third, then lower the jug to heat the milk to 60–65 °C. Wipe and purge
the wand immediately after steaming, because dried milk blocks the holes in the tip.

## Cleaning and descaling

Backflush the group head with the blind basket every week. Descaling removes mineral deposits from
the boilers and is required every three months in hard-water areas. To descale, dissolve one
sachet of X-Clean in one litre of water, pour it into the tank and start the DESCALE program from
the settings menu. The program takes 40 minutes and pauses twice so you can empty the drip tray.

## Troubleshooting

If the display shows E04, the water tank is empty or not seated correctly. E07 means the brew
boiler did not reach temperature within 20 minutes; switch off the machine and call service.
When the pump is loud but no water flows, the tank filter is clogged and needs rinsing.
"""

GRINDER = """G2 BURR GRINDER - QUICK START

What's in the box: the G2 grinder, a 250 g bean hopper, a grounds bin, a cleaning brush and a
dosing cup.

Setting the grind. The grind dial has 40 steps. Step 1 is the finest setting and is meant for
Turkish coffee. Espresso usually needs steps 6 to 12, filter coffee steps 18 to 26 and a French
press steps 30 to 38. Always change the setting while the motor is running, because turning the
dial with beans trapped between the burrs can jam the grinder.

Dosing. The timer button grinds for the number of seconds shown on the display. At step 10 the G2
grinds about 1.6 grams per second, so a 12 second dose gives roughly 19 grams.

Cleaning. Empty the hopper and run the grinder until no more grounds come out. Remove the upper
burr by turning it anticlockwise and brush both burrs clean. Never wash the burrs with water,
because moisture causes rust. Clean the burrs every two weeks if you grind daily.

Warranty. The G2 has a two-year warranty. The warranty does not cover damage caused by grinding
anything other than roasted coffee beans.
"""

TRAVEL = """# Business Travel Policy

Effective 1 January 2026. This policy applies to all employees and contractors travelling on
company business.

## Booking

All flights and hotels must be booked through the travel portal at least 14 days before departure.
Bookings made later than that need approval from a department head. Economy class is the
standard for flights under six hours. Business class is allowed for flights longer than six hours
or for employees with a documented medical need.

## Hotels

The nightly hotel limit is 180 EUR in most cities and 260 EUR in London, Paris, New York and
Tokyo. A hotel above the limit is reimbursed only up to the limit unless the travel desk approved
it beforehand.

## Meals and per diem

The per diem covers meals and small expenses. It is 55 EUR per full travel day and 30 EUR for the
day of departure and the day of return. Alcohol is not reimbursed. Client dinners are claimed as
entertainment, not under the per diem, and need the names of the guests.

## Ground transport

Trains are preferred over flights for journeys shorter than four hours. Taxis are reimbursed when
public transport is unavailable or after 22:00. Rental cars need prior approval and must be the
smallest suitable category.

## Claims

Expense claims are submitted in the expense tool within 30 days of return. Claims older than 90
days are rejected. Every item above 25 EUR needs a receipt.
"""

REMOTE = """Remote Work Policy (v3, updated March 2026)

Purpose. This policy explains who can work remotely, how often, and what the company provides.

Eligibility. Employees who have completed their probation period are eligible for remote work.
Roles that require physical presence, such as warehouse and lab staff, are excluded. A manager
can suspend remote work for performance reasons after a documented conversation.

Frequency. Eligible employees may work remotely up to three days per week. Tuesdays and
Thursdays are team days, when everyone is expected in the office unless travelling. Working
from another country is limited to 20 days per calendar year because of tax and insurance rules.

Equipment. The company provides a laptop, a monitor and a headset. A one-off home office
allowance of 300 EUR is paid after the first month of remote work. Equipment remains company
property and must be returned when employment ends.

Security. Company data must only be accessed over the VPN. Public Wi-Fi is allowed only with the
VPN switched on. Printed confidential documents must be shredded, not thrown away.

Working hours. Core hours are 10:00 to 15:00 in the employee's home time zone. Outside core hours
employees are not expected to answer messages.
"""

EXPENSE_HTML = """<!DOCTYPE html>
<html><head><title>Expense FAQ</title><style>body{font-family:sans-serif}</style></head>
<body>
<h1>Expense FAQ</h1>
<h2>What can I expense?</h2>
<p>You can expense costs that are necessary for your work and approved by your manager. Typical
examples are travel, training courses, books and software licences. Personal items such as
clothing or gym memberships are not reimbursed.</p>
<h2>How do I submit a claim?</h2>
<p>Open the expense tool, create a new report, attach a photo of each receipt and submit it to
your manager. The manager approves or rejects it within five working days. Approved claims are
paid with the next monthly salary.</p>
<h2>What if I lost a receipt?</h2>
<p>If a receipt is lost, fill in the missing-receipt form and explain what was bought. A missing
receipt is accepted at most twice per year. Amounts above 100 EUR without a receipt are always
rejected.</p>
<h2>Can I use my personal credit card?</h2>
<p>Yes. Personal cards are allowed when a company card is not available. Foreign currency
charges are reimbursed at the exchange rate shown on your card statement.</p>
<script>console.log("analytics")</script>
</body></html>
"""

HELP_ARTICLES = [
    (
        "Resetting your ParkPal password",
        "To reset your password, open ParkPal and tap Forgot password on the login screen. A reset "
        "link is sent to your email address and expires after 30 minutes. If the email does not "
        "arrive, check the spam folder. Passwords must be at least 10 characters long and contain "
        "one number.",
    ),
    (
        "How parking sessions are billed",
        "A parking session is billed per started 15 minutes. The zone price is shown before you start "
        "the session. When you stop a session early, you only pay for the time used. A service fee of "
        "0.25 EUR is added to each session. Monthly invoices are available in the Account tab.",
    ),
    (
        "Adding a second vehicle",
        "You can register up to five vehicles on one ParkPal account. Go to Account, then Vehicles, "
        "and tap Add vehicle. The licence plate must be entered without spaces. Each session is linked "
        "to one vehicle, so choose the right one before you start parking.",
    ),
    (
        "What happens if I get a fine",
        "ParkPal does not pay parking fines. If you received a fine while a session was active, send "
        "the fine and the session receipt to support within 14 days. Support checks the session "
        "history and gives you a confirmation letter that you can send to the city.",
    ),
    (
        "Using ParkPal abroad",
        "ParkPal works in 11 countries. Roaming charges from your mobile operator may apply. Prices "
        "abroad are shown in the local currency and converted at the daily rate when you are billed.",
    ),
    (
        "Deleting your account",
        "Deleting your account removes your vehicles, payment methods and session history. Invoices "
        "are kept for seven years because of tax law. An account with unpaid sessions cannot be "
        "deleted until the balance is settled.",
    ),
]


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit("usage: python make_data.py DIR")
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20261201)

    gym_members(rng, 1400, 1).to_csv(out / "gym_members_train.csv", index=False)
    gym_members(rng, 400, 5001).to_csv(out / "gym_members_test.csv", index=False)
    loans(rng, 1000, 250001, "defaulted").to_csv(out / "loans_2025.csv", index=False)
    loans(rng, 300, 260001, "default_flag").to_csv(out / "loans_2026q1.csv", index=False)
    claims(rng).to_csv(out / "claims.csv", index=False)
    (out / "lfs").mkdir(exist_ok=True)
    (out / "lfs" / "claims_rules.json").write_text(json.dumps(CLAIM_RULES, indent=2) + "\n")
    reviews, tags = app_reviews(rng)
    reviews.to_csv(out / "app_reviews.csv", index=False)
    tags.to_csv(out / "review_tags.csv", index=False)
    orders(rng, 1500, "BK", catering=False).to_csv(out / "bakery_orders.csv", index=False)
    orders(rng, 200, "CT", catering=True).to_csv(out / "catering_orders.csv", index=False)
    assay_plates(rng).to_csv(out / "assay_plates.csv", index=False)
    hr_survey(rng).to_csv(out / "hr_survey.csv", index=False)
    for name, n, start in (("calls_train.jsonl", 900, 700001), ("calls_test.jsonl", 300, 800001)):
        with (out / name).open("w", encoding="utf-8") as handle:
            for row in calls(rng, n, start):
                handle.write(json.dumps(row) + "\n")
    posts, gold = forum(rng)
    posts.to_csv(out / "forum_posts.csv", index=False)
    gold.to_csv(out / "forum_handlabels.csv", index=False)
    press_log(rng).to_csv(out / "press_line_log.csv", index=False)

    (out / "manuals").mkdir(exist_ok=True)
    (out / "manuals" / "espresso_x200.md").write_text(ESPRESSO, encoding="utf-8")
    (out / "manuals" / "grinder_g2_quickstart.txt").write_text(GRINDER, encoding="utf-8")
    (out / "policies").mkdir(exist_ok=True)
    (out / "policies" / "travel_policy.md").write_text(TRAVEL, encoding="utf-8")
    (out / "policies" / "remote_work.txt").write_text(REMOTE, encoding="utf-8")
    (out / "policies" / "expense_faq.html").write_text(EXPENSE_HTML, encoding="utf-8")
    (out / "kb").mkdir(exist_ok=True)
    with (out / "kb" / "help_articles.jsonl").open("w", encoding="utf-8") as handle:
        for i, (title, body) in enumerate(HELP_ARTICLES, 1):
            handle.write(
                json.dumps(
                    {
                        "article_id": f"KB-{i:03d}",
                        "title": title,
                        "body": body,
                        "product": "ParkPal",
                    }
                )
                + "\n"
            )


if __name__ == "__main__":
    main()
