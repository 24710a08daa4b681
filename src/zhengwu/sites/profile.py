"""District profiles: where ``profiles/`` is, and how its data files are read.

Every profile file (``district.toml``, ``departments.tsv``, a setup step's own
files, the shared texts of ``profiles/common/``) is found from
``profiles_directory()`` or a loaded profile's ``directory`` and read by
``read_profile_toml`` or ``read_profile_tsv``: a bad file always fails with a
ProfileError naming the file, the line or row, the key or column and the reason.
"""

import csv
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

# The repository's profiles/, next to src/: the add-on is installed editable (uv
# sync), so the folder is found from this file whatever the working directory.
REPOSITORY_PROFILES = Path(__file__).resolve().parents[3] / "profiles"
# Set it to serve profiles kept elsewhere (or from an installation that is not
# editable); it wins over the repository's folder.
PROFILES_VARIABLE = "ZHENGWU_PROFILES"
# profiles/common/: the texts the districts share (demo corpus, statements).
COMMON = "common"
DISTRICT_FILE = "district.toml"
# tomllib (Python 3.11) gives the place of a syntax error in its message only.
TOML_PLACE = re.compile(
    r"^(?P<reason>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)$"
)

DEPARTMENT_COLUMNS = ("id", "name_zh", "short_zh", "name_en", "kind")
OPTIONAL_DEPARTMENT_COLUMNS = (
    "org_code",
    "address",
    "phones",
    "hours",
    "leader",
    "duties",
)
PHONE_SEPARATOR = ";"
# 统一社会信用代码 (GB 32100): 18 characters, no I, O, S, V or Z.
ORG_CODE_PATTERN = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{18}$")
DEPARTMENT_KINDS = ("department", "subdistrict", "vertical")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")
# The footer identity block of a government site (``[identity]`` of district.toml).
# 网站标识码: 10 digits (6-digit administrative division code + 4-digit number).
SITE_CODE_PATTERN = re.compile(r"^[0-9]{10}$")
# ICP 备案号, e.g. 粤ICP备05035211号 or 粤ICP备05035211号-1.
ICP_PATTERN = re.compile(r"^\w{1,3}ICP备[0-9]{6,10}号(-[0-9]+)?$")
# 公安机关备案号, e.g. 粤公网安备 44030502000001号 (14 digits).
POLICE_PATTERN = re.compile(r"^\w{1,3}公网安备 ?[0-9]{14}号$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
PHONE_PATTERN = re.compile(r"^[0-9+()\- ]{5,30}$")
# A map service's search link for an address (guides' windows): https, {address}.
MAP_URL_PATTERN = re.compile(r"^https://[^\s{}]+\{address\}[^\s{}]*$")
IDENTITY_PATTERNS = {
    "site_code": (SITE_CODE_PATTERN, "a 10-digit site identity code"),
    "icp": (ICP_PATTERN, "an ICP filing number like 粤ICP备05035211号"),
    "police": (POLICE_PATTERN, "a filing number like 粤公网安备 44030502000001号"),
    "phone": (PHONE_PATTERN, "a telephone number"),
    "email": (EMAIL_PATTERN, "an e-mail address"),
    "webmaster_email": (EMAIL_PATTERN, "an e-mail address"),
    "map_url": (MAP_URL_PATTERN, "an https:// link with {address} in it"),
}
IDENTITY_REQUIRED = ("site_code", "icp", "police", "sponsor", "webmaster_email")
IDENTITY_OPTIONAL = (
    "sponsor_en",
    "address",
    "address_en",
    "phone",
    "email",
    "map_url",
)


class ProfileError(ValueError):
    """A profile file that cannot be used; the message says where and why, e.g.
    ``<file>, line 3, column 7: …``, ``<file>, [site]: 'id' …``, ``<file>, row 4,
    column kind: …``."""


def profiles_directory():
    """The folder of the district profiles: $ZHENGWU_PROFILES when it is set,
    otherwise the repository's ``profiles/``."""
    configured = os.environ.get(PROFILES_VARIABLE)
    return Path(configured).resolve() if configured else REPOSITORY_PROFILES


def district_directory(site_or_id):
    """The profile folder of a site (or site id), or None when it is no district:
    a site is a district when ``profiles/<site id>/district.toml`` exists."""
    name = site_or_id if isinstance(site_or_id, str) else site_or_id.getId()
    directory = profiles_directory() / name
    return directory if (directory / DISTRICT_FILE).is_file() else None


def read_profile_toml(path):
    """The data of a TOML file of a profile; a ProfileError names the file, the
    line and column of a syntax error, and why."""
    path = Path(path)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ProfileError(f"{path}: no such file.") from error
    except tomllib.TOMLDecodeError as error:
        place = TOML_PLACE.match(str(error))
        if place is None:  # e.g. "(at end of document)": no line to name
            raise ProfileError(f"{path}: {error}.") from error
        raise ProfileError(
            f"{path}, line {place['line']}, column {place['column']}: "
            f"{place['reason']}."
        ) from error


def _check_header(path, header, columns, optional):
    for column in columns:
        if column not in header:
            raise ProfileError(f"{path}, row 1, column {column}: missing.")
    allowed = set(columns) | set(optional)
    if len(set(header)) != len(header) or not set(header) <= allowed:
        expected = " ".join(columns)
        if optional:
            expected += f", then any of {' '.join(optional)}"
        raise ProfileError(f"{path}, row 1: the header must be {expected}.")


def read_profile_tsv(path, columns, optional=(), min_cells=None):
    """The data rows of a tab-separated profile file: (row number, {column: cell}).

    Row 1 names each of ``columns`` once and any of ``optional``. A row has at
    least ``min_cells`` cells (default: one per column of the header) and at most
    one per column; missing trailing cells are empty, every cell is stripped.
    """
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t"))
    except FileNotFoundError as error:
        raise ProfileError(f"{path}: no such file.") from error
    header = tuple(cell.strip() for cell in rows[0]) if rows else ()
    _check_header(path, header, columns, optional)
    width = len(header)
    fewest = width if min_cells is None else min_cells
    data = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) > width or len(row) < fewest:
            too_few = len(row) < fewest < width
            expected = f"{fewest} to {width}" if too_few else width
            raise ProfileError(
                f"{path}, row {number}: {len(row)} columns instead of {expected}."
            )
        cells = [cell.strip() for cell in row] + [""] * (width - len(row))
        data.append((number, dict(zip(header, cells, strict=True))))
    return data


