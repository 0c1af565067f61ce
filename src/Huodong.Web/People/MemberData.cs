using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.Participation;
using Huodong.Web.Security;
using Huodong.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.People;

/// <summary>
/// A member's rights under PIPL: a copy of everything the platform holds about them (art. 45, <c>GET /api/me/data</c>),
/// and erasure of their account (art. 47, <c>DELETE /api/me</c>). Erasure removes what identifies them — contact
/// details, sign-in, nickname, what they wrote, their inbox — and keeps them as an anonymous participant, so an
/// activity's counts, draws (entrant codes are not personal), awards (without the shipping address) and ledgers
/// stay correct.
/// </summary>
public sealed class MemberData(HuodongDb db, FieldProtector protector, UserManager<AppUser> users, AuditLog audit,
    TimeProvider time)
{
    public const string ErasedName = "已注销会员";
    public const string ErasedText = "（内容已随账号注销删除）";
    public static readonly Error NotMember = new(ErrorKind.Forbidden, "not-a-member", "Only members can do this with their own account.");
    public static readonly Error WrongPassword = Error.Validation(new Dictionary<string, string[]>
        { ["password"] = ["The password is not correct."] });

    public sealed record Export(DateTimeOffset ExportedAt, object Profile, IReadOnlyList<object> Registrations,
        IReadOnlyList<object> Submissions, IReadOnlyList<object> Comments, IReadOnlyList<object> Points,
        IReadOnlyList<object> Notifications);

    public async Task<Result<Export>> ExportAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.Is(Roles.Member)) return NotMember;
        var id = actor.Id;
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == id, ct);
        var registrations = await (from r in db.Registrations.AsNoTracking()
                                   join a in db.Activities on r.ActivityId equals a.Id
                                   where r.MemberId == id
                                   select new { r, a.Title }).ToListAsync(ct);
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.MemberId == id).ToListAsync(ct);
        var comments = await db.Comments.AsNoTracking().Where(c => c.AuthorId == id).ToListAsync(ct);
        var points = await db.PointsEntries.AsNoTracking().Where(p => p.MemberId == id).ToListAsync(ct);
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.UserId == id).ToListAsync(ct);
        return new Export(time.GetUtcNow(),
            new { user.Email, user.DisplayName, user.Level, user.PointsBalance, user.EmailOptIn, user.CreatedAt, user.SuspendedUntil },
            registrations.OrderBy(x => x.r.CreatedAt).Select(x => (object)new
            {
                activity = x.Title, x.r.ActivityId, code = x.r.Code, status = x.r.Status.ToString(), x.r.CreatedAt,
                realName = Decrypt(x.r.Contact.RealName, RegisterMember.NamePurpose),
                phone = Decrypt(x.r.Contact.Phone, RegisterMember.PhonePurpose),
                email = x.r.Contact.Email is { } e ? Decrypt(e, RegisterMember.EmailPurpose) : null,
                answers = x.r.AnswersJson is { } json ? Decrypt(json, RegisterMember.AnswersPurpose) : null,
            }).ToList(),
            submissions.OrderBy(s => s.CreatedAt).Select(s => (object)new
                { s.ActivityId, s.Content, s.TaskKey, status = s.Status.ToString(), s.CreatedAt }).ToList(),
            comments.OrderBy(c => c.CreatedAt).Select(c => (object)new
                { c.ActivityId, c.Body, c.IsQuestion, c.CreatedAt, c.LikeCount }).ToList(),
            points.OrderBy(p => p.At).Select(p => (object)new { p.Delta, p.Reason, p.ActivityId, p.At }).ToList(),
            notifications.OrderBy(n => n.CreatedAt).Select(n => (object)new
                { kind = n.Kind.ToString(), n.ActivityId, n.Args, n.CreatedAt, n.ReadAt }).ToList());
    }

    private string? Decrypt(string stored, string purpose)
    {
        if (string.IsNullOrEmpty(stored)) return null;
        var value = protector.Decrypt(stored, purpose);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>
    /// Erases the member's account after they confirm with their password. One transaction: contact details replaced
    /// by encrypted empty values and their lookup keys cleared, answers, posts and submissions blanked, inbox deleted,
    /// the account anonymised and locked. Audited without any personal value.
    /// </summary>
    public async Task<Result> EraseAsync(Actor actor, string? password, CancellationToken ct)
    {
        if (!actor.Is(Roles.Member)) return NotMember;
        var user = await users.FindByIdAsync(actor.Id.ToString());
        if (user is null) return NotMember;
        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password)) return WrongPassword;

        var id = user.Id;
        var now = time.GetUtcNow();
        var name = protector.Encrypt("", RegisterMember.NamePurpose);
        var phone = protector.Encrypt("", RegisterMember.PhonePurpose);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var registrations = await db.Registrations.Where(r => r.MemberId == id).ToListAsync(ct);
        foreach (var r in registrations) r.Erase(new ProtectedContact(name, phone, "erased", null, null));
        await db.SaveChangesAsync(ct);
        await db.Comments.Where(c => c.AuthorId == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Body, ErasedText), ct);
        await db.Submissions.Where(x => x.MemberId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Content, ErasedText), ct);
        await db.Notifications.Where(n => n.UserId == id).ExecuteDeleteAsync(ct);
        // Awards stay (the delivery log and stock add up), but a shipping address is personal.
        await db.Set<Rewards.Award>().Where(a => a.MemberId == id && a.ShippingAddress != null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ShippingAddress, (string?)null), ct);

        var anonymous = $"erased-{id:N}@erased.invalid";
        user.UserName = user.Email = anonymous;
        user.NormalizedUserName = user.NormalizedEmail = db.AccountKey(anonymous);
        user.EmailConfirmed = false;
        user.PhoneNumber = null;
        user.PasswordHash = null;
        user.DisplayName = ErasedName;
        user.EmailOptIn = false;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.SecurityStamp = Guid.NewGuid().ToString("N"); // sign-ins and refresh tokens issued before stop working
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(id, "member.erased", "member", id.ToString(), new { registrations = registrations.Count }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Ok;
    }
}
