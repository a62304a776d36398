"""Write the fresh38 corpus's files into DIR (deterministic, offline, small).

People: a hydrology research group, a credit union, a hospital pharmacy and a last-mile
delivery start-up. Run: python make_data.py DIR
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import numpy as np

RNG = np.random.default_rng(38)


def write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.strip() + "\n", encoding="utf-8")


def pick(options: list[str], p: list[float] | None = None) -> str:
    return str(options[RNG.choice(len(options), p=p)])


def r1(x: float) -> float:
    return round(float(x), 1)


def r2(x: float) -> float:
    return round(float(x), 2)


def sig(x: float) -> float:
    return 1.0 / (1.0 + np.exp(-x))


def date(start_day: int, offset: int) -> str:
    base = np.datetime64("2023-01-01") + np.timedelta64(start_day + offset, "D")
    return str(base)


# ---------------------------------------------------------------- texts
def make_note(cls: str) -> str:
    parts = {
        "sensor_drift": [
            "pressure transducer reads {d} cm above the staff gauge",
            "logger stage off by {d} cm against manual reading, recalibrated",
            "offset creeping again on the level sensor, {d} cm since last visit",
            "transducer drift noted, staff plate and logger disagree by {d} cm",
        ],
        "debris_blockage": [
            "large branch wedged against the weir crest, cleared by hand",
            "trash screen half blocked with leaves and plastic",
            "debris jam upstream of the control section, backwater likely",
            "fallen tree across the channel, flow diverted around the gauge",
        ],
        "bank_erosion": [
            "left bank undercut near the stilling well, {d} cm lost",
            "slumping on the right bank after the high flows",
            "bank collapse downstream, control section may shift",
            "erosion scar widening by the cableway footing",
        ],
        "no_issue": [
            "routine visit, all readings agree, site tidy",
            "downloaded logger, battery fine, nothing to report",
            "staff gauge and logger match, no maintenance needed",
            "quick check, site ok, photos taken",
        ],
    }
    extra = [
        "",
        " Weather dry.",
        " Raining during visit.",
        " Cows in the field again.",
        " Access track muddy.",
        " Took discharge gauging with ADCP.",
    ]
    text = pick(parts[cls]).format(d=int(RNG.integers(2, 19)))
    return (text[0].upper() + text[1:] + "." + pick(extra)).strip()


def make_complaint(cls: str) -> str:
    parts = {
        "fees": [
            "I was charged a {a} dollar overdraft fee even though my paycheck posted the same day",
            "Why is there a monthly maintenance fee on my share account now",
            "You charged me twice for the same NSF fee",
            "The wire transfer fee was never mentioned when I opened the account",
        ],
        "fraud_dispute": [
            "There are card charges I did not make from a store in another state",
            "Someone used my debit card online, I need the {a} dollars back",
            "I reported a stolen card but the dispute is still pending after weeks",
            "Unauthorized transactions on my account, please reverse them",
        ],
        "loan_servicing": [
            "My auto loan payment was applied to the wrong month",
            "I asked for a payoff quote for my loan three times and never got one",
            "The escrow on my home equity loan jumped by {a} dollars",
            "Your loan officer never called back about my refinance",
        ],
        "digital_banking": [
            "The mobile app logs me out every time I try to deposit a check",
            "Online banking has been down all morning and I cannot pay bills",
            "Two factor code never arrives by text",
            "The app shows the wrong balance after the update",
        ],
        "staff_service": [
            "The teller at the branch was rude and refused to help me",
            "I waited forty minutes on hold and then got disconnected",
            "Nobody at the branch could explain my statement",
            "The member service rep was dismissive when I asked about my account",
        ],
    }
    tails = ["", ". Very frustrated", ". Please fix this", ". I have been a member for years", "!"]
    return pick(parts[cls]).format(a=int(RNG.integers(15, 400))) + pick(tails) + "."


def make_adr(cls: str, drug: str) -> str:
    parts = {
        "mild": [
            "patient reported mild nausea after {d}, resolved without treatment",
            "transient rash on forearm after {d} dose, no intervention needed",
            "slight headache post {d}, settled with rest",
            "itching at the IV site with {d}, self limiting",
        ],
        "moderate": [
            "vomiting and dizziness after {d}, dose held and antiemetic given",
            "hypotension after {d} requiring fluid bolus",
            "widespread urticaria after {d}, antihistamine given, dose delayed",
            "AKI suspected on {d}, creatinine rising, dose reduced",
        ],
        "severe": [
            "anaphylaxis within minutes of {d}, adrenaline given, transferred to ICU",
            "respiratory depression after {d}, naloxone given, rapid response called",
            "major bleed on {d}, transfusion required",
            "seizure after {d} infusion, escalated to critical care",
        ],
    }
    tails = ["", " Reported by ward nurse.", " Yellow card submitted.", " Family informed."]
    return (pick(parts[cls]).format(d=drug) + "." + pick(tails)).capitalize()


def make_comment(cls: str) -> str:
    parts = {
        "late": [
            "parcel came {h} hours after the slot I picked",
            "waited in all day and it arrived after 9pm",
            "delivery was late again, second time this month",
            "tracking said arriving soon for three hours",
        ],
        "damaged": [
            "box was crushed and the glass inside broken",
            "parcel arrived soaked and torn",
            "the corner of the box was ripped open, item scratched",
            "contents damaged, looks like it was dropped",
        ],
        "wrong_address": [
            "left at number {h} instead of my house",
            "marked delivered but it went to the wrong building",
            "neighbour two streets away got my parcel",
            "courier left it at the wrong flat",
        ],
        "courier_conduct": [
            "driver was rude and threw the parcel over the gate",
            "courier did not even knock, just left a card",
            "rider shouted at me about parking",
            "the driver was on the phone and ignored me",
        ],
        "praise": [
            "super fast and friendly rider, thanks",
            "arrived early and the courier was lovely",
            "great service, perfect timing",
            "really careful with the fragile box, well done",
        ],
    }
    tails = ["", " not happy", " will order again", " pls sort it", " :)"]
    return (pick(parts[cls]).format(h=int(RNG.integers(2, 40))) + pick(tails)).strip()


# ---------------------------------------------------------------- hydrology
CATCHMENTS = ["upper_wye", "lowland_fen", "karst_north", "urban_brook"]


def hydro_rows(n: int, start: int, with_outcomes: bool) -> list[list[object]]:
    rows = []
    for i in range(n):
        catch = pick(CATCHMENTS, [0.3, 0.25, 0.2, 0.25])
        station = f"ST-{int(RNG.integers(1, 13)):02d}"
        rain24 = max(0.0, RNG.gamma(0.8, 9.0))
        rain72 = rain24 + max(0.0, RNG.gamma(1.1, 12.0))
        soil = float(np.clip(RNG.normal(38 + rain72 * 0.35, 9), 8, 98))
        snow = max(0.0, RNG.normal(4, 8)) if catch == "upper_wye" else 0.0
        temp = RNG.normal(9, 6)
        urban = 1.5 if catch == "urban_brook" else 0.0
        stage = 0.4 + 0.012 * rain72 + 0.006 * soil + 0.01 * snow + RNG.normal(0, 0.12)
        discharge = max(0.05, 3.1 * stage**1.6 + RNG.normal(0, 0.4))
        turb = max(1.0, 6 + 1.4 * rain24 + RNG.normal(0, 8))
        api_idx = 0.6 * rain72 + 0.3 * soil + RNG.normal(0, 4)
        row: list[object] = [
            f"GR-{start + i:05d}",
            station,
            catch,
            date(start % 300, i % 60),
            r2(stage),
            r2(discharge),
            r1(rain24),
            r1(rain72),
            r1(api_idx),
            r1(soil),
            r1(snow),
            r1(temp),
            r1(turb),
        ]
        if with_outcomes:
            z = -7.2 + 0.05 * rain72 + 0.06 * soil + 0.04 * snow + urban + RNG.normal(0, 0.8)
            flood = "yes" if RNG.random() < sig(z) else "no"
            regime = "high" if discharge > 3.6 else ("low" if discharge < 2.2 else "normal")
            if RNG.random() < 0.06:
                regime = pick(["low", "normal", "high"])
            row += [regime, flood]
        rows.append(row)
    return rows


HYDRO_HEADER = [
    "reading_id",
    "station_id",
    "catchment",
    "obs_date",
    "stage_m",
    "discharge_cms",
    "rain_24h_mm",
    "rain_72h_mm",
    "antecedent_precip_idx",
    "soil_moisture_pct",
    "snowmelt_mm",
    "air_temp_c",
    "turbidity_ntu",
]


def hydrology(out: Path) -> None:
    outcome = ["flow_regime", "flood_within_48h"]
    write_csv(out / "gauge_daily_2023.csv", HYDRO_HEADER + outcome, hydro_rows(520, 1, True))
    write_csv(out / "gauge_daily_2024q1.csv", HYDRO_HEADER + outcome, hydro_rows(180, 700, True))
    write_csv(out / "gauge_latest_week.csv", HYDRO_HEADER, hydro_rows(84, 900, False))

    classes = ["sensor_drift", "debris_blockage", "bank_erosion", "no_issue"]
    techs = ["AK", "JM", "RP", "SL", "TW"]
    notes, gold = [], []
    for i in range(360):
        cls = pick(classes, [0.25, 0.25, 0.15, 0.35])
        nid = f"FN{2000 + i}"
        shown = cls if RNG.random() < 0.14 else ""
        notes.append(
            [nid, f"ST-{int(RNG.integers(1, 13)):02d}", date(20, i % 200), pick(techs)]
            + [make_note(cls), shown]
        )
        if not shown and RNG.random() < 0.22:
            gold.append([nid, cls])
    write_csv(
        out / "field_notes.csv",
        ["note_id", "station_id", "visit_date", "technician", "note", "issue_type"],
        notes,
    )
    write_csv(out / "field_notes_checked.csv", ["note_id", "issue_type"], gold)
    rules = [
        {
            "name": "drift_words",
            "label": "sensor_drift",
            "kind": "keyword",
            "column": "note",
            "keywords": ["drift", "offset", "recalibrated", "transducer"],
        },
        {
            "name": "debris_words",
            "label": "debris_blockage",
            "kind": "keyword",
            "column": "note",
            "keywords": ["debris", "branch", "blocked", "trash screen", "fallen tree"],
        },
        {
            "name": "erosion_words",
            "label": "bank_erosion",
            "kind": "keyword",
            "column": "note",
            "keywords": ["erosion", "undercut", "slumping", "bank collapse"],
        },
        {
            "name": "routine_visit",
            "label": "no_issue",
            "kind": "regex",
            "column": "note",
            "pattern": r"(routine visit|nothing to report|site ok|no maintenance)",
            "ignore_case": True,
        },
    ]
    write_text(out / "field_note_rules.json", json.dumps(rules, indent=2))

    rows = []
    for i in range(480):
        hour = i % 24
        stage = 0.62 + 0.05 * np.sin(i / 30) + RNG.normal(0, 0.01)
        wtemp = 8 + 2 * np.sin(hour / 24 * 2 * np.pi) + RNG.normal(0, 0.3)
        cond = 410 - 80 * (stage - 0.6) + RNG.normal(0, 6)
        batt = 12.8 - i * 0.0015 + RNG.normal(0, 0.02)
        if i in (57, 188, 301, 302, 415):
            stage += 3.9 if i % 2 else -0.6
        if i in (140, 333):
            cond = 2900 + RNG.normal(0, 50)
        if i == 260:
            batt = 7.1
        rows.append(
            [f"2024-03-{1 + i // 24:02d}T{hour:02d}:00", r2(stage), r1(wtemp), r1(cond), r2(batt)]
        )
    write_csv(
        out / "logger_station07_march.csv",
        ["timestamp", "stage_m", "water_temp_c", "conductivity_uscm", "battery_v"],
        rows,
    )

    docs = out / "docs" / "hydrology"
    write_text(
        docs / "rating_curve_method.md",
        """
