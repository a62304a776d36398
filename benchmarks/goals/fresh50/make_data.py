"""Write the fresh50 corpus's files into DIR: a telecom NOC, a language school, a cider orchard.

Run: python make_data.py DIR   (deterministic, offline, seed 5050)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 5050


def pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


def sentence(rng: np.random.Generator, core: list[str], extra: list[str], n_extra: int) -> str:
    parts = [pick(rng, core)]
    for _ in range(n_extra):
        if rng.random() < 0.6:
            parts.append(pick(rng, extra))
    text = ". ".join(parts)
    return text[0].upper() + text[1:] + "."


def save(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n")


# ----------------------------------------------------------------- telecom NOC
ALARM_TEXT = {
    "power": [
        "mains failure at site, running on batteries",
        "rectifier alarm and battery discharge",
        "genset failed to start after grid drop",
        "utility power outage in the area",
        "low battery voltage warning then site down",
    ],
    "transmission": [
        "microwave link down towards hub",
        "fibre cut suspected on backhaul",
        "LOS on the transport ring",
        "ethernet backhaul flapping every few minutes",
        "high BER on the microwave hop",
    ],
    "hardware": [
        "RRU fault on sector 2",
        "baseband board failure, unit not responding",
        "VSWR high on antenna feeder",
        "fan failure in the BBU shelf",
        "SFP module faulty, replaced remotely failed",
    ],
    "software": [
        "cell not on air after software upgrade",
        "licence expired on carrier",
        "config mismatch after last night's change",
        "process restart loop on the controller",
        "parameter rollback needed after change window",
    ],
    "environmental": [
        "high temperature in the shelter",
        "water ingress in the outdoor cabinet",
        "storm damage reported by landlord",
        "lightning strike near the mast",
        "aircon failure, cabinet overheating",
    ],
}
ALARM_EXTRA = [
    "NOC acknowledged",
    "ticket raised with vendor",
    "awaiting field team",
    "customer complaints rising",
    "neighbouring cells absorbing traffic",
    "auto-cleared once then raised again",
    "checked remotely, no change",
    "shift lead informed",
]
ROOT_CAUSES = list(ALARM_TEXT)
REGIONS = ["North", "South", "East", "West", "Metro"]
VENDORS = ["Ericsson", "Nokia", "Huawei"]
ALARM_CLASS = {
    "power": ["POWER_FAIL", "BATTERY_LOW"],
    "transmission": ["LINK_DOWN", "SYNC_LOSS"],
    "hardware": ["HW_FAULT", "VSWR"],
    "software": ["CELL_DOWN", "SW_ERROR"],
    "environmental": ["HIGH_TEMP", "DOOR_OPEN"],
}


def alarms(rng: np.random.Generator, n: int, start: int, month0: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        cause = pick(rng, ROOT_CAUSES)
        duration = float(np.round(rng.gamma(2.0, 45.0) + (60 if cause == "hardware" else 0), 1))
        subs = int(rng.integers(50, 6000))
        load = float(np.round(np.clip(rng.normal(55, 20), 2, 100), 1))
        temp = float(np.round(rng.normal(31 if cause == "environmental" else 24, 5), 1))
        on_batt = int(cause == "power" and rng.random() < 0.8 or rng.random() < 0.05)
        repeats = int(rng.poisson(3 if cause in ("software", "transmission") else 1))
        score = (
            0.012 * duration
            + 0.0003 * subs
            + (1.2 if cause in ("hardware", "power") else -0.4)
            + rng.normal(0, 0.8)
            - 2.2
        )
        escalated = "yes" if score > 0 else "no"
        sla = "Y" if duration + rng.normal(0, 25) > 120 else "N"
        day = int(rng.integers(1, 29))
        hour = int(rng.integers(0, 24))
        rows.append(
            {
                "alarm_id": f"AL-{start + i:05d}",
                "raised_at": f"2024-{month0 + int(rng.integers(0, 3)):02d}-{day:02d} {hour:02d}:"
                f"{int(rng.integers(0, 60)):02d}",
                "site_code": f"{pick(rng, ['NTH', 'STH', 'EST', 'WST', 'MTR'])}"
                f"{int(rng.integers(100, 999))}",
                "region": pick(rng, REGIONS),
                "vendor": pick(rng, VENDORS),
                "alarm_class": pick(rng, ALARM_CLASS[cause]),
                "operator_notes": sentence(rng, ALARM_TEXT[cause], ALARM_EXTRA, 2),
                "duration_min": duration,
                "subs_affected": subs,
                "cell_load_pct": load,
                "cabinet_temp_c": temp,
                "on_battery": on_batt,
                "repeats_7d": repeats,
                "escalated_to_field": escalated,
                "sla_breach": sla,
                "root_cause": cause,
            }
        )
    return pd.DataFrame(rows)


TICKET_TEXT = {
    "outage": [
        "no signal at all since this morning",
        "network is down in my whole street",
        "cannot make or receive calls, says no service",
        "mobile data and calls gone since the storm",
        "my area shows SOS only",
    ],
    "billing": [
        "I was charged twice this month",
        "my bill is much higher than my plan",
        "please refund the roaming charges on my invoice",
        "direct debit taken on the wrong date",
        "charged for a bolt-on I never ordered",
    ],
    "slow_data": [
        "internet is really slow in the evenings",
        "4G keeps dropping to 3G and pages won't load",
        "speed test shows under 1 mbps",
        "video calls freeze, the data is so slow",
        "browsing is painfully slow at home",
    ],
    "roaming": [
        "phone does not work abroad, no network in Spain",
        "roaming was not activated before my trip",
        "cannot use data while travelling in France",
        "texts not arriving while I am overseas",
    ],
    "device": [
        "new handset will not activate the SIM",
        "eSIM profile is not downloading",
        "phone keeps restarting since the update",
        "SIM card not detected in the new phone",
    ],
}
TICKET_EXTRA = [
    "this is the second time I am contacting you",
    "please call me back",
    "very disappointed",
    "I work from home and need this fixed",
    "account holder is my husband",
    "thanks in advance",
    "already restarted the phone",
]
CATEGORIES = list(TICKET_TEXT)


def tickets(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        cat = pick(rng, CATEGORIES)
        tier = pick(rng, ["consumer", "consumer", "consumer", "business", "enterprise"])
        rows.append(
            {
                "ticket_no": f"TT{700100 + i}",
                "opened": f"2024-10-{int(rng.integers(1, 31)):02d}",
                "channel": pick(rng, ["phone", "app", "email", "shop", "chat"]),
                "customer_tier": tier,
                "region": pick(rng, REGIONS),
                "complaint": sentence(rng, TICKET_TEXT[cat], TICKET_EXTRA, 2),
                "mins_to_first_reply": int(rng.gamma(2.0, 30.0)),
                "reopened": "yes" if rng.random() < (0.3 if cat == "outage" else 0.12) else "no",
                "category": cat,
            }
        )
    return pd.DataFrame(rows)


def site_kpis(rng: np.random.Generator, n: int) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "site_code": [f"MTR{int(rng.integers(100, 999))}" for _ in range(n)],
            "day": [f"2024-11-{int(rng.integers(1, 31)):02d}" for _ in range(n)],
            "tech": [pick(rng, ["4G", "4G", "5G"]) for _ in range(n)],
            "avg_latency_ms": np.round(rng.normal(28, 5, n), 1),
            "packet_loss_pct": np.round(np.abs(rng.normal(0.4, 0.2, n)), 2),
            "drop_call_rate_pct": np.round(np.abs(rng.normal(0.8, 0.3, n)), 2),
            "rx_power_dbm": np.round(rng.normal(-62, 4, n), 1),
            "battery_v": np.round(rng.normal(53.5, 0.6, n), 2),
            "throughput_mbps": np.round(rng.normal(85, 18, n), 1),
        }
    )
    odd = rng.choice(n, size=9, replace=False)
    frame.loc[odd[0], "avg_latency_ms"] = 410.0
    frame.loc[odd[1], "packet_loss_pct"] = 23.5
    frame.loc[odd[2], "rx_power_dbm"] = -104.0
    frame.loc[odd[3], "battery_v"] = 41.2
    frame.loc[odd[4], "throughput_mbps"] = 0.3
    frame.loc[odd[5], ["avg_latency_ms", "packet_loss_pct"]] = [190.0, 9.8]
    frame.loc[odd[6], "drop_call_rate_pct"] = 14.0
    frame.loc[odd[7], "tech"] = "2G"
    frame.loc[odd[8], ["throughput_mbps", "avg_latency_ms"]] = [410.0, 2.1]
    return frame


# ----------------------------------------------------------------- language school
COMMENT = {
    "strong": [
        "confident speaker, very motivated",
        "excellent homework and active in class",
        "ready for the next level",
        "great progress in writing",
    ],
    "mid": [
        "steady progress, needs more vocabulary",
        "good attitude but grammar still shaky",
        "improving slowly, should speak more",
        "average results, attends most lessons",
    ],
    "weak": [
        "often absent and behind with homework",
        "struggles with listening tasks",
        "seems to lose motivation",
        "finds the pace too fast",
    ],
}
LEVELS = ["A1", "A2", "B1", "B2", "C1"]
COURSES = ["General English", "Business English", "IELTS prep", "Spanish evening", "German A-level"]
FIRST_LANG = ["Polish", "Arabic", "Portuguese", "Mandarin", "Spanish", "Turkish", "Ukrainian"]


def learners(rng: np.random.Generator, n: int, start: int, labelled: bool) -> pd.DataFrame:
    rows = []
    for i in range(n):
        booked = int(rng.integers(20, 61))
        attended = int(np.clip(booked - rng.poisson(6), 0, booked))
        homework = float(np.round(np.clip(rng.normal(70, 18), 0, 100), 0))
        placement = int(np.clip(rng.normal(55, 15), 5, 100))
        mock = float(np.round(np.clip(0.5 * placement + 0.4 * homework + rng.normal(0, 9), 0, 100)))
        speaking = float(np.round(np.clip(rng.normal(mock / 10, 1.3), 0, 10), 1))
        study = float(np.round(np.abs(rng.normal(3, 2)), 1))
        ability = 0.04 * mock + 0.05 * (attended / booked * 100) + 0.2 * study - 6.2
        band = "strong" if ability > 0.8 else "weak" if ability < -0.8 else "mid"
        row = {
            "learner_id": f"L{start + i:04d}",
            "age": int(np.clip(rng.normal(31, 10), 16, 72)),
            "first_language": pick(rng, FIRST_LANG),
            "course": pick(rng, COURSES),
            "level_start": pick(rng, LEVELS),
            "lessons_booked": booked,
            "lessons_attended": attended,
            "homework_pct": homework,
            "placement_score": placement,
            "mock_test_score": mock,
            "speaking_score": speaking,
            "self_study_hrs_wk": study,
            "pays_monthly": "yes" if rng.random() < 0.55 else "no",
            "teacher_comment": pick(rng, COMMENT[band]),
        }
        if labelled:
            row["passed_final"] = "yes" if ability + rng.normal(0, 0.9) > 0 else "no"
            renew = 0.8 * (row["pays_monthly"] == "yes") + 0.03 * (attended - 30) + rng.normal(0, 1)
            row["renewed_course"] = "yes" if renew > 0.3 else "no"
        rows.append(row)
    return pd.DataFrame(rows)


NOTE_TEXT = {
    "on_track": [
        "great progress this week, participates actively",
        "homework always complete and well presented",
        "spoke confidently in the group discussion",
        "vocabulary test result was excellent",
        "helps other learners, very engaged",
    ],
    "needs_help": [
        "struggles with past tenses",
        "pronunciation needs work, especially th sounds",
        "very quiet in speaking tasks",
        "mixes up prepositions a lot",
        "reading is fine but writing is weak",
    ],
    "at_risk": [
        "missed three lessons in a row",
        "has not handed in any homework this month",
        "mentioned thinking of quitting the course",
        "arrived late again and left early",
        "no reply to emails about absences",
    ],
}
NOTE_EXTRA = [
    "will check again next week",
    "discussed with the learner after class",
    "parents informed",
    "suggested the self-study centre",
    "worked in pairs today",
]
TEACHERS = ["Ms Okafor", "Mr Lindqvist", "Ms Duarte", "Mr Haddad", "Ms Novak"]
FLAGS = list(NOTE_TEXT)


def feedback(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        flag = pick(rng, FLAGS)
        rows.append(
            {
                "note_id": f"FB{3000 + i}",
                "learner_id": f"L{int(rng.integers(1, 450)):04d}",
                "teacher": pick(rng, TEACHERS),
                "week": int(rng.integers(1, 13)),
                "note": sentence(rng, NOTE_TEXT[flag], NOTE_EXTRA, 1),
                "support_flag": flag,
            }
        )
    return pd.DataFrame(rows)


def exam_scores(rng: np.random.Generator, n: int) -> pd.DataFrame:
    listening = np.clip(rng.normal(16, 4, n), 0, 25).round()
    reading = np.clip(rng.normal(17, 4, n), 0, 25).round()
    writing = np.clip(rng.normal(15, 4, n), 0, 25).round()
    speaking = np.clip(rng.normal(17, 3, n), 0, 25).round()
    frame = pd.DataFrame(
        {
            "candidate_no": [f"C{81000 + i}" for i in range(n)],
            "exam": [pick(rng, ["B1", "B2", "C1"]) for _ in range(n)],
            "centre": [pick(rng, ["Main St", "Harbour", "Online"]) for _ in range(n)],
            "listening": listening,
            "reading": reading,
            "writing": writing,
            "speaking": speaking,
            "total": listening + reading + writing + speaking,
            "minutes_used": np.clip(rng.normal(150, 15, n), 90, 180).round(),
        }
    )
    odd = rng.choice(n, size=8, replace=False)
    frame.loc[odd[0], "total"] = 12.0
    frame.loc[odd[1], "minutes_used"] = 4.0
    frame.loc[odd[2], "listening"] = 96.0
    frame.loc[odd[3], ["listening", "reading", "writing", "speaking", "total"]] = [
        25,
        25,
        25,
        25,
        100,
    ]
    frame.loc[odd[3], "minutes_used"] = 31.0
    frame.loc[odd[4], "writing"] = 0.0
    frame.loc[odd[5], "minutes_used"] = 400.0
    frame.loc[odd[6], "centre"] = "Unknown centre"
    frame.loc[odd[7], "speaking"] = -3.0
    return frame


# ----------------------------------------------------------------- orchard and cider
VARIETIES = ["Dabinett", "Kingston Black", "Yarlington Mill", "Cox", "Bramley", "Egremont Russet"]
BLOCKS = ["Top Field", "Long Row", "Pond Block", "Old Orchard"]


def harvest(rng: np.random.Generator, n: int, start: int, year: int, labelled: bool):
    rows = []
    for i in range(n):
        variety = pick(rng, VARIETIES)
        cider_type = variety in ("Dabinett", "Kingston Black", "Yarlington Mill")
        brix = float(np.round(rng.normal(13.5 if cider_type else 12.0, 1.2), 1))
        acid = float(np.round(rng.normal(4.5 if cider_type else 7.5, 1.3), 2))
        starch = int(np.clip(rng.normal(5.5, 1.8), 1, 10))
        firm = float(np.round(rng.normal(7.8, 1.1), 1))
        fruit_g = int(rng.normal(120 if cider_type else 175, 25))
        hail = pick(rng, ["none", "none", "none", "light", "heavy"])
        bruise = float(np.round(np.clip(rng.normal(6 if hail == "none" else 14, 5), 0, 60), 1))
        row = {
            "bin_id": f"B{year % 100}-{start + i:04d}",
            "block": pick(rng, BLOCKS),
            "variety": variety,
            "pick_date": f"{year}-{int(rng.integers(9, 11)):02d}-{int(rng.integers(1, 29)):02d}",
            "picker_team": pick(rng, ["A", "B", "C"]),
            "brix": brix,
            "acidity_g_l": acid,
            "starch_index": starch,
            "firmness_kg": firm,
            "avg_fruit_g": fruit_g,
            "bin_weight_kg": int(rng.normal(320, 25)),
            "hail_marks": hail,
            "bruise_pct": bruise,
        }
        if labelled:
            if bruise > 15 or fruit_g < 95 or (cider_type and rng.random() < 0.8):
                grade = "cider"
            elif bruise > 9 or firm < 6.8:
                grade = "juice"
            else:
                grade = "dessert"
            if rng.random() < 0.07:
                grade = pick(rng, ["cider", "juice", "dessert"])
            row["grade"] = grade
            soft = firm < 7.2 and starch > 6 or rng.random() < 0.1
            row["went_soft_in_store"] = "yes" if soft else "no"
        rows.append(row)
    return pd.DataFrame(rows)


TASTING = {
    "bottle": [
        "clean and crisp with ripe apple",
        "bright acidity and a good tannin backbone",
        "lovely balance, long dry finish",
        "bittersweet, smooth and full bodied",
        "floral nose, lively mousse",
    ],
    "blend_away": [
        "a bit thin on the palate",
        "too sharp to stand on its own",
        "lacks body, useful for blending",
        "short finish and slightly dull",
        "hard tannins, needs softening with another batch",
    ],
    "dump": [
        "mousy off-flavour on the finish",
        "acetic, vinegar on the nose",
        "sulphur and rotten egg smell",
        "ropey, oily texture",
        "mouldy cardboard taste, cork-like",
    ],
}
TASTING_EXTRA = [
    "tasted by the panel of four",
    "pale gold colour",
    "served slightly chilled",
    "check again in a month",
    "second tasting agreed",
]
VERDICTS = list(TASTING)


def batches(rng: np.random.Generator, n: int, start: int, labelled: bool) -> pd.DataFrame:
    rows = []
    for i in range(n):
        verdict = pick(rng, VERDICTS)
        og = float(np.round(rng.normal(1.055, 0.006), 3))
        fg = float(np.round(rng.normal(1.002, 0.003), 3))
        row = {
            "batch_no": f"CB{start + i}",
            "blend": pick(
                rng, ["Dabinett single", "Kingston Black single", "house blend", "Cox & Bramley"]
            ),
            "vessel": pick(rng, ["steel tank 1", "steel tank 2", "oak barrel", "IBC"]),
            "og": og,
            "fg": fg,
            "abv": float(np.round((og - fg) * 131.25, 1)),
            "ph": float(np.round(rng.normal(3.6 if verdict != "dump" else 3.9, 0.2), 2)),
            "ferment_days": int(rng.integers(14, 60)),
            "ferment_temp_c": float(np.round(rng.normal(14 if verdict != "dump" else 19, 2.5), 1)),
            "yeast": pick(rng, ["wild", "EC-1118", "SafCider", "wild"]),
            "so2_ppm": int(rng.normal(40 if verdict != "dump" else 20, 10)),
            "tasting_notes": sentence(rng, TASTING[verdict], TASTING_EXTRA, 1)
            if labelled or rng.random() < 0.9
            else "",
        }
        if labelled:
            row["verdict"] = verdict
            row["award_entry"] = "yes" if verdict == "bottle" and rng.random() < 0.4 else "no"
        rows.append(row)
    return pd.DataFrame(rows)


def press_log(rng: np.random.Generator, n: int) -> pd.DataFrame:
    apples = rng.normal(900, 120, n).round()
    yield_pct = np.clip(rng.normal(68, 4, n), 50, 80).round(1)
    frame = pd.DataFrame(
        {
            "press_run": [f"PR{i + 1:03d}" for i in range(n)],
            "date": [
                f"2024-{int(rng.integers(9, 12)):02d}-{int(rng.integers(1, 29)):02d}"
                for _ in range(n)
            ],
            "fruit_mix": [
                pick(rng, ["bittersweet", "sharp", "dessert", "mixed"]) for _ in range(n)
            ],
            "apples_kg": apples,
            "juice_l": (apples * yield_pct / 100).round(),
            "yield_pct": yield_pct,
            "brix": rng.normal(12.8, 1.0, n).round(1),
            "ph": rng.normal(3.7, 0.15, n).round(2),
            "press_minutes": rng.normal(45, 6, n).round(),
        }
    )
    odd = rng.choice(n, size=6, replace=False)
    frame.loc[odd[0], "yield_pct"] = 97.0
    frame.loc[odd[1], "ph"] = 6.1
    frame.loc[odd[2], "juice_l"] = 2400.0
    frame.loc[odd[3], "press_minutes"] = 300.0
    frame.loc[odd[4], ["brix", "fruit_mix"]] = [3.2, "dessert"]
    frame.loc[odd[5], "apples_kg"] = 12.0
    return frame


# ----------------------------------------------------------------- documents
DOCS = {
    "docs/noc/fibre_cut_runbook.md": """# Fibre cut runbook

