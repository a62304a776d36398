"""Write the fresh57 corpus's files: vet clinics, an esports organiser, a water utility.

Usage: python make_data.py DIR  (deterministic: seed 5757, offline, well under 3 MB)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 5757


def _pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


def _blank_most(rng: np.random.Generator, values: list[str], keep: float) -> list[str]:
    """Keep a share of the labels, blank the rest (a partly filled column)."""
    return [v if rng.random() < keep else "" for v in values]


# ----- veterinary clinics ----------------------------------------------------------------------
CLINICS = ["Riverside", "Oakfield", "Harbour Rd", "Millbrook", "Northgate"]
SPECIES = ["dog", "cat", "rabbit", "guinea pig", "ferret", "parrot"]
APPT_TYPES = ["vaccination", "dental", "check-up", "surgery", "follow-up", "nail trim"]


def vet_appointments(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        species = _pick(rng, SPECIES)
        appt = _pick(rng, APPT_TYPES)
        ahead = int(rng.integers(0, 60))
        prior = int(rng.poisson(0.6))
        sms = "yes" if rng.random() < 0.65 else "no"
        slot = _pick(rng, ["08:00-10:00", "10:00-12:00", "14:00-16:00", "16:00-19:00"])
        dist = round(float(rng.gamma(2.0, 4.0)), 1)
        age = round(float(rng.uniform(0.2, 16)), 1)
        logit = -2.2 + 0.035 * ahead + 0.8 * prior + (0.9 if sms == "no" else 0)
        logit += 0.06 * dist + (0.6 if appt in ("nail trim", "check-up") else -0.4)
        no_show = "yes" if rng.random() < 1 / (1 + np.exp(-logit)) else "no"
        late = int(no_show == "no" and rng.random() < 0.08 + 0.004 * ahead)
        rows.append(
            {
                "appt_id": f"AP{start + i:05d}",
                "clinic": _pick(rng, CLINICS),
                "species": species,
                "pet_age_yrs": age,
                "appt_type": appt,
                "slot": slot,
                "days_booked_ahead": ahead,
                "prior_no_shows": prior,
                "reminder_sms": sms,
                "owner_distance_km": dist,
                "first_visit": "Y" if rng.random() < 0.2 else "N",
                "no_show": no_show,
                "cancelled_late": late,
            }
        )
    return pd.DataFrame(rows)


NOTE_BITS = {
    "emergency": [
        "collapsed in waiting room, pale gums, rapid shallow breathing",
        "hit by car, open fracture hind limb, shock protocol started",
        "suspected GDV, distended abdomen, unproductive retching",
        "seizuring on arrival for over 5 min, diazepam given",
        "ingested rat poison approx 1h ago, induce emesis now",
        "severe haemorrhage from laceration, pressure bandage applied",
    ],
    "urgent": [
        "vomiting since yesterday, not eating, mild dehydration",
        "limping on right fore, painful on palpation, needs xray today",
        "straining to urinate, cat male, check for blockage asap",
        "eye swollen and cloudy, possible ulcer, fluorescein stain",
        "abscess on flank, febrile 39.8, start antibiotics",
        "bloody diarrhoea 2 days, lethargic, bloods taken",
    ],
    "routine": [
        "annual booster given, weight stable, no concerns",
        "nails clipped, ears clean, owner happy",
        "dental check, mild tartar, recommend scale in 6 months",
        "post-op recheck, wound healing well, sutures out",
        "weight check, diet advice given, recheck 3 months",
        "flea and worm treatment dispensed, healthy coat",
    ],
}


def treatment_notes(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, gold = [], []
    for i in range(n):
        cls = _pick(rng, ["routine"] * 5 + ["urgent"] * 3 + ["emergency"] * 2)
        text = _pick(rng, NOTE_BITS[cls])
        extra = _pick(
            rng,
            [
                "",
                " Owner informed.",
                " Discussed costs with owner.",
                " Pt very anxious, muzzle used.",
                " Insurance claim form requested.",
            ],
        )
        temp = round(float(rng.normal(38.6 if cls == "routine" else 39.3, 0.5)), 1)
        hr = int(rng.normal(100 if cls == "routine" else 140, 18))
        note_id = f"TN-{3100 + i}"
        rows.append(
            {
                "note_id": note_id,
                "clinic": _pick(rng, CLINICS),
                "species": _pick(rng, SPECIES[:4]),
                "vet": _pick(rng, ["JM", "AK", "PR", "SB", "LT"]),
                "temp_c": temp,
                "heart_rate": hr,
                "note_text": (text + "." + extra).strip(),
                "triage": cls if rng.random() < 0.12 else "",
                "follow_up_booked": "yes" if cls != "routine" or rng.random() < 0.2 else "no",
            }
        )
        if not rows[-1]["triage"] and rng.random() < 0.18:
            gold.append({"note_id": note_id, "triage": cls})
    return pd.DataFrame(rows), pd.DataFrame(gold)


REVIEW_POS = [
    "Dr {v} was so gentle with our {s}, staff were lovely",
    "Quick appointment, clear explanation, will come back",
    "They squeezed us in same day, brilliant team",
    "Really caring nurses, our {s} was calm for once",
]
REVIEW_NEG = [
    "Waited 50 minutes past our slot and nobody apologised",
    "Bill was way higher than quoted, felt ripped off",
    "Receptionist was rude and the {s} left stressed",
    "Misdiagnosed twice, had to go to another clinic",
]
REVIEW_MID = [
    "Fine visit, a bit pricey but ok",
    "Parking is hard but the vet was ok",
    "Average experience, nothing special",
    "Took a while, the {s} is fine now though",
]


def owner_reviews(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        mood = _pick(rng, ["positive"] * 5 + ["negative"] * 3 + ["mixed"] * 2)
        bank = {"positive": REVIEW_POS, "negative": REVIEW_NEG, "mixed": REVIEW_MID}[mood]
        text = _pick(rng, bank).format(v=_pick(rng, ["Patel", "Lowe", "Okafor"]), s="dog")
        stars = {"positive": [4, 5], "negative": [1, 2], "mixed": [2, 3, 4]}[mood]
        rows.append(
            {
                "review_id": 9000 + i,
                "clinic": _pick(rng, CLINICS),
                "posted": f"2026-{1 + int(rng.integers(11)):02d}-{1 + int(rng.integers(28)):02d}",
                "stars": int(_pick(rng, [str(s) for s in stars])),
                "review_text": text,
                "tone": mood if rng.random() < 0.2 else "",
                "mentions_price": "yes" if "pric" in text or "Bill" in text else "no",
            }
        )
    return pd.DataFrame(rows)


# ----- esports tournament organiser ------------------------------------------------------------
MAPS = ["Ascent", "Bind", "Haven", "Lotus", "Split", "Sunset"]


def matches(rng: np.random.Generator, n: int, start: int, outcome: bool) -> pd.DataFrame:
    rows = []
    for i in range(n):
        ea, eb = rng.normal(1650, 160, 2)
        fb = rng.uniform(0.35, 0.65)
        ping = rng.normal(28, 9)
        logit = (ea - eb) / 120 + 3 * (fb - 0.5)
        row = {
            "match_id": f"M{start + i}",
            "stage": _pick(rng, ["groups", "groups", "groups", "quarter", "semi", "final"]),
            "map": _pick(rng, MAPS),
            "patch": _pick(rng, ["8.11", "8.12", "9.01"]),
            "elo_home": int(ea),
            "elo_away": int(eb),
            "home_first_blood_rate": round(float(fb), 3),
            "home_avg_ping": round(float(ping), 1),
            "away_avg_ping": round(float(rng.normal(28, 9)), 1),
            "home_roster_changes": int(rng.poisson(0.4)),
            "days_since_last_match_home": int(rng.integers(1, 21)),
        }
        if outcome:
            row["home_win"] = int(rng.random() < 1 / (1 + np.exp(-logit)))
            row["overtime"] = "yes" if abs(logit) < 0.4 and rng.random() < 0.5 else "no"
        rows.append(row)
    return pd.DataFrame(rows)


def player_stats(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        role = _pick(rng, ["duelist", "controller", "initiator", "sentinel"])
        hs = rng.normal(24, 5)
        react = rng.normal(215, 25)
        kpr = rng.normal(0.72 if role == "duelist" else 0.62, 0.1)
        rows.append(
            {
                "player_id": f"P{7000 + i}",
                "team": f"Team {_pick(rng, ['Ember', 'Nova', 'Kraken', 'Vortex', 'Lynx'])}",
                "role": role,
                "region": _pick(rng, ["EU", "NA", "APAC"]),
                "maps_played": int(rng.integers(4, 40)),
                "kills_per_round": round(float(kpr), 3),
                "headshot_pct": round(float(hs), 1),
                "avg_reaction_ms": round(float(react), 1),
                "crosshair_flick_deg_s": round(float(rng.normal(410, 60)), 1),
                "wallbang_kills": int(rng.poisson(2)),
                "input_device": _pick(rng, ["mouse+kb"] * 9 + ["controller"]),
            }
        )
    # odd rows: numbers nobody human posts, and odd combinations
    odd = [
        (3, {"headshot_pct": 78.0, "avg_reaction_ms": 96.0, "kills_per_round": 1.9}),
        (41, {"avg_reaction_ms": 61.0, "crosshair_flick_deg_s": 1900.0}),
        (77, {"wallbang_kills": 58, "headshot_pct": 66.5}),
        (120, {"kills_per_round": 2.4, "maps_played": 4}),
        (155, {"input_device": "controller", "crosshair_flick_deg_s": 1450.0}),
        (199, {"headshot_pct": 91.2, "avg_reaction_ms": 88.0}),
    ]
    for idx, change in odd:
        rows[idx].update(change)
    return pd.DataFrame(rows)


CHEAT_TEXT = {
    "cheating": [
        "he tracked me through smoke every round, obvious wallhack",
        "snapped onto heads through the wall 4 times, clip attached",
        "aim locks instantly the moment someone peeks, triggerbot",
        "prefired every angle he couldnt see, demo at round 14",
    ],
    "clean": [
        "he just got lucky, reporting because we lost",
        "guy was toxic in chat but aim looked normal",
        "reported for camping, not sure that is cheating",
        "honestly just a better player, I was tilted",
    ],
    "unclear": [
        "something felt off but no clip",
        "weird movement maybe lag, please check",
        "teammate said he was sus, didnt watch myself",
        "his stats jumped a lot this week, idk",
    ],
}


def cheat_reports(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, gold = [], []
    for i in range(n):
        cls = _pick(rng, ["clean"] * 4 + ["cheating"] * 3 + ["unclear"] * 3)
        rid = f"CR{52000 + i}"
        rows.append(
            {
                "report_id": rid,
                "match_id": f"M{1000 + int(rng.integers(600))}",
                "reported_player": f"P{7000 + int(rng.integers(220))}",
                "reporter_rank": _pick(rng, ["Iron", "Gold", "Diamond", "Immortal", "Radiant"]),
                "clip_attached": "yes" if cls == "cheating" and rng.random() < 0.7 else "no",
                "report_text": _pick(rng, CHEAT_TEXT[cls]),
                "prior_reports_90d": int(rng.poisson(3 if cls == "cheating" else 0.8)),
                "verdict": cls if rng.random() < 0.1 else "",
            }
        )
        if not rows[-1]["verdict"] and rng.random() < 0.15:
            gold.append({"report_id": rid, "verdict": cls})
    return pd.DataFrame(rows), pd.DataFrame(gold)


CHAT = {
    "ok": [
        "gg wp everyone",
        "nice clutch on B",
        "when does the next match start",
        "stream delay is like 30s lol",
        "ez round, lets go Nova",
    ],
    "warn": [
        "this ref is braindead",
        "uninstall the game you bot",
        "shut up noob",
        "ur team is trash lmao",
    ],
    "mute": [
        "kys seriously",
        "go back to your country",
        "everyone spam the caster's dms",
        "I know where you live lol",
    ],
}


def chat_messages(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        cls = _pick(rng, ["ok"] * 7 + ["warn"] * 2 + ["mute"])
        rows.append(
            {
                "msg_id": 400000 + i,
                "channel": _pick(rng, ["#main-stage", "#team-ember", "#lfg", "#casters"]),
                "username": f"user{int(rng.integers(10000)):04d}",
                "sent_at": f"2026-11-{1 + int(rng.integers(28)):02d}T{int(rng.integers(24)):02d}:"
                f"{int(rng.integers(60)):02d}",
                "message": _pick(rng, CHAT[cls]),
                "account_age_days": int(rng.integers(0, 2000)),
                "mod_action": cls if rng.random() < 0.15 else "",
            }
        )
    return pd.DataFrame(rows)


# ----- municipal water utility -----------------------------------------------------------------
DISTRICTS = ["Westbank", "Old Town", "Hillcrest", "Docklands", "Fenmoor", "Sutton Vale"]


def meter_readings(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        ptype = _pick(rng, ["house", "flat", "house", "shop", "school"])
        base = {"house": 28, "flat": 16, "shop": 40, "school": 180}[ptype]
        prev = max(1.0, rng.normal(base, base * 0.2))
        rows.append(
            {
                "meter_id": f"WM{210000 + i}",
                "district": _pick(rng, DISTRICTS),
                "property_type": ptype,
                "read_date": f"2026-{1 + int(rng.integers(10)):02d}-{1 + int(rng.integers(28)):02d}",
                "days_in_period": int(rng.integers(28, 35)),
                "prev_m3": round(float(prev), 2),
                "curr_m3": round(float(max(0.2, prev * rng.normal(1.0, 0.12))), 2),
                "meter_age_yrs": int(rng.integers(0, 25)),
                "read_type": _pick(rng, ["actual", "actual", "actual", "estimated", "customer"]),
            }
        )
    odd = [
        (12, {"curr_m3": 412.0}),
        (58, {"curr_m3": 0.0, "read_type": "actual"}),
        (103, {"property_type": "flat", "curr_m3": 190.5}),
        (240, {"days_in_period": 3, "curr_m3": 95.0}),
        (311, {"meter_age_yrs": 61}),
        (377, {"property_type": "school", "curr_m3": 2.1}),
        (402, {"curr_m3": 640.0, "read_type": "estimated"}),
    ]
    for idx, change in odd:
        rows[idx].update(change)
    return pd.DataFrame(rows)


MATERIALS = ["cast iron", "ductile iron", "PVC", "asbestos cement", "HDPE"]


def mains(rng: np.random.Generator, n: int, start: int, outcome: bool) -> pd.DataFrame:
    rows = []
    for i in range(n):
        mat = _pick(rng, MATERIALS)
        year = int(rng.integers(1930, 2022))
        press = float(rng.normal(4.2, 0.8))
        frost = int(rng.integers(0, 40))
        repairs = int(rng.poisson(1.2 if mat in ("cast iron", "asbestos cement") else 0.4))
        risk = -3.5 + 0.025 * (2026 - year) + 0.5 * repairs + 0.4 * (press - 4.2) + 0.03 * frost
        risk += 0.8 if mat == "cast iron" else 0.0
        row = {
            "asset_id": f"MN-{start + i}",
            "district": _pick(rng, DISTRICTS),
            "material": mat,
            "diameter_mm": int(_pick(rng, ["100", "150", "225", "300", "450"])),
            "install_year": year,
            "pressure_bar": round(press, 2),
            "soil": _pick(rng, ["clay", "sand", "loam", "chalk"]),
            "frost_days_last_winter": frost,
            "prior_repairs": repairs,
            "under_road": _pick(rng, ["yes", "no"]),
        }
        if outcome:
            burst = rng.random() < 1 / (1 + np.exp(-risk))
            row["burst_next_12m"] = "yes" if burst else "no"
            cost = "high" if row["diameter_mm"] >= 300 or row["under_road"] == "yes" else "low"
            row["repair_cost_band"] = cost if rng.random() < 0.8 else "medium"
        rows.append(row)
    return pd.DataFrame(rows)


LEAK_TEXT = {
    "critical": [
        "water gushing out of the road, traffic stopped",
        "street flooded, water coming into houses",
        "large crater opened near the school gates, water everywhere",
    ],
    "major": [
        "steady stream running down the pavement for two days",
        "no pressure in the whole street since this morning",
        "water bubbling up between paving slabs, getting worse",
    ],
    "minor": [
        "small drip from the meter box outside number 14",
        "damp patch on the verge, not sure if it is a leak",
        "hydrant cap dripping slowly",
    ],
}


def leak_reports(rng: np.random.Generator, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        cls = _pick(rng, ["minor"] * 5 + ["major"] * 3 + ["critical"] * 2)
        rows.append(
            {
                "report_no": f"LR{80100 + i}",
                "district": _pick(rng, DISTRICTS),
                "channel": _pick(rng, ["phone", "app", "web form", "crew"]),
                "description": _pick(rng, LEAK_TEXT[cls]),
                "est_flow_lpm": round(
                    float(rng.gamma(2, {"minor": 3, "major": 20, "critical": 90}[cls])), 1
                ),
                "severity": cls if rng.random() < 0.25 else "",
                "crew_sent_within_4h": "yes" if cls != "minor" or rng.random() < 0.2 else "no",
            }
        )
    return pd.DataFrame(rows)


CALL_TEXT = {
    "billing": [
        "customer disputes estimated bill, wants actual read",
        "asked to set up a payment plan, bill doubled",
        "direct debit taken twice this month",
    ],
    "leak": [
        "reports water running in the street outside",
        "meter spinning with all taps off, suspects leak",
        "water coming through ceiling from supply pipe",
    ],
    "supply": [
        "no water since 7am, whole block affected",
        "very low pressure upstairs, shower barely works",
        "supply interrupted without notice during works",
    ],
    "quality": [
        "tap water brown after the works on the main",
        "water smells of chlorine, kids wont drink it",
        "white bits in the kettle, asks about hardness",
    ],
}


def customer_calls(rng: np.random.Generator, n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, gold = [], []
    for i in range(n):
        cls = _pick(rng, ["billing"] * 4 + ["leak"] * 2 + ["supply"] * 2 + ["quality"] * 2)
        cid = f"C-{600000 + i}"
        rows.append(
            {
                "call_id": cid,
                "district": _pick(rng, DISTRICTS),
                "call_minutes": round(float(rng.gamma(3, 2.2)), 1),
                "agent_notes": _pick(rng, CALL_TEXT[cls]),
                "repeat_caller": _pick(rng, ["yes", "no", "no", "no"]),
                "escalated": "yes" if rng.random() < (0.35 if cls != "billing" else 0.1) else "no",
                "call_reason": cls if rng.random() < 0.1 else "",
            }
        )
        if not rows[-1]["call_reason"] and rng.random() < 0.16:
            gold.append({"call_id": cid, "reason": cls})
    return pd.DataFrame(rows), pd.DataFrame(gold)


# ----- rules (labeling functions) and documents ------------------------------------------------
TRIAGE_RULES = [
    {"name": "collapse", "label": "emergency", "kind": "keyword", "column": "note_text",
     "keywords": ["collapsed", "seizuring", "haemorrhage", "GDV", "poison", "shock"]},
    {"name": "hot_fast", "label": "urgent", "kind": "and", "conditions": [
        {"kind": "threshold", "column": "temp_c", "op": ">=", "value": 39.5},
        {"kind": "threshold", "column": "heart_rate", "op": ">=", "value": 130}]},
    {"name": "today_words", "label": "urgent", "kind": "keyword", "column": "note_text",
     "keywords": ["today", "asap", "not eating", "dehydration", "antibiotics"]},
    {"name": "routine_words", "label": "routine", "kind": "keyword", "column": "note_text",
     "keywords": ["booster", "nails clipped", "weight check", "healthy", "no concerns"]},
]  # fmt: skip

CHAT_RULES = [
    {"name": "threats", "label": "mute", "kind": "keyword", "column": "message",
     "keywords": ["kys", "where you live", "go back to your country", "spam"]},
    {"name": "insults", "label": "warn", "kind": "keyword", "column": "message",
     "keywords": ["noob", "trash", "braindead", "bot", "shut up"]},
    {"name": "friendly", "label": "ok", "kind": "regex", "column": "message",
     "pattern": r"\b(gg|wp|nice|lets go|when)\b", "ignore_case": True},
]  # fmt: skip

CALL_RULES = [
    {"name": "money", "label": "billing", "kind": "keyword", "column": "agent_notes",
     "keywords": ["bill", "payment", "direct debit"]},
    {"name": "leaky", "label": "leak", "kind": "keyword", "column": "agent_notes",
     "keywords": ["leak", "running", "ceiling"]},
    {"name": "no_water", "label": "supply", "kind": "keyword", "column": "agent_notes",
     "keywords": ["no water", "pressure", "interrupted"]},
    {"name": "taste_smell", "label": "quality", "kind": "keyword", "column": "agent_notes",
     "keywords": ["brown", "smells", "hardness", "chlorine"]},
]  # fmt: skip

DOCS = {
    "docs/vet/vaccination_policy.md": """# Vaccination policy (all five clinics)

