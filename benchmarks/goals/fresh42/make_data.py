"""Write the fresh42 corpus's files into DIR: `python make_data.py DIR`.

Four groups of people, each with their own tables, rules and documents:
a beekeeping co-operative, a translation agency, a city bus depot's maintenance shop and a
scuba-diving school. Deterministic (one fixed seed), offline, invented data (well under 3 MB).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 4242
QUESTION = re.compile(r"^(do|does|can|is|how|what|where)\b|, (can|is|do) ", re.IGNORECASE)


def pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


def sentence(rng: np.random.Generator, own: list[str], common: list[str], k_own: int = 2) -> str:
    """A free-text note: k_own phrases of its class, maybe one common phrase, shuffled."""
    parts = [pick(rng, own) for _ in range(k_own)]
    if rng.random() < 0.6:
        parts.append(pick(rng, common))
    parts = list(dict.fromkeys(parts))
    rng.shuffle(parts)
    return " ".join(p[0].upper() + p[1:] + end_mark(p) for p in parts)


def end_mark(phrase: str) -> str:
    """'?' for a phrase that asks something, '.' otherwise (none when it already ends in '?')."""
    if phrase.endswith("?"):
        return ""
    return "?" if QUESTION.search(phrase) else "."


def yn(values: np.ndarray, yes: str = "yes", no: str = "no") -> list[str]:
    return [yes if v else no for v in values]


def write_csv(df: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(path, index=False, lineterminator="\n")


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.strip() + "\n", encoding="utf-8")


def write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def dates(rng: np.random.Generator, n: int, start: str, days: int) -> list[str]:
    base = pd.Timestamp(start)
    offs = np.sort(rng.integers(0, days, n))
    return [(base + pd.Timedelta(days=int(d))).strftime("%Y-%m-%d") for d in offs]


# --------------------------------------------------------------------------------------------
# Beekeeping co-operative
# --------------------------------------------------------------------------------------------

HIVE_NOTES = {
    "healthy": [
        "good laying pattern, eggs and young larvae seen",
        "strong colony, calm on the frames",
        "plenty of stores, added a super",
        "brood nice and compact",
        "queen spotted on frame 5",
        "bees bringing in lots of pollen",
        "capped honey across top bars",
    ],
    "queenless": [
        "no eggs no young larvae",
        "roaring when opened",
        "no queen seen, emergency cells on frame 3",
        "multiple eggs per cell, laying workers?",
        "drone brood in worker cells",
        "bees testy and loud, queenless roar",
        "put in a test frame of eggs",
    ],
    "diseased": [
        "sunken perforated cappings",
        "chalkbrood mummies on the landing board",
        "deformed wings on several bees",
        "ropey match test, smell off",
        "spotty brood, sample sent to bee inspector",
        "greasy looking larvae",
        "mite drop very high on the board",
    ],
    "weak": [
        "only 3 frames of bees",
        "small cluster, fed fondant",
        "robbing at entrance, reduced entrance",
        "low stores, feeding 1:1 syrup",
        "slow build up",
        "barely covering two frames of brood",
        "wasps getting in",
    ],
}
HIVE_COMMON = [
    "checked all frames",
    "smoker went out halfway",
    "wet weather so quick look",
    "new foundation in",
    "marked queen last year",
    "mouse guard off",
    "swapped floor for clean one",
]
APIARIES = ["Orchard Lane", "Bishops Wood", "Mill Farm", "Allotments", "Heath Top", "Church Field"]


def hive_table(rng: np.random.Generator, n: int, start: str, days: int, first: int) -> pd.DataFrame:
    status = rng.choice(
        ["healthy", "queenless", "diseased", "weak"], size=n, p=[0.52, 0.14, 0.14, 0.2]
    )
    frames = np.where(
        status == "weak", rng.integers(2, 5, n), np.clip(rng.normal(8, 2, n), 3, 14).round()
    ).astype(int)
    brood = np.clip(
        frames * np.where(status == "queenless", 0.1, 0.6) + rng.normal(0, 1, n), 0, 10
    ).round()
    varroa = np.clip(
        rng.gamma(2, 1.0, n) + np.where(status == "diseased", 4, 0) + rng.normal(0, 0.5, n), 0, 25
    ).round(1)
    queen_cells = np.where(rng.random(n) < 0.25 + 0.3 * (frames > 9), rng.integers(1, 12, n), 0)
    stores = np.clip(rng.normal(np.where(status == "weak", 4, 11), 3, n), 0, 30).round(1)
    temper = rng.choice(["calm", "nervy", "aggressive"], size=n, p=[0.6, 0.3, 0.1])
    temper = np.where((status == "queenless") & (rng.random(n) < 0.5), "aggressive", temper)
    queen_seen = np.where(status == "queenless", "N", np.where(rng.random(n) < 0.7, "Y", "N"))
    notes = [sentence(rng, HIVE_NOTES[s], HIVE_COMMON) for s in status]
    swarm_p = 1 / (1 + np.exp(-(-3.2 + 0.35 * queen_cells + 0.25 * (frames - 8))))
    lost_p = 1 / (
        1
        + np.exp(
            -(-3.0 + 0.35 * varroa - 0.12 * stores + 1.4 * np.isin(status, ["weak", "diseased"]))
        )
    )
    return pd.DataFrame(
        {
            "Insp_ID": [f"IN{first + i:05d}" for i in range(n)],
            "hive_tag": [
                f"{pick(rng, ['OL', 'BW', 'MF', 'AL', 'HT', 'CF'])}-{rng.integers(1, 40):02d}"
                for _ in range(n)
            ],
            "apiary": rng.choice(APIARIES, size=n),
            "inspection_date": dates(rng, n, start, days),
            "frames_bees": frames,
            "brood_frames": brood.astype(int),
            "varroa_per100": varroa,
            "queen_seen": queen_seen,
            "queen_cells": queen_cells,
            "temper": temper,
            "stores_kg": stores,
            "notes": notes,
            "hive_status": status,
            "swarmed": yn(rng.random(n) < swarm_p),
            "lost_over_winter": yn(rng.random(n) < lost_p),
        }
    )


def make_bees(rng: np.random.Generator, out: Path) -> None:
    train = hive_table(rng, 600, "2024-04-01", 180, 1)
    gold_idx = np.sort(rng.choice(len(train), 130, replace=False))
    filled = rng.random(len(train)) < 0.22
    gold = train.iloc[gold_idx][["Insp_ID", "hive_status"]].copy()
    train["hive_status"] = np.where(filled, train["hive_status"], "")
    write_csv(train, out / "hive_inspections_2024.csv")
    write_csv(gold, out / "hive_status_handchecked.csv")

    test = hive_table(rng, 200, "2025-03-15", 75, 601)
    write_csv(test, out / "hive_inspections_2025_spring.csv")
    new = hive_table(rng, 80, "2025-06-01", 20, 801).drop(
        columns=["hive_status", "swarmed", "lost_over_winter"]
    )
    write_csv(new, out / "hive_inspections_new.csv")

    n = 320
    source = rng.choice(
        ["wildflower", "oilseed rape", "heather", "lime", "borage", "blackberry"], size=n
    )
    grade = rng.choice(["A", "B", "reject"], size=n, p=[0.62, 0.3, 0.08])
    moisture = np.clip(
        rng.normal(np.where(grade == "reject", 20.5, np.where(grade == "B", 18.6, 17.4)), 0.7),
        15,
        23,
    ).round(1)
    hmf = np.clip(rng.gamma(2, 4, n) + np.where(grade == "reject", 25, 0), 0.5, 90).round(1)
    diastase = np.clip(rng.normal(np.where(grade == "reject", 7, 15), 3, n), 3, 30).round(1)
    sucrose = np.clip(rng.normal(1.8, 0.9, n), 0.1, 6).round(2)
    cond = np.clip(rng.normal(np.where(source == "heather", 0.75, 0.38), 0.08, n), 0.1, 1.2).round(
        3
    )
    colour = np.clip(
        rng.normal(
            np.where(source == "heather", 95, np.where(source == "oilseed rape", 18, 55)), 12
        ),
        5,
        140,
    ).round()
    odd = rng.choice(n, 9, replace=False)
    sucrose[odd] = rng.uniform(9, 16, 9).round(2)
    diastase[odd] = rng.uniform(1, 3, 9).round(1)
    cond[odd] = rng.uniform(0.05, 0.12, 9).round(3)
    honey = pd.DataFrame(
        {
            "batch_no": [f"HB-{2024}-{i + 1:03d}" for i in range(n)],
            "member": [f"M{rng.integers(1, 48):03d}" for _ in range(n)],
            "harvest_month": rng.choice(["May", "Jun", "Jul", "Aug", "Sep"], size=n),
            "floral_source": source,
            "moisture_pct": moisture,
            "HMF_mg_kg": hmf,
            "diastase_DN": diastase,
            "sucrose_pct": sucrose,
            "conductivity_mS_cm": cond,
            "colour_mm_Pfund": colour.astype(int),
            "grade": grade,
        }
    )
    write_csv(honey, out / "honey_lab_results.csv")

    rules = [
        {
            "name": "no_eggs",
            "label": "queenless",
            "kind": "keyword",
            "column": "notes",
            "keywords": ["no eggs", "queenless", "laying workers", "emergency cells", "roaring"],
        },
        {
            "name": "drone_laying",
            "label": "queenless",
            "kind": "regex",
            "column": "notes",
            "pattern": r"drone brood in worker|multiple eggs",
            "ignore_case": True,
        },
        {
            "name": "brood_disease_words",
            "label": "diseased",
            "kind": "keyword",
            "column": "notes",
            "keywords": ["chalkbrood", "deformed wings", "sunken", "ropey", "spotty brood"],
        },
        {
            "name": "mites_high",
            "label": "diseased",
            "kind": "threshold",
            "column": "varroa_per100",
            "op": ">=",
            "value": 6,
        },
        {
            "name": "small_colony",
            "label": "weak",
            "kind": "threshold",
            "column": "frames_bees",
            "op": "<=",
            "value": 4,
        },
        {
            "name": "feeding_words",
            "label": "weak",
            "kind": "keyword",
            "column": "notes",
            "keywords": ["fondant", "robbing", "low stores", "slow build up"],
        },
        {
            "name": "good_pattern",
            "label": "healthy",
            "kind": "keyword",
            "column": "notes",
            "keywords": ["good laying pattern", "compact", "queen spotted", "added a super"],
        },
    ]
    write_json(out / "hive_rules.json", rules)

    write_text(
        out / "coop_docs" / "swarm_control_guide.md",
        """
