using System.Globalization;
using System.Text;
using Huodong.Web.Planning;
using Huodong.Web.Shared;

namespace Huodong.Web.Preparation.Promotion;

/// <summary>The six parts a promotion must carry (E1.4), in the regulation's order.</summary>
public enum PromotionPart { Theme, Time, Format, Content, Participation, Rewards }

/// <summary>
/// Writes a promotion from the approved plan, and checks a hand-written one for the six parts of E1.4.
/// The message is written in zh-CN, the reader-neutral default: it goes to groups and inboxes, not to one reader.
///
/// How each part is recognised in a given body (case-insensitive):
/// <list type="bullet">
/// <item>Theme: the plan's theme text or the activity's title.</item>
/// <item>Time: the start date as <c>yyyy-MM-dd</c>, <c>yyyy/M/d</c> or <c>M月d日</c>, in China time.</item>
/// <item>Format: the format's name in zh-CN (比赛) or English (Contest).</item>
/// <item>Content: the plan's summary, the first line of its content, or a heading word: 活动内容, 规则, content, rules.</item>
/// <item>Participation: the method's name in zh-CN (报名, 回帖, 任务) or English, or 参与方式 / how to join.</item>
/// <item>Rewards: a reward's name, or a word: 奖励, 奖品, reward, prize.</item>
/// </list>
/// Values the plan itself gives are preferred; the heading words let a writer phrase a part in their own way.
/// </summary>
public static class PromotionMessage
{
    public static readonly IReadOnlyDictionary<ActivityFormat, string> FormatNames = new Dictionary<ActivityFormat, string>
    {
        [ActivityFormat.Contest] = "比赛", [ActivityFormat.Quiz] = "问答", [ActivityFormat.CheckIn] = "打卡",
        [ActivityFormat.Livestream] = "直播", [ActivityFormat.Discussion] = "讨论", [ActivityFormat.Challenge] = "挑战",
        [ActivityFormat.Lottery] = "抽奖", [ActivityFormat.Other] = "其他",
    };

    public static readonly IReadOnlyDictionary<ParticipationMethod, string> MethodNames = new Dictionary<ParticipationMethod, string>
    {
        [ParticipationMethod.Registration] = "报名", [ParticipationMethod.Reply] = "回帖", [ParticipationMethod.Tasks] = "任务",
    };

    private static readonly string[] ContentWords = ["活动内容", "规则", "content", "rules"];
    private static readonly string[] JoinWords = ["参与方式", "how to join"];
    private static readonly string[] RewardWords = ["奖励", "奖品", "reward", "prize"];

    public static string DefaultTitle(string activityTitle) => $"活动预告：{activityTitle}";

    /// <summary>The message generated from the approved plan, with every part under its own heading.</summary>
    public static string Generate(string activityTitle, Plan plan)
    {
        var s = plan.Schedule;
        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(activityTitle).AppendLine();
        sb.Append("**活动主题**：").AppendLine(plan.Theme).AppendLine();
        sb.Append("**活动时间**：").Append(ChinaTime(s.StartsAt)).Append(" 至 ").AppendLine(ChinaTime(s.EndsAt));
        if (s.RegistrationOpensAt is not null)
            sb.AppendLine().Append("**报名时间**：").Append(ChinaTime(s.RegistrationOpensAt)).Append(" 至 ")
                .AppendLine(ChinaTime(s.RegistrationClosesAt));
        sb.AppendLine().Append("**活动形式**：").AppendLine(plan.Format is { } f ? FormatNames[f] : "—").AppendLine();
        sb.AppendLine("**活动内容**：");
        if (!string.IsNullOrWhiteSpace(plan.Summary)) sb.AppendLine(plan.Summary.Trim()).AppendLine();
        sb.AppendLine((plan.Content ?? "").Trim()).AppendLine();
        sb.Append("**参与方式**：").AppendLine(Participation(plan)).AppendLine();
        sb.AppendLine("**活动奖励**：");
        foreach (var r in plan.Rewards)
            sb.Append("- ").Append(r.Name).Append(" × ").Append(r.Quantity.ToString(CultureInfo.InvariantCulture)).AppendLine();
        return sb.ToString().TrimEnd() + "\n";
    }

    /// <summary>The parts <paramref name="body"/> lacks, in the regulation's order; empty when it is complete.</summary>
    public static List<PromotionPart> Missing(string body, string activityTitle, Plan plan)
    {
        var missing = new List<PromotionPart>();
        if (!Has(body, plan.Theme, activityTitle)) missing.Add(PromotionPart.Theme);
        if (!Has(body, TimeForms(plan.Schedule.StartsAt))) missing.Add(PromotionPart.Time);
        if (plan.Format is not { } f || !Has(body, FormatNames[f], f.ToString(), Labels.Of(f))) missing.Add(PromotionPart.Format);
        if (!Has(body, [plan.Summary, FirstLine(plan.Content), .. ContentWords])) missing.Add(PromotionPart.Content);
        var method = plan.Participation.Method;
        if (!Has(body, [method is { } m ? MethodNames[m] : null, method?.ToString(), .. JoinWords])) missing.Add(PromotionPart.Participation);
        if (!Has(body, [.. plan.Rewards.Select(r => r.Name), .. RewardWords])) missing.Add(PromotionPart.Rewards);
        return missing;
    }

    private static string Participation(Plan plan) => plan.Participation.Method switch
    {
        ParticipationMethod.Registration => "在活动页面报名" + (plan.Participation.Capacity is { } c ? $"，限 {c} 人" : "")
            + (plan.Eligibility.MinLevel > 0 ? $"，需达到 {plan.Eligibility.MinLevel} 级" : ""),
        ParticipationMethod.Reply => "在活动页面回帖参与"
            + (plan.Participation.ReplyRule?.Keyword is { Length: > 0 } k ? $"，回帖需包含“{k}”" : ""),
        ParticipationMethod.Tasks => "完成以下任务：" + string.Join("、", plan.Participation.Tasks.Select(t => t.Title)),
        _ => "见活动页面",
    };

    private static string ChinaTime(DateTimeOffset? at) =>
        at is { } t ? Display.InChina(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "（北京时间）" : "—";

    private static string?[] TimeForms(DateTimeOffset? at)
    {
        if (at is not { } value) return [];
        var t = Display.InChina(value);
        return [t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"{t.Year}/{t.Month}/{t.Day}", $"{t.Month}月{t.Day}日"];
    }

    private static string? FirstLine(string? markdown) =>
        markdown?.Split('\n').Select(l => l.Trim().TrimStart('#', '-', '*', '>', ' ').Trim()).FirstOrDefault(l => l.Length >= 4);

    private static bool Has(string body, params string?[] needles) =>
        needles.Any(n => !string.IsNullOrWhiteSpace(n) && body.Contains(n.Trim(), StringComparison.OrdinalIgnoreCase));
}
