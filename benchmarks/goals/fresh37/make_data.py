"""Write the fresh37 corpus's files into DIR: python make_data.py DIR.

Four invented businesses: a pet-food web shop (PawPantry), a ski-rental shop (Alpenglow
Rentals), a youth football league (Riverside Youth FC league) and a tattoo studio (Inkwell
Studio). Deterministic (fixed seed), offline, small.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 37


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _yes_no(p: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    return np.where(rng.random(len(p)) < p, "yes", "no")


def _texts(rng: np.random.Generator, labels: list[str], bank: dict, openers, closers) -> list[str]:
    out = []
    for lab in labels:
        phrases = bank[lab]
        first = phrases[rng.integers(len(phrases))]
        parts = [openers[rng.integers(len(openers))], first]
        if rng.random() < 0.45:
            second = phrases[rng.integers(len(phrases))]
            if second != first:
                parts.append(second)
        if rng.random() < 0.15:
            other = list(bank)[rng.integers(len(bank))]
            parts.append(bank[other][rng.integers(len(bank[other]))])
        text = " ".join(p for p in parts if p).strip() + closers[rng.integers(len(closers))]
        out.append(text[0].upper() + text[1:])
    return out


# ---------------------------------------------------------------- pet-food web shop
def pet_shop(rng: np.random.Generator, out: Path) -> None:
    def customers(n: int, start: int, with_outcome: bool) -> pd.DataFrame:
        months = rng.integers(1, 40, n)
        orders90 = rng.poisson(2.5, n)
        basket = np.round(rng.gamma(4, 9, n) + 12, 2)
        pet = rng.choice(
            ["dog", "cat", "dog+cat", "small_pet", "bird"], n, p=[0.45, 0.33, 0.12, 0.07, 0.03]
        )
        plan = rng.choice(
            ["monthly_box", "biweekly_box", "one_off", "vet_diet"], n, p=[0.4, 0.25, 0.25, 0.1]
        )
        discount = rng.choice(
            ["none", "WELCOME10", "SPRING15", "loyalty"], n, p=[0.5, 0.25, 0.1, 0.15]
        )
        contacts = rng.poisson(0.8, n)
        delays = rng.poisson(0.6, n)
        app = rng.choice(["yes", "no"], n, p=[0.4, 0.6])
        df = pd.DataFrame(
            {
                "customer_id": [f"PP{start + i:05d}" for i in range(n)],
                "signup_channel": rng.choice(["instagram", "google", "vet_referral", "friend"], n),
                "pet_type": pet,
                "plan": plan,
                "months_subscribed": months,
                "orders_last_90d": orders90,
                "avg_basket_eur": basket,
                "discount_code": discount,
                "support_contacts": contacts,
                "late_deliveries": delays,
                "uses_app": app,
                "postcode_area": rng.choice(["north", "south", "east", "west", "islands"], n),
            }
        )
        if with_outcome:
            z = (
                -0.6
                - 0.06 * months
                - 0.45 * orders90
                + 0.55 * contacts
                + 0.7 * delays
                + 0.8 * (discount == "WELCOME10")
                - 0.5 * (app == "yes")
                + 0.6 * (plan == "one_off")
            )
            df["cancelled"] = _yes_no(_sigmoid(z + 1.2), rng)
            zu = -2.2 + 0.03 * basket + 0.3 * orders90 + 0.7 * (pet == "dog+cat")
            df["upgraded_plan"] = _yes_no(_sigmoid(zu), rng)
        return df

    customers(900, 1, True).to_csv(out / "pawpantry_customers.csv", index=False)
    customers(250, 2001, True).to_csv(out / "pawpantry_customers_holdout.csv", index=False)
    customers(120, 5001, False).to_csv(out / "new_signups_may.csv", index=False)

    bank = {
        "taste": [
            "my dog would not even touch the salmon kibble",
            "the cat licks the bowl clean every time",
            "he spat out the chicken pate",
            "picky eater but she loves the lamb flavour",
            "our spaniel goes crazy for the duck treats",
            "flavour seems different from the last batch and she refuses it",
        ],
        "packaging": [
            "the bag was torn when it arrived",
            "the resealable zip broke after two days",
            "tins were dented and one was leaking",
            "way too much plastic wrapping for one bag",
            "the box was soaked and the kibble smelled damp",
        ],
        "delivery": [
            "parcel came four days late",
            "courier left it in the rain by the gate",
            "tracking said delivered but nothing arrived",
            "the subscription box skipped a month",
            "delivery slot was missed twice",
        ],
        "price": [
            "the price went up again without warning",
            "too expensive compared to the supermarket",
            "the discount code did not work at checkout",
            "good value for the big 12kg bag",
            "shipping fee is more than the treats",
        ],
        "health": [
            "his coat is shinier since we switched",
            "she had diarrhoea after the new grain free formula",
            "vet recommended this for his kidneys and it helps",
            "itchy skin got better after a month",
            "my cat vomited twice after eating it",
        ],
    }
    openers = [
        "",
        "honestly",
        "well,",
        "ok so",
        "update:",
        "five weeks in and",
        "as a long time customer",
    ]
    closers = ["", ".", "!", ". will see.", ". please fix.", ". thanks.", "!!"]
    n = 600
    topics = list(rng.choice(list(bank), n, p=[0.26, 0.17, 0.22, 0.17, 0.18]))
    text = _texts(rng, topics, bank, openers, closers)
    star_base = {"taste": 3.2, "packaging": 2.4, "delivery": 2.0, "price": 2.8, "health": 3.6}
    stars = [int(np.clip(round(star_base[t] + rng.normal(0, 1.1)), 1, 5)) for t in topics]
    shown = np.where(rng.random(n) < 0.14, topics, "")
    rev = pd.DataFrame(
        {
            "review_id": [f"R{7000 + i}" for i in range(n)],
            "product": rng.choice(
                [
                    "salmon kibble 12kg",
                    "chicken pate 6x400g",
                    "duck treats",
                    "lamb dry food",
                    "renal vet diet",
                    "kitten starter box",
                ],
                n,
            ),
            "stars": stars,
            "review_text": text,
            "topic": shown,
        }
    )
    rev.to_csv(out / "shop_reviews.csv", index=False)
    unl = rev.index[rev["topic"] == ""].to_numpy()
    pick = rng.choice(unl, 150, replace=False)
    pd.DataFrame({"review_id": rev.loc[pick, "review_id"], "topic": np.array(topics)[pick]}).to_csv(
        out / "review_topics_checked.csv", index=False
    )
    rules = [
        {
            "name": "torn_or_leaking",
            "label": "packaging",
            "kind": "keyword",
            "column": "review_text",
            "keywords": ["torn", "leaking", "dented", "zip", "plastic", "soaked"],
        },
        {
            "name": "late_or_missing",
            "label": "delivery",
            "kind": "keyword",
            "column": "review_text",
            "keywords": ["late", "courier", "tracking", "delivery", "parcel", "skipped"],
        },
        {
            "name": "money_words",
            "label": "price",
            "kind": "regex",
            "column": "review_text",
            "pattern": r"\b(price|expensive|discount|value|fee)\b",
            "ignore_case": True,
        },
        {
            "name": "vet_and_tummy",
            "label": "health",
            "kind": "keyword",
            "column": "review_text",
            "keywords": ["vet", "coat", "diarrhoea", "vomited", "itchy", "kidneys"],
        },
        {
            "name": "eats_or_refuses",
            "label": "taste",
            "kind": "keyword",
            "column": "review_text",
            "keywords": ["touch", "licks", "spat", "picky", "loves", "flavour", "refuses"],
        },
    ]
    (out / "review_rules.json").write_text(json.dumps(rules, indent=2) + "\n")

    m = 1000
    weight = np.round(rng.gamma(3, 2.5, m) + 0.5, 1)
    total = np.round(weight * rng.normal(6.5, 1.2, m) + rng.normal(5, 2, m), 2)
    ship = np.where(total > 49, 0.0, 4.95)
    days = rng.integers(1, 5, m).astype(float)
    country = rng.choice(["DE", "AT", "NL", "BE"], m, p=[0.6, 0.2, 0.12, 0.08])
    pay = rng.choice(["card", "paypal", "invoice", "sepa"], m)
    odd = rng.choice(m, 14, replace=False)
    total[odd[:5]] = np.round(rng.uniform(900, 2500, 5), 2)
    weight[odd[5:9]] = np.round(rng.uniform(180, 400, 4), 1)
    days[odd[9:12]] = [31, 45, 60]
    ship[odd[12:]] = 79.0
    pay[odd[12:]] = "invoice"
    country[odd[12:]] = "CH"
    pd.DataFrame(
        {
            "order_id": [f"O-24{i:05d}" for i in range(m)],
            "customer_id": [f"PP{x:05d}" for x in rng.integers(1, 900, m)],
            "items": rng.integers(1, 8, m),
            "weight_kg": weight,
            "total_eur": total,
            "shipping_eur": ship,
            "delivery_days": days,
            "payment": pay,
            "country": country,
        }
    ).to_csv(out / "orders_march.csv", index=False)

    docs = out / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "pawpantry_shipping_returns.md").write_text(
        """# PawPantry shipping and returns

