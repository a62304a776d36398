"""Invented data for the fresh19 corpus: a sports club, a podcast, a translator, birders, HR.

Run: python make_data.py DIR  (deterministic, offline, well under 3 MB).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 1919

FIRST = [
    "Aoife",
    "Ben",
    "Carys",
    "Dev",
    "Elif",
    "Femi",
    "Gráinne",
    "Harry",
    "Isla",
    "Jakub",
    "Kiran",
    "Lena",
    "Marek",
    "Niamh",
    "Owen",
    "Priya",
    "Quinn",
    "Rosa",
    "Sam",
    "Tomasz",
    "Uma",
    "Viktor",
    "Wes",
    "Yusuf",
    "Zara",
]
LAST = [
    "Ahmed",
    "Byrne",
    "Carter",
    "Dunn",
    "Evans",
    "Flynn",
    "Gill",
    "Hughes",
    "Iqbal",
    "Jones",
    "Kowalski",
    "Lloyd",
    "Morgan",
    "Nowak",
    "O'Brien",
    "Patel",
    "Reid",
    "Shaw",
    "Taylor",
    "Walsh",
]


def names(rng: np.random.Generator, n: int) -> list[str]:
    """n invented full names."""
    return [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(n)]


# ----------------------------------------------------------------------------- sports club
def members(rng: np.random.Generator, n: int, start: int, with_outcome: bool) -> pd.DataFrame:
    """One season's membership list; with_outcome adds whether they renewed."""
    kind = rng.choice(
        ["Senior", "Junior", "Family", "Social", "Student"], n, p=[0.4, 0.2, 0.15, 0.1, 0.15]
    )
    age = np.where(kind == "Junior", rng.integers(8, 17, n), rng.integers(18, 72, n))
    years = rng.integers(0, 20, n)
    sessions = rng.poisson(18, n)
    fee = pd.Series(kind).map(
        {"Senior": 180, "Junior": 90, "Family": 320, "Social": 40, "Student": 95}
    )
    paid = fee - rng.choice([0, 0, 0, 20, 45], n)
    method = rng.choice(
        ["Direct debit", "Bank transfer", "Cash at bar", "Card"], n, p=[0.45, 0.3, 0.1, 0.15]
    )
    near = rng.choice(["Yes", "No"], n, p=[0.7, 0.3])
    score = 0.08 * sessions + 0.15 * years + (method == "Direct debit") * 1.2 - (near == "No") * 0.8
    score = score - (paid < fee) * 1.0 - 2.2 + rng.normal(0, 0.8, n)
    renewed = np.where(score > 0, "Yes", "No")
    good = [
        "paid on time, helps with under-10s",
        "keen, always at training",
        "never an issue",
        "volunteers on match days",
        "long-standing member, on the committee",
    ]
    bad = [
        "chased twice for fees",
        "moved away? no reply to emails",
        "only came in September",
        "said fees too high at AGM",
        "injured most of season, unsure about next year",
        "paid half, promised rest later",
    ]
    notes = []
    for r in renewed:
        pool = good if r == "Yes" else bad
        if rng.random() < 0.2:
            pool = bad if r == "Yes" else good
        notes.append(str(rng.choice(pool)) if rng.random() < 0.8 else "")
    frame = pd.DataFrame(
        {
            "Member No": [f"M{start + i:04d}" for i in range(n)],
            "Name": names(rng, n),
            "Age": age,
            "Membership type": kind,
            "Years at club": years,
            "Fee due (£)": fee,
            "Fee paid (£)": paid,
            "Sessions attended": sessions,
            "Paid by": method,
            "Lives within 5 miles": near,
            "Treasurer notes": notes,
        }
    )
    if with_outcome:
        frame["Renewed for next season"] = renewed
    return frame


