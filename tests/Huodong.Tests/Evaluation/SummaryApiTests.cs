using System.Net;
using Huodong.Tests.Api;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Evaluation.Summary;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Evaluation;

/// <summary>E3.3 through the API on a real database: the summary is written by the team after the end, versioned, and required to close.</summary>
public abstract class SummaryApiTests(TestApp app) : ParticipationTests(app)
{
    private static object Text(string strengths = "报名踊跃。", string weaknesses = "提醒不够及时。", string feedback = "希望时间更长。") =>
        new { strengths, weaknesses, feedbackHighlights = feedback };

    protected async Task<Guid> EndedActivity()
    {
        var id = await OpenActivity();
        await App.LaunchAsync(id);
        await App.EndAsync(id);
        return id;
    }

    private async Task<HttpResponseMessage> Put(Guid id, object body, string by = "planner") =>
        await (await App.As(by)).PutJson($"/api/activities/{id}/summary", body);

    [Fact]
    public async Task Closing_is_refused_summary_required_until_the_team_writes_the_summary()
    {
        var id = await EndedActivity();
        Assert.True((await (await Planner).PostJson($"/api/activities/{id}/results/publish", null)).IsSuccessStatusCode);
        var lines = (await (await (await Planner).PostJson($"/api/activities/{id}/settlement", new { })).ExpectProblem(HttpStatusCode.BadRequest)).Fields;
        await (await (await Planner).PostJson($"/api/activities/{id}/settlement", new
        {
            explanations = lines.ToDictionary(f => f["explanations.".Length..], _ => "未发生支出"),
        })).ShouldBe(HttpStatusCode.Created);

        var refused = await (await (await Planner).PostJson($"/api/activities/{id}/close", null)).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("summary-required", refused.Code);
        Assert.Equal(ActivityStatus.ResultsPublished, (await Get(id)).Status);

        await (await Put(id, Text())).ShouldBe(HttpStatusCode.OK);
        await (await (await Planner).PostJson($"/api/activities/{id}/close", null)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(ActivityStatus.Closed, (await Get(id)).Status);

        // Closed: the summary is read-only, and still there for the reviewers.
        Assert.Equal("summary-not-writable", (await (await Put(id, Text("改写"))).ExpectProblem(HttpStatusCode.Conflict)).Code);
        var read = await (await (await Head).GetAsync($"/api/activities/{id}/summary", Ct)).Expect<SummaryView>(HttpStatusCode.OK);
        Assert.Equal("报名踊跃。", read.Strengths);
    }

    [Fact]
    public async Task The_summary_is_written_by_the_team_after_the_end_and_read_by_the_team_and_reviewers_only()
    {
        var id = await OpenActivity();
        Assert.Equal("summary-not-writable", (await (await Put(id, Text())).ExpectProblem(HttpStatusCode.Conflict)).Code);
        await App.LaunchAsync(id);
        Assert.Equal("summary-not-writable", (await (await Put(id, Text())).ExpectProblem(HttpStatusCode.Conflict)).Code);
        await App.EndAsync(id);

        await (await Put(id, Text(), by: "planner2")).ExpectProblem(HttpStatusCode.Forbidden);
        await (await Put(id, Text(), by: "member7")).ExpectProblem(HttpStatusCode.Forbidden);
        await (await Put(id, Text(), by: "head")).ExpectProblem(HttpStatusCode.Forbidden);
        var invalid = await (await Put(id, new { strengths = " ", weaknesses = new string('长', SummaryReview.MaxText + 1) }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Equal(["feedbackHighlights", "strengths", "weaknesses"], invalid.Fields.Order());
        await (await (await Planner).GetAsync($"/api/activities/{id}/summary", Ct)).ExpectProblem(HttpStatusCode.NotFound);

        await (await Put(id, Text())).ShouldBe(HttpStatusCode.OK);
        foreach (var reader in new[] { "planner", "head", "leader", "admin" })
            await (await (await App.As(reader)).GetAsync($"/api/activities/{id}/summary", Ct)).ShouldBe(HttpStatusCode.OK);
        foreach (var outsider in new[] { "member7", "finance", "moderator", "planner2" })
            await (await (await App.As(outsider)).GetAsync($"/api/activities/{id}/summary", Ct)).ExpectProblem(HttpStatusCode.Forbidden);

        var draft = (await CreateDraft()).Id; // a draft the caller may not see at all is not found
        await (await (await App.As("planner2")).GetAsync($"/api/activities/{draft}/summary", Ct)).ExpectProblem(HttpStatusCode.NotFound);
        await (await (await App.As("member7")).PutJson($"/api/activities/{draft}/summary", Text())).ExpectProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Each_change_to_the_summary_is_a_new_version_with_who_and_when_and_an_audit_entry()
    {
        var id = await EndedActivity();
        var first = await (await Put(id, Text())).Expect<SummaryView>(HttpStatusCode.OK);
        Assert.Equal(1, first.Version);
        var second = await (await Put(id, Text(weaknesses: "**提醒**太晚，奖品说明不清。"))).Expect<SummaryView>(HttpStatusCode.OK);
        Assert.Equal(2, second.Version);
        var same = await (await Put(id, Text(weaknesses: "**提醒**太晚，奖品说明不清。"))).Expect<SummaryView>(HttpStatusCode.OK);
        Assert.Equal(2, same.Version);

        Assert.Equal([2, 1], same.Revisions.Select(r => r.Version));
        Assert.Equal("提醒不够及时。", same.Revisions[1].Weaknesses);
        var planner = await App.UserIdAsync("planner");
        Assert.All(same.Revisions, r => Assert.Equal(planner, r.By.Id));
        Assert.Equal(planner, same.Written.Id);
        var codes = await App.WithDb(db => db.AuditEntries.AsNoTracking().Where(a => a.SubjectId == id.ToString() && a.Code.StartsWith("activity.summary"))
            .OrderBy(a => a.Sequence).Select(a => a.Code).ToListAsync(Ct));
        Assert.Equal(["activity.summary.written", "activity.summary.revised"], codes);
        Assert.Contains("\"ok\":true", await (await Admin).GetStringAsync("/api/audit/verify", Ct));
    }
}

public sealed class SummaryApiTests_Sqlite(SqliteApp app) : SummaryApiTests(app), IClassFixture<SqliteApp>;
public sealed class SummaryApiTests_Postgres(PostgresApp app) : SummaryApiTests(app), IClassFixture<PostgresApp>;
