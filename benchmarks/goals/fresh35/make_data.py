"""Write the fresh35 corpus's files: a recycling plant and a network of piano teachers.

Run: python make_data.py DIR   (deterministic, offline, well under 3 MB)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 35


def _write(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n")


# ----- materials-recovery plant ---------------------------------------------------------------
REMARKS = {
    "clean": [
        "load looks clean, only a few labels and caps",
        "good quality bales, minimal film",
        "clean PET, bottles mostly empty and crushed",
        "acceptable, tiny bit of paper mixed in",
        "nice clean OCC, dry and flat",
        "no visible contamination, well sorted at source",
    ],
    "moderate": [
        "some plastic film and bags wrapped around bottles",
        "food residue in several containers, wet cardboard on top",
        "moderate amount of glass shards in the paper",
        "textiles and a few shoes mixed in, needs picking",
        "coffee cups and greasy pizza boxes seen",
        "mixed plastics in the can stream, some tetra paks",
    ],
    "heavy": [
        "heavy contamination - nappies and food waste throughout",
        "hazardous: gas canister and lithium batteries found, load stopped",
        "black bags of general waste dumped in, reject",
        "soaked with liquid, smell of rot, garden waste and soil",
        "medical sharps found, load quarantined",
        "more than half residual waste, hoses and cables tangled",
    ],
}
STREAMS = ["PET", "HDPE", "OCC", "mixed paper", "aluminium cans", "steel cans", "mixed plastics"]
SUPPLIERS = [
    "Northvale Council",
    "Brightwater Waste",
    "Kessel Collections",
    "Ormsby Depot",
    "GreenLoop Ltd",
    "Farrow Street Market",
]


def inspections(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    grades = rng.choice(["clean", "moderate", "heavy"], size=n, p=[0.5, 0.32, 0.18])
    rows = []
    for i, grade in enumerate(grades):
        remark = rng.choice(REMARKS[grade])
        if rng.random() < 0.25:
            other = rng.choice(["clean", "moderate", "heavy"])
            remark += "; also " + rng.choice(REMARKS[other]).split(",")[0]
        base = {"clean": 2.0, "moderate": 9.0, "heavy": 24.0}[grade]
        contam = float(np.clip(rng.normal(base, base * 0.35), 0.2, 80))
        rows.append(
            {
                "inspection_id": f"INS-{start + i:05d}",
                "inspection_date": str(
                    pd.Timestamp("2026-03-02") + pd.Timedelta(days=int(rng.integers(0, 200)))
                )[:10],
                "supplier": rng.choice(SUPPLIERS),
                "material_stream": rng.choice(STREAMS),
                "inspector": rng.choice(["R. Okafor", "J. Lindqvist", "M. Patel", "S. Duarte"]),
                "inspector_remarks": remark,
                "load_weight_kg": round(float(rng.normal(7800, 1500)), 0),
                "visual_contam_pct": round(contam, 1),
                "moisture_pct": round(float(np.clip(rng.normal(12 + base / 3, 4), 2, 60)), 1),
                "contamination_grade": grade,
                "load_rejected": "yes" if grade == "heavy" and rng.random() < 0.8 else "no",
                "charge_back_gbp": round(contam * float(rng.uniform(4, 9)), 2)
                if grade != "clean"
                else 0.0,
            }
        )
    return pd.DataFrame(rows)


def bales(rng: np.random.Generator, n: int = 420) -> pd.DataFrame:
    material = rng.choice(STREAMS[:6], size=n)
    target = {
        "PET": 310,
        "HDPE": 290,
        "OCC": 520,
        "mixed paper": 560,
        "aluminium cans": 260,
        "steel cans": 480,
    }
    kg = np.array([rng.normal(target[m], 25) for m in material])
    odd = rng.choice(n, size=9, replace=False)
    kg[odd] = kg[odd] * rng.choice([0.35, 2.6], size=9)
    density = kg / rng.normal(1.35, 0.05, size=n)
    grade = np.where(kg < np.array([target[m] for m in material]) - 30, "B", "A")
    return pd.DataFrame(
        {
            "bale_no": [f"B{26000 + i}" for i in range(n)],
            "baled_at": [
                str(pd.Timestamp("2026-05-01 06:00") + pd.Timedelta(minutes=int(37 * i)))
                for i in range(n)
            ],
            "baler": rng.choice(["Baler 1", "Baler 2"], size=n),
            "material": material,
            "bale_kg": kg.round(1),
            "density_kg_m3": density.round(1),
            "wire_ties": rng.choice([4, 5, 6], size=n),
            "operator": rng.choice(["Tomasz", "Aisha", "Dev", "Marguerite"], size=n),
            "bale_grade": grade,
        }
    )


def sensors(rng: np.random.Generator, n: int = 900) -> pd.DataFrame:
    conveyor = rng.choice(["C1-infeed", "C2-presort", "C3-optical", "C4-baler-feed"], size=n)
    speed = rng.normal(1.8, 0.08, size=n)
    current = rng.normal(42, 3, size=n)
    vib = np.abs(rng.normal(2.1, 0.4, size=n))
    temp = rng.normal(48, 3.5, size=n)
    load = np.abs(rng.normal(35, 6, size=n))
    spikes = rng.choice(n, size=14, replace=False)
    current[spikes[:5]] *= 2.4
    vib[spikes[5:10]] *= 6
    temp[spikes[10:]] += 38
    return pd.DataFrame(
        {
            "reading_id": [f"R{i:05d}" for i in range(n)],
            "logged_at": [
                str(pd.Timestamp("2026-06-10 05:00") + pd.Timedelta(seconds=int(60 * i)))
                for i in range(n)
            ],
            "conveyor": conveyor,
            "belt_speed_mps": speed.round(3),
            "motor_current_a": current.round(2),
            "vibration_mm_s": vib.round(2),
            "bearing_temp_c": temp.round(1),
            "load_kg_per_m": load.round(1),
        }
    )


CONTAM_RULES = [
    {
        "name": "hazard_words",
        "label": "heavy",
        "kind": "keyword",
        "column": "inspector_remarks",
        "keywords": ["hazardous", "batteries", "sharps", "quarantined", "nappies", "reject"],
    },
    {
        "name": "general_waste",
        "label": "heavy",
        "kind": "keyword",
        "column": "inspector_remarks",
        "keywords": ["general waste", "black bags", "residual waste"],
    },
    {
        "name": "film_food",
        "label": "moderate",
        "kind": "keyword",
        "column": "inspector_remarks",
        "keywords": ["film", "food residue", "glass", "textiles", "greasy"],
    },
    {
        "name": "clean_words",
        "label": "clean",
        "kind": "keyword",
        "column": "inspector_remarks",
        "keywords": ["clean", "good quality", "no visible contamination"],
    },
    {
        "name": "high_visual_pct",
        "label": "heavy",
        "kind": "threshold",
        "column": "visual_contam_pct",
        "op": ">",
        "value": 18,
    },
    {
        "name": "low_visual_pct",
        "label": "clean",
        "kind": "threshold",
        "column": "visual_contam_pct",
        "op": "<",
        "value": 4,
    },
]

SAFETY_MANUAL = """# Riverside MRF - Site Safety Manual (rev 7)

