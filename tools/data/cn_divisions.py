#!/usr/bin/env python3
"""Write the mainland China block of data/gazetteer/places.tsv: every
prefecture-level division (prefecture-level cities, autonomous
prefectures, leagues, prefectures) and the better-known county-level
cities.

usage: python3 tools/data/cn_divisions.py [PLACES_TSV]

The names below are public administrative facts, written by the jishi
developers from general knowledge in Traditional characters (the forms
Taiwan and Hong Kong media use); the Simplified forms are made with
Debian's `opencc` command (config t2s, Apache-2.0), run once on the whole
batch.  The block is written between the BEGIN and END comment lines of
the file (appended at its end the first time); rerunning replaces it.
Names already in the file outside the block are left out, so the block
never repeats a row.

Cities are given as "name" or "name:-":
  name   the bare common form (岳陽, 齊齊哈爾), as 廣州 above it in the
         file: the entity stage does not strip 市 itself, but reads 岳陽市
         whole from the lexicon word (jieba's 岳阳市/ns), and a row 岳陽市
         would make it read 義烏市|場, 溫州市|民 and 岳陽市|委 wrongly (the
         places are lexicon words too: see data/lexicon/sources.tsv)
  :-     no bare form, only name+市: the bare name is a common word
         (東方, 合作, 安寧), a person's name (尚志, 海倫, 建德, the Japanese 松原), another
         place (德州 Texas, 吉林 the province, 潮州 and 吉安 in Taiwan,
         大同 in Taipei, 東寧路 in Tainan), or begins a common word or name (大理石, 石獅子,
         哈密瓜 哈密爾頓, 新密碼, 玉樹臨風, 海東青, 大同小異, 東台灣, 平湖秋月,
         北安普敦), or is read inside common text (英德 英國和德國, 和龍
         和|龍崗區, 日照 日照時間, 巴中 巴中關係, 三明 三明治).
Autonomous prefectures, leagues and prefectures give their full name
(延邊朝鮮族自治州, 錫林郭勒盟, 阿克蘇地區) and the short X州 where it is in
common use (延邊州).
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
BEGIN = "# BEGIN mainland China divisions (tools/data/cn_divisions.py)"
END = "# END mainland China divisions"

HEADER = """\
# Mainland China below the provinces, from tools/data/cn_divisions.py:
# every prefecture-level division (prefecture-level cities: kind city;
# autonomous prefectures, leagues and prefectures: kind division, full
# name and the short X州) and the better-known county-level cities (kind
# city).  Public administrative facts written by the jishi developers;
# Traditional forms by hand, Simplified by OpenCC t2s.  Bare forms as for
# 廣州 above (岳陽市 is read whole from the lexicon); the form with 市
# only where the bare name is left out as a common word, a person's name,
# another place or the start of a common word (東方市, 尚志市, 德州市
# beside 德州 Texas, 大理市: 大理石; tools/data/cn_divisions.py lists
# them)."""