# Swarm control at the co-op apiaries

Swarming is the natural way a honey bee colony reproduces. The old queen leaves with roughly
half of the workers, and the colony left behind raises a new queen from a queen cell. For a
member it means losing most of the summer's honey crop, so every apiary lead checks for
swarm preparations once a week from late April until the end of July.

## Signs to look for

A charged queen cell is a queen cell with an egg or a larva floating in royal jelly. Play
cups without an egg do not count. If you find charged queen cells on a weekly inspection,
the colony is preparing to swarm and you must act that day. Congestion is the main trigger:
when the brood nest is full and there is nowhere to lay, the bees start building cells.

## The artificial swarm (Pagden method)

The Pagden artificial swarm splits the colony in two so that it believes it has swarmed.
Move the original hive one metre to the side and put a new brood box on the old site. The
frame with the queen goes into the new box with foundation on either side. Flying bees return
to the old site and join the queen. Seven days later, move the original hive to the other side
of the new one so that its flying bees are lost to the queen's half.

## Record keeping

Every inspection is written on the hive record card and entered into the inspection
spreadsheet within two days. Write the number of queen cells seen, whether the queen was seen
and the number of frames covered by bees. The co-op uses these records to plan splits and to
decide which queens are bred from. A colony that swarms twice in one season is requeened.
""",
    )
    write_text(
        out / "coop_docs" / "varroa_treatment_notes.md",
        """
