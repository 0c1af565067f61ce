using System.Net;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Planning;

namespace Huodong.Tests.Api;

/// <summary>
/// The base of every API test class: written once, run on each provider by a derived <c>_Sqlite</c> and
/// <c>_Postgres</c> class. Each test makes fresh activities on the class's shared app.
/// </summary>
public abstract class ApiTests(TestApp app) : IAsyncLifetime
{
    protected TestApp App { get; } = app;
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        App.SkipUnlessAvailable();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected Task<HttpClient> Planner => App.As("planner");
    protected Task<HttpClient> Planner2 => App.As("planner2");
    protected Task<HttpClient> Head => App.As("head");
    protected Task<HttpClient> Leader => App.As("leader");
    protected Task<HttpClient> Member => App.As("member7");
    protected Task<HttpClient> Admin => App.As("admin");

    protected async Task<ActivityDto> CreateDraft(Plan? plan = null, string author = "planner")
    {
        var client = await App.As(author);
        return await (await client.PostJson("/api/activities", plan ?? Plans.Complete())).Expect<ActivityDto>(HttpStatusCode.Created);
    }

    protected async Task<ActivityDto> Submit(Guid id, string by = "planner") =>
        await (await (await App.As(by)).PostJson($"/api/activities/{id}/submit", null)).Expect<ActivityDto>(HttpStatusCode.OK);

    protected async Task<ActivityDto> Review(Guid id, string by, string decision, params string[] failedPoints) =>
        await (await (await App.As(by)).PostJson($"/api/activities/{id}/reviews", Verdicts.Body(decision, failedPoints)))
            .Expect<ActivityDto>(HttpStatusCode.OK);

    protected async Task<ActivityDto> InHeadReview(Plan? plan = null) => await Submit((await CreateDraft(plan)).Id);

    protected async Task<ActivityDto> InLeaderReview(Plan? plan = null) =>
        await Review((await InHeadReview(plan)).Id, "head", "pass");

    protected async Task<ActivityDto> Approved(Plan? plan = null) =>
        await Review((await InLeaderReview(plan)).Id, "leader", "pass");

    protected async Task<ActivityDto> Get(Guid id, string by = "planner") =>
        await (await (await App.As(by)).GetAsync($"/api/activities/{id}", Ct)).Expect<ActivityDto>(HttpStatusCode.OK);
}
