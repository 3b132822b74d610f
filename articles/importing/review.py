"""The parsed pages as read (no database), for the operator: `render_review` lists every
article's headline group, credits, places, section, size and photos, then the warnings.

The import's plan is rendered by importing/review.py, which reuses `parsed_lines` here.
"""

NONE = "—"


def credits_text(credits):
    return "；".join(
        f"{c.name}（{c.unit}）→ {c.role}" if c.unit else f"{c.name} → {c.role}" for c in credits
    )


def render_review(issue):
    """The parsed issue as read: each article's headline group, credits, places …; warnings."""
    articles = issue.articles
    warnings = issue.warnings
    number = f"第{issue.number}期" if issue.number is not None else "期号未定"
    out = [
        f"{issue.date.isoformat()} {number}：共 {len(issue.pages)} 版，"
        f"{len(articles)} 篇稿件，{len(warnings)} 条警告",
    ]
    for page in issue.pages:
        out.append("")
        name = f" {page.name}" if page.name else ""
        out.append(f"第{page.number}版{name}（{page.file}）")
        if page.topic:
            out.append(f"专题：{'／'.join(page.topic.splitlines())}")
        for position, article in enumerate(page.articles, start=1):
            out.extend(["", f"  {position}. {article.headline}（第{article.line}行）"])
            out.extend(parsed_lines(article))
    out.append("")
    if warnings:
        out.append(f"警告（{len(warnings)} 条）：")
        for warning in warnings:
            out.append(f"  {warning}")
            out.extend(warning.left_out_lines("    "))
    else:
        out.append("警告：无")
    return "\n".join(out) + "\n"


def parsed_lines(article):
    paragraphs = article.paragraphs
    characters = sum(len(p) for p in paragraphs)
    lines = [
        f"     引题：{article.kicker or NONE}",
        f"     副题：{article.subheadline or NONE}",
        f"     栏目：{article.section or NONE}",
        f"     电头：{article.dateline or NONE}",
        f"     署名：{credits_text(article.people) or NONE}",
    ]
    if article.organisations:
        lines.append(f"     署名单位：{credits_text(article.organisations)}")
    regions = "、".join(f"{p.name}（{p.code}）" for p in article.regions)
    lines.append(f"     地区：{regions or NONE}")
    if article.crossheads:
        lines.append(f"     插题：{'／'.join(article.crossheads)}")
    lines.append(f"     正文：{len(paragraphs)} 段，{characters} 字")
    if not article.photos:
        lines.append(f"     图片：{NONE}")
    for number, photo in enumerate(article.photos, start=1):
        credit = credits_text(photo.credits) or "未署名"
        lines.append(f"     图片{number}：{photo.caption or '（无说明）'}　摄影：{credit}")
    for note in article.notes:
        lines.append(f"     备注：{note}")
    return lines
