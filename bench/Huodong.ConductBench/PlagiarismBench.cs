using System.Diagnostics;
using System.Text;
using Huodong.Web.Conduct.Cheating;
using Huodong.Web.Conduct.Filter;

/// <summary>
/// The plagiarism check (M3.3) over N submissions of realistic Chinese essays with planted near-duplicates: the
/// production code's MinHash signatures and LSH band keys, an in-memory band index playing the SubmissionBands table,
/// and the same verification (estimated similarity ≥ 0.5 against earlier submissions by others). Reports the time,
/// the recall of the planted pairs per edit level, the flags that were not planted, and an all-pairs comparison of
/// the same signatures for reference.
/// </summary>
public static class PlagiarismBench
{
    private static readonly string[] Words =
    [
        "社区", "活动", "邻居", "周末", "大家", "一起", "参加", "志愿者", "老人", "孩子", "图书馆", "读书会", "分享", "感受",
        "非常", "开心", "第一次", "今年", "去年", "春天", "夏天", "秋天", "冬天", "早上", "晚上", "公园", "广场", "花园",
        "种植", "蔬菜", "番茄", "垃圾分类", "环保", "回收", "旧衣服", "捐赠", "义诊", "医生", "血压", "健康", "锻炼", "跑步",
        "太极拳", "广场舞", "书法", "绘画", "摄影", "手机", "拍照", "视频", "直播", "抽奖", "奖品", "积分", "报名", "签到",
        "打卡", "任务", "完成", "坚持", "习惯", "学习", "知识", "讲座", "老师", "同学", "朋友", "家人", "父母", "爷爷", "奶奶",
        "小区", "物业", "楼道", "电梯", "停车", "快递", "外卖", "超市", "菜市场", "价格", "便宜", "方便", "安全", "防骗",
        "消防", "演练", "疏散", "灭火器", "急救", "培训", "认真", "耐心", "热情", "帮助", "感谢", "组织", "安排", "准备",
        "材料", "场地", "桌椅", "音响", "横幅", "海报", "宣传", "通知", "群里", "留言", "评论", "点赞", "转发", "建议",
        "意见", "希望", "下次", "继续", "举办", "更多", "类似", "有趣", "有意义", "收获", "成长", "改变", "发现", "原来",
        "其实", "但是", "因为", "所以", "虽然", "而且", "然后", "最后", "首先", "其次", "总之", "我们", "他们", "自己",
        "每天", "每周", "每月", "时间", "地点", "方式", "内容", "形式", "主题", "故事", "回忆", "照片", "作品", "比赛",
        "获奖", "评选", "投票", "排名", "成绩", "进步", "努力", "团队", "合作", "交流", "互动", "温暖", "美好", "生活",
        "城市", "乡村", "节日", "春节", "中秋", "月饼", "饺子", "包", "做", "看", "听", "说", "写", "读", "走", "跑", "笑",
        "了", "的", "很", "也", "都", "还", "就", "在", "和", "把", "被", "给", "让", "从", "到", "对", "为",
    ];
    private static readonly string[] Marks = ["，", "，", "，", "。", "！", "；"];

    /// <summary>The default of Conduct:Cheating:PlagiarismSimilarity.</summary>
    private static readonly double Threshold = new Huodong.Web.Conduct.CheatRules().PlagiarismSimilarity;