## Detecting a fibre cut

A fibre cut is a physical break in an optical cable on the transport network. When several
sites on the same ring raise LOS alarms within five minutes, the shift lead treats it as a
suspected fibre cut. The OTDR trace measures the distance from the exchange to the break.

## First thirty minutes

If more than 20 sites are down, the NOC opens a major incident and pages the transmission
on-call engineer. The duty manager informs the customer care team within 15 minutes so that
the status page can be updated. Traffic is rerouted over the microwave protection path when
one exists.

## Field dispatch

The field team is dispatched with a splicing kit and a spare 48-core cable drum. A temporary
splice restores service before the permanent repair, which is scheduled in the next
maintenance window. Every fibre cut is closed with a root cause code and photos of the repair.
""",
    "docs/noc/escalation_matrix.md": """# Escalation matrix

## Severity levels

Severity 1 means a total outage affecting more than 10,000 subscribers or any hospital or
emergency-services site. Severity 2 means a partial outage or a degraded service for more
than 1,000 subscribers. Severity 3 covers single-cell faults with neighbour coverage.

## Who is called

For Severity 1 the NOC calls the duty manager immediately and the head of operations after
30 minutes. For Severity 2 the NOC escalates to the regional field supervisor after one hour
without restoration. Severity 3 faults are handled in the normal ticket queue.

