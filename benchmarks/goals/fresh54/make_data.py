"""Write the fresh54 corpus's files into DIR: a pest-control firm, a crowdfunding trust-and-safety
team and a glacier research station.

Run: python make_data.py DIR   (deterministic: seed 5454, offline, well under 3 MB)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 5454


def pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n")


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.strip() + "\n", encoding="utf-8")


def write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- pest control

PEST_NOTES = {
    "rodent": [
        "droppings along skirting in kitchen, gnaw marks on pipe lagging",
        "rat runs behind the bins, burrow under decking",
        "mouse droppings in loft insulation, tenant hears scratching at night",
        "gnawed cable in garage, bait boxes placed x4",
        "rats seen near drain cover, smear marks on wall",
        "mice in kitchen cupboards, droppings in cutlery drawer",
    ],
    "insect": [
        "bed bugs in mattress seams, blood spots on sheets",
        "german cockroaches under fridge, egg cases found",
        "wasp nest in soffit, very active, treated with dust",
        "ant trail from patio door to pantry, gel applied",
        "fleas in carpet after cat moved out, spray both floors",
        "carpet beetle larvae in wardrobe, moth damage too",
    ],
    "bird": [
        "pigeons nesting on solar panels, mess on roof",
        "gulls on flat roof, netting damaged, spikes needed",
        "starlings in eaves, droppings on windowsill",
        "pigeon guano build up in loading bay, proofing quoted",
    ],
    "wildlife": [
        "squirrels in loft, chewed joist and insulation",
        "fox den under shed, garden dug up",
        "moles in lawn, multiple hills, traps set",
        "squirrel entry via broken vent, proofed with mesh",
    ],
}
CUSTOMER_SAYS = [
    "Customer very worried, has small kids.",
    "Landlord wants invoice sent to agent.",
    "Restaurant, needs visit before opening hours.",
    "Customer says problem came back after last visit.",
    "Elderly resident, call before arriving.",
    "Commercial site, sign in at reception.",
    "Tenant unhappy with wait time.",
    "",
]
BRANCHES = ["Leeds", "York", "Harrogate", "Wakefield", "Bradford"]
PROPERTY = ["terraced house", "semi", "detached", "flat", "restaurant", "warehouse", "office"]
TREATMENT = {
    "rodent": ["bait boxes", "snap traps", "proofing"],
    "insect": ["residual spray", "gel bait", "heat treatment", "dust"],
    "bird": ["netting", "spikes", "proofing"],
    "wildlife": ["live trap", "proofing", "mole traps"],
}


def pest_callouts(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    groups = list(PEST_NOTES)
    for i in range(n):
        group = groups[int(rng.choice(4, p=[0.42, 0.34, 0.12, 0.12]))]
        prop = pick(rng, PROPERTY)
        prior = int(rng.poisson(0.8))
        age = int(rng.integers(2, 140))
        sqft = int(rng.normal(1400 if prop in ("warehouse", "office", "restaurant") else 900, 250))
        days_to_book = int(rng.integers(0, 15))
        visits = int(1 + rng.poisson(0.9 + 0.4 * (group == "insect")))
        chem = round(float(abs(rng.normal(120 if group == "insect" else 40, 30))), 1)
        note = pick(rng, PEST_NOTES[group])
        say = pick(rng, CUSTOMER_SAYS)
        z = -1.6 + 0.55 * prior + 0.012 * age + 0.35 * (group == "rodent") + 0.08 * days_to_book
        z += 0.7 * ("came back" in say) + rng.normal(0, 0.6)
        repeat = "yes" if z > 0 else "no"
        sev_score = visits + 0.02 * sqft / 100 + 0.6 * (prop in ("restaurant", "warehouse"))
        sev_score += rng.normal(0, 0.7)
        severity = "high" if sev_score > 3.2 else ("medium" if sev_score > 2.0 else "low")
        complaint = "Y" if (days_to_book > 9 and rng.random() < 0.6) or rng.random() < 0.08 else "N"
        rows.append(
            {
                "job_no": f"PC-{26000 + i}",
                "callout_date": str(
                    pd.Timestamp("2026-01-03") + pd.Timedelta(days=int(rng.integers(0, 330)))
                )[:10],
                "branch": pick(rng, BRANCHES),
                "property_type": prop,
                "pest_reported": group,
                "tech_notes": note,
                "customer_comment": say,
                "treatment": pick(rng, TREATMENT[group]),
                "sq_ft": sqft,
                "building_age_yrs": age,
                "prior_callouts": prior,
                "days_to_book": days_to_book,
                "visits": visits,
                "chemical_ml": chem,
                "severity": severity,
                "repeat_90d": repeat,
                "complaint": complaint,
            }
        )
    return pd.DataFrame(rows)


def pest_files(root: Path, rng: np.random.Generator) -> None:
    calls = pest_callouts(rng, 960)
    write_csv(calls.iloc[:640], root / "callouts_train.csv")
    write_csv(calls.iloc[640:860], root / "callouts_test.csv")
    new = calls.iloc[860:].drop(columns=["severity", "repeat_90d", "complaint"])
    write_csv(new, root / "callouts_new.csv")

    # technician notes pool: pest_group filled on some rows only (the office's own tagging)
    notes = []
    for i in range(600):
        group = pick(rng, list(PEST_NOTES))
        base = pick(rng, PEST_NOTES[group])
        extra = pick(
            rng,
            ["", " customer present.", " follow up booked.", " access via side gate.", " no pets."],
        )
        notes.append(
            {
                "note_id": 7001 + i,
                "technician": pick(rng, ["DK", "SA", "MW", "JP"]),
                "note": base + extra,
                "pest_group": group,
            }
        )
    pool = pd.DataFrame(notes)
    truth = pool[["note_id", "pest_group"]].copy()
    keep = rng.random(len(pool)) < 0.12
    pool.loc[~keep, "pest_group"] = ""
    write_csv(pool, root / "tech_notes.csv")
    gold_idx = rng.choice(np.flatnonzero(~keep), size=90, replace=False)
    write_csv(truth.iloc[np.sort(gold_idx)], root / "pest_group_checked.csv")
    rules = [
        {
            "name": "droppings_rodent",
            "label": "rodent",
            "kind": "keyword",
            "column": "note",
            "keywords": ["droppings", "gnaw", "gnawed", "rat", "rats", "mice", "mouse"],
        },
        {
            "name": "insects",
            "label": "insect",
            "kind": "keyword",
            "column": "note",
            "keywords": ["bed bugs", "cockroaches", "wasp", "ant", "fleas", "beetle", "moth"],
        },
        {
            "name": "birds",
            "label": "bird",
            "kind": "keyword",
            "column": "note",
            "keywords": ["pigeon", "pigeons", "gulls", "starlings", "guano"],
        },
        {
            "name": "wildlife",
            "label": "wildlife",
            "kind": "regex",
            "column": "note",
            "pattern": r"\b(squirrels?|fox|moles?)\b",
            "ignore_case": True,
        },
    ]
    write_json(root / "pest_rules.json", rules)

    # chemical log with a few odd entries
    log = []
    for i in range(420):
        product = pick(
            rng, ["Deltamethrin 2.5%", "Brodifacoum bait", "Fipronil gel", "Cypermethrin"]
        )
        dose = round(float(abs(rng.normal(60, 18))), 1)
        area = int(rng.integers(20, 300))
        log.append(
            {
                "entry": i + 1,
                "job_no": f"PC-{26000 + int(rng.integers(0, 960))}",
                "technician": pick(rng, ["DK", "SA", "MW", "JP", "RT"]),
                "product": product,
                "dose_ml": dose,
                "area_m2": area,
                "van": pick(rng, ["V1", "V2", "V3", "V4"]),
                "minutes_on_site": int(rng.normal(55, 15)),
            }
        )
    for j, k in enumerate([33, 101, 257, 318, 399]):
        log[k]["dose_ml"] = [940.0, 1.2, 1210.5, 875.0, 0.4][j]
        log[k]["minutes_on_site"] = [6, 410, 9, 390, 3][j]
    write_csv(pd.DataFrame(log), root / "chemical_log.csv")

    write_text(
        root / "pest_docs" / "rodenticide_sop.md",
        """