# Rating curve method (group standard, v3)

## Purpose
A rating curve converts stage (water level, m) into discharge (m3/s). Every gauged station in
the network has its own curve, refitted whenever the control section changes.

## Gaugings
We need at least 12 concurrent stage and discharge gaugings spread across the flow range
before a curve is fitted. Gaugings are made with an ADCP in deep water and with a current
meter (velocity-area method) in shallow riffles. A gauging older than five years is not used.

## Fitting
The curve has the form Q = a (h - h0)^b. The cease-to-flow level h0 is surveyed on site, not
fitted. The exponent b usually lies between 1.5 and 2.5 for a natural section; a value outside
that range must be checked by the station lead. Fitting uses weighted least squares on log Q.

## Extrapolation
Extrapolating above the highest gauging is allowed up to 1.5 times the highest gauged stage
only. Beyond that, flows are flagged as estimated and a hydraulic model is used.

## Shifts
After a flood that moves the bed or the banks, the curve is shifted: a stage correction is
applied until new gaugings confirm a refit. Shifts are logged in the station file with date,
size in cm and reason.
""",
    )
    write_text(
        docs / "gauge_maintenance_sop.md",
        """
# Gauge maintenance SOP

## Visit frequency
Every station is visited every 4 weeks, and within 72 hours after any flow above the 95th
percentile. Urban brook stations are visited every 2 weeks because of debris.