## Shipping
We ship to Germany, Austria, the Netherlands and Belgium. Orders placed before 2 pm on a
working day leave our warehouse in Kassel the same day. Standard delivery takes 1 to 3 working
days with DHL. Shipping costs 4.95 EUR and is free for orders above 49 EUR. Subscription boxes
always ship free of charge.

Heavy bags (12 kg and more) are sent as separate parcels, so you may receive two deliveries on
different days. If a parcel has not arrived after 7 working days, contact us and we will send a
replacement at no cost.

## Subscriptions
A subscription box can be paused for up to three months from your account page. You can
change the delivery rhythm between every two weeks and every four weeks at any time before
the box is packed, which happens three days before the delivery date. Cancelling is possible
at any time; there is no minimum term.

## Returns
Unopened food can be returned within 30 days for a full refund. Opened bags cannot be
returned for hygiene reasons, with one exception: our "picky eater promise". If your pet
refuses a new food, send us a photo of the opened bag within 14 days and we credit the price
of the bag to your account once per product.

Damaged parcels must be reported within 48 hours with a photo. We refund or replace damaged
items, whichever you prefer. Refunds go back to the original payment method within 5 working
days; invoice customers receive a credit note.
"""
    )
    (docs / "feeding_guide_faq.md").write_text(
        """# Feeding guide and FAQ