@dataclass(frozen=True)
class Department:
    id: str
    name_zh: str
    short_zh: str
    name_en: str
    kind: str
    org_code: str = ""
    address: str = ""
    phones: tuple[str, ...] = ()
    hours: str = ""
    leader: str = ""
    duties: str = ""


@dataclass(frozen=True)
class SiteIdentity:
    """The identity block of the site's footer: filing numbers, sponsor, contact."""

    site_code: str
    icp: str
    police: str
    sponsor: str
    webmaster_email: str
    sponsor_en: str = ""
    address: str = ""
    address_en: str = ""
    phone: str = ""
    email: str = ""
    # A map service's link for an address, e.g. https://…?keyword={address};
    # empty: guides show their windows' addresses as plain text.
    map_url: str = ""


@dataclass(frozen=True)
class DistrictProfile:
    id: str
    title: str
    description: str
    title_en: str
    languages: tuple[str, ...]
    solr_core: str
    departments: tuple[Department, ...]
    # The profile's folder: setup steps read their own data files from it.
    directory: Path
    # None for a profile without an [identity] table (no identity block).
    identity: SiteIdentity | None = None

    @property
    def default_language(self):
        return self.languages[0]

    @property
    def common_directory(self):
        """``common/`` next to the profile's folder: the texts the districts share."""
        return self.directory.parent / COMMON

    def title_of(self, language):
        """The site title shown on a language root: English there, Chinese elsewhere."""
        if language.startswith("en") and self.title_en:
            return self.title_en
        return self.title


def _required(table, key, where):
    value = table.get(key)
    if value in (None, "", []):
        raise ProfileError(f"{where}: '{key}' is missing or empty.")
    return value


def _check_department(values, where, seen_ids, seen_codes):
    """Raise a ProfileError naming the column of the first bad value in a row."""
    for column in DEPARTMENT_COLUMNS:
        if column != "name_en" and not values[column]:
            raise ProfileError(f"{where}, column {column}: empty.")
    if not ID_PATTERN.match(values["id"]):
        raise ProfileError(
            f"{where}, column id: '{values['id']}' is not a lowercase ASCII id."
        )
    if values["id"] in seen_ids:
        raise ProfileError(f"{where}, column id: '{values['id']}' appears twice.")
    if values["kind"] not in DEPARTMENT_KINDS:
        raise ProfileError(
            f"{where}, column kind: '{values['kind']}' is not one of "
            f"{', '.join(DEPARTMENT_KINDS)}."
        )
    code = values.get("org_code", "")
    if code and not ORG_CODE_PATTERN.match(code):
        raise ProfileError(
            f"{where}, column org_code: '{code}' is not an 18-character unified "
            "social credit code."
        )
    if code and code in seen_codes:
        raise ProfileError(f"{where}, column org_code: '{code}' appears twice.")