# Varroa: monitoring and treatment

Varroa destructor is a parasitic mite that feeds on developing and adult bees and spreads
deformed wing virus. Untreated colonies usually collapse within two or three years, which is
why the co-op asks every member to monitor mite levels at least four times a year.

## Monitoring

The alcohol wash is the co-op's standard count. Take about 300 bees from a brood frame, wash
them and count the mites; the result is reported as mites per 100 bees. The sticky board is
the alternative: a natural mite drop above 10 mites per day in August means the colony needs
treatment.

## Thresholds

A count below 2 mites per 100 bees is low. A count between 2 and 5 means you should plan a
treatment after the honey harvest. If the count is above 5 mites per 100 bees, treat
immediately, even if supers are on, and tell the apiary lead. High winter losses in 2023 were
linked to late treatment at Heath Top.

## Treatments

Oxalic acid is applied in midwinter when the colony is broodless, because the acid does not
reach mites under cappings. Formic acid strips can be used with supers on and reach mites in
sealed brood. Thymol products need warm weather to work. Always record the product, the batch
number and the date on the medicine record, which the bee inspector can ask to see.
""",
    )
    write_text(
        out / "coop_docs" / "extraction_room_rules.txt",
        """
Extraction room rules (shared honey house, Mill Farm)

The extraction room is booked through the co-op calendar in half-day slots. Members bring
their own supers and buckets; the co-op supplies the extractor, the uncapping tray and the
settling tanks.

Honey must be below 18.5 percent moisture before it is extracted. Check it with the
refractometer on the bench. If a frame is less than three quarters capped, shake test it
first: honey that sprays out of the cells is too wet and must go back on the hive.

Every batch gets a batch number (HB-year-number) written on the bucket and in the log. A
sample of each batch goes to the lab for moisture, HMF and diastase. Batches that fail the
lab test cannot be sold under the co-op label.