## On each visit
1. Read the staff gauge and compare with the logger; a difference over 1 cm means the
   transducer is recalibrated on the spot.
2. Download the logger and check the battery voltage. Replace the battery below 11.8 V.
3. Clear the trash screen and the weir crest of debris.
4. Photograph both banks at the control section.

## Reporting
Write a field note for every visit in the shared sheet, one line per visit. Classify the issue
as sensor drift, debris blockage, bank erosion or no issue. Bank erosion near the control
section is reported to the station lead the same day, since the rating curve may shift.

## Safety
Never wade when the stage is above 0.8 m at the staff gauge. Lone working needs a check-in call
every two hours.
""",
    )
    write_text(
        docs / "flood_warning_thresholds.txt",
        """
Flood warning thresholds - internal note for the forecasting desk

Alert level 1 (watch) is issued when the 72 hour rainfall exceeds 45 mm and soil moisture is
above 70 percent in any catchment. Alert level 2 (warning) is issued when the forecast stage
exceeds the bankfull stage of a station, which is 2.1 m for the urban brook gauges and 2.6 m
elsewhere. Alert level 3 (severe) needs the duty hydrologist's sign off and is issued when
property flooding is expected within 24 hours.

Snowmelt on the upper Wye adds to the rainfall total: each 10 mm of melt counts as 8 mm of rain
for the watch level. Karst catchments respond slowly, so their watch window is 96 hours, not 72.