## SLA clock

The SLA clock starts when the first alarm is raised, not when the ticket is opened. An SLA
breach occurs when restoration takes longer than 4 hours for Severity 1 or 8 hours for
Severity 2. Breaches are reviewed every Monday in the service review meeting.
""",
    "docs/noc/shift_handover_notes.txt": """Shift handover notes, night shift, 14 November

The night shift handled 212 alarms, of which 9 were escalated to field teams. Site MTR417
remained on battery power for three hours because the genset failed to start; the landlord
has been asked for access tomorrow morning.

The microwave hop between EST210 and the East hub showed high bit error rates during heavy
rain. Because the hop has no protection path, customers in the village lost data for 40
minutes. The transmission team will realign the dish on Friday.

The software upgrade on the Nokia controllers was rolled back at 03:10 after two cells failed
to come on air. The vendor ticket reference is NK-55812 and the next attempt is planned for
the following Tuesday.
""",
    "docs/school/student_handbook.md": """# Student handbook

## Attendance

Learners are expected to attend at least 80 percent of their booked lessons. If a learner
misses three lessons in a row, the course coordinator contacts them by phone. Absences for
illness should be reported before 9 am on the day of the lesson.

## Levels and progression

The school uses the Common European Framework levels A1 to C1. A learner moves to the next
level when the mock test score is at least 65 and the teacher agrees. Placement tests are
taken online before the first lesson and take about 40 minutes.