Clean the extractor with warm water only, never detergent. Wipe the floor before you leave
and put the cappings in the labelled bin for wax rendering. The last person out locks up and
returns the key to the box by the gate.
""",
    )


# --------------------------------------------------------------------------------------------
# Translation agency
# --------------------------------------------------------------------------------------------

FEEDBACK = {
    "terminology": [
        "the glossary term was not used for the product name",
        "several technical terms translated inconsistently",
        "wrong term for the legal entity, should be GmbH not company",
        "our approved terminology list was ignored",
        "medical terms are not the ones our reviewers expect",
        "term base not followed in chapter 3",
    ],
    "style": [
        "the tone is too formal for our brand",
        "reads like a literal translation",
        "sentences feel clunky and unnatural",
        "please use the informal du form as agreed",
        "the marketing copy lost its punch",
        "style guide says no passive voice",
    ],
    "deadline": [
        "the files arrived a day late",
        "we missed our print deadline because of the delay",
        "delivery was late again without warning",
        "nobody told us the job would slip",
        "received after the agreed time",
        "had to chase the PM twice for the delivery",
    ],
    "formatting": [
        "the tables are broken in the Word file",
        "tags missing in the exported XML",
        "font changed in the InDesign file",
        "line breaks messed up the layout",
        "numbers use the wrong decimal separator",
        "bullet points lost after conversion",
    ],
    "praise": [
        "great job, the client loved it",
        "thank you for the quick turnaround",
        "excellent quality as always",
        "the reviewer had no changes at all",
        "really happy with this translation",
        "fantastic work by the linguist",
    ],
}
FEEDBACK_COMMON = [
    "see attached comments",
    "job ref in the subject line",
    "cc our localisation manager",
    "please advise",
    "regards",
    "this is for the spring campaign",
]
PM_COMMENTS = [
    "client sent updated source mid job",
    "glossary provided by client",
    "tight turnaround, split between two linguists",
    "PDF source, needed DTP",
    "repeat client, TM from last year",
    "new translator on this account",
    "reviewer on holiday, second reviewer used",
    "large file, partial deliveries agreed",
    "scanned source, OCR first",
    "straightforward, no queries",
]
TRANSLATORS = [f"TR{i:02d}" for i in range(1, 29)]
CLIENTS = [
    "Brandt AG",
    "Nordlys Pharma",
    "Casa Vela",
    "Kite Legal",
    "Oakridge Tools",
    "Mirabel Cosmetics",
    "Hollis Insurance",
    "Zentro Software",
    "Lumen Health",
]


def jobs_table(rng: np.random.Generator, n: int, start: str, days: int, first: int) -> pd.DataFrame:
    words = np.clip(rng.lognormal(7.6, 0.9, n), 150, 60000).round().astype(int)
    days_dl = np.clip(rng.poisson(6, n) + 1, 1, 30)
    rush = (days_dl <= 2).astype(int)
    tm = np.clip(rng.beta(2, 3, n) * 100, 0, 100).round()
    domain = rng.choice(["legal", "medical", "marketing", "technical", "financial"], size=n)
    comment = [pick(rng, PM_COMMENTS) for _ in range(n)]
    late_p = 1 / (
        1
        + np.exp(
            -(
                -2.6
                + 0.00012 * words
                - 0.18 * days_dl
                + 1.2 * rush
                + 0.8 * np.array(["updated source" in c for c in comment])
            )
        )
    )
    late = rng.random(n) < late_p
    compl_p = 1 / (1 + np.exp(-(-2.8 + 1.5 * late + 0.8 * (domain == "legal") - 0.01 * tm)))
    qa_band = np.where(
        rng.random(n) < 0.12 + 0.2 * rush,
        "major issues",
        np.where(rng.random(n) < 0.3, "minor issues", "pass"),
    )
    return pd.DataFrame(
        {
            "JobRef": [f"TA-{start[2:4]}-{first + i:04d}" for i in range(n)],
            "client": rng.choice(CLIENTS, size=n),
            "lang_pair": rng.choice(
                ["EN>DE", "EN>FR", "DE>EN", "EN>ES", "EN>NL", "FR>EN", "EN>PL", "EN>JA"], size=n
            ),
            "domain": domain,
            "words": words,
            "days_to_deadline": days_dl,
            "translator": rng.choice(TRANSLATORS, size=n),
            "rush": rush,
            "tm_match_pct": tm,
            "rate_per_word_eur": np.clip(rng.normal(0.12, 0.025, n), 0.06, 0.25).round(3),
            "pm_comment": comment,
            "ordered": dates(rng, n, start, days),
            "delivered_late": yn(late),
            "client_complaint": yn(rng.random(n) < compl_p, "Y", "N"),
            "qa_result": qa_band,
        }
    )


def make_agency(rng: np.random.Generator, out: Path) -> None:
    train = jobs_table(rng, 700, "2024-01-02", 360, 1)
    write_csv(train, out / "jobs_2024.csv")
    write_csv(jobs_table(rng, 200, "2025-01-06", 85, 1), out / "jobs_2025_q1.csv")
    open_jobs = jobs_table(rng, 60, "2025-04-01", 20, 201).drop(
        columns=["delivered_late", "client_complaint", "qa_result"]
    )
    write_csv(open_jobs, out / "jobs_open.csv")

    n = 520
    issue = rng.choice(list(FEEDBACK), size=n, p=[0.22, 0.2, 0.2, 0.16, 0.22])
    fb = pd.DataFrame(
        {
            "fb_id": np.arange(3001, 3001 + n),
            "JobRef": rng.choice(train["JobRef"], size=n),
            "received": dates(rng, n, "2024-02-01", 330),
            "feedback_text": [sentence(rng, FEEDBACK[c], FEEDBACK_COMMON) for c in issue],
            "issue_type": issue,
        }
    )
    gold_idx = np.sort(rng.choice(n, 110, replace=False))
    gold = fb.iloc[gold_idx][["fb_id", "issue_type"]].copy()
    fb["issue_type"] = np.where(rng.random(n) < 0.18, fb["issue_type"], "")
    write_csv(fb, out / "client_feedback.csv")
    write_csv(gold, out / "feedback_gold.csv")
    write_json(
        out / "feedback_rules.json",
        [
            {
                "name": "glossary",
                "label": "terminology",
                "kind": "keyword",
                "column": "feedback_text",
                "keywords": ["glossary", "term", "terms", "terminology", "term base"],
            },
            {
                "name": "tone",
                "label": "style",
                "kind": "keyword",
                "column": "feedback_text",
                "keywords": ["tone", "literal", "clunky", "style guide", "informal"],
            },
            {
                "name": "late",
                "label": "deadline",
                "kind": "regex",
                "column": "feedback_text",
                "pattern": r"\blate\b|delay|deadline|chase",
                "ignore_case": True,
            },
            {
                "name": "layout",
                "label": "formatting",
                "kind": "keyword",
                "column": "feedback_text",
                "keywords": ["tables", "tags", "font", "layout", "bullet points", "decimal"],
            },
            {
                "name": "thanks",
                "label": "praise",
                "kind": "keyword",
                "column": "feedback_text",
                "keywords": ["great job", "thank you", "excellent", "fantastic", "happy"],
            },
        ],
    )

    n = 420
    words = np.clip(rng.lognormal(7.8, 0.9, n), 200, 70000).round().astype(int)
    rate = np.clip(rng.normal(0.12, 0.02, n), 0.07, 0.2).round(3)
    disc = rng.choice([0, 0, 0, 5, 10], size=n)
    total = (words * rate * (1 - disc / 100)).round(2)
    odd = rng.choice(n, 8, replace=False)
    total[odd[:4]] = (total[odd[:4]] * rng.uniform(8, 12, 4)).round(2)
    rate[odd[4:]] = rng.uniform(0.9, 1.5, 4).round(3)
    inv = pd.DataFrame(
        {
            "inv_no": [f"INV24-{i + 1:04d}" for i in range(n)],
            "client": rng.choice(CLIENTS, size=n),
            "words_billed": words,
            "rate_eur": rate,
            "discount_pct": disc,
            "total_eur": total,
            "days_to_pay": np.clip(rng.normal(32, 12, n), 0, 120).round().astype(int),
            "currency": "EUR",
        }
    )
    write_csv(inv, out / "invoices_2024.csv")

    write_text(
        out / "agency_docs" / "house_style_guide.md",
        """
# House style guide for linguists

This guide applies to every job unless the client's own style guide says otherwise. When
the two disagree, the client's guide wins and the project manager notes it in the job.

## Terminology

The term base is the approved list of terms for a client. It is attached to every job in the
CAT tool. If a term in the source is not in the term base, raise a query rather than
inventing a translation. Product names are never translated unless the term base gives a
local name.

## Tone and register

Marketing copy is translated for effect, not word for word. Legal and medical texts follow
the source closely and keep the sentence order where the target language allows it. German
consumer brands usually use the informal du form; check the job notes before you start.

## Numbers and formatting

Use the target locale's decimal separator and thousands separator. Dates are written in the
target locale's long format in running text. Keep all inline tags in place: a missing tag
breaks the exported file and the job goes back to you.