## Dogs
The primary course is two injections given two to four weeks apart, starting at eight weeks
of age. Puppies are protected one week after the second injection. Annual boosters cover
leptospirosis; distemper, parvovirus and hepatitis are boosted every three years.

## Cats
Kittens receive two injections at nine and twelve weeks. The annual booster covers cat flu
and enteritis. Cats that go outdoors are also vaccinated against feline leukaemia.

## Rabbits
Rabbits are vaccinated against myxomatosis and both strains of RHD with one combined
injection from five weeks of age. The booster is given every twelve months.

## Missed boosters
If a booster is more than three months late, the primary course is restarted. The clinic
sends an SMS reminder two weeks before the due date and again on the day.

## Prices
A primary course costs 68 pounds for dogs and 62 pounds for cats. Health-plan members pay
nothing for boosters.
""",
    "docs/vet/no_show_policy.md": """# Missed appointments

A missed appointment is an appointment where the owner neither arrives nor cancels at least
24 hours before the slot. After two missed appointments in twelve months a deposit of 20
pounds is required for the next booking. The deposit is refunded when the owner attends.

Surgery slots are different: a missed surgery slot is charged at half the procedure price,
because the theatre team and anaesthetist are already booked.

Reception staff record the reason when an owner calls afterwards. Common reasons are
forgotten appointments, transport problems and a pet that recovered on its own.
""",
    "docs/esports/rulebook.md": """# Autumn Cup 2026 rulebook