Every warning is reviewed the next working day. False alarms are logged with the reason.
""",
    )


# ---------------------------------------------------------------- credit union
PRODUCTS = ["auto", "personal", "home_equity", "share_secured"]
BRANCHES = ["Millbrook", "Eastgate", "Riverside", "Online"]
EMPLOY = ["salaried", "hourly", "self_employed", "retired"]


def loan_rows(n: int, start: int, with_outcomes: bool) -> list[list[object]]:
    rows = []
    for i in range(n):
        age = int(np.clip(RNG.normal(44, 13), 19, 84))
        years = int(np.clip(RNG.exponential(7), 0, age - 18))
        income = int(np.clip(RNG.lognormal(10.9, 0.45), 14000, 260000))
        product = pick(PRODUCTS, [0.35, 0.3, 0.2, 0.15])
        amount = int(np.clip(RNG.lognormal(9.6, 0.7), 800, 180000))
        term = int(pick(["24", "36", "48", "60", "72", "120"]))
        dti = r2(np.clip(RNG.normal(0.31, 0.11), 0.02, 0.75))
        score = int(np.clip(RNG.normal(690, 60), 480, 850))
        missed = int(RNG.poisson(0.4 + max(0, (650 - score) / 60)))
        row: list[object] = [
            f"M{start + i:06d}",
            age,
            years,
            income,
            amount,
            term,
            dti,
            score,
            product,
            pick(BRANCHES),
            pick(EMPLOY, [0.5, 0.25, 0.15, 0.1]),
            missed,
        ]
        if with_outcomes:
            z = -1.2 + 5 * (dti - 0.31) - (score - 690) / 45 + 0.7 * missed - 0.04 * years
            z += 0.6 if product == "personal" else 0.0
            default = "Y" if RNG.random() < sig(z - 0.6) else "N"
            early = "Y" if default == "N" and RNG.random() < sig((income / amount) / 6 - 1) else "N"
            refi = "Y" if RNG.random() < 0.12 + 0.1 * (product == "auto") else "N"
            row += [default, refi, early]
        rows.append(row)
    return rows


LOAN_HEADER = [
    "member_id",
    "age",
    "membership_years",
    "annual_income",
    "loan_amount",
    "term_months",
    "debt_to_income",
    "credit_score",
    "product",
    "branch",
    "employment",
    "missed_payments_12m",
]


def credit_union(out: Path) -> None:
    outc = ["defaulted", "refinanced", "paid_off_early"]
    write_csv(out / "loan_book_train.csv", LOAN_HEADER + outc, loan_rows(600, 100001, True))
    write_csv(out / "loan_book_test.csv", LOAN_HEADER + outc, loan_rows(200, 200001, True))
    write_csv(out / "loan_applications_june.csv", LOAN_HEADER, loan_rows(90, 300001, False))

    rows, new = [], []
    for i in range(540):
        tenure = int(np.clip(RNG.exponential(60), 1, 480))
        prods = int(np.clip(RNG.poisson(2.2), 1, 8))
        bal = int(np.clip(RNG.lognormal(8.3, 1.1), 0, 400000))
        logins = int(RNG.poisson(14))
        visits = int(RNG.poisson(1.5))
        fees = int(RNG.poisson(1.1))
        dd = pick(["yes", "no"], [0.62, 0.38])
        band = pick(["18-29", "30-44", "45-59", "60+"])
        z = -1.0 - 0.006 * tenure - 0.45 * prods + 0.45 * fees - 0.05 * logins
        z += 1.1 if dd == "no" else 0.0
        left = "closed" if RNG.random() < sig(z + 0.4) else "stayed"
        row = [f"M{400001 + i:06d}", tenure, prods, bal, logins, visits, fees, band, dd]
        if i < 460:
            rows.append(row + [left])
        else:
            new.append(row)
    head = [
        "member_id",
        "tenure_months",
        "products_held",
        "avg_balance",
        "digital_logins_90d",
        "branch_visits_90d",
        "fee_events_12m",
        "age_band",
        "direct_deposit",
    ]
    write_csv(out / "member_attrition_2023.csv", head + ["status_6m_later"], rows)
    write_csv(out / "members_current.csv", head, new)

    classes = ["fees", "fraud_dispute", "loan_servicing", "digital_banking", "staff_service"]
    comp, gold = [], []
    for i in range(420):
        cls = pick(classes, [0.28, 0.18, 0.18, 0.2, 0.16])
        cid = f"CU-{24000 + i}"
        shown = cls if RNG.random() < 0.12 else ""
        comp.append(
            [cid, date(150, i % 90), pick(["phone", "email", "branch", "app"])]
            + [make_complaint(cls), shown]
        )
        if not shown and RNG.random() < 0.2:
            gold.append([cid, cls])
    write_csv(
        out / "complaints_q2.csv",
        ["case_no", "received", "channel", "member_text", "category"],
        comp,
    )
    write_csv(out / "complaints_q2_reviewed.csv", ["case_no", "category"], gold)
    rules = [
        {
            "name": "fee_words",
            "label": "fees",
            "kind": "keyword",
            "column": "member_text",
            "keywords": ["fee", "charged", "overdraft", "NSF"],
        },
        {
            "name": "fraud_words",
            "label": "fraud_dispute",
            "kind": "keyword",
            "column": "member_text",
            "keywords": ["unauthorized", "did not make", "stolen", "dispute"],
        },
        {
            "name": "loan_words",
            "label": "loan_servicing",
            "kind": "keyword",
            "column": "member_text",
            "keywords": ["loan", "payoff", "escrow", "refinance"],
        },
        {
            "name": "app_words",
            "label": "digital_banking",
            "kind": "regex",
            "column": "member_text",
            "pattern": r"\b(app|online banking|two factor|logs me out)\b",
            "ignore_case": True,
        },
        {
            "name": "staff_words",
            "label": "staff_service",
            "kind": "keyword",
            "column": "member_text",
            "keywords": ["teller", "rude", "on hold", "rep", "dismissive"],
        },
    ]
    write_text(out / "complaint_rules.json", json.dumps(rules, indent=2))

    txns = []
    for i in range(700):
        channel = pick(["chip", "contactless", "online", "atm"], [0.35, 0.35, 0.22, 0.08])
        amount = r2(RNG.lognormal(3.4, 0.9))
        km = r1(abs(RNG.normal(6, 8)))
        country = "US"
        hour = int(np.clip(RNG.normal(14, 4), 0, 23))
        count24 = int(RNG.poisson(3))
        if i in (33, 210, 211, 488, 612, 650):
            amount, km, country, hour, count24 = r2(RNG.uniform(1800, 4900)), 7400.0, "RO", 3, 19
        if i in (120, 399):
            channel, amount = "atm", 2000.0
        txns.append(
            [f"T{880000 + i}", f"M{int(RNG.integers(100001, 100600)):06d}", amount]
            + [pick(["grocery", "fuel", "dining", "travel", "electronics", "utilities"])]
            + [hour, country, channel, km, count24]
        )
    write_csv(
        out / "card_txns_aug.csv",
        [
            "txn_id",
            "member_id",
            "amount_usd",
            "merchant_group",
            "hour",
            "country",
            "channel",
            "km_from_home",
            "txns_last_24h",
        ],
        txns,
    )

    docs = out / "docs" / "creditunion"
    write_text(
        docs / "overdraft_policy.md",
        """
