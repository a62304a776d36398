"""Write fresh60's files: a municipal library, an esports league, an artisan bakery chain.

Run: python make_data.py DIR  (deterministic, offline, seed 6060)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 6060


def _pick(rng: np.random.Generator, items: list[str], n: int) -> list[str]:
    return [items[i] for i in rng.integers(0, len(items), n)]


def library(out: Path, rng: np.random.Generator) -> None:
    d = out / "library"
    d.mkdir(parents=True, exist_ok=True)
    n = 900
    branches = ["Central", "Eastgate", "Riverside", "Hillview"]
    item_types = ["book", "dvd", "audiobook", "magazine", "board_game", "laptop"]
    age = ["child", "teen", "adult", "senior"]
    days = rng.integers(3, 42, n)
    renewals = rng.integers(0, 4, n)
    prior = rng.poisson(0.8, n)
    itype = _pick(rng, item_types, n)
    score = 0.06 * days + 0.7 * prior - 0.5 * renewals + rng.normal(0, 1, n) - 2.2
    score += np.array([0.8 if t in ("dvd", "laptop") else 0.0 for t in itype])
    late = np.where(score > 0, "yes", "no")
    fine = np.round(np.clip(score, 0, None) * 1.4, 2)
    df = pd.DataFrame(
        {
            "loan_id": [f"LN{100000 + i}" for i in range(n)],
            "patron_id": [f"P{rng.integers(1000, 4000)}" for _ in range(n)],
            "branch": _pick(rng, branches, n),
            "item_type": itype,
            "patron_age_band": _pick(rng, age, n),
            "loan_days": days,
            "renewals": renewals,
            "prior_overdues": prior,
            "holds_waiting": rng.integers(0, 6, n),
            "returned_late": late,
            "fine_eur": fine,
            "notice_sent": np.where(score > 0.5, "yes", "no"),
        }
    )
    df.iloc[:600].to_csv(d / "loans.csv", index=False)
    df.iloc[600:780].to_csv(d / "loans_test.csv", index=False)
    new = df.iloc[780:].drop(columns=["returned_late", "fine_eur", "notice_sent"])
    new.to_csv(d / "loans_current.csv", index=False)

    kinds = {
        "purchase": [
            "please could the library buy {b}",
            "suggest you order more copies of {b}, waiting list is huge",
            "would love to see {b} in the collection",
        ],
        "hold": [
            "can I reserve {b} when it comes back",
            "put a hold on {b} for me please",
            "I'd like to be next in line for {b}",
        ],
        "complaint": [
            "the wifi at {br} keeps dropping, really annoying",
            "charged a fine for {b} which I returned on time!!",
            "staff at {br} were rude about my overdue notice",
        ],
        "accessibility": [
            "is there a large print edition of {b}",
            "need the ramp at {br} fixed, wheelchair can't get in",
            "do you have {b} as an audio version for my dad, he is partially sighted",
        ],
    }
    books = ["The Salt Path", "Dune", "a Danish cookbook", "Klara and the Sun", "the new Rankin"]
    rows = []
    for i in range(420):
        k = list(kinds)[rng.integers(0, 4)]
        t = kinds[k][rng.integers(0, 3)].format(
            b=books[rng.integers(0, len(books))], br=branches[rng.integers(0, 4)]
        )
        rows.append(
            {
                "request_id": f"REQ-{3000 + i}",
                "submitted": str(pd.Timestamp("2026-03-01") + pd.Timedelta(days=int(i % 90))),
                "branch": branches[rng.integers(0, 4)],
                "request_text": t,
                "request_type": k if rng.random() < 0.2 else "",
                "_true": k,
            }
        )
    req = pd.DataFrame(rows)
    gold = req.sample(80, random_state=SEED)[["request_id", "_true"]]
    gold.rename(columns={"_true": "request_type"}).to_csv(
        d / "request_hand_labels.csv", index=False
    )
    req.drop(columns=["_true"]).to_csv(d / "patron_requests.csv", index=False)
    rules = [
        {
            "name": "buy_words",
            "label": "purchase",
            "kind": "keyword",
            "column": "request_text",
            "keywords": ["buy", "order", "collection"],
        },
        {
            "name": "hold_words",
            "label": "hold",
            "kind": "keyword",
            "column": "request_text",
            "keywords": ["reserve", "hold", "next in line"],
        },
        {
            "name": "angry",
            "label": "complaint",
            "kind": "regex",
            "column": "request_text",
            "pattern": "rude|!!|annoying|fine",
        },
        {
            "name": "access",
            "label": "accessibility",
            "kind": "keyword",
            "column": "request_text",
            "keywords": ["large print", "wheelchair", "ramp", "audio"],
        },
    ]
    (d / "request_rules.json").write_text(json.dumps(rules, indent=2) + "\n", encoding="utf-8")
    (d / "lending_policy.md").write_text(
        "# Lending policy\n\n## Loan periods\n\nBooks are lent for 21 days, DVDs and board games "
        "for 7 days, laptops for 3 days. A loan may be renewed twice unless another patron has "
        "placed a hold.\n\n## Fines\n\nAdult patrons pay 0.20 EUR per day per item, capped at "
        "6 EUR per item. Children and seniors pay no fines. Laptops returned late cost 5 EUR "
        "per day.\n\n## Overdue notices\n\nA first notice is e-mailed 2 days after the due "
        "date, a second notice after 14 days, and after 35 days the item is billed as lost at "
        "replacement cost plus a 4 EUR processing fee.\n\n## Holds\n\nPatrons may hold up to "
        "10 items. A held item waits 5 opening days at the chosen branch.\n",
        encoding="utf-8",
    )
    (d / "catalogue_notes.md").write_text(
        "# Catalogue notes (cataloguing team)\n\n## Series and editions\n\nNew editions get "
        "their own record; the older record keeps its holdings until weeded. Large print "
        "copies are catalogued under the same work with the LP shelf mark.\n\n## Weeding\n\n"
        "Items not borrowed for 3 years are reviewed for weeding each January. Local history "
        "is never weeded.\n\n## Donations\n\nDonated books are accepted at Central only, at "
        "most 10 at a time, and only if published in the last 5 years.\n",
        encoding="utf-8",
    )
    (d / "overdue_notice_template.txt").write_text(
        "Dear patron,\n\nOur records show that the item(s) below are overdue. Please return "
        "them to any branch. Fines accrue at 0.20 EUR per day. If you believe this notice is "
        "in error, reply to this e-mail or call Central on 030 555 0199.\n\nIf items are not "
        "returned within 35 days they will be billed as lost.\n",
        encoding="utf-8",
    )


def esports(out: Path, rng: np.random.Generator) -> None:
    d = out / "esports"
    d.mkdir(parents=True, exist_ok=True)
    n = 800
    roles = ["entry", "support", "awp", "igl", "lurker"]
    kda = np.round(rng.gamma(4, 0.3, n), 2)
    hs = np.round(np.clip(rng.normal(42, 9, n), 5, 95), 1)
    react = np.round(rng.normal(210, 25, n), 0)
    reports = rng.poisson(1.2, n)
    cheat_score = 0.09 * (hs - 42) - 0.04 * (react - 210) + 0.5 * reports + rng.normal(0, 1, n)
    cheat = cheat_score > 2.6
    hs[cheat] = np.clip(hs[cheat] + 18, 0, 99)
    df = pd.DataFrame(
        {
            "player_id": [f"PL{5000 + i}" for i in range(n)],
            "handle": [f"player_{rng.integers(10000, 99999)}" for _ in range(n)],
            "role": _pick(rng, roles, n),
            "division": _pick(rng, ["premier", "challenger", "open"], n),
            "matches_played": rng.integers(5, 80, n),
            "kda": kda,
            "headshot_pct": hs,
            "avg_reaction_ms": react,
            "avg_damage_round": np.round(rng.normal(78, 15, n), 1),
            "reports_received": reports,
            "win_rate": np.round(np.clip(rng.normal(0.5, 0.1, n), 0, 1), 3),
            "flagged_for_review": np.where(cheat_score > 2.0, "yes", "no"),
            "banned": np.where(cheat, "yes", "no"),
        }
    )
    df.iloc[:520].to_csv(d / "player_stats.csv", index=False)
    df.iloc[520:680].to_csv(d / "player_stats_holdout.csv", index=False)
    df.iloc[680:].drop(columns=["flagged_for_review", "banned"]).to_csv(
        d / "player_stats_new_season.csv", index=False
    )

    m = 700
    maps = ["Dust", "Harbor", "Citadel", "Frostbite", "Canal"]
    kills = rng.poisson(70, m)
    deaths = rng.poisson(70, m)
    dur = np.round(rng.normal(38, 6, m), 1)
    ping = np.round(rng.normal(35, 8, m), 0)
    won = (kills - deaths + rng.normal(0, 8, m)) > 0
    logs = pd.DataFrame(
        {
            "match_id": [f"M-{20000 + i}" for i in range(m)],
            "week": rng.integers(1, 13, m),
            "team": _pick(rng, ["Vipers", "Nightowls", "Kraken", "Saturn", "Blaze", "Ember"], m),
            "map": _pick(rng, maps, m),
            "side_first": _pick(rng, ["attack", "defence"], m),
            "duration_min": dur,
            "team_kills": kills,
            "team_deaths": deaths,
            "rounds_won": rng.integers(5, 16, m),
            "avg_ping_ms": ping,
            "disconnects": rng.poisson(0.3, m),
            "result": np.where(won, "win", "loss"),
            "overtime": np.where(rng.random(m) < 0.12, "yes", "no"),
        }
    )
    odd = rng.choice(m, 9, replace=False)
    logs.loc[odd[:3], "duration_min"] = [2.1, 181.0, 0.4]
    logs.loc[odd[3:6], "avg_ping_ms"] = [940.0, 1200.0, 2.0]
    logs.loc[odd[6:], "team_kills"] = [410, 388, 0]
    logs.to_csv(d / "match_logs.csv", index=False)

    texts = {
        "cheating": [
            "{h} snapped onto heads through smoke every round, obvious aimbot",
            "pretty sure {h} is walling, prefired every corner",
            "{h} had inhuman reaction times, check the demo from round 14",
        ],
        "toxicity": [
            "{h} spammed slurs in all chat the whole match",
            "{h} kept telling our support to uninstall, super toxic",
            "voice abuse from {h}, muted him after 3 rounds",
        ],
        "false_report": [
            "{h} just beat us fair and square tbh, sorry",
            "reporting {h} idk he was good",
            "my teammate made me report {h}, nothing happened",
        ],
    }
    rows = []
    for i in range(360):
        k = list(texts)[rng.integers(0, 3)]
        h = f"player_{rng.integers(10000, 99999)}"
        rows.append(
            {
                "report_id": f"CR{7000 + i}",
                "match_id": f"M-{20000 + int(rng.integers(0, m))}",
                "reported_handle": h,
                "reporter_comment": texts[k][rng.integers(0, 3)].format(h=h),
                "demo_attached": "yes" if rng.random() < 0.4 else "no",
                "verdict": k if rng.random() < 0.18 else "",
                "_true": k,
            }
        )
    rep = pd.DataFrame(rows)
    rep.sample(70, random_state=SEED)[["report_id", "_true"]].rename(
        columns={"_true": "verdict"}
    ).to_csv(d / "verdicts_reviewed.csv", index=False)
    rep.drop(columns=["_true"]).to_csv(d / "cheating_reports.csv", index=False)
    rules = [
        {
            "name": "aim_words",
            "label": "cheating",
            "kind": "keyword",
            "column": "reporter_comment",
            "keywords": ["aimbot", "walling", "prefired", "inhuman"],
        },
        {
            "name": "abuse_words",
            "label": "toxicity",
            "kind": "keyword",
            "column": "reporter_comment",
            "keywords": ["slurs", "toxic", "abuse", "uninstall"],
        },
        {
            "name": "meh_report",
            "label": "false_report",
            "kind": "regex",
            "column": "reporter_comment",
            "pattern": "fair and square|idk|made me report",
        },
    ]
    (d / "report_rules.json").write_text(json.dumps(rules, indent=2) + "\n", encoding="utf-8")
    (d / "league_rulebook.md").write_text(
        "# League rulebook (season 7)\n\n## Matches\n\nMatches are best of 24 rounds with "
        "overtime in blocks of 6. A team may call two tactical timeouts of 30 seconds per "
        "half.\n\n## Disconnects\n\nIf a player disconnects, the match pauses for up to 10 "
        "minutes. After that the team plays 4v5 or forfeits.\n\n## Cheating\n\nAny third-party "
        "software that reads game memory is banned. A first offence is a 2-year ban; the "
        "team forfeits every match the player played that season.\n\n## Conduct\n\nSlurs in "
        "chat or voice give a one-match suspension, then three matches, then removal.\n",
        encoding="utf-8",
    )
    (d / "anticheat_faq.txt").write_text(
        "Anti-cheat FAQ\n\nWhat does the client scan? Running processes and drivers that touch "
        "the game's memory.\n\nHow long does a review take? Reports with a demo attached are "
        "reviewed within 72 hours, others within 10 days.\n\nCan a ban be appealed? Yes, once, "
        "within 14 days, by e-mail to integrity@league.example.\n",
        encoding="utf-8",
    )


def bakery(out: Path, rng: np.random.Generator) -> None:
    d = out / "bakery"
    d.mkdir(parents=True, exist_ok=True)
    shops = ["Old Town", "Station", "Harbour", "Market Sq"]
    products = ["sourdough", "croissant", "rye loaf", "cinnamon bun", "baguette", "focaccia"]
    n = 1100
    dates = pd.date_range("2025-09-01", periods=275, freq="D")
    dt = [dates[i] for i in rng.integers(0, len(dates), n)]
    temp = np.round(rng.normal(14, 7, n), 1)
    rain = np.round(rng.exponential(2.0, n), 1)
    baked = rng.integers(30, 160, n)
    promo = rng.random(n) < 0.15
    weekend = np.array([t.day_of_week >= 5 for t in dt])
    demand = baked * (0.75 + 0.2 * weekend + 0.15 * promo - 0.02 * rain) + rng.normal(0, 12, n)
    sold = np.clip(np.round(demand), 0, baked).astype(int)
    waste = baked - sold
    df = pd.DataFrame(
        {
            "sale_date": [t.date().isoformat() for t in dt],
            "weekday": [t.day_name() for t in dt],
            "shop": _pick(rng, shops, n),
            "product": _pick(rng, products, n),
            "units_baked": baked,
            "units_sold": sold,
            "waste_units": waste,
            "temp_c": temp,
            "rain_mm": rain,
            "promo": np.where(promo, "yes", "no"),
            "sold_out": np.where(sold >= baked, "yes", "no"),
            "high_waste": np.where(waste > 0.2 * baked, "yes", "no"),
        }
    )
    df.insert(0, "row_id", [f"S{i:05d}" for i in range(n)])
    df.iloc[:750].to_csv(d / "daily_sales.csv", index=False)
    df.iloc[750:950].to_csv(d / "daily_sales_march.csv", index=False)
    df.iloc[950:].drop(columns=["units_sold", "waste_units", "sold_out", "high_waste"]).to_csv(
        d / "bake_plan_next_week.csv", index=False
    )

    w = 300
    waste_log = pd.DataFrame(
        {
            "entry_id": [f"W{i:04d}" for i in range(w)],
            "shop": _pick(rng, shops, w),
            "product": _pick(rng, products, w),
            "kg_binned": np.round(rng.gamma(3, 0.6, w), 2),
            "kg_donated": np.round(rng.gamma(2, 0.5, w), 2),
            "reason": _pick(rng, ["unsold", "burnt", "dropped", "misshapen"], w),
            "logged_by": _pick(rng, ["Ana", "Tom", "Lisa", "Mehmet", "Jo"], w),
        }
    )
    odd = rng.choice(w, 6, replace=False)
    waste_log.loc[odd[:3], "kg_binned"] = [48.0, 61.5, 39.0]
    waste_log.loc[odd[3:], "kg_donated"] = [-3.0, 75.0, 90.0]
    waste_log.to_csv(d / "waste_log.csv", index=False)

    pos = [
        "best {p} in town",
        "the {p} was still warm, lovely staff",
        "worth the queue for the {p}",
    ]
    neg = [
        "{p} was stale and overpriced",
        "waited 20 minutes and they ran out of {p}",
        "found a hair in my {p}, not coming back",
    ]
    mix = [
        "{p} ok but coffee was cold",
        "nice {p}, rude cashier though",
        "{p} fine, nothing special",
    ]
    rows = []
    for i in range(500):
        k = ["positive", "negative", "mixed"][rng.integers(0, 3)]
        src = {"positive": pos, "negative": neg, "mixed": mix}[k]
        text = src[rng.integers(0, 3)].format(p=products[rng.integers(0, len(products))])
        stars = {
            "positive": rng.integers(4, 6),
            "negative": rng.integers(1, 3),
            "mixed": rng.integers(2, 5),
        }[k]
        rows.append(
            {
                "review_id": f"RV{9000 + i}",
                "shop": shops[rng.integers(0, 4)],
                "posted": (pd.Timestamp("2026-01-01") + pd.Timedelta(days=int(i % 120))).date(),
                "stars": int(stars),
                "review_text": text,
                "sentiment": k if rng.random() < 0.2 else "",
                "_true": k,
            }
        )
    rev = pd.DataFrame(rows)
    rev.sample(90, random_state=SEED)[["review_id", "_true"]].rename(
        columns={"_true": "sentiment"}
    ).to_csv(d / "reviews_handlabelled.csv", index=False)
    rev.drop(columns=["_true"]).to_csv(d / "customer_reviews.csv", index=False)
    rules = [
        {
            "name": "praise",
            "label": "positive",
            "kind": "keyword",
            "column": "review_text",
            "keywords": ["best", "lovely", "worth"],
        },
        {
            "name": "gripes",
            "label": "negative",
            "kind": "keyword",
            "column": "review_text",
            "keywords": ["stale", "ran out", "hair", "overpriced"],
        },
        {
            "name": "but_though",
            "label": "mixed",
            "kind": "regex",
            "column": "review_text",
            "pattern": r"\bbut\b|though|nothing special",
        },
        {
            "name": "low_stars",
            "label": "negative",
            "kind": "threshold",
            "column": "stars",
            "op": "<=",
            "value": 2,
        },
    ]
    (d / "review_rules.json").write_text(json.dumps(rules, indent=2) + "\n", encoding="utf-8")
    (d / "supplier_notes.md").write_text(
        "# Supplier notes\n\n## Flour\n\nMuehle Berger delivers type 550 and rye 1150 on "
        "Mondays and Thursdays. Minimum order 400 kg. Price fixed at 0.62 EUR/kg until June.\n"
        "\n## Butter\n\nAlpenhof butter (82% fat) for croissants, delivered Tuesdays; keep "
        "below 4 C. Lead time 3 days.\n\n## Packaging\n\nPaper bags from GreenPack, 5,000 per "
        "carton. Compostable film for sandwiches since October.\n\n## Complaints\n\nThe "
        "February rye batch was too coarse; Muehle Berger credited 120 kg.\n",
        encoding="utf-8",
    )
    (d / "allergen_guide.md").write_text(
        "# Allergen guide for counter staff\n\n## Gluten\n\nEvery bread contains gluten. We "
        "have no gluten-free line because of cross-contamination.\n\n## Nuts\n\nThe cinnamon "
        "bun topping contains hazelnut. Focaccia contains none but is baked on shared trays.\n"
        "\n## Dairy and egg\n\nCroissants contain butter and egg wash. Sourdough, rye loaf and "
        "baguette are vegan.\n",
        encoding="utf-8",
    )


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    library(out, rng)
    esports(out, rng)
    bakery(out, rng)


if __name__ == "__main__":
    main()
