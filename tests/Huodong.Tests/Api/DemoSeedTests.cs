using System.Net;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Api;

/// <summary>API.md "Demo seed": the accounts and activities a newcomer's first run shows. Reads only.</summary>
public abstract class DemoSeedTests(TestApp app) : ApiTests(app)
{
    public static readonly TheoryData<string, string> StaffAccounts = new()
    {
        { "admin", Roles.Admin }, { "planner", Roles.Planner }, { "planner2", Roles.Planner },
        { "head", Roles.CommunityHead }, { "leader", Roles.Leader }, { "moderator", Roles.Moderator },
        { "finance", Roles.Finance },
    };

    [Theory]
    [MemberData(nameof(StaffAccounts))]
    public async Task Each_demo_staff_account_signs_in_with_the_demo_password_and_has_its_role(string name, string role)
    {
        await App.As(name); // throws if the login fails
        var id = await App.UserIdAsync(name);
        var roles = await App.WithDb(db => db.UserRoles.Where(ur => ur.UserId == id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(Ct));
        Assert.Equal([role], roles);
    }

    [Fact]
    public async Task There_are_200_demo_members_and_member_N_has_level_1_plus_N_mod_5()
    {
        // Account emails are sealed: read every account (the converter decrypts them) and pick the members here.
        var members = (await App.WithDb(db => db.Users.Select(u => new { u.Email, u.Level }).ToListAsync(Ct)))
            .Where(u => u.Email is { } e && e.StartsWith("member") && e.EndsWith("@" + TestApp.Domain)).ToList();

        Assert.Equal(200, members.Count);
        var levels = members.ToDictionary(m => int.Parse(m.Email!["member".Length..m.Email!.IndexOf('@')]), m => m.Level);
        Assert.Equal(Enumerable.Range(1, 200), levels.Keys.Order());
        Assert.All(levels, m => Assert.Equal(1 + m.Key % 5, m.Value));
        Assert.Equal([1, 2, 3, 4, 5], levels.Values.Distinct().Order());
    }

    [Theory]
    [InlineData("member1")]
    [InlineData("member200")]
    public async Task Demo_members_sign_in_as_members(string member)
    {
        var client = await App.As(member);
        await (await client.PostJson("/api/activities", new { title = "x" })).ExpectProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_wrong_password_does_not_sign_in()
    {
        var response = await App.Anonymous().PostJson("/api/auth/login", new { email = $"head@{TestApp.Domain}", password = "wrong-password-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task There_is_a_demo_activity_in_each_state_of_the_approval_spine_with_planner_on_its_team()
    {
        var activities = await App.WithDb(db => db.Activities.AsNoTracking().Include(a => a.Team).ToListAsync(Ct));
        var plannerId = await App.UserIdAsync("planner");
        var planner = await App.WithDb(db => db.Users.SingleAsync(u => u.Id == plannerId, Ct));

        var states = activities.Select(a => a.Status).ToHashSet();
        Assert.Superset(new HashSet<ActivityStatus>
        {
            ActivityStatus.Draft, ActivityStatus.HeadReview, ActivityStatus.LeaderReview, ActivityStatus.Returned,
            ActivityStatus.Approved, ActivityStatus.Rejected, ActivityStatus.Cancelled, ActivityStatus.Live, ActivityStatus.Ended, ActivityStatus.Closed,
        }, states);
        Assert.All(activities, a => Assert.True(a.IsOnTeam(planner.Id), $"planner@ is not on the team of {a.Title}"));
        Assert.Contains(activities, a => a.Amendment == AmendmentStatus.HeadReview);
    }

    [Fact]
    public async Task The_approved_demo_activity_has_registration_open_now()
    {
        var now = DateTimeOffset.UtcNow;
        var open = await App.WithDb(db => db.Activities.AsNoTracking()
            .Where(a => a.Status == ActivityStatus.Approved).ToListAsync(Ct));
        Assert.Contains(open, a => a.RegistrationOpensAt <= now && now < a.RegistrationClosesAt);
    }

    [Fact]
    public async Task Members_see_the_approved_demo_activities_and_nothing_else()
    {
        var page = await (await (await Member).GetAsync("/api/activities?pageSize=200", Ct)).Expect<Page<ActivitySummary>>(HttpStatusCode.OK);
        var approvedCount = await App.WithDb(db => db.Activities.CountAsync(a => a.ApprovedVersion != null, Ct));
        Assert.Equal(approvedCount, page.Total);
        Assert.All(page.Items, a => Assert.Contains(a.Status, new[] { ActivityStatus.Approved, ActivityStatus.Live, ActivityStatus.Ended, ActivityStatus.Closed }));
    }

    [Fact]
    public async Task There_is_a_Live_demo_activity_with_registrations_an_answered_and_an_unanswered_question()
    {
        var live = await App.WithDb(db => db.Activities.AsNoTracking().SingleAsync(a => a.Status == ActivityStatus.Live, Ct));
        var confirmed = await App.WithDb(db => db.Registrations.CountAsync(r => r.ActivityId == live.Id
            && r.Status == Huodong.Web.Participation.RegistrationStatus.Confirmed, Ct));
        var questions = await App.WithDb(db => db.Comments.Where(c => c.ActivityId == live.Id && c.IsQuestion)
            .Select(c => c.AnsweredAt).ToListAsync(Ct));
        Assert.True(confirmed >= 30, $"{confirmed} confirmed");
        Assert.Contains(questions, at => at is null);
        Assert.Contains(questions, at => at is not null);
        Assert.True(live.StartsAt <= DateTimeOffset.UtcNow && DateTimeOffset.UtcNow < live.EndsAt);
    }

    [Fact]
    public async Task The_Live_demo_activity_has_an_open_incident()
    {
        var live = await App.WithDb(db => db.Activities.AsNoTracking().SingleAsync(a => a.Status == ActivityStatus.Live, Ct));
        var open = await App.WithDb(db => db.Incidents.AsNoTracking()
            .Where(i => i.ActivityId == live.Id && i.Status != Huodong.Web.LiveOps.IncidentStatus.Resolved).ToListAsync(Ct));
        Assert.Single(open);
    }

    [Fact]
    public async Task There_is_an_Ended_demo_activity_with_30_confirmed_entrants_and_a_Draw_reward()
    {
        var ended = await App.WithDb(db => db.Activities.AsNoTracking().SingleAsync(a => a.Status == ActivityStatus.Ended, Ct));
        var confirmed = await App.WithDb(db => db.Registrations.CountAsync(r => r.ActivityId == ended.Id
            && r.Status == Huodong.Web.Participation.RegistrationStatus.Confirmed, Ct));
        Assert.True(confirmed >= 30, $"{confirmed} confirmed");
        Assert.Contains(ended.ApprovedPlan!.Rewards, r => r.Rule == RewardRule.Draw);
        Assert.True(ended.EndsAt < DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task There_is_a_Closed_demo_activity_with_published_results_a_revealed_draw_and_delivered_confirmed_awards()
    {
        // The Closed activity with a draw: the earlier check-ins of the evaluation history are Closed too.
        var closed = await App.WithDb(db => db.Activities.AsNoTracking()
            .SingleAsync(a => a.Status == ActivityStatus.Closed && db.Draws.Any(d => d.ActivityId == a.Id), Ct));
        var results = await (await App.Anonymous().GetAsync($"/api/activities/{closed.Id}/results", Ct))
            .Expect<Huodong.Web.Rewards.ResultsView>(HttpStatusCode.OK);
        var draw = await App.WithDb(db => db.Draws.AsNoTracking().SingleAsync(d => d.ActivityId == closed.Id, Ct));
        var awards = await App.WithDb(db => db.Set<Huodong.Web.Rewards.Award>().AsNoTracking().Where(a => a.ActivityId == closed.Id).ToListAsync(Ct));

        Assert.Equal(Huodong.Web.Rewards.DrawStatus.Revealed, draw.Status);
        Assert.Contains(results.Winners, w => w.DrawUrl == $"/draws/{draw.Id}");
        Assert.Contains(awards, a => a.Kind == RewardKind.Points && a.Status == Huodong.Web.Rewards.AwardStatus.Confirmed);
        var bottles = awards.Where(a => a.Kind == RewardKind.Physical).ToList();
        Assert.Equal(2, bottles.Count);
        Assert.All(bottles, b => Assert.Equal(Huodong.Web.Rewards.AwardStatus.Confirmed, b.Status));
        Assert.All(bottles, b => Assert.StartsWith("v1:", b.ShippingAddress));
        Assert.All(awards, a => Assert.NotEqual(Huodong.Web.Rewards.AwardStatus.Pending, a.Status));
        Assert.All(results.Winners, w => Assert.Contains("*", w.MaskedName));
        // The winners' points are on their ledgers, and every demo balance equals its ledger.
        var mismatched = await App.WithDb(db => db.Users.CountAsync(u => u.PointsBalance != db.PointsEntries.Where(p => p.MemberId == u.Id).Sum(p => p.Delta), Ct));
        Assert.Equal(0, mismatched);
        // B2.3: it closed only after its budget was settled; its expenses were reimbursed with vouchers.
        Assert.True(await App.WithDb(db => db.Set<Huodong.Web.Budget.Settlement>().AnyAsync(x => x.ActivityId == closed.Id, Ct)));
        var expenses = await App.WithDb(db => db.Set<Huodong.Web.Budget.Expense>().AsNoTracking().Where(e => e.ActivityId == closed.Id).ToListAsync(Ct));
        Assert.NotEmpty(expenses);
        Assert.All(expenses, e => Assert.Equal(Huodong.Web.Budget.ExpenseStatus.Paid, e.Status));
    }

    [Fact]
    public async Task The_seed_is_audited_and_its_chain_verifies()
    {
        var check = await (await (await Admin).GetAsync("/api/audit/verify", Ct)).Expect<VerifyAnswer>(HttpStatusCode.OK);
        var transitions = await App.WithDb(db => db.Transitions.CountAsync(Ct));
        // Every transition is audited once; the demo's preparation and its open incident are audited on their own subjects.
        var audited = await App.WithDb(db => db.AuditEntries.CountAsync(a => db.Transitions.Select(t => t.Action).Contains(a.Code), Ct));
        var all = await App.WithDb(db => db.AuditEntries.CountAsync(Ct));
        Assert.True(check.Ok);
        Assert.Equal(all, check.Entries);
        Assert.Equal(transitions, audited);
        Assert.True(await App.WithDb(db => db.AuditEntries.AnyAsync(a => a.SubjectType == "incident", Ct)));
    }

    private sealed record VerifyAnswer(bool Ok, long Entries);

    [Fact]
    public async Task The_moderation_queue_has_open_cases_a_held_post_and_a_decided_case_under_appeal()
    {
        var cases = await App.WithDb(db => db.ModerationCases.AsNoTracking().ToListAsync(Ct));
        Assert.True(cases.Count(c => c.Status == Huodong.Web.Conduct.CaseStatus.Open) >= 2);
        Assert.Single(cases, c => c.Status == Huodong.Web.Conduct.CaseStatus.Appealed);
        Assert.True(await App.WithDb(db => db.Comments.AnyAsync(c => c.IsHeld, Ct)), "the advertising post is held, not shown");
    }

    [Fact]
    public async Task Seeding_again_into_a_seeded_database_adds_nothing()
    {
        var before = await App.WithDb(async db => (await db.Users.CountAsync(Ct), await db.Activities.CountAsync(Ct)));
        using (var scope = App.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeed>().RunAsync(Ct);
        var after = await App.WithDb(async db => (await db.Users.CountAsync(Ct), await db.Activities.CountAsync(Ct)));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Demo_passwords_are_hashed_not_stored()
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var head = await users.FindByEmailAsync($"head@{TestApp.Domain}");
        Assert.DoesNotContain(TestApp.DemoPassword, head!.PasswordHash);
        Assert.True(await users.CheckPasswordAsync(head, TestApp.DemoPassword));
    }
}

public sealed class DemoSeedTests_Sqlite(SqliteApp app) : DemoSeedTests(app), IClassFixture<SqliteApp>;
public sealed class DemoSeedTests_Postgres(PostgresApp app) : DemoSeedTests(app), IClassFixture<PostgresApp>;
