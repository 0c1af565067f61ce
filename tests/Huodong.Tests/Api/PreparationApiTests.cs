using System.Net;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Preparation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Huodong.Tests.Api;

/// <summary>What the preparation tests share: duties, materials and readiness checks through the API.</summary>
public abstract class PreparationApiTests(TestApp app) : ParticipationTests(app)
{
    protected const string PlannerEmail = "planner@" + TestApp.Domain;
    protected const string ModeratorEmail = "moderator@" + TestApp.Domain;

    protected static object Duty(string title = "主持人", DutyKind kind = DutyKind.Host, string? assignee = PlannerEmail,
        DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        new { kind, title, from = from ?? DateTimeOffset.UtcNow.AddHours(-1), to = to ?? DateTimeOffset.UtcNow.AddDays(3), assigneeEmail = assignee };

    protected static object Material(string name = "一等奖：机械键盘", int needed = 3, int inHand = 0,
        MaterialStatus status = MaterialStatus.Planned, MaterialKind kind = MaterialKind.Prize, string? owner = PlannerEmail) =>
        new { name, kind, quantityNeeded = needed, quantityInHand = inHand, status, ownerEmail = owner };

    protected async Task<HttpResponseMessage> AddDuty(Guid id, object body, string by = "planner") =>
        await (await App.As(by)).PostJson($"/api/activities/{id}/duties", body);

    protected async Task<HttpResponseMessage> AddMaterial(Guid id, object body, string by = "planner") =>
        await (await App.As(by)).PostJson($"/api/activities/{id}/materials", body);

    protected async Task<List<DutyView>> Duties(Guid id, string by = "planner") =>
        (await (await (await App.As(by)).GetAsync($"/api/activities/{id}/duties", Ct)).Expect<Page<DutyView>>(HttpStatusCode.OK)).Items;

    protected async Task<ReadinessCheckView> RunCheck(Guid id, HttpClient? client = null) =>
        await (await (client ?? await Planner).PostJson($"/api/activities/{id}/readiness-checks", null))
            .Expect<ReadinessCheckView>(HttpStatusCode.Created);

    protected async Task<ReadinessAnswer> Gate(Guid id, HttpClient? client = null) =>
        await (await (client ?? await Planner).GetAsync($"/api/activities/{id}/readiness", Ct)).Expect<ReadinessAnswer>(HttpStatusCode.OK);

    /// <summary>
    /// Staffs the suggested duties (the moderator on each), adds a ready material, runs a readiness check that must
    /// pass and ticks its items: every gate condition but the promotion.
    /// </summary>
    protected async Task PrepareAllButPromotionAsync(Guid id, HttpClient planner)
    {
        foreach (var d in (await (await planner.PostJson($"/api/activities/{id}/duties/defaults", null)).Expect<Page<DutyView>>(HttpStatusCode.Created)).Items)
            await (await planner.PutJson($"/api/duties/{d.Id}", Duty(d.Title, d.Kind, ModeratorEmail, d.From, d.To))).ShouldBe(HttpStatusCode.OK);
        await (await AddMaterial(id, Material(needed: 3, inHand: 3, status: MaterialStatus.Ready))).ShouldBe(HttpStatusCode.Created);
        var check = await RunCheck(id, planner);
        Assert.All(check.Probes, p => Assert.True(p.Passed, $"{p.Name}: {p.Detail}"));
        foreach (var item in check.Items)
            await (await planner.PutJson($"/api/activities/{id}/readiness-checks/{check.Id}/items/{item.Key}", new { done = true })).ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>
    /// The same app with the promotion reported as sent for <see cref="SentPromotions"/> and an SMTP host set, as the
    /// promotion feature (built in parallel) will answer once it is merged. Same database, same signing keys.
    /// </summary>
    protected WebApplicationFactory<Program> WithPromotionSent() => App.WithWebHostBuilder(b =>
    {
        b.UseSetting("Email:Smtp:Host", "smtp.test.invalid");
        b.ConfigureTestServices(s => s.AddScoped<IPromotionStatus, SentPromotions>());
    });

    protected async Task<HttpClient> ClientOf(WebApplicationFactory<Program> factory, string account)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = (await App.As(account)).DefaultRequestHeaders.Authorization;
        return client;
    }
}

/// <summary>A stand-in for the promotion feature: the activities listed here have had their promotion sent.</summary>
public sealed class SentPromotions : IPromotionStatus
{
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, DateTimeOffset> Sent = new();

    public Task<PromotionState> OfAsync(Guid activityId, CancellationToken ct) =>
        Task.FromResult(Sent.TryGetValue(activityId, out var at) ? new PromotionState(true, at) : new PromotionState(false));
}