# Courtesy Pay and overdraft policy (effective 1 April 2024)

## Who is eligible
Members whose checking account has been open for 60 days, who have a recurring direct deposit
of at least 500 dollars a month and whose account is in good standing are eligible for
Courtesy Pay.

## Limits and fees
The Courtesy Pay limit is 300 dollars for members under two years and 600 dollars after that.
Each paid item costs 25 dollars, with at most three fees a day. No fee is charged when the
account is overdrawn by less than 10 dollars at the end of the day.

## Grace period
If the overdraft is repaid by 5 pm the next business day, the fee is refunded automatically.

## Opting out
Members may opt out of Courtesy Pay at any branch, by phone or in the app. Opting out means
items that would overdraw the account are declined with no fee.
""",
    )
    write_text(
        docs / "loan_hardship_program.md",
        """
# Loan hardship programme

## Purpose
Helps members who are temporarily unable to make loan payments because of job loss, illness,
disaster or a death in the family.

## Options
- Payment deferral of up to 3 months, added to the end of the loan term.
- Interest-only payments for up to 6 months on home equity loans.
- A term extension of up to 24 months on auto and personal loans.

## How to apply
The member fills in the hardship form and provides proof of the hardship (a termination
letter, medical note or insurance claim). The collections team decides within 5 business days.
A member can use the programme at most twice in any 5 year period.

## Credit reporting
Loans in an approved hardship plan are reported as current to the credit bureaus as long as
the member keeps to the plan.
""",
    )
    write_text(
        docs / "member_faq.txt",
        """
Member FAQ

How do I become a member? Anyone who lives, works or studies in the three counties can join
with a 5 dollar deposit into a share savings account.

What are your hours? Branches are open 9 to 5 on weekdays and 9 to 12 on Saturdays. The
Online branch answers phone calls from 8 to 8.

How do I dispute a card transaction? Call the card line or use the app's dispute button within
60 days of the statement date. We give a provisional credit within 10 business days.

Is my money insured? Deposits are insured by the NCUA up to 250,000 dollars per member per
ownership category.

