using Huodong.Web.Audit;
using Huodong.Web.Data;
using Huodong.Web.Evaluation.Feedback;
using Huodong.Web.Evaluation.Surveys;
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
    TimeProvider time, AnswerSurvey answering, FeedbackInbox feedback)
{
    public const string ErasedName = "已注销会员";
    public const string ErasedText = "（内容已随账号注销删除）";
    public static readonly Error NotMember = new(ErrorKind.Forbidden, "not-a-member", "Only members can do this with their own account.");
    public static readonly Error WrongPassword = Error.Validation(new Dictionary<string, string[]>
        { ["password"] = ["The password is not correct."] });

    public sealed record Export(DateTimeOffset ExportedAt, object Profile, IReadOnlyList<object> Registrations,
        IReadOnlyList<object> Submissions, IReadOnlyList<object> Comments, IReadOnlyList<object> Points,
        IReadOnlyList<object> Notifications, IReadOnlyList<object> Surveys, IReadOnlyList<object> Feedback);

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
        var surveys = await SurveyAnswersAsync(id, ct);
        var threads = await feedback.MineAsync(actor, ct);
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
                { kind = n.Kind.ToString(), n.ActivityId, n.Args, n.CreatedAt, n.ReadAt }).ToList(),
            surveys,
            threads.OrderBy(t => t.CreatedAt).Select(t => (object)new
            {
                t.Id, t.ActivityId, activity = t.ActivityTitle, t.Body, t.CreatedAt, t.Answered,
                replies = t.Replies.Select(r => new { r.FromStaff, r.Author, r.Body, r.CreatedAt }).ToList(),
            }).ToList());
    }

    /// <summary>
    /// The member's survey responses: those that name them, and those of anonymous surveys, found by the keyed hash of
    /// the survey and the member that makes each member answer once (only the platform's index key can make it).
    /// </summary>
    private async Task<List<SurveyResponse>> ResponsesAsync(Guid memberId, bool tracked, CancellationToken ct)
    {
        var surveyIds = await db.Set<Survey>().AsNoTracking().Select(s => s.Id).ToListAsync(ct);
        var keys = surveyIds.Select(s => answering.MemberKey(s, memberId)).ToList();
        var set = tracked ? db.Set<SurveyResponse>() : db.Set<SurveyResponse>().AsNoTracking();
        return await set.Where(r => r.MemberId == memberId || keys.Contains(r.MemberKey)).ToListAsync(ct);
    }

    /// <summary>Each response with its survey's title and each answer beside its question's text, decrypted.</summary>
    private async Task<List<object>> SurveyAnswersAsync(Guid memberId, CancellationToken ct)
    {
        var responses = await ResponsesAsync(memberId, tracked: false, ct);
        if (responses.Count == 0) return [];
        var responseIds = responses.Select(r => r.Id).ToList();
        var surveyIds = responses.Select(r => r.SurveyId).Distinct().ToList();
        var surveys = await db.Set<Survey>().AsNoTracking().Where(s => surveyIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var answers = await db.Set<SurveyAnswer>().AsNoTracking().Where(a => responseIds.Contains(a.ResponseId)).ToListAsync(ct);
        return responses.OrderBy(r => r.SubmittedAt).Select(r =>
        {
            var survey = surveys[r.SurveyId];
            var questions = survey.Questions;
            return (object)new
            {
                r.SurveyId, survey = survey.Title, survey.ActivityId, anonymous = survey.Anonymous, r.SubmittedAt,
                answers = answers.Where(a => a.ResponseId == r.Id && a.Question < questions.Count).GroupBy(a => a.Question)
                    .OrderBy(g => g.Key).Select(g => new
                    {
                        question = questions[g.Key].Text,
                        type = questions[g.Key].Type.ToString(),
                        answer = string.Join("; ", g.OrderBy(a => a.Id).Select(a => AnswerText(questions[g.Key], a))),
                    }).ToList(),
            };
        }).ToList();
    }

    private string AnswerText(SurveyQuestion question, SurveyAnswer answer) =>
        answer.Text is { } text ? question.Personal ? protector.DecryptOrLegacy(text, AnswerSurvey.AnswerPurpose) : text
        : answer.Value is { } v && question.IsChoice && v >= 0 && v < question.Options.Count ? question.Options[v]
        : answer.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// Erasure of the member's survey answers and feedback: free-text answers replaced by the erased marker (sealed
    /// again for personal questions), responses unlinked from the member but kept, so counts, ratings and CSAT stay as
    /// they were; every message of the member's feedback threads (theirs and the replies to them) replaced by the
    /// marker, so thread and reply counts stay.
    /// </summary>
    private async Task<(int Responses, int Threads)> EraseEvaluationAsync(Guid memberId, CancellationToken ct)
    {
        var responses = await ResponsesAsync(memberId, tracked: true, ct);
        var responseIds = responses.Select(r => r.Id).ToList();
        var surveyIds = responses.Select(r => r.SurveyId).Distinct().ToList();
        var questions = (await db.Set<Survey>().AsNoTracking().Where(s => surveyIds.Contains(s.Id)).ToListAsync(ct))
            .ToDictionary(s => s.Id, s => s.Questions);
        var texts = await db.Set<SurveyAnswer>().Where(a => responseIds.Contains(a.ResponseId) && a.Text != null).ToListAsync(ct);
        foreach (var a in texts)
        {
            var personal = questions.GetValueOrDefault(a.SurveyId) is { } qs && a.Question < qs.Count && qs[a.Question].Personal;
            a.EraseText(personal ? protector.Encrypt(ErasedText, AnswerSurvey.AnswerPurpose) : ErasedText);
        }
        foreach (var r in responses) r.Unlink(Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

        var erased = protector.Encrypt(ErasedText, FeedbackInbox.Purpose);
        var threads = db.Set<FeedbackThread>().Where(t => t.MemberId == memberId).Select(t => t.Id);
        await db.Set<FeedbackReply>().Where(r => threads.Contains(r.ThreadId) || r.AuthorId == memberId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Body, erased), ct);
        var threadCount = await db.Set<FeedbackThread>().Where(t => t.MemberId == memberId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Body, erased), ct);
        return (responses.Count, threadCount);
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
        var (responses, threads) = await EraseEvaluationAsync(id, ct);
        await db.SaveChangesAsync(ct);
        // Sign-in tokens and an authenticator key go with the account.
        await db.UserTokens.Where(t => t.UserId == id).ExecuteDeleteAsync(ct);
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
        await audit.AppendAsync(id, "member.erased", "member", id.ToString(), new { registrations = registrations.Count, responses, threads }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Ok;
    }
}