    public static void Run(string[] args)
    {
        var n = args.Length > 0 ? int.Parse(args[0]) : 10_000;
        var rng = new Random(20261126);
        var texts = new List<string>(n);
        var planted = new List<(int Original, int Copy, string Level)>();
        string[] levels = ["light (5% of words changed)", "medium (15%)", "heavy (30%)"];
        double[] rates = [0.05, 0.15, 0.30];
        while (texts.Count < n)
        {
            // One submission in 33 copies an earlier one (~300 planted pairs in 10,000), at one of three edit levels.
            if (texts.Count > 100 && rng.Next(33) == 0)
            {
                var level = rng.Next(3);
                var original = rng.Next(texts.Count);
                planted.Add((original, texts.Count, levels[level]));
                texts.Add(Edit(texts[original], rates[level], rng));
            }
            else texts.Add(Essay(rng));
        }
        var chars = texts.Sum(t => t.Length);
        Console.WriteLine($"submissions: {n:N0}, {chars / (double)n:F0} characters on average; planted pairs: {planted.Count}");

        // The check as PlagiarismCheck runs it per submission, over all of them in arrival order: normalize,
        // signature, band keys; candidates = earlier submissions sharing a key; best similarity ≥ threshold flags.
        var best = double.MaxValue;
        HashSet<(int, int)> flagged = [];
        long candidatePairs = 0;
        for (var round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            var index = new Dictionary<long, List<int>>();
            var signatures = new uint[n][];
            flagged = [];
            candidatePairs = 0;
            for (var i = 0; i < n; i++)
            {
                var sig = MinHash.Signature(TextNormalizer.Fold(texts[i]));
                if (sig is null) continue;
                signatures[i] = sig;
                var keys = MinHash.BandKeys(sig);
                var seen = new HashSet<int>();
                foreach (var k in keys)
                    if (index.TryGetValue(k, out var list)) foreach (var j in list) seen.Add(j);
                candidatePairs += seen.Count;
                var top = -1;
                var topSim = 0.0;
                foreach (var j in seen)
                {
                    var s = MinHash.Similarity(sig, signatures[j]);
                    if (s > topSim) (top, topSim) = (j, s);
                }
                if (top >= 0 && topSim >= Threshold) flagged.Add((top, i));
                foreach (var k in keys)
                {
                    if (!index.TryGetValue(k, out var list)) index[k] = list = [];
                    list.Add(i);
                }
            }
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"check of all {n:N0} (signatures + LSH + verification): {best:F0} ms best of 3, {best * 1000 / n:F0} µs per submission; candidate pairs compared: {candidatePairs:N0}");

        foreach (var level in levels)
        {
            var ofLevel = planted.Where(p => p.Level == level).ToList();
            var found = ofLevel.Count(p => flagged.Contains((p.Original, p.Copy)) || flagged.Any(f => f.Item2 == p.Copy));
            Console.WriteLine($"recall, {level}: {found}/{ofLevel.Count} = {100.0 * found / ofLevel.Count:F1}%");
        }
        var plantedCopies = planted.Select(p => p.Copy).ToHashSet();
        var unplanted = flagged.Count(f => !plantedCopies.Contains(f.Item2));
        Console.WriteLine($"flags that were not planted: {unplanted}");

        // Reference: the same signatures compared all against all (what LSH avoids).
        var all = Stopwatch.StartNew();
        var sigs = texts.Select(t => MinHash.Signature(TextNormalizer.Fold(t))!).ToArray();
        var truePairs = 0;
        var copies = new HashSet<int>();
        for (var i = 0; i < n; i++)
            for (var j = 0; j < i; j++)
                if (MinHash.Similarity(sigs[i], sigs[j]) >= Threshold) { truePairs++; copies.Add(i); }
        Console.WriteLine($"all-pairs reference ({(long)n * (n - 1) / 2:N0} comparisons): {all.ElapsedMilliseconds:N0} ms, {truePairs} pairs ≥ {Threshold}");
        var lshFound = copies.Count(i => flagged.Any(f => f.Item2 == i));
        Console.WriteLine($"LSH flagged {lshFound} of the {copies.Count} submissions the all-pairs comparison finds a match for ({100.0 * lshFound / copies.Count:F1}%)");
    }

    private static string Essay(Random rng)
    {
        var sb = new StringBuilder();
        var target = rng.Next(150, 400);
        while (sb.Length < target)
        {
            var clause = rng.Next(3, 8);
            for (var w = 0; w < clause; w++) sb.Append(Words[rng.Next(Words.Length)]);
            sb.Append(Marks[rng.Next(Marks.Length)]);
        }
        return sb.ToString();
    }

    /// <summary>A copy with a share of its words replaced, punctuation changed and a clause of its own appended.</summary>
    private static string Edit(string original, double rate, Random rng)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < original.Length)
        {
            var len = Math.Min(original.Length - i, rng.Next(2, 4));
            if (rng.NextDouble() < rate) sb.Append(Words[rng.Next(Words.Length)]);
            else sb.Append(original, i, len);
            i += len;
            if (rng.Next(40) == 0) sb.Append(' ');
        }
        sb.Append("以上是我的一点感想，欢迎大家指正。");
        return sb.ToString();
    }
}
