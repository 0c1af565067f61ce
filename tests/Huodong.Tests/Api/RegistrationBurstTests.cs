using System.Net;
using Huodong.Tests.Builders;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Participation;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Tests.Api;

/// <summary>
/// DESIGN.md principle 3 for registrations: a burst of members registering at the same moment never oversells,
/// never answers 5xx, never registers anyone twice, and numbers arrivals without gaps. All 200 demo members race.
/// </summary>
public abstract class RegistrationBurstTests(TestApp app) : ParticipationTests(app)
{
    private const int Capacity = 25;
    private static readonly string[] AllMembers = Enumerable.Range(1, 200).Select(n => $"member{n}").ToArray();

    /// <summary>Signs every racer in beforehand, in parallel, so the race itself is only registrations.</summary>
    private async Task<HttpClient[]> SignIn(IEnumerable<string> members) => await Task.WhenAll(members.Select(App.As));

    /// <summary>Starts every send at the same moment (an async gate) and waits for all the answers.</summary>
    private static async Task<(HttpStatusCode Status, string Body)[]> Race(IEnumerable<Func<Task<HttpResponseMessage>>> sends)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = sends.Select(send => Task.Run(async () =>
        {
            await start.Task;
            using var response = await send();
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        })).ToArray();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }

    private static Func<Task<HttpResponseMessage>> Registering(HttpClient client, Guid id, int n) => () =>
        client.PostJson($"/api/activities/{id}/registrations", new { realName = $"会员{n}", phone = $"139{n:00000000}" });

    private static void NoServerErrors((HttpStatusCode Status, string Body)[] answers) =>
        Assert.All(answers, a => Assert.True((int)a.Status < 500, $"{(int)a.Status}: {a.Body}"));

    [Fact]
    public async Task Two_hundred_members_racing_for_25_places_without_a_waitlist_get_exactly_25_places()
    {
        var id = await OpenActivity(ParticipationPlans.OpenNow(capacity: Capacity, waitlist: false));
        var clients = await SignIn(AllMembers);

        var answers = await Race(clients.Select((c, i) => Registering(c, id, i)));

        NoServerErrors(answers);
        var created = answers.Where(a => a.Status == HttpStatusCode.Created).Select(a => Parse<RegistrationView>(a.Body)).ToList();
        Assert.Equal(Capacity, created.Count);
        Assert.All(created, r => Assert.Equal(RegistrationStatus.Confirmed, r.Status));
        var refused = answers.Where(a => a.Status != HttpStatusCode.Created).ToList();
        Assert.Equal(AllMembers.Length - Capacity, refused.Count);
        Assert.All(refused, a =>
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, a.Status);
            Assert.Equal("capacity-full", Parse<Problem>(a.Body).Code);
        });

        var stored = await RegistrationsOf(id);
        Assert.Equal(Capacity, stored.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(stored.Count, stored.Select(r => r.MemberId).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, Capacity).Select(n => (long)n), stored.Select(r => r.Number).Order());
        var seats = await Seats(id);
        Assert.Equal((Capacity, 0), (seats.Confirmed, seats.Waitlisted));
        Assert.Equal(Capacity, (await Events(id)).Count(e => e.Kind == ActivityEventKind.Registered));
    }

    [Fact]
    public async Task Two_hundred_members_racing_with_a_waitlist_fill_the_places_and_queue_the_rest_in_arrival_order()
    {
        var id = await OpenActivity(ParticipationPlans.OpenNow(capacity: Capacity, waitlist: true));
        var clients = await SignIn(AllMembers);

        var answers = await Race(clients.Select((c, i) => Registering(c, id, i)));

        NoServerErrors(answers);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        var views = answers.Select(a => Parse<RegistrationView>(a.Body)).ToList();
        Assert.Equal(Capacity, views.Count(v => v.Status == RegistrationStatus.Confirmed));
        Assert.Equal(AllMembers.Length - Capacity, views.Count(v => v.Status == RegistrationStatus.Waitlisted));

        var stored = await RegistrationsOf(id);
        Assert.Equal(AllMembers.Length, stored.Select(r => r.MemberId).Distinct().Count());
        // Distinct and gap-free arrival numbers; the places went to the first arrivals, the waitlist to the rest.
        Assert.Equal(Enumerable.Range(1, AllMembers.Length).Select(n => (long)n), stored.Select(r => r.Number).Order());
        Assert.Equal(Enumerable.Range(1, Capacity).Select(n => (long)n),
            stored.Where(r => r.Status == RegistrationStatus.Confirmed).Select(r => r.Number).Order());
        var seats = await Seats(id);
        Assert.Equal((Capacity, AllMembers.Length - Capacity, (long)AllMembers.Length), (seats.Confirmed, seats.Waitlisted, seats.NextNumber));
    }

    [Fact]
    public async Task One_member_racing_ten_registrations_gets_one_and_nine_conflicts()
    {
        var id = await OpenActivity(ParticipationPlans.OpenNow(capacity: Capacity, waitlist: true));
        var client = await App.As("member3");

        var answers = await Race(Enumerable.Range(0, 10).Select(_ => Registering(client, id, 3)));

        NoServerErrors(answers);
        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.Status);
            Assert.Equal("already-registered", Parse<Problem>(a.Body).Code);
        });
        var stored = Assert.Single(await RegistrationsOf(id));
        Assert.Equal(1, stored.Number);
        var seats = await Seats(id);
        Assert.Equal((1, 0, 1L), (seats.Confirmed, seats.Waitlisted, seats.NextNumber));
    }

    [Fact]
    public async Task Ten_confirmed_members_cancelling_at_once_promote_the_next_ten_each_exactly_once()
    {
        var id = await OpenActivity(ParticipationPlans.OpenNow(capacity: 10, waitlist: true));
        var members = AllMembers.Take(30).ToArray();
        var clients = await SignIn(members);
        for (var i = 0; i < members.Length; i++)
        {
            using var registered = await Registering(clients[i], id, i)(); // one after another: numbers 1…30 in this order
            await registered.ShouldBe(HttpStatusCode.Created);
        }

        var answers = await Race(clients.Take(10).Select(c => (Func<Task<HttpResponseMessage>>)(() =>
            c.DeleteAsync($"/api/activities/{id}/registrations/me"))));

        NoServerErrors(answers);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        var stored = await RegistrationsOf(id);
        Assert.Equal(Enumerable.Range(11, 10).Select(n => (long)n),
            stored.Where(r => r.Status == RegistrationStatus.Confirmed).Select(r => r.Number).Order());
        Assert.Equal(Enumerable.Range(21, 10).Select(n => (long)n),
            stored.Where(r => r.Status == RegistrationStatus.Waitlisted).Select(r => r.Number).Order());
        var promotions = (await Events(id)).Where(e => e.Kind == ActivityEventKind.Promoted).ToList();
        Assert.Equal(10, promotions.Select(e => e.MemberId).Distinct().Count());
        Assert.Equal(10, promotions.Count);
        var seats = await Seats(id);
        Assert.Equal((10, 10), (seats.Confirmed, seats.Waitlisted));
    }

    private static T Parse<T>(string body) => System.Text.Json.JsonSerializer.Deserialize<T>(body, Http.Json)!;
}

public sealed class RegistrationBurstTests_Sqlite(SqliteApp app) : RegistrationBurstTests(app), IClassFixture<SqliteApp>;
public sealed class RegistrationBurstTests_Postgres(PostgresApp app) : RegistrationBurstTests(app), IClassFixture<PostgresApp>;
