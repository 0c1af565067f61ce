using Huodong.Web.Security;
using Huodong.Web.Approval;
using Huodong.Web.Data;
using Huodong.Web.People;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Planning;

/// <summary>Reads for the API and the pages; each applies <see cref="PlanningPermissions"/>.</summary>
public sealed class ActivityQueries(HuodongDb db, Security.Compliance compliance)
{
    public async Task<Page<ActivitySummary>> ListAsync(Actor actor, ActivityFilter filter, Paging paging, CancellationToken ct)
    {
        var q = db.Activities.AsNoTracking().Where(PlanningPermissions.Visible(actor));
        if (filter.Status is { } status) q = q.Where(a => a.Status == status);
        if (filter.MineOnly && actor.UserId is { } me) q = q.Where(a => a.Team.Any(t => t.UserId == me));
        if (filter.AwaitingStage is { } stage)
        {
            var (plan, amendment) = stage == ReviewStage.Head
                ? (ActivityStatus.HeadReview, AmendmentStatus.HeadReview)
                : (ActivityStatus.LeaderReview, AmendmentStatus.LeaderReview);
            q = q.Where(a => a.Status == plan || a.Amendment == amendment);
        }
        if (filter.PublishedOnly) q = q.Where(a => a.ApprovedVersion != null);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(a => a.UpdatedAt).Skip(paging.Skip).Take(paging.PageSize)
            .Select(a => new ActivitySummary(a.Id, a.Title, a.Status, a.Amendment, a.Format, a.Version, a.ApprovedVersion,
                a.RegistrationOpensAt, a.RegistrationClosesAt, a.StartsAt, a.EndsAt, a.UpdatedAt))
            .ToListAsync(ct);
        return new Page<ActivitySummary>(items, total);
    }

    public async Task<Result<Activity>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var activity = await db.Activities.AsNoTracking().Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || !PlanningPermissions.CanSee(actor, activity)) return ActivityErrors.NotFound;
        if (await NeedsComplianceAsync(actor, activity, ct)) return Security.Compliance.Required;
        return activity;
    }

    /// <summary>
    /// S2.1/S2.3: staff opening the internals of a plan whose team they are not on (reviewers, admins) must have signed
    /// the current confidentiality agreement and passed the training.
    /// </summary>
    private async Task<bool> NeedsComplianceAsync(Actor actor, Activity activity, CancellationToken ct) =>
        actor.IsStaff && !activity.IsOnTeam(actor.Id) && PlanningPermissions.SeesInternals(actor, activity)
        && !(await compliance.RequireAsync(actor, ct)).IsOk;

    public async Task<ActivityDetail> DetailAsync(Actor actor, Activity a, CancellationToken ct)
    {
        var internals = PlanningPermissions.SeesInternals(actor, a);
        var plan = internals ? a.WorkingPlan : a.ApprovedPlan ?? a.WorkingPlan;
        var teamIds = a.Team.Select(t => t.UserId).ToList();
        var team = internals
            // Emails are sealed (random nonce): ordered once decrypted.
            ? (await db.Users.Where(u => teamIds.Contains(u.Id))
                .Select(u => new TeamMemberView(u.Id, u.Email!, u.DisplayName, u.Id == a.AuthorId)).ToListAsync(ct))
                .OrderBy(t => t.Email, StringComparer.OrdinalIgnoreCase).ToList()
            : null;
        return new ActivityDetail(a, plan, internals, team, internals && a.Amendment is not null ? a.ApprovedPlan : null);
    }

    public async Task<Result<Page<HistoryItem>>> HistoryAsync(Actor actor, Guid id, Paging paging, CancellationToken ct)
    {
        var found = await GetAsync(actor, id, ct);
        if (!found.IsOk) return found.Error!;
        if (!PlanningPermissions.SeesInternals(actor, found.Value!)) return ActivityErrors.NotFound;
        var q = db.Transitions.AsNoTracking().Where(t => t.ActivityId == id);
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(t => t.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Join(db.Users, t => t.ActorId, u => u.Id, (t, u) => new HistoryItem(t.Action, t.From, t.To, u.Email!,
                u.DisplayName, t.ActorId, t.At, t.Version, t.Hash, t.Note))
            .ToListAsync(ct);
        return new Page<HistoryItem>(items, total);
    }

    public async Task<Result<List<ReviewView>>> ReviewsAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var found = await GetAsync(actor, id, ct);
        if (!found.IsOk) return found.Error!;
        if (!PlanningPermissions.SeesInternals(actor, found.Value!)) return ActivityErrors.NotFound;
        var rows = await db.Reviews.AsNoTracking().Where(r => r.ActivityId == id)
            .Join(db.Users, r => r.ReviewerId, u => u.Id, (r, u) => new { r, u.Email, u.DisplayName })
            .ToListAsync(ct);
        return rows.OrderBy(x => x.r.At)
            .Select(x => new ReviewView(x.r.Id, x.r.Version, x.r.PlanHash, x.r.IsAmendment, x.r.Stage, x.r.Decision,
                x.r.Points.ToDictionary(p => p.Key.ToString().ToLowerInvariant(), p => p.Value), x.r.Comment,
                x.Email!, x.DisplayName, x.r.At))
            .ToList();
    }

    public async Task<Result<PlanVersion>> VersionAsync(Actor actor, Guid id, int number, CancellationToken ct)
    {
        var found = await GetAsync(actor, id, ct);
        if (!found.IsOk) return found.Error!;
        if (!PlanningPermissions.SeesInternals(actor, found.Value!)) return ActivityErrors.NotFound;
        var version = await db.PlanVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ActivityId == id && v.Number == number, ct);
        return version is null ? Error.NotFound("Plan version") : version;
    }
}

public sealed record ActivityFilter(ActivityStatus? Status = null, bool MineOnly = false, ReviewStage? AwaitingStage = null,
    bool PublishedOnly = false);

public sealed record ActivitySummary(Guid Id, string Title, ActivityStatus Status, AmendmentStatus? AmendmentStatus,
    ActivityFormat? Format, int Version, int? ApprovedVersion, DateTimeOffset? RegistrationOpensAt,
    DateTimeOffset? RegistrationClosesAt, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, DateTimeOffset UpdatedAt);

public sealed record TeamMemberView(Guid UserId, string Email, string DisplayName, bool IsAuthor);

/// <summary>An activity as one viewer may see it: the plan shown is the working one for insiders, else the approved one.</summary>
public sealed record ActivityDetail(Activity Activity, Plan Plan, bool Internals, List<TeamMemberView>? Team, Plan? ApprovedPlan);

public sealed record HistoryItem(string Action, ActivityStatus From, ActivityStatus To, string Actor, string ActorName,
    Guid ActorId, DateTimeOffset Time, int Version, string? ContentHash, string? Note);

public sealed record ReviewView(Guid Id, int Version, string PlanHash, bool IsAmendment, ReviewStage Stage,
    ReviewDecision Decision, Dictionary<string, PointVerdict> Points, string? Comment, string Reviewer,
    string ReviewerName, DateTimeOffset At);