## Queries

Queries go through the query sheet in the job folder, never by direct email to the client.
The project manager answers within one working day or forwards the question to the client.
""",
    )
    write_text(
        out / "agency_docs" / "cat_tool_howto.md",
        """
# Working in the CAT tool

The agency uses one cloud CAT tool for every job. A translation memory (TM) stores every
segment you confirm together with its source, so repeated sentences are offered again on the
next job. A fuzzy match is a TM suggestion whose source is similar but not identical to the
current segment; matches below 75 percent are paid at the full rate.

## Before you start

Open the job, check that the right TM and term base are attached, and run the pre-translate
step. If the source file is a scanned PDF, the project manager converts it first; never
retype a scanned source yourself.

## Confirming segments

Confirm each segment with Ctrl+Enter. A confirmed segment is written to the TM at once. When
the QA check flags a segment, fix it or add a comment explaining why the flag is a false
alarm.

## Delivery

Run the QA check on the whole file before delivery. Export the target file and open it in
its native application to check the layout. If the layout breaks, tell the project manager
before the deadline, not after it.
""",
    )
    write_text(
        out / "agency_docs" / "freelancer_onboarding.txt",
        """
Freelancer onboarding

Welcome to the agency's pool of freelance linguists. New translators start with a paid test
job of about 500 words, reviewed by a senior linguist in the same language pair.

Rates are agreed per word and per language pair. Rush jobs, meaning a deadline of two working
days or less, carry a 25 percent surcharge. Invoices are sent monthly and paid within 30
days.

Every job has a project manager. The project manager is your single point of contact for
deadlines, queries and files. If you cannot meet a deadline, tell the project manager as soon
as you know, because late delivery is the most common reason for client complaints.

Confidentiality: source files stay in the CAT tool and the job folder. Do not paste client
text into public machine translation websites.
""",
    )


# --------------------------------------------------------------------------------------------
# City bus depot maintenance shop
# --------------------------------------------------------------------------------------------

DEFECTS = {
    "brakes": [
        "brakes pulling to the left",
        "grinding noise when braking",
        "brake warning light on dash",
        "spongy brake pedal",
        "handbrake not holding on hill",
        "judder under heavy braking",
    ],
    "doors": [
        "centre door not closing",
        "front door slow to open",
        "door sensitive edge keeps reopening",
        "rear door alarm sounding",
        "door stuck half open at stop",
        "passenger door emergency valve hissing",
    ],
    "HVAC": [
        "saloon heating not working",
        "aircon blowing warm",
        "cab heater fan dead",
        "condensation on windscreen, demister weak",
        "smell from heater vents",
        "saloon far too hot",
    ],
    "engine": [
        "engine cutting out at idle",
        "loss of power on hills",
        "coolant warning and steam",
        "black smoke from exhaust",
        "adblue warning, limp mode",
        "oil leak under engine bay",
    ],
    "electrical": [
        "destination blind blank",
        "interior lights flickering",
        "ticket machine keeps rebooting",
        "battery flat in the morning",
        "CCTV screen no picture",
        "indicators not working nearside",
    ],
    "suspension": [
        "bus leaning to one side",
        "kneeling not working at stops",
        "bouncy ride over speed bumps",
        "air suspension leak audible",
        "knocking from front axle",
        "ride height low at rear",
    ],
}
DEFECT_COMMON = [
    "reported by driver at end of shift",
    "route 14",
    "happened twice today",
    "please check asap",
    "bus taken off service",
    "intermittent",
]
MODELS = ["Citaro", "Streetdeck", "eCitaro", "Enviro400", "Solo SR"]


def orders_table(
    rng: np.random.Generator, n: int, start: str, days: int, first: int
) -> pd.DataFrame:
    area = rng.choice(list(DEFECTS), size=n, p=[0.22, 0.2, 0.14, 0.18, 0.16, 0.1])
    model = rng.choice(MODELS, size=n)
    age = rng.integers(1, 16, n)
    odo = (age * rng.normal(62000, 9000, n)).clip(5000).round(-2).astype(int)
    labour = np.clip(
        rng.gamma(2, 1.2, n)
        + np.where(area == "engine", 3, 0)
        + np.where(area == "brakes", 1.5, 0),
        0.3,
        30,
    ).round(1)
    road_p = 1 / (1 + np.exp(-(-3.0 + 0.17 * age + 0.8 * np.isin(area, ["engine", "electrical"]))))
    repeat_p = 1 / (1 + np.exp(-(-2.4 + 0.9 * (area == "doors") - 0.15 * labour + 0.05 * age)))
    return pd.DataFrame(
        {
            "WO_no": np.arange(first, first + n),
            "bus_no": [f"{rng.integers(101, 299)}" for _ in range(n)],
            "model": model,
            "age_yrs": age,
            "odometer_km": odo,
            "opened": dates(rng, n, start, days),
            "defect_report": [
                sentence(rng, DEFECTS[a], DEFECT_COMMON, 1 + int(rng.random() < 0.5)) for a in area
            ],
            "fault_area": area,
            "labour_hrs": labour,
            "parts_cost_gbp": np.clip(rng.lognormal(4.2, 1.0, n), 0, 6000).round(2),
            "road_call_30d": yn(rng.random(n) < road_p, "Y", "N"),
            "repeat_defect": yn(rng.random(n) < repeat_p, "Y", "N"),
        }
    )


def make_depot(rng: np.random.Generator, out: Path) -> None:
    train = orders_table(rng, 700, "2024-01-03", 360, 40001)
    gold_idx = np.sort(rng.choice(len(train), 140, replace=False))
    gold = train.iloc[gold_idx][["WO_no", "fault_area"]].rename(
        columns={"fault_area": "checked_fault"}
    )
    train["fault_area"] = np.where(rng.random(len(train)) < 0.25, train["fault_area"], "")
    write_csv(train, out / "work_orders_2024.csv")
    write_csv(gold, out / "fault_area_checked.csv")
    write_csv(orders_table(rng, 200, "2025-01-02", 85, 41001), out / "work_orders_2025_q1.csv")
    write_csv(
        orders_table(rng, 60, "2025-04-01", 14, 41301).drop(
            columns=["fault_area", "labour_hrs", "parts_cost_gbp", "road_call_30d", "repeat_defect"]
        ),
        out / "work_orders_open.csv",
    )
    write_json(
        out / "defect_rules.json",
        [
            {
                "name": "brake_words",
                "label": "brakes",
                "kind": "keyword",
                "column": "defect_report",
                "keywords": ["brake", "brakes", "braking", "handbrake"],
            },
            {
                "name": "door_words",
                "label": "doors",
                "kind": "keyword",
                "column": "defect_report",
                "keywords": ["door", "sensitive edge"],
            },
            {
                "name": "heat_cool",
                "label": "HVAC",
                "kind": "regex",
                "column": "defect_report",
                "pattern": r"heat|aircon|demister|too hot",
                "ignore_case": True,
            },
            {
                "name": "engine_words",
                "label": "engine",
                "kind": "keyword",
                "column": "defect_report",
                "keywords": ["engine", "smoke", "coolant", "adblue", "power"],
            },
            {
                "name": "electrics",
                "label": "electrical",
                "kind": "keyword",
                "column": "defect_report",
                "keywords": ["lights", "battery", "CCTV", "blind", "indicators", "ticket machine"],
            },
            {
                "name": "ride",
                "label": "suspension",
                "kind": "keyword",
                "column": "defect_report",
                "keywords": ["leaning", "kneeling", "suspension", "ride", "axle"],
            },
        ],
    )

    n = 900
    ev = rng.random(n) < 0.3
    sensor = pd.DataFrame(
        {
            "reading_id": np.arange(1, n + 1),
            "bus_no": [f"{rng.integers(101, 299)}" for _ in range(n)],
            "date": dates(rng, n, "2025-02-01", 60),
            "drivetrain": np.where(ev, "electric", "diesel"),
            "coolant_temp_C": np.where(ev, rng.normal(38, 4, n), rng.normal(88, 4, n)).round(1),
            "oil_pressure_bar": np.where(ev, 0.0, rng.normal(3.4, 0.3, n)).round(2),
            "battery_V": np.where(ev, rng.normal(640, 12, n), rng.normal(27.6, 0.4, n)).round(1),
            "brake_pad_mm": np.clip(rng.normal(12, 3.5, n), 2, 20).round(1),
            "tyre_psi_front": rng.normal(120, 3, n).round().astype(int),
            "km_since_service": rng.integers(0, 30000, n),
        }
    )
    odd = rng.choice(np.where(~ev)[0], 10, replace=False)
    sensor.loc[odd[:4], "coolant_temp_C"] = rng.uniform(112, 121, 4).round(1)
    sensor.loc[odd[4:7], "oil_pressure_bar"] = rng.uniform(0.3, 0.8, 3).round(2)
    sensor.loc[odd[7:], "brake_pad_mm"] = rng.uniform(0.5, 1.2, 3).round(1)
    write_csv(sensor, out / "bus_sensor_log.csv")

    write_text(
        out / "depot_docs" / "brake_inspection_SOP.md",
        """
