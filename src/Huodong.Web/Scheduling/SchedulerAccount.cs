using Huodong.Web.People;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Scheduling;

/// <summary>
/// The account the scheduler acts as, so that an automatic launch or end reads in the history and the audit chain
/// like any other step ("who": the scheduler). It has no password and no role and is locked out: nobody signs in
/// as it. Created by the migrations, identical in every database.
/// </summary>
public static class SchedulerAccount
{
    public static readonly Guid Id = new("5c4ed01e-0000-4000-8000-000000000001");
    public const string DisplayName = "系统调度";

    public static Actor Actor { get; } = new(Id, new HashSet<string>());

    public static void Configure(ModelBuilder b) =>
        b.Entity<AppUser>().HasData(new AppUser
        {
            Id = Id,
            // No user name: the account never signs in, and a name would be sealed with a random nonce (the account's
            // personal data is, AccountDataProtector), which seed data cannot hold without changing on every migration.
            DisplayName = DisplayName,
            SecurityStamp = "5c4ed01e-scheduler-security-stamp",
            ConcurrencyStamp = "5c4ed01e-scheduler-concurrency-stamp",
            LockoutEnabled = true,
            LockoutEnd = DateTimeOffset.MaxValue,
            EmailOptIn = false,
            CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });
}
