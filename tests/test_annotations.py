"""A store in an object's annotations is made on the first write, never by a read."""

import importlib

import pytest
from persistent import Persistent
from zope.annotation.attribute import AttributeAnnotations
from zope.annotation.interfaces import IAnnotations

from zhengwu.annotations import annotation_store
from zhengwu.disclosure.counter import counters_of

KEY = "zhengwu.tests.store"


class Item:
    """Any annotatable object (Plone's content and sites keep attribute annotations)."""


class Store(Persistent):
    def __init__(self):
        self.entries = []


def annotations_of(item):
    # AttributeAnnotations provides IAnnotations itself: no component registry needed.
    return AttributeAnnotations(item)


def test_a_read_of_a_missing_store_gives_none_and_writes_nothing():
    item = Item()
    assert annotation_store(annotations_of(item), KEY, Store) is None
    assert "__annotations__" not in vars(item)


def test_the_first_write_makes_the_store_under_its_key():
    item = Item()
    store = annotation_store(annotations_of(item), KEY, Store, create=True)
    assert isinstance(store, Store)
    assert IAnnotations(annotations_of(item))[KEY] is store


def test_later_reads_and_writes_find_the_same_store():
    annotations = annotations_of(Item())
    made = annotation_store(annotations, KEY, Store, create=True)
    made.entries.append("kept")
    assert annotation_store(annotations, KEY, Store) is made
    assert annotation_store(annotations, KEY, Store, create=True) is made
    assert made.entries == ["kept"]


def test_a_store_made_before_is_found_whatever_factory_is_asked_for():
    # Sites created before the helper keep their data under the same keys.
    annotations = annotations_of(Item())
    annotations[KEY] = old = Store()
    assert annotation_store(annotations, KEY, dict, create=True) is old


def test_each_key_has_its_own_store():
    annotations = annotations_of(Item())
    first = annotation_store(annotations, KEY, Store, create=True)
    second = annotation_store(annotations, KEY + ".other", Store, create=True)
    assert first is not second


STORES = [
    ("zhengwu.participation.votes", "votes_of", "Votes", "zhengwu.participation.votes"),
    (
        "zhengwu.participation.moderation",
        "store_of",
        "ModerationStore",
        "zhengwu.participation.moderation",
    ),
    (
        "zhengwu.search.solr.catchup",
        "queue_of",
        "CatchUpQueue",
        "zhengwu.search.solr_catchup",
    ),
    (
        "zhengwu.search.curation.storage",
        "store_of",
        "CurationStore",
        "zhengwu.search.curation",
    ),
    ("zhengwu.search.stats.storage", "stats_of", "SearchStats", "zhengwu.search.stats"),
]


@pytest.mark.parametrize(("module", "function", "class_name", "key"), STORES)
def test_each_feature_keeps_its_store_under_the_key_existing_sites_use(
    module, function, class_name, key
):
    module = importlib.import_module(module)
    store_of = getattr(module, function)
    annotations = annotations_of(Item())
    # Not empty: moderation's store_of takes a false site for "the current portal".
    annotations["unrelated"] = "kept"
    assert store_of(annotations) is None
    store = store_of(annotations, create=True)
    assert type(store) is getattr(module, class_name)
    assert dict(annotations) == {"unrelated": "kept", key: store}


def test_the_disclosure_counters_are_made_on_first_use():
    annotations = annotations_of(Item())
    counters = counters_of(annotations)
    assert dict(annotations) == {"zhengwu.disclosure.index_counters": counters}
    assert counters_of(annotations) is counters
