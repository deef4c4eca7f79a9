"""The stage (python -m corpus.stage): it never imports MkDocs, writes only into build/, states every
problem before writing anything, and a rebuild from its cache makes exactly what a cold one makes,
computing again only what an edit changed. `mkdocs serve` rebuilds it on any change of a source."""

from __future__ import annotations

import hashlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from project import add_synthetic_articles, copy_project

STAGE = [sys.executable, "-m", "corpus.stage"]


def tree(folder: Path) -> dict[str, str]:
    """Every file under folder with a digest of its content."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


def stage(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*STAGE, str(project), "--site-url", "http://127.0.0.1/x/", *args],
                          capture_output=True, text=True, cwd=project, timeout=600)


def computed(result: subprocess.CompletedProcess) -> dict[str, int]:
    """What the stage says it computed afresh, by kind, and how many files it wrote."""
    line = result.stderr.strip().splitlines()[-1]
    found = {kind: int(count) for kind, count in re.findall(r"([a-z-]+) (\d+)", line.split("computed afresh:")[1])}
    found["written"] = int(re.search(r"(\d+) written", line).group(1))
    return found


def edit_one_word(project: Path, slug: str) -> None:
    """Change one word of an article, in its page and its original alike."""
    page = project / "docs" / "articles" / f"{slug}.md"
    text = page.read_text(encoding="utf-8")
    original = project / "docs" / "sources" / re.search(r"^original: (.+)$", text, re.M).group(1)
    word = re.findall(r" ([a-z]{5,}) ", text.split("---\n", 2)[2])[3]
    page.write_text(text.replace(f" {word} ", f" {word}x ", 1), encoding="utf-8")
    original.write_text(original.read_text(encoding="utf-8").replace(f" {word} ", f" {word}x ", 1), encoding="utf-8")


def test_the_stage_never_imports_mkdocs_or_material(tmp_path):
    project = copy_project(tmp_path / "project")
    probe = (
        "import sys\nfrom corpus.stage import main\ncode = main([sys.argv[1]])\n"
        "print(code, sorted({m.split('.')[0] for m in sys.modules} & {'mkdocs', 'material', 'zensical'}))"
    )
    result = subprocess.run([sys.executable, "-c", probe, str(project)], capture_output=True, text=True, cwd=project)
    assert result.stdout.strip() == "0 []", result.stdout + result.stderr


def test_mkdocs_yml_lists_one_hook_and_it_only_runs_the_stage():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    assert config["hooks"] == ["hooks/stage.py"]
    hook = (ROOT / "hooks" / "stage.py").read_text()
    # The hook runs the stage (in a process of its own while serving) and links the files it wrote
    # into the site; it imports nothing else of it.
    imported = set(re.findall(r"^\s*(?:from|import) (corpus[\w.]*)", hook, re.M))
    assert imported == {"corpus.stage", "corpus.problems", "corpus.write.tree"} and '"-m", "corpus.stage"' in hook
    assert not re.search(r"^(from|import) corpus", hook, re.M)


def test_the_stage_writes_only_into_build_and_the_engine_configs_name_its_docs(tmp_path):
    project = copy_project(tmp_path / "project")
    before = tree(project)
    result = stage(project)
    assert result.returncode == 0, result.stdout + result.stderr
    after = tree(project)
    assert {path: digest for path, digest in after.items() if not path.startswith("build/")} == before
    stage_dir = project / "build" / "stage"
    for name in ("mkdocs.yml", "zensical.yml"):
        config = yaml.safe_load((stage_dir / name).read_text())
        assert config["docs_dir"] == "docs" and "hooks" not in config
        assert "articles/nato-russia-and-north-korea/index.md" in str(config["nav"])
    # MkDocs' configuration names Material's compiled assets; Zensical's theme is overrides/ less Material's own templates.
    assert yaml.safe_load((stage_dir / "mkdocs.yml").read_text())["extra"]["theme_assets"]["bundle"].startswith("assets/javascripts/bundle.")
    theme = stage_dir / "theme-zensical"
    assert (theme / "main.html").is_file() and not (theme / "base.html").exists()
    docs = stage_dir / "docs"
    # Each page is the index.md of the folder of its address, so that its links mean the same to both engines.
    for page in ("index.md", "analysis/index.md", "article-index/index.md", "contexts/index.md", "tags/index.md",
                 "articles/there-is-no-way-back/index.md", "articles/there-is-no-way-back/collection.html"):
        assert (docs / page).is_file(), page
    assert not (docs / "analysis.md").exists() and not (docs / "articles" / "there-is-no-way-back.md").exists()
    for data in ("analysis.json", "collection.jsonl", "collection.csv", "citations/there-is-no-way-back.bib",
                 "analysis/articles/there-is-no-way-back.json", "contexts/data/index.json"):
        assert (docs / data).is_file(), data


def test_a_problem_stops_the_stage_before_it_writes_anything(tmp_path):
    project = copy_project(tmp_path / "project")
    assert stage(project).returncode == 0
    before = tree(project / "build" / "stage")
    page = project / "docs" / "articles" / "there-is-no-way-back.md"
    head, meta, body = page.read_text().split("---\n", 2)
    page.write_text("---\n".join([head, meta, body.replace(" the ", " a ", 1)]), encoding="utf-8")
    result = stage(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("docs/articles/there-is-no-way-back.md: body: word "), lines
    assert "nothing was written" in result.stderr
    assert tree(project / "build" / "stage") == before


def test_a_rebuild_from_the_cache_makes_what_a_cold_build_makes_and_computes_only_the_edit(tmp_path):
    project = copy_project(tmp_path / "project")
    # Enough articles that the cold stage computes in worker processes.
    add_synthetic_articles(project, 45)
    cold = stage(project)
    assert cold.returncode == 0, cold.stdout + cold.stderr
    assert computed(cold)["citations"] == 48
    before = tree(project / "build" / "stage")
    # Nothing changed: the stage finds that out and does nothing.
    again = stage(project)
    assert again.returncode == 0 and "nothing changed since the last stage" in again.stderr
    assert tree(project / "build" / "stage") == before
    # Its output is checked, not trusted: a file removed from it is made again, and only that.
    (project / "build" / "stage" / "docs" / "articles" / "synthetic-0003" / "collection.html").unlink()
    mended = stage(project)
    assert computed(mended) == {"body": 0, "text-facts": 0, "data-facts": 0, "citations": 0, "pages": 0, "written": 1}
    assert tree(project / "build" / "stage") == before
    edit_one_word(project, "synthetic-0007")
    edited = stage(project)
    found = computed(edited)
    assert found["body"] == found["text-facts"] == found["data-facts"] == found["citations"] == found["pages"] == 1
    warm = tree(project / "build" / "stage")
    changed = {path for path in warm if before.get(path) != warm[path]}
    # Of the per-article pages and citations, only the edited article's page changes (a word of
    # its text is not in its citation).
    assert {path for path in changed if re.match(r"docs/(articles|citations)/", path)} == {"docs/articles/synthetic-0007/index.md"}
    assert found["written"] == len(changed)
    # The same stage from nothing: the cache, the incremental resemblance included, changed nothing.
    subprocess.run(["rm", "-rf", str(project / "build")], check=True)
    assert stage(project).returncode == 0
    assert tree(project / "build" / "stage") == warm
    # Curated data is an input of every article's counts: all are counted again.
    actors = project / "data" / "actors.yml"
    actors.write_text(actors.read_text() + "- name: Mindoro\n  kind: place\n  aliases: [Mindoro]\n", encoding="utf-8")
    assert computed(stage(project))["data-facts"] == 48


def test_the_fingerprint_of_the_inputs_changes_with_every_input(tmp_path, monkeypatch):
    from corpus.inputs import fingerprint

    project = copy_project(tmp_path / "project")
    monkeypatch.delenv("SITE_URL", raising=False)
    seen = {fingerprint(project, "code", "")}
    for name in ("mkdocs.yml", "includes/abbreviations.md", "data/actors.yml", "docs/sources/001_a7d68952c481db25.txt",
                 "overrides/main.html"):
        path = project / name
        path.write_bytes(path.read_bytes() + b"\n")
        seen.add(fingerprint(project, "code", ""))
    (project / "docs" / "extra.txt").write_text("a file added")
    seen.add(fingerprint(project, "code", ""))
    seen.add(fingerprint(project, "other code", ""))
    seen.add(fingerprint(project, "other code", "http://127.0.0.1/y/"))
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1/z/")
    seen.add(fingerprint(project, "other code", "http://127.0.0.1/y/"))
    assert len(seen) == 10
    # The same inputs, the same fingerprint.
    assert fingerprint(project, "other code", "http://127.0.0.1/y/") in seen


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, wanted: str, seconds: float = 60) -> str:
    """The page at url once it holds `wanted` (polling), or the last text seen."""
    deadline, text = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            text = fetch(url)
            if wanted in text:
                return text
        except OSError:
            pass
        time.sleep(0.5)
    return text


@pytest.mark.parametrize("folder", ["docs", "data", "corpus", "overrides"])
def test_mkdocs_serve_rebuilds_the_stage_when_a_source_changes(tmp_path, folder):
    project = copy_project(tmp_path / "project")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": base}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=(tmp_path / "serve.log").open("w"))
    try:
        assert "Analysis index" in wait_for(base + "analysis/", "Analysis index", 120)
        url, marker = base + "analysis/", "Rebuilt after an edit"
        if folder == "docs":
            path = project / "docs" / "articles" / "there-is-no-way-back.md"
            path.write_text(path.read_text().replace("summary: >-\n", f"summary: >-\n  {marker}.\n", 1))
            url = base + "articles/there-is-no-way-back/"
        elif folder == "data":
            path = project / "data" / "themes.yml"
            text = path.read_text()
            name = re.search(r"^  name: (.+)$", text, re.M).group(1)
            path.write_text(text.replace(f"  name: {name}\n", f"  name: {marker}\n", 1))
        elif folder == "corpus":
            path = project / "corpus" / "write" / "templates" / "analysis-page.html"
            path.write_text(path.read_text().replace("# Analysis index\n", f"# Analysis index\n\n{marker}.\n", 1))
        else:
            path = project / "overrides" / "assets" / "stylesheets" / "site.css"
            path.write_text(path.read_text() + f"\n/* {marker} */\n")
            url = base + "assets/stylesheets/site.css"
        assert marker in wait_for(url, marker, 120)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_cache_saved_apart_is_whole_once_saved_returns_and_the_next_stage_finds_nothing_changed(tmp_path):
    from corpus.stage import make_stage

    project = copy_project(tmp_path / "project")
    staged = make_stage(project, "http://127.0.0.1/x/", save_apart=True)
    assert "start saving the cache" in staged.phases and "save the cache" not in staged.phases
    staged.saved()
    assert (project / "build" / "cache" / "inputs.pickle").is_file()
    again = make_stage(project, "http://127.0.0.1/x/")
    assert "unchanged" in again.phases


def test_a_words_in_context_index_too_large_for_a_query_stops_the_stage_before_it_writes(tmp_path, monkeypatch):
    from corpus.analyse import contexts
    from corpus.stage import StageError, make_stage

    project = copy_project(tmp_path / "project")
    monkeypatch.setattr(contexts, "QUERY_BUDGET", contexts.FILE_MAX + 100)
    with pytest.raises(StageError) as raised:
        make_stage(project, "http://127.0.0.1/x/")
    assert len(raised.value.lines) == 1
    assert re.fullmatch(r"contexts/data/index\.json: size: \d+ bytes gzipped leaves too little of the "
                        rf"{contexts.FILE_MAX + 100}-byte budget of one query for a data file", raised.value.lines[0])
    assert not (project / "build" / "stage").exists()


def test_a_mkdocs_build_saves_the_stages_cache_apart_and_waits_for_it_when_it_ends(tmp_path):
    import importlib.util

    from corpus.stage import make_stage

    spec = importlib.util.spec_from_file_location("stage_hook_under_test", ROOT / "hooks" / "stage.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    project = copy_project(tmp_path / "project")
    problems, summary = hook.run_here(project, "http://127.0.0.1/x/")
    assert problems is None and "articles staged in" in summary
    # The save runs apart: the hook holds what waits for it, and the end of the build calls it once.
    waited = []
    wait = hook.saving["wait"]
    hook.saving["wait"] = lambda: waited.append(wait())
    hook.on_post_build(None)
    assert waited == [None] and "wait" not in hook.saving
    hook.on_build_error(RuntimeError("a later error"))  # nothing left to wait for: harmless
    # The cache it saved is whole: the next stage finds nothing changed.
    assert "unchanged" in make_stage(project, "http://127.0.0.1/x/").phases


def load_hook():
    """hooks/stage.py as MkDocs loads it: a module of its own."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("stage_hook_linking", ROOT / "hooks" / "stage.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return hook


