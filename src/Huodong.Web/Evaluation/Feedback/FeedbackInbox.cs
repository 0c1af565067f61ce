using Huodong.Web.Audit;
using Huodong.Web.Conduct;
using Huodong.Web.Data;
using Huodong.Web.Evaluation.Surveys;
using Huodong.Web.Participation;
using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Security;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Feedback;

public sealed record FeedbackInput(string? Body);

public sealed record FeedbackMessageView(Guid Id, bool FromStaff, string Author, string Body, DateTimeOffset CreatedAt);

public sealed record FeedbackThreadView(Guid Id, Guid ActivityId, string ActivityTitle, string Member, string Body,
    DateTimeOffset CreatedAt, DateTimeOffset LastMessageAt, bool Answered, IReadOnlyList<FeedbackMessageView> Replies);

/// <summary>
/// V2.3: a member sends private feedback about an activity they can see; the activity's team, the community head and
/// admins read it in their inbox and reply; the member reads the replies in their own list and is notified of each.
/// Anyone else gets 404, as if the thread did not exist. Members' text passes the conduct filter's block rules.
/// </summary>
public sealed class FeedbackInbox(HuodongDb db, AuditLog audit, FieldProtector protector, ContentScreen screen, TimeProvider time)
{
    private const string Purpose = "feedback.body";
    public static readonly Error ThreadNotFound = Error.NotFound("Feedback");

    public async Task<Result<FeedbackThreadView>> SendAsync(Actor actor, Guid activityId, FeedbackInput input, CancellationToken ct)
    {
        if (!actor.IsSignedIn) return Error.Forbidden;
        var activity = await db.Activities.AsNoTracking().Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null || !PlanningPermissions.CanSee(actor, activity) || !activity.IsPublished) return ActivityErrors.NotFound;
        if (!actor.Is(Roles.Member)) return Error.Forbidden;
        if (Validate(input.Body) is { } invalid) return invalid;
        var body = input.Body!.Trim();
        var screening = await screen.CheckAsync(actor.Id, body, isPost: false, ct);
        if (screening.Blocked) return screening.Refusal;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var thread = new FeedbackThread(activityId, actor.Id, protector.Encrypt(body, Purpose), time.UtcNow());
        db.Add(thread);
        await audit.AppendAsync(actor.Id, "feedback.sent", "feedback", thread.Id.ToString(), new { activityId }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (await ViewsAsync([thread], ct)).Single();
    }

