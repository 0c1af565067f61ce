using Huodong.Web.Approval;
using Huodong.Web.Shared;

namespace Huodong.Web.Planning;

/// <summary>The two-level review of a plan or an amendment (A1, A2): the part of the lifecycle reviewers drive.</summary>
public partial class Activity
{
    /// <summary>
    /// A1: the community head reviews at HeadReview, the superior leader at LeaderReview, each on the six points
    /// of A2; a pass needs all six, and nobody reviews a plan they wrote or plan with (segregation of duties).
    /// </summary>
    public Result Review(Guid reviewerId, ReviewStage reviewerStage, Verdict verdict, DateTimeOffset at)
    {
        if (OpenReview is not { } open) return ActivityErrors.NothingToReview;
        if (open.Stage != reviewerStage) return ActivityErrors.NotYourStage;
        if (reviewerId == AuthorId || IsOnTeam(reviewerId)) return ActivityErrors.ReviewerOnTeam;
        if (!verdict.HasAllPoints) return ActivityErrors.PointsMissing;
        if (verdict.Decision == ReviewDecision.Pass && !verdict.AllPointsOk) return ActivityErrors.PassWithFailedPoints;

        _reviews.Add(new Review(Id, Version, VersionHash!, open.IsAmendment, open.Stage, reviewerId, verdict, at));
        var level = open.Stage == ReviewStage.Head ? "head" : "leader";
        var prefix = open.IsAmendment ? "activity.amendment.review" : "activity.review";
        var outcome = (verdict.Decision, open.Stage) switch
        {
            (ReviewDecision.Pass, ReviewStage.Leader) => "approved",
            (ReviewDecision.Pass, _) => "passed",
            (ReviewDecision.Return, _) => "returned",
            _ => "rejected",
        };
        var code = $"{prefix}.{level}.{outcome}";

        if (open.IsAmendment) DecideAmendment(verdict.Decision, open.Stage, code, reviewerId, at, verdict.Comment);
        else DecidePlan(verdict.Decision, open.Stage, code, reviewerId, at, verdict.Comment);
        return Result.Ok;
    }

    /// <summary>
    /// Puts the team named by the approved plan in force, once an amendment that changes it is approved; the use
    /// case resolves its emails to accounts. Until then the approved team keeps its rights, and a rejected amendment
    /// leaves it untouched.
    /// </summary>
    public void ApplyApprovedTeam(IEnumerable<Guid> teamIds)
    {
        if (ApprovedPlanJson is null || Amendment is not null)
            throw new InvalidOperationException("Only an approved plan's team is applied this way.");
        SetTeam(teamIds);
    }

    private void DecidePlan(ReviewDecision decision, ReviewStage stage, string code, Guid actorId, DateTimeOffset at, string? note)
    {
        switch (decision, stage)
        {
            case (ReviewDecision.Pass, ReviewStage.Head):
                ReachedLeader = true;
                Move(ActivityStatus.LeaderReview, code, actorId, at, note);
                break;
            case (ReviewDecision.Pass, ReviewStage.Leader):
                ApproveCurrentVersion();
                Move(ActivityStatus.Approved, code, actorId, at, note);
                break;
            case (ReviewDecision.Return, _):
                Move(ActivityStatus.Returned, code, actorId, at, note);
                break;
            default:
                Move(ActivityStatus.Rejected, code, actorId, at, note);
                break;
        }
    }

    private void DecideAmendment(ReviewDecision decision, ReviewStage stage, string code, Guid actorId, DateTimeOffset at, string? note)
    {
        switch (decision, stage)
        {
            case (ReviewDecision.Pass, ReviewStage.Head):
                Amendment = AmendmentStatus.LeaderReview;
                break;
            case (ReviewDecision.Pass, ReviewStage.Leader):
                Amendment = null;
                ApproveCurrentVersion();
                break;
            case (ReviewDecision.Return, _):
                Amendment = AmendmentStatus.Returned;
                break;
            default:
                // A rejected amendment is dropped; the approved plan stays as it was.
                Amendment = null;
                WorkingPlanJson = ApprovedPlanJson!;
                break;
        }
        Record(code, Status, actorId, at, note);
    }

    private void ApproveCurrentVersion()
    {
        ApprovedVersion = Version;
        ApprovedPlanJson = WorkingPlanJson;
        ApplyInForce(Plan.FromJson(ApprovedPlanJson));
    }
}