def match_stats(rng: np.random.Generator) -> pd.DataFrame:
    """Per-player rows for 30 league matches, with a few impossible entries planted."""
    squad = names(rng, 18)
    positions = rng.choice(["GK", "DEF", "MID", "FWD"], 18, p=[0.1, 0.35, 0.35, 0.2])
    positions[0] = "GK"
    rows = []
    opponents = [
        "Ashby Rovers",
        "Millbrook Town",
        "St Cuthbert's",
        "Riverside Utd",
        "Hollins FC",
        "Barwick Athletic",
    ]
    for m in range(30):
        date = pd.Timestamp("2025-09-06") + pd.Timedelta(days=7 * m)
        result = rng.choice(["W", "D", "L"], p=[0.45, 0.25, 0.3])
        for p in rng.choice(18, 14, replace=False):
            pos = positions[p]
            mins = int(rng.choice([90, 90, 90, 75, 60, 45, 20, 10]))
            attack = {"GK": 0.0, "DEF": 0.05, "MID": 0.15, "FWD": 0.35}[pos]
            rows.append(
                {
                    "Match ID": f"L25-{m + 1:02d}",
                    "Date": date.date().isoformat(),
                    "Opponent": opponents[m % len(opponents)],
                    "H/A": "H" if m % 2 == 0 else "A",
                    "Player": squad[p],
                    "Position": pos,
                    "Mins played": mins,
                    "Goals": int(rng.poisson(attack * mins / 90)),
                    "Assists": int(rng.poisson(attack * 0.6 * mins / 90)),
                    "Shots on target": int(rng.poisson(attack * 3 * mins / 90)),
                    "Passes completed": int(rng.normal(28, 8) * mins / 90),
                    "Distance (km)": round(
                        float(rng.normal(9.5 if pos != "GK" else 4.5, 1.0) * mins / 90), 1
                    ),
                    "Yellow cards": int(rng.random() < 0.08),
                    "Result": result,
                }
            )
    frame = pd.DataFrame(rows)
    frame.loc[37, "Mins played"] = 900
    frame.loc[112, "Distance (km)"] = 86.0
    frame.loc[205, "Goals"] = 11
    frame.loc[290, ["Mins played", "Passes completed"]] = [0, 64]
    return frame


CLUB_RULES = """# Hollowford Amateur Football Club: Club Rules (adopted at the AGM, June 2025)

## 1. Membership

Membership runs from 1 August to 31 July. A member is anyone who has paid the annual fee for
their membership type by 30 September. Members who have not paid by 30 September are treated as
lapsed and may not play in league matches until they pay.

The membership types are Senior, Junior (under 17 on 1 August), Family, Student and Social.
Social members may use the clubhouse and vote at the AGM but may not play in league matches.

## 2. Fees and refunds

The Senior fee is 180 pounds, the Junior fee is 90 pounds and the Family fee is 320 pounds. A
Student pays 95 pounds on showing a valid student card. Fees may be paid in two halves by direct
debit; the second half is due on 1 January. A refund is given only if a member is injured before
their first league match, and the treasurer decides refunds within 14 days of a written request.

## 3. Training and selection

Senior training takes place on Tuesday and Thursday evenings at 7pm. Juniors train on Saturday
mornings at 10am. The coach selects the matchday squad on Thursday night. A player who misses two
training sessions in a row without telling the coach is not selected for the next match unless
the coach decides otherwise.

## 4. Conduct and discipline

Every player must respect referees, opponents and spectators. A player who receives five yellow
cards in a season pays a 10 pound club fine in addition to any league fine. Abuse of a referee
leads to a suspension decided by the committee. The committee meets on the first Monday of each
month.

## 5. Kit and equipment

Home shirts are green with white sleeves and away shirts are all white. Kit is washed by a
volunteer rota; each senior player takes the kit bag home about twice a season. Lost kit is
charged at 25 pounds per shirt.

## 6. Volunteering

Every adult member is asked to give four hours of volunteering per season, for example running
the bar, marking the pitch or helping at the junior tournament in May. Members who volunteer
more than twelve hours receive a free end-of-season dinner ticket.

## 7. The AGM

The Annual General Meeting is held in June. Any member may propose a change to these rules by
writing to the secretary at least 21 days before the AGM. A rule change needs two thirds of the
votes cast.
"""