## Format
The group stage is played as best-of-one matches. Quarter-finals and semi-finals are
best-of-three. The grand final is best-of-five with the upper-bracket team starting with a
one-map advantage.

## Technical pauses
Each team may call up to four technical pauses per map. A technical pause lasts at most ten
minutes. If a player disconnects, the round is replayed only when no damage was dealt.

## Anti-cheat
Every player must run the tournament client with kernel anti-cheat enabled. A player caught
cheating is banned from the organiser's events for two years and the team forfeits every
match played that season.

## Chat conduct
Slurs, threats and doxxing lead to an immediate mute. Repeated insults lead to a warning and
then a mute for the rest of the event. Moderators log every action with the message id.
""",
    "docs/esports/anticheat_faq.txt": """Anti-cheat FAQ for players

Why does the client need kernel access?
Because most cheats now run as drivers, the anti-cheat must load before them to see them.

What happens when I am reported?
A report opens a review. Reviewers watch the demo from the reported player's view. A report
with a clip is reviewed within 24 hours; one without a clip within 72 hours.

Can a ban be appealed?
Yes. An appeal is sent within 14 days and is reviewed by a different admin than the one who
issued the ban. Appeals are decided within 30 days.

What counts as cheating?
Aim assistance, wallhacks, triggerbots, macros that fire faster than the game allows, and
playing on another person's account all count as cheating.
""",
    "docs/water/burst_response_procedure.md": """# Burst main response procedure

