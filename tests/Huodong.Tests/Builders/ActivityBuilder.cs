using Huodong.Web.Approval;
using Huodong.Web.Planning;
using Huodong.Web.Shared;

namespace Huodong.Tests.Builders;

/// <summary>
/// Builds an <see cref="Activity"/> in any state by driving its own transitions, so every built activity is one
/// the domain could really reach: <c>new ActivityBuilder().InLeaderReview().Build()</c>.
/// </summary>
public sealed class ActivityBuilder
{
    public static readonly Guid Author = Guid.Parse("00000000-0000-0000-0000-00000000a001");
    public static readonly Guid TeamMate = Guid.Parse("00000000-0000-0000-0000-00000000a002");
    public static readonly Guid Head = Guid.Parse("00000000-0000-0000-0000-00000000b001");
    public static readonly Guid Leader = Guid.Parse("00000000-0000-0000-0000-00000000c001");
    public static readonly Guid Outsider = Guid.Parse("00000000-0000-0000-0000-00000000d001");

    private Plan _plan = Plans.Complete("春季摄影大赛");
    private List<Guid> _team = [TeamMate];
    private readonly List<Func<Activity, DateTimeOffset, Result>> _steps = [];
    private DateTimeOffset _at = Plans.Now;

    public ActivityBuilder WithPlan(Plan plan) { _plan = plan; return this; }
    public ActivityBuilder WithTeam(params Guid[] team) { _team = [.. team]; return this; }

    public ActivityBuilder InDraft() => this;
    public ActivityBuilder InHeadReview() => Then((a, at) => a.Submit(Author, at));
    public ActivityBuilder InLeaderReview() => InHeadReview().Then((a, at) => a.Review(Head, ReviewStage.Head, Verdicts.Pass(), at));
    public ActivityBuilder Approved() => InLeaderReview().Then((a, at) => a.Review(Leader, ReviewStage.Leader, Verdicts.Pass(), at));
    public ActivityBuilder Returned() => InHeadReview().Then((a, at) => a.Review(Head, ReviewStage.Head, Verdicts.Return(), at));
    public ActivityBuilder Rejected() => InLeaderReview().Then((a, at) => a.Review(Leader, ReviewStage.Leader, Verdicts.Reject(), at));
    public ActivityBuilder Cancelled() => Then((a, at) => a.Cancel(Author, false, "时间冲突", at));

    public ActivityBuilder WithAmendmentAtHead(Plan? amended = null) =>
        Approved().Then((a, at) => a.Amend(Author, amended ?? _plan.WithCapacity(800), at));

    public ActivityBuilder WithAmendmentAtLeader(Plan? amended = null) =>
        WithAmendmentAtHead(amended).Then((a, at) => a.Review(Head, ReviewStage.Head, Verdicts.Pass(), at));

    public ActivityBuilder Then(Func<Activity, DateTimeOffset, Result> step) { _steps.Add(step); return this; }

    public Activity Build()
    {
        var activity = Activity.Create(Author, _plan, _team, _at);
        foreach (var step in _steps)
        {
            _at = _at.AddMinutes(5);
            var result = step(activity, _at);
            if (!result.IsOk) throw new InvalidOperationException($"Builder step failed in {activity.Status}: {result.Error!.Code}");
        }
        return activity;
    }

    /// <summary>A moment after everything the builder did.</summary>
    public static DateTimeOffset Later => Plans.Now.AddDays(1);
}
