#!/usr/bin/env python3
"""Generate the person-name tables data/names/*.tsv from the shared sources.

usage: python3 tools/data/make_names.py SHARED_DATA_DIR [OUT_DIR]

SHARED_DATA_DIR is the shared data folder (the one holding lexicons/);
OUT_DIR defaults to data/names/ of this repository.  Needs Debian's `opencc`
command line tool (OpenCC 1.1, Apache-2.0; configs s2twp, s2hk, s2t, t2s,
t2tw, t2hk, jp2t), run once per config on a whole batch of strings.

Writes
  surnames.tsv        surname  freq  origin        Chinese (+ Korean) family names
  jp_surnames.tsv     surname  freq                Japanese family names
  given_chars.tsv     char  first  last  single    characters of given names
  translit_chars.tsv  char  freq                   characters of transliterated names
  nonname_chars.tsv   char  why                    characters that stop a name

Sources (all permissively licensed; nothing is taken from the NER research
sets -- People's Daily, MSRA, CLUENER, Weibo):
  lexicons/names/chinese_family_names.tsv  wainshine/Chinese-Names-Corpus, Apache-2.0
  lexicons/names/japanese_names.txt        same corpus, Apache-2.0
  lexicons/jieba/dict.txt                  jieba 0.42.1, MIT
  lexicons/jieba/jieba-zh_TW.dict.txt      ldkrsi/jieba-zh_TW, MIT
  lexicons/opencc/STCharacters.txt         BYVoid/OpenCC, Apache-2.0
plus short hand-written lists in this file (Korean surnames, Japanese
politicians' surnames, the review of the non-name characters).  The method
of each table is described at the top of the table and in the functions
below.  The output is deterministic.
"""
import collections
import math
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
GEN = "tools/data/make_names.py"


def log(*a):
    print(*a, file=sys.stderr)


# ---------------------------------------------------------------- OpenCC

class OpenCC:
    """Batch conversion with the opencc binary (one process per batch)."""

    def __init__(self):
        self.cache = {}

    def conv(self, strings, cfg):
        strings = sorted(set(strings))
        todo = [s for s in strings if (cfg, s) not in self.cache]
        if todo:
            with tempfile.TemporaryDirectory() as tmp:
                src = os.path.join(tmp, "in.txt")
                dst = os.path.join(tmp, "out.txt")
                with open(src, "w", encoding="utf-8") as f:
                    f.write("\n".join(todo) + "\n")
                subprocess.run(["opencc", "-c", cfg, "-i", src, "-o", dst],
                               check=True)
                with open(dst, encoding="utf-8") as f:
                    out = f.read().split("\n")
            if len(out) < len(todo):
                sys.exit(f"opencc {cfg}: line count mismatch")
            for s, o in zip(todo, out):
                if len(o) != len(s):
                    o = s if cfg == "t2s.json" else o
                self.cache[(cfg, s)] = o
        return {s: self.cache[(cfg, s)] for s in strings}


CC = OpenCC()


