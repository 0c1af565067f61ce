using System.Globalization;
using System.Runtime.CompilerServices;
using Huodong.Web.Data;
using Huodong.Web.Security;
using Huodong.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Evaluation.Surveys;

/// <summary>
/// The responses of a survey as CSV or XLSX, one row per response, read from the database as a stream (the rows are
/// never all in memory). Choices are written as their option text, several joined with "; ". Personal free text is
/// masked unless the exporting staff member is cleared; anonymous surveys have no member column values.
/// </summary>
public sealed class SurveyExport(HuodongDb db, FieldProtector protector, IStringLocalizer<SharedResource> l)
{
    public IReadOnlyList<string> Header(Survey survey) =>
        [l["Response"], l["Submitted at"], l["Member"], .. survey.Questions.Select((q, i) => $"Q{i + 1}. {q.Text}")];

    public async IAsyncEnumerable<string?[]> RowsAsync(Survey survey, bool revealPersonal, [EnumeratorCancellation] CancellationToken ct)
    {
        var questions = survey.Questions;
        var rows = (from r in db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == survey.Id)
                    from a in db.Set<SurveyAnswer>().AsNoTracking().Where(a => a.ResponseId == r.Id).DefaultIfEmpty()
                    orderby r.Id, a.Id
                    select new { r.Id, r.SubmittedAt, r.MemberId, Question = (int?)a.Question, a.Value, a.Text }).AsAsyncEnumerable();
        string?[]? current = null;
        Guid currentId = default;
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (current is null || row.Id != currentId)
            {
                if (current is not null) yield return current;
                currentId = row.Id;
                current = new string?[3 + questions.Count];
                current[0] = row.Id.ToString();
                current[1] = row.SubmittedAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                current[2] = survey.Anonymous ? l["Anonymous"] : row.MemberId?.ToString();
            }
            if (row.Question is not { } qi || qi >= questions.Count) continue;
            var q = questions[qi];
            var cell = q.Type switch
            {
                QuestionType.FreeText when q.Personal => revealPersonal && row.Text is not null ? protector.Decrypt(row.Text, AnswerSurvey.AnswerPurpose) : "••••••",
                QuestionType.FreeText => row.Text,
                _ when q.IsChoice && row.Value is { } v && v < q.Options.Count => q.Options[v],
                _ => row.Value?.ToString(CultureInfo.InvariantCulture),
            };
            var at = 3 + qi;
            current[at] = current[at] is null ? cell : current[at] + "; " + cell;
        }
        if (current is not null) yield return current;
    }

    public async Task WriteCsvAsync(Stream output, Survey survey, bool revealPersonal, CancellationToken ct)
    {
        await using var csv = new CsvWriter(output);
        await csv.WriteRowAsync(Header(survey), ct);
        await foreach (var row in RowsAsync(survey, revealPersonal, ct)) await csv.WriteRowAsync(row, ct);
    }

    /// <summary>MiniExcel 1.46 takes the rows as an async stream and writes the sheet as they come.</summary>
    public async Task WriteXlsxAsync(Stream output, Survey survey, bool revealPersonal, CancellationToken ct)
    {
        var header = Header(survey).Select((h, i) => i < 3 ? h : h.Length > 200 ? h[..200] : h).ToList();
        async IAsyncEnumerable<Dictionary<string, object?>> Sheet()
        {
            await foreach (var row in RowsAsync(survey, revealPersonal, ct))
            {
                var d = new Dictionary<string, object?>(header.Count);
                for (var i = 0; i < header.Count; i++) d[header[i]] = row[i] ?? "";
                yield return d;
            }
        }
        await MiniExcelLibs.MiniExcel.SaveAsAsync(output, Sheet(), sheetName: "Responses", cancellationToken: ct);
    }
}