# ----------------------------------------------------------------------------- podcast
def episodes(rng: np.random.Generator) -> pd.DataFrame:
    """140 weekly episodes with downloads; three bot-inflated spikes planted."""
    n = 140
    base = np.linspace(400, 2600, n) * rng.lognormal(0, 0.15, n)
    guest = rng.choice(["Yes", "No"], n, p=[0.55, 0.45])
    base = base * np.where(guest == "Yes", 1.25, 1.0)
    d7 = base.astype(int)
    d30 = (base * rng.normal(1.9, 0.1, n)).astype(int)
    spotify = rng.normal(42, 5, n).round(1)
    finish = rng.normal(63, 8, n).clip(20, 98).round(0)
    words = [
        "Small Towns",
        "Night Shifts",
        "Allotments",
        "Old Maps",
        "Brass Bands",
        "Ferries",
        "Market Days",
        "Ghost Signs",
        "Village Halls",
        "Canal Boats",
        "Corner Shops",
        "Lidos",
    ]
    frame = pd.DataFrame(
        {
            "Ep #": np.arange(1, n + 1),
            "Title": [
                f"Ep {i + 1}: {words[i % len(words)]} part {i // len(words) + 1}" for i in range(n)
            ],
            "Release date": [
                (pd.Timestamp("2023-08-01") + pd.Timedelta(days=7 * i)).date().isoformat()
                for i in range(n)
            ],
            "Length (min)": rng.normal(48, 9, n).round(0).astype(int),
            "Guest": guest,
            "Downloads first 7 days": d7,
            "Downloads 30 days": d30,
            "Spotify %": spotify,
            "Apple %": (100 - spotify - rng.normal(20, 4, n)).round(1),
            "Avg listen-through %": finish,
        }
    )
    for i, mult in ((57, 14.0), (58, 11.0), (121, 18.0)):
        frame.loc[i, "Downloads first 7 days"] = int(frame.loc[i, "Downloads first 7 days"] * mult)
        frame.loc[i, "Downloads 30 days"] = int(frame.loc[i, "Downloads first 7 days"] * 1.05)
        frame.loc[i, "Avg listen-through %"] = 3.0
    return frame


EMAIL_BITS = {
    "praise": [
        "just wanted to say I love the show",
        "your episode on {x} made my commute",
        "been listening since episode one, brilliant work",
        "the bit about {x} had me laughing",
        "thank you for such a warm programme",
    ],
    "complaint": [
        "the ads are getting far too long",
        "disappointed with the episode on {x}, felt rushed",
        "why did you stop releasing on Mondays",
        "the host kept interrupting the guest",
        "too much chit chat before it starts",
    ],
    "guest idea": [
        "you should interview my aunt who ran a {x} stall for 40 years",
        "have you thought of having a historian on about {x}",
        "I know someone who restores {x}, would be a great guest",
        "please get the author of that book on {x} on the show",
    ],
    "sponsorship": [
        "we are a small brand and would like to sponsor an episode",
        "what are your ad rates for a mid-roll",
        "our company would like to partner with the show on {x}",
        "can we send you a media kit request",
    ],
    "audio problem": [
        "the sound cut out halfway through the {x} episode",
        "the guest's mic was really echoey",
        "episode won't download in my app",
        "audio is out of sync on the video version",
        "volume drops massively after the intro",
    ],
}


def emails(rng: np.random.Generator) -> pd.DataFrame:
    """Listener emails: free text, a quarter tagged by topic."""
    rows = []
    topics = list(EMAIL_BITS)
    things = ["canal boats", "ghost signs", "lidos", "brass bands", "corner shops", "old maps"]
    openers = ["Hi both,", "Hello!", "Dear team", "hiya", "Good morning,", ""]
    closers = ["Cheers", "Best wishes", "thanks", "x", "Regards", ""]
    for i in range(480):
        topic = rng.choice(topics, p=[0.35, 0.2, 0.2, 0.1, 0.15])
        body = str(rng.choice(EMAIL_BITS[topic])).format(x=rng.choice(things))
        extra = (
            str(rng.choice(EMAIL_BITS[rng.choice(topics)])).format(x=rng.choice(things))
            if rng.random() < 0.15
            else ""
        )
        text = " ".join(
            s for s in [str(rng.choice(openers)), body + ".", extra, str(rng.choice(closers))] if s
        )
        rows.append(
            {
                "email_id": f"E-{1001 + i}",
                "received": (
                    pd.Timestamp("2025-01-03") + pd.Timedelta(hours=int(rng.integers(0, 8000)))
                ).isoformat(),
                "subject": str(
                    rng.choice(
                        [
                            "re: the show",
                            "quick note",
                            "Episode feedback",
                            "hello",
                            "idea",
                            "(no subject)",
                        ]
                    )
                ),
                "message": text,
                "topic": topic if rng.random() < 0.25 else "",
            }
        )
    return pd.DataFrame(rows)