## 1. Scope
This manual applies to everyone working on the tipping floor, the picking cabins, the baler
area and the yard at the Riverside materials recovery facility, including agency pickers and
visiting drivers.

## 2. Personal protective equipment
Hi-vis vest, safety boots with midsole protection, cut-resistant gloves (level D minimum) and
ear defenders are mandatory beyond the yellow line. Pickers handling the mixed plastics line
must also wear sleeve guards. Eye protection is required when the glass breaker runs.

## 3. Lockout / tagout
No one may clear a jam on a conveyor, the optical sorter or the baler without isolating the
machine at the main isolator, fitting their personal padlock and tag, and testing for zero
energy by pressing the start button. Each person working on the machine fits their own lock.
Keys are never lent. A supervisor removes an abandoned lock only after a documented search.

## 4. Hazardous items found in loads
Lithium batteries, gas canisters and sharps are the three items most often found. Stop the
line with the nearest pull-cord, do not touch sharps by hand, use the tongs and the yellow
sharps bin at cabin 2. Batteries go into the sand-filled steel drum by the fire point. Report
every find on form H3 within the shift; the load is logged as heavily contaminated.

## 5. Fire
The tipping floor has thermal cameras that alarm above 70 C. On an alarm, the loader driver
spreads the pile, and the shift lead decides whether to call the fire service. Fire hoses are
charged at all times; extinguishers are checked monthly.

