using Huodong.Web.Data;
using Huodong.Web.Planning;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Surveys;

public sealed record OptionCount(int Value, string Label, int Count, double Percent);

/// <summary>
/// One question's results: the distribution of its values (options, 1–5, 0–10) with counts and percentages of those
/// who answered it; CSAT (share of 4 and 5) for a rating, NPS (% 9–10 − % 0–6) for an NPS question; the free-text
/// answers, masked when they are personal and the viewer is not cleared to read personal data.
/// </summary>
public sealed record QuestionResult(int Index, QuestionType Type, string Text, bool Personal, int Answered,
    IReadOnlyList<OptionCount> Distribution, double? Average, double? Csat, double? Nps, IReadOnlyList<string> Texts, bool Masked);

public sealed record SurveyResultsView(Guid SurveyId, string Title, SurveyPurpose Purpose, SurveyStatus Status, Guid? ActivityId,
    string? ActivityTitle, SurveyAudience Audience, bool Anonymous, int Responses, int AudienceSize, double? ResponseRate,
    double? Csat, double? Nps, IReadOnlyList<QuestionResult> Questions);

/// <summary>The figures of a survey (V1.2), counted in the database: one GROUP BY over the answer rows.</summary>
public static class SurveyFigures
{
    public const int MaxTexts = 500;

    /// <summary>CSAT: the share of 1–5 ratings that are 4 or 5; null without ratings.</summary>
    public static double? Csat(IEnumerable<(int Value, int Count)> ratings)
    {
        var list = ratings.ToList();
        var total = list.Sum(r => r.Count);
        return total == 0 ? null : (double)list.Where(r => r.Value >= 4).Sum(r => r.Count) / total;
    }

    /// <summary>NPS: % promoters (9–10) − % detractors (0–6), from −100 to 100; null without scores.</summary>
    public static double? Nps(IEnumerable<(int Value, int Count)> scores)
    {
        var list = scores.ToList();
        var total = list.Sum(r => r.Count);
        if (total == 0) return null;
        var promoters = list.Where(r => r.Value >= 9).Sum(r => r.Count);
        var detractors = list.Where(r => r.Value <= 6).Sum(r => r.Count);
        return Math.Round(100.0 * (promoters - detractors) / total, 1);
    }

    public static async Task<SurveyResultsView> ResultsAsync(HuodongDb db, Survey survey, Activity? activity, bool revealPersonal,
        Func<string, string> decrypt, CancellationToken ct)
    {
        var questions = survey.Questions;
        var counts = await db.Set<SurveyAnswer>().Where(a => a.SurveyId == survey.Id && a.Value != null)
            .GroupBy(a => new { a.Question, a.Value }).Select(g => new { g.Key.Question, g.Key.Value, Count = g.Count() }).ToListAsync(ct);
        var answered = await db.Set<SurveyAnswer>().Where(a => a.SurveyId == survey.Id)
            .GroupBy(a => a.Question).Select(g => new { Question = g.Key, Count = g.Select(a => a.ResponseId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Question, x => x.Count, ct);
        var responses = await db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == survey.Id, ct);
        var size = await SurveyAudiences.SizeAsync(db, survey, activity, ct);

        var results = new List<QuestionResult>();
        var allRatings = new List<(int, int)>();
        var allScores = new List<(int, int)>();
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var n = answered.GetValueOrDefault(i);
            var mine = counts.Where(c => c.Question == i).ToDictionary(c => c.Value!.Value, c => c.Count);
            IReadOnlyList<string> texts = [];
            if (q.Type == QuestionType.FreeText)
            {
                var raw = await db.Set<SurveyAnswer>().Where(a => a.SurveyId == survey.Id && a.Question == i && a.Text != null)
                    .OrderByDescending(a => a.Id).Select(a => a.Text!).Take(MaxTexts).ToListAsync(ct);
                texts = q.Personal ? raw.Select(t => revealPersonal ? decrypt(t) : "••••••").ToList() : raw;
            }
            var (min, max) = q.Range;
            var distribution = q.Type == QuestionType.FreeText ? []
                : Enumerable.Range(min, max - min + 1).Select(v => new OptionCount(v, q.IsChoice ? q.Options[v] : v.ToString(),
                    mine.GetValueOrDefault(v), n == 0 ? 0 : Math.Round(100.0 * mine.GetValueOrDefault(v) / n, 1))).ToList();
            var pairs = mine.Select(kv => (kv.Key, kv.Value)).ToList();
            var total = pairs.Sum(p => p.Value);
            double? average = q.Type is QuestionType.Rating or QuestionType.Nps && total > 0
                ? Math.Round((double)pairs.Sum(p => p.Key * p.Value) / total, 2) : null;
            if (q.Type == QuestionType.Rating) allRatings.AddRange(pairs);
            if (q.Type == QuestionType.Nps) allScores.AddRange(pairs);
            results.Add(new QuestionResult(i, q.Type, q.Text, q.Personal, n, distribution, average,
                q.Type == QuestionType.Rating ? Csat(pairs) : null, q.Type == QuestionType.Nps ? Nps(pairs) : null,
                texts, q.Personal && !revealPersonal));
        }
        return new SurveyResultsView(survey.Id, survey.Title, survey.Purpose, survey.Status, survey.ActivityId, activity?.Title,
            survey.Audience, survey.Anonymous, responses, size, size == 0 ? null : (double)responses / size,
            Csat(allRatings), Nps(allScores), results);
    }
}