# Rodenticide handling SOP (Yorkshire branches)

## Scope
This procedure applies to every technician who places second-generation anticoagulant
rodenticides. Brodifacoum bait is only placed inside locked, tamper-resistant bait boxes.

## Before placing bait
A site survey is required before any bait goes down. The survey records the species, the
activity level and any non-target animals such as pets or birds of prey. If children use the
area, bait boxes must be secured to the ground or a wall.

## Placement
Bait boxes are placed every 5 to 10 metres along active runs. No more than 500 grams of bait is
placed per box. Loose bait is never left in the open because it can be carried by the rodents.

## Follow-up
A follow-up visit is booked within 7 days of the first placement. When no further activity is
seen for two visits in a row, all bait and boxes are removed. Dead rodents are collected with
gloves and disposed of in sealed bags.

## Records
Every placement is logged in the chemical log with the product, the dose and the job number.
Incidents involving non-target animals are reported to the branch manager the same day.
""",
    )
    write_text(
        root / "pest_docs" / "bed_bug_protocol.md",
        """
# Bed bug treatment protocol

## Identifying an infestation
Bed bugs are small, flat, reddish-brown insects that feed on blood at night. Signs include
blood spots on sheets, dark droppings in mattress seams and shed skins.

## Preparing the room
The customer is asked to wash all bedding at 60 degrees and to bag clothes before the visit.
Furniture is moved at least 30 cm away from walls so the technician can reach the skirting.