# ---- prefecture-level cities, by province ------------------------------
# "name" or "name:-" (no bare form, name+市 only)
PREF_CITIES = {
    "河北": "石家莊 唐山 秦皇島 邯鄲 邢台 邢臺 保定 張家口 承德 滄州 廊坊 衡水",
    "山西": "太原 大同:- 陽泉 長治:- 晉城 朔州 晉中 運城 忻州 臨汾 呂梁",
    "內蒙古": "呼和浩特 包頭 烏海 赤峰 通遼 鄂爾多斯 呼倫貝爾 巴彥淖爾 烏蘭察布",
    "遼寧": "瀋陽 大連 鞍山 撫順 本溪 丹東 錦州 營口 阜新 遼陽 盤錦 鐵嶺 "
            "朝陽:- 葫蘆島",
    "吉林": "長春 吉林:- 四平:- 遼源 通化 白山:- 松原:- 白城",
    "黑龍江": "哈爾濱 齊齊哈爾 雞西 鶴崗 雙鴨山 大慶 伊春 佳木斯 七台河 七臺河 "
              "牡丹江 黑河 綏化",
    "江蘇": "南京 無錫 徐州 常州 蘇州 南通 連雲港 淮安 鹽城 揚州 鎮江 泰州 宿遷",
    "浙江": "杭州 寧波 溫州 嘉興 湖州 紹興 金華 衢州 舟山 台州 麗水",
    "安徽": "合肥 蕪湖 蚌埠 淮南 馬鞍山 淮北 銅陵 安慶 黃山 滁州 阜陽 宿州 "
            "六安 亳州 池州 宣城",
    "福建": "福州 廈門 莆田 三明:- 泉州 漳州 南平 龍岩 寧德",
    "江西": "南昌 景德鎮 萍鄉 九江 新餘 鷹潭 贛州 吉安:- 宜春 撫州 上饒",
    "山東": "濟南 青島 淄博 棗莊 東營 煙台 濰坊 濟寧 泰安 威海 日照:- 臨沂 "
            "德州:- 聊城 濱州 菏澤",
    "河南": "鄭州 開封 洛陽 平頂山 安陽 鶴壁 新鄉 焦作 濮陽 許昌 漯河 三門峽 "
            "南陽 商丘 信陽 周口 駐馬店",
    "湖北": "武漢 黃石:- 十堰 宜昌 襄陽 鄂州 荊門 孝感 荊州 黃岡 咸寧 隨州",
    "湖南": "長沙 株洲 湘潭 衡陽 邵陽 岳陽 常德 張家界 益陽 郴州 永州 懷化 婁底",
    "廣東": "廣州 韶關 深圳 珠海 汕頭 佛山 江門 湛江 茂名 肇慶 惠州 梅州 汕尾 "
            "河源 陽江 清遠 東莞 中山:- 潮州:- 揭陽 雲浮",
    "廣西": "南寧 柳州 桂林 梧州 北海:- 防城港 欽州 貴港 玉林 百色 賀州 河池 "
            "來賓:- 崇左",
    "海南": "海口 三亞 三沙 儋州",
    "四川": "成都 自貢 攀枝花 瀘州 德陽 綿陽 廣元 遂寧 內江 樂山 南充 眉山 "
            "宜賓 廣安 達州 雅安 巴中:- 資陽",
    "貴州": "貴陽 六盤水 遵義 安順 畢節 銅仁",
    "雲南": "昆明 曲靖 玉溪 保山 昭通 麗江 普洱:- 臨滄",
    "西藏": "拉薩 日喀則 昌都 林芝:- 山南:- 那曲",
    "陝西": "西安 銅川 寶雞 咸陽 渭南 延安 漢中 榆林 安康:- 商洛",
    "甘肅": "蘭州 嘉峪關 金昌 白銀:- 天水 武威 張掖 平涼 酒泉 慶陽 定西 隴南",
    "青海": "西寧 海東:-",
    "寧夏": "銀川 石嘴山 吳忠:- 固原 中衛:-",
    "新疆": "烏魯木齊 克拉瑪依 吐魯番 哈密:-",
}

# autonomous prefectures: (full name, short X州 or "", bare or "")
AUTONOMOUS = [
    ("延邊朝鮮族自治州", "延邊州", "延邊"),
    ("恩施土家族苗族自治州", "恩施州", "恩施"),
    ("湘西土家族苗族自治州", "湘西州", "湘西"),
    ("阿壩藏族羌族自治州", "阿壩州", "阿壩"),
    ("甘孜藏族自治州", "甘孜州", "甘孜"),
    ("涼山彝族自治州", "涼山州", "涼山"),
    ("黔西南布依族苗族自治州", "黔西南州", "黔西南"),
    ("黔東南苗族侗族自治州", "黔東南州", "黔東南"),
    ("黔南布依族苗族自治州", "黔南州", "黔南"),
    ("楚雄彝族自治州", "楚雄州", "楚雄"),
    ("紅河哈尼族彝族自治州", "紅河州", ""),      # 紅河: the Red River
    ("文山壯族苗族自治州", "文山州", ""),        # 文山: Taipei's 文山區
    ("西雙版納傣族自治州", "西雙版納州", "西雙版納"),
    ("大理白族自治州", "大理州", ""),          # 大理石, 大理寺
    ("德宏傣族景頗族自治州", "德宏州", "德宏"),
    ("怒江傈僳族自治州", "怒江州", ""),          # 怒江: the river
    ("迪慶藏族自治州", "迪慶州", "迪慶"),
    ("臨夏回族自治州", "臨夏州", "臨夏"),
    ("甘南藏族自治州", "甘南州", "甘南"),
    ("海北藏族自治州", "海北州", ""),            # 天南海北
    ("黃南藏族自治州", "黃南州", ""),
    ("海南藏族自治州", "海南州", ""),            # 海南: the province
    ("果洛藏族自治州", "果洛州", "果洛"),
    ("玉樹藏族自治州", "玉樹州", ""),          # 玉樹臨風
    ("海西蒙古族藏族自治州", "海西州", ""),      # 海西: 海峽西岸
    ("昌吉回族自治州", "昌吉州", "昌吉"),
    ("博爾塔拉蒙古自治州", "博州", "博爾塔拉"),
    ("巴音郭楞蒙古自治州", "巴州", "巴音郭楞"),
    ("克孜勒蘇柯爾克孜自治州", "克州", "克孜勒蘇"),
    ("伊犁哈薩克自治州", "伊犁州", "伊犁"),
]
# short forms of one character and 州 not listed (博州, 巴州, 克州: 巴州 is
# also a district of 巴中)
SKIP_SHORT = {"博州", "巴州", "克州"}

