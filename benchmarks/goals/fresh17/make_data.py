"""Write the fresh17 corpus's invented factory and farm files into DIR (deterministic, offline)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 1717


def press_sensors(rng: np.random.Generator, n: int, start: int, with_label: bool) -> pd.DataFrame:
    """Hydraulic press sensor log; failure yes/no driven by vibration, temperature and current."""
    machine = rng.choice(["HP-01", "HP-02", "HP-03", "HP-04", "HP-07"], n)
    shift = rng.choice(["early", "late", "night"], n, p=[0.4, 0.4, 0.2])
    line = rng.choice(["L1", "L2", "L3"], n)
    vibration = np.round(rng.gamma(4.0, 0.9, n), 3)
    bearing = np.round(rng.normal(62, 7, n), 1)
    rpm = np.round(rng.normal(1480, 60, n)).astype(int)
    oil = np.round(rng.normal(182, 12, n), 1)
    current = np.round(rng.normal(41, 5, n), 2)
    hours = rng.integers(10, 9000, n)
    risk = 0.6 * (vibration - 3.6) + 0.18 * (bearing - 62) + 0.12 * (current - 41) + hours / 4000
    prob = 1 / (1 + np.exp(-(risk - 2.2)))
    failure = np.where(rng.random(n) < prob, "yes", "no")
    frame = pd.DataFrame(
        {
            "reading_id": [f"R{start + i:05d}" for i in range(n)],
            "timestamp": pd.date_range("2025-03-01", periods=n, freq="37min").strftime(
                "%Y-%m-%d %H:%M"
            ),
            "machine_id": machine,
            "line": line,
            "shift": shift,
            "vibration_rms_mm_s": vibration,
            "bearing_temp_c": bearing,
            "spindle_rpm": rpm,
            "oil_pressure_bar": oil,
            "motor_current_a": current,
            "operating_hours": hours,
        }
    )
    gaps = rng.random(n) < 0.03
    frame.loc[gaps, "oil_pressure_bar"] = np.nan
    if with_label:
        frame["failure"] = failure
    return frame


def pump_telemetry(rng: np.random.Generator, n: int = 420) -> pd.DataFrame:
    """Irrigation pump telemetry with a few broken rows and some missing cells."""
    flow = rng.normal(38, 4, n)
    temp = 28 + 0.35 * flow + rng.normal(0, 1.2, n)
    vib_x = rng.gamma(3.0, 0.5, n)
    vib_y = vib_x * 0.9 + rng.normal(0, 0.2, n)
    status = rng.choice(["ok", "warning", "fault"], n, p=[0.8, 0.15, 0.05])
    odd = rng.choice(n, 9, replace=False)
    temp[odd[:3]] += 25
    vib_y[odd[3:6]] = vib_x[odd[3:6]] * 4 + 3
    flow[odd[6:]] = 2.0
    frame = pd.DataFrame(
        {
            "pump_id": rng.choice(["P-11", "P-12", "P-21", "P-22", "P-31"], n),
            "log_no": np.arange(1, n + 1),
            "site": rng.choice(["north field", "south field", "greenhouse"], n),
            "flow_m3h": np.round(flow, 2),
            "discharge_temp_c": np.round(temp, 1),
            "vibration_x": np.round(vib_x, 3),
            "vibration_y": np.round(vib_y, 3),
            "power_kw": np.round(rng.normal(7.5, 0.8, n), 2),
            "status": status,
        }
    )
    frame.loc[rng.random(n) < 0.04, "power_kw"] = np.nan
    frame.loc[rng.random(n) < 0.02, "discharge_temp_c"] = np.nan
    return frame


NOTE_PARTS = {
    "crack": [
        "hairline crack near the flange",
        "crack visible after dye penetrant test",
        "small crack at weld toe, rejected",
        "crack line on casting edge ~4mm",
        "fissure at bore, crack confirmed by second inspector",
    ],
    "porosity": [
        "porosity cluster on surface after machining",
        "gas pores visible in casting",
        "pinholes / porosity in the wall section",
        "blow holes found, porosity in area B",
        "porous spot, several small voids",
    ],
    "scratch": [
        "scratch on sealing face",
        "long scratch from handling, cosmetic",
        "scratches on painted surface",
        "tool mark / scratch near thread",
        "surface scratched during transport",
    ],
    "dimension": [
        "bore diameter out of tolerance +0.08",
        "length measured 0.3mm over spec",
        "flatness out of tolerance",
        "hole position deviation, CMM report attached",
        "thread gauge no-go failed, dimension issue",
    ],
    "ok": [
        "part ok, no findings",
        "visual check passed",
        "all dimensions in spec, surface fine",
        "no defect found, released",
        "ok after rework check",
    ],
}
FILLERS = [
    "",
    " batch 4471",
    " - shift B",
    " recheck tomorrow",
    " customer part",
    " photo in folder",
    " line 2",
    " (urgent)",
]


def inspection_notes(rng: np.random.Generator, n: int = 720) -> pd.DataFrame:
    """Quality-inspection notes; defect_type filled for about one row in nine."""
    classes = list(NOTE_PARTS)
    truth = rng.choice(classes, n, p=[0.14, 0.18, 0.2, 0.16, 0.32])
    notes = [str(rng.choice(NOTE_PARTS[c])) + str(rng.choice(FILLERS)) for c in truth]
    keep = rng.random(n) < 0.11
    return pd.DataFrame(
        {
            "note_id": [f"QN-{3000 + i}" for i in range(n)],
            "part_no": rng.choice(["GH-220", "GH-310", "VB-14", "VB-18", "FL-5"], n),
            "station": rng.choice(["incoming", "machining", "final"], n),
            "inspector": rng.choice(["kowalski", "mehta", "ruiz", "schulz", "li"], n),
            "note": notes,
            "defect_type": np.where(keep, truth, None),
        }
    )


WELD_TEXT = {
    "pass": [
        "bead uniform, full penetration",
        "good fusion, no undercut",
        "visual ok, x-ray clean",
        "smooth bead, correct leg length",
    ],
    "fail": [
        "undercut along the toe",
        "lack of fusion at root",
        "spatter and incomplete penetration",
        "slag inclusion on x-ray",
        "burn through at start point",
    ],
}


def welds(rng: np.random.Generator, n: int = 360) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Weld seam inspections and a separate hand-label file keyed by weld_id."""
    verdict = rng.choice(["pass", "fail"], n, p=[0.7, 0.3])
    text = [str(rng.choice(WELD_TEXT[v])) for v in verdict]
    frame = pd.DataFrame(
        {
            "weld_id": [f"W{7000 + i}" for i in range(n)],
            "robot": rng.choice(["KR-6", "KR-10", "manual"], n),
            "current_a": np.round(rng.normal(185, 15, n), 1),
            "wire_speed_m_min": np.round(rng.normal(8.5, 0.9, n), 2),
            "seam_remark": text,
        }
    )
    picked = rng.choice(n, 45, replace=False)
    gold = pd.DataFrame(
        {"weld_id": frame["weld_id"].iloc[picked].to_numpy(), "verdict": verdict[picked]}
    )
    return frame, gold.sort_values("weld_id").reset_index(drop=True)


