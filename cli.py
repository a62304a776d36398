"""The `forgeflow` command: run goals, chat on a thread, call tools, serve the API."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from errors import ForgeflowError

app = typer.Typer(
    help="forgeflow: an LLM agent orchestrator for ML data work.", no_args_is_help=True
)
tools_app = typer.Typer(help="List and call the registry's tools directly.", no_args_is_help=True)
app.add_typer(tools_app, name="tools")
runs_app = typer.Typer(help="List, inspect, cancel and retry runs.", no_args_is_help=True)
app.add_typer(runs_app, name="runs")
console = Console()
err_console = Console(stderr=True)


def _fail(exc: ForgeflowError) -> None:
    err_console.print(f"[red]error[/red] ({exc.code}): {exc.message}")
    if exc.hint:
        err_console.print(f"[yellow]hint[/yellow]: {exc.hint}")
    raise typer.Exit(2)


def _follow(manager: Any, run_id: str, quiet: bool) -> dict[str, Any]:
    """Wait for a run, drawing its progress bar from its events unless quiet."""
    if quiet:
        return manager.wait(run_id)
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as progress:
        task = progress.add_task("queued", total=100)
        for _, event in manager.events(run_id):
            if "progress" in event:
                progress.update(task, completed=float(event["progress"]))
            elif event.get("fraction") is not None:
                progress.update(task, completed=100 * float(event["fraction"]))
            if event.get("tool"):
                text = event.get("message") or event.get("status") or ""
                progress.update(task, description=f"{event['tool']}: {text}"[:70])
    return manager.wait(run_id)


def _run_goal(
    goal: str, thread: str | None, max_attempts: int | None, quiet: bool
) -> dict[str, Any]:
    from graphs.runner import get_manager

    manager = get_manager("cli")
    run = manager.submit_goal(goal, thread_id=thread, max_attempts=max_attempts, source="cli")
    return _follow(manager, run["run_id"], quiet)


@app.command()
def run(
    goal: Annotated[str, typer.Argument(help="What you want done, in plain language.")],
    thread: Annotated[str | None, typer.Option("--thread", help="Continue this thread.")] = None,
    max_attempts: Annotated[
        int | None, typer.Option(help="Bound for self-correcting loops.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole run as JSON.")] = False,
) -> None:
    """Run a goal with a live progress bar and print the answer."""
    try:
        final = _run_goal(goal, thread, max_attempts, quiet=as_json)
    except ForgeflowError as exc:
        _fail(exc)
        return
    if as_json:
        print(json.dumps(final, indent=2, default=str))
    else:
        result = final.get("result") or {}
        console.print(result.get("message", ""))
        console.print(
            f"[dim]run {final['run_id']} · thread {final['thread_id']} · {final['status']}[/dim]"
        )
    if final["status"] == "failed":
        raise typer.Exit(1)


@app.command()
def chat(
    thread: Annotated[str | None, typer.Option("--thread", help="Resume a thread.")] = None,
) -> None:
    """Talk to forgeflow on one thread in the terminal (empty line or Ctrl-D to quit)."""
    console.print("[bold]forgeflow chat[/bold] — type a goal; follow-ups see earlier turns.")
    from agents.semantic import warm_in_background

    warm_in_background()  # the intent model loads while the person types
    while True:
        try:
            line = console.input("[bold cyan]you> [/bold cyan]").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if not line or line in ("exit", "quit"):
            break
        try:
            final = _run_goal(line, thread, None, quiet=False)
        except ForgeflowError as exc:
            err_console.print(f"[red]{exc.message}[/red] {exc.hint}")
            continue
        thread = final["thread_id"]
        console.print((final.get("result") or {}).get("message", ""))
    if thread:
        console.print(f"[dim]thread {thread}[/dim]")


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Bind address (another address needs FORGEFLOW_API_KEYS).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
) -> None:
    """Serve the HTTP API on 127.0.0.1 (other addresses only with --host and API keys)."""
    import uvicorn

    from logs import uvicorn_log_config
    from settings import get_settings

    keys = get_settings().keys
    # Never wider than asked: API keys allow --host 0.0.0.0, they do not imply it.
    if not keys and host not in ("127.0.0.1", "localhost", "::1"):
        err_console.print(
            "[red]refusing to bind[/red] "
            f"{host} without FORGEFLOW_API_KEYS: anyone on the network could run goals."
        )
        raise typer.Exit(2)
    if not keys:
        err_console.print(
            "[yellow]FORGEFLOW_API_KEYS is not set: serving on 127.0.0.1 only, no auth.[/yellow]"
        )
    uvicorn.run(
        "server:app", host=host, port=port, log_level="info", log_config=uvicorn_log_config()
    )


@app.command("sample-data")
def sample_data(
    hand_labels: Annotated[int, typer.Option(help="Rows of the pool that keep their label.")] = 50,
) -> None:
    """Write the bundled weak-supervision task (bc_pool.csv, bc_test.csv) to $FORGEFLOW_HOME/data."""
    from settings import get_settings
    from tools.tabular import write_sample_task

    info = write_sample_task(get_settings().data_dir, hand_labels=hand_labels)
    console.print(
        f"wrote {info['pool']} ({info['pool_rows']} rows, {info['hand_labels']} hand labels) and "
        f"{info['test']} ({info['test_rows']} rows, all labeled)"
    )


@app.command()
def warm() -> None:
    """Load the intent model and fit the planner's router now (`make setup` runs it once), so
    that a first plan does not wait for the fit; a later start loads the kept fit.
    """
    import time

    from agents import semantic

    started = time.perf_counter()
    semantic.warm()  # the embedding model, then router.warm(): both fits, kept in the cache
    console.print(f"router warm ({time.perf_counter() - started:.0f} s)")


@app.command()
def mcp() -> None:
    """Serve the tools (and run_goal) over MCP stdio, for desktop clients."""
    from api.mcp import run_stdio

    run_stdio()


@tools_app.command("list")
def tools_list(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List the tools with their one-line descriptions."""
    from tools.registry import all_tools

    tools = all_tools()
    if as_json:
        print(
            json.dumps(
                [
                    {"name": t.name, "description": t.description, "input_schema": t.input_schema()}
                    for t in tools
                ],
                indent=2,
            )
        )
        return
    table = Table("tool", "description")
    for t in tools:
        table.add_row(t.name, t.summary)
    console.print(table)


