"""Write the heldout15 corpus's files: a marina office, a rural fire department, an esports team.

Run: python make_data.py DIR  (deterministic, offline, a few hundred KB).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 1515


def _pick(rng: np.random.Generator, items: list[str]) -> str:
    return items[int(rng.integers(len(items)))]


# ---------------------------------------------------------------- marina
ISSUE_NOTES = {
    "electrical": [
        "shore power breaker keeps tripping on pedestal",
        "no power at the slip, GFCI tripped again",
        "nav lights flicker, corroded wiring behind panel",
        "battery charger not charging, owner says voltage low",
        "bilge pump float switch wiring burnt",
    ],
    "plumbing": [
        "water spigot on dock leaking at the hose bib",
        "holding tank pump-out hose cracked",
        "freshwater line frozen and split near finger pier",
        "head wont flush, pumpout station clogged",
        "leak under the sink, hose clamp rusted",
    ],
    "hull": [
        "gelcoat scrape on port side after docking",
        "blisters below waterline, needs haul out",
        "fender rubbed through, scratch along the hull",
        "keel bumped the bottom, check for cracks",
        "osmosis spots and fouling on hull bottom",
    ],
    "engine": [
        "outboard wont start, fuel smell",
        "impeller worn, engine overheating at idle",
        "oil leak from lower unit, smoke on startup",
        "diesel hard starting, injectors maybe",
        "prop shaft vibration above 2000 rpm",
    ],
}
EXTRA = ["", " customer asked to call back", " urgent before weekend", " see photo", " 2nd time"]


def marina(out: Path, rng: np.random.Generator) -> None:
    n = 420
    classes = list(ISSUE_NOTES)
    issue = rng.choice(classes, size=n, p=[0.3, 0.25, 0.2, 0.25])
    notes = [_pick(rng, ISSUE_NOTES[c]) + _pick(rng, EXTRA) for c in issue]
    hours = np.round(rng.gamma(2.0, 1.5, n) + (issue == "engine") * 2, 1)
    parts = np.round(rng.gamma(2.0, 60, n) + (issue == "hull") * 150, 2)
    priority = np.where((hours > 5) | np.array(["urgent" in t for t in notes]), "urgent", "routine")
    filled = rng.random(n) < 0.3
    wo = pd.DataFrame(
        {
            "wo_id": [f"WO-{2300 + i}" for i in range(n)],
            "slip_no": [
                f"{_pick(rng, ['A', 'B', 'C', 'D'])}{int(rng.integers(1, 40))}" for _ in range(n)
            ],
            "opened": pd.date_range("2024-03-01", periods=n, freq="17h").strftime("%Y-%m-%d"),
            "boat_type": rng.choice(["sail", "power", "pontoon", "jetski"], size=n),
            "notes": notes,
            "hours_logged": hours,
            "parts_cost": parts,
            "issue_type": np.where(filled, issue, ""),
            "priority": priority,
        }
    )
    wo.iloc[:360].to_csv(out / "work_orders.csv", index=False)
    new = wo.iloc[360:].drop(columns=["issue_type", "priority"])
    new.to_csv(out / "work_orders_new.csv", index=False)
    checked_idx = rng.choice(np.arange(360), size=90, replace=False)
    checked_idx.sort()
    pd.DataFrame(
        {"wo_id": wo["wo_id"].iloc[checked_idx], "checked_issue": issue[checked_idx]}
    ).to_csv(out / "work_orders_checked.csv", index=False)
    rules = [
        {
            "name": "power_words",
            "label": "electrical",
            "kind": "keyword",
            "column": "notes",
            "keywords": ["breaker", "power", "wiring", "battery", "voltage", "gfci"],
        },
        {
            "name": "water_words",
            "label": "plumbing",
            "kind": "keyword",
            "column": "notes",
            "keywords": ["leak", "hose", "pump-out", "pumpout", "spigot", "flush"],
        },
        {
            "name": "hull_words",
            "label": "hull",
            "kind": "keyword",
            "column": "notes",
            "keywords": ["gelcoat", "blisters", "hull", "keel", "osmosis", "scratch"],
        },
        {
            "name": "engine_words",
            "label": "engine",
            "kind": "regex",
            "column": "notes",
            "pattern": r"(outboard|impeller|diesel|overheat|rpm|injector)",
            "ignore_case": True,
        },
        {
            "name": "big_parts_hull",
            "label": "hull",
            "kind": "threshold",
            "column": "parts_cost",
            "op": ">",
            "value": 400,
        },
    ]
    (out / "marina_rules.json").write_text(json.dumps(rules, indent=2) + "\n")

    m = 500
    length = np.round(rng.normal(32, 9, m).clip(16, 70), 1)
    nights = rng.integers(1, 15, m)
    member = rng.random(m) < 0.45
    lead = rng.integers(0, 120, m)
    price = np.round(length * nights * np.where(member, 1.6, 2.2), 2)
    p_ns = 1 / (1 + np.exp(-(-2.2 + 0.02 * lead - 1.0 * member)))
    no_show = np.where(rng.random(m) < p_ns, "yes", "no")
    p_c = 1 / (1 + np.exp(-(-1.8 + 0.015 * lead + 0.05 * nights)))
    cancelled = np.where(rng.random(m) < p_c, "yes", "no")
    bookings = pd.DataFrame(
        {
            "booking_id": [f"BK{5100 + i}" for i in range(m)],
            "slip_no": [
                f"{_pick(rng, ['A', 'B', 'C', 'D'])}{int(rng.integers(1, 40))}" for _ in range(m)
            ],
            "boat_length_ft": length,
            "beam_ft": np.round(length * rng.uniform(0.28, 0.36, m), 1),
            "nights": nights,
            "lead_days": lead,
            "season": rng.choice(["spring", "summer", "fall"], size=m, p=[0.25, 0.55, 0.2]),
            "member": np.where(member, "Y", "N"),
            "price_paid": price,
            "no_show": no_show,
            "cancelled": cancelled,
        }
    )
    bookings.to_csv(out / "mooring_bookings.csv", index=False)

    docs = out / "marina_docs"
    docs.mkdir(exist_ok=True)
    (docs / "harbour_rules.md").write_text(
        "# Harbour Rules - Seagrass Point Marina\n\n"
        "## Arrivals\n\nTransient boats must call the office on VHF channel 68 before entering "
        "the fairway. The speed limit inside the breakwater is 3 knots. Check-in closes at 7 pm; "
        "late arrivals use the fuel dock until the morning.\n\n"
        "## Shore power\n\nEach slip has a 30 amp pedestal. A 50 amp pedestal is available on "
        "D dock for boats over 45 feet. Shore power is billed at 0.32 per kWh. If a breaker trips "
        "twice, the owner must open a work order before it is reset.\n\n"
        "## Pump-out\n\nThe pump-out station is free for members. Discharging a holding tank "
        "inside the marina is prohibited because the basin is a no-discharge zone. Fines start "
        "at 250 dollars.\n\n"
        "## Winter storage\n\nHaul-out for winter storage begins on October 15. Boats must be "
        "winterized by the owner or by the yard crew. Shrink wrap is charged per foot of length.\n"
    )
    (docs / "work_order_process.md").write_text(
        "# How we handle work orders\n\n"
        "A work order is opened by the dock hand or the office when a slip holder reports a "
        "problem. The issue type is electrical, plumbing, hull or engine. The yard manager "
        "assigns a technician within one business day.\n\n"
        "## Priority\n\nUrgent work orders are those that threaten the boat or the dock, for "
        "example a sinking risk or a shore power fault. Urgent orders must be started within 4 "
        "hours. Routine orders are scheduled in the weekly plan.\n\n"
        "## Closing\n\nA work order is closed when the technician logs hours and parts and the "
        "owner signs off. Parts above 500 dollars need the owner's written approval first.\n"
    )


# ---------------------------------------------------------------- fire department
NARR = {
    "structure_fire": [
        "Smoke showing from the attic of a two story farmhouse, crew made interior attack",
        "Barn fully involved on arrival, defensive operations and water shuttle set up",
        "Kitchen fire in a mobile home, extinguished by first engine, overhaul completed",
        "Chimney fire reported by neighbor, flames from the flue, roof ladder used",
    ],
    "brush_fire": [
        "Grass fire along the county road spreading toward the tree line, brush truck deployed",
        "Field fire started by a combine, about three acres burned, wind from the west",
        "Controlled burn escaped containment, brush unit and tanker responded",
        "Roadside vegetation fire from a dragging chain, mopped up with hand tools",
    ],
    "medical": [
        "Elderly male fell in the barn, patient conscious, assisted EMS with lift",
        "Chest pain at a residence, first responders gave oxygen until the ambulance arrived",
        "Farm worker with arm injury from machinery, bleeding controlled, airlifted",
        "Unresponsive female at church, CPR started by bystanders, AED applied",
    ],
    "mvc": [
        "Two vehicle collision at the crossroads, one patient entrapped, extrication performed",
        "Single car rollover in the ditch, driver self extricated, fluids cleaned up",
        "Pickup versus deer on the highway, no injuries, traffic control provided",
        "Tractor overturned on the embankment, operator pinned, heavy rescue requested",
    ],
    "false_alarm": [
        "Automatic alarm at the grain elevator, no fire found, system reset by owner",
        "Smoke detector activation from burnt toast, nothing showing, cancelled en route",
        "Caller reported smoke that turned out to be steam from a dryer vent",
        "Alarm panel trouble signal at the school, investigated, no hazard",
    ],
}


def fire(out: Path, rng: np.random.Generator) -> None:
    n = 520
    cats = list(NARR)
    cat = rng.choice(cats, size=n, p=[0.18, 0.2, 0.3, 0.17, 0.15])
    station = rng.choice(
        ["Station 1 Millbrook", "Station 2 Ashford", "Station 3 Cedar Hollow"], size=n
    )
    distance = np.round(rng.gamma(2.5, 4.0, n), 1)
    night = rng.random(n) < 0.35
    resp = np.round(4 + distance * 0.9 + night * 3 + rng.normal(0, 2, n), 1).clip(2)
    crew = rng.integers(2, 9, n)
    narrative = [
        _pick(rng, NARR[c])
        + _pick(rng, [".", ". Units back in service.", ". Report by Lt. Hale.", ". Road was icy."])
        for c in cat
    ]
    mutual = np.where(
        (cat == "structure_fire") & (rng.random(n) < 0.6) | (rng.random(n) < 0.05), "Y", "N"
    )
    coded = rng.random(n) < 0.25
    inc = pd.DataFrame(
        {
            "incident_no": [f"24-{1000 + i}" for i in range(n)],
            "call_date": pd.date_range("2024-01-02", periods=n, freq="16h").strftime("%Y-%m-%d"),
            "station": station,
            "narrative": narrative,
            "distance_km": distance,
            "night_call": np.where(night, 1, 0),
            "crew_count": crew,
            "response_min": resp,
            "incident_category": np.where(coded, cat, ""),
            "mutual_aid": mutual,
        }
    )
    inc.to_csv(out / "incident_reports.csv", index=False)
    idx = np.sort(rng.choice(np.arange(n), size=110, replace=False))
    pd.DataFrame(
        {"incident_no": inc["incident_no"].iloc[idx], "category_reviewed": cat[idx]}
    ).to_csv(out / "incidents_chief_reviewed.csv", index=False)
    rules = [
        {
            "name": "fire_words",
            "label": "structure_fire",
            "kind": "keyword",
            "column": "narrative",
            "keywords": ["attic", "barn", "interior attack", "chimney", "kitchen fire"],
        },
        {
            "name": "grass",
            "label": "brush_fire",
            "kind": "keyword",
            "column": "narrative",
            "keywords": ["grass", "field", "brush", "acres", "vegetation"],
        },
        {
            "name": "ems",
            "label": "medical",
            "kind": "keyword",
            "column": "narrative",
            "keywords": ["patient", "cpr", "oxygen", "ems", "chest pain"],
        },
        {
            "name": "crash",
            "label": "mvc",
            "kind": "regex",
            "column": "narrative",
            "pattern": r"(collision|rollover|extricat|overturned|vehicle)",
            "ignore_case": True,
        },
        {
            "name": "alarm",
            "label": "false_alarm",
            "kind": "keyword",
            "column": "narrative",
            "keywords": ["alarm", "detector", "no fire found", "no hazard"],
        },
    ]
    (out / "fire_rules.json").write_text(json.dumps(rules, indent=2) + "\n")

    # response-time table, full labels, split
    m = 600
    d = np.round(rng.gamma(2.5, 4.0, m), 1)
    nt = (rng.random(m) < 0.35).astype(int)
    vol = rng.integers(3, 15, m)
    weather = rng.choice(["clear", "rain", "snow", "fog"], size=m, p=[0.55, 0.2, 0.15, 0.1])
    t = 4 + d * 0.9 + nt * 3 + (weather == "snow") * 4 - vol * 0.2 + rng.normal(0, 2, m)
    late = np.where(t > 14, "late", "on_time")
    ma = np.where(rng.random(m) < 0.15 + 0.02 * d / 4, "yes", "no")
    resp_df = pd.DataFrame(
        {
            "call_id": [f"C{7000 + i}" for i in range(m)],
            "station": rng.choice(["Millbrook", "Ashford", "Cedar Hollow"], size=m),
            "distance_km": d,
            "night_call": nt,
            "volunteers_on_roster": vol,
            "weather": weather,
            "road_type": rng.choice(["paved", "gravel", "highway"], size=m),
            "turnout_status": late,
            "mutual_aid_called": ma,
        }
    )
    resp_df.iloc[:420].to_csv(out / "response_history_train.csv", index=False)
    resp_df.iloc[420:540].to_csv(out / "response_history_test.csv", index=False)
    resp_df.iloc[540:].drop(columns=["turnout_status", "mutual_aid_called"]).to_csv(
        out / "calls_this_month.csv", index=False
    )

    # apparatus log with odd readings
    k = 300
    unit = rng.choice(["Engine 1", "Tanker 2", "Brush 3", "Rescue 4"], size=k)
    app = pd.DataFrame(
        {
            "log_id": np.arange(1, k + 1),
            "unit": unit,
            "check_date": pd.date_range("2024-01-01", periods=k, freq="D").strftime("%Y-%m-%d"),
            "engine_hours": np.round(np.cumsum(rng.uniform(0.2, 3, k)) + 1200, 1),
            "fuel_level_pct": np.round(rng.uniform(55, 100, k), 0),
            "engine_temp_c": np.round(rng.normal(88, 4, k), 1),
            "pump_pressure_psi": np.round(rng.normal(150, 12, k), 0),
            "tire_psi_front": np.round(rng.normal(110, 3, k), 0),
            "checked_by": rng.choice(["JH", "MK", "RB", "TS", "AL"], size=k),
        }
    )
    odd = [17, 58, 121, 199, 262, 288]
    app.loc[odd[0], "engine_temp_c"] = 141.0
    app.loc[odd[1], "pump_pressure_psi"] = 9.0
    app.loc[odd[2], "fuel_level_pct"] = 460.0
    app.loc[odd[3], "tire_psi_front"] = 11.0
    app.loc[odd[4], "engine_temp_c"] = 12.5
    app.loc[odd[5], "pump_pressure_psi"] = 610.0
    app.to_csv(out / "apparatus_checks.csv", index=False)

    docs = out / "sops"
    docs.mkdir(exist_ok=True)
    (docs / "wildland_sop.md").write_text(
        "# SOP 14: Wildland and Brush Fires\n\n"
        "## Dispatch\n\nA brush fire call sends Brush 3 and Tanker 2. If the fire is larger than "
        "five acres or threatens a structure, the incident commander requests mutual aid from "
        "the county.\n\n## Water supply\n\nThe tanker shuttle uses the dry hydrant at Cedar "
        "Pond. A portable tank is set up when more than one tanker is on scene.\n\n"
        "## Safety\n\nEvery firefighter on the line wears wildland gear and carries a radio. "
        "Lookouts, communications, escape routes and safety zones are established before "
        "any direct attack. Crews are rotated every 45 minutes in hot weather.\n"
    )
    (docs / "radio_procedures.txt").write_text(
        "RADIO PROCEDURES - MILLBROOK VOLUNTEER FIRE DEPARTMENT\n\n"
        "Dispatch is on County Fire 1. The fireground channel is Fire Tac 3. When a unit goes en "
        "route it announces its unit number and the number of personnel on board.\n\n"
        "A mayday is declared when a firefighter is lost, trapped or injured. All other traffic "
        "stops when a mayday is called. The incident commander assigns the rapid intervention "
        "crew.\n\nUnits report back in service to dispatch when they leave the scene. A unit that "
        "is out of county for mutual aid checks in every 30 minutes.\n"
    )


# ---------------------------------------------------------------- esports
def esports(out: Path, rng: np.random.Generator) -> None:
    players = ["vex", "kairo", "m0nk", "sunny", "ZedX", "lumi", "brakk"]
    roles = {
        "vex": "entry",
        "kairo": "awper",
        "m0nk": "igl",
        "sunny": "support",
        "ZedX": "lurker",
        "lumi": "entry",
        "brakk": "support",
    }
    maps = ["Ascent", "Bind", "Haven", "Lotus", "Split", "Sunset"]
    n = 700
    pl = rng.choice(players, size=n)
    kills = rng.poisson(17, n)
    deaths = rng.poisson(15, n)
    assists = rng.poisson(5, n)
    adr = np.round(rng.normal(140, 30, n) + (kills - deaths) * 3, 1)
    hs = np.round(rng.uniform(12, 38, n), 1)
    fb = rng.poisson(2, n)
    util = np.round(rng.gamma(3, 40, n), 0)
    z = 0.18 * (kills - deaths) + 0.01 * (adr - 140) + 0.2 * fb - 0.4
    result = np.where(rng.random(n) < 1 / (1 + np.exp(-z)), "W", "L")
    mvp = np.where((kills >= 22) & (adr > 160), "yes", "no")
    df = pd.DataFrame(
        {
            "match_id": [f"M{3000 + i // 5}-{i % 5}" for i in range(n)],
            "player": pl,
            "role": [roles[p] for p in pl],
            "map": rng.choice(maps, size=n),
            "agent_pick": rng.choice(
                ["Jett", "Sova", "Omen", "Killjoy", "Raze", "Skye", "Viper"], size=n
            ),
            "kills": kills,
            "deaths": deaths,
            "assists": assists,
            "adr": adr,
            "hs_pct": hs,
            "first_bloods": fb,
            "utility_dmg": util,
            "result": result,
            "mvp": mvp,
        }
    )
    df.iloc[:480].to_csv(out / "player_match_stats.csv", index=False)
    df.iloc[480:600].to_csv(out / "player_match_stats_test.csv", index=False)
    df.iloc[600:].drop(columns=["result", "mvp"]).to_csv(out / "upcoming_lineups.csv", index=False)

    comms = {
        "win": [
            "clean trades, util timed well, rotated early",
            "igl calls on point, won pistol and bonus",
            "good retakes, awper held mid all game",
            "anti eco converted, comms calm",
        ],
        "loss": [
            "lost pistol and got force bought, tilted",
            "no util on retakes, late rotations",
            "comms messy, people baiting, threw 12-9 lead",
            "got stacked every round, slow reads",
        ],
    }
    s = 240
    out_s = rng.choice(["win", "loss"], size=s, p=[0.55, 0.45])
    rw = np.where(out_s == "win", 13, rng.integers(4, 12, s))
    rl = np.where(out_s == "loss", 13, rng.integers(4, 12, s))
    filled = rng.random(s) < 0.35
    scrims = pd.DataFrame(
        {
            "scrim_id": np.arange(401, 401 + s),
            "opponent": rng.choice(
                ["Nova Five", "Team Riptide", "Hollow Kings", "ByteForce", "Crimson Owls"], size=s
            ),
            "map": rng.choice(maps, size=s),
            "start_side": rng.choice(["atk", "def"], size=s),
            "rounds_won": rw,
            "rounds_lost": rl,
            "coach_notes": [_pick(rng, comms[o]) for o in out_s],
            "win_loss": np.where(filled, out_s, ""),
        }
    )
    scrims.to_csv(out / "scrim_log.csv", index=False)

    pn = out / "patch_notes"
    pn.mkdir(exist_ok=True)
    (pn / "patch_8_02.md").write_text(
        "# Patch 8.02\n\n## Agents\n\nJett's dash now has a 0.75 second windup before it can be "
        "used. Sova's recon bolt duration is reduced from 3 seconds to 2.5 seconds. Viper's fuel "
        "regenerates 10 percent slower.\n\n## Maps\n\nLotus: the rotating door on B now takes "
        "1.5 seconds longer to open. Bind: the teleporter sound is louder for the defending side."
        "\n\n## Economy\n\nThe loss bonus after three lost rounds is capped at 2900 credits.\n"
    )
    (pn / "patch_8_03.md").write_text(
        "# Patch 8.03\n\n## Weapons\n\nThe Vandal's first-shot accuracy is unchanged, but the "
        "spread after the fourth bullet increases by 10 percent. The Sheriff costs 850 credits "
        "instead of 800.\n\n## Agents\n\nKilljoy's turret now deactivates when she is more than "
        "40 meters away. Omen's paranoia travels 15 percent faster.\n\n## Competitive\n\n"
        "Players who leave a ranked match early receive a 7 day queue restriction on the third "
        "offence. Overtime now uses a win-by-two rule with a maximum of 4 extra rounds.\n"
    )
    (pn / "patch_8_04.md").write_text(
        "# Patch 8.04\n\n## Maps\n\nSunset is removed from the competitive map pool. Split "
        "returns with a widened B main and a new rope on mid.\n\n## Agents\n\nRaze's "
        "showstopper rocket damage radius is reduced from 8 meters to 7 meters. Skye's "
        "guiding light flash duration is reduced to 1.75 seconds.\n\n## Bug fixes\n\nFixed a bug "
        "where the spike could be planted through the wall on Haven C site.\n"
    )


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    marina(out, rng)
    fire(out, rng)
    esports(out, rng)


if __name__ == "__main__":
    main()
