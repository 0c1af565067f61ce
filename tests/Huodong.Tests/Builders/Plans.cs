using System.Text.Json;
using System.Text.Json.Nodes;
using Huodong.Tests.Infrastructure;
using Huodong.Web.Approval;
using Huodong.Web.People;
using Huodong.Web.Planning;

namespace Huodong.Tests.Builders;

/// <summary>Plans for tests: complete and valid by default (the demo's own complete plan), with a title of their own.</summary>
public static class Plans
{
    /// <summary>A fixed "now" so unit tests and hashes are stable.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    public static Plan Complete(string? title = null) =>
        DemoPlans.Complete(Now, title ?? $"测试活动 {Guid.NewGuid().ToString("N")[..8]}", ActivityFormat.Contest, days: 20, durationDays: 3);

    /// <summary>The plan as the JSON body a client sends, ready to be changed field by field.</summary>
    public static JsonObject AsJson(this Plan plan) => JsonSerializer.SerializeToNode(plan, Http.Json)!.AsObject();

    /// <summary>Sets the value at a JSON path of the plan body (<c>budget[0].amount</c>), as a client would send it.</summary>
    public static JsonObject Set(this JsonObject body, string path, JsonNode? value)
    {
        JsonNode node = body;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var bracket = part.IndexOf('[');
            var name = bracket < 0 ? part : part[..bracket];
            var index = bracket < 0 ? (int?)null : int.Parse(part[(bracket + 1)..^1]);
            var last = i == parts.Length - 1;
            if (index is null)
            {
                if (last) { node[name] = value; break; }
                node = node[name] ??= new JsonObject();
            }
            else
            {
                var array = node[name]!.AsArray();
                if (last) { array[index.Value] = value; break; }
                node = array[index.Value]!;
            }
        }
        return body;
    }

    public static Plan WithCapacity(this Plan plan, int capacity) =>
        plan with { Participation = plan.Participation with { Capacity = capacity } };

    public static Plan WithTeam(this Plan plan, params string[] accounts) =>
        plan with { Team = accounts.Select(a => a.Contains('@') ? a : $"{a}@{DemoSeed.Domain}").ToList() };
}

/// <summary>Review verdicts on the six points of A2.</summary>
public static class Verdicts
{
    public static Verdict Pass(string? comment = "同意。") => Of(ReviewDecision.Pass, comment);
    public static Verdict Return(ReviewPoint failed = ReviewPoint.Risks) => Of(ReviewDecision.Return, "请修改。", failed);
    public static Verdict Reject(ReviewPoint failed = ReviewPoint.Resources) => Of(ReviewDecision.Reject, "不同意。", failed);

    public static Verdict Of(ReviewDecision decision, string? comment, params ReviewPoint[] failed) =>
        new(decision, Enum.GetValues<ReviewPoint>().ToDictionary(p => p, p => new PointVerdict(!failed.Contains(p), null)), comment);

    public static Verdict Without(this Verdict verdict, ReviewPoint point) =>
        verdict with { Points = verdict.Points.Where(p => p.Key != point).ToDictionary() };

    /// <summary>The review body of API.md: <c>{"decision","points":{theme:{ok,comment},…},"comment"}</c>.</summary>
    public static JsonObject Body(string decision, params string[] failedPoints)
    {
        var points = new JsonObject();
        foreach (var p in new[] { "theme", "content", "participation", "rewards", "resources", "risks" })
            points[p] = new JsonObject { ["ok"] = !failedPoints.Contains(p), ["comment"] = failedPoints.Contains(p) ? "需修改" : null };
        return new JsonObject { ["decision"] = decision, ["points"] = points, ["comment"] = $"{decision} by test" };
    }
}
