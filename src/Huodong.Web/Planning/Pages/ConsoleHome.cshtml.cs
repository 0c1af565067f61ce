using Huodong.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Huodong.Web.Planning.Pages;

/// <summary><c>/console</c> → <c>/console/plans</c>.</summary>
[Authorize(Policy = PagesSetup.StaffPolicy)]
public sealed class ConsoleHomeModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/console/plans");
}