def test_the_site_links_the_stages_files_and_a_later_stage_leaves_them_as_built(tmp_path):
    from mkdocs.structure.files import File, Files

    from corpus.write.tree import write_tree

    docs, theme, site = tmp_path / "stage" / "docs", tmp_path / "theme", tmp_path / "site"
    write_tree(docs, {"articles/a/index.md": "# A\n", "contexts/data/x.json": b'{"lines":{}}', "citations/a.bib": "@online{a}\n"})
    theme.mkdir()
    (theme / "theme.css").write_text("body{}")
    files = Files([
        File("articles/a/index.md", str(docs), str(site), True),
        File("contexts/data/x.json", str(docs), str(site), True),
        File("citations/a.bib", str(docs), str(site), True),
        File("theme.css", str(theme), str(site), True),
    ])
    pristine = {file.src_uri: file.copy_file for file in files}

    class Config:
        docs_dir = str(docs)

    load_hook().on_files(files, Config())
    # The stage's files that are not pages are linked; its pages and the theme's files are as MkDocs has them.
    assert [file.src_uri for file in files if file.copy_file != pristine[file.src_uri]] == ["contexts/data/x.json", "citations/a.bib"]
    for file in files:
        if not file.is_documentation_page():
            file.copy_file()
    assert os.path.samefile(site / "contexts/data/x.json", docs / "contexts/data/x.json")
    assert os.path.samefile(site / "citations/a.bib", docs / "citations/a.bib")
    assert not os.path.samefile(site / "theme.css", theme / "theme.css") and (site / "theme.css").read_text() == "body{}"
    # The next stage changes one file and drops another: the built site keeps what it was built with.
    write_tree(docs, {"articles/a/index.md": "# A\n", "contexts/data/x.json": b'{"lines":{"b":[]}}'})
    assert (site / "contexts/data/x.json").read_bytes() == b'{"lines":{}}'
    assert (site / "citations/a.bib").read_text() == "@online{a}\n"
    # Built again, the site holds the new file (a link again, in place of the old one).
    next(file for file in files if file.src_uri == "contexts/data/x.json").copy_file()
    assert os.path.samefile(site / "contexts/data/x.json", docs / "contexts/data/x.json")