## 6. Vehicle movements
Pedestrians stay in the marked walkways. Loaders have right of way on the tipping floor.
Reversing HGVs are guided by a trained banksman only. Speed limit in the yard is 10 km/h.
"""

LOTO = """# Conveyor jams and lockout - quick card

1. Pull the nearest emergency cord; tell the cabin lead on channel 2.
2. Isolate at the MCC panel (C1-C4 each have their own isolator, labelled in red).
3. Fit your own padlock and tag with your name and the time.
4. Try the start button - nothing must move. Check the belt has stopped coasting.
5. Clear the jam with the hook, never with hands near the tail pulley.
6. Remove your lock only when everybody's tools are out; the last lock off restarts.

Common jams: film wrapped around the star screens (clear every 2 hours), cardboard bridging at
the C2 transfer, cans stuck in the eddy current separator chute.
Motor current above 90 A or bearing temperatures above 80 C mean stop and call maintenance.
"""

QA_CHECKLIST = """Inbound load inspection procedure (QA team)

Every tenth load from each supplier, and every load from a new supplier, is inspected on the
tipping floor before it enters the infeed. The inspector photographs the load, estimates the
visual contamination percentage and writes a remark.

Grades: clean means below 5 percent contamination and nothing hazardous; moderate means 5 to
15 percent, or film, food residue or textiles present; heavy means above 15 percent or any
hazardous item (batteries, sharps, gas canisters, clinical waste).

