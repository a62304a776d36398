"""Write the fresh15 corpus's invented research data (ecology, linguistics, astronomy, survey)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 1515


def bird_point_counts(rng: np.random.Generator) -> pd.DataFrame:
    """Field-survey sightings with a partly filled breeding-evidence code."""
    n = 720
    sites = ["Allt Dubh", "Beinn Mhor", "Carn Ban", "Druim Fada", "Eas Coire", "Fionn Loch"]
    species = [
        "meadow pipit",
        "skylark",
        "stonechat",
        "wren",
        "willow warbler",
        "cuckoo",
        "red grouse",
        "golden plover",
        "curlew",
        "reed bunting",
        "whinchat",
        "snipe",
    ]
    habitats = ["heather moor", "blanket bog", "acid grassland", "birch scrub"]
    evidence = {
        "confirmed": [
            "adult carrying food into heather, nest presumed close",
            "recently fledged young being fed by both adults",
            "nest with eggs found under tussock",
            "adult carrying faecal sac away from nest site",
            "distraction display, broken wing act near observer",
        ],
        "probable": [
            "pair seen together, agitated alarm calls",
            "male singing from same perch on two visits a week apart",
            "courtship display flight over the territory",
            "bird visiting probable nest site repeatedly",
            "territorial chase between two males",
        ],
        "possible": [
            "single male singing once",
            "heard calling in suitable habitat",
            "one bird seen in suitable breeding habitat",
            "brief song burst, not relocated",
        ],
        "none": [
            "flyover, high and heading north",
            "flock feeding on the track, likely passage birds",
            "juvenile dispersing, no adults around",
            "bird flushed once, flew out of the survey area",
        ],
    }
    codes = rng.choice(list(evidence), size=n, p=[0.2, 0.3, 0.3, 0.2])
    notes = []
    for code in codes:
        text = str(rng.choice(evidence[code]))
        extra = rng.choice(
            [
                "",
                "; light drizzle",
                "; visibility poor",
                "; ewes grazing nearby",
                "; recorded on transect 2",
                "; c. 40 m from point",
            ]
        )
        notes.append(text + str(extra))
    filled = np.zeros(n, dtype=bool)
    filled[rng.choice(n, size=64, replace=False)] = True
    canopy = rng.uniform(0, 60, n).round(1)
    canopy[rng.random(n) < 0.08] = np.nan
    start = np.datetime64("2024-04-15")
    frame = pd.DataFrame(
        {
            "sighting_id": [f"BPC-{i:04d}" for i in range(1, n + 1)],
            "site": rng.choice(sites, n),
            "visit_date": [str(start + int(d)) for d in rng.integers(0, 75, n)],
            "observer": rng.choice(["KM", "RD", "JL", "AS"], n),
            "species": rng.choice(species, n),
            "count": rng.poisson(1.6, n) + 1,
            "distance_m": rng.gamma(3.0, 25.0, n).round(0),
            "habitat": rng.choice(habitats, n),
            "canopy_cover_pct": canopy,
            "temp_c": rng.normal(11, 3.5, n).round(1),
            "wind_beaufort": rng.integers(0, 6, n),
            "notes": notes,
            "breeding_code": np.where(filled, codes, None),
        }
    )
    return frame


def vegetation_quadrats(rng: np.random.Generator, n: int, labeled: bool) -> pd.DataFrame:
    """Quadrat measurements by habitat class; a few impossible rows in the labeled table."""
    classes = ["heath", "mire", "grassland", "woodland_edge"]
    profile = {
        "heath": (420, 4.1, 35, 10, 20, 8, 45, 3.0),
        "mire": (310, 4.4, 85, 5, 25, 6, 5, 1.5),
        "grassland": (250, 5.6, 40, 8, 60, 18, 4, 2.0),
        "woodland_edge": (180, 5.2, 50, 12, 25, 15, 30, 5.5),
    }
    label = rng.choice(classes, size=n, p=[0.3, 0.25, 0.3, 0.15])
    rows = []
    for i, cls in enumerate(label):
        elev, ph, moist, bare, grass, forb, shrub, litter = profile[cls]
        rows.append(
            {
                "quadrat_id": f"Q{('T' if labeled else 'N')}{i + 1:04d}",
                "transect": f"T{rng.integers(1, 13):02d}",
                "elevation_m": round(float(rng.normal(elev, 60)), 0),
                "soil_ph": round(float(rng.normal(ph, 0.35)), 2),
                "soil_moisture_pct": round(float(np.clip(rng.normal(moist, 9), 2, 99)), 1),
                "bare_ground_pct": round(float(np.clip(rng.normal(bare, 4), 0, 100)), 1),
                "grass_cover_pct": round(float(np.clip(rng.normal(grass, 10), 0, 100)), 1),
                "forb_cover_pct": round(float(np.clip(rng.normal(forb, 5), 0, 100)), 1),
                "shrub_cover_pct": round(float(np.clip(rng.normal(shrub, 8), 0, 100)), 1),
                "litter_depth_cm": round(float(np.clip(rng.normal(litter, 0.8), 0, 20)), 1),
                "species_richness": int(rng.poisson(8 if cls != "grassland" else 14)),
                "habitat_class": cls,
            }
        )
    frame = pd.DataFrame(rows)
    if labeled:
        frame.loc[17, "soil_ph"] = 13.8
        frame.loc[233, "shrub_cover_pct"] = 240.0
        frame.loc[402, "elevation_m"] = -85.0
        frame.loc[511, ["soil_moisture_pct", "grass_cover_pct"]] = [98.0, 97.0]
    else:
        frame = frame.drop(columns=["habitat_class"])
    return frame


def utterances(rng: np.random.Generator, n: int, prefix: str, fill: float) -> pd.DataFrame:
    """Child-caregiver utterances with a partly hand-coded dialogue act."""
    templates = {
        "question": [
            "where did the {x} go?",
            "do you want the {x}?",
            "what is that {x} doing",
            "is it a big {x}?",
            "why is the {x} sad",
            "can you see the {x}?",
        ],
        "statement": [
            "the {x} is on the table",
            "that one is a {x}",
            "I saw a {x} at granny's",
            "my {x} is broken",
            "the {x} went outside",
            "it's a red {x}",
        ],
        "request": [
            "give me the {x}",
            "put the {x} back please",
            "can I have the {x} please",
            "let's read the {x} book",
            "pass me the {x}",
            "don't throw the {x}",
        ],
        "backchannel": [
            "mhm",
            "yeah",
            "uh huh",
            "oh wow",
            "okay",
            "mm yeah {x}",
        ],
    }
    nouns = ["doggy", "ball", "cup", "teddy", "car", "banana", "duck", "shoe", "book", "spoon"]
    acts = rng.choice(list(templates), size=n, p=[0.28, 0.34, 0.2, 0.18])
    texts = [str(rng.choice(templates[a])).format(x=rng.choice(nouns)) for a in acts]
    filled = rng.random(n) < fill
    annot = rng.choice(["EB", "TN", "MV"], n)
    return pd.DataFrame(
        {
            "utt_id": [f"{prefix}{i:05d}" for i in range(1, n + 1)],
            "session": [f"S{s:02d}" for s in rng.integers(1, 19, n)],
            "speaker_role": rng.choice(["child", "caregiver"], n, p=[0.45, 0.55]),
            "child_age_months": rng.integers(18, 37, n),
            "utterance": texts,
            "dialogue_act": np.where(filled, acts, None),
            "annotator": np.where(filled, annot, None),
        }
    ), acts


def photometry(rng: np.random.Generator, n: int, prefix: str, labeled: bool) -> pd.DataFrame:
    """A photometric catalog of stars, galaxies and quasars."""
    classes = rng.choice(["STAR", "GALAXY", "QSO"], size=n, p=[0.35, 0.48, 0.17])
    base = {"STAR": (1.6, 0.55, 0.0), "GALAXY": (1.9, 0.85, 0.12), "QSO": (0.3, 0.2, 1.6)}
    rows = []
    for i, cls in enumerate(classes):
        ug, gr, z = base[cls]
        r = rng.normal(18.5, 1.2)
        g = r + rng.normal(gr, 0.15)
        u = g + rng.normal(ug, 0.3)
        i_mag = r - rng.normal(0.3 if cls != "QSO" else 0.1, 0.1)
        z_mag = i_mag - rng.normal(0.2, 0.1)
        red = max(
            0.0, rng.normal(z, 0.04 if cls == "GALAXY" else (0.5 if cls == "QSO" else 0.0005))
        )
        rows.append(
            {
                "obj_id": f"{prefix}{1237650000000 + i * 37}",
                "ra_deg": round(float(rng.uniform(120, 240)), 5),
                "dec_deg": round(float(rng.uniform(-5, 60)), 5),
                "mag_u": round(float(u), 3),
                "mag_g": round(float(g), 3),
                "mag_r": round(float(r), 3),
                "mag_i": round(float(i_mag), 3),
                "mag_z": round(float(z_mag), 3),
                "redshift": round(float(red), 5),
                "petro_r50_arcsec": round(
                    float(abs(rng.normal(2.8 if cls == "GALAXY" else 1.1, 0.4))), 2
                ),
                "obj_class": cls,
            }
        )
    frame = pd.DataFrame(rows)
    if not labeled:
        frame = frame.drop(columns=["obj_class"])
    return frame


def trust_survey(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Survey answers with two partly filled coder columns and an RA's separate code file."""
    n = 640
    answers = {
        "trusting": [
            "I think the council mostly does its job and listens when people complain",
            "Generally I trust the health service, they were good to my mum",
            "the police in our area are fair, I've had no problems",
            "I have confidence in how elections are run here",
            "scientists know what they are doing and I believe the advice",
        ],
        "distrusting": [
            "they never listen to people like us, its all for show",
            "I don't trust any of them, they lie to get votes",
            "the system is rigged for the rich honestly",
            "after the scandal I stopped believing anything the govt says",
            "politicians only care about themselves",
        ],
        "ambivalent": [
            "depends on who you ask, some are fine some are not",
            "I trust the NHS but not parliament",
            "hard to say, it used to be better",
            "sometimes yes sometimes no, not sure really",
            "the local council is ok but national government less so",
        ],
    }
    stance = rng.choice(list(answers), size=n, p=[0.35, 0.4, 0.25])
    text = [str(rng.choice(answers[s])) for s in stance]
    a = rng.random(n) < 0.12
    b = rng.random(n) < 0.10
    flip = rng.random(n) < 0.15
    alt = rng.choice(list(answers), n)
    ids = [f"R{i:04d}" for i in range(1001, 1001 + n)]
    age = rng.integers(18, 90, n).astype(float)
    age[rng.random(n) < 0.05] = np.nan
    frame = pd.DataFrame(
        {
            "respondent_id": ids,
            "wave": rng.choice([1, 2], n),
            "age": age,
            "gender": rng.choice(
                ["woman", "man", "non-binary", "prefer not to say"], n, p=[0.5, 0.45, 0.02, 0.03]
            ),
            "region": rng.choice(
                [
                    "North East",
                    "North West",
                    "Midlands",
                    "London",
                    "South West",
                    "Scotland",
                    "Wales",
                ],
                n,
            ),
            "education": rng.choice(["none", "GCSE", "A-level", "degree", "postgraduate"], n),
            "income_band": rng.choice(["<20k", "20-40k", "40-60k", ">60k", None], n),
            "q12_trust_text": text,
            "stance_coder_a": np.where(a, stance, None),
            "stance_coder_b": np.where(b, np.where(flip, alt, stance), None),
        }
    )
    pick = rng.choice(n, size=90, replace=False)
    ra = pd.DataFrame({"respondent_id": [ids[i] for i in pick], "stance": stance[pick]})
    return frame, ra