def soil(rng: np.random.Generator, n: int, start: int, with_label: bool) -> pd.DataFrame:
    """Crop / soil plots with a yield class and a grain grade."""
    crop = rng.choice(["wheat", "maize", "rice", "soy"], n)
    ph = rng.normal(6.5, 0.7, n)
    nitrogen = rng.normal(45, 15, n)
    phosphorus = rng.normal(28, 9, n)
    potassium = rng.normal(190, 40, n)
    organic = rng.gamma(3.0, 0.9, n)
    rain = rng.normal(620, 140, n)
    irrigation = rng.choice(["drip", "flood", "none"], n, p=[0.4, 0.3, 0.3])
    score = (
        0.04 * (nitrogen - 45)
        - 0.9 * np.abs(ph - 6.6)
        + 0.3 * (organic - 2.7)
        + 0.004 * (rain - 620)
        + np.where(irrigation == "none", -0.6, 0.3)
        + rng.normal(0, 0.6, n)
    )
    yield_class = np.where(score > 0.6, "high", np.where(score > -0.5, "medium", "low"))
    grade = np.where(
        phosphorus + rng.normal(0, 6, n) > 30, "A", np.where(potassium > 170, "B", "C")
    )
    frame = pd.DataFrame(
        {
            "plot_id": [f"PL-{start + i}" for i in range(n)],
            "farm": rng.choice(
                ["Hof Berger", "Finca Sol", "Rampur Co-op", "Gospodarstwo Nowak"], n
            ),
            "crop": crop,
            "soil_ph": np.round(ph, 2),
            "nitrogen_ppm": np.round(nitrogen, 1),
            "phosphorus_ppm": np.round(phosphorus, 1),
            "potassium_ppm": np.round(potassium, 1),
            "organic_matter_pct": np.round(organic, 2),
            "rainfall_mm": np.round(rain).astype(int),
            "irrigation": irrigation,
        }
    )
    frame.loc[rng.random(n) < 0.05, "organic_matter_pct"] = np.nan
    if with_label:
        frame["yield_class"] = yield_class
        frame["grain_grade"] = grade
    return frame


