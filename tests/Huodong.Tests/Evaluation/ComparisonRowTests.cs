using Huodong.Web.Evaluation;
using Huodong.Web.Evaluation.Comparison;

namespace Huodong.Tests.Evaluation;

/// <summary>V2.4: how one figure is set against its peers — average, median, difference, and better or worse in the figure's direction.</summary>
public class ComparisonRowTests
{
    [Fact]
    public void A_higher_value_than_the_peer_average_is_better_where_higher_is_better()
    {
        var row = ActivityComparison.Row(MetricKeys.Participants, 30, [10, 20, 36]);
        Assert.Equal((22.0, 20.0, 8.0, true), (row.PeerAverage!.Value, row.PeerMedian!.Value, row.Delta!.Value, row.Better!.Value));
        Assert.False(ActivityComparison.Row(MetricKeys.Participants, 15, [10, 20, 36]).Better);
    }

    [Fact]
    public void A_lower_cost_per_participant_is_better_and_a_higher_one_worse()
    {
        Assert.True(ActivityComparison.Row(MetricKeys.CostPerParticipant, 40, [50, 70]).Better);
        var worse = ActivityComparison.Row(MetricKeys.CostPerParticipant, 90, [50, 70]);
        Assert.Equal((60.0, 30.0, false), (worse.PeerAverage!.Value, worse.Delta!.Value, worse.Better!.Value));
        Assert.False(worse.HigherIsBetter);
    }

    [Fact]
    public void Without_a_value_on_either_side_or_with_equal_values_there_is_no_verdict()
    {
        Assert.Null(ActivityComparison.Row(MetricKeys.Csat, null, [0.8, 0.9]).Better);
        var noPeers = ActivityComparison.Row(MetricKeys.Csat, 0.8, [null, null]);
        Assert.Equal((null, null, null, (bool?)null, 0), (noPeers.PeerAverage, noPeers.PeerMedian, noPeers.Delta, noPeers.Better, noPeers.PeerCount));
        Assert.Null(ActivityComparison.Row(MetricKeys.Nps, 20, [10, 30]).Better);
    }

    [Fact]
    public void Peers_without_the_figure_are_left_out_of_the_average_and_the_median()
    {
        var row = ActivityComparison.Row(MetricKeys.ParticipationRate, 0.5, [0.2, null, 0.4, 0.3, 0.1]);
        Assert.Equal((0.25, 0.25, 4), (row.PeerAverage!.Value, row.PeerMedian!.Value, row.PeerCount));
    }
}