Heavy loads are rejected if the contract allows it; otherwise a charge-back is raised at the
rate in schedule B. The supplier is notified by email within 24 hours with the photos.
Disputes go to the site manager, who may ask for a second inspection within 48 hours.
"""


# ----- piano teachers ---------------------------------------------------------------------------
NOTES = {
    "on_track": [
        "practised every day this week, scales much more even",
        "good progress on the Clementi sonatina, tempo steady",
        "sight reading improving, confident with both hands",
        "learned the new piece quickly, pedalling clean",
        "very focused lesson, dynamics are getting there",
    ],
    "needs_support": [
        "hardly any practice again, struggling with left hand",
        "forgot the book, seemed tired and frustrated",
        "keeps rushing, finger numbers all over the place",
        "parent says no piano at home this month, fell behind",
        "anxious about playing in front of others, stopped twice",
    ],
    "exam_ready": [
        "all three pieces polished, ready to enter for the exam",
        "aural tests solid, scales from memory at speed - enter her",
        "mock exam went really well, would get merit or better",
        "pieces performance ready, just needs sight reading practice",
    ],
}
TEACHERS = ["Ms Haverford", "Mr Adeyemi", "Mrs Kowalczyk", "Ms Tanaka", "Mr Ruiz", "Mme Giraud"]


def progress_notes(rng: np.random.Generator, n: int = 520) -> pd.DataFrame:
    flags = rng.choice(list(NOTES), size=n, p=[0.5, 0.3, 0.2])
    rows = []
    for i, flag in enumerate(flags):
        note = rng.choice(NOTES[flag])
        if rng.random() < 0.2:
            note += ", " + rng.choice(NOTES[rng.choice(list(NOTES))])
        mins = {"on_track": 140, "needs_support": 45, "exam_ready": 210}[flag]
        rows.append(
            {
                "note_id": f"PN{i + 1:04d}",
                "student_id": f"S{int(rng.integers(100, 260))}",
                "teacher": rng.choice(TEACHERS),
                "lesson_date": str(
                    pd.Timestamp("2026-01-12") + pd.Timedelta(days=int(rng.integers(0, 150)))
                )[:10],
                "current_grade": int(rng.integers(1, 8)),
                "lesson_note": note,
                "practice_mins_week": int(max(0, rng.normal(mins, 35))),
                "progress_flag": flag if rng.random() < 0.3 else "",
            }
        )
    return pd.DataFrame(rows)


def attendance(rng: np.random.Generator, n: int, start: int, with_outcome: bool) -> pd.DataFrame:
    booked = rng.integers(8, 13, size=n)
    attended = np.minimum(booked, rng.binomial(booked, rng.uniform(0.55, 1.0, size=n)))
    late = rng.poisson(0.8, size=n)
    no_show = booked - attended - np.minimum(late, booked - attended)
    age = rng.integers(6, 70, size=n)
    home = rng.choice(["acoustic", "digital", "none"], size=n, p=[0.45, 0.45, 0.1])
    risk = (1 - attended / booked) * 3 + (home == "none") * 1.2 + late * 0.2 - 0.9
    drop = rng.random(size=n) < 1 / (1 + np.exp(-3 * risk))
    frame = pd.DataFrame(
        {
            "student_id": [f"S{start + i}" for i in range(n)],
            "term": rng.choice(["spring-26", "summer-26"], size=n),
            "teacher": rng.choice(TEACHERS, size=n),
            "age": age,
            "lesson_length_min": rng.choice([30, 45, 60], size=n),
            "instrument_at_home": home,
            "lessons_booked": booked,
            "lessons_attended": attended,
            "late_cancellations": late,
            "missed_no_notice": no_show,
            "fees_overdue": rng.choice(["yes", "no"], size=n, p=[0.15, 0.85]),
        }
    )
    if with_outcome:
        frame["dropped_out"] = np.where(drop, "yes", "no")
        frame["reenrolled_next_term"] = np.where(drop | (rng.random(size=n) < 0.1), "no", "yes")
    return frame


COMMENTS = {
    "pass": [
        "secure but cautious performance",
        "some slips in scales, recovered well",
        "pieces accurate, little sense of character",
        "sight reading hesitant",
    ],
    "merit": [
        "musical playing with good control",
        "confident scales, nice tone",
        "expressive slow piece, minor slips in the study",
    ],
    "distinction": [
        "outstanding, polished and stylish",
        "beautifully shaped phrasing throughout",
        "assured and exciting performance, flawless aural",
    ],
    "fail": ["not ready, many stops in pieces", "scales incomplete, lost in sight reading"],
}


def exams(rng: np.random.Generator, n: int, start: int, fill: float | None) -> pd.DataFrame:
    result = rng.choice(list(COMMENTS), size=n, p=[0.42, 0.3, 0.16, 0.12])
    base = {"fail": 90, "pass": 108, "merit": 124, "distinction": 136}
    rows = []
    for i, res in enumerate(result):
        total = int(np.clip(rng.normal(base[res], 4), 60, 150))
        parts = rng.dirichlet([6, 2, 1.3, 1.3]) * total
        grade_val = res if fill is None or rng.random() < fill else ""
        rows.append(
            {
                "candidate_no": f"C{start + i:05d}",
                "student_id": f"S{int(rng.integers(100, 400))}",
                "teacher": rng.choice(TEACHERS),
                "exam_board": rng.choice(["ABRSM", "Trinity", "LCM"]),
                "exam_grade": int(rng.integers(1, 9)),
                "pieces_mark": round(float(parts[0]), 1),
                "scales_mark": round(float(parts[1]), 1),
                "sight_reading_mark": round(float(parts[2]), 1),
                "aural_mark": round(float(parts[3]), 1),
                "total_mark": total,
                "examiner_comment": rng.choice(COMMENTS[res]),
                "passed": "no" if res == "fail" else "yes",
                "result_band": grade_val,
            }
        )
    frame = pd.DataFrame(rows)
    if fill == 0.0:
        frame = frame.drop(columns=["passed", "result_band"])
    return frame


EXAM_RULES = [
    {
        "name": "distinction_words",
        "label": "distinction",
        "kind": "keyword",
        "column": "examiner_comment",
        "keywords": ["outstanding", "beautifully", "flawless"],
    },
    {
        "name": "merit_words",
        "label": "merit",
        "kind": "keyword",
        "column": "examiner_comment",
        "keywords": ["musical", "confident", "expressive"],
    },
    {
        "name": "pass_words",
        "label": "pass",
        "kind": "keyword",
        "column": "examiner_comment",
        "keywords": ["secure", "cautious", "hesitant", "slips"],
    },
    {
        "name": "fail_words",
        "label": "fail",
        "kind": "keyword",
        "column": "examiner_comment",
        "keywords": ["not ready", "incomplete"],
    },
    {
        "name": "high_total",
        "label": "distinction",
        "kind": "threshold",
        "column": "total_mark",
        "op": ">=",
        "value": 130,
    },
    {
        "name": "low_total",
        "label": "fail",
        "kind": "threshold",
        "column": "total_mark",
        "op": "<",
        "value": 100,
    },
]

HANDBOOK = """# Keys & Co. Teachers' Handbook

## Lessons and attendance
Lessons are booked by term. A student who cancels with less than 24 hours' notice is marked as a
late cancellation and the lesson is not refunded. Two missed lessons without notice in a term
means the teacher calls the parent or the adult student. Make-up lessons are offered only for
illness with a note, at most two per term.

