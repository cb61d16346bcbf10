#!/usr/bin/env python3
"""Generate data/gazetteer/countries.tsv (name, country, form).

Sources:
  - countries_iso3166_zh.tsv from the shared data (CLDR 48.2 zh / zh-Hant /
    zh-Hant-HK territory names and alt forms, Unicode-3.0; i18n-iso-countries
    7.14.0 zh names, MIT), all 250 rows;
  - the hand-written long forms, aliases and one-character abbreviations in
    EXTRA below (public facts: official names and the forms Taiwan, Hong
    Kong and mainland media use).
Every form is written in the other script and in the Taiwan / Hong Kong
standards with Debian's opencc (configs t2s, s2t, s2tw, s2twp, s2hk), then
the forms are deduplicated (one row per name).

Usage: tools/data/make_countries.py [SOURCE_TSV] > data/gazetteer/countries.tsv
  SOURCE_TSV defaults to
  /work/shared/data/lexicons/countries/countries_iso3166_zh.tsv
"""
import csv
import subprocess
import sys

SOURCE = "/work/shared/data/lexicons/countries/countries_iso3166_zh.tsv"

FORMS = ("short", "long", "alias", "abbr")

# Source names that must not become name forms.
EXCLUDE = {
    ("中国台湾省", "TWN"),  # i18n-iso-countries: a PRC administrative label
    # CLDR variants that only add a parenthesised second name
    ("福克兰群岛（马尔维纳斯群岛）", "FLK"),
    ("福克蘭群島（馬爾維納斯群島）", "FLK"),
    # short forms that news text mostly uses for something else, also as
    # parts of longer words (names are matched as substrings): 中非 =
    # China-Africa (中非合作論壇, 生活中非常), 查德 in 理查德 (Richard)
    ("中非", "CAF"),
    ("查德", "TCD"),
}

# Form of a source name when it is not "short" (the usual name).
SOURCE_FORM = {
    "中国香港特别行政区": "long",
    "中國香港特別行政區": "long",
    "中国澳门特别行政区": "long",
    "中國澳門特別行政區": "long",
    "巴勒斯坦领土": "alias",
    "巴勒斯坦領土": "alias",
    "巴勒斯坦自治區": "alias",
    "阿拉伯撒哈拉民主共和国": "alias",
    "圣赫勒拿、阿森松和特里斯坦-达库尼亚": "long",
    "密克罗尼西亚联邦": "long",
}
# CLDR "variant" alt forms: long when an official full name, else alias.
VARIANT_LONG = {"刚果共和国", "剛果共和國", "刚果民主共和国", "剛果民主共和國",
                "捷克共和国", "捷克共和國"}

