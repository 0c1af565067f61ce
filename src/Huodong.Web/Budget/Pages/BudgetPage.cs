using Huodong.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huodong.Web.Budget.Pages;

/// <summary>What the budget pages share: a use case's error shown on the form, or a redirect with a notice.</summary>
public abstract class BudgetPage : PageModel
{
    public IReadOnlyList<string> Errors(string key) =>
        ModelState[key]?.Errors.Select(e => e.ErrorMessage).Distinct().ToList() ?? [];

    protected static string? Pascal(string field) => field switch
    {
        "" or "body" => null,
        _ => char.ToUpperInvariant(field[0]) + field[1..],
    };
}

public static class BudgetLabels
{
    /// <summary>The English source text of a category, as the resources know it.</summary>
    public static string Category(Planning.BudgetCategory c) => Labels.Of(c);
    public static string Status(ExpenseStatus s) => Labels.Humanize(s.ToString());
}
