// select2's combobox text box takes its accessible name from a title it sets only once a
// value is chosen: give every one the name of its <select> (the column's aria-label).
// Whenever select2 builds one: Django starts select2 from a jQuery ready handler, which may
// run after the page's load event, and again for each row a formset adds.
'use strict';
{
    function nameComboboxes() {
        document.querySelectorAll('select.admin-autocomplete[aria-label]').forEach(function(select) {
            const rendered = document.getElementById('select2-' + select.id + '-container');
            if (rendered && !rendered.hasAttribute('aria-label')) {
                rendered.setAttribute('aria-label', select.getAttribute('aria-label'));
            }
        });
    }
    // A microtask after each change to the page: before any other script or test reads it.
    new MutationObserver(nameComboboxes).observe(document.documentElement, {
        childList: true,
        subtree: true,
    });
    window.addEventListener('load', nameComboboxes);
}
