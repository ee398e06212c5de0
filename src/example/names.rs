//! Invented names: people from common surnames and given-name characters, compounds, streets,
//! companies and firms from name parts. No list here names a real person or a real compound;
//! a generated combination may coincide with a real name, as common names do.

use super::rng::Rng;

/// Common Chinese surnames (百家姓, the most frequent ones).
const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林",
    "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于",
    "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆",
    "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛",
    "闫", "段", "雷", "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武",
    "戴", "莫", "孔", "向", "汤",
];

/// Characters of given names, combined one or two at a time.
const GIVEN: &[&str] = &[
    "建", "国", "华", "明", "伟", "芳", "秀", "英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
    "涛", "超", "霞", "平", "刚", "桂", "玉", "兰", "文", "辉", "红", "志", "海", "燕", "鹏", "宇", "晨", "欣", "怡",
    "浩", "然", "轩", "涵", "博", "佳", "琪", "思", "雨", "萱", "俊", "嘉", "瑞", "泽", "梦", "雪", "晓", "婷", "慧",
    "颖", "丹", "凤", "云", "飞", "斌", "峰", "鑫", "淑", "振", "立", "德", "荣", "春", "秋", "冬", "梅", "松", "林",
    "波", "宁", "安", "琳", "亮", "成", "玲", "新", "凯", "毅", "坤", "倩", "蕾", "蓉", "晶", "昊", "睿", "航", "哲",
];

/// First parts of compound names.
const COMPOUND_HEAD: &[&str] = &[
    "锦绣", "翠园", "华府", "金桂", "碧水", "阳光", "和平", "幸福", "书香", "紫荆", "枫林", "丽景", "康乐", "安居",
    "嘉和", "瑞祥", "润泽", "鸿福", "盛世", "春晓", "海棠", "桃源", "银杏", "梧桐", "香榭", "云栖", "星河", "月湖",
    "天悦", "翡翠", "青枫", "兰亭", "御景", "聚福", "泰和", "雅苑", "明珠", "绿洲", "蓝湾", "晴川", "江畔", "湖光",
    "松鹤", "竹韵", "荷塘", "凤鸣", "龙腾", "万象", "长乐", "永宁",
];

/// Second parts of compound names for newer compounds.
const COMPOUND_TAIL: &[&str] =
    &["小区", "花园", "家园", "名苑", "华庭", "雅居", "公寓", "名邸", "佳苑", "新城", "府邸", "园"];

/// Second parts of old compound names.
const OLD_TAIL: &[&str] = &["新村", "小区", "里", "宿舍区", "住宅区", "坊"];

/// Work units (单位) whose housing makes a unit-mixed compound.
const WORK_UNITS: &[&str] = &[
    "机械厂",
    "纺织厂",
    "棉纺厂",
    "印刷厂",
    "轴承厂",
    "电机厂",
    "化肥厂",
    "粮食局",
    "供销社",
    "第三医院",
    "农机站",
    "水泥厂",
    "造纸厂",
    "运输公司",
    "自来水公司",
];

/// Street (街道) name parts.
const STREETS: &[&str] = &[
    "松涛", "丽水", "东湖", "南岭", "西河", "北苑", "清源", "望江", "临湖", "金沙", "银滩", "新桥", "石桥", "柳营",
    "杏林", "枫桥", "白云", "青山", "凤凰", "龙泉",
];

/// Community (社区) name parts.
const COMMUNITIES: &[&str] = &[
    "霞光", "朝阳", "映月", "听涛", "观澜", "春晖", "秋实", "东风", "红旗", "育才", "文昌", "兴华", "友谊", "团结",
    "光明", "民主", "新华", "建设", "和谐", "怡景", "景华", "福泽", "瑞丰", "祥和",
];

/// Company name parts.
const FIRMS: &[&str] = &[
    "红星", "安泰", "恒信", "德佳", "万宁", "嘉禾", "金盾", "宏远", "诚达", "瑞泰", "明德", "宜居", "居安", "仁和",
    "众诚", "同心",
];

/// Accounting firms (会计师事务所) name parts.
const AUDITORS: &[&str] = &["明信", "正衡", "诚信", "中正", "天平", "求实", "立信达", "公诚"];

/// A person's full name: a surname and one or two given-name characters.
pub(super) fn person(rng: &mut Rng) -> String {
    let mut s = String::from(*rng.pick(SURNAMES).unwrap_or(&"王"));
    let n = if rng.chance(70) { 2 } else { 1 };
    for _ in 0..n {
        s.push_str(rng.pick(GIVEN).unwrap_or(&"明"));
    }
    s
}

/// A compound's name (e.g. `锦绣华庭`, `和平新村`).
pub(super) fn compound(rng: &mut Rng, old: bool) -> String {
    let head = rng.pick(COMPOUND_HEAD).unwrap_or(&"幸福");
    let tail = rng.pick(if old { OLD_TAIL } else { COMPOUND_TAIL }).unwrap_or(&"小区");
    format!("{head}{tail}")
}

/// A work unit that owns housing, for a unit-mixed compound (e.g. `松涛机械厂`).
pub(super) fn work_unit(rng: &mut Rng, street: &str) -> String {
    format!("{street}{}", rng.pick(WORK_UNITS).unwrap_or(&"机械厂"))
}

/// The name part of the `i`-th street (街道), unique for the first 400 streets.
pub(super) fn street(i: usize) -> String {
    let n = STREETS.len();
    let first = STREETS.get(i % n).copied().unwrap_or("新");
    match i / n {
        0 => first.to_owned(),
        k => format!("{first}{}", COMMUNITIES.get((k - 1) % COMMUNITIES.len()).copied().unwrap_or("")),
    }
}

/// The name part of the `j`-th community of a street.
pub(super) fn community(j: usize) -> String {
    let n = COMMUNITIES.len();
    let base = COMMUNITIES.get(j % n).copied().unwrap_or("和平");
    if j < n { base.to_owned() } else { format!("{base}{}", j / n + 1) }
}

/// A firm name part.
pub(super) fn firm(rng: &mut Rng) -> &'static str {
    rng.pick(FIRMS).copied().unwrap_or("安泰")
}

/// An accounting firm of a city (e.g. `松涛明信会计师事务所`).
pub(super) fn auditor(rng: &mut Rng, city: &str) -> String {
    format!("{city}{}会计师事务所", rng.pick(AUDITORS).unwrap_or(&"明信"))
}