# Brake inspection standard operating procedure

This procedure applies to every bus at the depot during its six-weekly safety inspection and
whenever a driver reports a brake defect.

## Brake pads and discs

The minimum pad thickness is 3 mm of friction material. If any pad is below 5 mm, the pads
on that axle are replaced at the inspection, because the bus will not last to the next one.
Discs are measured at three points; a disc below the manufacturer's minimum thickness is
replaced together with its pads.

## Air system

The air system is charged to cut-out pressure and the engine stopped. A pressure drop of more
than 0.2 bar in three minutes with brakes released is a leak and must be traced before the
bus returns to service. The low-air warning must come on above 5.5 bar.

## Road test

Every brake job ends with a road test by a qualified technician. The bus must stop in a
straight line from 30 km/h with no judder. The technician signs the job card and the work
order is closed in the fleet system with the fault area set to brakes.

## Defect reports

A driver defect report about brakes is always a VOR (vehicle off road) defect. The bus
stays in the depot until a technician has signed it off.
""",
    )
    write_text(
        out / "depot_docs" / "depot_safety_rules.md",
        """
# Depot workshop safety rules

Hi-vis vests and safety boots are worn at all times on the workshop floor and in the yard.
The yard speed limit is 5 mph for every vehicle, buses included.

## Pits and lifts

Pit covers go back on as soon as a bus leaves the pit. Nobody works under a bus on a lift
unless the lift's mechanical locks are engaged. If a column lift shows a fault code, tag it
out and report it to the shift supervisor.

## Electric buses

Only technicians with the high-voltage qualification may open an HV compartment. Before any
HV work the bus is isolated, the isolation is locked with a personal padlock, and zero volts
is proved with an approved tester. The orange cables carry up to 750 volts.

## Reporting

Every accident and near miss is reported on the same shift. Near-miss reports are anonymous
if you want them to be, and they are reviewed at the monthly safety meeting.
""",
    )
    write_text(
        out / "depot_docs" / "ebus_charging_procedure.txt",
        """
Overnight charging of electric buses

Electric buses return to the depot after the evening peak and are plugged in on the charging
lanes in the order the depot controller gives. Each charger delivers up to 150 kW.

A bus is plugged in only after the driver has set the parking brake and switched the master
switch to charge mode. If the charger shows a red fault light, the bus is moved to the next
free charger and the fault is logged for the electrical team.

