"""Chinese line breaking (禁则): where a line of an official document may end.

No line starts with closing punctuation (，。、；：？！）》”’… and their kind) and none ends with opening
punctuation (（《“‘ …). A break that would do either moves the last character of the line down with it, the
way WPS does; the line left short is then justified by the engine. ``——`` and ``……`` never split, and
a run of Latin letters or digits (2020, GB/T, 12.5%) stays on one line when it fits.
"""

from __future__ import annotations

from collections.abc import Callable

NO_LINE_START = frozenset(
    "，。、；：？！）》”’…〕】」』〉｝］·—～％‰℃" ",.;:?!)]}%"
)
NO_LINE_END = frozenset("（《“‘〔【「『〈｛［" "([{")
_UNBREAKABLE_RUNS = frozenset("—…")
_WORD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-/%_@+#&'")


# A short quoted phrase (“硬核”) that a title keeps on one line.
SHORT_QUOTE = 6


def tokens(text: str, keep_quotes: bool = False) -> list[str]:
    """Units that a line break never splits: one CJK character, a dash/ellipsis pair, or a Latin word;
    with ``keep_quotes`` also a short phrase in quotation marks."""
    result: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        j = i + 1
        close = text.find("”", i + 1) if keep_quotes and ch == "“" else -1
        if 0 < close - i <= SHORT_QUOTE + 1:
            j = close + 1
        elif ch in _UNBREAKABLE_RUNS:
            while j < len(text) and text[j] == ch:
                j += 1
        elif ch in _WORD:
            while j < len(text) and text[j] in _WORD:
                j += 1
        result.append(text[i:j])
        i = j
    return result


def _fits(width: float, limit: float) -> bool:
    return width <= limit + 0.01


def break_lines(
    text: str,
    measure: Callable[[str], float],
    width: float,
    first_width: float | None = None,
    keep_quotes: bool = False,
) -> list[str]:
    """``text`` cut into lines no wider than ``width`` (``first_width`` for the first line).

    ``measure`` gives the printed width of a piece of text. Breaks obey the 禁则 above; a single token wider
    than a line is cut by characters so nothing is lost.
    """
    if not text:
        return []
    # Text that fits its first line whole (most table cells) is one line: widths add up piece by piece, so
    # the greedy filling below would end with the same single line. The margin keeps rounding differences
    # between one sum and many from deciding a case the filling would decide the other way.
    if _fits(measure(text) + 1e-6, first_width if first_width is not None else width):
        return [text]
    parts: list[str] = []
    for tok in tokens(text, keep_quotes):
        if len(tok) > 1 and not _fits(measure(tok), min(width, first_width or width)):
            parts.extend(tok)  # a run too long for any line is cut by characters
        else:
            parts.append(tok)
    lines: list[str] = []
    start = 0
    limit = first_width if first_width is not None else width
    while start < len(parts):
        end = start
        used = 0.0
        while end < len(parts):
            w = measure(parts[end])
            if end > start and not _fits(used + w, limit):
                break
            used += w
            end += 1
        if end < len(parts):
            end = _respect_rules(parts, start, end)
        lines.append("".join(parts[start:end]))
        start = end
        limit = width
    return lines


def _respect_rules(parts: list[str], start: int, end: int) -> int:
    """Move the break before ``end`` back until the next line does not start, and this line does not end,
    with forbidden punctuation; give up (keep ``end``) if that would empty the line."""
    k = end
    while k > start + 1 and (parts[k][0] in NO_LINE_START or parts[k - 1][-1] in NO_LINE_END):
        k -= 1
    return k if k > start + 1 or parts[k][0] not in NO_LINE_START else end


def violations(lines: list[str]) -> list[str]:
    """The lines that break the rules (for tests and for checking extracted PDF text)."""
    bad = []
    for i, line in enumerate(lines):
        if not line:
            continue
        if i > 0 and line[0] in NO_LINE_START:
            bad.append(line)
        elif i < len(lines) - 1 and line[-1] in NO_LINE_END:
            bad.append(line)
    return bad


# --- titles --------------------------------------------------------------------------------------------------
# GB/T 9704 wants a long title broken "词意完整、排列对称": never inside a word, in a trapezoid or diamond.
# Without a dictionary of the language, the breaker knows the words official titles of this trade are made of
# (longest first wins) and the places a secretary breaks at: after 关于, around 和/及/与, after a comma or a
# closing title mark, before an opening one.
TITLE_WORDS = frozenset("""
人民防空 人防 人防办 办公室 委员会 指挥部 领导小组 人民政府 省委 省政府 党组 党委 党支部 党组织 共产党员 党员 干部
硬核 先进集体 先进个人 先进工作者 通报 表扬 通报表扬 表彰 嘉奖 通知 意见 决定 办法 规定 细则 方案 报告 请示 批复 函
纪要 计划 总结 要点 通告 公告 印发 转发 做好 加强 进一步 推进 开展 落实 贯彻 实施 组织 举办 召开 建立 健全 完善 规范
发挥 创建 充分 深入 切实 全面 扎实 工作 工程 建设 管理 维护 维修 检查 督查 督导 宣传 教育 宣传教育 培训 训练 演练
演习 警报 警报器 设施 设备 系统 全省 全市 全县 全区 新时代 新形势 新冠肺炎 新型冠状病毒 肺炎 感染 疫情 防控 疫情防控
阻击战 战斗 堡垒 战斗堡垒 先锋 模范 先锋模范 作用 机关 社区 对口 帮扶 对口帮扶 帮扶村 措施 质量 监督 安全 应急
避难 场所 避难场所 应急避难场所 指挥 通信 指挥通信 物资 捐赠 捐款 资金 经费 使用 情况 有关 事项 若干 试行 暂行
年度 上半年 下半年 第一 第二 第三 第一批 第二批 第三批 同志 单位 部门 处室 直属 市县 各级 省辖市 示范区 河南省
郑州市 开封市 洛阳市 平顶山市 安阳市 鹤壁市 新乡市 焦作市 濮阳市 许昌市 漯河市 三门峡市 南阳市 商丘市 信阳市
周口市 驻马店市 济源 航空港 综合实验区 人员 职工 志愿者 服务 保障 任务 目标 责任 考核 评选 评比 活动 专项 整治
行动 普查 调查 统计 登记 备案 审批 审查 验收 竣工 结算 招标 采购 合同 项目 规划 编制 修订 制度 机制 体系 能力
水平 工作人员 防空 地下 地下室 疏散 基地 警报试鸣 试鸣 防护 专业队 专业队伍 队伍
""".split())
_TITLE_WORD_MAX = max(len(w) for w in TITLE_WORDS)
_BREAK_AFTER = frozenset("，、；：》）")
_BREAK_BEFORE = frozenset("《")
_CONJUNCTIONS = frozenset("和及与并")