# Hand-written forms: code -> {form: [names]}.  Written as used (Taiwan,
# Hong Kong or mainland); the other scripts are generated.  Left out on
# purpose because they are parts of common longer words: 日本國 (日本國內),
# 以色列國 (以色列國家), 法蘭西 (法蘭西斯), 大馬 (Malaysia; 大馬路).
EXTRA = {
    "CHN": {"long": ["中華人民共和國"],
            "alias": ["中共", "大陸", "中國大陸", "內地", "中國內地"],
            "abbr": ["中", "華"]},
    "TWN": {"short": ["台灣", "臺灣"],
            "long": ["中華民國"],
            "alias": ["中華台北", "中華臺北", "台灣地區", "臺灣地區", "中國台灣"],
            "abbr": ["台", "臺"]},
    "HKG": {"alias": ["香港特別行政區", "香港特區", "香港特区"],
            },
    "MAC": {"alias": ["澳門特別行政區", "澳門特區", "澳门特区"]},
    "KOR": {"short": ["南韓", "韓國"],
            "long": ["大韓民國"],
            "alias": ["南朝鮮"],
            "abbr": ["韓"]},
    "PRK": {"short": ["北韓", "朝鮮"],
            "long": ["朝鮮民主主義人民共和國"],
            "alias": ["北朝鮮"],
            "abbr": ["朝"]},
    "JPN": {"abbr": ["日"]},
    "USA": {"long": ["美利堅合眾國"], "alias": ["美利堅"], "abbr": ["美"]},
    "RUS": {"long": ["俄羅斯聯邦"], "alias": ["俄國"], "abbr": ["俄"]},
    "GBR": {"long": ["大不列顛及北愛爾蘭聯合王國", "大不列颠及北爱尔兰联合王国"],
            "alias": ["聯合王國", "英倫"],
            "abbr": ["英"]},
    "FRA": {"long": ["法蘭西共和國"], "abbr": ["法"]},
    "DEU": {"long": ["德意志聯邦共和國"], "alias": ["德意志"], "abbr": ["德"]},
    "ITA": {"short": ["義大利", "意大利"],
            "long": ["義大利共和國", "意大利共和國"],
            "abbr": ["義", "意"]},
    "CAN": {"abbr": ["加"]},
    "AUS": {"short": ["澳洲", "澳大利亞"],
            "long": ["澳大利亞聯邦"],
            },
    "NZL": {"short": ["紐西蘭", "新西蘭"]},
    "IND": {"long": ["印度共和國"], "abbr": ["印"]},
    "IDN": {"short": ["印尼", "印度尼西亞"], "long": ["印度尼西亞共和國"]},
    "BRA": {"long": ["巴西聯邦共和國"]},
    "MEX": {"long": ["墨西哥合眾國"], "abbr": ["墨"]},
    "ARG": {"long": ["阿根廷共和國"]},
    "SAU": {"short": ["沙烏地阿拉伯", "沙特阿拉伯", "沙地阿拉伯"],
            "long": ["沙烏地阿拉伯王國", "沙特阿拉伯王國"],
            "alias": ["沙特", "沙烏地"]},
    "TUR": {"long": ["土耳其共和國"]},
    "ZAF": {"long": ["南非共和國"]},
    "VNM": {"long": ["越南社會主義共和國"], "abbr": ["越"]},
    "THA": {"long": ["泰王國"], "abbr": ["泰"]},
    "PHL": {"long": ["菲律賓共和國"], "abbr": ["菲"]},
    "SGP": {"long": ["新加坡共和國"], "alias": ["星洲", "獅城"]},
    "MMR": {"long": ["緬甸聯邦共和國"], "abbr": ["緬"]},
    "KHM": {"long": ["柬埔寨王國"], "abbr": ["柬"]},
    "LAO": {"short": ["寮國", "老撾"],
            "long": ["寮人民民主共和國", "老撾人民民主共和國"]},
    "BRN": {"short": ["汶萊", "文萊"]},
    "TLS": {"long": ["東帝汶民主共和國"]},
    "MNG": {"long": ["蒙古國"], "abbr": ["蒙"]},
    "ISR": {"abbr": ["以"]},
    "PSE": {"long": ["巴勒斯坦國"]},
    "IRN": {"long": ["伊朗伊斯蘭共和國"]},
    "IRQ": {"long": ["伊拉克共和國"]},
    "SYR": {"long": ["敘利亞阿拉伯共和國"], "abbr": ["敘"]},
    "EGY": {"long": ["埃及阿拉伯共和國"]},
    "PAK": {"long": ["巴基斯坦伊斯蘭共和國"]},
    "UKR": {"short": ["烏克蘭"], "abbr": ["烏"]},
    "BLR": {"alias": ["白俄"]},
    "VAT": {"long": ["梵蒂岡城國"], "alias": ["教廷", "羅馬教廷"]},
    "ARE": {"short": ["阿聯酋", "阿聯"]},
    "QAT": {"short": ["卡達", "卡塔爾"]},
    "COD": {"alias": ["剛果金", "民主剛果"]},
    "COG": {"alias": ["剛果布"]},
    "SWZ": {"alias": ["埃斯瓦蒂尼"]},
    "CCK": {"alias": ["科科斯群島"]},
    "NLD": {"abbr": ["荷"]},
    "PRT": {"abbr": ["葡"]},
    "XKK": {},
    # former states, with the codes of PETRARCH2's Phoenix.Countries
    # actors (SUN, CSK, DDR, SCG) and ISO 3166-3's YUG for the SFR
    # Yugoslavia: reports about history and older news name them
    "SUN": {"short": ["蘇聯"], "long": ["蘇維埃社會主義共和國聯盟"]},
    "YUG": {"short": ["南斯拉夫"],
            "long": ["南斯拉夫社會主義聯邦共和國"]},
    "SCG": {"short": ["南聯盟", "塞爾維亞和黑山", "塞黑"],
            "long": ["南斯拉夫聯盟共和國"]},
    "CSK": {"short": ["捷克斯洛伐克"]},
    "DDR": {"short": ["東德"], "long": ["德意志民主共和國"]},
}

CONFIGS = ("t2s", "s2t", "s2tw", "s2twp", "s2hk")