## Fees and refunds

Monthly payers can cancel with four weeks' notice. A refund is given for unused lessons when a
learner leaves for medical reasons. Course books are included in the fee for General English
but not for exam preparation courses.
""",
    "docs/school/exam_rules.md": """# Exam day rules

## Before the exam

Candidates must bring a photo ID that matches their registration. The doors close 15 minutes
before the written papers start, and late candidates cannot enter the listening paper.

## During the exam

Mobile phones are switched off and left in the bags at the front of the room. If a candidate
feels unwell, an invigilator accompanies them outside and notes the time on the seating plan.
Each paper is marked out of 25, so the total score is out of 100.

## Results

Results are released to candidates three weeks after the exam. A candidate who disagrees with
a mark can request a remark within 14 days, which costs 35 pounds and is refunded if the grade
changes.
""",
    "docs/school/teacher_guide.txt": """Guide for new teachers

Every lesson plan includes a warm-up, a main task and a short feedback stage. Teachers write a
short progress note for each learner every week; the note should describe what the learner
did, not only how they felt.

A learner is flagged as needing support when the same difficulty appears in two consecutive
notes. A learner is flagged as at risk when they miss lessons repeatedly or say they want to
leave. The director of studies reviews all at-risk flags on Thursday afternoons.

Cover lessons are arranged through the staff room rota. When a teacher is ill, they send the
lesson materials to the coordinator before 8 am so that the cover teacher can prepare.
""",
    "docs/cider/cellar_handbook.md": """# Cellar handbook