## How much should I feed?
The daily amount depends on your pet's weight and activity. For our adult dry dog food, feed
about 15 g per kg of body weight for a moderately active dog, split into two meals. Puppies
under six months need roughly double that amount, spread over three or four meals. Cats eat
about 50 to 60 g of wet food per kg of body weight a day.

## How do I switch foods?
Change food gradually over seven days: mix 25 percent new food with 75 percent old food for
two days, then half and half for two days, then 75 percent new food before switching fully.
A sudden change can upset the stomach and cause soft stools.

## Is grain free better?
Grain free food is not healthier for every pet. It suits animals with a proven grain
intolerance. Ask your vet before choosing a grain free diet for a dog with a heart condition.

## What are vet diets?
Vet diets such as our renal formula support pets with kidney, bladder or digestion problems.
They should only be fed after a diagnosis and with regular check-ups at the vet. We ask for the
name of your practice when you order a vet diet for the first time.

## How should I store the food?
Keep dry food in its original bag, closed with the zip, in a cool and dry place. Use it
within six weeks of opening. Opened tins keep for two days in the fridge with a lid.
"""
    )


# ---------------------------------------------------------------- ski-rental shop
def ski_shop(rng: np.random.Generator, out: Path) -> None:
    def rentals(n: int, start: int, season: int, with_outcome: bool, odd: int = 0) -> pd.DataFrame:
        age = rng.integers(6, 72, n)
        weight = np.round(np.where(age < 14, rng.normal(38, 8, n), rng.normal(74, 12, n)), 0)
        height = np.round(np.where(age < 14, rng.normal(145, 12, n), rng.normal(174, 9, n)), 0)
        ability = rng.choice(
            ["beginner", "intermediate", "advanced", "expert"], n, p=[0.3, 0.4, 0.22, 0.08]
        )
        level = (
            pd.Series(ability)
            .map({"beginner": 0, "intermediate": 1, "advanced": 2, "expert": 3})
            .to_numpy()
        )
        din = np.round(np.clip(weight / 14 + level * 0.9 + rng.normal(0, 0.4, n), 1.5, 12), 1)
        gear = rng.choice(
            ["ski_set", "snowboard_set", "boots_only", "touring_set"], n, p=[0.55, 0.3, 0.1, 0.05]
        )
        days = rng.integers(1, 8, n)
        price = np.round(
            days
            * np.select([gear == "touring_set", gear == "boots_only"], [48, 14], 32)
            * rng.uniform(0.9, 1.1, n),
            2,
        )
        insurance = rng.choice(["yes", "no"], n, p=[0.55, 0.45])
        group = rng.choice(["family", "school_trip", "couple", "solo", "club"], n)
        df = pd.DataFrame(
            {
                "rental_no": [f"A{season}-{start + i:04d}" for i in range(n)],
                "age": age,
                "height_cm": height,
                "weight_kg": weight,
                "ability": ability,
                "equipment": gear,
                "days_rented": days,
                "price_chf": price,
                "din_setting": din,
                "damage_insurance": insurance,
                "group_type": group,
                "booked_online": rng.choice(["yes", "no"], n, p=[0.6, 0.4]),
            }
        )
        if odd:
            idx = rng.choice(n, odd, replace=False)
            df.loc[idx[:4], "din_setting"] = [14.0, 13.5, 15.0, 12.5]
            df.loc[idx[:4], "age"] = [8, 9, 7, 10]
            df.loc[idx[:4], "weight_kg"] = [27.0, 30.0, 24.0, 33.0]
            df.loc[idx[4:7], "days_rented"] = [45, 60, 38]
            df.loc[idx[7:10], "price_chf"] = [0.0, 2150.0, 1890.0]
            df.loc[idx[10:], "height_cm"] = [96.0, 231.0]
        if with_outcome:
            z = (
                -1.3
                + 0.5 * (group == "school_trip")
                + 0.25 * days
                - 0.5 * (insurance == "yes")
                + 0.6 * (age < 20)
            )
            df["came_back_late"] = _yes_no(_sigmoid(z - 0.8), rng)
            zd = (
                -1.6
                + 0.9 * (ability == "beginner")
                + 0.7 * (gear == "snowboard_set")
                + 0.15 * days
                - 0.4 * (age > 40)
            )
            df["damaged"] = _yes_no(_sigmoid(zd), rng)
        return df

    rentals(800, 1, 23, True, odd=12).to_csv(out / "rentals_2022_23.csv", index=False)
    rentals(300, 1, 24, True).to_csv(out / "rentals_2023_24.csv", index=False)
    rentals(100, 1, 25, False).to_csv(out / "preorders_christmas.csv", index=False)

    bank = {
        "fit": [
            "the boots pinched my toes all day",
            "boots were half a size too big and my heel lifted",
            "helmet was too tight for my son",
            "liners were comfy once the guy heat moulded them",
            "had to swap the boots twice before they fit",
        ],
        "equipment": [
            "the edges were blunt and i slid on the ice",
            "bindings released on an easy blue run",
            "base had a deep scratch and the wax was gone",
            "poles were bent",
            "the snowboard was brand new and super fast",
        ],
        "staff": [
            "the guy at the counter was really patient with the kids",
            "staff were rude when we asked for a different size",
            "the lady explained the din setting very clearly",
            "nobody spoke english in the shop",
            "super friendly team, gave us tips for the slopes",
        ],
        "waiting": [
            "we queued for over an hour on saturday morning",
            "the online booking did not speed anything up, still waited 40 minutes",
            "pick up was quick since we booked online",
            "return desk was closed at 4pm so we had to come back",
            "long line at the fitting benches",
        ],
        "price": [
            "way too expensive for a three day rental",
            "the insurance fee was not mentioned before",
            "family discount made it affordable",
            "charged us an extra day for returning at 9am",
            "cheaper than the shop at the lift",
        ],
    }
    openers = ["", "hi,", "so", "overall", "day two:", "as a family of four"]
    closers = ["", ".", "!", ". would rent again.", ". not coming back.", ". merci", "..."]
    n = 400
    issues = list(rng.choice(list(bank), n, p=[0.24, 0.22, 0.2, 0.18, 0.16]))
    fb = pd.DataFrame(
        {
            "feedback_id": np.arange(1, n + 1),
            "season": rng.choice(["2022/23", "2023/24"], n),
            "shop": rng.choice(["valley_station", "village_centre"], n),
            "comment": _texts(rng, issues, bank, openers, closers),
            "issue": np.where(rng.random(n) < 0.15, issues, ""),
        }
    )
    fb.to_csv(out / "ski_feedback.csv", index=False)
    unl = fb.index[fb["issue"] == ""].to_numpy()
    pick = rng.choice(unl, 120, replace=False)
    pd.DataFrame(
        {"feedback_id": fb.loc[pick, "feedback_id"], "issue": np.array(issues)[pick]}
    ).to_csv(out / "feedback_gold_marco.csv", index=False)

    docs = out / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "rental_terms.md").write_text(
        """# Alpenglow Rentals: rental terms