## Progress notes
Write a short note after every lesson: what was practised, what improved, and the homework.
Flag a student as needing support when practice falls under an hour a week for three weeks,
or when they seem anxious or frustrated. Flag them as exam ready only after a mock exam.

## Exam entries
Entries close six weeks before the session. The teacher checks that the student can play all
three pieces, the required scales and arpeggios from memory, and has practised sight reading
and aural tests. Fees are paid by the family to the network, not to the teacher.

## Results
Pass is 100 marks out of 150, merit 120 and distinction 130. Results go into the shared exam
spreadsheet within a week of the certificate arriving.
"""

SYLLABUS = """Exam preparation guide for parents

What happens in a graded piano exam? The candidate plays three pieces (one from each list),
scales and arpeggios chosen by the examiner, a short sight-reading test, and aural tests
(clapping, singing back, recognising cadences). The pieces carry 90 of the 150 marks.

How much practice? For grades 1 to 3, twenty minutes a day; for grades 4 to 5, forty minutes;
grades 6 and above need an hour most days. Short daily practice is better than one long session.

What if my child is nervous? Teachers hold a mock exam about three weeks before. Playing to
family members helps. Examiners are friendly and expect a few slips.

Certificates arrive by post four to six weeks after the exam. A student who fails may re-enter
at the next session; the teacher will suggest which sections to work on.
"""


def main(out: str) -> None:
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)

    pool = inspections(rng, 600, 1)
    pool.loc[rng.random(len(pool)) > 0.25, "contamination_grade"] = ""
    _write(pool, root / "contamination_inspections.csv")
    _write(inspections(rng, 200, 5001), root / "inspections_test.csv")
    new = inspections(rng, 80, 8001).drop(
        columns=["contamination_grade", "load_rejected", "charge_back_gbp"]
    )
    _write(new, root / "inspections_new.csv")
    filled = pool[pool["contamination_grade"] == ""].head(90)
    truth = inspections(np.random.default_rng(SEED), 600, 1).set_index("inspection_id")
    gold = pd.DataFrame(
        {
            "inspection_id": filled["inspection_id"].to_numpy(),
            "qa_grade": truth.loc[filled["inspection_id"], "contamination_grade"].to_numpy(),
            "checked_by": "QA lead",
        }
    )
    _write(gold, root / "inspection_handgrades.csv")
    _write(bales(rng), root / "bale_weights.csv")
    _write(sensors(rng), root / "conveyor_sensor_log.csv")
    (root / "contamination_rules.json").write_text(json.dumps(CONTAM_RULES, indent=2) + "\n")
    docs = root / "safety"
    docs.mkdir(exist_ok=True)
    (docs / "site_safety_manual.md").write_text(SAFETY_MANUAL)
    (docs / "lockout_quick_card.md").write_text(LOTO)
    (docs / "inspection_procedure.txt").write_text(QA_CHECKLIST)

    _write(progress_notes(rng), root / "lesson_progress_notes.csv")
    _write(attendance(rng, 360, 100, True), root / "attendance_spring_summer.csv")
    _write(attendance(rng, 60, 700, False), root / "attendance_new_students.csv")
    exam_pool = exams(rng, 450, 1, 0.3)
    _write(exam_pool, root / "exam_results.csv")
    _write(exams(rng, 150, 3001, None), root / "exam_results_test.csv")
    _write(exams(rng, 70, 6001, 0.0), root / "exam_entries_autumn.csv")
    blank = exam_pool[exam_pool["result_band"] == ""].head(80)
    marks = blank["total_mark"].to_numpy()
    band = np.select(
        [marks >= 130, marks >= 120, marks >= 100], ["distinction", "merit", "pass"], "fail"
    )
    _write(
        pd.DataFrame(
            {"candidate_no": blank["candidate_no"].to_numpy(), "certificate_result": band}
        ),
        root / "exam_gold.csv",
    )
    (root / "exam_comment_rules.json").write_text(json.dumps(EXAM_RULES, indent=2) + "\n")
    pdocs = root / "piano_docs"
    pdocs.mkdir(exist_ok=True)
    (pdocs / "teachers_handbook.md").write_text(HANDBOOK)
    (pdocs / "exam_guide_for_parents.txt").write_text(SYLLABUS)


if __name__ == "__main__":
    main(sys.argv[1])