## Priority levels
A priority 1 burst floods property or blocks a main road; a crew must be on site within one
hour. A priority 2 burst loses supply to more than fifty properties; the target is four
hours. Everything else is priority 3 and is repaired within five working days.

## Isolating the main
The crew closes the nearest valves upstream and downstream. Valves on cast iron mains older
than 1960 are turned slowly to avoid a pressure surge that can cause a second burst.

## Customer contact
Customers without supply for more than twelve hours receive bottled water. Vulnerable
customers on the priority register are contacted by phone within two hours.

## After the repair
The main is flushed until turbidity is below 1 NTU, and a sample is taken for the lab.
""",
    "docs/water/hardness_faq.md": """# Water hardness and quality questions

## Why is my water hard?
Our groundwater passes through chalk, so it carries calcium carbonate. The average hardness
in the supply area is 290 milligrams per litre, which is classed as very hard.

## Is hard water safe?
Hard water is safe to drink. The white scale in kettles is calcium carbonate and is harmless.

## Why is my water brown?
Brown or orange water usually comes from iron sediment disturbed by work on the mains. Run
the cold kitchen tap for twenty minutes. If it does not clear, call us.

## Why does my water smell of chlorine?
Chlorine is added to keep water safe on its way to your tap. The smell is stronger near the
treatment works and fades if you keep a jug in the fridge.
""",
    "docs/water/customer_charter.txt": """Customer charter (summary)