## Pick-up and return
Equipment can be picked up from 4 pm on the day before the rental starts. It must be returned
by 6 pm on the last rental day at the shop where it was rented. Equipment returned after 10 am
the next morning is charged one extra rental day. Returns at the other shop cost 10 CHF.

## Damage insurance
Damage insurance costs 3 CHF per day for skis and snowboards and 1.50 CHF per day for boots.
It covers repairs to edges, bases and bindings up to the replacement value, minus a deposit of
50 CHF. It does not cover loss or theft when the equipment was left unlocked. Without
insurance, repairs are charged at workshop rates: base repair 35 CHF, edge repair 45 CHF,
binding replacement 120 CHF.

## Deposits and payment
We take a card imprint or a cash deposit of 200 CHF per set. School groups pay by invoice and
leave no deposit when the teacher signs the group form.

## Binding settings
Bindings are set by our staff from the skier's weight, height, age, boot sole length and
skier type. The customer must state these truthfully. Changing the setting yourself voids the
insurance.
"""
    )
    (docs / "binding_safety.txt").write_text(
        """Binding safety notes for counter staff

The release value (DIN) protects the knee. A value that is too high means the ski will not
release in a twisting fall; a value that is too low means the ski comes off in a turn.

Children under 10 and skiers over 50 get one skier type lower than they state. Beginners are
type 1, intermediate skiers type 2, advanced and expert skiers type 3. Never set a child's
binding above 6 without the workshop manager's signature.