def test_a_file_system_without_links_gets_copies(tmp_path, monkeypatch):
    from corpus.write import tree

    (tmp_path / "a.json").write_text("[1]")
    (tmp_path / "site" / "data").mkdir(parents=True)
    (tmp_path / "site" / "data" / "a.json").write_text("[0]")

    def no_links(source, target):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(tree.os, "link", no_links)
    tree.link_or_copy(str(tmp_path / "a.json"), str(tmp_path / "site" / "data" / "a.json"))
    assert (tmp_path / "site" / "data" / "a.json").read_text() == "[1]"
    assert not os.path.samefile(tmp_path / "site" / "data" / "a.json", tmp_path / "a.json")
    tree.link_or_copy(str(tmp_path / "a.json"), str(tmp_path / "new" / "folder" / "a.json"))
    assert (tmp_path / "new" / "folder" / "a.json").read_text() == "[1]"


def test_a_dirty_build_leaves_an_unchanged_file_as_it_is(tmp_path):
    from mkdocs.structure.files import File

    docs, site = tmp_path / "docs", tmp_path / "site"
    docs.mkdir()
    (docs / "a.json").write_text("[1]")
    file = File("a.json", str(docs), str(site), True)
    link = load_hook().linking(file)
    link(dirty=False)
    assert os.path.samefile(site / "a.json", docs / "a.json")
    (site / "a.json").unlink()
    (site / "a.json").write_text("[0]")
    os.utime(site / "a.json", (time.time() + 60, time.time() + 60))  # newer than its source: unmodified
    link(dirty=True)
    assert (site / "a.json").read_text() == "[0]"
    link(dirty=False)
    assert (site / "a.json").read_text() == "[1]"