THESIS = """# Chapter 3: Methods

## 3.1 Study area

The study area is the upland estate of Glen Corran, a 4,200 ha catchment in the western
Highlands. Elevation ranges from 150 m at the loch shore to 780 m on the summit ridge. The
vegetation is a mosaic of heather moor, blanket bog, acid grassland and birch scrub. Sheep
grazing was reduced from 1.2 to 0.4 ewes per hectare in 2019, which is the management change
this thesis evaluates.

## 3.2 Breeding bird point counts

A point count is a fixed-radius survey in which an observer records every bird seen or heard
from a single point during a set period. We used 60 points placed on a stratified random grid,
with at least 250 m between points to avoid double counting. Each point was visited twice
between mid-April and the end of June, with visits at least four weeks apart. Counts lasted
five minutes and started within four hours of sunrise.

Observers recorded species, number of individuals, distance band and behaviour. Breeding
evidence was coded following the national atlas scheme. Confirmed breeding means an
observation that proves a nest, such as an adult carrying food or recently fledged young.
Probable breeding means a pair or a territory held over at least a week. Possible breeding
means a single singing male or a bird in suitable habitat.

If wind exceeded Beaufort force 4 or rain was persistent, the count was abandoned and repeated
on another day. Detectability declines with distance, because dense heather hides small
passerines; distance sampling was therefore used to estimate density.

## 3.3 Vegetation quadrats

Vegetation was recorded in 2 x 2 m quadrats along twelve transects. Percentage cover was
estimated by eye for grasses, forbs, shrubs and bare ground, and species richness is the
number of vascular plant species rooted in the quadrat. Soil pH was measured in a 1:2.5 soil
to water suspension with a calibrated probe. Soil moisture was measured with a theta probe at
6 cm depth.

Habitat class was assigned in the field using the National Vegetation Classification keys and
checked later against the species lists. Inter-observer agreement on habitat class was assessed
on 40 quadrats recorded independently by two surveyors; Cohen's kappa was 0.81.

## 3.4 Statistical analysis

Bird density was modelled with generalised linear mixed models, with site as a random effect and
grazing period as a fixed effect. Models were fitted in R with lme4. A result is reported as
significant when the 95% confidence interval of the effect excludes zero. Model fit was checked
with simulated residuals from the DHARMa package.

## 3.5 Limitations

The survey covers only two breeding seasons, so year effects cannot be separated from the grazing
change. Observer effects were reduced by rotating observers between points, because each observer
differs in hearing and experience.
"""

