"""Check the held-out corpus: JSON, tool names, argument names and types, files.

Run from anywhere with the project's venv: python validate.py [REPO_ROOT]. It imports only
tools.registry (the tool schemas) and runs make_data.py into a temp folder.
"""

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from pydantic import TypeAdapter

HERE = Path(__file__).resolve().parent
ROOT = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/main")
sys.path.insert(0, str(ROOT))
from tools.registry import all_tools  # noqa: E402

TOOLS = {t.name: t for t in all_tools()}
INPUT_KEYS = {
    "dataset",
    "gold",
    "labels",
    "paths",
    "data_path",
    "test_dataset",
    "validation_dataset",
}
OUTPUT_WORDS = {
    "emails_voted.csv",
    "lfs/tickets_lfs.json",
    "tickets_routed.csv",
    "churn_predictions.csv",
    "synthetic_churners.csv",
    "synthetic_kidney.parquet",
    "txn_anomaly_scores.csv",
    "flagged.csv",
    "reviews_labeled.csv",
    "flagged_txns.csv",
    "synth_liver.csv",
    "churn_scores.csv",
}
MISSING_ON_PURPOSE = {"customers_2024.csv", "transactoins.csv"}
BUNDLED = {"breast_cancer", "iris", "wine", "digits", "diabetes"}
FILE_RE = re.compile(r"[\w./-]+\.(?:csv|jsonl|md|txt|parquet|json)\b")

errors: list[str] = []
data = Path(tempfile.mkdtemp())
subprocess.run([sys.executable, str(HERE / "make_data.py"), str(data)], check=True)


def exists(name: str) -> bool:
    return name in BUNDLED or (data / name).exists()


def check_expect(where: str, text: str, exp: dict) -> None:
    if set(exp) - {"tools", "args", "ask", "ask_mentions", "answer_contains"}:
        errors.append(f"{where}: unknown expect keys {set(exp)}")
    for t in exp["tools"]:
        if t not in TOOLS:
            errors.append(f"{where}: unknown tool {t}")
    if exp.get("ask") and not exp.get("ask_mentions"):
        errors.append(f"{where}: ask without ask_mentions")
    for t, args in exp.get("args", {}).items():
        if t not in exp["tools"]:
            errors.append(f"{where}: args for {t} which is not in tools")
            continue
        fields = TOOLS[t].input_model.model_fields
        for k, v in args.items():
            if k not in fields:
                errors.append(f"{where}: {t} has no argument {k}")
                continue
            try:
                TypeAdapter(fields[k].annotation).validate_python(v)
            except Exception as exc:  # noqa: BLE001
                errors.append(f"{where}: {t}.{k}={v!r} does not validate: {str(exc)[:120]}")
            if k in INPUT_KEYS and t != "model_leaderboard":
                for name in v if isinstance(v, list) else [v]:
                    if not exists(name):
                        errors.append(f"{where}: {t}.{k} names missing file {name}")
    for name in FILE_RE.findall(text):
        if name in OUTPUT_WORDS or name in MISSING_ON_PURPOSE:
            continue
        if not (exists(name) or exists("docs/" + name)):
            errors.append(f"{where}: text names missing file {name}")


ids = set()
goals = [json.loads(line) for line in (HERE / "goals.jsonl").read_text().splitlines()]
for g in goals:
    assert set(g) == {"id", "voice", "goal", "expect"}, g
    assert g["id"] not in ids
    ids.add(g["id"])
    check_expect(g["id"], g["goal"], g["expect"])
convs = [json.loads(line) for line in (HERE / "conversations.jsonl").read_text().splitlines()]
for c in convs:
    assert set(c) == {"id", "voice", "turns"}, c
    assert c["id"] not in ids and 3 <= len(c["turns"]) <= 7
    ids.add(c["id"])
    for i, turn in enumerate(c["turns"]):
        check_expect(f"{c['id']}[{i}]", turn["user"], turn["expect"])

used = {t for g in goals for t in g["expect"]["tools"]} | {
    t for c in convs for turn in c["turns"] for t in turn["expect"]["tools"]
}
print(
    f"{len(goals)} goals, {len(convs)} conversations, {sum(len(c['turns']) for c in convs)} turns"
)
print("tools never expected:", sorted(set(TOOLS) - used))
print("\n".join(errors) or "OK: no errors")
sys.exit(1 if errors else 0)