@tools_app.command("call")
def tools_call(
    name: Annotated[str, typer.Argument(help="Tool name (see `forgeflow tools list`).")],
    args: Annotated[str, typer.Option("--args", help="Arguments as a JSON object.")] = "{}",
) -> None:
    """Call one tool with JSON arguments (as a run) and print its output as JSON."""
    from graphs.runner import get_manager

    try:
        parsed = json.loads(args)
    except json.JSONDecodeError as exc:
        err_console.print(f"[red]--args is not valid JSON[/red]: {exc}")
        raise typer.Exit(2) from None
    manager = get_manager("cli")
    try:
        run = manager.submit_tool(name, parsed, source="cli")
    except ForgeflowError as exc:
        if exc.details and isinstance(exc.details, dict) and exc.details.get("errors"):
            err_console.print(json.dumps(exc.details["errors"], indent=2))
        _fail(exc)
        return
    final = manager.wait(run["run_id"])
    if final["status"] != "completed":
        error = final.get("error") or {}
        _fail(
            ForgeflowError(
                error.get("message", final["status"]),
                hint=error.get("hint", ""),
                code=error.get("code", final["status"]),
            )
        )
    print(json.dumps((final.get("result") or {}).get("output"), indent=2, default=str))


def _print_runs(runs: list[dict[str, Any]]) -> None:
    table = Table("run", "kind", "what", "status", "progress", "created")
    for r in runs:
        what = r.get("tool") or r.get("goal") or ""
        table.add_row(
            r["run_id"] + (f"\n[dim]{r['alias']}[/dim]" if r.get("alias") else ""),
            r["kind"],
            what[:50],
            r["status"],
            f"{r['progress']:.0f}%",
            (r.get("created_at") or "")[:19],
        )
    console.print(table)


@runs_app.command("list")
def runs_list(
    status: Annotated[str | None, typer.Option(help="Only runs with this status.")] = None,
    kind: Annotated[str | None, typer.Option(help="goal, resume, tool or job.")] = None,
    thread: Annotated[str | None, typer.Option("--thread")] = None,
    limit: Annotated[int, typer.Option(min=1, max=500)] = 20,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """List runs, newest first."""
    from store import runs as run_store

    try:
        runs = run_store.list_runs(thread_id=thread, status=status, kind=kind, limit=limit)
    except ForgeflowError as exc:
        _fail(exc)
        return
    if as_json:
        print(json.dumps(runs, indent=2, default=str))
    else:
        _print_runs(runs)


@runs_app.command("show")
def runs_show(run_id: Annotated[str, typer.Argument(help="A run id (or a job id).")]) -> None:
    """Print one run as JSON."""
    from store import runs as run_store

    try:
        print(json.dumps(run_store.get_run(run_id), indent=2, default=str))
    except ForgeflowError as exc:
        _fail(exc)


@runs_app.command("cancel")
def runs_cancel(run_id: Annotated[str, typer.Argument(help="A run id (or a job id).")]) -> None:
    """Cancel a run (a running step stops at its next check, in whichever process runs it)."""
    from graphs.runner import get_manager

    try:
        run = get_manager("cli").cancel(run_id)
    except ForgeflowError as exc:
        _fail(exc)
        return
    state = "cancel requested" if run["status"] in ("pending", "running") else run["status"]
    console.print(f"{run['run_id']}: {state}")


@runs_app.command("retry")
def runs_retry(
    run_id: Annotated[str, typer.Argument(help="A failed or cancelled run.")],
    wait: Annotated[bool, typer.Option("--wait/--no-wait", help="Follow it to its end.")] = False,
) -> None:
    """Start a failed or cancelled run again from its last completed step."""
    from graphs.runner import get_manager

    manager = get_manager("cli")
    try:
        run = manager.retry(run_id)
    except ForgeflowError as exc:
        _fail(exc)
        return
    console.print(f"{run['run_id']}: {run['status']}")
    if wait:
        final = _follow(manager, run["run_id"], quiet=False)
        console.print(f"{final['run_id']}: {final['status']}")


@app.command()
def worker(
    concurrency: Annotated[
        int | None, typer.Option(help="Runs at once (default FORGEFLOW_RUN_WORKERS).")
    ] = None,
) -> None:
    """Execute queued runs from Postgres until stopped (SIGTERM finishes or hands back)."""
    import logging

    from graphs.worker import run_worker

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    try:
        run_worker(concurrency)
    except ForgeflowError as exc:
        _fail(exc)


@app.command("migrate")
def migrate() -> None:
    """Bring the database to the newest schema (also done on first use)."""
    from store import db

    try:
        db.engine()
    except ForgeflowError as exc:
        _fail(exc)
        return
    console.print(f"database at the newest revision ({db.database_url().split('@')[-1]})")


def main() -> None:
    """Entry point of the console script."""
    from logs import configure_logging

    configure_logging(default="WARNING")
    try:
        app()
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