GUIDELINES = """# Annotation guidelines: dialogue acts in child-caregiver speech (v2.1)

## Purpose

These guidelines describe how annotators in the Child Language Lab assign a dialogue act to
each utterance in the play-session transcripts. An utterance is a stretch of speech by one
speaker bounded by a pause of at least 500 ms or a change of speaker.

## Categories

A question is an utterance that seeks information or confirmation from the listener, whether or
not it ends with a question mark. A request is an utterance that asks the listener to do
something, including polite forms such as "can I have the cup please". A statement is an
utterance that describes, names or reports something. A backchannel is a short response such
as "mhm", "yeah" or "uh huh" that shows attention without taking the floor.

## Decision rules

If an utterance has the form of a question but asks the listener to act, it is coded as a
request. When an utterance contains both a backchannel and a statement, the statement wins.
Annotators code from the audio, not only the transcript, because intonation separates
questions from statements in child speech.

## Agreement

Each session is coded by one primary annotator. Twenty percent of sessions are double coded.
Agreement is measured with Cohen's kappa, and a kappa below 0.7 triggers a calibration meeting.
In the 2024 round kappa was 0.78 across the four categories. Disagreements are resolved by the
lab manager, whose adjudicated code is stored in a separate file.

## Data handling

Transcripts are pseudonymised before annotation. Child names are replaced by a session code,
and recordings are stored on the encrypted lab drive for five years after publication.
"""