def translation_jobs(rng: np.random.Generator) -> pd.DataFrame:
    """A freelance translator's job log; two impossible entries planted."""
    n = 260
    pair = rng.choice(["DE>EN", "FR>EN", "EN>DE", "ES>EN", "PL>EN"], n)
    domain = rng.choice(["legal", "medical", "marketing", "technical", "literary"], n)
    words = rng.lognormal(7.3, 0.8, n).astype(int) + 150
    rate = (
        rng.normal(0.11, 0.02, n) + (domain == "legal") * 0.03 + (domain == "medical") * 0.02
    ).round(3)
    days = rng.integers(1, 15, n)
    late = np.where(
        words / days > 2500,
        rng.choice(["Y", "N"], n, p=[0.6, 0.4]),
        rng.choice(["Y", "N"], n, p=[0.07, 0.93]),
    )
    rating = np.clip(np.round(4.4 - (late == "Y") * 1.3 + rng.normal(0, 0.6, n)), 1, 5).astype(int)
    rebook = np.where(rating + rng.normal(0, 0.8, n) >= 4, "yes", "no")
    clients = [
        "Kessler Legal",
        "MediTrans GmbH",
        "Atelier Rouge",
        "Nordbau AG",
        "Solana Travel",
        "Wydawnictwo Lis",
        "direct client",
    ]
    frame = pd.DataFrame(
        {
            "Job ref": [f"TR-{24 + i // 130}-{i % 130 + 1:03d}" for i in range(n)],
            "Client": rng.choice(clients, n),
            "Language pair": pair,
            "Domain": domain,
            "Words": words,
            "Rate (€/word)": rate,
            "Turnaround (days)": days,
            "Delivered late": late,
            "Client rating (1-5)": rating,
            "Rebooked?": rebook,
        }
    )
    frame.loc[44, "Rate (€/word)"] = 1.8
    frame.loc[199, ["Words", "Turnaround (days)"]] = [250000, 1]
    return frame


# ----------------------------------------------------------------------------- birds
SPECIES = {
    "Blackbird": [
        "all black with a bright orange-yellow beak",
        "dark brown female turning leaves on the lawn",
        "loud alarm call at dusk, black bird with yellow eye-ring",
    ],
    "Robin": [
        "orange-red breast and face, perched on the fence",
        "small round bird with red front singing in winter",
        "followed me while I was digging, red breast",
    ],
    "Blue tit": [
        "tiny blue cap and yellow belly on the feeder",
        "yellow underside, blue wings, hanging upside down on nuts",
        "small bird with blue crown and white cheeks",
    ],
    "Wren": [
        "tiny brown bird with cocked tail, very loud song",
        "minute brown bird creeping in the hedge bottom, tail up",
        "little brown thing, tail sticking straight up, huge voice",
    ],
    "Chaffinch": [
        "pink chest and blue-grey head, white wing bars",
        "finch with white wing flashes, pinkish breast",
        "male with rusty pink face feeding under the bird table",
    ],
}


