using System.Net;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Preparation;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Api;

/// <summary>E1.1 through the API: duties with named staff, defaults for an empty plan, and who may change them.</summary>
public abstract class StaffingApiTests(TestApp app) : PreparationApiTests(app)
{
    [Fact]
    public async Task The_team_adds_a_duty_with_a_named_staff_member_and_lists_it()
    {
        var id = await OpenActivity();

        var duty = await (await AddDuty(id, Duty("主持人", DutyKind.Host, ModeratorEmail))).Expect<DutyView>(HttpStatusCode.Created);

        Assert.True(duty.Staffed);
        Assert.Equal(ModeratorEmail, duty.AssigneeEmail);
        var listed = Assert.Single(await Duties(id, by: "moderator"));
        Assert.Equal(duty.Id, listed.Id);
        Assert.Equal(DutyKind.Host, listed.Kind);
    }

    [Fact]
    public async Task A_repeated_request_with_the_same_idempotency_key_adds_the_duty_once()
    {
        var id = await OpenActivity();
        var key = Guid.NewGuid().ToString();
        var body = Duty("答疑", DutyKind.QnA, ModeratorEmail);

        var first = await (await (await Planner).PostJson($"/api/activities/{id}/duties", body, key)).Expect<DutyView>(HttpStatusCode.Created);
        var again = await (await (await Planner).PostJson($"/api/activities/{id}/duties", body, key)).Expect<DutyView>(HttpStatusCode.Created);

        Assert.Equal(first.Id, again.Id);
        Assert.Single(await Duties(id));
    }

    [Fact]
    public async Task A_member_cannot_be_named_for_a_duty()
    {
        var id = await OpenActivity();

        var problem = await (await AddDuty(id, Duty(assignee: "member7@" + TestApp.Domain))).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains("assigneeEmail", problem.Fields);
        Assert.Empty(await Duties(id));
    }

    [Fact]
    public async Task A_slot_that_ends_before_it_starts_is_refused_naming_the_field()
    {
        var id = await OpenActivity();
        var now = DateTimeOffset.UtcNow;

        var problem = await (await AddDuty(id, Duty(from: now, to: now.AddHours(-2)))).ExpectProblem(HttpStatusCode.BadRequest);

        Assert.Contains("to", problem.Fields);
    }

    [Fact]
    public async Task Someone_off_the_team_may_not_change_duties_and_a_member_does_not_see_them()
    {
        var id = await OpenActivity();
        var duty = await (await AddDuty(id, Duty())).Expect<DutyView>(HttpStatusCode.Created);

        Assert.Equal("not-on-team", (await (await AddDuty(id, Duty(), by: "planner2")).ExpectProblem(HttpStatusCode.Forbidden)).Code);
        await (await (await Planner2).DeleteAsync($"/api/duties/{duty.Id}", Ct)).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await Member).GetAsync($"/api/activities/{id}/duties", Ct)).ShouldBe(HttpStatusCode.NotFound);
        await (await AddDuty(id, Duty(), by: "member7")).ShouldBe(HttpStatusCode.NotFound);
        Assert.Single(await Duties(id));
    }

    [Fact]
    public async Task Defaults_suggest_a_host_and_a_moderator_on_watch_for_the_whole_activity_once()
    {
        var id = await OpenActivity();
        var (startsAt, endsAt) = await App.WithDb(db => db.Activities.Where(a => a.Id == id)
            .Select(a => new ValueTuple<DateTimeOffset?, DateTimeOffset?>(a.StartsAt, a.EndsAt)).SingleAsync(Ct));

        var added = await (await (await Planner).PostJson($"/api/activities/{id}/duties/defaults", null))
            .Expect<Page<DutyView>>(HttpStatusCode.Created);

        Assert.Equal([DutyKind.Host, DutyKind.ModeratorOnWatch], added.Items.Select(d => d.Kind).Order());
        Assert.All(added.Items, d => Assert.False(d.Staffed));
        Assert.All(added.Items, d => Assert.Equal(startsAt, d.From));
        Assert.All(added.Items, d => Assert.Equal(endsAt, d.To));
        var again = await (await (await Planner).PostJson($"/api/activities/{id}/duties/defaults", null)).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("duties-exist", again.Code);
    }

    [Fact]
    public async Task A_duty_is_assigned_by_editing_it_and_removed()
    {
        var id = await OpenActivity();
        var duty = await (await AddDuty(id, Duty(assignee: null))).Expect<DutyView>(HttpStatusCode.Created);
        Assert.False(duty.Staffed);

        var edited = await (await (await Planner).PutJson($"/api/duties/{duty.Id}", Duty("值班", DutyKind.ModeratorOnWatch, ModeratorEmail)))
            .Expect<DutyView>(HttpStatusCode.OK);
        Assert.True(edited.Staffed);
        Assert.Equal("值班", edited.Title);
        var audited = await App.WithDb(db => db.AuditEntries.Where(e => e.SubjectId == id.ToString() && e.Code.StartsWith("duty."))
            .OrderBy(e => e.Sequence).Select(e => e.Code).ToListAsync(Ct));
        Assert.Equal(["duty.added", "duty.updated"], audited);

        await (await (await Planner).DeleteAsync($"/api/duties/{duty.Id}", Ct)).ShouldBe(HttpStatusCode.NoContent);
        Assert.Empty(await Duties(id));
        await (await (await Planner).DeleteAsync($"/api/duties/{duty.Id}", Ct)).ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class StaffingApiTests_Sqlite(SqliteApp app) : StaffingApiTests(app), IClassFixture<SqliteApp>;
public sealed class StaffingApiTests_Postgres(PostgresApp app) : StaffingApiTests(app), IClassFixture<PostgresApp>;
