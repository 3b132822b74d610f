"""The text review an operator reads before anything is written: the import's plan.

`render_plan`: every article of the imported pages with what the merge does to it (新建, 不变,
更新, 冲突 …); for a conflict, each field where the page and the system differ; the articles the
page no longer has; the issue's number; what is refused; the parser's warnings next to the
article they concern; and a summary line. The admin shows the same plan as cards
(templates/admin/articles/issue/import_preview.html).
"""

from articles.importing.review import NONE, parsed_lines

from .plan import Action

SHORT_DIFF = 60  # a field this long or shorter is shown whole on both sides


def issue_heading(plan):
    state = "新建" if plan.issue is None else "已有"
    return f"{plan.date.isoformat()} 第{plan.number}期（{state}）"


def render_plan(plan):
    """The import's plan: what the merge does to each article, and why; then the summary."""
    out = [
        f"{issue_heading(plan)}：导入 {len(plan.pages)} 版，{len(plan.articles)} 篇稿件，"
        f"{len(plan.warnings)} 条警告"
    ]
    if plan.old_number is not None:
        out.append(f"改期号：第{plan.old_number}期 → 第{plan.number}期")
    for refusal in plan.refusals:
        out.append(f"拒绝导入：{refusal}")
    for page in plan.pages:
        out.append("")
        name = f" {page.name}" if page.name else ""
        state = "" if page.page is not None else "，新版面"
        out.append(f"第{page.number}版{name}（{page.file}{state}）")
        if page.renamed:
            out.append(f"版名：{page.renamed[0] or NONE} → {page.renamed[1]}")
        if page.topic:
            out.append(f"专题：{'／'.join(page.topic.splitlines())}")
        if page.image:
            out.append(f"版面图（热区按稿件序号标出）：{page.image}")
        for warning in page.warnings:
            out.append(f"  警告：第{warning.line}行：{warning.message}")
            out.extend(warning.left_out_lines("    "))
        for item in page.articles:
            out.extend(_article_lines(item))
    if plan.new_reporters:
        out.append("")
        out.append(f"新署名作者（{len(plan.new_reporters)} 人）：{'、'.join(plan.new_reporters)}")
    out.append("")
    out.append(f"合计：{plan.summary_line()}")
    return "\n".join(out) + "\n"


def _article_lines(item):
    where = f"，稿件 {item.article.pk}" if item.article is not None and item.article.pk else ""
    if item.parsed is None:
        # No longer on the page: the system's article, and what becomes of it.
        status = item.article.get_status_display()
        lines = ["", f"  [{item.action.label}] 《{item.headline}》（{status}{where}）"]
        if item.reason:
            lines.append(f"     说明：{item.reason}")
        return lines
    parsed = item.parsed
    lines = [
        "",
        f"  {item.position}. [{item.action.label}] {parsed.headline}（第{parsed.line}行{where}）",
    ]
    if item.reason:
        lines.append(f"     说明：{item.reason}")
    if item.publish:
        lines.append("     发布：是")
    lines.extend(f"     注意：{note}" for note in item.notes)
    if item.action in (Action.CONFLICT, Action.REPLACED):
        lines.append("     版面与系统不同之处：")
        lines.extend(_difference_lines(item.differences))
    elif item.action != Action.UNCHANGED:
        lines.extend(parsed_lines(parsed))
    for warning in item.warnings:
        lines.append(f"     警告：第{warning.line}行：{warning.message}")
        lines.extend(warning.left_out_lines("       "))
    return lines


def _difference_lines(differences):
    lines = []
    for difference in differences:
        if difference.is_long or max(len(difference.page), len(difference.system)) > SHORT_DIFF:
            lines.append(f"       {difference.label}（- 系统，+ 版面）：")
            lines.extend(f"         {tag} {text}" for tag, text in difference.changed_lines)
        else:
            lines.append(
                f"       {difference.label}：版面「{difference.page or NONE}」"
                f"／系统「{difference.system or NONE}」"
            )
    return lines
