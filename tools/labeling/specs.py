"""Labeling-function specs: declarative conditions (pydantic) and sandboxed Python source."""

from __future__ import annotations

import ast
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)

from errors import BadInput

ABSTAIN = -1
NAME_PATTERN = r"^[A-Za-z_][A-Za-z0-9_.\-]{0,99}$"


class _Cond(BaseModel):
    model_config = ConfigDict(extra="forbid")


class KeywordCond(_Cond):
    """True where the column contains any (or all) of the keywords or phrases."""

    kind: Literal["keyword"] = "keyword"
    column: str
    keywords: list[str] = Field(min_length=1, max_length=500)
    mode: Literal["any", "all"] = "any"
    case_sensitive: bool = False
    whole_word: bool = True

    @field_validator("keywords")
    @classmethod
    def _non_blank(cls, value: list[str]) -> list[str]:
        cleaned = [k.strip() for k in value]
        if any(not k for k in cleaned):
            raise ValueError("keywords must not be blank")
        return cleaned


class RegexCond(_Cond):
    """True where the regular expression matches somewhere in the column (re.search)."""

    kind: Literal["regex"] = "regex"
    column: str
    pattern: str = Field(min_length=1, max_length=2000)
    ignore_case: bool = False

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"pattern does not compile: {exc}") from None
        return value


class ThresholdCond(_Cond):
    """True where the numeric column compares to the value (`between` is inclusive)."""

    kind: Literal["threshold"] = "threshold"
    column: str
    op: Literal[">", ">=", "<", "<=", "between"]
    value: float
    high: float | None = Field(default=None, description="Upper bound for op='between'.")

    @model_validator(mode="after")
    def _bounds(self) -> ThresholdCond:
        if self.op == "between" and (self.high is None or self.high < self.value):
            raise ValueError("op 'between' needs high >= value")
        return self


class CategoryCond(_Cond):
    """True where the column equals one of the values."""

    kind: Literal["category"] = "category"
    column: str
    values: list[str | int | float | bool] = Field(min_length=1, max_length=1000)


class MissingCond(_Cond):
    """True where the column is missing (null, NaN or an empty string)."""

    kind: Literal["missing"] = "missing"
    column: str


class AndCond(_Cond):
    """True where every condition is true."""

    kind: Literal["and"] = "and"
    conditions: list[Condition] = Field(min_length=1, max_length=50)


class OrCond(_Cond):
    """True where any condition is true."""

    kind: Literal["or"] = "or"
    conditions: list[Condition] = Field(min_length=1, max_length=50)


class NotCond(_Cond):
    """True where the condition is false."""

    kind: Literal["not"] = "not"
    condition: Condition


Condition = Annotated[
    KeywordCond
    | RegexCond
    | ThresholdCond
    | CategoryCond
    | MissingCond
    | AndCond
    | OrCond
    | NotCond,
    Field(discriminator="kind"),
]
AndCond.model_rebuild()
OrCond.model_rebuild()
NotCond.model_rebuild()

DECLARATIVE_KINDS = ("keyword", "regex", "threshold", "category", "missing", "and", "or", "not")


class DeclarativeLF(BaseModel):
    """A declarative LF: when `when` holds, vote `label`; otherwise abstain. Flat JSON form:
    `{"name", "label", "kind", ...condition fields}`.
    """

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=NAME_PATTERN)
    label: str = Field(min_length=1, description="The class name this LF votes for.")
    when: Condition

    def to_dict(self) -> dict[str, Any]:
        """The flat, reusable JSON form."""
        return {"name": self.name, "label": self.label, **self.when.model_dump()}


class CodeLF(BaseModel):
    """Python source `def f(x): ... return <label or ABSTAIN>`; runs only in the sandbox."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=NAME_PATTERN)
    kind: Literal["code"] = "code"
    code: str = Field(min_length=1, max_length=100_000)

    @field_validator("code")
    @classmethod
    def _parses(cls, value: str) -> str:
        # Parsing (never executing) catches syntax errors before the sandbox starts.
        try:
            tree = ast.parse(value)
        except SyntaxError as exc:
            raise ValueError(f"code does not parse: line {exc.lineno}: {exc.msg}") from None
        if not any(isinstance(n, ast.FunctionDef) for n in tree.body):
            raise ValueError("code must define a function: def name(x): ... return label")
        return value

    @property
    def function_name(self) -> str:
        """The function the sandbox calls: one named like the LF, else the last one defined."""
        tree = ast.parse(self.code)
        names = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
        return self.name if self.name in names else names[-1]

    def to_dict(self) -> dict[str, Any]:
        """The reusable JSON form."""
        return {"name": self.name, "kind": "code", "code": self.code}


LFSpec = DeclarativeLF | CodeLF
_COND_ADAPTER: TypeAdapter[Any] = TypeAdapter(Condition)


def parse_lf(raw: Any) -> LFSpec:
    """Validate one LF given as a flat dict (declarative or code) or a spec object.

    Raises `ValueError` with a readable message (the LLM writer feeds it back).
    """
    if isinstance(raw, DeclarativeLF | CodeLF):
        return raw
    if not isinstance(raw, dict):
        raise ValueError(f"a labeling function must be an object, got {type(raw).__name__}")
    data = dict(raw)
    kind = data.get("kind")
    if kind is None and "code" in data:
        kind = data["kind"] = "code"
    try:
        if kind == "code":
            return CodeLF.model_validate(data)
        if kind not in DECLARATIVE_KINDS:
            raise ValueError(
                f"unknown kind {kind!r}; use one of {', '.join(DECLARATIVE_KINDS)} or code"
            )
        if "when" in data:
            return DeclarativeLF.model_validate(data)
        name, label = data.pop("name", None), data.pop("label", None)
        return DeclarativeLF(name=name, label=label, when=_COND_ADAPTER.validate_python(data))
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ValueError(f"{where or 'spec'}: {first['msg']}") from None


def parse_lfs(raws: list[Any], classes: list[str] | None = None) -> list[LFSpec]:
    """Validate a list of LFs; any invalid one is a BadInput naming it (names must be unique)."""
    if not raws:
        raise BadInput("no labeling functions given", hint="pass at least one labeling function")
    from tools.labeling.limits import check_lf_count

    check_lf_count(len(raws))
    specs: list[LFSpec] = []
    for i, raw in enumerate(raws):
        label = raw.get("name", f"#{i}") if isinstance(raw, dict) else f"#{i}"
        try:
            spec = parse_lf(raw)
        except ValueError as exc:
            raise BadInput(
                f"labeling function {label!r} is invalid: {exc}",
                hint="declarative kinds: " + ", ".join(DECLARATIVE_KINDS) + "; or {name, code}",
                code="bad_labeling_function",
            ) from None
        if classes is not None and isinstance(spec, DeclarativeLF) and spec.label not in classes:
            raise BadInput(
                f"labeling function {spec.name!r} votes for unknown class {spec.label!r}",
                hint=f"classes are: {', '.join(classes)}",
                code="bad_labeling_function",
            )
        specs.append(spec)
    names = [s.name for s in specs]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise BadInput(
            f"labeling function names must be unique; repeated: {', '.join(dupes)}",
            hint="rename the duplicates",
            code="bad_labeling_function",
        )
    return specs


def condition_columns(cond: Any) -> set[str]:
    """Every column a condition reads."""
    if isinstance(cond, AndCond | OrCond):
        return set().union(*(condition_columns(c) for c in cond.conditions))
    if isinstance(cond, NotCond):
        return condition_columns(cond.condition)
    return {cond.column}
