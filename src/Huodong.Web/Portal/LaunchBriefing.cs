using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Portal;

/// <summary>
/// E2.1: the rules, process and cautions explained to members at launch, built from the approved plan in the
/// reader's language — pinned on the live activity's page and sent with the launch notice's email.
/// </summary>
public sealed record LaunchBriefing(IReadOnlyList<string> Rules, IReadOnlyList<string> Process, IReadOnlyList<string> Cautions)
{
    public static LaunchBriefing For(Plan plan, IStringLocalizer l)
    {
        var p = plan.Participation ?? new ParticipationPlan();
        var e = plan.Eligibility ?? new EligibilityRule();
        var s = plan.Schedule ?? new Schedule();
        var rules = new List<string>
        {
            p.Method switch
            {
                ParticipationMethod.Reply when p.ReplyRule is { } rule =>
                    l["Post a reply that includes “{0}” and has at least {1} characters.", rule.Keyword ?? "", rule.MinLength],
                ParticipationMethod.Tasks => l["Complete the tasks: {0}.", string.Join("、", p.Tasks.Select(t => t.Title))],
                _ => p.Capacity is { } cap ? l["Registered members take part; places are limited to {0}.", cap] : l["Registered members take part."],
            },
            e.MinLevel > 0 ? l["Members of level {0} and above.", e.MinLevel] : l["Every community member."],
        };
        var process = new List<string>
        {
            l["The activity runs from {0} to {1} (UTC+8).", Display.When(s.StartsAt), Display.When(s.EndsAt)],
            p.Method switch
            {
                ParticipationMethod.Reply => l["Submit your reply on this page while the activity is live."],
                ParticipationMethod.Tasks => l["Do each task and submit evidence where asked; staff confirm it."],
                _ => l["Register on this page, then follow the host's instructions during the activity."],
            },
        };
        process.AddRange(plan.Rewards.Select(r => r.Rule switch
        {
            RewardRule.Draw => l["{0}: winners are drawn at random among eligible entrants, with a draw anyone can verify.", r.Name].Value,
            RewardRule.Ranking => l["{0}: entries are scored by judges and ranked.", r.Name].Value,
            _ => l["{0}: everyone who completes the activity receives it.", r.Name].Value,
        }));
        process.Add(l["Results are published on this page after the end; winners are notified."]);
        string[] cautions =
        [
            l["One account per person: duplicate accounts and cheating lead to disqualification."],
            l["No advertising, spam or abuse: such posts are removed, and repeated violations lead to suspension."],
            l["Ask questions in the discussion below; staff on watch answer them."],
            l["Your contact details are used only for this activity and are stored encrypted."],
        ];
        return new LaunchBriefing(rules, process, cautions);
    }

    /// <summary>The same as Markdown, for the email.</summary>
    public string ToMarkdown(IStringLocalizer l) =>
        $"## {l["Rules, process and cautions"]}\n\n### {l["Rules"]}\n\n{Bullets(Rules)}\n\n### {l["Process"]}\n\n" +
        $"{string.Join("\n", Process.Select((x, i) => $"{i + 1}. {x}"))}\n\n### {l["Cautions"]}\n\n{Bullets(Cautions)}";

    private static string Bullets(IEnumerable<string> lines) => string.Join("\n", lines.Select(x => $"- {x}"));
}