How do I order checks? In the app under Services, or at any branch. The first box is free.
""",
    )


# ---------------------------------------------------------------- pharmacy
WARDS = ["ICU", "oncology", "paediatrics", "med_surg", "ED", "renal"]
DRUG_CLASSES = ["anticoagulant", "aminoglycoside", "opioid", "antibiotic", "insulin", "chemo"]


def order_rows(n: int, start: int, with_outcomes: bool) -> list[list[object]]:
    rows = []
    for i in range(n):
        ward = pick(WARDS, [0.15, 0.15, 0.12, 0.33, 0.15, 0.1])
        dclass = pick(DRUG_CLASSES, [0.18, 0.12, 0.2, 0.3, 0.12, 0.08])
        route = pick(["IV", "PO", "SC"], [0.45, 0.4, 0.15])
        age = (
            int(np.clip(RNG.normal(62, 18), 1, 99))
            if ward != "paediatrics"
            else int(RNG.integers(0, 17))
        )
        weight = r1(np.clip(RNG.normal(74, 16), 25, 160)) if age >= 16 else r1(3 + age * 3.1)
        egfr = int(np.clip(RNG.normal(70 - 25 * (ward == "renal"), 25), 5, 130))
        meds = int(RNG.poisson(7 + 3 * (ward == "ICU")))
        dose = r1(RNG.lognormal(4.2, 0.9))
        hour = int(RNG.integers(0, 24))
        grade = pick(["consultant", "registrar", "FY1", "nurse_prescriber"], [0.2, 0.3, 0.35, 0.15])
        row: list[object] = [
            f"RX{start + i:07d}",
            ward,
            dclass,
            route,
            dose,
            age,
            weight,
            egfr,
            meds,
            hour,
            grade,
        ]
        if with_outcomes:
            z = -2.4 + 0.9 * (egfr < 30) + 0.08 * (meds - 7) + 0.7 * (grade == "FY1")
            z += 0.8 * (dclass in ("aminoglycoside", "anticoagulant", "chemo")) + 0.4 * (hour < 7)
            z += 0.9 * (ward == "paediatrics")
            intervened = "yes" if RNG.random() < sig(z) else "no"
            if intervened == "yes":
                reason = (
                    "renal_dose"
                    if egfr < 30 and RNG.random() < 0.7
                    else pick(["interaction", "dose_range", "allergy", "duplicate"])
                )
            else:
                reason = "none"
            row += [intervened, reason]
        rows.append(row)
    return rows


ORDER_HEADER = [
    "order_id",
    "ward",
    "drug_class",
    "route",
    "dose_mg",
    "patient_age",
    "weight_kg",
    "egfr",
    "active_meds",
    "order_hour",
    "prescriber_grade",
]


def pharmacy(out: Path) -> None:
    outc = ["pharmacist_intervened", "intervention_reason"]
    write_csv(out / "order_verifications_2023.csv", ORDER_HEADER + outc, order_rows(640, 1, True))
    write_csv(
        out / "order_verifications_jan24.csv", ORDER_HEADER + outc, order_rows(200, 5001, True)
    )
    write_csv(out / "orders_queue_today.csv", ORDER_HEADER, order_rows(75, 9001, False))

    drugs = ["vancomycin", "gentamicin", "morphine", "enoxaparin", "piperacillin", "carboplatin"]
    reps, gold = [], []
    for i in range(380):
        cls = pick(["mild", "moderate", "severe"], [0.5, 0.35, 0.15])
        drug = pick(drugs)
        rid = f"ADR-{3100 + i}"
        shown = cls if RNG.random() < 0.15 else ""
        reps.append([rid, date(30, i % 300), pick(WARDS), drug, make_adr(cls, drug), shown])
        if not shown and RNG.random() < 0.2:
            gold.append([rid, cls])
    write_csv(
        out / "adr_reports.csv",
        ["report_id", "reported_on", "ward", "drug_name", "narrative", "severity"],
        reps,
    )
    write_csv(out / "adr_severity_panel.csv", ["report_id", "severity"], gold)
    rules = [
        {
            "name": "severe_terms",
            "label": "severe",
            "kind": "keyword",
            "column": "narrative",
            "keywords": [
                "anaphylaxis",
                "ICU",
                "naloxone",
                "rapid response",
                "transfusion",
                "seizure",
                "critical care",
            ],
        },
        {
            "name": "moderate_terms",
            "label": "moderate",
            "kind": "keyword",
            "column": "narrative",
            "keywords": ["dose held", "bolus", "antihistamine", "dose reduced", "antiemetic"],
        },
        {
            "name": "mild_terms",
            "label": "mild",
            "kind": "regex",
            "column": "narrative",
            "pattern": r"(resolved without|no intervention|self limiting|settled with rest)",
            "ignore_case": True,
        },
    ]
    write_text(out / "adr_rules.json", json.dumps(rules, indent=2))

    log = []
    for i in range(600):
        role = pick(["RN", "pharm_tech", "pharmacist", "anaesthetist"], [0.7, 0.15, 0.1, 0.05])
        drug = pick(["morphine 10mg", "oxycodone 5mg", "midazolam 2mg", "fentanyl 100mcg"])
        qty = int(np.clip(RNG.poisson(2), 1, 6))
        hour = int(RNG.integers(0, 24))
        override = 1 if RNG.random() < 0.05 else 0
        waste = int(RNG.random() < 0.1)
        if i in (77, 78, 79, 402, 515):
            qty, hour, override, waste = int(RNG.integers(18, 30)), 3, 1, 0
        if i in (250, 251):
            role, qty = "pharm_tech", 40
        log.append(
            [f"DC{60000 + i}", pick(["ICU-A", "ICU-B", "WARD5", "ED-1"]), drug, qty, hour]
            + [role, override, waste]
        )
    write_csv(
        out / "cabinet_log_week14.csv",
        ["txn_id", "cabinet", "item", "qty", "hour", "user_role", "override", "wasted"],
        log,
    )

    docs = out / "docs" / "pharmacy"
    write_text(
        docs / "vancomycin_dosing.md",
        """
# Vancomycin dosing and monitoring (adult inpatients)

## Loading dose
Give 25 mg/kg actual body weight, rounded to the nearest 250 mg, maximum 2 g, infused at no
more than 10 mg per minute.

## Maintenance
Maintenance doses follow the renal function: creatinine clearance above 90 mL/min gets
15 mg/kg every 12 hours; 50 to 90 gets 15 mg/kg every 24 hours; 20 to 49 gets 10 mg/kg every
24 hours; below 20 mL/min, dose by levels only.