    public async Task<Result<FeedbackMessageView>> ReplyAsync(Actor actor, Guid threadId, FeedbackInput input, CancellationToken ct)
    {
        var (thread, activity, refused) = await LoadAsync(actor, threadId, tracked: true, ct);
        if (refused is not null) return refused;
        if (Validate(input.Body) is { } invalid) return invalid;
        var body = input.Body!.Trim();
        var fromStaff = thread!.MemberId != actor.Id;
        if (!fromStaff)
        {
            var screening = await screen.CheckAsync(actor.Id, body, isPost: false, ct);
            if (screening.Blocked) return screening.Refusal;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.UtcNow();
        var reply = thread.Reply(actor.Id, fromStaff, protector.Encrypt(body, Purpose), now);
        db.Add(reply);
        if (fromStaff) Notifier.Notify(db, thread.MemberId, NotificationKind.FeedbackReplied, activity!.Id, activity.Title, now);
        await audit.AppendAsync(actor.Id, "feedback.replied", "feedback", thread.Id.ToString(), new { replyId = reply.Id, fromStaff }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new FeedbackMessageView(reply.Id, fromStaff, await NameAsync(actor.Id, ct), body, now);
    }

    /// <summary>The threads of one activity (its managers), or of every activity the staff member manages.</summary>
    public async Task<Result<List<FeedbackThreadView>>> ForStaffAsync(Actor actor, Guid? activityId, CancellationToken ct)
    {
        if (!actor.IsStaff) return Error.Forbidden;
        var q = db.Set<FeedbackThread>().AsNoTracking();
        if (activityId is { } aid)
        {
            var activity = await db.Activities.AsNoTracking().Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == aid, ct);
            if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
            if (!SurveyPermissions.CanManage(actor, activity)) return Error.Forbidden;
            q = q.Where(t => t.ActivityId == aid);
        }
        else if (!actor.Is(Roles.CommunityHead) && !actor.Is(Roles.Admin))
        {
            var uid = actor.Id;
            var mine = db.TeamMembers.Where(t => t.UserId == uid).Select(t => t.ActivityId);
            q = q.Where(t => mine.Contains(t.ActivityId));
        }
        return await ViewsAsync(await q.OrderByDescending(t => t.LastMessageAt).Take(500).ToListAsync(ct), ct);
    }

    public async Task<List<FeedbackThreadView>> MineAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.IsSignedIn) return [];
        var uid = actor.Id;
        return await ViewsAsync(await db.Set<FeedbackThread>().AsNoTracking().Where(t => t.MemberId == uid)
            .OrderByDescending(t => t.LastMessageAt).ToListAsync(ct), ct);
    }

    public async Task<Result<FeedbackThreadView>> GetAsync(Actor actor, Guid threadId, CancellationToken ct)
    {
        var (thread, _, refused) = await LoadAsync(actor, threadId, tracked: false, ct);
        return refused ?? (Result<FeedbackThreadView>)(await ViewsAsync([thread!], ct)).Single();
    }

    /// <summary>The thread for its member or the activity's managers; 404 for everyone else.</summary>
    private async Task<(FeedbackThread?, Activity?, Error?)> LoadAsync(Actor actor, Guid threadId, bool tracked, CancellationToken ct)
    {
        if (!actor.IsSignedIn) return (null, null, ThreadNotFound);
        var set = tracked ? db.Set<FeedbackThread>() : db.Set<FeedbackThread>().AsNoTracking();
        var thread = await set.FirstOrDefaultAsync(t => t.Id == threadId, ct);
        if (thread is null) return (null, null, ThreadNotFound);
        var activity = await db.Activities.AsNoTracking().Include(a => a.Team).FirstAsync(a => a.Id == thread.ActivityId, ct);
        if (thread.MemberId != actor.Id && !(actor.IsStaff && SurveyPermissions.CanManage(actor, activity))) return (null, null, ThreadNotFound);
        return (thread, activity, null);
    }

    private static Error? Validate(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return Error.Field("body", "Required.");
        if (body.Trim().Length > FeedbackThread.MaxBody) return Error.Field("body", "Must be at most 5,000 characters.");
        if (body.Contains('\0')) return Error.Field("body", "The value is not valid.");
        return null;
    }

    private async Task<List<FeedbackThreadView>> ViewsAsync(List<FeedbackThread> threads, CancellationToken ct)
    {
        var ids = threads.Select(t => t.Id).ToList();
        var replies = await db.Set<FeedbackReply>().AsNoTracking().Where(r => ids.Contains(r.ThreadId)).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var people = threads.Select(t => t.MemberId).Concat(replies.Select(r => r.AuthorId)).Distinct().ToList();
        var names = await db.Users.Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var activityIds = threads.Select(t => t.ActivityId).Distinct().ToList();
        var titles = await db.Activities.Where(a => activityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, ct);
        return threads.Select(t => new FeedbackThreadView(t.Id, t.ActivityId, titles.GetValueOrDefault(t.ActivityId) ?? "",
            names.GetValueOrDefault(t.MemberId) ?? "", protector.Decrypt(t.Body, Purpose), t.CreatedAt, t.LastMessageAt, t.AnsweredAt is not null,
            replies.Where(r => r.ThreadId == t.Id).Select(r => new FeedbackMessageView(r.Id, r.FromStaff, names.GetValueOrDefault(r.AuthorId) ?? "",
                protector.Decrypt(r.Body, Purpose), r.CreatedAt)).ToList())).ToList();
    }

    private async Task<string> NameAsync(Guid id, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
}

/// <summary><see cref="IFeedbackSource"/>: threads opened about the activity, and those with at least one staff reply.</summary>
public sealed class FeedbackSource(HuodongDb db) : IFeedbackSource
{
    public async Task<FeedbackFigures> ForAsync(Guid activityId, CancellationToken ct = default)
    {
        var threads = await db.Set<FeedbackThread>().CountAsync(t => t.ActivityId == activityId, ct);
        var answered = await db.Set<FeedbackThread>().CountAsync(t => t.ActivityId == activityId && t.AnsweredAt != null, ct);
        return new FeedbackFigures(threads, answered);
    }
}