Always do the twist test after setting a binding and write the value on the rental slip. If
the boot sole length is not printed on the boot, measure it and write it on a sticker.

Touring bindings have separate values for the toe and the heel; check both. Rental snowboard
bindings have no release value, but the straps must be checked for cracks at every return.
"""
    )


# ---------------------------------------------------------------- youth football league
def football(rng: np.random.Generator, out: Path) -> None:
    def players(n: int, start: int, with_outcome: bool) -> pd.DataFrame:
        age = rng.integers(6, 17, n)
        seasons = np.minimum(rng.integers(1, 9, n), age - 4)
        attendance = np.round(np.clip(rng.normal(72, 18, n), 10, 100), 0)
        minutes = np.round(np.clip(rng.normal(38, 14, n), 0, 80), 0)
        volunteer = rng.choice(["yes", "no"], n, p=[0.3, 0.7])
        distance = np.round(rng.gamma(2, 3, n), 1)
        late_fee = rng.choice(["yes", "no"], n, p=[0.18, 0.82])
        df = pd.DataFrame(
            {
                "player_ref": [f"YFL{start + i:04d}" for i in range(n)],
                "club": rng.choice(
                    ["Riverside", "Oakfield", "St Marys", "Hillcrest", "Eastbank"], n
                ),
                "age_group": [f"U{min(16, a + 1 + (a % 2))}" for a in age],
                "age": age,
                "gender": rng.choice(["girl", "boy"], n, p=[0.38, 0.62]),
                "seasons_played": seasons,
                "training_attendance_pct": attendance,
                "avg_minutes_per_match": minutes,
                "goals_season": rng.poisson(2, n),
                "injuries_season": rng.poisson(0.3, n),
                "parent_volunteers": volunteer,
                "distance_to_ground_km": distance,
                "paid_fees_late": late_fee,
            }
        )
        if with_outcome:
            z = (
                0.4
                + 0.035 * (attendance - 70)
                + 0.03 * (minutes - 38)
                + 0.7 * (volunteer == "yes")
                - 0.08 * distance
                - 0.8 * (late_fee == "yes")
                - 0.12 * (age - 11)
            )
            df["signed_up_again"] = _yes_no(_sigmoid(z), rng)
            zm = (
                -2.5
                + 0.04 * (attendance - 70)
                + 0.25 * df["goals_season"].to_numpy()
                + 0.02 * minutes
            )
            df["moved_to_academy"] = _yes_no(_sigmoid(zm), rng)
        return df

    players(700, 1, True).to_csv(out / "players_2023.csv", index=False)
    players(250, 2001, True).to_csv(out / "players_2024.csv", index=False)
    players(150, 5001, False).to_csv(out / "registrations_2025.csv", index=False)

    bank = {
        "injury": [
            "player went down holding his ankle after a tackle",
            "girl hit her head on the post and felt dizzy",
            "boy twisted his knee and was taken off",
            "nosebleed after a collision with the keeper",
            "suspected broken wrist, parents took her to hospital",
        ],
        "misconduct": [
            "a parent shouted abuse at the referee",
            "coach refused to shake hands and argued with the linesman",
            "two players pushed each other after the whistle",
            "spectator ran onto the pitch",
            "referee was sworn at by the away bench",
        ],
        "facility": [
            "the changing rooms were locked and nobody had a key",
            "goal nets were ripped and one goal was not anchored",
            "pitch lines were not marked",
            "no first aid kit at the ground",
            "floodlights failed in the second half",
        ],
        "weather": [
            "match stopped because of lightning",
            "pitch was waterlogged after heavy rain",
            "game abandoned at half time due to hail",
            "frozen ground, kick off delayed an hour",
            "strong wind blew the goals over",
        ],
    }
    openers = [
        "",
        "at the u12 game",
        "second half:",
        "report from the referee:",
        "sunday morning,",
        "during warm up",
    ]
    closers = [
        "",
        ".",
        ". match continued.",
        ". league to follow up.",
        ". see photos.",
        ". no further action.",
    ]
    n = 450
    cats = list(rng.choice(list(bank), n, p=[0.33, 0.27, 0.2, 0.2]))
    inc = pd.DataFrame(
        {
            "report_id": [f"IR-{300 + i}" for i in range(n)],
            "match_date": pd.date_range("2023-09-02", periods=n, freq="13h").strftime("%Y-%m-%d"),
            "age_group": rng.choice(["U8", "U10", "U12", "U14", "U16"], n),
            "filed_by": rng.choice(["referee", "coach", "club_welfare_officer"], n),
            "what_happened": _texts(rng, cats, bank, openers, closers),
            "category": np.where(rng.random(n) < 0.16, cats, ""),
        }
    )
    inc.to_csv(out / "incident_reports.csv", index=False)
    unl = inc.index[inc["category"] == ""].to_numpy()
    pick = rng.choice(unl, 120, replace=False)
    pd.DataFrame(
        {"report_id": inc.loc[pick, "report_id"], "category": np.array(cats)[pick]}
    ).to_csv(out / "incidents_checked_by_committee.csv", index=False)
    rules = [
        {
            "name": "hurt",
            "label": "injury",
            "kind": "keyword",
            "column": "what_happened",
            "keywords": ["ankle", "knee", "head", "nosebleed", "wrist", "hospital", "dizzy"],
        },
        {
            "name": "behaviour",
            "label": "misconduct",
            "kind": "keyword",
            "column": "what_happened",
            "keywords": ["abuse", "shouted", "sworn", "pushed", "argued", "spectator"],
        },
        {
            "name": "ground_problems",
            "label": "facility",
            "kind": "regex",
            "column": "what_happened",
            "pattern": r"changing rooms|nets|lines|first aid|floodlights",
            "ignore_case": True,
        },
        {
            "name": "sky",
            "label": "weather",
            "kind": "keyword",
            "column": "what_happened",
            "keywords": ["lightning", "rain", "hail", "frozen", "wind", "waterlogged"],
        },
    ]
    (out / "incident_rules.json").write_text(json.dumps(rules, indent=2) + "\n")

    m = 400
    gh = rng.poisson(2.2, m)
    ga = rng.poisson(1.8, m)
    dur = rng.choice([50, 60, 70, 80], m)
    yellow = rng.poisson(1.2, m)
    red = rng.binomial(1, 0.04, m)
    odd = rng.choice(m, 10, replace=False)
    gh[odd[:3]] = [24, 19, 31]
    dur[odd[3:6]] = [175, 5, 240]
    yellow[odd[6:8]] = [14, 17]
    red[odd[8:]] = [6, 5]
    clubs = np.array(["Riverside", "Oakfield", "St Marys", "Hillcrest", "Eastbank"])
    home = rng.integers(0, 5, m)
    away = (home + rng.integers(1, 5, m)) % 5
    pd.DataFrame(
        {
            "match_id": np.arange(10001, 10001 + m),
            "age_group": rng.choice(["U8", "U10", "U12", "U14", "U16"], m),
            "home_club": clubs[home],
            "away_club": clubs[away],
            "goals_home": gh,
            "goals_away": ga,
            "yellow_cards": yellow,
            "red_cards": red,
            "minutes_played": dur,
            "referee": rng.choice(
                ["J. Okafor", "M. Lindqvist", "S. Patel", "D. Murphy", "volunteer parent"], m
            ),
        }
    ).to_csv(out / "match_results.csv", index=False)

    docs = out / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "league_handbook.md").write_text(
        """# Riverside Youth Football League handbook