def sightings(rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Members' sighting records (species partly filled) and the expert-checked file."""
    n = 620
    sp = rng.choice(list(SPECIES), n, p=[0.25, 0.22, 0.22, 0.14, 0.17])
    vague = ["not sure", "brief view", "through the kitchen window", "poor light", "", "", ""]
    notes = [f"{rng.choice(SPECIES[s])}, {rng.choice(vague)}".strip(", ") for s in sp]
    for i in rng.choice(n, 60, replace=False):
        notes[i] = str(
            rng.choice(
                [
                    "small bird, flew off before I could see",
                    "heard something in the hedge",
                    "brownish, quick",
                    "bird on feeder, glasses at home",
                ]
            )
        )
    sites = [
        "Millpond Lane",
        "St Anne's churchyard",
        "Allotments north",
        "Riverside path",
        "Beech Wood",
        "Station car park",
    ]
    counts = rng.integers(1, 7, n)
    counts[[88, 301, 517]] = [4000, 950, 1200]
    known = rng.random(n) < 0.35
    frame = pd.DataFrame(
        {
            "sighting_id": [f"BW-{5000 + i}" for i in range(n)],
            "date": [
                (pd.Timestamp("2025-03-01") + pd.Timedelta(days=int(d))).date().isoformat()
                for d in rng.integers(0, 240, n)
            ],
            "observer": rng.choice(
                ["Margaret H.", "Tunde O.", "Sian", "Pete & Jo", "Harriet (junior)", "Lukas"], n
            ),
            "site": rng.choice(sites, n),
            "habitat": rng.choice(["garden", "hedgerow", "woodland edge", "wetland", "urban"], n),
            "count": counts,
            "temp (°C)": rng.normal(12, 6, n).round(1),
            "what I saw": notes,
            "species": np.where(known, sp, ""),
        }
    )
    unknown = np.flatnonzero(~known)
    checked = rng.choice(unknown, 150, replace=False)
    gold = pd.DataFrame(
        {
            "sighting_id": frame.loc[checked, "sighting_id"].to_numpy(),
            "species_confirmed": sp[checked],
        }
    )
    return frame, gold.sort_values("sighting_id").reset_index(drop=True)


FIELD_GUIDE = """Garden and Hedgerow Birds of the Hollowford Valley
A field guide for members of the Hollowford Bird Group (third edition, 2025)

How to use this guide

Each entry describes the bird's size, plumage, call and the habitat where members most often
record it. A sighting should only be entered as a confirmed species when the key feature in
bold in the printed guide was seen clearly. If you are unsure, leave the species blank and
describe what you saw: the group's two county recorders check unidentified records every month.

Blackbird

The Blackbird is a thrush about 25 centimetres long. The male is all black with an orange-yellow
bill and a yellow eye-ring; the female is dark brown with a faintly spotted throat. Blackbirds
feed on lawns, turning leaves to find worms. The song is a slow, fluting warble delivered from
rooftops at dawn and dusk. A young Blackbird can be confused with a Song Thrush because it is
spotted, but it is darker and lacks the neat rows of spots.

Robin

The Robin is 14 centimetres long, with an orange-red face and breast edged in grey. Males and
females look the same. Robins are strongly territorial and sing all through the winter, which
is why their song is often the only one heard in December. A Robin often follows gardeners to
catch insects turned up by the spade. Juvenile Robins are speckled brown and have no red breast.

Blue Tit

The Blue Tit is 12 centimetres long, with a blue cap, white cheeks, a dark eye-stripe and a
yellow belly. It is an acrobatic feeder and hangs upside down on peanut feeders. Blue Tits nest
in holes and readily use nest boxes with a 25 millimetre entrance hole. A pair may raise eight
to ten chicks in one brood, timed to the peak of caterpillars in May.

Wren

The Wren is one of the smallest birds in the valley at 10 centimetres. It is brown with fine
barring and usually holds its short tail cocked upright. Its song is astonishingly loud for its
size and ends in a trill. Wrens creep through the bottoms of hedges like mice. In hard winters
many Wrens roost together in a single nest box to keep warm; more than sixty have been counted
in one box.

Chaffinch

The Chaffinch is 15 centimetres long. The male has a pink breast, a blue-grey crown and two
white wing bars that flash in flight; the female is olive-brown but shows the same white wing
bars. Chaffinches feed on the ground under bird tables. The song is a descending rattle that
ends in a flourish, and the call is a sharp "pink".

Counting birds

Record the largest number seen at one time, not the total seen during the visit, because the
same bird may be counted twice. A count above 200 for any garden species is almost certainly an
error and will be queried by the recorders. Flocks of Chaffinches in winter rarely exceed fifty
birds in the valley.

Records and the county database

Records are sent to the county database on the first Sunday of each quarter. A record needs a
date, a site, an observer and a count. Records of rare species need a description and, where
possible, a photograph. The group's recorders confirm or reject each unidentified record and the
confirmed species is written in the checked file.
"""


# ----------------------------------------------------------------------------- HR
def applications(rng: np.random.Generator, n: int, year: int, pending: float) -> pd.DataFrame:
    """Job applications to the town's employers, with outcome (blank while pending)."""
    role = rng.choice(
        [
            "Care assistant",
            "Warehouse operative",
            "Receptionist",
            "Delivery driver",
            "Admin officer",
        ],
        n,
    )
    years = rng.integers(0, 16, n)
    licence = rng.choice(["Y", "N"], n, p=[0.65, 0.35])
    commute = rng.gamma(2.0, 6.0, n).round(1)
    qual = rng.choice(["GCSEs", "A levels", "NVQ level 2", "NVQ level 3", "Degree", "None"], n)
    source = rng.choice(["Indeed", "Job centre", "Word of mouth", "Facebook group", "Agency"], n)
    score = np.clip(rng.normal(6, 1.8, n), 0, 10).round(1)
    latent = (
        0.55 * (score - 6)
        + 0.1 * years
        - 0.05 * commute
        + (licence == "Y") * 0.5
        + rng.normal(0, 0.7, n)
    )
    outcome = np.where(latent > 0.4, "Hired", "Not hired")
    pos = [
        "warm with residents in the role play",
        "clear answers, asked good questions about shifts",
        "reliable references, keen to start",
        "calm under pressure, good examples from last job",
        "flexible on weekends, very personable",
    ]
    neg = [
        "late to interview, vague about gaps in CV",
        "could not do weekend shifts",
        "seemed unsure why they applied",
        "struggled with the numeracy test",
        "wants far more than the advertised pay",
        "left last two jobs after a few weeks",
    ]
    notes = [
        str(rng.choice(pos if (o == "Hired") ^ (rng.random() < 0.2) else neg)) for o in outcome
    ]
    frame = pd.DataFrame(
        {
            "Applicant ID": [f"A{year % 100}-{i + 1:04d}" for i in range(n)],
            "Role": role,
            "Years experience": years,
            "Driving licence": licence,
            "Commute (km)": commute,
            "Highest qualification": qual,
            "Heard about us via": source,
            "Interview score (/10)": score,
            "Interview notes": notes,
            "Outcome": outcome,
        }
    )
    frame.loc[rng.random(n) < pending, "Outcome"] = ""
    return frame


def main(out: Path) -> None:
    """Write every file under out."""
    rng = np.random.default_rng(SEED)
    for sub in ("club", "podcast", "translation", "birds", "hr"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    members(rng, 360, 1, True).to_csv(out / "club/members_2025.csv", index=False)
    members(rng, 340, 201, False).to_csv(out / "club/members_2026.csv", index=False)
    match_stats(rng).to_csv(out / "club/match_stats.csv", index=False)
    (out / "club/club_rules.md").write_text(CLUB_RULES, encoding="utf-8")
    episodes(rng).to_csv(out / "podcast/episode_downloads.csv", index=False)
    emails(rng).to_csv(out / "podcast/listener_emails.csv", index=False)
    translation_jobs(rng).to_csv(out / "translation/jobs_log.csv", index=False)
    seen, gold = sightings(rng)
    seen.to_csv(out / "birds/sightings.csv", index=False)
    gold.to_csv(out / "birds/expert_checked.csv", index=False)
    (out / "birds/field_guide.txt").write_text(FIELD_GUIDE, encoding="utf-8")
    applications(rng, 300, 2025, 0.0).to_csv(out / "hr/applications_2025.csv", index=False)
    applications(rng, 220, 2026, 0.3).to_csv(out / "hr/applications_2026.csv", index=False)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
