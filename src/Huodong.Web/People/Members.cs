using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.People;

/// <summary>
/// Members' profiles, points and levels: a member edits their nickname (completing the platform task
/// "complete-profile"); staff grant or deduct points (levels follow) or set a level by hand. Staff changes are audited.
/// </summary>
public sealed class Members(HuodongDb db, AuditLog audit, TimeProvider time, Conduct.ContentScreen screen)
{
    public const int MaxNickname = 30;
    public static readonly Error NotAMember = Error.NotFound("Member");

    public static bool CanManage(Actor actor) => actor.Is(Roles.Admin) || actor.Is(Roles.Moderator);

    /// <summary>
    /// Sets the nickname. A member's nickname goes through the conduct filter (M3.2): blocked → refused; held → the
    /// old nickname stays and the new one waits in a moderation case (applied if a moderator approves it).
    /// </summary>
    public async Task<Result<ProfileUpdate>> UpdateProfileAsync(Actor actor, string? nickname, CancellationToken ct)
    {
        var name = nickname?.Trim();
        if (string.IsNullOrEmpty(name)) return Error.Field("nickname", "Required.");
        if (name.Length > MaxNickname) return Error.Field("nickname", "Must be at most 30 characters.");
        if (name.Any(char.IsControl)) return Error.Field("nickname", "Contains characters that are not allowed.");
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == actor.Id, ct);
        if (user is null) return NotAMember;
        var screening = actor.Is(Roles.Member) ? await screen.CheckAsync(user.Id, name, isPost: false, ct) : null;
        if (screening is { Blocked: true }) return screening.Refusal;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (screening is not null)
            await screen.RecordAsync(screening, user.Id, Conduct.CaseSubject.Nickname, user.Id, null, name, ct);
        if (screening is not { Held: true }) user.DisplayName = name;
        if (actor.Is(Roles.Member))
            await TaskProgress.CompleteAsync(db, Guid.Empty, user.Id, PlatformTasks.CompleteProfile, "detected", null, time.UtcNow(), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ProfileUpdate(user, screening is { Held: true });
    }

