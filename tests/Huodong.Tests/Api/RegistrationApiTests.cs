using System.Net;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Participation;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Api;

/// <summary>
/// M1 and M2.1 through the API: eligibility (level, required tasks), the registration window, who may register
/// where, idempotent retries, cancelling and the waitlist moving up in order of arrival.
/// Demo member N has level 1 + N % 5: member1 is level 2, member2 level 3, member4 level 5, member5 level 1.
/// </summary>
public abstract class RegistrationApiTests(TestApp app) : ParticipationTests(app)
{
    private sealed record EligibilityAnswer(bool Eligible, string? Reason, int MinLevel, List<string> RequiredTasks, List<string> MissingTasks);

    private async Task<EligibilityAnswer> EligibilityOf(string member, Guid activityId) =>
        await (await (await App.As(member)).GetAsync($"/api/activities/{activityId}/eligibility", Ct))
            .Expect<EligibilityAnswer>(HttpStatusCode.OK);

    [Theory]
    [InlineData("en", "You need level 3; you are level 2.")]
    [InlineData("zh-CN", "您需要达到 3 级；您当前为 2 级。")]
    public async Task A_member_below_the_minimum_level_is_refused_with_both_levels_named_in_their_language(string culture, string reason)
    {
        var id = await OpenActivity(ParticipationPlans.OpenNow().WithEligibility(minLevel: 3));

        var problem = await (await Register("member1", id, acceptLanguage: culture)).ExpectProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("not-eligible", problem.Code);
        Assert.Equal(reason, problem.Title);
        Assert.Empty(await RegistrationsOf(id));
    }

    [Fact]
    public async Task A_member_exactly_at_the_minimum_level_registers()
    {
        var id = await OpenActivity(ParticipationPlans.OpenNow().WithEligibility(minLevel: 3));

        var registration = await Registered("member2", id);

        Assert.Equal(RegistrationStatus.Confirmed, registration.Status);
        Assert.True((await EligibilityOf("member2", id)).Eligible);
    }

    [Fact]
    public async Task The_eligibility_endpoint_gives_the_same_verdict_and_reason_as_registering()
    {
        var id = await OpenActivity(ParticipationPlans.OpenNow().WithEligibility(minLevel: 3));

        var below = await EligibilityOf("member1", id);
        var at = await EligibilityOf("member2", id);

        Assert.False(below.Eligible);
        Assert.Equal(3, below.MinLevel);
        Assert.Contains("3", below.Reason);
        Assert.Contains("2", below.Reason);
        Assert.True(at.Eligible);
        Assert.Null(at.Reason);
    }

    [Fact]
    public async Task A_missing_required_task_refuses_until_the_task_is_completed()
    {
        var id = await OpenActivity(ParticipationPlans.OpenNow().WithEligibility(minLevel: 0, "complete-profile"));
        var member = await App.UserIdAsync("member11");

        var refused = await (await Register("member11", id, acceptLanguage: "en")).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        var before = await EligibilityOf("member11", id);
        await App.CompleteTaskAsync(member, Guid.Empty, "complete-profile"); // a platform-wide task
        var after = await EligibilityOf("member11", id);
        var registered = await Registered("member11", id);

        Assert.Equal("not-eligible", refused.Code);
        Assert.Contains("complete-profile", refused.Title);
        Assert.False(before.Eligible);
        Assert.Equal(["complete-profile"], before.MissingTasks);
        Assert.True(after.Eligible);
        Assert.Empty(after.MissingTasks);
        Assert.Equal(RegistrationStatus.Confirmed, registered.Status);
    }

    [Fact]
    public async Task A_task_completed_for_another_activity_does_not_count()
    {
        var id = await OpenActivity(ParticipationPlans.OpenNow().WithEligibility(minLevel: 0, "complete-profile"));
        var other = await OpenActivity();
        await App.CompleteTaskAsync(await App.UserIdAsync("member12"), other, "complete-profile");

        var problem = await (await Register("member12", id)).ExpectProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("not-eligible", problem.Code);
    }

    [Fact]
    public async Task Registering_before_the_window_opens_is_refused_as_closed()
    {
        var now = DateTimeOffset.UtcNow;
        var id = await OpenActivity(ParticipationPlans.OpenNow().WithRegistrationWindow(now.AddDays(1), now.AddDays(2)));

        var problem = await (await Register("member13", id)).ExpectProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("registration-closed", problem.Code);
        Assert.Empty(await RegistrationsOf(id));
    }

    [Fact]
    public async Task Registering_after_the_window_closed_is_refused_as_closed()
    {
        var now = DateTimeOffset.UtcNow;
        var id = await OpenActivity(ParticipationPlans.OpenNow().WithRegistrationWindow(now.AddDays(-3), now.AddMinutes(-1)));

        var problem = await (await Register("member13", id)).ExpectProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("registration-closed", problem.Code);
    }

