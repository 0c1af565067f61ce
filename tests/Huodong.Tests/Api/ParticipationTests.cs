using System.Net;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Participation;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Api;

/// <summary>
/// What the participation tests share: approved activities made through the API, registrations, and reading the
/// member's side (registration, notifications) back. Each test makes its own activities on the class's app.
/// </summary>
public abstract class ParticipationTests(TestApp app) : ApiTests(app)
{
    /// <summary>An approved (published) activity with registration open now, made through the API.</summary>
    protected async Task<Guid> OpenActivity(Plan? plan = null) => (await Approved(plan ?? ParticipationPlans.OpenNow())).Id;

    /// <summary>An approved activity launched to Live (E2.1) through the domain, after <paramref name="registrants"/> register.</summary>
    protected async Task<Guid> LiveActivity(Plan plan, params string[] registrants)
    {
        var id = await OpenActivity(plan);
        foreach (var m in registrants) await (await Register(m, id)).ShouldBe(HttpStatusCode.Created);
        await App.LaunchAsync(id);
        return id;
    }

    protected static object Contact(string realName = "李四", string phone = "13912345678", string? email = null) =>
        new { realName, phone, email };

    protected async Task<HttpResponseMessage> Register(string member, Guid activityId, object? body = null,
        string? idempotencyKey = null, string? acceptLanguage = null) =>
        await (await App.As(member)).SendJson(HttpMethod.Post, $"/api/activities/{activityId}/registrations",
            body ?? Contact(), idempotencyKey, acceptLanguage);

    protected async Task<RegistrationView> Registered(string member, Guid activityId, object? body = null) =>
        await (await Register(member, activityId, body)).Expect<RegistrationView>(HttpStatusCode.Created);

    protected async Task<HttpResponseMessage> Mine(string member, Guid activityId) =>
        await (await App.As(member)).GetAsync($"/api/activities/{activityId}/registrations/me", Ct);

    protected async Task<HttpResponseMessage> CancelMine(string member, Guid activityId) =>
        await (await App.As(member)).DeleteAsync($"/api/activities/{activityId}/registrations/me", Ct);

    protected async Task<List<NotificationItem>> Notifications(string member, Guid? activityId = null, string? culture = null)
    {
        var client = await App.As(member);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/notifications?pageSize=100");
        if (culture is not null) request.Headers.AcceptLanguage.ParseAdd(culture);
        var page = await (await client.SendAsync(request, Ct)).Expect<NotificationPage>(HttpStatusCode.OK);
        return page.Items.Where(n => activityId is null || n.ActivityId == activityId).ToList();
    }

    protected Task<List<ActivityEvent>> Events(Guid activityId) =>
        App.WithDb(db => db.ActivityEvents.AsNoTracking().Where(e => e.ActivityId == activityId).OrderBy(e => e.Id).ToListAsync(Ct));

    protected Task<ActivitySeats> Seats(Guid activityId) =>
        App.WithDb(db => db.ActivitySeats.AsNoTracking().SingleAsync(s => s.ActivityId == activityId, Ct));

    protected Task<List<Registration>> RegistrationsOf(Guid activityId) =>
        App.WithDb(db => db.Registrations.AsNoTracking().Where(r => r.ActivityId == activityId).ToListAsync(Ct));
}

public sealed record NotificationItem(Guid Id, NotificationKind Kind, string Text, Guid? ActivityId, DateTimeOffset CreatedAt, bool Read);
public sealed record NotificationPage(List<NotificationItem> Items, int Total, int Unread);
