"""The service catalogue (``profiles/common/content/services.tsv``): the services,
their department and audience, and the districts that offer them."""

from zhengwu.sites.profile import ProfileError
from zhengwu.sites.profile import read_profile_tsv

SERVICE_COLUMNS = ("id", "title_zh", "department", "audience", "role", "districts")


def read_services(path):
    """The demo services catalogue: id → row (department, audience, districts …)."""
    services = {}
    for number, values in read_profile_tsv(path, SERVICE_COLUMNS):
        if values["id"] in services:
            raise ProfileError(
                f"{path}, row {number}, column id: '{values['id']}' twice."
            )
        services[values["id"]] = values
    return services


def offered_by(service, district):
    """True when the catalogue row says ``district`` offers the service."""
    return service["districts"] in ("both", district)
