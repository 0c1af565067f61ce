namespace Huodong.Web.Planning;

/// <summary>The activity lifecycle of DESIGN.md.</summary>
public enum ActivityStatus
{
    Draft, HeadReview, LeaderReview, Returned, Approved, Live, Paused, Ended, ResultsPublished, Closed,
    Rejected, Cancelled,
}

/// <summary>Where a change to an approved plan (an amendment) stands; the approved version stays in force meanwhile.</summary>
public enum AmendmentStatus { HeadReview, LeaderReview, Returned }

public static class ActivityStatusExtensions
{
    /// <summary>States in which the plan may still be cancelled ("any state before Ended").</summary>
    public static bool IsCancellable(this ActivityStatus s) => s is ActivityStatus.Draft or ActivityStatus.HeadReview
        or ActivityStatus.LeaderReview or ActivityStatus.Returned or ActivityStatus.Approved or ActivityStatus.Live
        or ActivityStatus.Paused;

    /// <summary>States after approval in which a change is an amendment.</summary>
    public static bool IsAmendable(this ActivityStatus s) =>
        s is ActivityStatus.Approved or ActivityStatus.Live or ActivityStatus.Paused;

    public static bool IsEditable(this ActivityStatus s) => s is ActivityStatus.Draft or ActivityStatus.Returned;
}