# leagues and prefectures: (full name, bare or "")
LEAGUES_PREFECTURES = [
    ("興安盟", ""),            # 興安: 興安嶺
    ("錫林郭勒盟", "錫林郭勒"),
    ("阿拉善盟", "阿拉善"),
    ("大興安嶺地區", "大興安嶺"),
    ("阿里地區", ""),          # 阿里: a given name, 阿里巴巴
    ("阿克蘇地區", "阿克蘇"),
    ("喀什地區", "喀什"),
    ("和田地區", ""),          # 和田: the Japanese surname Wada
    ("塔城地區", "塔城"),
    ("阿勒泰地區", "阿勒泰"),
]

# ---- county-level cities, the better known, by province ----------------
COUNTY_CITIES = {
    "河北": "辛集 晉州 新樂:- 遵化 遷安 灤州 武安 南宮:- 沙河:- 涿州 定州 "
            "安國:- 高碑店 平泉 泊頭 任丘 黃驊 河間 霸州 三河:- 深州",
    "山西": "古交 高平:- 介休 永濟 河津 原平:- 侯馬 霍州 孝義:- 汾陽 懷仁:-",
    "內蒙古": "滿洲里 牙克石 扎蘭屯 額爾古納 根河:- 霍林郭勒 二連浩特 錫林浩特 "
              "烏蘭浩特 阿爾山",
    "遼寧": "瓦房店 莊河 海城 東港:- 鳳城 凌海 北鎮:- 大石橋 蓋州 燈塔:- "
            "調兵山 開原 北票:- 凌源 興城 新民:-",
    "吉林": "榆樹:- 德惠:- 蛟河 樺甸 舒蘭:- 磐石:- 公主嶺 雙遼 梅河口 集安 "
            "臨江:- 扶餘 洮南 大安:- 延吉 圖們 敦化:- 琿春 龍井:- 和龍:-",
    "黑龍江": "尚志:- 五常:- 訥河 虎林 密山 鐵力:- 同江 富錦 撫遠 綏芬河 "
              "海林:- 寧安:- 穆稜 東寧:- 北安:- 五大連池 嫩江 安達:- 肇東 海倫:- 漠河",
    "江蘇": "江陰 宜興 新沂 邳州 溧陽 常熟 張家港 昆山 太倉 啟東 如皋 海安 "
            "東台:- 儀徵 高郵 丹陽 揚中 句容 興化 靖江 泰興",
    "浙江": "建德:- 餘姚 慈溪 瑞安 樂清 龍港 海寧 平湖:- 桐鄉 諸暨 嵊州 蘭溪 "
            "義烏 東陽 永康:- 江山:- 溫嶺 臨海:- 玉環:- 龍泉:-",
    "安徽": "巢湖 無為:- 天長:- 明光:- 界首 桐城 潛山 寧國:- 廣德:-",
    "福建": "福清 永安:- 石獅:- 晉江 南安 邵武 武夷山 建甌 漳平 福安:- 福鼎",
    "江西": "樂平:- 瑞昌 共青城 廬山 貴溪 瑞金 龍南:- 井岡山 豐城 樟樹:- "
            "高安:- 德興:-",
    "山東": "膠州 平度 萊西 滕州 龍口 萊陽 萊州 招遠 棲霞 海陽:- 青州 諸城 "
            "壽光 安丘 高密:- 昌邑 曲阜 鄒城 新泰 肥城 榮成 乳山 樂陵 禹城 "
            "臨清 鄒平",
    "河南": "鞏義 滎陽 新密:- 新鄭 登封 舞鋼 汝州 林州 衛輝 沁陽 孟州 禹州 "
            "長葛 義馬 靈寶:- 鄧州 永城 項城 濟源",
    "湖北": "大冶 丹江口 宜都 當陽 枝江 老河口 棗陽 宜城 鍾祥 京山 應城 安陸 "
            "漢川 石首:- 洪湖 松滋 監利 麻城 武穴 赤壁 廣水 利川 恩施 仙桃 "
            "潛江 天門:-",
    "湖南": "瀏陽 寧鄉 醴陵 湘鄉 韶山 耒陽 常寧:- 武岡 邵東 汨羅 臨湘 沅江 "
            "資興 冷水江 漣源 吉首 洪江",
    "廣東": "樂昌 南雄 台山 開平 鶴山 恩平 廉江 雷州 吳川 高州 化州 信宜 四會 "
            "興寧 陸豐 陽春:- 英德:- 連州 普寧 羅定",
    "廣西": "岑溪 東興 桂平 北流:- 靖西 荔浦 憑祥 平果",
    "海南": "五指山 瓊海 文昌 萬寧 東方:-",
    "四川": "都江堰 彭州 邛崍 崇州 簡陽 廣漢 什邡 綿竹 江油 閬中 峨眉山 華鎣 "
            "萬源 西昌 康定 馬爾康 射洪 隆昌",
    "貴州": "清鎮 赤水 仁懷 凱里 都勻 興義 福泉 盤州",
    "雲南": "安寧:- 宣威 騰衝 瑞麗 景洪 個舊 開遠 蒙自 彌勒:- 楚雄 大理:- 文山:-",
    "陝西": "興平 彬州 韓城 華陰 神木",
    "甘肅": "玉門 敦煌 合作:- 臨夏",
    "青海": "格爾木 德令哈 玉樹:-",
    "寧夏": "靈武 青銅峽",
    "新疆": "石河子 阿拉爾 五家渠 昌吉 阜康 博樂 庫爾勒 阿克蘇 庫車 阿圖什 "
            "伊寧 奎屯 霍爾果斯 塔城 烏蘇 阿勒泰 和田:-",
}
# county-level cities whose name already ends in 市 (listed as they are)
WHOLE = ["芒市"]


