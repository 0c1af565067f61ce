using Huodong.Tests.Builders;
using Huodong.Web.Approval;
using Huodong.Web.Budget;
using Huodong.Web.Participation;
using Huodong.Web.Planning;

namespace Huodong.Tests.Evaluation;

/// <summary>
/// Past activities put straight into the database through the entity's own verbs — the comparison and the overview
/// read activities long over, which the API cannot make (launch and end wait for their planned moments) — with
/// confirmed registrations (participants) and approved expenses (cost) where asked.
/// </summary>
public static class PastActivities
{
    public static async Task<Guid> AddAsync(TestApp app, ActivityFormat format, DateTimeOffset start, ActivityStatus status,
        int participants = 0, decimal cost = 0m, string? theme = null)
    {
        var planner = await app.UserIdAsync("planner");
        var head = await app.UserIdAsync("head");
        var leader = await app.UserIdAsync("leader");
        var finance = await app.UserIdAsync("finance");
        var plan = Plans.Complete() with
        {
            Format = format,
            Theme = theme ?? "测试主题",
            Schedule = new Schedule
            {
                RegistrationOpensAt = start.AddDays(-10), RegistrationClosesAt = start.AddDays(-1), StartsAt = start, EndsAt = start.AddDays(4),
            },
        };
        var a = Activity.Create(planner, plan, [planner], start.AddDays(-30));
        var pass = Verdicts.Pass();
        Ensure(a.Submit(planner, start.AddDays(-29)));
        if (status == ActivityStatus.Cancelled) Ensure(a.Cancel(planner, false, "改期", start.AddDays(-28)));
        else if (status == ActivityStatus.Rejected)
        {
            Ensure(a.Review(head, ReviewStage.Head, pass, start.AddDays(-28)));
            Ensure(a.Review(leader, ReviewStage.Leader, Verdicts.Reject(), start.AddDays(-27)));
        }
        else
        {
            Ensure(a.Review(head, ReviewStage.Head, pass, start.AddDays(-28)));
            Ensure(a.Review(leader, ReviewStage.Leader, pass, start.AddDays(-27)));
            if (status is ActivityStatus.Ended or ActivityStatus.ResultsPublished or ActivityStatus.Closed)
            {
                Ensure(a.Launch(planner, start));
                Ensure(a.End(planner, start.AddDays(4)));
            }
            if (status is ActivityStatus.ResultsPublished or ActivityStatus.Closed) Ensure(a.PublishResults(planner, start.AddDays(5)));
            if (status is ActivityStatus.Closed) Ensure(a.Close(planner, 0, budgetSettled: true, summaryWritten: true, start.AddDays(6)));
        }
        if (a.Status != status) throw new InvalidOperationException($"Built {a.Status}, wanted {status}.");

        var members = participants == 0 ? [] : await Task.WhenAll(Enumerable.Range(150, participants).Select(n => app.UserIdAsync($"member{n}")));
        await app.WithDb(async db =>
        {
            db.Activities.Add(a);
            foreach (var (m, i) in members.Select((m, i) => (m, i)))
                db.Registrations.Add(new Registration(a.Id, m, i + 1, RegistrationStatus.Confirmed,
                    new ProtectedContact("x", "x", $"idx-{Guid.NewGuid():N}", null, null), null, start.AddDays(-5)));
            if (cost > 0)
            {
                var e = new Expense(a.Id, BudgetCategory.Rewards, Money.ToFen(cost), "礼品店", DateOnly.FromDateTime(start.UtcDateTime), "奖品", planner, start);
                Ensure(e.Submit(planner, 1, start));
                Ensure(e.DecideAsFinance(finance, true, null, long.MaxValue, start.AddHours(1)));
                db.Add(e);
            }
            await db.SaveChangesAsync();
        });
        return a.Id;
    }

    private static void Ensure(Huodong.Web.Shared.Result r)
    {
        if (!r.IsOk) throw new InvalidOperationException($"Past activity step failed: {r.Error!.Code}");
    }
}