SCOUT = {
    "pest": [
        "aphids on the underside of leaves",
        "fall armyworm damage in whorl",
        "stem borer holes seen",
        "locust hoppers at field edge",
        "leaf miner trails on many plants",
    ],
    "disease": [
        "yellow rust stripes on flag leaf",
        "brown spots, looks like leaf blight",
        "powdery mildew patches",
        "root rot, plants wilting in wet corner",
    ],
    "healthy": [
        "crop looks even and green",
        "good stand, no problem seen",
        "plants vigorous, nothing to report",
        "canopy closed, healthy",
    ],
}


def scouting(rng: np.random.Generator, n: int = 480) -> pd.DataFrame:
    """Field scouting notes; issue filled for about one row in eight."""
    truth = rng.choice(list(SCOUT), n, p=[0.3, 0.25, 0.45])
    notes = [
        str(rng.choice(SCOUT[c])) + str(rng.choice(["", " row 12", " near gate", " after rain"]))
        for c in truth
    ]
    keep = rng.random(n) < 0.13
    return pd.DataFrame(
        {
            "report_id": np.arange(501, 501 + n),
            "field": rng.choice(["F1", "F2", "F3", "F4", "F5", "F6"], n),
            "scout": rng.choice(["ana", "ravi", "jan", "mei"], n),
            "observation": notes,
            "issue": np.where(keep, truth, None),
        }
    )


MANUAL = """# HP-series hydraulic press: maintenance manual

## 1. Daily checks

Before the first shift the operator checks the oil level in the sight glass. The level must be
between the MIN and MAX marks with the ram in the top position. Check the hoses for leaks and
the guards for damage. Record the oil temperature at start; it must be below 45 °C.

## 2. Lubrication

Grease the ram guides every 40 operating hours with lithium grease NLGI 2, two strokes per
nipple. The main bearing is lubricated by the central system; check that the reservoir is at
least half full once per week. Never mix grease types.

## 3. Hydraulic oil

Use HLP 46 hydraulic oil. Change the oil every 4000 operating hours or once a year, whichever
comes first. Replace the return filter at each oil change and whenever the clogging indicator
turns red. Oil pressure in normal operation is 170 to 195 bar.

## 4. Vibration and temperature limits

Vibration at the motor bearing is measured as RMS velocity. Up to 4.5 mm/s is normal, 4.5 to
7.1 mm/s needs a planned inspection within one week, and above 7.1 mm/s the press must be
stopped. Bearing temperature above 80 °C triggers an alarm; above 90 °C the press stops
automatically.

## 5. Troubleshooting

If the ram moves slowly, first check the oil temperature and the pressure relief valve
setting. A noisy pump usually means air in the suction line or a low oil level. If the motor
current is more than 15 percent above nominal, inspect the pump and the valve block.

## 6. Lockout before maintenance

Switch off the main switch, lock it with a personal padlock and tag it. Lower the ram onto
blocks and release the stored pressure in the accumulator before opening any hydraulic line.
"""

