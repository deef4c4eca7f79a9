"""The stage (python -m corpus.stage): it never imports MkDocs, writes only into build/, states every
problem before writing anything, and a rebuild from its cache makes exactly what a cold one makes,
computing again only what an edit changed. `mkdocs serve` rebuilds it on any change of a source."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
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
    assert computed(mended) == {"body": 0, "text-facts": 0, "data-facts": 0, "citations": 0, "sections": 0, "pages": 0, "written": 1}
    assert tree(project / "build" / "stage") == before
    edit_one_word(project, "synthetic-0007")
    edited = stage(project)
    found = computed(edited)
    assert found["body"] == found["text-facts"] == found["data-facts"] == found["citations"] == found["pages"] == 1
    # Its part of the analysis too (its view: its words' counts and links), and no other article's.
    assert found["sections"] == 1
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


def test_a_stage_made_apart_writes_its_pages_first_and_the_rest_and_the_cache_before_finished_and_saved_return(tmp_path):
    from corpus.stage import make_stage
    from corpus.write import pages
    from corpus.write.pages import INDEX_SIZE_MARK

    project = copy_project(tmp_path / "project")
    expected = make_stage(project, "http://127.0.0.1/x/")
    built = tree(project / "build" / "stage")
    shutil.rmtree(project / "build")
    staged = make_stage(project, "http://127.0.0.1/x/", apart=True)
    docs = project / "build" / "stage" / "docs"
    # Returned: the pages and the engines' configurations are there; it names every file to come
    # but the index's data files. The contexts page, written before the index, marks where its
    # size goes.
    every = {path.removeprefix("docs/") for path in built if path.startswith("docs/")}
    data = {name for name in every if name.startswith("contexts/data/")}
    assert data and staged.names == every - data
    assert staged.later == {"contexts/index.md"} and "words in context" not in staged.phases
    assert all((docs / name).is_file() for name in staged.names if name.endswith(".md"))
    page = (docs / "contexts" / "index.md").read_text(encoding="utf-8")
    assert (project / "build" / "stage" / "mkdocs.yml").is_file() and (project / "build" / "stage" / "zensical.yml").is_file()
    assert "save the cache" not in staged.phases
    # Only those pages are written (and counted) yet: the rest is written by processes of their own.
    assert staged.written == len([name for name in staged.names - staged.later if name.endswith(".md")]) < staged.files
    staged.finished()
    # Finished: every file but the index's is written, as a stage run at once writes it.
    assert {path: digest for path, digest in tree(project / "build" / "stage").items()
            if not path.startswith("docs/contexts/")} == {path: digest for path, digest in built.items() if not path.startswith("docs/contexts/")}
    # The index written: the page as a stage run at once writes it, and the size its mark stands for.
    (mark, size), = staged.index_written().values()
    final = (docs / "contexts" / "index.md").read_text(encoding="utf-8")
    assert hashlib.sha256(final.encode("utf-8")).hexdigest() == built["docs/contexts/index.md"]
    # Read at once, the page was the one marked (or, the index being quick, already the final one).
    marked = pages.contexts_page(None)
    assert mark == INDEX_SIZE_MARK and marked.count(mark) == 1 and marked.replace(mark, size) == final
    assert page in (marked, final)
    staged.saved()
    staged.saved()  # once saved, it stays saved
    # Saved: every file is written, as a stage run at once writes it, counted and named.
    assert tree(project / "build" / "stage") == built
    assert (staged.written, staged.removed, staged.files) == (expected.written, 0, expected.files)
    assert staged.names == every
    assert (project / "build" / "cache" / "inputs.pickle").is_file()
    again = make_stage(project, "http://127.0.0.1/x/", apart=True)
    assert "unchanged" in again.phases and again.names is None


def test_a_words_in_context_index_too_large_for_a_query_stops_a_stage_made_apart_before_the_index_is_written(tmp_path, monkeypatch, caplog):
    from corpus.analyse import contexts
    from corpus.stage import StageError, make_stage

    project = copy_project(tmp_path / "project")
    monkeypatch.setattr(contexts, "QUERY_BUDGET", contexts.FILE_MAX + 100)
    staged = make_stage(project, "http://127.0.0.1/x/", apart=True)
    staged.finished()  # the other files are written
    for wait in (staged.index_written, staged.saved):
        with pytest.raises(StageError) as raised:
            wait()
        assert raised.value.lines == [line for line in raised.value.lines if "index.json: size:" in line] != []
    docs = project / "build" / "stage" / "docs"
    assert not (docs / "contexts" / "data").exists()
    # In a MkDocs build, the hook logs the line and stops the build when it reaches the page.
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    hook = load_hook()
    assert hook.run_here(project, "http://127.0.0.1/x/") == (None, "")
    page = SimpleNamespace(file=SimpleNamespace(src_uri="contexts/index.md"))
    with caplog.at_level("ERROR", logger="mkdocs.hooks.stage"), pytest.raises(PluginError, match=r"^1 problem\(s\)"):
        hook.on_post_page("<html></html>", page, None)
    with caplog.at_level("ERROR", logger="mkdocs.hooks.stage"):
        hook.on_build_error(PluginError("stopped"))
    # Logged once; the rest of the cache is saved whole all the same.
    assert [record.getMessage() for record in caplog.records] == raised.value.lines
    assert hook.building == {} and (project / "build" / "cache" / "citations").is_dir()
    # No record vouches for the stage: the next run makes it again.
    monkeypatch.undo()
    assert "unchanged" not in make_stage(project, "http://127.0.0.1/x/").phases


def test_a_stage_finds_its_files_again_after_a_run_that_left_no_record_of_them(tmp_path):
    from corpus.stage import make_stage

    project = copy_project(tmp_path / "project")
    make_stage(project, "http://127.0.0.1/x/")
    built = tree(project / "build" / "stage")
    cache = project / "build" / "cache"
    for apart in (False, True):
        # As a run stopped after it dropped its records and before it saved leaves the cache: the
        # index's record of its data files is there, the record of what was written is not.
        (cache / "written.pickle").unlink()
        (cache / "inputs.pickle").unlink()
        assert (cache / "contexts.pickle").is_file()
        staged = make_stage(project, "http://127.0.0.1/x/", apart=apart)
        staged.saved()
        assert tree(project / "build" / "stage") == built, apart
    # Nothing changed, and both ways count it so: the contexts page the index's process writes
    # again is not written if the last build's is the same.
    (cache / "inputs.pickle").unlink()
    staged = make_stage(project, "http://127.0.0.1/x/", apart=True)
    staged.saved()
    assert (staged.written, staged.removed) == (0, 0)


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


def test_a_mkdocs_build_waits_for_the_stages_files_before_they_are_copied_and_for_its_cache_at_the_end(tmp_path, caplog):
    from types import SimpleNamespace

    from mkdocs.structure.files import Files

    from corpus.stage import make_stage
    from corpus.write.pages import INDEX_SIZE_MARK

    hook = load_hook()
    project = copy_project(tmp_path / "project")
    problems, summary = hook.run_here(project, "http://127.0.0.1/x/")
    assert problems is None and summary == ""
    staged = hook.building["staged"]
    calls = []
    finished, saved, index_written = staged.finished, staged.saved, staged.index_written
    staged.finished = lambda: calls.append("finished") or finished()
    staged.saved = lambda: calls.append("saved") or saved()
    staged.index_written = lambda: calls.append("index") or index_written()
    docs, site = project / "build" / "stage" / "docs", tmp_path / "site"
    config = mkdocs_config(docs, site)
    files = hook.on_files(Files([]), config)
    assert {file.src_uri for file in files} == staged.names and not any(name.startswith("contexts/data/") for name in staged.names)
    # The page written before the index is read (and built) last.
    assert [file.src_uri for file in files.documentation_pages()][-1] == "contexts/index.md"
    # Before MkDocs copies the files that are not pages: those written and listed (not the index's).
    env = object()
    with caplog.at_level("INFO", logger="mkdocs.hooks.stage"):
        assert hook.on_env(env, config, files) is env
        hook.on_env(env, config, files)
        assert calls == ["finished"]
        assert {file.src_uri for file in files} == {p.relative_to(docs).as_posix() for p in docs.rglob("*")
                                                    if p.is_file() and not p.relative_to(docs).as_posix().startswith("contexts/data/")}
        # A page is built as it is, but the contexts page, which waits for the index to say its size.
        other, contexts_page = (SimpleNamespace(file=files.get_file_from_path(name)) for name in ("index.md", "contexts/index.md"))
        assert hook.on_post_page(f"<p>a{INDEX_SIZE_MARK}b</p>", other, config) == f"<p>a{INDEX_SIZE_MARK}b</p>"
        assert calls == ["finished"]
        shown = hook.on_post_page(f"<p>words{INDEX_SIZE_MARK} and</p>", contexts_page, config)
        assert calls[-1] == "index" and INDEX_SIZE_MARK not in shown and re.fullmatch(r"<p>words \(\d+ KB before compression\) and</p>", shown)
        assert not any("articles staged in" in record.getMessage() for record in caplog.records)
        # The end of the build waits for the cache, once, links the index's files and logs the summary.
        hook.on_post_build(config)
    assert calls[-1] == "saved" and hook.building == {}
    assert [record.getMessage() for record in caplog.records if "articles staged in" in record.getMessage()] == [
        make_summary(staged)]
    data = sorted(p.relative_to(docs).as_posix() for p in (docs / "contexts" / "data").iterdir())
    assert data and all(os.path.samefile(site / name, docs / name) for name in data)
    hook.on_build_error(RuntimeError("a later error"))  # nothing left to wait for: harmless
    # The cache it saved is whole: the next stage finds nothing changed.
    assert "unchanged" in make_stage(project, "http://127.0.0.1/x/").phases


def test_a_build_that_fails_before_the_files_are_copied_still_waits_for_them_and_the_cache(tmp_path):
    hook = load_hook()
    project = copy_project(tmp_path / "project")
    hook.run_here(project, "http://127.0.0.1/x/")
    staged = hook.building["staged"]
    hook.on_build_error(RuntimeError("a strict warning"))
    assert hook.building == {}
    assert (project / "build" / "cache" / "inputs.pickle").is_file()
    assert {p.relative_to(project / "build" / "stage" / "docs").as_posix() for p in (project / "build" / "stage" / "docs").rglob("*") if p.is_file()} == staged.names


def test_a_build_given_its_configuration_by_a_relative_path_lists_each_file_once(tmp_path):
    project = copy_project(tmp_path / "project")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", "site"],
                           cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-2000:]
    docs, site = project / "build" / "stage" / "docs", project / "site"
    data = sorted(p.name for p in (docs / "contexts" / "data").iterdir())
    assert data and sorted(p.name for p in (site / "contexts" / "data").iterdir()) == data
    assert (site / "contexts" / "index.html").is_file()


def make_summary(staged) -> str:
    from corpus.stage import summary

    return summary(staged)


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

    load_hook().on_files(files, mkdocs_config(docs, site))
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


def test_mkdocs_lists_the_stages_files_as_the_stage_names_them_while_they_are_written(tmp_path):
    from types import SimpleNamespace

    from mkdocs.structure.files import File, Files

    docs, theme, site = tmp_path / "docs", tmp_path / "theme", tmp_path / "site"
    for name in ("index.md", "old.json", "contexts/data/a.json", "contexts/data/a.json.tmp"):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("x")
    theme.mkdir()
    (theme / "theme.css").write_text("body{}")
    # What MkDocs listed while the stage's other files were being written: a half-written file,
    # one the stage is removing, and not yet the new one.
    files = Files([File(name, str(docs), str(site), True) for name in ("index.md", "old.json", "contexts/data/a.json", "contexts/data/a.json.tmp")]
                  + [File("theme.css", str(theme), str(site), True)])
    hook = load_hook()
    hook.building["staged"] = SimpleNamespace(names=frozenset({"index.md", "contexts/data/a.json", "contexts/data/b.json", "theme.css"}), later=frozenset())
    config = mkdocs_config(docs, site)
    listed = hook.on_files(files, config)
    # The stage's theme.css, not written yet, replaces the theme's.
    assert sorted(file.src_uri for file in listed) == ["contexts/data/a.json", "contexts/data/b.json", "index.md", "theme.css"]
    assert listed.get_file_from_path("theme.css").abs_src_path == str(docs / "theme.css")
    added = listed.get_file_from_path("contexts/data/b.json")
    assert added.abs_src_path == str(docs / "contexts/data/b.json") and added.abs_dest_path == str(site / "contexts/data/b.json")
    # Once the stage is done, the new file is linked into the site like the rest.
    (docs / "contexts/data/b.json").write_text("[2]")
    added.copy_file()
    assert os.path.samefile(site / "contexts/data/b.json", docs / "contexts/data/b.json")
    # A stage with every file written already (nothing changed) leaves MkDocs' list as it is.
    hook.building["staged"] = SimpleNamespace(names=None, later=frozenset())
    files = Files([File(name, str(docs), str(site), True) for name in ("index.md", "old.json")])
    assert sorted(file.src_uri for file in hook.on_files(files, config)) == ["index.md", "old.json"]


def mkdocs_config(docs: Path, site: Path, extra_templates: tuple[str, ...] = ()):
    """What the hook reads of MkDocs' configuration, with Material's static templates."""
    from types import SimpleNamespace

    return SimpleNamespace(docs_dir=str(docs), site_dir=str(site), use_directory_urls=True, extra_templates=list(extra_templates),
                           theme=SimpleNamespace(static_templates={"404.html", "sitemap.xml"}))


def test_what_mkdocs_writes_itself_is_copied_so_that_its_writing_never_reaches_the_stage(tmp_path):
    from types import SimpleNamespace

    from mkdocs.structure.files import File, Files

    from corpus.stage import PAGE_SUFFIXES

    docs, site = tmp_path / "docs", tmp_path / "site"
    names = ("404.html", "sitemap.xml", "sitemap.xml.gz", "feed.xml", "search/search_index.json", "a/index.html", "a.md", "data.json")
    for name in names:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(name)
    files = Files([File(name, str(docs), str(site), True) for name in names])
    hook = load_hook()
    hook.building["staged"] = SimpleNamespace(names=frozenset(names), later=frozenset())
    pristine = {file.src_uri: file.copy_file for file in files}
    hook.on_files(files, mkdocs_config(docs, site, extra_templates=("feed.xml",)))
    # The page a.md is built as a/index.html: the file of that name is not linked either.
    assert sorted(file.src_uri for file in files if file.copy_file != pristine[file.src_uri]) == ["data.json"]
    # The stage writes first what MkDocs reads as pages.
    from mkdocs.utils import markdown_extensions

    assert sorted(PAGE_SUFFIXES) == sorted(markdown_extensions)


def test_write_tree_can_leave_the_other_files_as_they_are(tmp_path):
    from corpus.write.tree import write_tree

    write_tree(tmp_path, {"a.md": "a", "data/b.json": "[]"})
    written, removed, digests = write_tree(tmp_path, {"a.md": "A", "c.md": "c"}, remove=False)
    assert (written, removed, sorted(digests)) == (2, 0, ["a.md", "c.md"])
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == ["a.md", "c.md", "data/b.json"]
    assert write_tree(tmp_path, {"a.md": "A", "c.md": "c"})[:2] == (0, 1)


def test_write_tree_leaves_alone_what_another_process_writes(tmp_path):
    from corpus.write.tree import write_tree

    write_tree(tmp_path, {"a.md": "a", "old/x.md": "x", "contexts/index.md": "c", "contexts/data/1.json": "[]"})
    (tmp_path / "contexts" / "data" / "2.json").write_text("[]")
    (tmp_path / "contexts" / "index.md.tmp").write_text("being written by the other process")
    (tmp_path / "contexts" / "empty").mkdir()
    written, removed, _ = write_tree(tmp_path, {"a.md": "a"}, leave=("contexts/index.md", "contexts/data", "contexts/empty"))
    # The folder left alone and the file are kept, and so is the folder holding them; the rest goes.
    assert (written, removed) == (0, 1) and not (tmp_path / "old").exists()
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "a.md", "contexts", "contexts/data", "contexts/data/1.json", "contexts/data/2.json", "contexts/empty", "contexts/index.md",
        "contexts/index.md.tmp"]
    (tmp_path / "contexts" / "index.md.tmp").unlink()
    # An empty folder left alone, and the folders holding it, stay too.
    for name in ("contexts/index.md", "contexts/data/1.json", "contexts/data/2.json"):
        (tmp_path / name).unlink()
    assert write_tree(tmp_path, {"a.md": "a"}, leave=("contexts/data",))[:2] == (0, 0)
    assert (tmp_path / "contexts" / "data").is_dir() and not (tmp_path / "contexts" / "empty").exists()


def test_a_stage_cut_short_before_it_saves_leaves_no_record_that_would_pass_its_files_for_current(tmp_path, monkeypatch):
    from corpus.cache import Cache
    from corpus.stage import make_stage

    project = copy_project(tmp_path / "project")
    make_stage(project, "http://127.0.0.1/x/")
    built = tree(project / "build" / "stage")
    page = project / "docs" / "articles" / "there-is-no-way-back.md"
    original = project / "docs" / "sources" / re.search(r"^original: (.+)$", page.read_text(encoding="utf-8"), re.M).group(1)
    before = {path: path.read_bytes() for path in (page, original)}
    # An edit that keeps every file's size (a capital letter), staged by a run stopped before it
    # saves its cache (Ctrl-C), then undone.
    curated = "".join(path.read_text(encoding="utf-8") for path in (project / "data").glob("*.yml"))
    word = next(word for word in re.findall(r" ([a-z]{5,}) ", page.read_text(encoding="utf-8").split("---\n", 2)[2])
                if word not in curated)
    for path in (page, original):
        path.write_text(path.read_text(encoding="utf-8").replace(f" {word} ", f" {word.capitalize()} ", 1), encoding="utf-8")

    def stopped(self):
        raise KeyboardInterrupt

    monkeypatch.setattr(Cache, "save", stopped)
    with pytest.raises(KeyboardInterrupt):
        make_stage(project, "http://127.0.0.1/x/")
    monkeypatch.undo()
    assert tree(project / "build" / "stage") != built
    for path, content in before.items():
        path.write_bytes(content)
    # The inputs are those of the first run, and the stage's files are the same sizes: only a
    # record of the first run would call them current. The stage is made again.
    again = make_stage(project, "http://127.0.0.1/x/")
    assert "unchanged" not in again.phases
    assert tree(project / "build" / "stage") == built
