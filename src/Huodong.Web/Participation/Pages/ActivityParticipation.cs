using Huodong.Web.People;
using Huodong.Web.Planning;
using Huodong.Web.Shared;

namespace Huodong.Web.Participation.Pages;

/// <summary>Where registration stands for an activity right now (M2.1: registration has its own window).</summary>
public enum RegistrationWindow { NotYetOpen, Open, Closed }

/// <summary>
/// What the activity page shows about taking part: the viewer's eligibility before registering (M1.2), their
/// registration and waitlist place, and, while the activity is live, their submissions and task progress (M2.1).
/// Read through the same queries the API answers with.
/// </summary>
public sealed record TakePart(
    ParticipationPlan Plan,
    RegistrationWindow Window,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    bool IsMember,
    Eligibility.Verdict? Verdict,
    Registration? Mine,
    int? WaitlistPosition,
    bool IsLive,
    IReadOnlyList<TaskProgress.Item> Tasks,
    IReadOnlyList<MySubmission> Submissions)
{
    public bool CanRegister => IsMember && Mine is null && Window == RegistrationWindow.Open && Verdict is { Eligible: true };
    public bool CanSubmit => IsLive && Mine is { Status: RegistrationStatus.Confirmed };

    /// <summary>
    /// Tasks a member proves with evidence: not done, not detected by the platform itself, and not already waiting
    /// for staff to check the evidence handed in.
    /// </summary>
    public IEnumerable<TaskProgress.Item> TasksToProve => Tasks.Where(t => !t.Done && !t.AutoDetected
        && !Submissions.Any(s => s.TaskKey == t.Key && s.Status == SubmissionStatus.Pending));
}

/// <summary>The discussion as threads: replies under their parent, in the order they were written (E2.3).</summary>
public sealed record CommentThread(CommentView Comment, IReadOnlyList<CommentThread> Replies);

public sealed record DiscussionPage(IReadOnlyList<CommentThread> Threads, int Total, int Page, int PageSize, bool IsOpen)
{
    public static IReadOnlyList<CommentThread> Build(IReadOnlyList<CommentView> comments)
    {
        var ids = comments.Select(c => c.Id).ToHashSet();
        var children = comments.Where(c => c.ParentId is { } p && ids.Contains(p)).ToLookup(c => c.ParentId!.Value);
        CommentThread Node(CommentView c) => new(c, children[c.Id].Select(Node).ToList());
        // A reply whose parent is on an earlier page of the discussion starts a thread of its own here.
        return comments.Where(c => c.ParentId is not { } p || !ids.Contains(p)).Select(Node).ToList();
    }
}

public sealed class ActivityParticipation(RegisterMember register, RegistrationQueries registrations,
    InteractionQueries interactions, Data.HuodongDb db, TimeProvider time)
{
    public const int CommentsPerPage = 100;

    public async Task<TakePart> TakePartAsync(Actor actor, Activity activity, CancellationToken ct)
    {
        var plan = activity.ApprovedPlan!;
        var now = time.UtcNow();
        var window = activity.Status is not (ActivityStatus.Approved or ActivityStatus.Live)
            ? RegistrationWindow.Closed
            : now < activity.RegistrationOpensAt ? RegistrationWindow.NotYetOpen
            : now >= activity.RegistrationClosesAt ? RegistrationWindow.Closed
            : RegistrationWindow.Open;
        var isMember = actor.Is(Roles.Member);
        Eligibility.Verdict? verdict = null;
        Registration? mine = null;
        int? position = null;
        IReadOnlyList<TaskProgress.Item> tasks = [];
        IReadOnlyList<MySubmission> submissions = [];
        if (isMember)
        {
            verdict = await register.EligibilityOfAsync(actor.Id, activity.Id, plan.Eligibility, ct);
            mine = await registrations.MineAsync(actor.Id, activity.Id, ct);
            if (mine is { Status: RegistrationStatus.Waitlisted }) position = await registrations.WaitlistPositionAsync(mine, ct);
            if (mine is not null && (plan.Participation?.Tasks.Count ?? 0) > 0)
                tasks = await TaskProgress.ProgressAsync(db, activity, actor.Id, ct);
            if (mine is not null)
                submissions = (await interactions.MineAsync(actor.Id, ct))
                    .FirstOrDefault(m => m.ActivityId == activity.Id)?.Submissions ?? [];
        }
        var s = plan.Schedule ?? new Schedule();
        return new TakePart(plan.Participation ?? new ParticipationPlan(), window, s.RegistrationOpensAt,
            s.RegistrationClosesAt, isMember, verdict, mine, position, activity.Status == ActivityStatus.Live, tasks, submissions);
    }

    public async Task<DiscussionPage> DiscussionAsync(Actor actor, Activity activity, int page, CancellationToken ct)
    {
        var paging = Paging.From(page, CommentsPerPage);
        var found = await interactions.CommentsAsync(actor, activity.Id, paging, ct);
        var comments = found.IsOk ? found.Value! : new Page<CommentView>([], 0);
        var open = activity.Status is not (ActivityStatus.Cancelled or ActivityStatus.Closed);
        return new DiscussionPage(DiscussionPage.Build(comments.Items), comments.Total, paging.Page, paging.PageSize, open);
    }

    /// <summary>E2.4: every view of the activity page is an event; anonymous views have no member.</summary>
    public async Task RecordViewAsync(Actor actor, Guid activityId, CancellationToken ct)
    {
        db.ActivityEvents.Add(new ActivityEvent(activityId, actor.UserId, ActivityEventKind.PageView, time.UtcNow()));
        await db.SaveChangesAsync(ct);
    }
}