# OpenCC's s2t turns the transliteration characters 里 and 托 into 裏/裡
# and 託 (馬裏 for 馬里 = Mali), s2hk writes 羣 and 峯 for 群 and 峰, which
# Hong Kong media do not use in names (所羅門群島); a generated form with one
# of these characters that its seed lacks is dropped.
BAD_TRAD = "裏裡託捨羣峯巖釐"


def opencc(config, words):
    """Convert a list of single-line strings with opencc -c CONFIG.json."""
    if not words:
        return []
    out = subprocess.run(["opencc", "-c", config + ".json"],
                         input="\n".join(words) + "\n",
                         capture_output=True, text=True, check=True).stdout
    res = out.split("\n")[:len(words)]
    assert len(res) == len(words), config
    return res


def normalise(name):
    """Han names: no spaces; ASCII parentheses as full-width ones."""
    name = name.strip().replace(" ", "").replace("\u3000", "")
    return name.replace("(", "（").replace(")", "）")


def variants(names, configs=CONFIGS):
    """name -> set of its forms in both scripts and the TW/HK standards."""
    names = sorted(set(names))
    simp = opencc("t2s", names)
    conv = {c: opencc(c, simp) for c in configs if c != "t2s"}
    res = {}
    for i, n in enumerate(names):
        forms = {n, simp[i]}
        for c in conv:
            forms.add(conv[c][i])
        res[n] = {v for v in forms
                  if not any(ch in v and ch not in n for ch in BAD_TRAD)}
    # the Simplified form of every generated Traditional one (法屬蓋亞那);
    # hk2s also maps the Hong Kong variants (敍, 衞) that t2s keeps
    gen = sorted({v for fs in res.values() for v in fs})
    simp2 = dict(zip(gen, opencc("hk2s", gen)))
    for n in res:
        res[n] |= {simp2[v] for v in res[n]}
    return res


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else SOURCE
    seeds = []  # (name, code, form, rank): rank 0 = hand-written
    with open(src, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            code = row["alpha3"]
            for col in ("zh_Hans_cldr", "zh_Hant_cldr", "zh_Hant_HK_cldr",
                        "zh_i18n_iso_countries"):
                n = row[col]
                if n and (n, code) not in EXCLUDE:
                    seeds.append((normalise(n), code,
                                  SOURCE_FORM.get(n, "short"), 1))
            for alt in filter(None, row["cldr_alt_forms"].split("; ")):
                kind, _, n = alt.partition(":")[2].partition("=")
                if not n or (n, code) in EXCLUDE:
                    continue
                if kind == "short":
                    form = "short"
                elif n in VARIANT_LONG:
                    form = "long"
                else:
                    form = "alias"
                seeds.append((normalise(n), code, form, 1))
    for code, forms in EXTRA.items():
        for form, names in forms.items():
            assert form in FORMS, form
            for n in names:
                seeds.append((normalise(n), code, form, 0))

    var = variants([s[0] for s in seeds])
    best = {}  # name -> (rank, form index, code, form)
    conflicts = []
    for n, code, form, rank in seeds:
        for v in var[n]:
            v = normalise(v)
            key = (rank, FORMS.index(form), code, form)
            old = best.get(v)
            if old and old[2] != code:
                conflicts.append((v, old[2], code))
                if old[:2] <= key[:2]:
                    continue
            elif old and old <= key:
                continue
            best[v] = key
    for n, code in EXCLUDE:  # also when OpenCC generates them (乍得 -> 查德)
        if n in best and best[n][2] == code:
            del best[n]
    for v, a, b in sorted(set(conflicts)):
        print("conflict: %s %s %s" % (v, a, b), file=sys.stderr)

    rows = sorted(((code, FORMS.index(form), len(n), n, form)
                   for n, (_, _, code, form) in best.items()))
    out = sys.stdout
    out.write("# Country names (one row per surface form) with ISO 3166-1 alpha-3\n"
              "# codes (= CAMEO country codes; XKK = Kosovo, no ISO code).\n"
              "# Generated by tools/data/make_countries.py from CLDR 48.2\n"
              "# (zh, zh-Hant, zh-Hant-HK; Unicode-3.0) and i18n-iso-countries\n"
              "# 7.14.0 (zh; MIT) names plus hand-written official names,\n"
              "# aliases and abbreviations; other scripts by OpenCC. Do not edit\n"
              "# by hand: change the script and rerun it.\n"
              "# form: short (usual name), long (official name), alias (other\n"
              "# name used in media), abbr (one character, as in 美日韓).\n")
    out.write("name\tcountry\tform\n")
    for code, _, _, n, form in rows:
        out.write("%s\t%s\t%s\n" % (n, code, form))


if __name__ == "__main__":
    main()
