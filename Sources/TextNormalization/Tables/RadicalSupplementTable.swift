/// CJK Radicals Supplement (U+2E80–U+2EFF) → the unified ideograph each radical form stands for.
///
/// NFKC maps only two of these (⺟ U+2E9F and ⻳ U+2EF3), yet OCR and some PDF fonts emit them for ordinary
/// characters (⻄ for 西, ⻓ for 长, ⻚ for 页). Source: the equivalences of Unicode's
/// `EquivalentUnifiedIdeograph.txt`, written out here for the characters whose equivalent is a BMP ideograph;
/// radical forms with no single equivalent (⺀ ⺇ ⺈ ⺑ ⻇ ⻕ ⻞ ⻡ …) are left alone. One entry per line, the comment
/// showing the pair.
enum RadicalSupplementTable {
    static let equivalents: [UInt32: UInt32] = [
        0x2E81: 0x5382,  // ⺁ → 厂
        0x2E82: 0x4E5B,  // ⺂ → 乛
        0x2E83: 0x4E5A,  // ⺃ → 乚
        0x2E84: 0x4E59,  // ⺄ → 乙
        0x2E85: 0x4EBB,  // ⺅ → 亻
        0x2E86: 0x5182,  // ⺆ → 冂
        0x2E89: 0x5202,  // ⺉ → 刂
        0x2E8A: 0x535C,  // ⺊ → 卜
        0x2E8B: 0x353E,  // ⺋ → 㔾
        0x2E8C: 0x5C0F,  // ⺌ → 小
        0x2E8D: 0x5C0F,  // ⺍ → 小
        0x2E8E: 0x5140,  // ⺎ → 兀
        0x2E8F: 0x5C23,  // ⺏ → 尣
        0x2E90: 0x5C22,  // ⺐ → 尢
        0x2E92: 0x5DF3,  // ⺒ → 巳
        0x2E93: 0x5E7A,  // ⺓ → 幺
        0x2E94: 0x5F51,  // ⺔ → 彑
        0x2E96: 0x5FC4,  // ⺖ → 忄
        0x2E97: 0x38FA,  // ⺗ → 㣺
        0x2E98: 0x624C,  // ⺘ → 扌
        0x2E99: 0x6535,  // ⺙ → 攵
        0x2E9B: 0x65E1,  // ⺛ → 旡
        0x2E9C: 0x65E5,  // ⺜ → 日
        0x2E9D: 0x6708,  // ⺝ → 月
        0x2E9E: 0x6B7A,  // ⺞ → 歺
        0x2E9F: 0x6BCD,  // ⺟ → 母 (NFKC agrees)
        0x2EA0: 0x6C11,  // ⺠ → 民
        0x2EA1: 0x6C35,  // ⺡ → 氵
        0x2EA2: 0x6C3A,  // ⺢ → 氺
        0x2EA3: 0x706C,  // ⺣ → 灬
        0x2EA4: 0x722B,  // ⺤ → 爫
        0x2EA6: 0x4E2C,  // ⺦ → 丬
        0x2EA7: 0x725B,  // ⺧ → 牛
        0x2EA8: 0x72AD,  // ⺨ → 犭
        0x2EA9: 0x738B,  // ⺩ → 王
        0x2EAA: 0x758B,  // ⺪ → 疋
        0x2EAB: 0x76EE,  // ⺫ → 目
        0x2EAC: 0x793A,  // ⺬ → 示
        0x2EAD: 0x793B,  // ⺭ → 礻
        0x2EAE: 0x7AF9,  // ⺮ → 竹
        0x2EAF: 0x7CF8,  // ⺯ → 糸
        0x2EB0: 0x7E9F,  // ⺰ → 纟
        0x2EB1: 0x7F52,  // ⺱ → 罒
        0x2EB2: 0x7F52,  // ⺲ → 罒
        0x2EB3: 0x34C1,  // ⺳ → 㓁
        0x2EB4: 0x7F53,  // ⺴ → 罓
        0x2EB6: 0x7F8A,  // ⺶ → 羊
        0x2EB7: 0x7F8A,  // ⺷ → 羊
        0x2EB9: 0x8002,  // ⺹ → 耂
        0x2EBA: 0x8080,  // ⺺ → 肀
        0x2EBC: 0x6708,  // ⺼ → 月 (the "meat" form)
        0x2EBD: 0x81FC,  // ⺽ → 臼
        0x2EBE: 0x8279,  // ⺾ → 艹
        0x2EBF: 0x8279,  // ⺿ → 艹
        0x2EC0: 0x8279,  // ⻀ → 艹
        0x2EC1: 0x864E,  // ⻁ → 虎
        0x2EC2: 0x8864,  // ⻂ → 衤
        0x2EC3: 0x8980,  // ⻃ → 覀
        0x2EC4: 0x897F,  // ⻄ → 西
        0x2EC5: 0x89C1,  // ⻅ → 见
        0x2EC6: 0x89D2,  // ⻆ → 角
        0x2EC8: 0x8BA0,  // ⻈ → 讠
        0x2EC9: 0x8D1D,  // ⻉ → 贝
        0x2ECA: 0x8DB3,  // ⻊ → 足
        0x2ECB: 0x8F66,  // ⻋ → 车
        0x2ECC: 0x8FB6,  // ⻌ → 辶
        0x2ECD: 0x8FB6,  // ⻍ → 辶
        0x2ECE: 0x8FB6,  // ⻎ → 辶
        0x2ECF: 0x961D,  // ⻏ → 阝 (right-hand "city" form)
        0x2ED0: 0x9485,  // ⻐ → 钅
        0x2ED1: 0x9577,  // ⻑ → 長
        0x2ED2: 0x9578,  // ⻒ → 镸
        0x2ED3: 0x957F,  // ⻓ → 长
        0x2ED4: 0x95E8,  // ⻔ → 门
        0x2ED6: 0x961D,  // ⻖ → 阝 (left-hand "mound" form)
        0x2ED7: 0x96E8,  // ⻗ → 雨
        0x2ED8: 0x9752,  // ⻘ → 青
        0x2ED9: 0x97E6,  // ⻙ → 韦
        0x2EDA: 0x9875,  // ⻚ → 页
        0x2EDB: 0x98CE,  // ⻛ → 风
        0x2EDC: 0x98DE,  // ⻜ → 飞
        0x2EDD: 0x98DF,  // ⻝ → 食
        0x2EDF: 0x98E0,  // ⻟ → 飠
        0x2EE0: 0x9963,  // ⻠ → 饣
        0x2EE2: 0x9A6C,  // ⻢ → 马
        0x2EE3: 0x9AA8,  // ⻣ → 骨
        0x2EE4: 0x9B3C,  // ⻤ → 鬼
        0x2EE5: 0x9C7C,  // ⻥ → 鱼
        0x2EE6: 0x9E1F,  // ⻦ → 鸟
        0x2EE7: 0x5364,  // ⻧ → 卤
        0x2EE8: 0x9EA6,  // ⻨ → 麦
        0x2EE9: 0x9EC4,  // ⻩ → 黄
        0x2EEA: 0x9EFE,  // ⻪ → 黾
        0x2EEB: 0x6589,  // ⻫ → 斉
        0x2EEC: 0x9F50,  // ⻬ → 齐
        0x2EED: 0x6B6F,  // ⻭ → 歯
        0x2EEE: 0x9F7F,  // ⻮ → 齿
        0x2EEF: 0x7ADC,  // ⻯ → 竜
        0x2EF0: 0x9F99,  // ⻰ → 龙
        0x2EF1: 0x9F9C,  // ⻱ → 龜
        0x2EF2: 0x4E80,  // ⻲ → 亀
        0x2EF3: 0x9F9F,  // ⻳ → 龟 (NFKC agrees)
    ]
}
