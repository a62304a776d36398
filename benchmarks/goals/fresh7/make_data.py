"""Write the fresh7 corpus's data files into a folder: `python make_data.py DIR`.

Everything is invented here with fixed seeds (numpy), offline, a few hundred kB in all:

- flight_delays_train.csv / flight_delays_test.csv / flight_delays_upcoming.csv: airline delay
  reports (tabular, label `delayed` yes/no; the upcoming file has no label).
- essays.csv / essays_holdout.csv / essays_ungraded.csv: school essays (text, label
  `score_band` low/medium/high; the ungraded file has no label).
- dental_notes.csv: dental appointment notes, label `urgency` (urgent/routine) filled in on
  only 60 of 600 rows.
- plant_notes.csv + plant_hand_labels.csv: greenhouse plant-disease notes without labels, and a
  separate hand-label file whose id column is `obs_no` (the notes call it `note_id`), label
  `diagnosis` (fungal/pest/nutrient); plant_notes_test.csv: 200 more notes with a diagnosis.
- podcast_segments.csv + podcast_topics_gold.csv: transcript snippets and 72 hand labels
  (`segment_id`, `topic`: tech/sports/true_crime/food).
- warehouse_sensors.csv: cold-storage sensor readings with 18 odd rows (broken correlations,
  a rare zone/shift pair); warehouse_sensors_march.jsonl: a later batch as JSON lines.
- listings.csv: real-estate listings with two plausible label columns (`price_band`,
  `sold_within_30d`).
- docs/dental_aftercare.md, docs/greenhouse_ipm_handbook.md, docs/cold_storage_sop.txt: prose
  for QA generation.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd


def _pick(rng: np.random.Generator, pool: list[str], k: int = 1) -> list[str]:
    idx = rng.choice(len(pool), size=k, replace=False)
    return [pool[i] for i in idx]


# --------------------------------------------------------------------------- flights
CARRIERS = ["NX", "QL", "BV", "TR", "ME", "SK"]
CARRIER_RISK = {"NX": 0.3, "QL": -0.2, "BV": 0.6, "TR": 0.0, "ME": -0.4, "SK": 0.2}
AIRPORTS = ["KVR", "OLM", "TAS", "PRZ", "HEL", "BNQ", "DUW", "ZAF"]
HUB_RISK = {"KVR": 0.5, "OLM": 0.0, "TAS": 0.2, "PRZ": -0.3, "HEL": 0.4, "BNQ": -0.1}


def flights(rng: np.random.Generator, n: int, labeled: bool, start: int) -> pd.DataFrame:
    carrier = rng.choice(CARRIERS, size=n)
    origin = rng.choice(AIRPORTS, size=n)
    dep_hour = rng.integers(5, 24, size=n)
    distance = np.round(rng.gamma(3.0, 420.0, size=n) + 150, 0)
    weather = np.round(np.clip(rng.gamma(1.5, 1.0, size=n), 0, 6), 1)
    taxi = np.round(np.clip(rng.normal(14 + 2.0 * weather, 5, size=n), 3, 70), 1)
    crew_swap = rng.integers(0, 2, size=n)
    age = np.round(rng.uniform(1, 28, size=n), 1)
    logit = (
        -1.6
        + 0.55 * weather
        + 0.09 * (dep_hour - 12)
        + 0.7 * crew_swap
        + 0.04 * (taxi - 14)
        + np.array([CARRIER_RISK[c] for c in carrier])
        + np.array([HUB_RISK.get(o, 0.0) for o in origin])
        + 0.02 * (age - 14)
    )
    p = 1 / (1 + np.exp(-logit))
    delayed = np.where(rng.random(n) < p, "yes", "no")
    frame = pd.DataFrame(
        {
            "report_id": [f"DR{start + i:05d}" for i in range(n)],
            "carrier": carrier,
            "origin": origin,
            "dep_hour": dep_hour,
            "distance_km": distance,
            "weather_severity": weather,
            "taxi_out_min": taxi,
            "crew_swap": crew_swap,
            "aircraft_age_yrs": age,
        }
    )
    if labeled:
        frame["delayed"] = delayed
    return frame


# --------------------------------------------------------------------------- essays
ESSAY_PROMPTS = ["my_hero", "climate", "school_uniforms", "a_journey", "social_media"]
ESSAY_TOPIC = {
    "my_hero": "my grandmother who ran a bakery",
    "climate": "climate change in our town",
    "school_uniforms": "whether pupils should wear uniforms",
    "a_journey": "a train journey to the coast",
    "social_media": "how social media changes friendships",
}
LOW = [
    "i think it is good becuase it is good",
    "this is about {t} and it is nice",
    "there is alot of things to say and i say them",
    "in conclusion it was ok i guess",
    "me and my freind think so to",
    "it was fun and then we went home",
    "people should do it becuase why not",
    "i dont no much about this but i like it",
]
MID = [
    "In this essay I will write about {t}.",
    "There are some good reasons and some bad reasons.",
    "For example, many people in my class agree with this idea.",
    "On the other hand, some people do not like it at all.",
    "I think that it is important for everyone.",
    "In conclusion, I believe this is mostly a good thing.",
    "My teacher said that we should give examples, so here is one.",
    "It can be difficult, but it is also rewarding.",
]
HIGH = [
    "This essay examines {t}, weighing evidence from several perspectives.",
    "Admittedly, the counterargument deserves serious consideration; nevertheless, it overlooks a crucial point.",
    "Consequently, the most persuasive interpretation is the one supported by concrete evidence.",
    "Furthermore, a survey of forty students suggests the effect is neither trivial nor universal.",
    "Ultimately, a nuanced position acknowledges both the costs and the benefits.",
    "To illustrate, consider the contrast between the first and the final paragraph of the source.",
    "Moreover, the author's use of imagery reinforces the central argument.",
    "In sum, the evidence points toward a qualified but confident conclusion.",
]


def essays(rng: np.random.Generator, n: int, labeled: bool, start: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        band = rng.choice(["low", "medium", "high"], p=[0.3, 0.45, 0.25])
        prompt = str(rng.choice(ESSAY_PROMPTS))
        grade = int(rng.integers(6, 11))
        topic = ESSAY_TOPIC[prompt]
        main = {"low": LOW, "medium": MID, "high": HIGH}[band]
        if band == "medium":
            other = LOW if rng.random() < 0.5 else HIGH
        else:
            other = MID
        k_main = int(rng.integers(4, 7))
        k_other = int(rng.integers(1, 3))
        sents = _pick(rng, main, k_main) + _pick(rng, other, k_other)
        rng.shuffle(sents)
        text = " ".join(s.format(t=topic) for s in sents)
        if band == "low":
            text = text.replace(".", "")
        if rng.random() < 0.2:  # markers disagree: the recorded band is a neighbouring one
            band = {"low": "medium", "high": "medium"}.get(band) or str(rng.choice(["low", "high"]))
        rows.append(
            {
                "essay_id": f"E{start + i:04d}",
                "grade_level": grade,
                "prompt": prompt,
                "word_count": len(text.split()),
                "essay": text,
                "score_band": band,
            }
        )
    frame = pd.DataFrame(rows)
    return frame if labeled else frame.drop(columns=["score_band"])


# --------------------------------------------------------------------------- dental
URGENT = [
    "swelling on the left jaw since yesterday",
    "patient reports fever and throbbing pain",
    "bleeding after extraction that will not stop",
    "cracked molar with exposed nerve",
    "abscess visible near lower incisor",
    "severe pain wakes patient at night",
    "facial swelling spreading toward the eye",
    "knocked-out tooth after a bike fall",
    "pus discharge around the implant",
    "cannot open mouth fully, trismus suspected",
]
ROUTINE = [
    "six-month check-up and cleaning",
    "wants whitening consultation",
    "mild sensitivity to cold drinks",
    "scale and polish requested",
    "orthodontic retainer check",
    "replace old amalgam filling, no pain",
    "routine x-rays due",
    "asks about electric toothbrush",
    "small chip on front tooth, cosmetic only",
    "gum check, slight bleeding when flossing",
]
FILLER = [
    "Booked via phone.",
    "Prefers morning slots.",
    "Allergic to penicillin.",
    "New patient.",
    "Insurance card on file.",
    "Nervous patient, offer headphones.",
    "Came with daughter.",
    "",
]


def dental(rng: np.random.Generator, n: int = 600) -> pd.DataFrame:
    rows = []
    for i in range(n):
        urgent = rng.random() < 0.3
        pool = URGENT if urgent else ROUTINE
        parts = _pick(rng, pool, 1)
        if rng.random() < 0.25:  # a symptom from the other side blurs the picture
            parts += _pick(rng, ROUTINE if urgent else URGENT, 1)
        parts.append(str(rng.choice(FILLER)))
        note = "; ".join(p for p in parts if p)
        rows.append(
            {
                "visit_id": 5000 + i,
                "clinic": str(rng.choice(["Northgate", "Riverside", "Old Town"])),
                "patient_age": int(rng.integers(6, 90)),
                "days_since_last_visit": int(rng.integers(20, 900)),
                "note": note,
                "urgency": "urgent" if urgent else "routine",
            }
        )
    frame = pd.DataFrame(rows)
    keep = np.zeros(n, dtype=bool)
    keep[rng.choice(n, size=60, replace=False)] = True
    frame.loc[~keep, "urgency"] = None
    return frame


# --------------------------------------------------------------------------- plants
PLANT_TEXT = {
    "fungal": [
        "grey fuzzy mould on lower leaves",
        "powdery white coating on upper leaf surface",
        "brown concentric rings on older leaves",
        "leaves wilting despite wet soil, stem base dark",
        "yellow halo spots that turn brown",
        "downy growth under the leaves after humid nights",
    ],
    "pest": [
        "tiny white flies rise when the plant is shaken",
        "sticky honeydew and black sooty residue",
        "fine webbing between leaves, stippled yellow dots",
        "chewed leaf edges and small green caterpillars",
        "aphid clusters on new shoots",
        "silvery streaks from thrips feeding",
    ],
    "nutrient": [
        "interveinal yellowing on older leaves",
        "purple tint on leaf undersides",
        "blossom end rot on several fruits",
        "pale new growth, veins stay green",
        "leaf margins scorched and curling upward",
        "overall stunted growth, uniform pale colour",
    ],
}
PLANT_FILLER = [
    "Checked at 7am.",
    "Irrigation normal.",
    "Row 4.",
    "Photo taken.",
    "Scout: Mira.",
    "Scout: Jonas.",
    "Compare next week.",
]


def plants(rng: np.random.Generator, n: int, start: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        diag = str(rng.choice(["fungal", "pest", "nutrient"], p=[0.4, 0.35, 0.25]))
        hum = rng.normal({"fungal": 84, "pest": 66, "nutrient": 70}[diag], 7)
        parts = _pick(rng, PLANT_TEXT[diag], int(rng.integers(1, 3)))
        if rng.random() < 0.2:
            other = str(rng.choice([d for d in PLANT_TEXT if d != diag]))
            parts += _pick(rng, PLANT_TEXT[other], 1)
        parts.append(str(rng.choice(PLANT_FILLER)))
        rows.append(
            {
                "note_id": f"PN-{start + i}",
                "crop": str(rng.choice(["tomato", "cucumber", "pepper", "lettuce"])),
                "greenhouse": str(rng.choice(["GH1", "GH2", "GH3", "GH4"])),
                "humidity_pct": round(float(np.clip(hum, 35, 99)), 1),
                "leaf_temp_c": round(float(rng.normal(23, 3)), 1),
                "note": ". ".join(parts),
                "diagnosis": diag,
            }
        )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- podcasts
POD = {
    "tech": [
        "the new phone chip benchmarks",
        "open source licences and why they matter",
        "we tried the beta of that code editor",
        "cloud outages and what engineers learned",
        "battery life on the latest laptops",
    ],
    "sports": [
        "the derby ended in a penalty shootout",
        "transfer window rumours for the striker",
        "marathon training plans for beginners",
        "the referee's offside call in the second half",
        "tennis rankings after the grass season",
    ],
    "true_crime": [
        "the detective reopened the cold case",
        "a witness statement that did not add up",
        "forensic evidence from the lake house",
        "the trial verdict surprised the town",
        "an alibi that fell apart under questioning",
    ],
    "food": [
        "sourdough starter tips from our guest baker",
        "the best ramen broth takes twelve hours",
        "seasonal vegetables for a quick curry",
        "why cast iron pans need seasoning",
        "street food stalls at the night market",
    ],
}
POD_FILLER = [
    "um so yeah",
    "before that a quick word from our sponsor",
    "let me know what you think in the comments",
    "okay okay",
    "anyway",
    "my co-host disagrees",
]
SHOWS = ["Byte Sized", "Half Time Talk", "Cold Files", "Kitchen Static", "Morning Mix"]


def podcasts(rng: np.random.Generator, n: int = 900) -> pd.DataFrame:
    rows = []
    for i in range(n):
        topic = str(rng.choice(list(POD), p=[0.3, 0.3, 0.2, 0.2]))
        parts = _pick(rng, POD[topic], int(rng.integers(1, 3)))
        parts += _pick(rng, POD_FILLER, int(rng.integers(1, 3)))
        rng.shuffle(parts)
        show_idx = list(POD).index(topic)
        show = SHOWS[show_idx] if rng.random() < 0.6 else SHOWS[4]
        rows.append(
            {
                "segment_id": f"seg{i:04d}",
                "show": show,
                "episode": int(rng.integers(1, 120)),
                "start_min": round(float(rng.uniform(0, 55)), 1),
                "transcript": ", ".join(parts),
                "topic": topic,
            }
        )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- warehouse
ZONE_TEMP = {"freezer": -20.0, "chilled": 3.0, "ambient": 18.0, "dock": 12.0}


def warehouse(rng: np.random.Generator, n: int, start: int, odd: int) -> pd.DataFrame:
    zone = rng.choice(list(ZONE_TEMP), size=n, p=[0.3, 0.3, 0.25, 0.15])
    shift = np.where(
        zone == "dock",
        rng.choice(["day", "night"], size=n, p=[0.8, 0.2]),
        rng.choice(["day", "night", "weekend"], size=n, p=[0.5, 0.35, 0.15]),
    )
    door = np.round(np.clip(rng.gamma(1.2, 2.0, size=n), 0, 40), 1)
    temp = np.array([ZONE_TEMP[z] for z in zone]) + 0.35 * door + rng.normal(0, 1.2, size=n)
    compressor = (
        np.where(zone == "freezer", 7.5, np.where(zone == "chilled", 4.0, 1.0))
        + 0.12 * door
        + rng.normal(0, 0.4, size=n)
    )
    humidity = np.clip(rng.normal(55, 8, size=n) + 0.6 * door, 20, 99)
    vibration = np.abs(rng.normal(2.0, 0.6, size=n)) + 0.08 * compressor
    maint = (vibration > 3.0) | (rng.random(n) < 0.05)
    frame = pd.DataFrame(
        {
            "reading_id": [f"R{start + i:06d}" for i in range(n)],
            "zone": zone,
            "shift": shift,
            "temp_c": np.round(temp, 1),
            "humidity_pct": np.round(humidity, 1),
            "door_open_min": door,
            "compressor_kw": np.round(compressor, 2),
            "vibration_mm_s": np.round(vibration, 2),
            "status": np.where(maint, "maintenance_due", "normal"),
        }
    )
    if odd:
        idx = rng.choice(n, size=odd, replace=False)
        third = odd // 3
        a, b, c = idx[:third], idx[third : 2 * third], idx[2 * third :]
        # freezer warm with the door shut and the compressor idle
        frame.loc[a, "zone"] = "freezer"
        frame.loc[a, "temp_c"] = np.round(rng.uniform(6, 14, size=len(a)), 1)
        frame.loc[a, "door_open_min"] = 0.0
        frame.loc[a, "compressor_kw"] = np.round(rng.uniform(0.2, 0.6, size=len(a)), 2)
        # dock on the weekend shift (never happens otherwise) with huge door time
        frame.loc[b, "zone"] = "dock"
        frame.loc[b, "shift"] = "weekend"
        frame.loc[b, "door_open_min"] = np.round(rng.uniform(60, 90, size=len(b)), 1)
        # ambient rows with freezer-level compressor load and extreme vibration
        frame.loc[c, "zone"] = "ambient"
        frame.loc[c, "compressor_kw"] = np.round(rng.uniform(9, 12, size=len(c)), 2)
        frame.loc[c, "vibration_mm_s"] = np.round(rng.uniform(9, 14, size=len(c)), 2)
    return frame


# --------------------------------------------------------------------------- listings
DISTRICTS = ["Harbourside", "Old Mill", "Greenfield", "Station Quarter", "Hilltop", "Eastbank"]
DISTRICT_PREMIUM = {
    "Harbourside": 1.0,
    "Old Mill": 0.2,
    "Greenfield": -0.3,
    "Station Quarter": 0.4,
    "Hilltop": 0.8,
    "Eastbank": -0.6,
}
LISTING_WORDS = {
    "high": ["sea view", "renovated kitchen", "concierge", "rooftop terrace", "underfloor heating"],
    "mid": ["bright living room", "close to schools", "fitted wardrobes", "quiet street"],
    "low": ["needs some updating", "compact", "great first home", "near the ring road"],
}


def listings(rng: np.random.Generator, n: int = 800) -> pd.DataFrame:
    rows = []
    for i in range(n):
        district = str(rng.choice(DISTRICTS))
        ptype = str(rng.choice(["flat", "terraced", "semi", "detached"], p=[0.45, 0.25, 0.2, 0.1]))
        beds = int(rng.integers(1, 6))
        area = round(float(rng.normal(35 + 22 * beds, 12)), 0)
        year = int(rng.integers(1900, 2025))
        balcony = bool(rng.random() < 0.4)
        score = (
            DISTRICT_PREMIUM[district]
            + 0.02 * (area - 80)
            + 0.5 * (ptype == "detached")
            + 0.3 * balcony
            + rng.normal(0, 0.5)
        )
        band = "premium" if score > 1.3 else "budget" if score < -0.1 else "mid"
        key = {"premium": "high", "mid": "mid", "budget": "low"}[band]
        words = _pick(rng, LISTING_WORDS[key], 2)
        words += [w for w in _pick(rng, LISTING_WORDS["mid"], 2) if w not in words][:1]
        desc = f"{beds}-bed {ptype} in {district}, " + ", ".join(words) + "."
        asking_gap = rng.normal(0, 1) - 0.4 * (band == "premium") + 0.3 * (beds <= 2)
        sold = "yes" if asking_gap + rng.normal(0, 0.6) > 0 else "no"
        rows.append(
            {
                "listing_id": f"L{i:05d}",
                "district": district,
                "property_type": ptype,
                "bedrooms": beds,
                "area_m2": area,
                "year_built": year,
                "has_balcony": balcony,
                "description": desc,
                "price_band": band,
                "sold_within_30d": sold,
            }
        )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- documents
DENTAL_DOC = """# After your dental treatment: a guide for patients