def _title_words(text: str) -> list[int]:
    """For each gap between characters (index i: between text[i-1] and text[i]), 1 if it falls inside a
    known word (greedy longest match from the left), else 0."""
    inside = [0] * (len(text) + 1)
    i = 0
    while i < len(text):
        for n in range(min(_TITLE_WORD_MAX, len(text) - i), 1, -1):
            if text[i:i + n] in TITLE_WORDS:
                for k in range(i + 1, i + n):
                    inside[k] = 1
                i += n
                break
        else:
            i += 1
    return inside


def _gap_cost(text: str, at: int, inside: list[int]) -> float:
    """How badly a title line break before ``text[at]`` reads."""
    before, after = text[at - 1], text[at]
    if after in NO_LINE_START or before in NO_LINE_END:
        return float("inf")
    if before in _BREAK_AFTER or after in _BREAK_BEFORE:
        return 0.0
    if inside[at]:
        return 8.0  # splits a word: only when nothing else fits
    if (text[max(0, at - 2):at] == "关于" or text[at:at + 2] == "关于" or after in _CONJUNCTIONS
            or before in _CONJUNCTIONS):
        return 0.5
    if before in "”’":
        return 3.0  # a quoted name and what it names (“硬核”党支部) read as one
    if after == "的":
        return 3.0  # 的 stays with what it qualifies
    return 1.5


def _title_shape(widths: list[float], em: float) -> float:
    """How far a title's line lengths are from a trapezoid or diamond, in characters."""
    longest = max(widths)
    cost = sum(longest - w for w in widths) / em * 0.2
    for i in range(1, len(widths)):
        if widths[i] > widths[i - 1] + em / 2:
            cost += 1.0 + (widths[i] - widths[i - 1]) / em * 0.3  # a lower line longer: an inverted shape
    for i in range(1, len(widths) - 1):
        if widths[i] < max(widths[:i]) - em / 2 and widths[i] < max(widths[i + 1:]) - em / 2:
            cost += 6.0  # narrower than a line above and one below: an hourglass
    return cost


# Titles of more lines than this are set by the plain balanced breaking (the search grows with the lines).
_TITLE_SEARCH_LINES = 5


def title_lines(text: str, measure: Callable[[str], float], width: float, em: float) -> list[str]:
    """A title in as few lines as fit ``width``, broken where the words allow, as a trapezoid (upper lines as
    long as or longer than lower ones) or a diamond, never an hourglass. ``em`` is the width of one character,
    the unit the shape is judged in."""
    natural = break_lines(text, measure, width, keep_quotes=True)
    count = len(natural)
    if count <= 1 or count > _TITLE_SEARCH_LINES:
        return natural
    toks = tokens(text, keep_quotes=True)
    starts = [0]
    for tok in toks:
        starts.append(starts[-1] + len(tok))
    inside = _title_words(text)
    n = len(toks)
    shortest = measure(text) / count / 2  # no line under half the average: that is never a good shape
    gaps = [0.0] + [_gap_cost(text, starts[j], inside) for j in range(1, n)] + [0.0]
    best: tuple[float, list[int]] | None = None

    def search(i: int, lines_left: int, cost: float, widths: list[float], cuts: list[int]) -> None:
        nonlocal best
        if lines_left == 1:
            w = measure(text[starts[i]:])
            if w <= width + 0.01:
                total = cost + _title_shape([*widths, w], em)
                if best is None or total < best[0]:
                    best = (total, cuts)
            return
        for j in range(i + 1, n):
            w = measure(text[starts[i]:starts[j]])
            if w > width + 0.01:
                break
            if w < shortest or gaps[j] == float("inf"):
                continue
            if best is not None and cost + gaps[j] >= best[0]:
                continue
            search(j, lines_left - 1, cost + gaps[j], [*widths, w], [*cuts, j])

    search(0, count, 0.0, [], [])
    if best is None:
        return natural
    bounds = [0, *(starts[j] for j in best[1]), len(text)]
    return [text[bounds[i]:bounds[i + 1]] for i in range(count)]