## Monitoring
Take a trough level before the fourth dose. The target AUC is 400 to 600 mg.h/L; where AUC
software is not available, a trough of 10 to 15 mg/L is acceptable for most infections.

## Red flags
A rise in serum creatinine of 50 percent or more from baseline is treated as acute kidney
injury: hold the next dose and contact the ward pharmacist.
""",
    )
    write_text(
        docs / "controlled_drug_sop.md",
        """
# Controlled drug cabinet SOP

## Access
Only registered nurses, pharmacists and pharmacy technicians on the roster have cabinet
access. Anaesthetists have access to theatre cabinets only.

## Withdrawals
Every withdrawal is linked to a patient and an order. An override withdrawal (without a
verified order) is allowed in emergencies only and must be reconciled within 4 hours.

## Waste
Wasted doses are witnessed by a second registered member of staff and recorded in the cabinet
at the time of wasting.

## Discrepancies
The pharmacy reviews the discrepancy report every morning. Any unresolved discrepancy after
24 hours is escalated to the chief pharmacist and the ward manager. Repeated overrides by the
same user trigger an audit.
""",
    )
    write_text(
        docs / "formulary_changes_2024.txt",
        """
Formulary changes, drug and therapeutics committee, January 2024

Added: apixaban replaces rivaroxaban as first line oral anticoagulant for new starts in atrial
fibrillation. Existing patients stay on their current drug unless there is a clinical reason.

Restricted: meropenem needs microbiology approval after 72 hours of therapy. Ertapenem is
restricted to outpatient parenteral antibiotic therapy.

Removed: pethidine is removed from the formulary except for existing oncology protocols.

Switched: the preferred enoxaparin syringe is now the 40 mg prefilled syringe from the new
supplier; stock of the old brand is used first.
""",
    )


# ---------------------------------------------------------------- delivery
ZONES = ["north", "centre", "docklands", "suburbs"]


def drop_rows(n: int, start: int, with_outcomes: bool) -> list[list[object]]:
    rows = []
    for i in range(n):
        vehicle = pick(["cargo_bike", "ebike", "van"], [0.35, 0.3, 0.35])
        zone = pick(ZONES)
        dist = r1(max(0.3, RNG.gamma(2.0, 2.2 if vehicle != "van" else 4.5)))
        stops = int(RNG.integers(0, 45))
        kg = r1(max(0.1, RNG.gamma(1.5, 2.5)))
        count = int(np.clip(RNG.poisson(1.4), 1, 9))
        slot = int(pick(["60", "120", "180", "240"]))
        hour = int(RNG.integers(7, 21))
        rain = r1(max(0.0, RNG.normal(0.5, 2.0)))
        building = pick(["flat", "house", "office", "shop"], [0.45, 0.3, 0.15, 0.1])
        row: list[object] = [
            f"D{start + i:06d}",
            f"R{int(RNG.integers(100, 160))}",
            f"C{int(RNG.integers(1, 40)):03d}",
            vehicle,
            zone,
            dist,
            stops,
            kg,
            count,
            slot,
            hour,
            rain,
            building,
        ]
        if with_outcomes:
            z = -2.2 + 0.06 * stops + 0.12 * dist - 0.006 * slot + 0.25 * rain
            z += 0.8 * (zone == "docklands") + 0.5 * (hour >= 17)
            late = "yes" if RNG.random() < sig(z + 0.8) else "no"
            zf = (
                -2.0 + 1.0 * (building == "flat") - 0.6 * (building == "office") + 0.4 * (hour < 10)
            )
            failed = "yes" if RNG.random() < sig(zf) else "no"
            row += [late, failed]
        rows.append(row)
    return rows


DROP_HEADER = [
    "drop_id",
    "route_id",
    "courier_id",
    "vehicle",
    "zone",
    "distance_km",
    "stops_before",
    "parcel_kg",
    "parcel_count",
    "slot_width_min",
    "dispatch_hour",
    "rain_mm",
    "building",
]


def delivery(out: Path) -> None:
    outc = ["late", "failed_first_attempt"]
    write_csv(out / "drops_may.csv", DROP_HEADER + outc, drop_rows(650, 1, True))
    write_csv(out / "drops_june_wk1.csv", DROP_HEADER + outc, drop_rows(200, 7001, True))
    write_csv(out / "drops_tomorrow.csv", DROP_HEADER, drop_rows(110, 9001, False))

    classes = ["late", "damaged", "wrong_address", "courier_conduct", "praise"]
    rows, gold = [], []
    for i in range(400):
        cls = pick(classes, [0.27, 0.16, 0.15, 0.14, 0.28])
        cid = f"FB{51000 + i}"
        stars = int(np.clip(RNG.normal(4.5 if cls == "praise" else 1.8, 0.7), 1, 5))
        shown = cls if RNG.random() < 0.13 else ""
        rows.append([cid, f"ORD-{int(RNG.integers(100000, 999999))}", stars, make_comment(cls)])
        rows[-1].append(shown)
        if not shown and RNG.random() < 0.2:
            gold.append([cid, cls])
    write_csv(
        out / "customer_comments.csv",
        ["feedback_id", "order_ref", "stars", "comment", "topic"],
        rows,
    )
    write_csv(out / "comments_tagged_by_ops.csv", ["feedback_id", "topic"], gold)
    rules = [
        {
            "name": "late_words",
            "label": "late",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["late", "waited", "arriving soon", "after 9pm"],
        },
        {
            "name": "damage_words",
            "label": "damaged",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["crushed", "broken", "soaked", "damaged", "ripped", "scratched"],
        },
        {
            "name": "address_words",
            "label": "wrong_address",
            "kind": "regex",
            "column": "comment",
            "pattern": r"wrong (building|flat|address)|instead of my|neighbour",
            "ignore_case": True,
        },
        {
            "name": "rude_words",
            "label": "courier_conduct",
            "kind": "keyword",
            "column": "comment",
            "keywords": ["rude", "shouted", "threw", "did not even knock", "ignored me"],
        },
        {
            "name": "five_stars",
            "label": "praise",
            "kind": "threshold",
            "column": "stars",
            "op": ">=",
            "value": 5,
        },
    ]
    write_text(out / "comment_rules.json", json.dumps(rules, indent=2))

    pings = []
    for i in range(560):
        vehicle = pick(["cargo_bike", "ebike", "van"])
        speed = r1(abs(RNG.normal({"cargo_bike": 15, "ebike": 20, "van": 28}[vehicle], 6)))
        stop = int(abs(RNG.normal(90, 60)))
        batt = int(np.clip(RNG.normal(60, 20), 3, 100))
        acc = r1(abs(RNG.normal(6, 3)))
        if i in (44, 45, 230, 391, 508):
            speed, acc = r1(RNG.uniform(95, 160)), r1(RNG.uniform(150, 400))
        if i in (300, 301):
            stop = 5400
        pings.append(
            [f"P{700000 + i}", f"C{int(RNG.integers(1, 40)):03d}", vehicle, pick(ZONES)]
            + [speed, stop, batt, acc]
        )
    write_csv(
        out / "courier_pings_0612.csv",
        [
            "ping_id",
            "courier_id",
            "vehicle",
            "zone",
            "speed_kmh",
            "stop_seconds",
            "battery_pct",
            "gps_accuracy_m",
        ],
        pings,
    )

    shifts = out / "courier_shifts.jsonl"
    lines = []
    for i in range(120):
        lines.append(
            json.dumps(
                {
                    "shift_id": f"SH{4000 + i}",
                    "courier_id": f"C{int(RNG.integers(1, 40)):03d}",
                    "date": date(150, i // 12),
                    "hours": r1(RNG.uniform(4, 10)),
                    "drops_done": int(RNG.integers(20, 110)),
                    "vehicle": pick(["cargo_bike", "ebike", "van"]),
                }
            )
        )
    shifts.write_text("\n".join(lines) + "\n", encoding="utf-8")

    docs = out / "docs" / "delivery"
    write_text(
        docs / "courier_handbook.md",
        """