Charging is finished when the battery reaches 95 percent state of charge; the chargers stop by
themselves. Pre-conditioning heats or cools the saloon for thirty minutes before the first
departure while the bus is still plugged in, so the battery is not drained on the road.

A battery below 20 percent on return is reported as a defect, because it usually means the
heating drew more power than planned or the bus was on a longer route.
""",
    )


# --------------------------------------------------------------------------------------------
# Scuba-diving school
# --------------------------------------------------------------------------------------------

STUDENT_NOTES = {
    "good": [
        "relaxed in the water",
        "excellent buoyancy by pool session 3",
        "mask clearing no problem",
        "asks good questions in theory",
        "natural trim, good finning",
    ],
    "nervous": [
        "anxious about mask removal",
        "struggled with ear equalising",
        "panicked briefly at 5m, calmed down",
        "needs extra pool time",
        "breathing fast, high air use",
    ],
    "flaky": [
        "missed two sessions",
        "rescheduled again",
        "late for the boat",
        "hasn't done the e-learning yet",
        "said work is busy",
    ],
}
STUDENT_COMMON = [
    "came with a friend",
    "own mask and fins",
    "wants to dive in Egypt",
    "gift voucher",
    "first time in cold water",
]
ENQUIRIES = {
    "booking": [
        "do you have space on the open water course next month",
        "can I book two places for the weekend try dive",
        "is the advanced course running in June",
        "I'd like to reserve the refresher session",
        "how do I book the nitrox course",
    ],
    "medical": [
        "I have asthma, can I still dive",
        "do I need a doctor to sign the medical form",
        "I had ear surgery last year",
        "is diving ok on blood pressure tablets",
        "I'm pregnant, can I do the pool session",
    ],
    "gear_rental": [
        "how much is it to hire a drysuit",
        "can I rent a BCD and regulator for a week",
        "do you have wetsuits in XXL",
        "want to hire two cylinders for the weekend",
        "does the course price include equipment hire",
    ],
    "complaint": [
        "the boat left without us",
        "my refund has still not arrived",
        "the instructor was rude to my son",
        "the rental regulator was free flowing",
        "nobody answered the phone all week",
    ],
    "trip_info": [
        "what time does the boat leave for the wreck dive",
        "where do we meet for the quarry dive",
        "is there parking at the harbour",
        "what is the water temperature at the moment",
        "is the Red Sea trip still going ahead",
    ],
}
ENQ_COMMON = ["thanks", "cheers", "sent from my phone", "hi there", "many thanks in advance"]


def students_table(
    rng: np.random.Generator, n: int, first: int, outcomes: bool = True
) -> pd.DataFrame:
    kind = rng.choice(["good", "nervous", "flaky"], size=n, p=[0.6, 0.25, 0.15])
    age = np.clip(rng.normal(31, 11, n), 12, 68).round().astype(int)
    pool = np.clip(rng.poisson(np.where(kind == "nervous", 5, 3)), 1, 10)
    theory = np.clip(rng.normal(np.where(kind == "flaky", 68, 84), 9), 40, 100).round()
    swim = np.clip(rng.normal(np.where(kind == "nervous", 8.5, 6.5), 1.5), 3.5, 15).round(1)
    df = pd.DataFrame(
        {
            "student_id": [f"S{first + i:04d}" for i in range(n)],
            "age": age,
            "course": rng.choice(
                ["OWD", "AOWD", "Rescue", "Nitrox"], size=n, p=[0.55, 0.25, 0.1, 0.1]
            ),
            "pool_sessions": pool,
            "theory_pct": theory,
            "swim_200m_min": swim,
            "prior_snorkel": rng.choice(["Y", "N"], size=n),
            "instructor_notes": [sentence(rng, STUDENT_NOTES[k], STUDENT_COMMON) for k in kind],
        }
    )
    if outcomes:
        cert_p = 1 / (
            1 + np.exp(-(-4 + 0.06 * theory - 0.25 * (swim - 6) - 1.2 * (kind == "flaky")))
        )
        drop_p = 1 / (1 + np.exp(-(-2.6 + 2.0 * (kind == "flaky") + 0.7 * (kind == "nervous"))))
        dropped = rng.random(n) < drop_p
        df["certified"] = yn((rng.random(n) < cert_p) & ~dropped)
        df["dropped_out"] = yn(dropped)
        df["booked_next"] = yn((rng.random(n) < 0.15 + 0.3 * (kind == "good")) & ~dropped)
    return df


def make_dive(rng: np.random.Generator, out: Path) -> None:
    write_csv(students_table(rng, 520, 1), out / "students_2023_24.csv")
    write_csv(students_table(rng, 160, 601), out / "students_2025.csv")
    write_csv(students_table(rng, 55, 801, outcomes=False), out / "new_signups.csv")

    n = 460
    topic = rng.choice(list(ENQUIRIES), size=n, p=[0.3, 0.15, 0.2, 0.12, 0.23])
    enq = pd.DataFrame(
        {
            "enq_id": [f"E{i + 1:04d}" for i in range(n)],
            "date": dates(rng, n, "2024-03-01", 300),
            "channel": rng.choice(["email", "instagram", "phone note", "website form"], size=n),
            "message": [
                sentence(rng, ENQUIRIES[t], ENQ_COMMON, 1 + int(rng.random() < 0.6)) for t in topic
            ],
            "topic": topic,
        }
    )
    gold_idx = np.sort(rng.choice(n, 100, replace=False))
    gold = enq.iloc[gold_idx][["enq_id", "topic"]].copy()
    enq["topic"] = np.where(rng.random(n) < 0.2, enq["topic"], "")
    write_csv(enq, out / "enquiries.csv")
    write_csv(gold, out / "enquiry_topics_gold.csv")
    write_json(
        out / "enquiry_rules.json",
        [
            {
                "name": "book_words",
                "label": "booking",
                "kind": "keyword",
                "column": "message",
                "keywords": ["book", "reserve", "space on", "places"],
            },
            {
                "name": "med_words",
                "label": "medical",
                "kind": "keyword",
                "column": "message",
                "keywords": ["asthma", "doctor", "medical", "surgery", "tablets", "pregnant"],
            },
            {
                "name": "hire_words",
                "label": "gear_rental",
                "kind": "regex",
                "column": "message",
                "pattern": r"\b(hire|rent)\b",
                "ignore_case": True,
            },
            {
                "name": "angry",
                "label": "complaint",
                "kind": "keyword",
                "column": "message",
                "keywords": ["refund", "rude", "left without", "nobody answered", "free flowing"],
            },
            {
                "name": "where_when",
                "label": "trip_info",
                "kind": "regex",
                "column": "message",
                "pattern": r"what time|where do we|parking|water temperature|trip",
                "ignore_case": True,
            },
        ],
    )

    n = 640
    depth = np.clip(rng.gamma(6, 3, n), 4, 40).round(1)
    bottom = np.clip(rng.normal(42, 10, n) - 0.4 * depth, 10, 70).round()
    cyl = rng.choice([10, 12, 15], size=n, p=[0.2, 0.65, 0.15])
    sac = np.clip(rng.normal(16, 3.5, n), 9, 30)
    used = sac * bottom * (1 + depth / 20) / cyl
    start = rng.normal(205, 8, n).round()
    end = np.clip(start - used, 20, 200).round()
    ascent = np.clip(rng.normal(8, 1.5, n), 4, 12).round(1)
    odd = rng.choice(n, 9, replace=False)
    ascent[odd[:3]] = rng.uniform(22, 30, 3).round(1)
    end[odd[3:6]] = rng.uniform(5, 15, 3).round()
    depth[odd[6:]] = rng.uniform(48, 56, 3).round(1)
    logs = pd.DataFrame(
        {
            "log_no": np.arange(1, n + 1),
            "student_id": [f"S{rng.integers(1, 520):04d}" for _ in range(n)],
            "site": rng.choice(
                ["Stoney Cove", "Vobster Quay", "Porthkerris", "Swanage Pier", "Capernwray"], size=n
            ),
            "max_depth_m": depth,
            "bottom_time_min": bottom.astype(int),
            "cylinder_l": cyl,
            "start_bar": start.astype(int),
            "end_bar": end.astype(int),
            "water_temp_C": np.clip(rng.normal(12, 3, n), 5, 22).round(),
            "ascent_rate_m_min": ascent,
            "safety_stop": rng.choice(["Y", "Y", "Y", "N"], size=n),
        }
    )
    write_csv(logs, out / "dive_logs.csv")

    write_text(
        out / "dive_docs" / "pre_dive_briefing.md",
        """