This guide is given to every patient of the Northgate, Riverside and Old Town clinics after
treatment. Keep it until your follow-up visit.

## After a tooth extraction

A blood clot is the plug of blood that forms in the empty socket after a tooth is removed. The
clot protects the bone and nerve endings while the gum heals, so it must not be disturbed.
Bite gently on the gauze pad for 30 minutes after you leave the clinic. If bleeding starts
again, fold a clean gauze pad, place it over the socket and bite firmly for another 30 minutes.

Do not rinse your mouth, spit forcefully or drink through a straw for the first 24 hours,
because suction can dislodge the clot. Dry socket is a painful condition in which the clot is
lost and the bone is exposed. Dry socket usually appears two to four days after the extraction.
If the pain gets worse after the third day instead of better, call the clinic.

From the second day, rinse gently with warm salt water (half a teaspoon of salt in a glass of
water) four times a day, especially after meals.

## Pain and swelling

Some swelling is normal and peaks about 48 hours after surgery. A cold pack held against the
cheek for 15 minutes at a time reduces swelling during the first day. Ibuprofen and
paracetamol can be taken together for pain unless your dentist has told you otherwise.

If swelling spreads toward the eye or the neck, or if you develop a fever above 38 degrees,
contact the clinic the same day, because these can be signs of infection.