SAFETY = """SAFETY INSTRUCTION SI-07: WORKING AT THE GRAIN DRYER AND SILO

Scope. This instruction applies to all staff and contractors working at the grain dryer,
the conveyors and the storage silos of the farm.

Personal protective equipment. Wear a dust mask FFP2 or better, hearing protection near the
fans and safety shoes at all times. Loose clothing and long hair must be secured.

Entering a silo. Nobody enters a silo alone. A second person stays outside with a radio. The
silo must be emptied as far as possible, the unloading auger locked out, and the air tested
for oxygen and carbon dioxide before entry. A harness with a lifeline is mandatory.

Dryer operation. The dryer is started only after the burner check list is complete. The grain
temperature must not exceed 60 degrees for seed grain and 80 degrees for feed grain. In case of
smoke or fire, stop the burner and the fans, close the grain flow and call the fire brigade.

Conveyors. Guards stay closed while the conveyor runs. Blockages are cleared only with the
drive switched off and locked.

Reporting. Every near miss and every injury is reported to the farm manager the same day.
"""


def main(out: Path) -> None:
    """Write every file of the corpus into `out`."""
    rng = np.random.default_rng(SEED)
    out.mkdir(parents=True, exist_ok=True)
    (out / "docs").mkdir(exist_ok=True)
    press_sensors(rng, 640, 1, True).to_csv(out / "press_sensors.csv", index=False)
    press_sensors(rng, 160, 2001, True).to_csv(out / "press_holdout.csv", index=False)
    press_sensors(rng, 90, 5001, False).to_csv(out / "press_new_readings.csv", index=False)
    pump_telemetry(rng).to_csv(out / "pump_telemetry.csv", index=False)
    inspection_notes(rng).to_csv(out / "inspection_notes.csv", index=False)
    weld, weld_gold = welds(rng)
    weld.to_csv(out / "weld_seams.csv", index=False)
    weld_gold.to_csv(out / "weld_verdicts.csv", index=False)
    soil(rng, 520, 1, True).to_csv(out / "soil_plots.csv", index=False)
    soil(rng, 130, 9001, True).to_csv(out / "soil_plots_test.csv", index=False)
    soil(rng, 70, 12001, False).to_csv(out / "soil_2025_season.csv", index=False)
    scouting(rng).to_csv(out / "field_scouting.csv", index=False)
    greenhouse = pd.DataFrame(
        {
            "sensor_ts": pd.date_range("2025-06-01", periods=288, freq="5min").strftime(
                "%Y-%m-%dT%H:%M"
            ),
            "air_temp_c": np.round(
                24 + 4 * np.sin(np.arange(288) / 46) + rng.normal(0, 0.4, 288), 2
            ),
            "rel_humidity": np.round(rng.normal(72, 6, 288), 1),
            "co2_ppm": np.round(rng.normal(780, 60, 288)).astype(int),
            "vent_open": rng.choice([True, False], 288),
        }
    )
    greenhouse.to_parquet(out / "greenhouse_climate.parquet", index=False)
    (out / "docs" / "press_maintenance_manual.md").write_text(MANUAL, encoding="utf-8")
    (out / "docs" / "silo_safety_instruction.txt").write_text(SAFETY, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python make_data.py DIR")
    main(Path(sys.argv[1]))