    /// <summary>Credits or debits points in one atomic statement on the balance, with a ledger line beside it.</summary>
    public async Task<Result<AppUser>> AdjustPointsAsync(Actor actor, Guid memberId, int delta, string? reason, CancellationToken ct)
    {
        if (!CanManage(actor)) return Error.Forbidden;
        if (delta == 0) return Error.Field("delta", "Must not be zero.");
        if (Math.Abs(delta) > 1_000_000) return Error.Field("delta", "The number is too large.");
        if (string.IsNullOrWhiteSpace(reason)) return Error.Field("reason", "Required.");
        if (reason.Length > 200) return Error.Field("reason", "Must be at most 200 characters.");
        await using var tx = await JoinOrBeginAsync(ct);
        if (await CreditAsync(db, memberId, delta, reason.Trim(), null, actor.Id, time.UtcNow(), ct) is not { } user) return NotAMember;
        await audit.AppendAsync(actor.Id, "member.points.adjusted", "member", memberId.ToString(),
            new { delta, reason = reason.Trim(), balance = user.PointsBalance }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }

    public async Task<Result<AppUser>> SetLevelAsync(Actor actor, Guid memberId, int? level, CancellationToken ct)
    {
        if (!actor.Is(Roles.Admin)) return Error.Forbidden;
        if (level is < 1 or > 5) return Error.Field("level", "Must be between 1 and 5.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = await MembersOnly().FirstOrDefaultAsync(u => u.Id == memberId, ct);
        if (user is null) return NotAMember;
        // A null level hands the level back to the points.
        user.LevelSetByStaff = level is not null;
        user.Level = level ?? MemberLevels.ForPoints(user.PointsBalance);
        await audit.AppendAsync(actor.Id, "member.level.set", "member", memberId.ToString(),
            new { level = user.Level, byStaff = user.LevelSetByStaff }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }

    /// <summary>
    /// Suspends a member until a time (null lifts it), with a reason; the conduct issue's moderation decisions
    /// call this too. While suspended the member cannot register, submit or comment (422 <c>suspended</c>).
    /// </summary>
    public async Task<Result<AppUser>> SuspendAsync(Actor actor, Guid memberId, DateTimeOffset? until, string? reason, CancellationToken ct)
    {
        if (!CanManage(actor)) return Error.Forbidden;
        if (string.IsNullOrWhiteSpace(reason)) return Error.Field("reason", "Required.");
        if (reason.Length > 200) return Error.Field("reason", "Must be at most 200 characters.");
        if (until is { } u && u <= time.GetUtcNow()) return Error.Field("until", "Must be in the future.");
        await using var tx = await JoinOrBeginAsync(ct);
        var user = await MembersOnly().FirstOrDefaultAsync(x => x.Id == memberId, ct);
        if (user is null) return NotAMember;
        user.SuspendedUntil = until?.ToUniversalTime();
        await audit.AppendAsync(actor.Id, until is null ? "member.suspension.lifted" : "member.suspended", "member",
            memberId.ToString(), new { until = user.SuspendedUntil, reason = reason.Trim() }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }

    /// <summary>The refusal for a member suspended at <paramref name="now"/>, or null when they may act.</summary>
    public static async Task<Error?> SuspensionOfAsync(HuodongDb db, Guid memberId, DateTimeOffset now, CancellationToken ct) =>
        SuspendedError(await db.Users.Where(u => u.Id == memberId).Select(u => u.SuspendedUntil).FirstOrDefaultAsync(ct), now);

    /// <summary>The refusal for a suspended member, or null when they may act now.</summary>
    public static Error? SuspendedError(DateTimeOffset? until, DateTimeOffset now) =>
        until is { } u && u > now
            ? new Error(ErrorKind.BusinessRule, "suspended", "Your account is suspended until {0}.",
                [u.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm") + " (UTC+8)"])
            : null;

    /// <summary>
    /// A transaction of its own, or none when the caller's is open: a moderation decision (Conduct/) suspends or
    /// deducts points inside its own transaction, so that the decision and its penalty commit together.
    /// </summary>
    private async Task<OwnTransaction> JoinOrBeginAsync(CancellationToken ct) =>
        new(db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null);

    private sealed class OwnTransaction(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? tx) : IAsyncDisposable
    {
        public Task CommitAsync(CancellationToken ct) => tx?.CommitAsync(ct) ?? Task.CompletedTask;
        public ValueTask DisposeAsync() => tx?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    /// <summary>Accounts with the Member role.</summary>
    public IQueryable<AppUser> MembersOnly() => MembersOf(db);

    private static IQueryable<AppUser> MembersOf(HuodongDb db) =>
        db.Users.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Member)));

    /// <summary>
    /// The points credit (or debit) itself, inside the caller's unit of work: the balance in one atomic UPDATE, the
    /// ledger line beside it, the level following the new balance unless staff set it. Null when not a member.
    /// </summary>
    public static async Task<AppUser?> CreditAsync(HuodongDb db, Guid memberId, int delta, string reason, Guid? activityId,
        Guid byId, DateTimeOffset at, CancellationToken ct)
    {
        // Every caller audits the credit: the chain first, then the member's row (see AuditLog.LockChainAsync).
        await Audit.AuditLog.LockChainAsync(db, ct);
        var changed = await MembersOf(db).Where(u => u.Id == memberId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PointsBalance, u => u.PointsBalance + delta), ct);
        if (changed == 0) return null;
        db.PointsEntries.Add(new PointsEntry(memberId, delta, reason, activityId, byId, at));
        var user = await db.Users.FirstAsync(u => u.Id == memberId, ct);
        await db.Entry(user).ReloadAsync(ct); // ExecuteUpdate does not refresh an entity already tracked
        if (!user.LevelSetByStaff) user.Level = MemberLevels.ForPoints(user.PointsBalance);
        return user;
    }

}

/// <summary>The saved profile, and whether the new nickname waits for a moderator instead (M3.2).</summary>
public sealed record ProfileUpdate(AppUser User, bool Held);