## Fillings and crowns

A composite filling is a tooth-coloured filling made of resin and glass particles. Composite
fillings are hardened with a blue curing light, so you can eat as soon as the numbness wears
off. Avoid hot drinks until the anaesthetic has worn off, because you may burn your lip or
tongue without noticing.

A temporary crown is a plastic cap that protects the tooth while the permanent crown is made
in the laboratory. The permanent crown is usually fitted two weeks later. Avoid sticky foods
such as toffee on the side of the temporary crown. If the temporary crown comes off, keep it
and call the clinic; do not glue it back with household glue.

## Cleaning and check-ups

Sensitivity to cold is common for a few days after a scale and polish. A desensitising
toothpaste contains potassium nitrate or stannous fluoride, which calms the nerve endings in
the dentine. Most adults should have a check-up every six to twelve months; children are
usually seen every six months.

## Emergencies

A knocked-out adult tooth can often be saved if it is put back within one hour. Hold the tooth
by the crown, not the root. Rinse it briefly in milk, push it back into the socket and bite on
a clean cloth. If you cannot put it back, keep the tooth in milk and come to the clinic
immediately. Outside opening hours, the emergency line is 0800 555 0142.
"""

PLANT_DOC = """# Greenhouse integrated pest management (IPM) handbook

Version 3, for greenhouses GH1 to GH4. Scouts record every observation in the plant notes.

