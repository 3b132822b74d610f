"""The reader's site, one module per screen: issues and pages, an article, lists of articles.

Every view starts from Article.objects.published(), so no page shows a draft. Querysets are built
inside methods, never as class attributes: published() reads the clock, and a scheduled article
must appear when its time comes, not when the server started.

Every page runs at most six queries, however large the archive: neighbours (上一期/下一期,
上一篇/下一篇) are subqueries of the main query, and each list's related rows one prefetch each.
"""
