using System.Collections;
using Stopwatch = System.Diagnostics.Stopwatch;
using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

/// <summary>
/// The evaluation benchmark's data (bench/evaluation): around one ended activity, <c>participants</c> members with a
/// confirmed registration and <c>events</c> recorded events in all — the activity's own during its span, and the
/// community's in the windows the effect metrics read (the span before it, 30 days after it). Registrations carry
/// real ciphertexts made with the app's keys (the same <c>Security__Keys__*</c> environment), so the export decrypts them.
/// </summary>
static partial class Bench
{
    public static async Task<int> EvaluationDataAsync(Args a)
    {
        var participants = a.Int("participants", 100_000);
        var events = a.Int("events", 1_000_000);
        var activityId = Guid.Parse(a["activity"]);
        var sw = Stopwatch.StartNew();
        var rng = new Random(20261126);

        await using var db = Db(a);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var activity = await db.Activities.AsNoTracking().SingleAsync(x => x.Id == activityId);
        var (start, end) = (activity.StartsAt!.Value, activity.EndsAt!.Value);
        var span = end - start;
        var role = await db.Roles.SingleAsync(r => r.NormalizedName == Roles.Member.ToUpperInvariant());
        // The app's keys, read the way the app reads them from its environment (Security__Keys__… → Security:Keys:…).
        var env = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Select(e => new KeyValuePair<string, string?>(((string)e.Key).Replace("__", ":"), (string?)e.Value));
        var config = new ConfigurationBuilder().AddInMemoryCollection(env).Build();
        var protector = new FieldProtector(KeyRing.FromConfiguration(config, null));
        var number = 1 + await db.Registrations.Where(r => r.ActivityId == activityId).MaxAsync(r => (long?)r.Number) ?? 1;

        // The participants, and a fifth as many members who did not take part (the retention comparison's others).
        var members = new List<Guid>();
        var total = participants + participants / 5;
        for (var n = 1; n <= total; n++)
        {
            var email = $"eval{n}@{Domain}";
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = $"评估会员{n}", Level = 1 + n % 5,
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
                CreatedAt = start.AddDays(-400),
            };
            members.Add(user.Id);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = role.Id });
            if (n <= participants)
                db.Registrations.Add(new Registration(activityId, user.Id, number++, RegistrationStatus.Confirmed,
                    RegisterMember.Protect(protector, new RegistrationInput(Name(n), Phone(n), $"eval{n}@example.com", null)),
                    null, start.AddTicks(-(long)(rng.NextDouble() * span.Ticks))));
            if (n % 5_000 == 0 || n == total) await FlushAsync(db);
        }
        Console.Error.WriteLine($"members and registrations: {sw.Elapsed.TotalSeconds:F0} s");

        // Events: registrations just before the start; the activity's own during its span (views, comments, likes,
        // questions, answers); and the community's in the other activities before and after.
        var other = Guid.NewGuid();
        Guid Member(int upTo) => members[rng.Next(upTo)];
        DateTimeOffset In(DateTimeOffset from, TimeSpan length) => from.AddTicks((long)(rng.NextDouble() * length.Ticks));
        ActivityEventKind[] during = [ActivityEventKind.PageView, ActivityEventKind.PageView, ActivityEventKind.PageView,
            ActivityEventKind.Commented, ActivityEventKind.Liked, ActivityEventKind.Liked, ActivityEventKind.Questioned, ActivityEventKind.Answered];
        var written = 0;
        for (var i = 0; i < events; i++)
        {
            var share = (double)i / events;
            db.ActivityEvents.Add(share switch
            {
                _ when i < participants => new ActivityEvent(activityId, members[i], ActivityEventKind.Registered, In(start - span, span)),
                < 0.70 => new ActivityEvent(activityId, Member(members.Count), during[rng.Next(during.Length)], In(start, span)),
                < 0.80 => new ActivityEvent(other, Member(members.Count), ActivityEventKind.Commented, In(start - span, span)),
                _ => new ActivityEvent(other, Member(members.Count), ActivityEventKind.PageView, In(end, TimeSpan.FromDays(30))),
            });
            if (++written % 20_000 == 0) await FlushAsync(db);
        }
        await FlushAsync(db);
        Console.WriteLine($"participants={participants} members={total} events={events} activity={activityId} seconds={sw.Elapsed.TotalSeconds:F1}");
        return 0;
    }

    private static async Task FlushAsync(HuodongDb db)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