## Principles

Integrated pest management is an approach that combines monitoring, prevention, biological
control and, only as a last resort, chemical treatment. The action threshold is the level of a
pest at which treatment becomes worthwhile. The action threshold for whitefly on tomato is
five adults per yellow sticky trap per week.

Every greenhouse is scouted twice a week. A scout walks a zig-zag route and inspects ten plants
per row, turning at least three leaves per plant. Yellow sticky traps are placed one per 100
square metres and are replaced every week.

## Fungal diseases

Grey mould is caused by the fungus Botrytis cinerea. Grey mould spreads fastest when the
relative humidity stays above 85 percent for more than six hours. If humidity stays above
85 percent overnight, the climate computer opens the vents by 5 percent and raises the heating
pipe temperature, because moving dry air stops spores from germinating.

Powdery mildew is a white, flour-like coating on the upper side of leaves. Unlike grey mould,
powdery mildew thrives in warm, dry days followed by cool nights. Infected leaves are removed
into closed bags, because opening the bag inside the greenhouse releases spores.

## Insect pests

Whitefly adults lay eggs on the undersides of young leaves. The parasitic wasp Encarsia formosa
controls greenhouse whitefly by laying its eggs inside whitefly scales, which turn black.
Encarsia is released every week from the first whitefly catch until the end of the season.