# Pre-dive briefing checklist

Every dive starts with a briefing by the instructor in charge. The briefing is given on the
shore or on the boat before anyone kits up, and every student must hear all of it.

## Site and plan

Describe the site, the entry and exit points and the maximum depth. The maximum depth for
Open Water students on training dives is 12 metres on dives 1 and 2 and 18 metres on dives 3
and 4. State the turn pressure: students turn the dive at 100 bar or at the planned time,
whichever comes first.

## Buddy check

The buddy check is done with the BWRAF sequence: BCD, weights, releases, air and final
check. If a buddy's air gauge does not move when they breathe from the regulator, the
cylinder valve is not open fully and the dive waits until it is fixed.

## Signals and emergencies

Go over the hand signals for out of air, ascend, problem and okay. If a student loses their
buddy, they search for one minute and then ascend slowly to the surface, where they will
be reunited. Ascent rate is never faster than 9 metres per minute, and every dive ends
with a three minute safety stop at 5 metres.
""",
    )
    write_text(
        out / "dive_docs" / "equipment_care.md",
        """
# Rental equipment care

The school owns around sixty sets of rental equipment. Every set is checked before it is
handed out and rinsed after it comes back.

## Regulators

A regulator is rinsed in fresh water with the dust cap on. A free-flowing regulator is taken
out of service at once and tagged for the technician. Regulators are serviced every year or
every 100 dives, whichever comes first.

## Cylinders

Cylinders have a visual inspection every year and a hydrostatic test every five years. A
cylinder with an out-of-date test stamp is never filled. Nitrox cylinders carry a green and
yellow band and a contents label that the diver signs after analysing the gas.

## Wetsuits and drysuits

Wetsuits are washed in disinfectant after each use and hung on wide hangers. Drysuits have
their seals talced every month; a torn neck seal is replaced by the technician, not
glued by staff.
""",
    )
    write_text(
        out / "dive_docs" / "medical_questions_faq.txt",
        """
Medical questions: what students ask us

Every student fills in the diver medical questionnaire before any in-water session. If any
answer is yes, a doctor must sign the medical form before the student can dive, even in the
pool.

Asthma is not always a bar to diving. A student with asthma needs a doctor's sign-off; the
doctor will usually ask about triggers such as cold air or exercise.

Pregnancy: we do not train pregnant students, because the effects of pressure on the baby
are not known. Students can defer their course free of charge.

Ear problems are the most common reason students stop a dive. Equalising means gently
pushing air into the middle ear to balance the pressure, and it must start at the surface and
continue every metre on the way down.

Medication: most blood pressure tablets are fine for diving, but the doctor decides. Bring a
list of your medicines to the appointment.
""",
    )


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    make_bees(rng, out)
    make_agency(rng, out)
    make_depot(rng, out)
    make_dive(rng, out)


if __name__ == "__main__":
    main()
