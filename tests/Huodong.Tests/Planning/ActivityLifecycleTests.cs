using Huodong.Tests.Builders;
using Huodong.Web.Approval;
using Huodong.Web.Planning;
using Huodong.Web.Shared;
using static Huodong.Tests.Builders.ActivityBuilder;

namespace Huodong.Tests.Planning;

/// <summary>The activity's own lifecycle (DESIGN.md, A1, A2): every transition, allowed and refused, without a database.</summary>
public sealed class ActivityLifecycleTests
{
    private static readonly DateTimeOffset At = ActivityBuilder.Later;

    private static void Refused(Result result, Error expected)
    {
        Assert.False(result.IsOk, "the transition was allowed");
        Assert.Equal(expected.Code, result.Error!.Code);
        Assert.Equal(expected.Kind, result.Error.Kind);
    }

    private static void Allowed(Result result) => Assert.True(result.IsOk, result.Error?.Code);

    public static readonly TheoryData<string> AllStates = new() { "Draft", "HeadReview", "LeaderReview", "Returned", "Approved", "Rejected", "Cancelled" };

    private static Activity In(string state) => state switch
    {
        "Draft" => new ActivityBuilder().InDraft().Build(),
        "HeadReview" => new ActivityBuilder().InHeadReview().Build(),
        "LeaderReview" => new ActivityBuilder().InLeaderReview().Build(),
        "Returned" => new ActivityBuilder().Returned().Build(),
        "Approved" => new ActivityBuilder().Approved().Build(),
        "Rejected" => new ActivityBuilder().Rejected().Build(),
        "Cancelled" => new ActivityBuilder().Cancelled().Build(),
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    // ── Create ────────────────────────────────────────────────────────────────

    [Fact]
    public void A_new_activity_is_a_draft_with_no_frozen_version_and_its_author_on_the_team()
    {
        var a = new ActivityBuilder().Build();

        Assert.Equal(ActivityStatus.Draft, a.Status);
        Assert.Equal(0, a.Version);
        Assert.Null(a.VersionHash);
        Assert.Null(a.ApprovedVersion);
        Assert.True(a.IsOnTeam(Author));
        Assert.True(a.IsOnTeam(TeamMate));
        Assert.Single(a.Team, t => t.IsAuthor && t.UserId == Author);
        Assert.Equal("activity.created", Assert.Single(a.Transitions).Action);
        Assert.Equal("春季摄影大赛", a.Title);
    }

    [Fact]
    public void The_author_is_on_the_team_even_when_the_team_list_leaves_them_out()
    {
        var a = new ActivityBuilder().WithTeam().Build();
        Assert.Equal([Author], a.Team.Select(t => t.UserId));
    }

    // ── Edit ──────────────────────────────────────────────────────────────────

    [Theory]
    [InlineData("Draft")]
    [InlineData("Returned")]
    public void The_team_edits_the_plan_in_Draft_and_Returned(string state)
    {
        var a = In(state);
        var status = a.Status;

        Allowed(a.Edit(TeamMate, Plans.Complete("新标题"), [TeamMate], At));

        Assert.Equal(status, a.Status);
        Assert.Equal("新标题", a.WorkingPlan.Title);
        Assert.Equal("新标题", a.Title);
        Assert.Equal("activity.updated", a.Transitions[^1].Action);
    }

    [Theory]
    [InlineData("HeadReview")]
    [InlineData("LeaderReview")]
    [InlineData("Approved")]
    [InlineData("Rejected")]
    [InlineData("Cancelled")]
    public void Editing_is_refused_in_every_other_state(string state)
    {
        var a = In(state);
        var before = a.WorkingPlanJson;
        Refused(a.Edit(Author, Plans.Complete("新标题"), [], At), ActivityErrors.WrongState(a.Status));
        Assert.Equal(before, a.WorkingPlanJson);
    }

    [Fact]
    public void Someone_off_the_team_cannot_edit()
    {
        Refused(new ActivityBuilder().Build().Edit(Outsider, Plans.Complete(), [], At), ActivityErrors.NotOnTeam);
    }

    [Fact]
    public void Editing_changes_the_team()
    {
        var a = new ActivityBuilder().Build();
        Allowed(a.Edit(Author, Plans.Complete(), [Outsider], At));
        Assert.True(a.IsOnTeam(Outsider));
        Assert.False(a.IsOnTeam(TeamMate));
        Assert.True(a.IsOnTeam(Author));
    }

    // ── Submit ────────────────────────────────────────────────────────────────

    [Fact]
    public void Submitting_a_complete_draft_freezes_version_1_and_sends_it_to_the_head()
    {
        var a = new ActivityBuilder().Build();

        Allowed(a.Submit(TeamMate, At));

        Assert.Equal(ActivityStatus.HeadReview, a.Status);
        Assert.Equal(1, a.Version);
        var version = Assert.Single(a.Versions);
        Assert.Equal(a.WorkingPlanJson, version.PlanJson);
        Assert.Equal(Plan.HashOf(a.WorkingPlanJson), version.Hash);
        Assert.Equal(version.Hash, a.VersionHash);
        Assert.False(version.IsAmendment);
        Assert.Equal((TeamMate, At), (version.SubmittedBy, version.SubmittedAt));
        var t = a.Transitions[^1];
        Assert.Equal(("activity.submitted", ActivityStatus.Draft, ActivityStatus.HeadReview, 1, version.Hash),
            (t.Action, t.From, t.To, t.Version, t.Hash));
        Assert.Equal(ReviewStage.Head, a.OpenReview!.Value.Stage);
    }

    [Fact]
    public void Resubmitting_a_returned_plan_freezes_the_next_version()
    {
        var a = new ActivityBuilder().Returned().Build();
        Allowed(a.Edit(Author, Plans.Complete("改进版"), [TeamMate], At));

        Allowed(a.Submit(Author, At.AddMinutes(1)));

        Assert.Equal((ActivityStatus.HeadReview, 2), (a.Status, a.Version));
        Assert.Equal(2, a.Versions.Count);
        Assert.NotEqual(a.Versions[0].Hash, a.Versions[1].Hash);
    }

    [Fact]
    public void An_incomplete_plan_cannot_be_submitted_and_every_missing_part_is_named()
    {
        var a = new ActivityBuilder().WithPlan(new Plan { Title = "只有标题" }).Build();

        var result = a.Submit(Author, At);

        Refused(result, ActivityErrors.Incomplete([]));
        Assert.Equal(PlanRules.MissingParts(a.WorkingPlan).Keys.Order(), result.Error!.Fields!.Keys.Order());
        Assert.DoesNotContain("title", result.Error.Fields.Keys);
        Assert.Equal(ActivityStatus.Draft, a.Status);
        Assert.Empty(a.Versions);
    }

    [Theory]
    [InlineData("HeadReview")]
    [InlineData("LeaderReview")]
    [InlineData("Approved")]
    [InlineData("Rejected")]
    [InlineData("Cancelled")]
    public void Submitting_is_refused_outside_Draft_and_Returned(string state)
    {
        var a = In(state);
        var version = a.Version;
        Refused(a.Submit(Author, At), ActivityErrors.WrongState(a.Status));
        Assert.Equal(version, a.Version);
    }

    [Fact]
    public void Someone_off_the_team_cannot_submit()
    {
        Refused(new ActivityBuilder().Build().Submit(Outsider, At), ActivityErrors.NotOnTeam);
    }

    // ── Review ────────────────────────────────────────────────────────────────

    [Fact]
    public void The_heads_pass_sends_the_plan_to_the_leader_who_can_now_see_it()
    {
        var a = new ActivityBuilder().InHeadReview().Build();
        Assert.False(a.ReachedLeader);

        Allowed(a.Review(Head, ReviewStage.Head, Verdicts.Pass(), At));

        Assert.Equal(ActivityStatus.LeaderReview, a.Status);
        Assert.True(a.ReachedLeader);
        Assert.Equal("activity.review.head.passed", a.Transitions[^1].Action);
        var review = Assert.Single(a.Reviews);
        Assert.Equal((1, a.VersionHash, ReviewStage.Head, Head, ReviewDecision.Pass, false),
            (review.Version, review.PlanHash, review.Stage, review.ReviewerId, review.Decision, review.IsAmendment));
        Assert.Equal(6, review.Points.Count);
    }

    [Fact]
    public void The_leaders_pass_approves_exactly_the_submitted_version()
    {
        var a = new ActivityBuilder().InLeaderReview().Build();

        Allowed(a.Review(Leader, ReviewStage.Leader, Verdicts.Pass(), At));

        Assert.Equal(ActivityStatus.Approved, a.Status);
        Assert.Equal(1, a.ApprovedVersion);
        Assert.Equal(a.Versions[0].PlanJson, a.ApprovedPlanJson);
        Assert.True(a.IsPublished);
        Assert.Null(a.OpenReview);
        Assert.Equal("activity.review.leader.approved", a.Transitions[^1].Action);
    }

    [Theory]
    [InlineData("HeadReview", "head")]
    [InlineData("LeaderReview", "leader")]
    public void Either_level_may_return_the_plan_to_the_team(string state, string level)
    {
        var a = In(state);
        var (reviewer, stage) = level == "head" ? (Head, ReviewStage.Head) : (Leader, ReviewStage.Leader);

        Allowed(a.Review(reviewer, stage, Verdicts.Return(), At));

        Assert.Equal(ActivityStatus.Returned, a.Status);
        Assert.Equal($"activity.review.{level}.returned", a.Transitions[^1].Action);
        Assert.Equal("请修改。", a.Transitions[^1].Note);
    }

    [Theory]
    [InlineData("HeadReview", "head")]
    [InlineData("LeaderReview", "leader")]
    public void Either_level_may_reject_the_plan_for_good(string state, string level)
    {
        var a = In(state);
        var (reviewer, stage) = level == "head" ? (Head, ReviewStage.Head) : (Leader, ReviewStage.Leader);

        Allowed(a.Review(reviewer, stage, Verdicts.Reject(), At));

        Assert.Equal(ActivityStatus.Rejected, a.Status);
        Assert.Equal($"activity.review.{level}.rejected", a.Transitions[^1].Action);
        Refused(a.Submit(Author, At), ActivityErrors.WrongState(ActivityStatus.Rejected));
        Refused(a.Edit(Author, Plans.Complete(), [], At), ActivityErrors.WrongState(ActivityStatus.Rejected));
        Refused(a.Cancel(Author, false, "x", At), ActivityErrors.WrongState(ActivityStatus.Rejected));
        Refused(a.Amend(Author, Plans.Complete(), At), ActivityErrors.WrongState(ActivityStatus.Rejected));
    }

    [Fact]
    public void The_leader_cannot_review_at_the_heads_stage()
    {
        var a = new ActivityBuilder().InHeadReview().Build();
        Refused(a.Review(Leader, ReviewStage.Leader, Verdicts.Pass(), At), ActivityErrors.NotYourStage);
        Assert.Equal(ActivityStatus.HeadReview, a.Status);
        Assert.Empty(a.Reviews);
    }

    [Fact]
    public void The_head_cannot_review_at_the_leaders_stage()
    {
        var a = new ActivityBuilder().InLeaderReview().Build();
        Refused(a.Review(Head, ReviewStage.Head, Verdicts.Pass(), At), ActivityErrors.NotYourStage);
        Assert.Equal(ActivityStatus.LeaderReview, a.Status);
    }

    [Theory]
    [InlineData("Draft")]
    [InlineData("Returned")]
    [InlineData("Approved")]
    [InlineData("Rejected")]
    [InlineData("Cancelled")]
    public void There_is_nothing_to_review_outside_the_review_stages(string state)
    {
        var a = In(state);
        Refused(a.Review(Head, ReviewStage.Head, Verdicts.Pass(), At), ActivityErrors.NothingToReview);
        Refused(a.Review(Leader, ReviewStage.Leader, Verdicts.Pass(), At), ActivityErrors.NothingToReview);
    }

    [Fact]
    public void The_author_may_not_review_their_own_plan_even_as_a_head()
    {
        var a = new ActivityBuilder().InHeadReview().Build();
        Refused(a.Review(Author, ReviewStage.Head, Verdicts.Pass(), At), ActivityErrors.ReviewerOnTeam);
    }

    [Fact]
    public void A_team_member_may_not_review_the_plan_at_either_level()
    {
        var a = new ActivityBuilder().WithTeam(Head, Leader).InHeadReview().Build();
        Refused(a.Review(Head, ReviewStage.Head, Verdicts.Pass(), At), ActivityErrors.ReviewerOnTeam);

        var b = new ActivityBuilder().WithTeam(Leader).InLeaderReview().Build();
        Refused(b.Review(Leader, ReviewStage.Leader, Verdicts.Pass(), At), ActivityErrors.ReviewerOnTeam);
        Assert.Equal(ActivityStatus.LeaderReview, b.Status);
    }

    [Theory]
    [InlineData(ReviewPoint.Theme)]
    [InlineData(ReviewPoint.Content)]
    [InlineData(ReviewPoint.Participation)]
    [InlineData(ReviewPoint.Rewards)]
    [InlineData(ReviewPoint.Resources)]
    [InlineData(ReviewPoint.Risks)]
    public void A_pass_needs_every_point_ok(ReviewPoint failed)
    {
        var a = new ActivityBuilder().InHeadReview().Build();
        Refused(a.Review(Head, ReviewStage.Head, Verdicts.Of(ReviewDecision.Pass, null, failed), At), ActivityErrors.PassWithFailedPoints);
        Assert.Equal(ActivityStatus.HeadReview, a.Status);
        Assert.Empty(a.Reviews);
    }

    [Theory]
    [InlineData(ReviewDecision.Pass, ReviewPoint.Theme)]
    [InlineData(ReviewDecision.Return, ReviewPoint.Risks)]
    [InlineData(ReviewDecision.Reject, ReviewPoint.Rewards)]
    public void Every_decision_needs_a_verdict_on_all_six_points(ReviewDecision decision, ReviewPoint missing)
    {
        var a = new ActivityBuilder().InHeadReview().Build();
        Refused(a.Review(Head, ReviewStage.Head, Verdicts.Of(decision, null).Without(missing), At), ActivityErrors.PointsMissing);
        Assert.Equal(ActivityStatus.HeadReview, a.Status);
    }

    [Fact]
    public void A_return_may_mark_every_point_ok()
    {
        var a = new ActivityBuilder().InHeadReview().Build();
        Allowed(a.Review(Head, ReviewStage.Head, Verdicts.Of(ReviewDecision.Return, "先补充预算说明"), At));
        Assert.Equal(ActivityStatus.Returned, a.Status);
    }

    [Fact]
    public void A_review_is_recorded_against_the_version_under_review()
    {
        var a = new ActivityBuilder().Returned().Build();
        Allowed(a.Edit(Author, Plans.Complete("第二版"), [TeamMate], At));
        Allowed(a.Submit(Author, At));
        Allowed(a.Review(Head, ReviewStage.Head, Verdicts.Pass(), At));

        Assert.Equal([1, 2], a.Reviews.Select(r => r.Version));
        Assert.Equal(a.Versions.Select(v => v.Hash), a.Reviews.Select(r => r.PlanHash));
    }

    // ── Cancel ────────────────────────────────────────────────────────────────

    [Theory]
    [InlineData("Draft")]
    [InlineData("HeadReview")]
    [InlineData("LeaderReview")]
    [InlineData("Returned")]
    [InlineData("Approved")]
    public void The_team_may_cancel_before_the_end_with_a_reason(string state)
    {
        var a = In(state);
        var from = a.Status;

        Allowed(a.Cancel(TeamMate, false, "  与年会冲突 ", At));

        Assert.Equal(ActivityStatus.Cancelled, a.Status);
        Assert.Equal("与年会冲突", a.CancelReason);
        var t = a.Transitions[^1];
        Assert.Equal(("activity.cancelled", from, ActivityStatus.Cancelled, "与年会冲突"), (t.Action, t.From, t.To, t.Note));
    }

    [Fact]
    public void A_leader_off_the_team_may_cancel_but_no_one_else_off_it()
    {
        Allowed(new ActivityBuilder().Approved().Build().Cancel(Leader, true, "战略调整", At));
        Refused(new ActivityBuilder().Approved().Build().Cancel(Head, false, "x", At), ActivityErrors.NotOnTeam);
        Refused(new ActivityBuilder().Approved().Build().Cancel(Outsider, false, "x", At), ActivityErrors.NotOnTeam);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Cancelling_needs_a_reason(string? reason)
    {
        var a = new ActivityBuilder().Build();
        Refused(a.Cancel(Author, false, reason, At), ActivityErrors.ReasonRequired);
        Assert.Equal(ActivityStatus.Draft, a.Status);
    }

    [Fact]
    public void A_cancel_reason_fits_its_column()
    {
        var a = new ActivityBuilder().Build();
        Refused(a.Cancel(Author, false, new string('因', 2001), At), ActivityErrors.ReasonTooLong);
        Allowed(a.Cancel(Author, false, new string('因', 2000) + "  ", At));
    }

    [Theory]
    [InlineData("Rejected")]
    [InlineData("Cancelled")]
    public void A_final_plan_cannot_be_cancelled(string state)
    {
        var a = In(state);
        Refused(a.Cancel(Author, false, "x", At), ActivityErrors.WrongState(a.Status));
    }

    [Fact]
    public void Cancelling_drops_a_pending_amendment()
    {
        var a = new ActivityBuilder().WithAmendmentAtLeader().Build();
        Allowed(a.Cancel(Author, false, "取消", At));
        Assert.Null(a.Amendment);
        Assert.Null(a.OpenReview);
    }

    // ── Amendments ────────────────────────────────────────────────────────────

    [Fact]
    public void An_amendment_is_frozen_and_sent_to_the_head_while_the_approved_plan_stays_in_force()
    {
        var original = Plans.Complete("原计划").WithCapacity(500);
        var a = new ActivityBuilder().WithPlan(original).Approved().Build();
        var approvedJson = a.ApprovedPlanJson;

        Allowed(a.Amend(TeamMate, original with { Title = "新计划", Participation = original.Participation with { Capacity = 800 } }, At));

        Assert.Equal(ActivityStatus.Approved, a.Status);
        Assert.Equal(AmendmentStatus.HeadReview, a.Amendment);
        Assert.Equal((2, 1), (a.Version, a.ApprovedVersion));
        Assert.True(a.Versions[^1].IsAmendment);
        Assert.Equal(approvedJson, a.ApprovedPlanJson);
        Assert.Equal(800, a.WorkingPlan.Participation.Capacity);
        Assert.Equal("原计划", a.Title); // the columns lists and schedules read are the approved plan's
        Assert.Equal((ReviewStage.Head, true), a.OpenReview);
        Assert.Equal(("activity.amendment.submitted", ActivityStatus.Approved, ActivityStatus.Approved),
            (a.Transitions[^1].Action, a.Transitions[^1].From, a.Transitions[^1].To));
    }

    [Fact]
    public void An_amendment_approved_at_both_levels_becomes_the_plan_in_force()
    {
        var a = new ActivityBuilder().WithPlan(Plans.Complete("原计划")).WithAmendmentAtLeader(Plans.Complete("新计划")).Build();
        Assert.Equal(AmendmentStatus.LeaderReview, a.Amendment);
        Assert.Equal("原计划", a.Title);

        Allowed(a.Review(Leader, ReviewStage.Leader, Verdicts.Pass(), At));

        Assert.Null(a.Amendment);
        Assert.Equal(ActivityStatus.Approved, a.Status);
        Assert.Equal(2, a.ApprovedVersion);
        Assert.Equal(a.Versions[1].PlanJson, a.ApprovedPlanJson);
        Assert.Equal("新计划", a.Title);
        Assert.Equal("activity.amendment.review.leader.approved", a.Transitions[^1].Action);
        Assert.True(a.Reviews[^1].IsAmendment);
    }

    [Theory]
    [InlineData("head")]
    [InlineData("leader")]
    public void A_rejected_amendment_is_dropped_and_the_working_plan_is_the_approved_one(string level)
    {
        var a = level == "head" ? new ActivityBuilder().WithAmendmentAtHead().Build() : new ActivityBuilder().WithAmendmentAtLeader().Build();
        var (reviewer, stage) = level == "head" ? (Head, ReviewStage.Head) : (Leader, ReviewStage.Leader);

        Allowed(a.Review(reviewer, stage, Verdicts.Reject(), At));

        Assert.Null(a.Amendment);
        Assert.Equal(ActivityStatus.Approved, a.Status);
        Assert.Equal(1, a.ApprovedVersion);
        Assert.Equal(a.ApprovedPlanJson, a.WorkingPlanJson);
        Assert.Equal($"activity.amendment.review.{level}.rejected", a.Transitions[^1].Action);
    }

    [Fact]
    public void A_returned_amendment_may_be_sent_again()
    {
        var a = new ActivityBuilder().WithAmendmentAtHead().Build();
        Allowed(a.Review(Head, ReviewStage.Head, Verdicts.Return(), At));
        Assert.Equal(AmendmentStatus.Returned, a.Amendment);
        Assert.Null(a.OpenReview);

        Allowed(a.Amend(Author, Plans.Complete().WithCapacity(650), At));

        Assert.Equal((AmendmentStatus.HeadReview, 3), (a.Amendment, a.Version));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_second_amendment_waits_for_the_first(bool atHead)
    {
        var a = atHead ? new ActivityBuilder().WithAmendmentAtHead().Build() : new ActivityBuilder().WithAmendmentAtLeader().Build();
        Refused(a.Amend(Author, Plans.Complete().WithCapacity(999), At), ActivityErrors.AmendmentPending);
    }

    [Fact]
    public void An_amendment_must_change_something_and_be_complete()
    {
        var plan = Plans.Complete();
        var a = new ActivityBuilder().WithPlan(plan).Approved().Build();
        Refused(a.Amend(Author, plan, At), ActivityErrors.NoChange);
        Refused(a.Amend(Author, plan with { Risks = [] }, At), ActivityErrors.Incomplete([]));
        Assert.Null(a.Amendment);
        Assert.Equal(1, a.Version);
    }

    [Theory]
    [InlineData("Draft")]
    [InlineData("HeadReview")]
    [InlineData("LeaderReview")]
    [InlineData("Returned")]
    [InlineData("Rejected")]
    [InlineData("Cancelled")]
    public void Only_an_approved_plan_is_amended(string state)
    {
        var a = In(state);
        Refused(a.Amend(Author, Plans.Complete().WithCapacity(999), At), ActivityErrors.WrongState(a.Status));
    }

    [Fact]
    public void Someone_off_the_team_cannot_amend()
    {
        Refused(new ActivityBuilder().Approved().Build().Amend(Outsider, Plans.Complete().WithCapacity(1), At), ActivityErrors.NotOnTeam);
    }

    [Fact]
    public void An_amendment_leaves_the_team_in_force_until_it_is_approved()
    {
        var a = new ActivityBuilder().Approved().Build();
        Allowed(a.Amend(Author, Plans.Complete().WithCapacity(900).WithTeam("planner2"), At));
        Assert.True(a.IsOnTeam(TeamMate));
        Assert.Throws<InvalidOperationException>(() => a.ApplyApprovedTeam([Outsider]));

        Allowed(a.Review(Head, ReviewStage.Head, Verdicts.Pass(), At));
        Allowed(a.Review(Leader, ReviewStage.Leader, Verdicts.Pass(), At));
        a.ApplyApprovedTeam([Outsider]);

        Assert.Equal([Author, Outsider], a.Team.Select(t => t.UserId).Order());
    }

    [Fact]
    public void Team_members_may_not_review_an_amendment_and_the_leader_waits_for_the_head()
    {
        var b = new ActivityBuilder().WithAmendmentAtHead().Build();
        Refused(b.Review(TeamMate, ReviewStage.Head, Verdicts.Pass(), At), ActivityErrors.ReviewerOnTeam);
        Refused(b.Review(Leader, ReviewStage.Leader, Verdicts.Pass(), At), ActivityErrors.NotYourStage);
    }

    // ── Bookkeeping ───────────────────────────────────────────────────────────

    [Fact]
    public void Every_transition_bumps_the_revision_that_guards_concurrent_changes()
    {
        var a = new ActivityBuilder().Approved().Build();
        Assert.Equal(a.Transitions.Count, a.Revision);
    }

    [Fact]
    public void A_refused_transition_changes_nothing()
    {
        var a = new ActivityBuilder().InLeaderReview().Build();
        var (revision, transitions, status) = (a.Revision, a.Transitions.Count, a.Status);

        a.Review(Head, ReviewStage.Head, Verdicts.Pass(), At);
        a.Submit(Author, At);
        a.Edit(Author, Plans.Complete(), [], At);
        a.Cancel(Author, false, "", At);

        Assert.Equal((revision, transitions, status), (a.Revision, a.Transitions.Count, a.Status));
    }

    [Fact]
    public void The_history_of_a_full_approval_reads_in_order()
    {
        var a = new ActivityBuilder().Approved().Build();
        Assert.Equal(["activity.created", "activity.submitted", "activity.review.head.passed", "activity.review.leader.approved"],
            a.Transitions.Select(t => t.Action));
        Assert.Equal([Author, Author, Head, Leader], a.Transitions.Select(t => t.ActorId));
        Assert.Equal(a.Transitions.Select(t => t.At).Order(), a.Transitions.Select(t => t.At));
    }
}