Two-spotted spider mites produce fine webbing and yellow stippling. Spider mites multiply
fastest in hot, dry conditions, so misting the crop during heat waves slows them down. The
predatory mite Phytoseiulus persimilis eats spider mites and is released on hot spots.

Aphids cluster on new shoots and produce sticky honeydew. Sooty mould is a black fungus that
grows on honeydew, which reduces photosynthesis.

## Nutrient disorders

Blossom end rot is a calcium deficiency in the fruit, not a disease. Blossom end rot appears
when irregular watering stops calcium from reaching the fruit. Magnesium deficiency shows as
yellowing between the veins of older leaves, because the plant moves magnesium to new growth.
The drain water is tested every Monday; the target electrical conductivity for tomato is 3.0
mS/cm.

## Chemical treatment

Chemical treatment requires approval from the head grower. After any spray, the re-entry
interval is the time during which nobody may enter the greenhouse without protective
equipment; for most products it is 12 hours. Biological agents must not be released for seven
days after a spray.
"""

COLD_DOC = """COLD STORAGE STANDARD OPERATING PROCEDURE (SOP-CS-07)

1. Purpose

This procedure keeps frozen and chilled goods within their temperature limits from the dock to
dispatch. It applies to every shift in zones freezer, chilled, ambient and dock.

