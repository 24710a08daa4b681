"""Date fields in display mode as the page's language writes dates (2026年9月3日,
September 3, 2026) through ``zhengwu.formatting``, not the locale's short form
("26-9-3" in zh_CN) of plone.app.z3cform's date widget; editing is unchanged."""

from plone.app.z3cform.widgets.datetime import DateWidget
from z3c.form.interfaces import IDataConverter
from z3c.form.interfaces import IFieldWidget
from z3c.form.widget import FieldWidget
from zope.component import getMultiAdapter
from zope.interface import implementer

from zhengwu.formatting import format_date


class LongDateWidget(DateWidget):
    """plone.app.z3cform's date widget, shown as a long date."""

    def render(self):
        if self.mode != "display" or not self.value:
            return super().render()
        value = getMultiAdapter((self.field, self), IDataConverter).toFieldValue(
            self.value
        )
        return format_date(value, self.request.locale.id.language)


@implementer(IFieldWidget)
def LongDateFieldWidget(field, request):
    return FieldWidget(field, LongDateWidget(request))
