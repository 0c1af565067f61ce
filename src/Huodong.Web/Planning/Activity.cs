using Huodong.Web.Approval;
using Huodong.Web.Shared;

namespace Huodong.Web.Planning;

/// <summary>
/// An online community activity and its lifecycle (DESIGN.md). The working plan is edited in Draft/Returned;
/// submitting freezes it as a <see cref="PlanVersion"/>; two levels of review (A1) approve exactly that version.
/// After approval a change is an amendment: it is frozen and reviewed the same way while the approved version
/// stays in force. Each transition checks state and permission and appends a <see cref="Transition"/>.
/// </summary>
public partial class Activity
{
    private readonly List<TeamMember> _team = [];
    private readonly List<PlanVersion> _versions = [];
    private readonly List<Review> _reviews = [];
    private readonly List<Transition> _transitions = [];

    private Activity() { }

    public static Activity Create(Guid authorId, Plan plan, IEnumerable<Guid> teamIds, DateTimeOffset at)
    {
        var activity = new Activity
        {
            Id = Guid.CreateVersion7(at),
            Status = ActivityStatus.Draft,
            AuthorId = authorId,
            CreatedAt = at,
        };
        activity.SetWorkingPlan(plan, at);
        activity.SetTeam(teamIds);
        activity.Record("activity.created", ActivityStatus.Draft, authorId, at, null);
        return activity;
    }

    public Guid Id { get; private set; }
    public ActivityStatus Status { get; private set; }
    public Guid AuthorId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The editable plan: the draft, or the amendment under way.</summary>
    public string WorkingPlanJson { get; private set; } = "{}";
    /// <summary>The number of the latest frozen version; 0 before the first submission.</summary>
    public int Version { get; private set; }
    public string? VersionHash { get; private set; }
    public int? ApprovedVersion { get; private set; }
    public string? ApprovedPlanJson { get; private set; }
    public AmendmentStatus? Amendment { get; private set; }
    /// <summary>Whether the plan has ever reached the superior leader (who sees only what is submitted to them).</summary>
    public bool ReachedLeader { get; private set; }
    public string? CancelReason { get; private set; }

    // The plan in force (approved if any, else the working one), kept in columns for lists and schedules.
    public string Title { get; private set; } = "";
    public ActivityFormat? Format { get; private set; }
    public DateTimeOffset? RegistrationOpensAt { get; private set; }
    public DateTimeOffset? RegistrationClosesAt { get; private set; }
    public DateTimeOffset? StartsAt { get; private set; }
    public DateTimeOffset? EndsAt { get; private set; }

    /// <summary>Optimistic concurrency: two reviewers acting at once cannot both win.</summary>
    public int Revision { get; private set; }

    public IReadOnlyList<TeamMember> Team => _team;
    public IReadOnlyList<PlanVersion> Versions => _versions;
    public IReadOnlyList<Review> Reviews => _reviews;
    public IReadOnlyList<Transition> Transitions => _transitions;

    public Plan WorkingPlan => Plan.FromJson(WorkingPlanJson);
    public Plan? ApprovedPlan => ApprovedPlanJson is null ? null : Plan.FromJson(ApprovedPlanJson);
    public bool IsPublished => ApprovedVersion is not null;
    public bool IsOnTeam(Guid userId) => _team.Any(t => t.UserId == userId);

    /// <summary>Which review stage is open now, if any, and whether it is an amendment's.</summary>
    public (ReviewStage Stage, bool IsAmendment)? OpenReview => (Status, Amendment) switch
    {
        (ActivityStatus.HeadReview, _) => (ReviewStage.Head, false),
        (ActivityStatus.LeaderReview, _) => (ReviewStage.Leader, false),
        (_, AmendmentStatus.HeadReview) => (ReviewStage.Head, true),
        (_, AmendmentStatus.LeaderReview) => (ReviewStage.Leader, true),
        _ => null,
    };

    public Result Edit(Guid actorId, Plan plan, IEnumerable<Guid> teamIds, DateTimeOffset at)
    {
        if (!IsOnTeam(actorId)) return ActivityErrors.NotOnTeam;
        if (!Status.IsEditable()) return ActivityErrors.WrongState(Status);
        SetWorkingPlan(plan, at);
        SetTeam(teamIds);
        Record("activity.updated", Status, actorId, at, null);
        return Result.Ok;
    }

    /// <summary>Draft/Returned → HeadReview, freezing the working plan as a new version.</summary>
    public Result Submit(Guid actorId, DateTimeOffset at)
    {
        if (!IsOnTeam(actorId)) return ActivityErrors.NotOnTeam;
        if (!Status.IsEditable()) return ActivityErrors.WrongState(Status);
        var missing = PlanRules.MissingParts(WorkingPlan);
        if (missing.Count > 0) return ActivityErrors.Incomplete(missing);
        Freeze(actorId, isAmendment: false, at);
        Move(ActivityStatus.HeadReview, "activity.submitted", actorId, at, null);
        return Result.Ok;
    }