## Pressing

Apples are washed, milled and pressed on the day they are picked or within two days of
sweating in the barn. The juice yield is normally between 60 and 75 percent of the fruit
weight. A yield above 80 percent usually means the scale was not tared.

## Fermentation

Fermentation is the conversion of apple sugars into alcohol by yeast. Wild ferments are left
at cellar temperature, while cultured yeast batches are kept between 12 and 16 degrees. If
the temperature rises above 20 degrees, off-flavours such as sulphur become more likely.

## Faults

Mousiness is a fault caused by lactic bacteria that gives a cracker-like aftertaste. Acetic
spoilage happens when oxygen reaches the cider and turns alcohol into vinegar. A batch with a
pH above 3.8 is at higher risk of spoilage, so sulphite is added at pressing.

## Bottling

A batch is bottled when the tasting panel approves it and the gravity has been stable for a
week. Bottle-conditioned cider gets a small dose of sugar before capping.
""",
    "docs/cider/orchard_calendar.md": """# Orchard calendar

## Winter

Pruning of standard trees is done between December and February. Winter wash is applied to
the old orchard when aphid eggs were counted above the threshold in autumn.

## Spring

Blossom is protected from frost with fleece on the young trees in Pond Block. Bees from two
hives are moved into the Long Row when the first blossom opens.

