using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Budget;
using Huodong.Web.Conduct;
using Huodong.Web.Evaluation.Feedback;
using Huodong.Web.Evaluation.Improvement;
using Huodong.Web.Evaluation.Surveys;
using Huodong.Web.LiveOps;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Preparation;
using Huodong.Web.Rewards;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Huodong.Tests.Security.Who;

namespace Huodong.Tests.Security;


/// <summary>
/// The demo resources the matrix's routes are called on, and the demo account behind each <see cref="Who"/>.
/// planner@ is on every demo activity's team; planner2@ is on the LeaderReview quiz's team only, so on every other
/// activity it is a Planner of another team.
/// </summary>
public sealed class DemoResources
{
    private readonly Dictionary<Stage, Guid> _activities = [];
    private readonly Dictionary<Stage, string> _participants = [];
    private readonly Dictionary<string, (string Value, string? Owner)> _ids = [];
    private string _member = "";

    public static async Task<DemoResources> LoadAsync(TestApp app) => await app.WithDb(async db =>
    {
        var d = new DemoResources();
        var activities = await db.Activities.AsNoTracking().Select(a => new { a.Id, a.Status, a.Amendment }).ToListAsync();
        Guid One(ActivityStatus s) => activities.Where(a => a.Status == s).OrderBy(a => a.Id).Select(a => a.Id).First();
        var closedWithAwards = await db.Set<Award>().Select(a => a.ActivityId).Distinct().ToListAsync();
        d._activities[Stage.Draft] = One(ActivityStatus.Draft);
        d._activities[Stage.HeadReview] = One(ActivityStatus.HeadReview);
        d._activities[Stage.LeaderReview] = One(ActivityStatus.LeaderReview);
        d._activities[Stage.Approved] = activities.First(a => a.Status == ActivityStatus.Approved && a.Amendment == null).Id;
        d._activities[Stage.Live] = One(ActivityStatus.Live);
        d._activities[Stage.Ended] = One(ActivityStatus.Ended);
        d._activities[Stage.Closed] = activities.Where(a => a.Status == ActivityStatus.Closed && closedWithAwards.Contains(a.Id))
            .OrderByDescending(a => a.Id).First().Id;

        var emails = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Email ?? "");
        var registered = await db.Registrations.AsNoTracking().Select(r => new { r.ActivityId, r.MemberId }).ToListAsync();
        var submitters = await db.Submissions.AsNoTracking().Select(s => new { s.ActivityId, s.MemberId }).ToListAsync();
        foreach (var (stage, id) in d._activities)
        {
            var ids = registered.Where(r => r.ActivityId == id).Select(r => r.MemberId).ToList();
            var best = submitters.Where(s => s.ActivityId == id && ids.Contains(s.MemberId)).Select(s => (Guid?)s.MemberId).FirstOrDefault()
                       ?? ids.Cast<Guid?>().FirstOrDefault();
            if (best is { } m) d._participants[stage] = emails[m];
        }

        // A member with no part in anything: no registration, award, case, thread or survey answer.
        var involved = registered.Select(r => r.MemberId)
            .Concat(await db.Set<Award>().Select(a => a.MemberId).ToListAsync())
            .Concat(await db.Set<ModerationCase>().Select(c => c.MemberId).ToListAsync())
            .Concat(await db.Set<FeedbackThread>().Select(t => t.MemberId).ToListAsync())
            .Concat(await db.Set<SurveyResponse>().Where(r => r.MemberId != null).Select(r => r.MemberId!.Value).ToListAsync())
            .ToHashSet();
        d._member = emails.Where(e => e.Value.StartsWith("member", StringComparison.Ordinal) && !involved.Contains(e.Key))
            .Select(e => e.Value).OrderByDescending(e => e.Length).ThenByDescending(e => e, StringComparer.Ordinal).First();
        var memberId = emails.Single(e => e.Value == d._member).Key;

        var live = d._activities[Stage.Live];
        var ended = d._activities[Stage.Ended];
        var closed = d._activities[Stage.Closed];
        var approved = d._activities[Stage.Approved];
        void Id(string kind, object value, Guid? owner = null) => d._ids[kind] = (value.ToString()!, owner is { } o ? emails[o] : null);

        var submission = await db.Submissions.Where(s => s.ActivityId == live).OrderBy(s => s.CreatedAt).FirstAsync();
        Id("submission", submission.Id, submission.MemberId);
        Id("registration", await db.Registrations.Where(r => r.ActivityId == live && r.MemberId == submission.MemberId).Select(r => r.Id).FirstAsync());
        var comment = await db.Comments.Where(c => c.ActivityId == live && c.ParentId == null).OrderBy(c => c.CreatedAt).FirstAsync();
        Id("comment", comment.Id, comment.AuthorId);
        var notification = await db.Notifications.Where(n => n.UserId == submission.MemberId).OrderBy(n => n.CreatedAt).FirstAsync();
        Id("notification", notification.Id, notification.UserId);
        var expense = await db.Set<Expense>().Where(e => e.ActivityId == ended).OrderByDescending(e => e.Status == ExpenseStatus.Submitted).FirstAsync();
        Id("expense", expense.Id);
        Id("voucher", await db.Set<Voucher>().Where(v => v.ExpenseId == expense.Id).Select(v => v.Id).FirstAsync());
        Id("adjustment", await db.Set<BudgetAdjustment>().Select(a => (Guid?)a.Id).FirstOrDefaultAsync() ?? Guid.NewGuid());
        Id("draw", await db.Draws.Where(x => x.ActivityId == closed).Select(x => x.Id).FirstAsync());
        var award = await db.Set<Award>().Where(a => a.ActivityId == closed).OrderBy(a => a.Rank).FirstAsync();
        Id("award", award.Id, award.MemberId);
        Id("incident", await db.Incidents.Where(i => i.ActivityId == live).Select(i => i.Id).FirstAsync());
        var @case = await db.ModerationCases.OrderBy(c => c.OpenedAt).FirstAsync();
        Id("case", @case.Id, @case.MemberId);
        Id("term", await db.ConductTerms.Select(t => t.Id).FirstAsync());
        Id("duty", await db.Duties.Where(x => x.ActivityId == approved || x.ActivityId == live).Select(x => x.Id).FirstAsync());
        Id("material", await db.Materials.Where(x => x.ActivityId == approved || x.ActivityId == live).Select(x => x.Id).FirstAsync());
        var check = await db.ReadinessChecks.OrderByDescending(c => c.RanAt).FirstOrDefaultAsync();
        Id("check", check?.Id ?? Guid.NewGuid());
        Id("key", check is null ? "none" : await db.Set<ChecklistItem>().Where(i => i.CheckId == check.Id).Select(i => i.Key).FirstAsync());
        if (check is not null) d._activities[Stage.ReadinessCheck] = check.ActivityId;
        Id("improvement", await db.Set<ImprovementAction>().Select(x => x.Id).FirstAsync());
        var survey = await db.Set<Survey>().Where(s => s.ActivityId == closed).Select(s => (Guid?)s.Id).FirstOrDefaultAsync()
                     ?? await db.Set<Survey>().Select(s => s.Id).FirstAsync();
        Id("survey", survey);
        var thread = await db.Set<FeedbackThread>().OrderBy(t => t.CreatedAt).FirstAsync();
        Id("thread", thread.Id, thread.MemberId);
        Id("member", memberId);
        Id("alert", await db.Set<Huodong.Web.Security.Monitoring.SecurityAlert>()
            .Where(a => a.Status == Huodong.Web.Security.Monitoring.AlertStatus.Open).Select(a => a.Id).FirstAsync());
        return d;
    });

    /// <summary>The account ("" for anonymous, else an email) that plays <paramref name="who"/> on this route.</summary>
    public string Account(Who who, string route, Stage stage) => who switch
    {
        Anonymous => "",
        Member => _member,
        Participant => Owner(route) ?? _participants.GetValueOrDefault(StageOf(route, stage)) ?? _participants[Stage.Live],
        Planner => $"planner2@{DemoSeed.Domain}",
        Team => $"planner@{DemoSeed.Domain}",
        CommunityHead => $"head@{DemoSeed.Domain}",
        Leader => $"leader@{DemoSeed.Domain}",
        Moderator => $"moderator@{DemoSeed.Domain}",
        Finance => $"finance@{DemoSeed.Domain}",
        Admin => $"admin@{DemoSeed.Domain}",
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    public IEnumerable<string> Accounts() =>
        Enum.GetValues<Who>().Where(w => w != Participant).Select(w => Account(w, "", Stage.Live))
            .Concat(_participants.Values).Concat(_ids.Values.Where(v => v.Owner is not null).Select(v => v.Owner!));

    private Stage StageOf(string route, Stage stage) =>
        route.Contains("/readiness-checks/{checkId}") && _activities.ContainsKey(Stage.ReadinessCheck) ? Stage.ReadinessCheck : stage;

    /// <summary>The member a route's own resource belongs to (the award's winner, the case's member, …), if any.</summary>
    private string? Owner(string route) => Kind(route) is { } kind ? _ids[kind].Owner : null;

    private static string? Kind(string route)
    {
        var path = route[(route.IndexOf(' ') + 1)..];
        return path switch
        {
            _ when path.StartsWith("/api/submissions/") => "submission",
            _ when path.StartsWith("/api/comments/") => "comment",
            _ when path.StartsWith("/api/me/notifications/{") => "notification",
            _ when path.StartsWith("/api/expenses/{") => "expense",
            _ when path.StartsWith("/api/budget-adjustments/") => "adjustment",
            _ when path.StartsWith("/api/draws/") => "draw",
            _ when path.StartsWith("/api/awards/") => "award",
            _ when path.StartsWith("/api/incidents/") => "incident",
            _ when path.StartsWith("/api/moderation/cases/{") => "case",
            _ when path.StartsWith("/api/conduct/terms/{") => "term",
            _ when path.StartsWith("/api/duties/") => "duty",
            _ when path.StartsWith("/api/materials/") => "material",
            _ when path.StartsWith("/api/improvements/{") => "improvement",
            _ when path.StartsWith("/api/surveys/{") => "survey",
            _ when path.StartsWith("/api/feedback/{") => "thread",
            _ when path.StartsWith("/api/members/{") => "member",
            _ when path.StartsWith("/api/security/alerts/{") => "alert",
            _ => null,
        };
    }

    /// <summary>The route with its parameters filled from the demo data.</summary>
    public string Url(string route, Stage stage)
    {
        var path = route[(route.IndexOf(' ') + 1)..];
        // Identity's e-mail confirmation reads its parameters from the query (an unknown user: 401).
        var query = path == "/api/auth/confirmEmail" ? $"?userId={Guid.NewGuid()}&code=x" : "";
        return Fill(path, route, stage) + query;
    }

    /// <summary><paramref name="text"/> (a path or a JSON body) with each <c>{param}</c> replaced by its demo value.</summary>
    public string Fill(string text, string route, Stage stage)
    {
        var kind = Kind(route);
        return Regex.Replace(text, @"\{(\w+)\}", m => m.Groups[1].Value switch
        {
            "id" when kind is not null => _ids[kind].Value,
            "id" => _activities[StageOf(route, stage)].ToString(),
            // An improvement is applied to a plan of the caller's team; the approved one is seen by all staff, so
            // another team's planner meets the permission check, not "no such activity".
            "activityId" => _activities[Stage.Approved].ToString(),
            "sid" => _ids["submission"].Value,
            "cid" => _ids["comment"].Value,
            "nid" => _ids["notification"].Value,
            "threadId" => _ids["thread"].Value,
            "dutyId" => _ids["duty"].Value,
            "materialId" => _ids["material"].Value,
            "checkId" => _ids["check"].Value,
            "key" => _ids["key"].Value,
            "voucherId" => _ids["voucher"].Value,
            "number" => "1",
            "registration" => _ids["registration"].Value,
            var other => throw new InvalidOperationException($"No demo value for route parameter {{{other}}} of {route}: teach DemoResources.Url one."),
        });
    }
}
