using Huodong.Web.Planning;
using Huodong.Web.Rewards;

namespace Huodong.Tests.Rewards;

/// <summary>The Ranking rule and the award's own lifecycle, as plain unit tests.</summary>
public sealed class RankingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private static ScoredEntry Entry(int member, int minutes, params decimal[] totals) =>
        new(Guid.NewGuid(), Member(member), $"R{member:000000}", T0.AddMinutes(minutes), totals);

    private static Guid Member(int n) => new($"00000000-0000-0000-0000-{n:000000000000}");

    [Fact]
    public void Several_judges_average_and_the_higher_average_ranks_first()
    {
        var ranked = Ranking.Rank([Entry(1, 0, 20, 22), Entry(2, 5, 25, 27), Entry(3, 1, 30, 10)]);

        Assert.Equal([Member(2), Member(1), Member(3)], ranked.Select(r => r.MemberId));
        Assert.Equal([26m, 21m, 20m], ranked.Select(r => r.Average));
        Assert.Equal([1, 2, 3], ranked.Select(r => r.Rank));
        Assert.All(ranked, r => Assert.Equal(2, r.Judges));
    }

    [Fact]
    public void A_tie_goes_to_the_earlier_submission_then_to_the_earlier_registration()
    {
        var ranked = Ranking.Rank([Entry(7, 10, 24), Entry(5, 3, 20, 28), Entry(6, 3, 24)]);

        // All three average 24: member 5 and 6 submitted at minute 3 (5 registered first), member 7 at minute 10.
        Assert.Equal([Member(5), Member(6), Member(7)], ranked.Select(r => r.MemberId));
    }

    [Fact]
    public void A_member_is_ranked_once_by_their_best_submission()
    {
        var ranked = Ranking.Rank([Entry(1, 0, 10), Entry(1, 4, 29), Entry(2, 1, 20)]);

        Assert.Equal(2, ranked.Count);
        Assert.Equal((Member(1), 29m), (ranked[0].MemberId, ranked[0].Average));
    }

    [Fact]
    public void The_rubric_needs_every_criterion_between_0_and_10_and_sums_them()
    {
        Assert.Equal(21m, Rubric.Total(new Dictionary<string, int> { ["relevance"] = 8, ["quality"] = 7, ["creativity"] = 6 }).Value);
        var bad = Rubric.Total(new Dictionary<string, int> { ["relevance"] = 11, ["quality"] = 7, ["luck"] = 1 });
        Assert.Equal(["criteria.creativity", "criteria.luck", "criteria.relevance"], bad.Error!.Fields!.Keys.Order());
    }

    private static Award PointsAward(Guid winner) =>
        new(Guid.NewGuid(), "积分", RewardKind.Points, RewardRule.Draw, 100m, 1, winner, "R000001", null, null, T0);

    [Fact]
    public void Only_the_winner_confirms_a_delivered_award_and_only_once()
    {
        var winner = Guid.NewGuid();
        var award = PointsAward(winner);

        Assert.Equal("wrong-state", award.Confirm(winner, T0).Error!.Code);
        Assert.True(award.Deliver(Guid.NewGuid(), null, null, null, T0).IsOk);
        Assert.Equal("forbidden", award.Confirm(Guid.NewGuid(), T0).Error!.Code);
        Assert.True(award.Confirm(winner, T0.AddDays(1)).IsOk);
        Assert.Equal("already-confirmed", award.Confirm(winner, T0.AddDays(2)).Error!.Code);
        Assert.Equal(AwardStatus.Confirmed, award.Status);
    }

    [Fact]
    public void A_physical_prize_ships_only_with_an_address_and_a_tracking_number()
    {
        var winner = Guid.NewGuid();
        var award = new Award(Guid.NewGuid(), "手环", RewardKind.Physical, RewardRule.Ranking, 199m, 1, winner, "R000002", null, 27m, T0);

        Assert.Equal("address-missing", award.Deliver(Guid.NewGuid(), "SF123", null, null, T0).Error!.Code);
        Assert.True(award.SetAddress(winner, "v1:sealed").IsOk);
        Assert.Equal("validation", award.Deliver(Guid.NewGuid(), " ", null, null, T0).Error!.Code);
        Assert.True(award.Deliver(Guid.NewGuid(), " SF123 ", null, null, T0).IsOk);
        Assert.Equal("SF123", award.TrackingNumber);
    }

    [Fact]
    public void Only_an_undelivered_award_is_voided_and_it_needs_a_reason()
    {
        var award = PointsAward(Guid.NewGuid());
        Assert.Equal("validation", award.Void(" ", T0).Error!.Code);
        Assert.True(award.Void("取消资格", T0).IsOk);
        Assert.Equal("wrong-state", award.Deliver(Guid.NewGuid(), null, null, null, T0).Error!.Code);
        Assert.True(award.IsOverdue(T0.AddDays(30)) is false);
    }

    [Fact]
    public void A_pending_award_is_overdue_after_the_delivery_window()
    {
        var award = PointsAward(Guid.NewGuid());
        Assert.False(award.IsOverdue(T0 + Award.DeliveryWindow));
        Assert.True(award.IsOverdue(T0 + Award.DeliveryWindow + TimeSpan.FromSeconds(1)));
    }
}
