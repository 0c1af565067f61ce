using Huodong.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Huodong.Web.Planning.Pages;

/// <summary><c>/console/plans/{id}/edit</c>: edit a Draft/Returned plan, or propose an amendment to an approved one.</summary>
public sealed class EditModel(PlanUseCases plans, ActivityQueries queries, IStringLocalizer<SharedResource> l)
    : PlanEditorModel(plans, queries, l)
{
    private readonly ActivityQueries _queries = queries;

    /// <param name="check">Show what the plan still misses for review (after a refused submission elsewhere).</param>
    public async Task<IActionResult> OnGetAsync(Guid id, bool check, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } answer) return answer;
        var detail = await _queries.DetailAsync(Me, Activity!, ct);
        Plan = PlanForm.From(detail.Plan);
        if (check && Plan.ToPlan(out var rows) is var plan && PlanRules.MissingParts(plan) is { Count: > 0 } missing)
            return Fail(ActivityErrors.Incomplete(missing), plan, rows);
        Plan.AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? intent, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } answer) return answer;
        if (AmendmentPending) return Redisplay("An amendment is already under review.");
        return await SaveAsync(intent, ct);
    }
}