    [Fact]
    public async Task Members_cannot_find_a_draft_or_a_plan_under_review_to_register_for()
    {
        var draft = await CreateDraft(ParticipationPlans.OpenNow());
        var inReview = await InHeadReview(ParticipationPlans.OpenNow());

        foreach (var id in new[] { draft.Id, inReview.Id })
        {
            Assert.Equal("not-found", (await (await Register("member14", id)).ExpectProblem(HttpStatusCode.NotFound)).Code);
            await (await (await App.As("member14")).GetAsync($"/api/activities/{id}/eligibility", Ct)).ShouldBe(HttpStatusCode.NotFound);
        }
        Assert.Equal(0, await App.WithDb(db => db.Registrations.CountAsync(r => r.ActivityId == draft.Id || r.ActivityId == inReview.Id, Ct)));
    }

    [Fact]
    public async Task Staff_cannot_register_as_members()
    {
        var id = await OpenActivity();

        var problem = await (await Register("planner2", id)).ExpectProblem(HttpStatusCode.Forbidden);

        Assert.Equal("members-only", problem.Code);
    }

    [Theory]
    [InlineData("", "13812345678", "realName")]
    [InlineData("王五", "12345", "phone")]
    [InlineData("王五", "13812345678", "email", "not-an-email")]
    public async Task Missing_or_malformed_contact_details_are_400_naming_the_field(string realName, string phone, string field, string? email = null)
    {
        var id = await OpenActivity();

        var problem = await (await Register("member15", id, new { realName, phone, email })).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.Fields);
        Assert.Empty(await RegistrationsOf(id));
    }

    [Fact]
    public async Task A_second_registration_by_the_same_member_is_a_conflict()
    {
        var id = await OpenActivity();
        await Registered("member16", id);

        var problem = await (await Register("member16", id)).ExpectProblem(HttpStatusCode.Conflict);

        Assert.Equal("already-registered", problem.Code);
        Assert.Single(await RegistrationsOf(id));
    }

    [Fact]
    public async Task Repeating_a_registration_with_the_same_idempotency_key_answers_the_same_and_registers_once()
    {
        var id = await OpenActivity();
        var key = Guid.NewGuid().ToString();

        var first = await Register("member17", id, idempotencyKey: key);
        var second = await Register("member17", id, idempotencyKey: key);

        await first.ShouldBe(HttpStatusCode.Created);
        await second.ShouldBe(HttpStatusCode.Created);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Single(await RegistrationsOf(id));
        Assert.Equal(1, (await Seats(id)).Confirmed);
    }

    [Fact]
    public async Task A_freed_place_goes_to_the_first_on_the_waitlist_who_is_told_so()
    {
        var id = await OpenActivity(ParticipationPlans.OpenNow(capacity: 2, waitlist: true));
        string[] members = ["member21", "member22", "member23", "member24"];
        var answers = new List<RegistrationView>();
        foreach (var m in members) answers.Add(await Registered(m, id));

        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted, RegistrationStatus.Waitlisted],
            answers.Select(a => a.Status));
        Assert.Equal([1L, 2, 3, 4], answers.Select(a => a.Number));
        Assert.Equal(1, (await (await Mine("member23", id)).Expect<RegistrationView>(HttpStatusCode.OK)).WaitlistPosition);
        Assert.Equal(2, (await (await Mine("member24", id)).Expect<RegistrationView>(HttpStatusCode.OK)).WaitlistPosition);

        await (await CancelMine("member21", id)).ShouldBe(HttpStatusCode.OK);

        await (await Mine("member21", id)).ShouldBe(HttpStatusCode.NotFound);
        var promoted = await (await Mine("member23", id)).Expect<RegistrationView>(HttpStatusCode.OK);
        var stillWaiting = await (await Mine("member24", id)).Expect<RegistrationView>(HttpStatusCode.OK);
        Assert.Equal(RegistrationStatus.Confirmed, promoted.Status);
        Assert.Null(promoted.WaitlistPosition);
        Assert.Equal(RegistrationStatus.Waitlisted, stillWaiting.Status);
        Assert.Equal(1, stillWaiting.WaitlistPosition);
        Assert.Single(await Notifications("member23", id), n => n.Kind == NotificationKind.Promoted);
        Assert.DoesNotContain(await Notifications("member24", id), n => n.Kind == NotificationKind.Promoted);
        var seats = await Seats(id);
        Assert.Equal((2, 1), (seats.Confirmed, seats.Waitlisted));
    }

    [Fact]
    public async Task A_waitlisted_member_who_cancels_frees_no_place_and_promotes_nobody()
    {
        var id = await OpenActivity(ParticipationPlans.OpenNow(capacity: 1, waitlist: true));
        await Registered("member25", id);
        await Registered("member26", id);
        await Registered("member27", id);

        await (await CancelMine("member26", id)).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(RegistrationStatus.Confirmed, (await (await Mine("member25", id)).Expect<RegistrationView>(HttpStatusCode.OK)).Status);
        var last = await (await Mine("member27", id)).Expect<RegistrationView>(HttpStatusCode.OK);
        Assert.Equal((RegistrationStatus.Waitlisted, (int?)1), (last.Status, last.WaitlistPosition));
        var seats = await Seats(id);
        Assert.Equal((1, 1), (seats.Confirmed, seats.Waitlisted));
    }

    [Fact]
    public async Task A_member_who_cancelled_may_register_again_at_the_back_of_the_line()
    {
        var id = await OpenActivity(ParticipationPlans.OpenNow(capacity: 1, waitlist: true));
        await Registered("member28", id);
        await Registered("member29", id);
        await (await CancelMine("member28", id)).ShouldBe(HttpStatusCode.OK); // member29 moves up

        var again = await Registered("member28", id);

        Assert.Equal(RegistrationStatus.Waitlisted, again.Status);
        Assert.Equal(3, again.Number);
        Assert.Equal(RegistrationStatus.Confirmed, (await (await Mine("member29", id)).Expect<RegistrationView>(HttpStatusCode.OK)).Status);
    }

    [Fact]
    public async Task A_full_activity_without_a_waitlist_refuses_with_capacity_full()
    {
        var id = await OpenActivity(ParticipationPlans.OpenNow(capacity: 1, waitlist: false));
        await Registered("member30", id);

        var problem = await (await Register("member31", id)).ExpectProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("capacity-full", problem.Code);
        Assert.Single(await RegistrationsOf(id));
    }

    [Fact]
    public async Task Cancelling_without_a_registration_is_404()
    {
        var id = await OpenActivity();

        await (await CancelMine("member32", id)).ShouldBe(HttpStatusCode.NotFound);
        await (await Mine("member32", id)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cancelling_after_the_activity_ended_is_409_and_promotes_nobody()
    {
        var id = await OpenActivity(ParticipationPlans.OpenNow(capacity: 1, waitlist: true));
        await Registered("member33", id);
        await Registered("member34", id);
        await App.LaunchAsync(id);
        await App.EndAsync(id);

        var problem = await (await CancelMine("member33", id)).ExpectProblem(HttpStatusCode.Conflict);

        Assert.Equal("activity-over", problem.Code);
        Assert.Equal(RegistrationStatus.Confirmed, (await (await Mine("member33", id)).Expect<RegistrationView>(HttpStatusCode.OK)).Status);
        Assert.Equal(RegistrationStatus.Waitlisted, (await (await Mine("member34", id)).Expect<RegistrationView>(HttpStatusCode.OK)).Status);
    }

    [Fact]
    public async Task Members_may_register_while_the_activity_is_live_if_the_window_is_still_open()
    {
        var id = await LiveActivity(ParticipationPlans.OpenNow());

        Assert.Equal(RegistrationStatus.Confirmed, (await Registered("member35", id)).Status);
    }

    [Fact]
    public async Task Raising_the_capacity_by_an_amendment_moves_waitlisted_members_up_before_newcomers()
    {
        var plan = ParticipationPlans.OpenNow(capacity: 1, waitlist: true);
        var id = await OpenActivity(plan);
        await Registered("member36", id);
        Assert.Equal(RegistrationStatus.Waitlisted, (await Registered("member37", id)).Status);

        await (await (await Planner).PostJson($"/api/activities/{id}/amendments", plan.WithCapacity(2))).ShouldBe(HttpStatusCode.OK);
        await Review(id, "head", "pass");
        await Review(id, "leader", "pass");
        var newcomer = await Registered("member38", id);

        // Fairness (G3.2): the member who waited keeps their place in line; the newcomer does not overtake them.
        Assert.Equal(RegistrationStatus.Confirmed, (await (await Mine("member37", id)).Expect<RegistrationView>(HttpStatusCode.OK)).Status);
        Assert.Equal(RegistrationStatus.Waitlisted, newcomer.Status);
        var seats = await Seats(id);
        Assert.Equal((2, 1), (seats.Confirmed, seats.Waitlisted));
    }
}

public sealed class RegistrationApiTests_Sqlite(SqliteApp app) : RegistrationApiTests(app), IClassFixture<SqliteApp>;
public sealed class RegistrationApiTests_Postgres(PostgresApp app) : RegistrationApiTests(app), IClassFixture<PostgresApp>;