# Courier handbook

## Before the shift
Check the bike or van, the battery (at least 80 percent for e-bikes) and the scanner. Load
parcels in reverse drop order so the first drop is on top.

## At the door
Knock or ring and wait at least 60 seconds. If nobody answers, try a safe place only when the
customer has chosen one in the app; otherwise leave a card and mark the drop as failed first
attempt. Never leave parcels on a doorstep visible from the street.

## Photos
Take a photo of every parcel left in a safe place, showing the door number.

## Fragile parcels
Parcels with a red fragile sticker travel in the padded box and are never stacked under
heavier items. Over 15 kg, use the trolley.

## Breaks
Couriers take a 30 minute break after 5 hours. The app pauses new drops during breaks.
""",
    )
    write_text(
        docs / "failed_delivery_policy.md",
        """
# Failed delivery policy

## Second attempt
A failed first attempt is rescheduled for the next working day in the same slot, unless the
customer picks another slot in the app before 8 pm.

## Third attempt
After two failed attempts, the parcel goes to the nearest pickup point and is held for 7 days.
The customer gets a text with the pickup code.

## Returns
Parcels not collected within 7 days are returned to the sender. The sender is charged the
return fee of 3.50 pounds unless the failure was our fault (wrong address on the label counts
as the sender's fault; courier error counts as ours).

## Compensation
A late delivery by more than 2 hours past the slot earns the customer a 5 pound credit, at
most once a week.
""",
    )
    write_text(
        docs / "customer_faq.txt",
        """
Customer FAQ

Can I change my delivery slot? Yes, until 8 pm the day before, in the app or on the tracking
page. Slots are 1, 2, 3 or 4 hours wide; narrower slots cost 1 pound more.

Do you deliver on Sundays? Only in the centre and docklands zones, between 10 am and 4 pm.

What if my parcel is damaged? Report it within 48 hours with a photo. We refund or replace
within 5 working days.

How do I complain about a courier? Use the feedback form in the app after the delivery. Every
comment is read by the operations team within one working day.
""",
    )


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    hydrology(out)
    credit_union(out)
    pharmacy(out)
    delivery(out)


if __name__ == "__main__":
    main()
