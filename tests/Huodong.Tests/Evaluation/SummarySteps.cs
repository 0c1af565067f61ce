using System.Net;
using Huodong.Tests.Infrastructure;

namespace Huodong.Tests.Evaluation;

/// <summary>Closing needs the summary (E3.3): tests that close an activity write one first, through the API.</summary>
public static class SummarySteps
{
    public static async Task WriteSummaryAsync(this TestApp app, Guid activityId, string by = "planner") =>
        await (await (await app.As(by)).PutJson($"/api/activities/{activityId}/summary", new
        {
            strengths = "报名踊跃，互动积极。",
            weaknesses = "奖品发放通知不够及时。",
            feedbackHighlights = "会员希望活动时间更长。",
        })).ShouldBe(HttpStatusCode.OK);
}