## Treatment options
Heat treatment raises the room to 56 degrees Celsius for at least 90 minutes, which kills all
life stages. Residual spray is applied to seams, cracks and bed frames when heat is not
possible. A second spray visit is needed 14 days later because eggs are not killed by spray.

## Aftercare
The customer should not vacuum treated areas for 10 days. If live bugs are seen after the
second visit, a third visit is free of charge.
""",
    )
    write_text(
        root / "pest_docs" / "customer_faq.txt",
        """
How long until I can go back in the house after a spray?
Most residual sprays are dry after two hours. Children and pets should stay out until then.

Why do you need to come back?
Most treatments need a follow-up visit because eggs hatch after the first treatment. Rodent jobs
are checked within 7 days.

Is the bait dangerous to my dog?
Bait is always placed inside locked boxes that pets cannot open. Tell the technician if your
dog has eaten anything unusual.

What happens if the pests come back?
If the same pest returns within 90 days of the last visit, the repeat visit is free.
""",
    )


# --------------------------------------------------------------------------- crowdfunding

REPORT_TEXT = {
    "fraud": [
        "creator stopped replying after funding, photos look copied from a stock site",
        "same product page as another campaign under a different name",
        "promised shipping in march, now the creator account is deleted",
        "prototype video is from a youtube review of another brand",
        "asks backers to pay extra by bank transfer outside the platform",
        "claims a charity partnership the charity denies",
    ],
    "legit": [
        "delay in shipping but creator posts weekly updates",
        "backer unhappy with colour of the reward, item received",
        "reward arrived late, creator refunded shipping",
        "misunderstanding about stretch goal, resolved in comments",
        "product works but smaller than in the video",
        "backer forgot they pledged, asked for refund",
    ],
}
CATEGORIES = ["gadgets", "board games", "film", "charity", "music", "fashion", "food"]


def crowd_reports(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        fraud = rng.random() < 0.3
        kind = "fraud" if fraud else "legit"
        age = int(rng.integers(1, 60) if fraud else rng.integers(30, 2500))
        prior = int(rng.poisson(0.3 if fraud else 2.0))
        goal = int(round(float(rng.lognormal(9.5, 1.0)), -2))
        raised = int(goal * float(rng.uniform(0.8, 4.0) if fraud else rng.uniform(0.3, 2.0)))
        backers = max(1, int(raised / float(rng.uniform(25, 120))))
        updates = int(rng.poisson(1 if fraud else 6))
        reports = int(1 + rng.poisson(4 if fraud else 1.2))
        refund = "yes" if (fraud and rng.random() < 0.7) or rng.random() < 0.12 else "no"
        escalated = "Y" if (reports > 4 or (fraud and rng.random() < 0.5)) else "N"
        verdict = "fraud" if fraud else "legit"
        if rng.random() < 0.06:
            verdict = "legit" if fraud else "fraud"
        rows.append(
            {
                "report_id": f"TS-{41000 + i}",
                "campaign_id": f"CMP{int(rng.integers(10000, 99999))}",
                "reported_on": str(
                    pd.Timestamp("2026-02-01") + pd.Timedelta(days=int(rng.integers(0, 300)))
                )[:10],
                "category": pick(rng, CATEGORIES),
                "reporter": pick(rng, ["backer", "backer", "anonymous", "partner", "staff"]),
                "report_text": pick(rng, REPORT_TEXT[kind]),
                "goal_usd": goal,
                "raised_usd": raised,
                "backers": backers,
                "creator_acct_age_days": age,
                "creator_prior_campaigns": prior,
                "updates_posted": updates,
                "reports_count": reports,
                "payout_country": pick(rng, ["US", "UK", "DE", "CA", "NL", "US", "other"]),
                "reviewer_verdict": verdict,
                "refund_issued": refund,
                "escalated": escalated,
            }
        )
    return pd.DataFrame(rows)


def crowd_files(root: Path, rng: np.random.Generator) -> None:
    reps = crowd_reports(rng, 900)
    train = reps.iloc[:600].copy()
    write_csv(train, root / "campaign_reports.csv")
    write_csv(reps.iloc[600:780], root / "reports_holdout.csv")
    write_csv(
        reps.iloc[780:].drop(columns=["reviewer_verdict", "refund_issued", "escalated"]),
        root / "reports_queue_dec.csv",
    )

    # unreviewed backlog: the fraud_flag column filled on a few rows only
    backlog = crowd_reports(rng, 500)
    backlog = backlog.rename(columns={"reviewer_verdict": "fraud_flag"})
    backlog = backlog.drop(columns=["refund_issued", "escalated"])
    truth = backlog[["report_id", "fraud_flag"]].copy()
    keep = rng.random(len(backlog)) < 0.1
    backlog.loc[~keep, "fraud_flag"] = ""
    write_csv(backlog, root / "report_backlog.csv")
    gold_idx = np.sort(rng.choice(np.flatnonzero(~keep), size=80, replace=False))
    gold = truth.iloc[gold_idx].rename(columns={"fraud_flag": "analyst_call"})
    write_csv(gold, root / "analyst_reviewed.csv")
    rules = {
        "labeling_functions": [
            {
                "name": "offplatform_payment",
                "label": "fraud",
                "kind": "keyword",
                "column": "report_text",
                "keywords": ["bank transfer", "outside the platform"],
            },
            {
                "name": "copied_media",
                "label": "fraud",
                "kind": "regex",
                "column": "report_text",
                "pattern": r"(copied|stock site|another brand|different name)",
                "ignore_case": True,
            },
            {
                "name": "account_deleted",
                "label": "fraud",
                "kind": "keyword",
                "column": "report_text",
                "keywords": ["deleted", "stopped replying", "denies"],
            },
            {
                "name": "new_creator",
                "label": "fraud",
                "kind": "threshold",
                "column": "creator_acct_age_days",
                "op": "<",
                "value": 20,
            },
            {
                "name": "creator_updates",
                "label": "legit",
                "kind": "threshold",
                "column": "updates_posted",
                "op": ">=",
                "value": 5,
            },
            {
                "name": "delivered",
                "label": "legit",
                "kind": "keyword",
                "column": "report_text",
                "keywords": ["received", "arrived", "resolved", "refunded shipping"],
            },
        ]
    }
    write_json(root / "fraud_rules_v2.json", rules)

    # refunds with a few strange requests
    refunds = []
    for i in range(380):
        amount = round(float(rng.lognormal(4.0, 0.6)), 2)
        refunds.append(
            {
                "refund_id": f"RF-{90000 + i}",
                "campaign_id": f"CMP{int(rng.integers(10000, 99999))}",
                "amount_usd": amount,
                "days_since_pledge": int(rng.integers(1, 200)),
                "backer_country": pick(rng, ["US", "UK", "DE", "CA", "FR", "AU"]),
                "method": pick(rng, ["card", "card", "card", "paypal", "wallet"]),
                "refunds_by_backer_12m": int(rng.poisson(0.4)),
                "reason": pick(
                    rng, ["not delivered", "changed mind", "damaged", "late", "duplicate"]
                ),
            }
        )
    odd_amounts = [9800.0, 7420.5, 0.01, 12500.0, 6600.0, 0.02]
    for k, amt in zip([17, 88, 150, 222, 301, 360], odd_amounts, strict=True):
        refunds[k]["amount_usd"] = amt
        refunds[k]["refunds_by_backer_12m"] = 14 if amt > 1 else 0
    write_csv(pd.DataFrame(refunds), root / "refunds_nov.csv")

    write_text(
        root / "policies" / "trust_and_safety_policy.md",
        """