## Age groups and formats
Under 8 and under 10 teams play 7 a side on small pitches with no offside. Under 12 teams play
9 a side. Under 14 and under 16 teams play 11 a side with full laws of the game. Matches last
50 minutes for under 8, 60 minutes for under 10 and under 12, 70 minutes for under 14 and 80
minutes for under 16, always in two halves.

## Equal playing time
Every registered player in under 8 to under 12 must play at least half of every match they
attend. Coaches report minutes played on the team sheet after each game.

## Registration and fees
The season fee is 120 pounds and covers insurance, referees and a kit. Fees are due by 30
September. Families who pay late are reminded twice before the player is suspended from
matches. Siblings get 25 percent off, and hardship grants are available from the welfare
officer in confidence.

## Respect code
Spectators stand on the opposite side of the pitch from the teams. Only coaches speak to the
referee. Abuse of a referee, a player or another parent is reported on an incident form within
48 hours, and the club can be fined 50 pounds per incident.

## Weather
The home club decides by 8 am whether a pitch is playable. Lightning stops a match at once:
everyone leaves the pitch and waits 30 minutes after the last thunder before play restarts.
"""
    )
    (docs / "concussion_protocol.md").write_text(
        """# Concussion protocol for coaches

## If in doubt, sit them out
Any player who may have a concussion is removed from play at once and does not return that
day, whatever the player or the parents say. Signs include headache, dizziness, confusion,
blurred vision, nausea and being unusually quiet or emotional.

