using Huodong.Web.People;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Conduct;

/// <summary>The demo's starter lexicon (Chinese and English), seeded after the demo activities so their posts predate it.</summary>
public static class ConductDemo
{
    public static readonly (string Term, ConductAction Action, ConductCategory Category)[] StarterLexicon =
    [
        ("赌博", ConductAction.Block, ConductCategory.Illegal),
        ("博彩", ConductAction.Block, ConductCategory.Illegal),
        ("六合彩", ConductAction.Block, ConductCategory.Illegal),
        ("毒品", ConductAction.Block, ConductCategory.Illegal),
        ("代开发票", ConductAction.Block, ConductCategory.Illegal),
        ("办假证", ConductAction.Block, ConductCategory.Illegal),
        ("gambling", ConductAction.Block, ConductCategory.Illegal),
        ("傻逼", ConductAction.Block, ConductCategory.Abuse),
        ("操你妈", ConductAction.Block, ConductCategory.Abuse),
        ("去死吧", ConductAction.Block, ConductCategory.Abuse),
        ("fuck", ConductAction.Block, ConductCategory.Abuse),
        ("motherfucker", ConductAction.Block, ConductCategory.Abuse),
        ("脑残", ConductAction.Hold, ConductCategory.Abuse),
        ("白痴", ConductAction.Hold, ConductCategory.Abuse),
        ("蠢货", ConductAction.Hold, ConductCategory.Abuse),
        ("idiot", ConductAction.Hold, ConductCategory.Abuse),
        ("moron", ConductAction.Hold, ConductCategory.Abuse),
        ("地域黑", ConductAction.Hold, ConductCategory.Discrimination),
        ("retard", ConductAction.Hold, ConductCategory.Discrimination),
        ("刷单", ConductAction.Hold, ConductCategory.Advertising),
        ("兼职日结", ConductAction.Hold, ConductCategory.Advertising),
        ("刷票", ConductAction.Flag, ConductCategory.Cheating),
        ("代刷", ConductAction.Flag, ConductCategory.Cheating),
        ("买票数", ConductAction.Flag, ConductCategory.Cheating),
        ("vote buying", ConductAction.Flag, ConductCategory.Cheating),
    ];

    public static async Task SeedAsync(IServiceProvider services, AppUser moderator, IReadOnlyList<AppUser> members, CancellationToken ct)
    {
        await services.GetRequiredService<Lexicon>().SeedAsync(StarterLexicon, moderator.Id, ct);
        // Something in the moderation queue: two members report the first member comment of the demo discussion.
        var db = services.GetRequiredService<Data.HuodongDb>();
        var comment = await db.Comments.Where(c => !c.IsOfficial).OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        if (comment is null) return;
        var report = services.GetRequiredService<ReportContent>();
        foreach (var (member, reason) in members.Where(m => m.Id != comment.AuthorId).Take(2).Zip(["内容与活动无关，疑似灌水", "语气不友善"]))
            await report.ExecuteAsync(new Actor(member.Id, new HashSet<string> { Roles.Member }), "comment", comment.Id, reason, ct);

        // A held post: a member advertises in the live discussion and the filter holds it for a moderator.
        static Actor Member(AppUser m) => new(m.Id, new HashSet<string> { Roles.Member });
        var discussion = services.GetRequiredService<Participation.Discussion>();
        Check(await discussion.PostAsync(Member(members[70]), comment.ActivityId, "新品低价代购，加微信 hd2026888 详聊", null, false, ct));

        // A decided case under appeal: a report, a warning, and the member's appeal waiting for another moderator.
        var later = await db.Comments.Where(c => !c.IsOfficial && c.ActivityId == comment.ActivityId && c.Id != comment.Id && !c.IsQuestion)
            .OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        if (later is null) return;
        var author = members.First(m => m.Id == later.AuthorId);
        var reported = Check(await report.ExecuteAsync(Member(members[90]), "comment", later.Id, "与活动无关的刷屏", ct));
        Check(await services.GetRequiredService<DecideCase>().ExecuteAsync(new Actor(moderator.Id, new HashSet<string> { Roles.Moderator }),
            reported.CaseId, new DecisionRequest("warn", "请勿在讨论区发布与活动无关的内容。", null, null), ct));
        Check(await services.GetRequiredService<AppealCase>().ExecuteAsync(Member(author), reported.CaseId,
            "我只发了一条，是在表达对抽奖环节的期待，并非刷屏。", ct));
    }

    private static T Check<T>(Shared.Result<T> result) =>
        result.IsOk ? result.Value! : throw new InvalidOperationException($"Conduct demo step failed: {result.Error!.Code}");
}