# Trust and Safety policy for campaigns

## Prohibited campaigns
Campaigns may not raise money for weapons, medical cures without evidence, or products the
creator does not intend to make. A campaign that reuses another creator's images or video is
removed.

## Review of reports
Every report is reviewed by a trust and safety analyst within 48 hours. A campaign with more
than 5 reports in one week is escalated to a senior analyst. The analyst records a verdict of
fraud or legit.

## Account age
Creators whose account is younger than 30 days must verify their identity before launch.
Payouts to new creators are held for 14 days after the campaign ends.

## Off-platform payments
Asking backers to pay outside the platform is a breach of the terms. The campaign is suspended
at once and backers are warned by email.
""",
    )
    write_text(
        root / "policies" / "refund_policy.md",
        """
# Backer refund policy

## When a refund is issued
A backer gets a full refund when the campaign is removed for fraud. When a creator fails to
deliver within 12 months of the promised date, backers can request a refund from the
protection fund.

## Limits
The protection fund pays at most 1,000 US dollars per backer per year. Refund requests above
that amount are reviewed by hand.

## Timing
Refunds are paid to the original payment method within 10 business days. Card refunds can take
an extra 5 days to appear on a statement.
""",
    )


# --------------------------------------------------------------------------- glacier station

FIELD_ENTRIES = {
    "calving": [
        "large calving event at terminus, ~40 m section lost",
        "heard calving from camp at 03:10, ice debris in fjord",
        "serac collapse near front, waves reached the moraine",
    ],
    "equipment": [
        "AWS-2 logger frozen, replaced battery pack",
        "GPR antenna cable chafed, taped and retested",
        "ablation stake 7 melted out, redrilled with steam drill",
        "anemometer iced, cleaned and reset",
    ],
    "weather": [
        "whiteout most of day, no fieldwork possible",
        "strong katabatic wind overnight, tent pole bent",
        "warm foehn event, heavy surface melt and ponding",
    ],
    "crevasse": [
        "new crevasse opened on route to stake 4, flagged",
        "snow bridge collapse near upper transect, rerouted",
        "crevasse field widening below icefall",
    ],
}


def glacier_files(root: Path, rng: np.random.Generator) -> None:
    # sensor readings: hourly-ish from three stations, with some faults
    n = 1100
    rows = []
    start = pd.Timestamp("2026-06-01 00:00")
    for i in range(n):
        station = pick(rng, ["AWS-1", "AWS-2", "AWS-3"])
        air = round(float(rng.normal(1.5, 4.0)), 2)
        ice = round(float(min(0.0, rng.normal(-2.5, 1.5))), 2)
        wind = round(float(abs(rng.normal(6, 3.5))), 1)
        batt = round(float(rng.normal(12.6, 0.35)), 2)
        snow = round(float(abs(rng.normal(45, 20))), 1)
        sig = round(float(rng.normal(-78, 6)), 1)
        melt = round(float(max(0.0, 2.1 * air + rng.normal(4, 3))), 2)
        fault_score = (12.2 - batt) * 2.5 + 0.08 * (sig + 78) * -1 + 0.15 * max(0, wind - 12)
        fault_score += rng.normal(0, 0.6)
        status = "fault" if fault_score > 0.1 else "ok"
        melt_band = "high" if melt > 12 else ("moderate" if melt > 5 else "low")
        rows.append(
            {
                "reading_id": 500000 + i,
                "station": station,
                "logged_at": str(start + pd.Timedelta(minutes=int(i * 65))),
                "air_temp_c": air,
                "ice_temp_c": ice,
                "wind_ms": wind,
                "battery_v": batt,
                "snow_depth_cm": snow,
                "signal_dbm": sig,
                "melt_mm_day": melt,
                "melt_band": melt_band,
                "status": status,
            }
        )
    sens = pd.DataFrame(rows)
    odd = {
        120: ("air_temp_c", 48.5),
        333: ("battery_v", -3.2),
        610: ("snow_depth_cm", 940.0),
        777: ("wind_ms", 88.0),
        905: ("ice_temp_c", 14.0),
        1010: ("signal_dbm", 12.0),
    }
    for k, (col, val) in odd.items():
        sens.loc[k, col] = val
    write_csv(sens, root / "sensor_readings.csv")
    labelled = sens.drop(index=list(odd))
    write_csv(labelled.iloc[:700], root / "sensors_summer_train.csv")
    write_csv(labelled.iloc[700:950], root / "sensors_autumn_test.csv")
    write_csv(
        labelled.iloc[950:].drop(columns=["status", "melt_band"]),
        root / "sensors_latest.csv",
    )

    # field logs: event_type filled by some observers only
    logs = []
    for i in range(420):
        kind = pick(rng, list(FIELD_ENTRIES))
        logs.append(
            {
                "log_no": i + 1,
                "date": str(pd.Timestamp("2026-05-20") + pd.Timedelta(days=int(i // 3)))[:10],
                "observer": pick(rng, ["Ingrid", "Tomasz", "Aiko", "Rafael", "Sunniva"]),
                "site": pick(rng, ["terminus", "upper transect", "camp", "icefall", "stake line"]),
                "entry": pick(rng, FIELD_ENTRIES[kind])
                + pick(rng, ["", ". photos taken", ". logged GPS"]),
                "event_type": kind,
            }
        )
    flog = pd.DataFrame(logs)
    truth = flog[["log_no", "event_type"]].copy()
    keep = rng.random(len(flog)) < 0.15
    flog.loc[~keep, "event_type"] = ""
    write_csv(flog, root / "field_log_2026.csv")
    gold_idx = np.sort(rng.choice(np.flatnonzero(~keep), size=70, replace=False))
    write_csv(truth.iloc[gold_idx], root / "field_log_tagged_by_pi.csv")

    write_text(
        root / "manuals" / "aws_maintenance_manual.md",
        """
