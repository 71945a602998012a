"""Demo org tree and people: a county, townships and villages, ~50 cadres."""

from django.contrib.auth.hashers import make_password

from apps.accounts.models import AdminScope, OrgUnit, User
from apps.accounts.services.units import ensure_unit_path

DEMO_PASSWORD = "Yzyh@2026"
COUNTY = "青山县"
TOWNSHIPS = {
    "东湖镇": ["桃源村", "柳溪村", "湖滨社区"],
    "西岭乡": ["石门村", "云台村", "枫林村"],
    "南山街道": ["新华社区", "幸福社区"],
    "北川镇": ["杨柳村", "金沙村", "白鹭村"],
}
DEPARTMENTS = ["县委组织部", "县民政局", "县农业农村局"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = [
    "建国",
    "秀英",
    "志强",
    "丽华",
    "海燕",
    "文军",
    "春梅",
    "国庆",
    "晓东",
    "红霞",
    "德明",
    "玉兰",
    "卫东",
    "桂芳",
    "永刚",
    "小燕",
    "振华",
    "慧敏",
    "新民",
    "雪梅",
]
POSITIONS = ["驻村干部", "村党支部书记", "村委会主任", "网格员", "镇党政办干事", "乡镇副镇长"]

LOGINS = [
    ("cadre01", "干部（东湖镇桃源村）"),
    ("reviewer1", "评审员"),
    ("admin", "组织部管理员（全县；电脑打开 /console/ 管理端）"),
    ("admin_dh", "东湖镇管理员（仅本镇；/console/）"),
]


def demo_name(index: int) -> str:
    """The index-th cadre's name; no two of the first 400 are alike, so no list shows three
    李国庆 (the surname cycles every 20, the given name shifts once per cycle)."""
    surname = SURNAMES[index % len(SURNAMES)]
    given = GIVEN[(index * 7 + index // len(SURNAMES)) % len(GIVEN)]
    return surname + given


def _user(username, real_name, unit, position, mobile, **roles) -> User:
    user = User(
        username=username,
        real_name=real_name,
        org_unit=unit,
        position=position,
        mobile=mobile,
        password=make_password(DEMO_PASSWORD),
        **roles,
    )
    user.save()
    return user


def load(stdout) -> None:
    county = ensure_unit_path([COUNTY])
    villages: list[OrgUnit] = []
    for township, names in TOWNSHIPS.items():
        ensure_unit_path([COUNTY, township])
        villages.extend(ensure_unit_path([COUNTY, township, v]) for v in names)
    departments = [ensure_unit_path([COUNTY, d]) for d in DEPARTMENTS]

    for index in range(1, 51):
        unit = villages[(index - 1) % len(villages)]
        name = demo_name(index)
        position = POSITIONS[index % len(POSITIONS)]
        _user(f"cadre{index:02d}", name, unit, position, f"139{index:08d}")

    _user(
        "reviewer1",
        "周评审",
        departments[1],
        "县民政局科长",
        "13700000001",
        is_cadre=False,
        is_reviewer=True,
    )
    _user(
        "reviewer2",
        "吴评审",
        departments[2],
        "县农业农村局干部",
        "13700000002",
        is_cadre=False,
        is_reviewer=True,
    )
    _user(
        "reviewer3",
        "郑评审",
        departments[0],
        "县委组织部干部",
        "13700000003",
        is_cadre=True,
        is_reviewer=True,
    )
    admin = _user(
        "admin",
        "林组织",
        departments[0],
        "县委组织部副部长",
        "13600000001",
        is_cadre=False,
        is_staff=True,
    )
    AdminScope.objects.create(user=admin, org_unit=county)
    township_admin = _user(
        "admin_dh", "许镇管", villages[0].parent, "东湖镇组织委员", "13600000002", is_staff=True
    )
    AdminScope.objects.create(user=township_admin, org_unit=villages[0].parent)
    User.objects.create_superuser(
        "root", password=DEMO_PASSWORD, real_name="系统管理员", is_cadre=False
    )
    stdout.write(f"  组织与人员：{OrgUnit.objects.count()} 个单位，{User.objects.count()} 名用户")