2. Temperature limits

The freezer zone is kept at minus 20 degrees Celsius, with an alarm at minus 15 degrees. The
chilled zone is kept between 1 and 5 degrees Celsius. A temperature excursion is any reading
outside the limits of its zone for more than 15 minutes. If an excursion lasts longer than 30
minutes, the shift lead moves the affected pallets to a backup room and informs quality
assurance.

3. Doors

Freezer doors must not stay open for more than 5 minutes at a time, because warm air entering
the freezer forms ice on the evaporator coils. Rapid-roll doors close automatically after 20
seconds without traffic. Strip curtains are replaced when more than two strips are torn.

4. Compressors and maintenance

Compressor power is logged every 10 minutes by the building management system. A freezer
compressor normally draws between 6 and 9 kilowatts. A compressor drawing much less power while
the zone is warming usually means the refrigerant is low or the compressor has tripped.
Vibration above 4.5 millimetres per second on a compressor mount indicates bearing wear, and
the unit is scheduled for maintenance within one week.

Defrost cycles run every six hours in the freezer zone. During a defrost cycle the
temperature can rise by up to 3 degrees, which is not counted as an excursion.

5. Dock operations

The dock operates on day and night shifts only. Trucks are unloaded within 45 minutes of
docking. Chilled and frozen pallets must leave the dock within 20 minutes, because the dock is
not temperature-controlled.