# Automatic weather station (AWS) maintenance manual

## Power system
Each AWS runs on a 12 volt battery charged by a 40 watt solar panel. The logger shuts down when
the battery voltage falls below 11.2 volts. In polar night the battery is swapped every 30 days.

## Sensors
The air temperature sensor sits in a ventilated radiation shield 2 metres above the surface.
The ice temperature string has thermistors at 1, 2, 5 and 10 metres depth. The sonic ranger
measures snow depth and must be cleared of rime after storms.

## Data transmission
Readings are sent every hour over the Iridium link. A signal weaker than -95 dBm usually means
the antenna is iced. Missing transmissions are filled from the logger's card at the next visit.

## Fault codes
Code E3 means the battery is low. Code E7 means the anemometer is frozen. Code E9 means the
logger clock has drifted by more than 60 seconds and must be resynced with GPS time.
""",
    )
    write_text(
        root / "manuals" / "gpr_field_guide.md",
        """
# Ground-penetrating radar (GPR) field guide

## Setup
The GPR unit uses a 100 MHz antenna towed on a plastic sled behind the snowmobile. Antenna
cables are checked for chafing before every survey.

## Survey speed
The snowmobile drives at no more than 8 km/h so the trace spacing stays under 0.5 metres.
GPS positions are logged once per second.

## Safety
Surveys on the upper transect are done roped up because of crevasses. A survey is cancelled when
visibility is below 100 metres.

## Processing
Ice thickness is calculated with a radar wave speed of 0.168 metres per nanosecond in ice.
""",
    )
    write_text(
        root / "manuals" / "station_safety_rules.txt",
        """
Station safety rules, Kvitbreen research station

Nobody travels on the glacier alone. Every team carries a radio, a satellite phone and a
crevasse rescue kit.

The station leader must be told the route and the return time before departure. If a team is
more than 2 hours late, the search plan starts.

Polar bear watch is kept at camp at all times between May and September. Flare guns and rifles
are stored in the locked cabinet in the hut.

Fuel for the generator is stored at least 20 metres from the sleeping huts.
""",
    )


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit("usage: python make_data.py DIR")
    root = Path(sys.argv[1])
    root.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    pest_files(root, rng)
    crowd_files(root, rng)
    glacier_files(root, rng)


if __name__ == "__main__":
    main()