## Harvest

Harvest starts with early dessert varieties such as Cox in September and ends with late
bittersweets such as Dabinett in November. Fruit is picked when the starch index reaches 6
and the seeds are brown. Bins are labelled with the block, variety and picking team so that
quality can be traced back to the trees.
""",
}


RULES = {
    "ticket_rules.json": [
        {
            "name": "no_signal",
            "label": "outage",
            "kind": "keyword",
            "column": "complaint",
            "keywords": ["no signal", "no service", "network is down", "SOS"],
        },
        {
            "name": "charged",
            "label": "billing",
            "kind": "keyword",
            "column": "complaint",
            "keywords": ["charged", "bill", "refund", "invoice", "direct debit"],
        },
        {
            "name": "slow",
            "label": "slow_data",
            "kind": "keyword",
            "column": "complaint",
            "keywords": ["slow", "mbps", "freeze"],
        },
        {
            "name": "abroad",
            "label": "roaming",
            "kind": "keyword",
            "column": "complaint",
            "keywords": ["abroad", "roaming", "overseas", "travelling"],
        },
        {
            "name": "handset",
            "label": "device",
            "kind": "keyword",
            "column": "complaint",
            "keywords": ["handset", "esim", "SIM card", "restarting"],
        },
    ],
    "feedback_rules.json": [
        {
            "name": "praise",
            "label": "on_track",
            "kind": "keyword",
            "column": "note",
            "keywords": ["great progress", "excellent", "confidently", "engaged"],
        },
        {
            "name": "struggles",
            "label": "needs_help",
            "kind": "keyword",
            "column": "note",
            "keywords": ["struggles", "needs work", "quiet", "weak", "mixes up"],
        },
        {
            "name": "absent",
            "label": "at_risk",
            "kind": "regex",
            "column": "note",
            "pattern": "missed|quitting|no reply|late again|not handed in",
            "ignore_case": True,
        },
    ],
    "tasting_rules.json": [
        {
            "name": "praise_words",
            "label": "bottle",
            "kind": "keyword",
            "column": "tasting_notes",
            "keywords": ["crisp", "lovely", "smooth", "lively", "balance"],
        },
        {
            "name": "thin_or_sharp",
            "label": "blend_away",
            "kind": "keyword",
            "column": "tasting_notes",
            "keywords": ["thin", "too sharp", "lacks body", "dull"],
        },
        {
            "name": "faults",
            "label": "dump",
            "kind": "keyword",
            "column": "tasting_notes",
            "keywords": ["mousy", "acetic", "vinegar", "rotten egg", "ropey", "mouldy"],
        },
        {
            "name": "warm_ferment",
            "label": "dump",
            "kind": "threshold",
            "column": "ferment_temp_c",
            "op": ">",
            "value": 20,
        },
    ],
}


def blank_out(rng: np.random.Generator, frame: pd.DataFrame, column: str, keep: float) -> None:
    """Keep `keep` of the column's cells, blank the rest (a partly hand-labelled column)."""
    mask = rng.random(len(frame)) >= keep
    frame[column] = frame[column].astype(object)
    frame.loc[mask, column] = ""