6. Personal safety

Staff working in the freezer for longer than 45 minutes take a 15-minute warm-up break. Freezer
suits, gloves and hats are mandatory below minus 10 degrees. Nobody works alone in the freezer
zone; the buddy system applies on every shift.

7. Records

Excursion reports are kept for two years. Sensor calibration is checked every quarter against
a reference thermometer, and a sensor that is off by more than 0.5 degrees is replaced.
"""


# --------------------------------------------------------------------------- main
def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)

    rng = np.random.default_rng(70101)
    flights(rng, 1200, True, 1).to_csv(out / "flight_delays_train.csv", index=False)
    flights(rng, 400, True, 5001).to_csv(out / "flight_delays_test.csv", index=False)
    flights(rng, 150, False, 9001).to_csv(out / "flight_delays_upcoming.csv", index=False)

    rng = np.random.default_rng(70102)
    essays(rng, 700, True, 1).to_csv(out / "essays.csv", index=False)
    essays(rng, 200, True, 2001).to_csv(out / "essays_holdout.csv", index=False)
    essays(rng, 120, False, 3001).to_csv(out / "essays_ungraded.csv", index=False)

    rng = np.random.default_rng(70103)
    dental(rng).to_csv(out / "dental_notes.csv", index=False)

    rng = np.random.default_rng(70104)
    pool = plants(rng, 800, 1)
    gold_idx = np.sort(rng.choice(len(pool), size=90, replace=False))
    gold = pool.iloc[gold_idx][["note_id", "diagnosis"]].rename(columns={"note_id": "obs_no"})
    gold = gold.sample(frac=1.0, random_state=4).reset_index(drop=True)
    pool.drop(columns=["diagnosis"]).to_csv(out / "plant_notes.csv", index=False)
    gold.to_csv(out / "plant_hand_labels.csv", index=False)
    plants(rng, 200, 5001).to_csv(out / "plant_notes_test.csv", index=False)

    rng = np.random.default_rng(70105)
    pods = podcasts(rng)
    gold_idx = np.sort(rng.choice(len(pods), size=72, replace=False))
    pods.iloc[gold_idx][["segment_id", "topic"]].to_csv(
        out / "podcast_topics_gold.csv", index=False
    )
    pods.drop(columns=["topic"]).to_csv(out / "podcast_segments.csv", index=False)

    rng = np.random.default_rng(70106)
    warehouse(rng, 1500, 1, 18).to_csv(out / "warehouse_sensors.csv", index=False)
    march = warehouse(rng, 300, 200001, 0)
    with open(out / "warehouse_sensors_march.jsonl", "w", encoding="utf-8") as fh:
        for record in march.to_dict(orient="records"):
            fh.write(json.dumps(record) + "\n")

    rng = np.random.default_rng(70107)
    listings(rng).to_csv(out / "listings.csv", index=False)

    (out / "docs" / "dental_aftercare.md").write_text(DENTAL_DOC, encoding="utf-8")
    (out / "docs" / "greenhouse_ipm_handbook.md").write_text(PLANT_DOC, encoding="utf-8")
    (out / "docs" / "cold_storage_sop.txt").write_text(COLD_DOC, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
