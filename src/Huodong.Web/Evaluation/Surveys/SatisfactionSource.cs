using Huodong.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Huodong.Web.Evaluation.Surveys;

/// <summary>
/// <see cref="ISatisfactionSource"/> from the activity's satisfaction survey (V1.2): the automatic one made at the end,
/// else the earliest opened. CSAT over every 1–5 rating answer, NPS over the NPS answers, responses ÷ participants.
/// </summary>
public sealed class SatisfactionSource(HuodongDb db) : ISatisfactionSource
{
    public async Task<SatisfactionFigures> ForAsync(Guid activityId, int participants, CancellationToken ct = default)
    {
        var survey = await db.Set<Survey>().AsNoTracking()
            .Where(s => s.ActivityId == activityId && s.Purpose == SurveyPurpose.Satisfaction && s.Status != SurveyStatus.Draft)
            .OrderByDescending(s => s.Automatic).ThenBy(s => s.OpenedAt).FirstOrDefaultAsync(ct);
        if (survey is null) return SatisfactionFigures.None;
        var questions = survey.Questions;
        var ratings = Indexes(questions, QuestionType.Rating);
        var scores = Indexes(questions, QuestionType.Nps);
        var counts = await db.Set<SurveyAnswer>().Where(a => a.SurveyId == survey.Id && a.Value != null)
            .GroupBy(a => new { a.Question, a.Value }).Select(g => new { g.Key.Question, g.Key.Value, Count = g.Count() }).ToListAsync(ct);
        var responses = await db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == survey.Id, ct);
        var csat = SurveyFigures.Csat(counts.Where(c => ratings.Contains(c.Question)).Select(c => (c.Value!.Value, c.Count)));
        var nps = SurveyFigures.Nps(counts.Where(c => scores.Contains(c.Question)).Select(c => (c.Value!.Value, c.Count)));
        return new SatisfactionFigures(csat, nps, responses, participants == 0 ? null : (double)responses / participants);
    }

    private static HashSet<int> Indexes(IReadOnlyList<SurveyQuestion> questions, QuestionType type) =>
        Enumerable.Range(0, questions.Count).Where(i => questions[i].Type == type).ToHashSet();
}