## On the day
Tell the parents in person and give them the concussion leaflet. If the player lost
consciousness, vomits, has a seizure or gets worse, call an ambulance. Write an incident report
the same day and mark it as an injury.

## Graduated return
The player rests for at least 24 hours and then follows six stages, each at least 24 hours
long: daily activities, light walking, running drills, non contact training, full training
after a doctor's clearance, and finally matches. Under 16 players need at least 23 days away
from matches in total. Any symptom means going back one stage.
"""
    )


# ---------------------------------------------------------------- tattoo studio
def tattoo(rng: np.random.Generator, out: Path) -> None:
    def bookings(n: int, start: int, with_outcome: bool) -> pd.DataFrame:
        age = rng.integers(18, 66, n)
        deposit = rng.choice([0, 30, 50, 100, 150], n, p=[0.2, 0.2, 0.3, 0.2, 0.1])
        lead = rng.integers(1, 120, n)
        hours = np.round(rng.choice([1, 1.5, 2, 3, 4, 6], n), 1)
        first = rng.choice(["yes", "no"], n, p=[0.35, 0.65])
        reminder = rng.choice(["sms", "email", "none"], n, p=[0.45, 0.35, 0.2])
        prev = rng.poisson(0.3, n)
        df = pd.DataFrame(
            {
                "booking_ref": [f"INK{start + i:04d}" for i in range(n)],
                "artist": rng.choice(["Mara", "Jonas", "Kiki", "Deniz"], n),
                "style": rng.choice(
                    ["fineline", "traditional", "blackwork", "realism", "lettering", "watercolour"],
                    n,
                ),
                "placement": rng.choice(
                    ["forearm", "upper_arm", "back", "ankle", "ribs", "hand", "thigh"], n
                ),
                "client_age": age,
                "first_tattoo": first,
                "deposit_eur": deposit,
                "days_booked_ahead": lead,
                "session_hours": hours,
                "reminder": reminder,
                "previous_no_shows": prev,
                "weekday": rng.choice(["Tue", "Wed", "Thu", "Fri", "Sat"], n),
            }
        )
        if with_outcome:
            z = (
                -1.2
                - 0.025 * deposit
                + 0.018 * lead
                + 0.9 * prev
                - 0.7 * (reminder == "sms")
                + 0.4 * (first == "yes")
                - 0.02 * (age - 30)
            )
            df["no_show"] = _yes_no(_sigmoid(z), rng)
            zr = -0.9 + 0.35 * hours - 0.5 * (first == "yes") + 0.4 * (df["style"] == "realism")
            df["booked_follow_up"] = _yes_no(_sigmoid(zr), rng)
        return df

    bookings(700, 1, True).to_csv(out / "bookings_jan_jun.csv", index=False)
    bookings(200, 3001, True).to_csv(out / "bookings_jul_sep.csv", index=False)
    bookings(90, 6001, False).to_csv(out / "bookings_october.csv", index=False)

    bank = {
        "custom": [
            "i have an idea for a sleeve with my grandmother's roses",
            "could Mara draw something original based on my dog",
            "looking for a unique design combining a compass and waves",
            "want a one of a kind piece for my back, can send references",
        ],
        "flash": [
            "is the little snake from your flash sheet still available",
            "saw the flash day post on instagram, can i grab the moth",
            "do you do walk ins for the small flash designs",
            "i want the cherry flash from your story",
        ],
        "cover_up": [
            "need to cover an old tribal tattoo on my shoulder",
            "my ex's name on my wrist has to go, can it be covered",
            "faded lettering from 2009 that i want hidden under something darker",
            "can you cover a badly done star on my ankle",
        ],
        "touch_up": [
            "my fineline piece from march healed patchy in two spots",
            "colour fell out on the leaf, do you do free touch ups",
            "the lines on my lettering blew out a bit, can it be fixed",
            "small touch up needed on the healed rose",
        ],
        "aftercare": [
            "it is day five and the tattoo is peeling and itchy, is that normal",
            "can i go swimming one week after",
            "the skin is red and warm around the new tattoo",
            "which cream should i use on the healing piece",
        ],
    }
    openers = ["", "hey!", "hi there,", "hello inkwell team,", "quick question:", "heyy"]
    closers = ["", "?", ". thanks!", " :)", ". let me know the price", ". x"]
    n = 500
    kinds = list(rng.choice(list(bank), n, p=[0.26, 0.2, 0.18, 0.16, 0.2]))
    inq = pd.DataFrame(
        {
            "msg_id": np.arange(501, 501 + n),
            "channel": rng.choice(["instagram_dm", "email", "website_form"], n, p=[0.6, 0.2, 0.2]),
            "received": pd.date_range("2024-01-03", periods=n, freq="9h").strftime(
                "%Y-%m-%d %H:%M"
            ),
            "message": _texts(rng, kinds, bank, openers, closers),
            "request_type": np.where(rng.random(n) < 0.15, kinds, ""),
        }
    )
    inq.to_csv(out / "dm_inquiries.csv", index=False)
    unl = inq.index[inq["request_type"] == ""].to_numpy()
    pick = rng.choice(unl, 130, replace=False)
    pd.DataFrame({"msg_id": inq.loc[pick, "msg_id"], "request_type": np.array(kinds)[pick]}).to_csv(
        out / "inquiries_sorted_by_kiki.csv", index=False
    )

    docs = out / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "aftercare.md").write_text(
        """# Inkwell Studio aftercare

