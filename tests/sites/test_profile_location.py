"""Where the district profiles are: ZHENGWU_PROFILES, else the repository's
profiles/, whatever directory the portal is started from."""

from pathlib import Path

import requests
from portal_runs import ROOT
from portal_runs import health
from portal_runs import run_portal

from zhengwu.sites.profile import district_directory
from zhengwu.sites.profile import load_district_profile
from zhengwu.sites.profile import profiles_directory
from zhengwu.workflows.settings import FILENAME as WORKFLOWS_FILE
from zhengwu.workflows.settings import load_workflow_settings

REPOSITORY_PROFILES = ROOT / "profiles"


class Site:
    """Stands for a Plone site: the lookup needs only its id."""

    def __init__(self, site_id):
        self.site_id = site_id

    def getId(self):  # noqa: N802 - Zope's name
        return self.site_id


def test_without_the_variable_the_repository_profiles_serve_from_any_directory(
    monkeypatch, tmp_path
):
    monkeypatch.delenv("ZHENGWU_PROFILES", raising=False)
    monkeypatch.chdir(tmp_path)
    assert profiles_directory() == REPOSITORY_PROFILES
    assert district_directory("nanshan") == REPOSITORY_PROFILES / "nanshan"


def test_the_variable_wins_over_the_repository_profiles(monkeypatch, tmp_path):
    (tmp_path / "futian").mkdir()
    (tmp_path / "futian" / "district.toml").write_text("[site]\n", encoding="utf-8")
    monkeypatch.setenv("ZHENGWU_PROFILES", str(tmp_path))
    assert profiles_directory() == tmp_path.resolve()
    assert district_directory(Site("futian")) == tmp_path.resolve() / "futian"
    assert district_directory("nanshan") is None


def test_a_site_without_a_profile_folder_is_no_district(monkeypatch):
    monkeypatch.delenv("ZHENGWU_PROFILES", raising=False)
    assert district_directory(Site("plone")) is None
    assert district_directory("common") is None  # shared texts, no district.toml


def _admin_get(root, path, password):
    response = requests.get(
        f"{root}/{path}",
        headers={"Accept": "application/json"},
        auth=("admin", password),
        timeout=30,
    )
    response.raise_for_status()
    return response.json()


def test_a_portal_started_from_another_directory_builds_the_district_from_its_profile(
    portal_env, tmp_path
):
    portal_env.pop("ZHENGWU_PROFILES", None)
    portal_env["ZHENGWU_DISTRICTS"] = "nanshan"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    started = run_portal("start", portal_env, cwd=elsewhere)
    assert started.returncode == 0, started.stderr + started.stdout
    assert health(portal_env, "nanshan")["status"] == "ok"

    profile = load_district_profile(REPOSITORY_PROFILES / "nanshan")
    password = (Path(portal_env["ZHENGWU_VAR"]) / "admin-password").read_text()
    password = password.strip()
    root = f"http://127.0.0.1:{portal_env['ZHENGWU_ZOPE_PORT']}/nanshan"
    found = _admin_get(
        root, "zh-cn/@search?portal_type=Department&b_size=100", password
    )
    ids = {item["@id"].rsplit("/", 1)[-1] for item in found["items"]}
    assert ids == {department.id for department in profile.departments}
    # the workflows step read workflows.toml: its deadlines and department groups
    settings = load_workflow_settings(profile.directory / WORKFLOWS_FILE)
    deadlines = _admin_get(
        root, "@registry/zhengwu.workflows.stage_deadlines", password
    )
    assert deadlines == settings.deadlines
    group = f"{profile.departments[0].id}-{settings.groups[0].key}"
    assert _admin_get(root, f"@groups/{group}", password)["id"] == group
    # the identity step read [identity] of district.toml
    icp = _admin_get(root, "@registry/zhengwu.identity.icp", password)
    assert icp == profile.identity.icp
    # and the running Zope client finds the district's scenes (profiles/nanshan/)
    front = requests.get(f"{root}/zh-cn", timeout=30)
    assert "@@district-scene/" in front.text