def load_departments(path):
    """Read ``departments.tsv``; a ProfileError names the row, column and reason.

    The five required columns may be followed by any of the optional ones, and
    trailing empty cells may be left out.
    """
    departments, seen_ids, seen_codes = [], set(), set()
    rows = read_profile_tsv(
        path,
        DEPARTMENT_COLUMNS,
        OPTIONAL_DEPARTMENT_COLUMNS,
        min_cells=len(DEPARTMENT_COLUMNS),
    )
    for number, values in rows:
        _check_department(values, f"{path}, row {number}", seen_ids, seen_codes)
        seen_ids.add(values["id"])
        seen_codes.add(values.get("org_code", ""))
        values["phones"] = tuple(
            phone.strip()
            for phone in values.get("phones", "").split(PHONE_SEPARATOR)
            if phone.strip()
        )
        departments.append(Department(**values))
    return tuple(departments)


def load_identity(table, where):
    """The ``[identity]`` table as a SiteIdentity; a ProfileError names key and why."""
    if not isinstance(table, dict):
        raise ProfileError(f"{where}: expected a table.")
    unknown = set(table) - set(IDENTITY_REQUIRED) - set(IDENTITY_OPTIONAL)
    if unknown:
        raise ProfileError(f"{where}: unknown key '{sorted(unknown)[0]}'.")
    values = {}
    for key in IDENTITY_REQUIRED + IDENTITY_OPTIONAL:
        value = table.get(key, "")
        if not isinstance(value, str):
            raise ProfileError(f"{where}: '{key}' must be a string.")
        value = value.strip()
        if key in IDENTITY_REQUIRED and not value:
            raise ProfileError(f"{where}: '{key}' is missing or empty.")
        pattern, expected = IDENTITY_PATTERNS.get(key, (None, ""))
        if value and pattern is not None and not pattern.match(value):
            raise ProfileError(f"{where}: '{key}' = '{value}' is not {expected}.")
        values[key] = value
    return SiteIdentity(**values)


def load_district_profile(directory):
    """Load ``district.toml`` and ``departments.tsv`` of one district profile."""
    directory = Path(directory)
    settings_path = directory / DISTRICT_FILE
    settings = read_profile_toml(settings_path)
    site = settings.get("site", {})
    where = f"{settings_path}, [site]"
    site_id = _required(site, "id", where)
    if not ID_PATTERN.match(site_id):
        raise ProfileError(f"{where}: id '{site_id}' is not a lowercase ASCII id.")
    languages = tuple(_required(site, "languages", where))
    identity = None
    if "identity" in settings:
        identity = load_identity(settings["identity"], f"{settings_path}, [identity]")
    return DistrictProfile(
        id=site_id,
        title=_required(site, "title", where),
        description=site.get("description", ""),
        title_en=site.get("title_en", ""),
        languages=languages,
        solr_core=settings.get("solr", {}).get("core", site_id),
        departments=load_departments(directory / "departments.tsv"),
        directory=directory.resolve(),
        identity=identity,
    )


def parse_listing_cell(text, where, known):
    """A ``lists`` cell of a profile table (``key=value,value key=value``) as
    ((key, values), ...); ``known`` maps each allowed key to its known values
    (None: not checked). ProfileError names ``where`` and the bad term."""
    listing = {}
    for term in text.split():
        key, _, values = term.partition("=")
        if key not in known:
            raise ProfileError(f"{where}: '{key}' is not one of {', '.join(known)}.")
        names = tuple(value for value in values.split(",") if value)
        if not names or key in listing:
            raise ProfileError(f"{where}: '{term}' needs values and appears once.")
        unknown = [name for name in names if known[key] and name not in known[key]]
        if unknown:
            raise ProfileError(f"{where}: unknown {key} '{unknown[0]}'.")
        listing[key] = names
    return tuple(listing.items())