## The first day
Leave the wrap on for two to four hours, or overnight for second skin film. Wash your hands,
then wash the tattoo gently with lukewarm water and unscented soap. Pat it dry with a clean
paper towel; never rub.

## Days two to fourteen
Apply a thin layer of the aftercare balm two or three times a day. Too much cream suffocates
the skin and slows healing. Peeling and itching around day four to seven are normal: do not
scratch or pick the flakes.

## What to avoid
No swimming pools, sea, sauna or bath for two weeks. Keep the tattoo out of direct sun for a
month and use SPF 50 afterwards. Avoid tight clothes over fresh work and do not shave the area
until it has healed.

## When to call us or a doctor
Some redness and warmth in the first two days is normal. Redness that spreads, pus, a fever or
pain that gets worse after day three can mean an infection: see a doctor and tell us.

## Touch ups
Touch ups within three months are free for work done at the studio, once. Book them through
the website form and mention your artist.
"""
    )
    (docs / "studio_policies.txt").write_text(
        """Inkwell Studio booking policies

Deposits. Every appointment needs a deposit, which goes towards the final price. Deposits are
50 euros for sessions up to three hours and 100 euros for longer sessions. A deposit is lost
if you cancel less than 48 hours before the appointment or do not come.

Rescheduling. You can move an appointment once without losing the deposit if you tell us at
least 48 hours before. A second move needs a new deposit.

Age. We tattoo adults from 18 only, with a photo ID, no exceptions. We do not tattoo hands,
neck or face as a first tattoo.

Designs. Custom designs are drawn by your artist and shown on the day; small changes are made
before we start. Flash designs are tattooed as drawn and each is done only once.

Cover ups. A cover up needs a consultation first, in person or with clear photos in daylight.
Very dark old work may need laser sessions before it can be covered.
"""
    )


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    pet_shop(rng, out)
    ski_shop(rng, out)
    football(rng, out)
    tattoo(rng, out)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