def load_st_self(path):
    """Simplified chars that OpenCC lists among their own Traditional forms
    (于 -> 於 于, 里 -> 裏 里 哩): the char itself is also Traditional."""
    selfs = set()
    for line in open(path, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        src, _, targets = line.rstrip("\n").partition("\t")
        if len(src) == 1 and src in targets.split(" "):
            selfs.add(src)
    return selfs


def is_han(s):
    return bool(s) and all(0x3400 <= ord(c) <= 0x9FFF or 0xF900 <= ord(c) <= 0xFAFF
                           or 0x20000 <= ord(c) <= 0x3FFFF for c in s)


def both_scripts(counts, seen_trad, keep_self):
    """counts: Simplified char -> value.  Returns char -> value for the
    Simplified chars and their Traditional forms:
    - OpenCC's Taiwan and Hong Kong forms (s2twp, s2hk) of each char,
      except for chars in keep_self, which are Traditional too (于 does not
      gain 於, 里 not 裡, 克 not 剋);
    - the Traditional chars seen in the Traditional sources (seen_trad, a
      Counter) whose Simplified form is counted: >= 2 times, and for a
      keep_self char in >= 20% of the Traditional occurrences that map to
      it (勝 for 胜, 萬 for 万, 葉 for 叶 -- not the odd 剋 for 克).
    A Traditional char takes the value of its Simplified form, which sums
    over all chars that collapse to it (鍾 and 鐘 both -> 钟)."""
    chars = sorted(counts)
    tw = CC.conv(chars, "s2twp.json")
    hk = CC.conv(chars, "s2hk.json")
    out = {}
    for c in chars:
        out[c] = counts[c]
        if c not in keep_self:
            for f in (tw[c], hk[c]):
                if len(f) == 1:
                    out.setdefault(f, counts[c])
    seen = sorted(c for c in seen_trad if is_han(c))
    ts = CC.conv(seen, "t2s.json")
    per_s = collections.Counter()
    for t in seen:
        per_s[ts[t]] += seen_trad[t]
    for t in seen:
        s = ts[t]
        if s not in counts or seen_trad[t] < 2:
            continue
        if s in keep_self and seen_trad[t] < 0.2 * per_s[s]:
            continue
        out.setdefault(t, counts[s])
    # the Simplified form of every row is a row (vice versa)
    back = CC.conv(list(out), "t2s.json")
    for c in list(out):
        if back[c] not in out:
            out[back[c]] = out[c]
    return out


# ---------------------------------------------------------------- output

def write_tsv(path, comment, header, rows):
    seen = set()
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in comment.strip("\n").split("\n"):
            f.write(("# " + line).rstrip() + "\n")
        f.write("\t".join(header) + "\n")
        for r in rows:
            r = [str(x) for x in r]
            assert len(r) == len(header) and all(r) and r[0] not in seen, r
            assert not any("\t" in x or "\n" in x for x in r), r
            seen.add(r[0])
            f.write("\t".join(r) + "\n")
    log(f"wrote {path}: {len(rows)} rows")


def read_jieba(path):
    out = []
    for line in open(path, encoding="utf-8"):
        p = line.split()
        if len(p) >= 3 and p[1].isdigit():
            out.append((p[0], int(p[1]), p[2]))
    return out


# ---------------------------------------------------------------- surnames

# Common Korean surnames (hanja as used in Korea and in Chinese news about
# Korea), from public facts; Korean variant hanja are listed beside the
# Chinese form (曺 曹, 兪 俞, 裵 裴, 愼 慎, 尙 尚).
KOREAN_SURNAMES = """
金 李 朴 崔 鄭 姜 趙 尹 張 林 韓 吳 申 徐 權 黃 安 宋 柳 全 洪 高 文 梁 孫
裴 裵 曺 曹 白 許 劉 南 沈 盧 丁 河 郭 成 車 朱 禹 具 辛 任 羅 田 閔 兪 俞 陳
池 嚴 元 蔡 千 方 孔 康 玄 咸 卞 楊 廉 邊 呂 秋 魯 都 蘇 愼 慎 石 宣 薛 馬 吉
周 延 房 魏 表 明 奇 潘 王 琴 玉 陸 印 孟 諸 卓 秦 睦 桂 晉 芮 庾 殷 片 余 龍
慶 夫 扈 太 奉 邕 國 丘 夏 董 承 史 甘 景 弓 賓 鞠 魚 牟 陰 智 邢 葛 昔 燕 邵
韋 陶 宗 于 蔣 卜 姚 彭 尙 尚 皮 賈 鍾 鄧 杜 艾 伊 南宮 皇甫 鮮于 獨孤 諸葛
司空 西門 東方
""".split()
KOREAN_FREQ = 100        # per million, for Korean surnames not in the Chinese list

# Surnames whose Simplified form is also the Traditional one: OpenCC's
# word conversion (s2twp) would give the wrong char, often a function word
# (于 -> 於, 余 -> 餘, 后 -> 後, 范 -> 範, 游 -> 遊, 朴 -> 樸).  For these the
# OpenCC form is not added.  (叶 -> 葉, 万 -> 萬, 云 -> 雲 ... are right and kept.)
SURNAME_NO_TRAD = set("于 余 党 占 台 后 干 朴 栗 涂 游 种 范 郁 里 征 采 咸 丑 吁 伙 "
                      "岳 杰 么 谷 卜 冲 松 周 秋 姜 沈".split())


def make_surnames(src):
    rows = []
    path = os.path.join(src, "lexicons/names/chinese_family_names.tsv")
    for i, line in enumerate(open(path, encoding="utf-8")):
        p = line.rstrip("\n").split("\t")
        if i == 0 or len(p) < 4:
            continue
        rows.append((p[0], float(p[1]), p[2], p[3]))
    total = sum(r[1] for r in rows)
    hans = [r[0] for r in rows]
    tw = CC.conv(hans, "s2twp.json")
    hk = CC.conv(hans, "s2hk.json")
    out, dropped = {}, set()

    def add(form, freq, origin):
        if form not in out:
            out[form] = (freq, origin)

    for h, tf, ctw, chk in rows:
        freq = max(1, round(tf / total * 1e6))
        add(h, freq, "zh")
        for conv in (tw[h], hk[h], ctw, chk):
            if len(conv) != len(h):
                continue
            if len(h) == 1:
                if h in SURNAME_NO_TRAD and conv != h:
                    dropped.add(f"{h}->{conv}")
                    continue
                add(conv, freq, "zh")
            else:
                # compounds: char by char, and OpenCC's form (澹臺 is right)
                add("".join(c if c in SURNAME_NO_TRAD else t
                            for c, t in zip(h, conv)), freq, "zh")
                add(conv, freq, "zh")
    n_zh = len(out)
    ks = CC.conv(KOREAN_SURNAMES, "t2s.json")
    ktw = CC.conv(KOREAN_SURNAMES, "t2tw.json")
    khk = CC.conv(KOREAN_SURNAMES, "t2hk.json")
    for k in KOREAN_SURNAMES:
        for f in (k, ks[k], ktw[k], khk[k]):
            add(f, KOREAN_FREQ, "kr")
    n_kr = len(out) - n_zh
    s_of = CC.conv(list(out), "t2s.json")
    for f in list(out):
        add(s_of[f], *out[f])
    rows = sorted(out.items(), key=lambda kv: (-kv[1][0], kv[0]))
    log(f"surnames: {len(rows)} rows, {n_kr} Korean; OpenCC forms not added: "
        + " ".join(sorted(dropped)))
    return [(s, f, o) for s, (f, o) in rows], total, sorted(dropped)


# ------------------------------------------------------ Japanese surnames

# Entries of the Japanese corpus that are not persons -- domains, bridges,
# passes, schools of art, prizes, temples, places (三河吉田藩, 一宮橋,
# 上田流, 三島賞, 久遠寺 ...) -- by last char,
JP_NOT_PERSON = set("藩橋組峠宿港流寺派賞荘館湖島社会党院殿神宮区郡浦崎屋店所座坂浜"
                    "線駅町市県谷川")
# ... and, in entries of at most 3 chars, 三井家, 三木村, 上田城, 三輪山 ...
JP_NOT_PERSON_SHORT = set("家村城田野原沢山岳門堂園郷")
# ... and warships (戦艦大和)
JP_NOT_PERSON_PREFIX = ("戦艦", "軍艦", "駆逐艦", "巡洋艦", "空母")
# Surnames of Japanese public figures in the news, kept even when rare in
# the corpus (they must still start a name in it).
JP_PROMINENT = """
石破 岸田 安倍 菅 小渕 小淵 高市 田中 佐藤 鈴木 山田 小泉 林 河野 茂木 上川
岩屋 中谷 加藤 野田 玉木 小野寺 赤沢 赤澤 武藤 浅尾 福岡 村上 阿部 斎藤 斉藤
石井 泉 枝野 志位 麻生 二階 森山 萩生田 西村 世耕 鳩山 福田 小池 石原 橋下
吉村 前原 玉城 片山 木原 小林 松本 平 城内 黄川田 坂井 伊東 神谷 山口 岡田
""".split()
JP_KEEP = 3000
# Japanese variant kanji that OpenCC's jp2t leaves alone, mapped to the
# form Chinese text uses (小渕 -> 小淵, 渡邉 -> 渡邊, 髙橋 -> 高橋).
JP_VARIANTS = {"渕": "淵", "邉": "邊", "﨑": "崎", "髙": "高", "冨": "富",
               "嶋": "島", "舘": "館", "峯": "峰", "濵": "濱", "桒": "桑"
               }


def jp_to_trad(strings):
    """Japanese spelling -> Traditional Chinese chars (JP_VARIANTS, then
    OpenCC jp2t)."""
    var = {s: "".join(JP_VARIANTS.get(c, c) for c in s) for s in strings}
    t = CC.conv(list(var.values()), "jp2t.json")
    return {s: t[v] for s, v in var.items()}

JP_CHECK_IN = ("石破 岸田 安倍 菅 小淵 小渕 高市 田中 佐藤 鈴木 山田 小泉 林 河野 茂木 "
               "上川 岩屋 中谷").split()
JP_CHECK_OUT = ["茂", "文雄"]


def jp_names(src):
    names = set()
    for line in open(os.path.join(src, "lexicons/names/japanese_names.txt"),
                     encoding="utf-8"):
        n = line.strip()
        if not (2 <= len(n) <= 6) or not is_han(n.replace("々", "")):
            continue
        if n[-1] in JP_NOT_PERSON:
            continue
        if len(n) <= 3 and n[-1] in JP_NOT_PERSON_SHORT:
            continue
        if n.startswith(JP_NOT_PERSON_PREFIX):
            continue
        names.add(n)
    return sorted(names)


def jp_splits(n):
    for k in (1, 2, 3):
        if 1 <= len(n) - k <= 3:
            yield n[:k], n[k:]


def segment_jp(names, force=()):
    """Split kanji full names into family + given name (no separator in the
    corpus).

    A remainder r is a plausible given name when it follows >= 3 distinct
    2-char prefixes (2-char surnames are the great majority).  A prefix is
    a surname candidate when >= 2 of the names it starts leave a plausible
    given name.  Dropped then: a candidate that is a shorter candidate plus
    the start of a given name in at least half of its names (佐藤健 =
    佐藤 + 健一 / 健二, 林芳 = 林 + 芳正), and a 3-char candidate that is a
    2-char one plus a char more frequent at the start of given names than at
    the end of surnames, with < 30% of the 2-char one's names (松平頼 =
    松平 + 頼重, 前田利 = 前田 + 利家), and a candidate extending a shorter
    one whose names (>= 3) leave a 1-char remainder in over 60% of cases
    (伊達村 + 候, 板倉勝 + 重).  Each name is then split at the
    candidate with the highest support(surname) x plausibility(given)."""
    PL = 3
    pl2 = collections.defaultdict(set)
    pre = collections.defaultdict(list)
    for n in names:
        for p, r in jp_splits(n):
            pre[p].append(r)
            if len(p) == 2:
                pl2[r].add(p)
    pl = {r: len(v) for r, v in pl2.items()}
    sup = {p: sum(1 for r in rs if pl.get(r, 0) >= PL) for p, rs in pre.items()}
    cand = {p for p, c in sup.items() if c >= 2}
    for L in (2, 3):
        for s in sorted(p for p in cand if len(p) == L):
            rs = pre[s]
            expl = 0
            for r in rs:
                for k in range(1, L):
                    if s[:k] in cand and pl.get(s[k:] + r, 0) >= PL:
                        expl += 1
                        break
            if 2 * expl >= len(rs):
                cand.discard(s)
    first_g = collections.Counter()
    last_s = collections.Counter()
    for r, v in pl2.items():
        if len(v) >= PL and len(r) >= 2:
            first_g[r[0]] += 1
    for s in cand:
        if len(s) == 2:
            last_s[s[1]] += 1
    for s in sorted(p for p in cand if len(p) == 3):
        if s[:2] in cand and len(pre[s]) < 0.3 * len(pre[s[:2]]) \
                and first_g[s[2]] > last_s[s[2]]:
            cand.discard(s)
    # clan + generation char leaves mostly 1-char remainders (伊達村|候,
    # 板倉勝|重), real surnames mostly 2-char given names
    for s in sorted(p for p in cand if len(p) >= 2):
        rs = pre[s]
        if s[:-1] in cand and len(rs) >= 3 and \
                sum(1 for r in rs if len(r) == 1) > 0.6 * len(rs):
            cand.discard(s)
    cand |= {p for p in force if p in pre}
    for p in force:
        sup[p] = max(sup.get(p, 0), 1)
    count = collections.Counter()
    assign = {}
    for n in names:
        opts = [(sup[s] * pl.get(r, 0), len(s) == 2, s, r)
                for s, r in jp_splits(n)
                if s in cand and (pl.get(r, 0) >= 1 or s in force)]
        if not opts:
            continue
        _, _, s, r = max(opts)
        count[s] += 1
        assign[n] = (s, r)
    return count, assign


def make_jp_surnames(src, st_self):
    names = jp_names(src)
    count, assign = segment_jp(names, force=JP_PROMINENT)
    keys = list(count)
    # Japanese shinjitai -> Traditional (渕 -> 淵, 沢 -> 澤), -> Simplified;
    # spellings with the same Simplified form are one surname.
    trad = jp_to_trad(keys)
    simp = CC.conv(list(trad.values()), "t2s.json")
    cls = collections.defaultdict(set)
    for k in keys:
        cls[simp[trad[k]]].add(k)
    total = {c: sum(count[m] for m in ms) for c, ms in cls.items()}
    ranked = sorted(total, key=lambda c: (-total[c], c))
    keep = ranked[:JP_KEEP]
    cut = total[keep[-1]]
    ptrad = jp_to_trad(JP_PROMINENT)
    psimp = CC.conv(list(ptrad.values()), "t2s.json")
    extra = sorted({psimp[ptrad[p]] for p in JP_PROMINENT} & set(total) - set(keep))
    keep += extra
    # Traditional forms: jp2t of each spelling without Simplified-only
    # chars (the corpus has some Simplified spellings: 金泽, 东山), with
    # Taiwan / Hong Kong variants; else s2t of the Simplified form.
    st_keys = set()
    for line in open(os.path.join(src, "lexicons/opencc/STCharacters.txt"),
                     encoding="utf-8"):
        k = line.split("\t")[0]
        if len(k) == 1:
            st_keys.add(k)
    simp_only = st_keys - st_self
    tforms = {}
    need = []
    for c in keep:
        ts = {trad[m] for m in cls[c] if not set(trad[m]) & simp_only}
        tforms[c] = ts
        if not ts:
            need.append(c)
    s2t = CC.conv(need, "s2t.json")
    for c in need:
        tforms[c] = {s2t[c]}
    allt = [t for ts in tforms.values() for t in ts]
    ttw = CC.conv(allt, "t2tw.json")
    thk = CC.conv(allt, "t2hk.json")
    tsim = CC.conv(allt, "t2s.json")
    # a Traditional char that OpenCC lists among its own Simplified forms
    # stays (乾 is not turned into 干)
    ts_self = load_st_self(os.path.join(src, "lexicons/opencc/TSCharacters.txt"))

    def simp_name(t):
        return "".join(a if a in ts_self else b for a, b in zip(t, tsim[t]))

    vsim = CC.conv(list(ttw.values()) + list(thk.values()), "t2s.json")
    out = {}
    for c in keep:
        forms = set(cls[c])
        for t in tforms[c]:
            forms |= {t, simp_name(t)}
            # Taiwan / HK variants, unless OpenCC makes them another char
            # (t2tw turns 鮎 into 鯰)
            forms |= {v for v in (ttw[t], thk[t]) if vsim[v] == tsim[t]}
        for f in forms:
            out[f] = out.get(f, 0) + total[c]
    missing = [s for s in JP_CHECK_IN if s not in out]
    wrong = [s for s in JP_CHECK_OUT if s in out]
    log(f"jp surnames: {len(names)} names, {len(assign)} split, {len(count)} "
        f"surnames in {len(cls)} classes; kept {len(keep)} (cut: count >= {cut}; "
        f"prominent added below the cut: {' '.join(extra)}); "
        f"check missing={missing} wrongly-in={wrong}")
    rows = sorted(out.items(), key=lambda kv: (-kv[1], kv[0]))
    info = dict(names=len(names), split=len(assign), classes=len(cls),
                kept=len(keep), cut=cut, extra=extra)
    return rows, assign, info


# ------------------------------------------------------------ given names

NAME_TAGS = ("nr", "nrfg")


def suffix_noise(dict_s):
    """Chars that end many non-name 3-char words of dict.txt but few names
    (县 性 者 区 机 人 ...): a 3-char entry ending in one is not a name."""
    a, b = collections.Counter(), collections.Counter()
    for w, (f, t) in dict_s.items():
        if len(w) == 3:
            (b if t in NAME_TAGS else a)[w[2]] += 1
    return {c for c in a if a[c] > 2 * b[c] + 5} | set("姓某氏")


# particles that are never part of a given name
PARTICLES = set("的了着過过地得嗎吗呢吧啊麼么們们")


def longest_surname(w, surnames, maxlen=2):
    for k in range(min(maxlen, len(w) - 1), 0, -1):
        if w[:k] in surnames:
            return w[:k]
    return None


def chinese_names(surnames, top_surnames, dict_s, tw_words):
    """Chinese full names split into (surname, given), Simplified.

    dict.txt (Simplified): words tagged nr / nrfg of 2-4 chars that start
    with a surname (longest match in surnames.tsv) and leave 1-2 chars.
    Dropped: 郭靖害, 杨过浑 (a 2-char name entry + one char), 张家港,
    龙井茶 (the first two chars are a common non-name word), 石佛寺,
    通肯河 (the last char ends many non-name words, see suffix_noise) and
    卫红的, 毕了业 (a particle in the given name).

    jieba-zh_TW (Traditional; it has no name tag, names are tagged N):
    3-char N words starting with one of the 250 commonest surnames, dropped
    when the Simplified form is a non-name word of dict.txt, when the first
    two chars are a common non-name word (原料案, 時間線), or when the last
    char ends many non-name words (姜姓女, 韓國籍, 田寮崗).

    Returns {full name (Simplified): given name}, the Traditional chars
    seen (Counter), and the numbers taken from dict.txt and jieba-zh_TW."""

    noise = suffix_noise(dict_s)

    def common_word(x):
        return x in dict_s and dict_s[x][1] not in NAME_TAGS and dict_s[x][0] >= 3

    out = {}
    for w, (f, t) in dict_s.items():
        if t not in NAME_TAGS or not (2 <= len(w) <= 4) or not is_han(w):
            continue
        s = longest_surname(w, surnames)
        if not s or not (1 <= len(w) - len(s) <= 2):
            continue
        if len(w) == 3 and len(s) == 1:
            if dict_s.get(w[:2], (0, ""))[1] in NAME_TAGS or common_word(w[:2]):
                continue
        g = w[len(s):]
        if (len(w) >= 3 and w[-1] in noise) or set(g) & PARTICLES:
            continue
        out[w] = g
    n_dict = len(out)
    tw3 = [w for w, f, t in tw_words if t == "N" and len(w) == 3 and is_han(w)]
    simp = CC.conv(tw3, "t2s.json")
    seen_t = collections.Counter()
    n_tw = 0
    for w in tw3:
        s = simp[w]
        if s[0] not in top_surnames:
            continue
        if s in dict_s and dict_s[s][1] not in NAME_TAGS:
            continue
        if common_word(s[:2]) or s[2] in noise:
            continue
        n_tw += 1
        seen_t.update(w[1:])
        out.setdefault(s, s[1:])
    return out, seen_t, n_dict, n_tw


# ---------------------------------------------------------- transliteration

# Class words that end a transliterated place or group name (奥斯陆市,
# 肯尼亚人): cut before counting.
TRANSLIT_TAIL = set("人县省市岛州郡镇区路街河山湖港湾城村乡族语籍队案式氏裔女男号杯奖厝寮")
TRANSLIT_MIN = 5
TRANSLIT_NONNAME_MIN = 30   # a char of nonname_chars needs this freq


def make_translit(dict_s, tw_words, zh_names):
    """Transliterated foreign names and Chinese names that are really
    transliterations.

    Three character models (add-0.5 smoothed unigrams): T from
    transliterations, G from Chinese given names, W from general words of
    dict.txt (all tags but nr nrfg nrt ns nz nt).  T starts as the chars of
    dict.txt's nrt words (jieba's transliterated names); round 1 keeps the
    nrt words that T prefers to both G and W by a log-odds margin of 1 (this
    drops 开禧, 崇仁, 唐睿宗); round 2 classifies all candidates -- dict.txt
    nrt, nr and nrfg words and the 3-8 char N words of jieba-zh_TW
    (Traditional, compared in Simplified) -- the same way, after cutting a
    class word at the end (奥斯陆市 -> 奥斯陆).  Chinese names whose given
    part T prefers to G by a margin of 2 (马|斯克, 雷|斯福, 賈|斯汀) are
    taken out of the given-name counts.  G is re-estimated without them
    after each round."""
    gen = collections.Counter()
    for w, (f, t) in dict_s.items():
        if t not in NAME_TAGS + ("nrt", "ns", "nz", "nt") and is_han(w):
            gen.update(w)
    nrt = sorted(w for w, (f, t) in dict_s.items()
                 if t == "nrt" and len(w) >= 2 and is_han(w))
    tw = [w for w, f, t in tw_words if t == "N" and 3 <= len(w) <= 8 and is_han(w)]
    tws = CC.conv(tw, "t2s.json")
    cands = set(nrt) | set(tws.values()) | {
        w for w, (f, t) in dict_s.items()
        if t in NAME_TAGS and 2 <= len(w) <= 8 and is_han(w)}

    def cut(w):
        return w[:-1] if len(w) >= 3 and w[-1] in TRANSLIT_TAIL else w

    def model(c):
        tot, V = sum(c.values()), 8000
        return lambda ch: math.log((c[ch] + 0.5) / (tot + 0.5 * V))

    def count(ws):
        c = collections.Counter()
        for w in ws:
            c.update(w)
        return c

    lw = model(gen)
    given = collections.Counter()
    for full, g in zh_names.items():
        given.update(g)
    t = count(nrt)
    acc, bad = set(), set()
    for rnd in range(2):
        lt, lg = model(t), model(given)
        acc = set()
        for w in (nrt if rnd == 0 else sorted(cands)):
            w = cut(w)
            a = sum(lt(c) for c in w)
            if a > sum(lg(c) for c in w) + 1 and a > sum(lw(c) for c in w) + 1:
                acc.add(w)
        bad = {full for full, g in zh_names.items()
               if sum(lt(c) for c in g) > sum(lg(c) for c in g) + 2}
        t = count(acc)
        given = collections.Counter()
        for full, g in zh_names.items():
            if full not in acc and full not in bad:
                given.update(g)
    seen_t = collections.Counter()
    for w in tw:
        if cut(tws[w]) in acc:
            seen_t.update(w)
    return t, acc, bad, seen_t


# ----------------------------------------------------------- non-name chars

# Hand review of the candidates (see make_nonname).  FUNCTION: function
# words -- particles, prepositions, conjunctions, pronouns, auxiliaries,
# adverbs, question words -- in both scripts.
FUNCTION = set("""
的 了 着 著 過 过 地 得 之 所 在 於 于 是 為 为 和 與 与 及 或 也 都 就 將 将 向
對 对 說 说 並 并 而 但 又 從 从 被 把 讓 让 給 给 等 則 则 卻 却 且 即 其 此 這
这 那 哪 個 个 些 每 各 該 该 某 誰 谁 什 麼 么 怎 嗎 吗 呢 吧 啊 呀 嘛 哦 喔 啦
我 你 妳 您 他 她 它 們 们 咱 自 已 曾 才 再 還 还 很 太 更 最 仍 亦 皆 均 不 沒
没 未 別 别 勿 無 无 否 因 由 以 比 跟 同 至 到 往 按 據 据 依 經 经 當 当 如 若
雖 虽 既 只 僅 仅 便 甚 另 約 约 除 替 嗯 唉 喂 哎 呵 哈 嘿 啥 咋 甭 倘 儘 尽 該
""".split())
# Candidates from the data that are kept out after review: frequent in
# transliterations (哈里斯, 埃及, 费德勒, 扎克伯格, 席哈克).
NONNAME_DROP = set("哈 埃 费 扎 席".split())
# Added after review: the project brief's list (的 了 在 是 和 與 ... 年 月
# 日) and function words outside the automatic candidates.  Some of these
# do occur in given names, mostly Japanese ones (和子, 哲也, 時雄, 将太) or
# a few Chinese (为民, 月娥): the recogniser has to allow for that.
NONNAME_ADD = set("""
的 了 在 是 和 與 与 及 也 都 就 將 将 向 對 对 於 于 說 说 表 示 等 並 并 而 但
又 從 从 被 把 讓 让 給 给 為 为 時 时 年 月 日 稱 称 指 據 据 報 报 導 导 今 昨
該 该 此 即 且 或 其 再 因 皆 已 很 最 仍 沒 没 你 我 他 她 它 們 们 您 個 个 些 每
各 某 誰 谁 什 麼 么 怎 哪 這 这 嗎 吗 呢 吧 啊 跟 到 往 按 既 只 僅 仅 另 除 替 着
著
以 後 后 之 所 會 会 能 可 要 應 应 曾 則 则 於 即 還 还 來 来 去 過 过 後
杯
""".split())
NONNAME_TOP = 1000       # candidates among the most frequent chars of dict.txt
NONNAME_RATIO = 0.05     # given-name share < this x general-text share


def make_nonname(dict_s, given_counts):
    """Candidates: chars among the NONNAME_TOP most frequent in dict.txt (word
    frequencies summed over the chars of each word; chars in < 10 words are
    ignored) whose share of all given-name positions (given_chars.tsv) is
    < 1/20 of their share of dict.txt.  Final list = candidates - DROP +
    ADD (hand review)."""
    gen = collections.Counter()
    nwords = collections.Counter()
    for w, (f, t) in dict_s.items():
        for c in set(w):
            if is_han(c):
                gen[c] += f * w.count(c)
                nwords[c] += 1
    T = sum(gen.values())
    G = sum(given_counts.values())
    top = [c for c, _ in gen.most_common() if nwords[c] >= 10][:NONNAME_TOP]
    auto = [c for c in top if given_counts.get(c, 0) / G < NONNAME_RATIO * gen[c] / T]
    final = (set(auto) - NONNAME_DROP) | NONNAME_ADD
    rank = {c: i for i, c in enumerate(top)}
    return auto, final, rank


# ------------------------------------------------------------------- main

def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    src = sys.argv[1]
    outdir = sys.argv[2] if len(sys.argv) == 3 else os.path.join(REPO, "data", "names")
    os.makedirs(outdir, exist_ok=True)
    st_self = load_st_self(os.path.join(src, "lexicons/opencc/STCharacters.txt"))
    dict_s = {w: (f, t) for w, f, t in
              read_jieba(os.path.join(src, "lexicons/jieba/dict.txt"))}
    tw_words = read_jieba(os.path.join(src, "lexicons/jieba/jieba-zh_TW.dict.txt"))

    # 1. surnames ----------------------------------------------------------
    srows, tf_total, dropped = make_surnames(src)
    write_tsv(os.path.join(outdir, "surnames.tsv"), f"""
Chinese family names (and Korean ones) in Simplified and Traditional
(Taiwan, Hong Kong) forms, one row per form.  Generated by {GEN};
see data/NOTICE.
Source: wainshine/Chinese-Names-Corpus, Chinese_Family_Name(1k).xlsx
(Apache-2.0): 1,074 surnames with a frequency score TF, and their OpenCC
s2twp / s2hk forms.  OpenCC forms that are wrong for a surname (于 -> 於,
范 -> 範, 游 -> 遊 ...) are not added; a compound keeps both its
char-by-char and its OpenCC form (澹台, 澹臺).  Not added:
{" ".join(dropped)}.
freq: TF scaled to parts per million of the summed TF ({tf_total:g}), i.e.
an estimate of the holders per million Chinese (王 ~ 72,000); every form
of a surname has the same freq.
origin: zh = from the Chinese list; kr = a common Korean surname (hanja,
written by hand from public facts) missing from it, freq {KOREAN_FREQ}
(a modest prior); Korean surnames also in the Chinese list keep origin zh.
""", ("surname", "freq", "origin"), srows)

    # 2. Japanese surnames -------------------------------------------------
    jrows, jassign, jinfo = make_jp_surnames(src, st_self)
    write_tsv(os.path.join(outdir, "jp_surnames.tsv"), f"""
Japanese family names in kanji, with their Traditional / Simplified
Chinese forms (渕 -> 淵 / 渊, 沢 -> 澤 / 泽).  Generated by {GEN};
see data/NOTICE.
Source: wainshine/Chinese-Names-Corpus, Japanese_Names_Corpus(18W).txt
(Apache-2.0): 172,413 kanji full names without a separator.  Entries that
are not persons (…藩, …橋, …流, …賞, …寺 ...) were left out ({jinfo['names']}
names kept) and each name was split into family + given name by prefix /
suffix statistics ({jinfo['split']} split; method in {GEN},
segment_jp).  The {JP_KEEP} most frequent surnames are kept (count >=
{jinfo['cut']}) plus {len(jinfo['extra'])} surnames of public figures below the
cut ({' '.join(jinfo['extra'])}).
freq: number of corpus names with that surname, summed over the spellings
that share a Simplified form; all forms of a surname carry the same freq.
""", ("surname", "freq"), jrows)

    # 3./4. given names and transliterations --------------------------------
    zh_sur = {s for s, f, o in srows}
    sfreq = {}
    for s, f, o in srows:
        sfreq[s] = f
    single = sorted({s for s, f, o in srows if o == "zh" and len(s) == 1})
    ssimp = CC.conv(single, "t2s.json")
    top250 = set(sorted({ssimp[s] for s in single},
                        key=lambda s: (-sfreq.get(s, 0), s))[:250])
    zh_names, seen_zh_t, n_dict, n_tw = chinese_names(zh_sur, top250, dict_s, tw_words)
    tcount, tacc, tbad, seen_tr_t = make_translit(dict_s, tw_words, zh_names)
    zh_given = {full: g for full, g in zh_names.items()
                if full not in tacc and full not in tbad}
    # Japanese given names -> Chinese chars (jp2t, t2s); distinct full names
    jfull = sorted(jassign)
    jt = jp_to_trad(jfull)
    js = CC.conv(list(jt.values()), "t2s.json")
    jp_given = {}
    seen_jp_t = collections.Counter()
    for n in jfull:
        s, r = jassign[n]
        full_s = js[jt[n]]
        if len(full_s) != len(n):
            continue
        seen_jp_t.update(jt[n][len(s):])
        jp_given[full_s] = full_s[len(s):]
    first, last, single_c = (collections.Counter() for _ in range(3))
    for pool in (zh_given, jp_given):
        for g in pool.values():
            if len(g) == 1:
                single_c[g] += 1
            else:
                first[g[0]] += 1
                last[g[-1]] += 1
    chars = set(first) | set(last) | set(single_c)
    vals = {c: (first[c], last[c], single_c[c]) for c in chars}
    allv = both_scripts(vals, seen_zh_t + seen_jp_t, st_self)
    grows = sorted(((c,) + v for c, v in allv.items()),
                   key=lambda r: (-(r[1] + r[2] + r[3]), r[0]))
    log(f"given: {len(zh_names)} Chinese names ({n_tw} from jieba-zh_TW), "
        f"{len(zh_names) - len(zh_given)} taken out as transliterations, "
        f"{len(jp_given)} Japanese names")
    write_tsv(os.path.join(outdir, "given_chars.tsv"), f"""
Characters of given names: in how many distinct full names of the sources
the char is the first / last char of a 2-3 char given name, or the whole
1-char given name.  The middle char of a 3-char given name is not counted.
Generated by {GEN}; see data/NOTICE.
Sources (permissive only; no NER research sets):
- jieba dict.txt (MIT): words tagged nr / nrfg, surname stripped by the
  longest match in surnames.tsv ({n_dict} names after filters);
- ldkrsi/jieba-zh_TW dict.txt (MIT): 3-char N words starting with a
  common surname, filtered against dict.txt ({n_tw} names, {len(zh_names) - n_dict} new);
- less {len(zh_names) - len(zh_given)} of these that look like transliterations (馬斯克);
- Chinese-Names-Corpus Japanese names (Apache-2.0), given part after the
  surname found for jp_surnames.tsv, in Chinese chars ({len(jp_given)} names).
Counts are kept on the Simplified form; a Traditional char (Taiwan / Hong
Kong OpenCC forms, and the chars seen in the Traditional sources) carries
the counts of its Simplified form, summed where several chars collapse
into one (鍾 鐘 -> 钟).
""", ("char", "first", "last", "single"), grows)

    # 5. non-name chars ----------------------------------------------------
    gsum = collections.Counter()
    for c in chars:
        gsum[c] = first[c] + last[c] + single_c[c]
    auto, final, rank = make_nonname(dict_s, gsum)
    log("nonname auto (%d): %s" % (len(auto), " ".join(f"{c}" for c in auto)))
    log("nonname final-but-name-ish: " + " ".join(
        f"{c}:{gsum[c]}" for c in sorted(final, key=lambda c: -gsum[c]) if gsum[c] > 20))
    why = {c: ("function" if c in FUNCTION else "common") for c in final}
    nall = both_scripts(why, collections.Counter(), set())
    nall = {c: ("function" if c in FUNCTION else w) for c, w in nall.items()}
    nrows = sorted(nall.items(), key=lambda kv: (kv[1] != "function",
                                                 rank.get(kv[0], 9999), kv[0]))
    tvals = {c: n for c, n in tcount.items() if n >= TRANSLIT_MIN and
             (c not in final or n >= TRANSLIT_NONNAME_MIN)}
    tall = both_scripts(tvals, seen_tr_t, st_self)
    trows = sorted(tall.items(), key=lambda kv: (-kv[1], kv[0]))
    log(f"translit: {len(tacc)} words, {len(tcount)} chars, {len(tvals)} kept")
    write_tsv(os.path.join(outdir, "translit_chars.tsv"), f"""
Characters used in Chinese transliterations of foreign (Western, Russian,
Arabic ...) names.  Generated by {GEN}; see data/NOTICE.
Sources: jieba dict.txt (MIT) words tagged nrt (transliterated names), nr,
nrfg, and the N words of ldkrsi/jieba-zh_TW dict.txt (MIT), classified as
transliterations by character models (method in {GEN},
make_translit): {len(tacc)} distinct words (Simplified), foreign place
names included.
freq: occurrences of the char in those words (Simplified); chars with
freq < {TRANSLIT_MIN} left out, and chars of nonname_chars.tsv with freq <
{TRANSLIT_NONNAME_MIN} (noise: 不, 但, 从).  A Traditional char carries the freq of its
Simplified form (summed where several collapse into one).
""", ("char", "freq"), trows)

    write_tsv(os.path.join(outdir, "nonname_chars.tsv"), f"""
Characters that almost never end or continue a Chinese given name: a
person-name candidate stops before them.  Generated by {GEN}; see
data/NOTICE.
Derived from jieba dict.txt (MIT) and given_chars.tsv: chars among the
{NONNAME_TOP} most frequent in dict.txt whose share of given-name positions is
< {NONNAME_RATIO:g} x their share of dict.txt, then reviewed by hand (lists
NONNAME_DROP / NONNAME_ADD in the script).  Both scripts (OpenCC forms).
why: function = function word (particle, preposition, conjunction,
pronoun, auxiliary, adverb); common = very common content char.
Note: some do occur in given names -- Japanese (和子, 哲也, 時雄), Korean
(文在寅) and a few Chinese (为民, 月娥): see the counts in given_chars.tsv.
""", ("char", "why"), nrows)


if __name__ == "__main__":
    main()