PROTOCOL = """SPECTROSCOPIC FOLLOW-UP PROTOCOL - 2.3 m TELESCOPE, OBSERVING RUN 2025A

1. Target selection

Targets are point sources from the photometric catalog whose colours place them near the
quasar locus. A candidate is selected when u-g is below 0.6 and the object is brighter than
r = 19.5. Known stars from the proper motion catalog are removed before the run.

2. Calibration

Bias frames are taken at the start and end of each night. A flat field is a frame of a
uniformly lit screen that corrects pixel-to-pixel sensitivity differences. Arc lamp exposures
of the CuAr lamp are taken before and after every science target, because the spectrograph
flexes as the telescope moves.

3. Observing

Each target gets two exposures of 900 s so that cosmic rays can be removed. The slit width is
1.5 arcsec when seeing is below 1.2 arcsec and 2.0 arcsec otherwise. If the cloud cover exceeds
50 percent, observers switch to the bright backup list.

4. Reduction

Spectra are reduced with the standard long-slit pipeline. Redshifts are measured by
cross-correlation with quasar and galaxy templates. A redshift is accepted when at least two
emission lines are identified. The redshift quality flag is 1 for secure, 2 for probable and 3
for uncertain.

5. Data release

Reduced spectra and the redshift table are archived within two weeks of the run and shared with
the collaboration under the data policy.
"""


def main(out: Path) -> None:
    """Write every file of the corpus into `out`."""
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)
    bird_point_counts(rng).to_csv(out / "bird_point_counts.csv", index=False)
    vegetation_quadrats(rng, 620, True).to_csv(out / "vegetation_quadrats.csv", index=False)
    vegetation_quadrats(rng, 140, False).to_csv(out / "quadrats_2025_unclassified.csv", index=False)
    utt, acts = utterances(rng, 900, "U", 0.09)
    utt.to_csv(out / "utterances.csv", index=False)
    pick = rng.choice(900, size=120, replace=False)
    pd.DataFrame({"utt_id": utt["utt_id"].iloc[pick].to_numpy(), "act": acts[pick]}).to_csv(
        out / "acts_adjudicated.csv", index=False
    )
    held, _ = utterances(rng, 220, "H", 1.0)
    held.to_csv(out / "utterances_heldout.csv", index=False)
    photometry(rng, 1500, "C", True).to_csv(out / "photometry_catalog.csv", index=False)
    photometry(rng, 300, "T", True).to_csv(out / "photometry_test.csv", index=False)
    photometry(rng, 150, "F", False).to_csv(out / "followup_targets.csv", index=False)
    survey, ra = trust_survey(rng)
    survey.to_csv(out / "trust_survey.csv", index=False)
    ra.to_csv(out / "trust_survey_ra_codes.csv", index=False)
    pilot = survey.loc[:79, ["respondent_id", "age", "region", "q12_trust_text"]]
    with (out / "pilot_responses.jsonl").open("w", encoding="utf-8") as handle:
        for record in pilot.to_dict(orient="records"):
            if isinstance(record["age"], float) and np.isnan(record["age"]):
                record["age"] = None
            handle.write(json.dumps(record) + "\n")
    (out / "docs" / "thesis_ch3_methods.md").write_text(THESIS, encoding="utf-8")
    (out / "docs" / "annotation_guidelines.md").write_text(GUIDELINES, encoding="utf-8")
    (out / "docs" / "spectroscopy_protocol.txt").write_text(PROTOCOL, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
