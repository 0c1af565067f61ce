namespace Huodong.Web.Evaluation.Metrics;

// TEMPORARY until the surveys and feedback branch is merged (it registers the real sources); delete at merge.
internal sealed class PendingSatisfaction : ISatisfactionSource
{
    public Task<SatisfactionFigures> ForAsync(Guid activityId, int participants, CancellationToken ct = default) =>
        Task.FromResult(SatisfactionFigures.None);
}

internal sealed class PendingFeedback : IFeedbackSource
{
    public Task<FeedbackFigures> ForAsync(Guid activityId, CancellationToken ct = default) => Task.FromResult(FeedbackFigures.None);
}