    /// <summary>
    /// A change to an approved plan: frozen as a new version and sent to the head; until both levels approve it,
    /// the approved version stays in force, and so does its team (see <see cref="ApplyApprovedTeam"/>).
    /// </summary>
    public Result Amend(Guid actorId, Plan plan, DateTimeOffset at)
    {
        if (!IsOnTeam(actorId)) return ActivityErrors.NotOnTeam;
        if (!Status.IsAmendable()) return ActivityErrors.WrongState(Status);
        if (Amendment is AmendmentStatus.HeadReview or AmendmentStatus.LeaderReview) return ActivityErrors.AmendmentPending;
        var missing = PlanRules.MissingParts(plan);
        if (missing.Count > 0) return ActivityErrors.Incomplete(missing);
        if (plan.ToCanonicalJson() == ApprovedPlanJson) return ActivityErrors.NoChange;
        WorkingPlanJson = plan.ToCanonicalJson();
        Freeze(actorId, isAmendment: true, at);
        Amendment = AmendmentStatus.HeadReview;
        Record("activity.amendment.submitted", Status, actorId, at, null);
        return Result.Ok;
    }

    /// <summary>Cancel in any state before Ended, with a reason; registrants are told by the participation area.</summary>
    public Result Cancel(Guid actorId, bool actorIsLeader, string? reason, DateTimeOffset at)
    {
        if (!IsOnTeam(actorId) && !actorIsLeader) return ActivityErrors.NotOnTeam;
        if (!Status.IsCancellable()) return ActivityErrors.WrongState(Status);
        if (string.IsNullOrWhiteSpace(reason)) return ActivityErrors.ReasonRequired;
        if (reason.Trim().Length > ActivityErrors.MaxReasonLength) return ActivityErrors.ReasonTooLong;
        if (reason.Contains('\0')) return ActivityErrors.ReasonNul;
        CancelReason = reason.Trim();
        Amendment = null;
        Move(ActivityStatus.Cancelled, "activity.cancelled", actorId, at, CancelReason);
        return Result.Ok;
    }

    /// <summary>
    /// E2.1: Approved → Live at the planned start, without looking at the readiness gate. Product code launches
    /// through <see cref="LaunchWhenReady"/> (the <c>LaunchActivity</c> use case); this stays for the demo seed and
    /// for tests that need a live activity without preparing it.
    /// </summary>
    public Result Launch(Guid actorId, DateTimeOffset at)
    {
        if (Status != ActivityStatus.Approved) return ActivityErrors.WrongState(Status);
        if (StartsAt is null || at < StartsAt) return ActivityErrors.NotYetTime;
        Move(ActivityStatus.Live, "activity.launched", actorId, at, null);
        return Result.Ok;
    }

    /// <summary>
    /// E2.1 with the readiness gate (E1): Approved → Live at or after the planned start, only when nothing is missing.
    /// <paramref name="unmet"/> is what the gate found missing (empty when it holds); the Preparation area evaluates it.
    /// </summary>
    public Result LaunchWhenReady(Guid actorId, IReadOnlyCollection<string> unmet, DateTimeOffset at)
    {
        if (Status != ActivityStatus.Approved) return ActivityErrors.WrongState(Status);
        if (StartsAt is null || at < StartsAt) return ActivityErrors.NotYetTime;
        if (unmet.Count > 0) return ActivityErrors.NotReady;
        return Launch(actorId, at);
    }

    /// <summary>Live (or paused) → Ended at the planned end.</summary>
    public Result End(Guid actorId, DateTimeOffset at)
    {
        if (Status is not (ActivityStatus.Live or ActivityStatus.Paused)) return ActivityErrors.WrongState(Status);
        if (EndsAt is null || at < EndsAt) return ActivityErrors.NotYetTime;
        Move(ActivityStatus.Ended, "activity.ended", actorId, at, null);
        return Result.Ok;
    }

    private void Freeze(Guid actorId, bool isAmendment, DateTimeOffset at)
    {
        Version++;
        var version = new PlanVersion(Id, Version, WorkingPlanJson, isAmendment, actorId, at);
        VersionHash = version.Hash;
        _versions.Add(version);
    }

    private void SetWorkingPlan(Plan plan, DateTimeOffset at)
    {
        WorkingPlanJson = plan.ToCanonicalJson();
        UpdatedAt = at;
        if (ApprovedPlanJson is null) ApplyInForce(plan);
    }

    private void ApplyInForce(Plan plan)
    {
        Title = plan.Title?.Trim() ?? "";
        Format = plan.Format;
        RegistrationOpensAt = plan.Schedule?.RegistrationOpensAt?.ToUniversalTime();
        RegistrationClosesAt = plan.Schedule?.RegistrationClosesAt?.ToUniversalTime();
        StartsAt = plan.Schedule?.StartsAt?.ToUniversalTime();
        EndsAt = plan.Schedule?.EndsAt?.ToUniversalTime();
    }

    private void SetTeam(IEnumerable<Guid> teamIds)
    {
        var wanted = teamIds.Append(AuthorId).ToHashSet();
        _team.RemoveAll(t => !wanted.Contains(t.UserId));
        foreach (var id in wanted.Where(id => !IsOnTeam(id)))
            _team.Add(new TeamMember(Id, id, id == AuthorId));
    }

    private void Move(ActivityStatus to, string action, Guid actorId, DateTimeOffset at, string? note)
    {
        var from = Status;
        Status = to;
        Append(action, from, to, actorId, at, note);
    }

    private void Record(string action, ActivityStatus state, Guid actorId, DateTimeOffset at, string? note) =>
        Append(action, state, state, actorId, at, note);

    private void Append(string action, ActivityStatus from, ActivityStatus to, Guid actorId, DateTimeOffset at, string? note)
    {
        UpdatedAt = at;
        Revision++;
        _transitions.Add(new Transition(Id, action, from, to, actorId, at, Version, VersionHash, note));
    }
}
