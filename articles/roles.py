"""Role words of credits (署名身份), as printed: the one list the parser and the data model share.

`models.people.Role` (the admin's suggestions for a byline's role) is made from `ROLES`; the
parser recognises `PRINTED_BEFORE_NAMES` in front of names, and gives `AUTHOR` or
`PHOTOGRAPHER` to names printed with no role word. Pure Python: no Django here.
"""

import re

# Enum member name → role as printed, in the order the admin suggests them.
ROLES = {
    "REPORTER": "记者",
    "OWN_REPORTER": "本报记者",
    "TRAINEE_REPORTER": "见习记者",
    "INTERN": "实习生",
    "CORRESPONDENT": "通讯员",
    "OWN_CORRESPONDENT": "本报通讯员",
    "SPECIAL_REPORTER": "特约记者",
    "MAGAZINE_REPORTER": "本刊记者",
    "REPORTING_TEAM": "报道组",
    "PHOTOGRAPHER": "摄影",
    "READER_PHOTOGRAPHER": "拍友",
    "READER": "读者",
    "AUTHOR": "作者",
    "OWN_SPECIAL_REPORTER": "本报特约记者",
    "OWN_TRAINEE_REPORTER": "本报见习记者",
    "OWN_INTERN": "本报实习生",
    "INTERN_REPORTER": "实习记者",
    "CHIEF_REPORTER": "首席记者",
    "PHOTO_REPORTER": "摄影记者",
    "SPECIAL_CORRESPONDENT": "特约通讯员",
    "PHOTO_SUPPLIED": "供图",
    "ALL_MEDIA_REPORTER": "全媒体记者",
    "CONVERGED_MEDIA_REPORTER": "融媒体记者",
    "ALL_MEDIA_REPORTER_SHORT": "全媒记者",
    "CONVERGED_MEDIA_REPORTER_SHORT": "融媒记者",
    "ENVOY_REPORTER": "特派记者",
    "TEXT_EDITOR": "文字整理",
    "GRAPHIC": "制图",
}

AUTHOR = ROLES["AUTHOR"]  # text by names printed with no role word
PHOTOGRAPHER = ROLES["PHOTOGRAPHER"]  # photos by names printed with no role word
PHOTO_SUPPLIED = ROLES["PHOTO_SUPPLIED"]  # 某某供图: a photo supplied, not taken
TEXT_EDITOR = ROLES["TEXT_EDITOR"]  # 文字整理：某某
GRAPHIC = ROLES["GRAPHIC"]  # 制图：某某, a graphic beside the photos

# Printed only after a name or before a slash or colon (摄影, 供图, 文字整理, 制图), or given
# when none is printed (作者): not role words that can open a credit in running text.
NOT_BEFORE_NAMES = frozenset({PHOTOGRAPHER, PHOTO_SUPPLIED, TEXT_EDITOR, GRAPHIC})
# Role words that stand before names, longest first so 本报记者 wins over 记者.
PRINTED_BEFORE_NAMES = tuple(
    sorted((r for r in ROLES.values() if r not in NOT_BEFORE_NAMES), key=len, reverse=True)
)
ROLE_PATTERN = "|".join(PRINTED_BEFORE_NAMES)
ROLE_SPLIT = re.compile(f"({ROLE_PATTERN})")