def entries():
    """(Traditional name, kind) rows in order, before the Simplified forms
    and the check against the rest of the file."""
    rows = []

    def city(spec):
        for item in spec.split():
            name, _, flags = item.partition(":")
            if "-" not in flags:
                rows.append((name, "city"))
            if "-" in flags:
                rows.append((name + "市", "city"))

    rows.append(("# prefecture-level cities", None))
    for spec in PREF_CITIES.values():
        city(spec)
    rows.append(("# autonomous prefectures, leagues, prefectures", None))
    for full, short, bare in AUTONOMOUS:
        rows.append((full, "division"))
        if short and short not in SKIP_SHORT:
            rows.append((short, "division"))
        if bare:
            rows.append((bare, "division"))
    for full, bare in LEAGUES_PREFECTURES:
        rows.append((full, "division"))
        if bare:
            rows.append((bare, "division"))
    rows.append(("# county-level cities", None))
    for spec in COUNTY_CITIES.values():
        city(spec)
    for name in WHOLE:
        rows.append((name, "city"))
    return rows


def t2s(names):
    out = subprocess.run(["opencc", "-c", "t2s"], input="\n".join(names) + "\n",
                         capture_output=True, text=True, check=True).stdout
    conv = out.split("\n")[: len(names)]
    assert len(conv) == len(names)
    return dict(zip(names, conv))


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        REPO, "data", "gazetteer", "places.tsv")
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    # the file without this script's block
    if BEGIN in lines:
        b = lines.index(BEGIN)
        e = lines.index(END, b)
        rest = lines[:b] + lines[e + 1:]
        at = b
    else:
        rest = lines
        while rest and rest[-1] == "":
            rest.pop()
        at = None
    known = {ln.split("\t")[0] for ln in rest
             if ln and not ln.startswith("#") and "\t" in ln}

    rows = entries()
    simp = t2s([n for n, k in rows if k])
    block, seen = [], set(known)
    for name, kind in rows:
        if kind is None:
            block.append(name)
            continue
        for form in (name, simp[name]):
            if form in seen:
                continue
            seen.add(form)
            block.append(f"{form}\tCHN\t{kind}")
    block = [BEGIN] + HEADER.split("\n") + block + [END]
    if at is None:
        out = rest + [""] + block
    else:
        out = rest[:at] + block + rest[at:]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    n = sum(1 for ln in block if "\t" in ln)
    print(f"{path}: {n} rows in the block", file=sys.stderr)


if __name__ == "__main__":
    main()
