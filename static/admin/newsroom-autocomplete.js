// select2's combobox text box takes its accessible name from a title it sets only once a
// value is chosen: give every one the name of its <select> (the column's aria-label).
'use strict';
{
    function nameComboboxes() {
        document.querySelectorAll('select.admin-autocomplete[aria-label]').forEach(function(select) {
            const rendered = document.getElementById('select2-' + select.id + '-container');
            if (rendered) {
                rendered.setAttribute('aria-label', select.getAttribute('aria-label'));
            }
        });
    }
    window.addEventListener('load', nameComboboxes);
    document.addEventListener('formset:added', function() { setTimeout(nameComboboxes); });
}