We answer written complaints within ten working days. If we miss that, we pay 30 pounds.
Planned supply interruptions are announced at least 48 hours in advance. If an unplanned
interruption lasts more than twelve hours, each household is paid 40 pounds, plus 20 pounds
for every further twenty-four hours.

Meters are read at least once a year. A bill based on an estimated reading can be corrected
free of charge when the customer sends a meter photo. Customers who use less than 50 cubic
metres a year may ask for a single-occupier tariff.
""",
}


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)

    def write(name: str, frame: pd.DataFrame) -> None:
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        frame.to_csv(path, index=False)

    # vet
    write("vet/appointments_2025.csv", vet_appointments(rng, 900, 10000))
    write("vet/appointments_2026_q1.csv", vet_appointments(rng, 260, 20000))
    upcoming = vet_appointments(rng, 120, 30000).drop(columns=["no_show", "cancelled_late"])
    write("vet/appointments_next_week.csv", upcoming)
    notes, notes_gold = treatment_notes(rng, 700)
    write("vet/treatment_notes.csv", notes)
    write("vet/triage_handlabels.csv", notes_gold)
    write("vet/owner_reviews.csv", owner_reviews(rng, 520))

    # esports
    write("esports/matches_season1.csv", matches(rng, 800, 1000, True))
    write("esports/matches_playoffs.csv", matches(rng, 200, 2000, True))
    write("esports/matches_upcoming.csv", matches(rng, 60, 3000, False))
    write("esports/player_stats.csv", player_stats(rng, 220))
    reports, reports_gold = cheat_reports(rng, 650)
    write("esports/cheat_reports.csv", reports)
    write("esports/verdicts_reviewed.csv", reports_gold)
    write("esports/chat_log_finals.csv", chat_messages(rng, 1200))

    # water
    write("water/meter_readings_2026.csv", meter_readings(rng, 480))
    write("water/mains_history.csv", mains(rng, 1100, 100, True))
    write("water/mains_2025_audit.csv", mains(rng, 300, 5000, True))
    write("water/mains_to_score.csv", mains(rng, 150, 9000, False))
    write("water/leak_reports.csv", leak_reports(rng, 600))
    calls, calls_gold = customer_calls(rng, 900)
    write("water/customer_calls.csv", calls)
    write("water/call_reasons_checked.csv", calls_gold)

    # rules and documents
    rules = {
        "rules/triage_rules.json": TRIAGE_RULES,
        "rules/chat_mod_rules.json": CHAT_RULES,
        "rules/call_reason_rules.json": CALL_RULES,
    }
    for name, lfs in rules.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(lfs, indent=2) + "\n", encoding="utf-8")
    for name, text in DOCS.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
