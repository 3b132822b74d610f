"""The desk's small forms: which issue to show, and a sign-off's note."""

from django import forms


class IssueDateForm(forms.Form):
    date = forms.DateField(
        label="出版日期", required=False, widget=forms.DateInput({"type": "date"})
    )


class SignOffForm(forms.Form):
    note = forms.CharField(label="备注", max_length=200, required=False)