def main(out: Path) -> None:
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)

    # NOC
    train = alarms(rng, 600, 10001, 7)
    gold_ids = train.sample(110, random_state=SEED)[["alarm_id", "root_cause"]]
    blank_out(rng, train, "root_cause", 0.15)
    save(train, out / "alarms_q3.csv")
    save(gold_ids.rename(columns={"root_cause": "confirmed_cause"}), out / "rootcause_review.csv")
    save(alarms(rng, 200, 20001, 10), out / "alarms_q4_holdout.csv")
    live = alarms(rng, 120, 30001, 12).drop(
        columns=["escalated_to_field", "sla_breach", "root_cause"]
    )
    save(live, out / "alarms_live.csv")
    tk = tickets(rng, 520)
    gold = tk.sample(100, random_state=SEED + 1)[["ticket_no", "category"]]
    blank_out(rng, tk, "category", 0.12)
    save(tk, out / "trouble_tickets.csv")
    save(gold.rename(columns={"category": "agreed_category"}), out / "ticket_categories_gold.csv")
    save(site_kpis(rng, 400), out / "site_kpis_nov.csv")

    # School
    save(learners(rng, 450, 1, True), out / "learners_2023.csv")
    save(learners(rng, 150, 2001, True), out / "learners_2024_test.csv")
    save(learners(rng, 80, 3001, False), out / "new_intake_jan.csv")
    fb = feedback(rng, 420)
    fb_gold = fb.sample(90, random_state=SEED + 2)[["note_id", "support_flag"]]
    blank_out(rng, fb, "support_flag", 0.15)
    save(fb, out / "teacher_feedback.csv")
    save(fb_gold, out / "feedback_handlabels.csv")
    save(exam_scores(rng, 300), out / "exam_results_spring.csv")

    # Orchard and cider
    save(harvest(rng, 500, 1, 2024, True), out / "harvest_log_2024.csv")
    save(harvest(rng, 160, 1, 2023, True), out / "harvest_2023_graded.csv")
    save(harvest(rng, 70, 501, 2024, False), out / "bins_waiting.csv")
    cb = batches(rng, 320, 1001, True)
    cb_gold = cb.sample(75, random_state=SEED + 3)[["batch_no", "verdict"]]
    blank_out(rng, cb, "verdict", 0.2)
    save(cb, out / "cider_batches.csv")
    save(cb_gold.rename(columns={"verdict": "panel_verdict"}), out / "tasting_panel_gold.csv")
    save(batches(rng, 100, 2001, True), out / "cider_batches_2023.csv")
    save(batches(rng, 40, 3001, False), out / "batches_in_tank.csv")
    save(press_log(rng, 260), out / "press_log.csv")

    for name, text in DOCS.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, rules in RULES.items():
        (out / name).write_text(json.dumps(rules, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
