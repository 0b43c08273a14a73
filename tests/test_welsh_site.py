"""The site's own Welsh passes the Welsh checks: no mutation errors, no avoided terms, no
unmarked links to English-only pages, every glossary heading the termbase's term.

Expected to fail until the content fixes of issue 16 land (branch content16): the list of
what the checks report on the content before them is in docs-dev/welsh-checks.md.
"""

from __future__ import annotations

from collections import Counter

from leadership import welsh_check


def test_the_site_welsh_has_no_mutation_errors_avoided_terms_or_unmarked_english_links():
    problems, checked = welsh_check.check_project()
    assert checked >= 30
    rules = Counter(problem.rule for problem in problems)
    assert rules["welsh-mutation"] == 0, "\n".join(map(str, problems))
    assert rules["welsh-term"] == 0, "\n".join(map(str, problems))
    assert rules["welsh-english-link"] == 0, "\n".join(map(str, problems))
    assert problems == []
